// Sent to the offering Träger when its offer is not taken: declined by the requesting Träger
// (with their message), or declined because other offers filled the request.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, Quote, greeting } from "./components/layout";
import {
  CoverFacts,
  CoverMailPropsSchema,
  URGENCY,
  coverUrl,
  offererFooter,
  requestShort,
  sampleCoverProps,
} from "./components/cover";

export const CoverOfferDeclinedPropsSchema = CoverMailPropsSchema.extend({
  reason: z.enum(["declined", "filled"]),
  message: z.string(),
});
export type CoverOfferDeclinedProps = z.infer<typeof CoverOfferDeclinedPropsSchema> & { appUrl: string };

export function subject(props: CoverOfferDeclinedProps): string {
  const what = props.reason === "filled" ? "Anfrage besetzt, Ihr Angebot wird nicht gebraucht" : "Angebot nicht angenommen";
  return `${what}: ${requestShort(props)} (${URGENCY[props.urgency].word})`;
}

export default function CoverOfferDeclined(props: CoverOfferDeclinedProps) {
  const message = props.message.trim();
  const filled = props.reason === "filled";
  return (
    <EmailLayout
      preview={
        filled
          ? `Die Anfrage von ${props.requesterOrgName} ist besetzt. Sie müssen nichts weiter tun.`
          : `${props.requesterOrgName} hat Ihr Angebot nicht angenommen.`
      }
      heading={filled ? "Die Anfrage ist besetzt" : "Ihr Angebot wurde nicht angenommen"}
      footer={offererFooter}
    >
      <Paragraph>{greeting(props.recipientName)}</Paragraph>
      {filled ? (
        <Paragraph>
          die Anfrage von <strong>{props.requesterOrgName}</strong> ist inzwischen vollständig besetzt. Ihr Angebot wird
          deshalb nicht mehr gebraucht – danke, dass Sie eingesprungen wären. Sie müssen nichts weiter tun.
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            <strong>{props.requesterOrgName}</strong> hat Ihr Angebot nicht angenommen.
            {message ? " Die Nachricht dazu:" : null}
          </Paragraph>
          {message ? <Quote>{message}</Quote> : null}
        </>
      )}
      <ActionButton href={coverUrl(props)}>Anfrage ansehen</ActionButton>
      <CoverFacts props={props} showRequester showUrgency />
    </EmailLayout>
  );
}

CoverOfferDeclined.PreviewProps = {
  ...sampleCoverProps,
  reason: "declined",
  message: "Danke! Wir haben intern doch noch eine Lösung gefunden.",
} satisfies CoverOfferDeclinedProps;
