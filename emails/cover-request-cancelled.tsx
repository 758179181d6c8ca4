// Sent to every Träger with an open or accepted offer when the requesting Träger cancels the
// request, with its reason. For an accepted offer the cover is off: the Fachkraft must be told.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, Quote, greeting } from "./components/layout";
import {
  CoverFacts,
  CoverMailPropsSchema,
  KIND_SHORT,
  URGENCY,
  coverUrl,
  offererFooter,
  requestShort,
  sampleCoverProps,
} from "./components/cover";

export const CoverRequestCancelledPropsSchema = CoverMailPropsSchema.extend({
  reason: z.string().min(1),
  wasAccepted: z.boolean(),
});
export type CoverRequestCancelledProps = z.infer<typeof CoverRequestCancelledPropsSchema> & { appUrl: string };

export function subject(props: CoverRequestCancelledProps): string {
  return props.wasAccepted
    ? `Abgesagt: Ihre zugesagte ${KIND_SHORT[props.kind]} ${requestShort(props)} (${URGENCY[props.urgency].word}) wird nicht mehr gebraucht`
    : `Anfrage abgesagt: ${requestShort(props)} (${URGENCY[props.urgency].word})`;
}

export default function CoverRequestCancelled(props: CoverRequestCancelledProps) {
  return (
    <EmailLayout
      preview={`${props.requesterOrgName} hat die Anfrage abgesagt.${props.wasAccepted ? " Ihre Zusage ist damit hinfällig." : ""}`}
      heading={props.wasAccepted ? "Die Vertretung wird nicht mehr gebraucht" : "Die Anfrage ist abgesagt"}
      footer={offererFooter}
    >
      <Paragraph>{greeting(props.recipientName)}</Paragraph>
      <Paragraph>
        <strong>{props.requesterOrgName}</strong> hat die Anfrage abgesagt. Der Grund:
      </Paragraph>
      <Quote>{props.reason}</Quote>
      <Paragraph>
        {props.wasAccepted
          ? "Ihre Zusage ist damit hinfällig. Bitte geben Sie der eingeplanten Fachkraft Bescheid."
          : "Ihr Angebot ist damit erledigt; Sie müssen nichts weiter tun."}
      </Paragraph>
      <ActionButton href={coverUrl(props)}>Anfrage ansehen</ActionButton>
      <CoverFacts props={props} showRequester showUrgency />
    </EmailLayout>
  );
}

CoverRequestCancelled.PreviewProps = {
  ...sampleCoverProps,
  reason: "Die Kollegin ist früher als gedacht zurück.",
  wasAccepted: true,
} satisfies CoverRequestCancelledProps;
