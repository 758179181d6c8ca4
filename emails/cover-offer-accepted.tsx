// Sent to the offering Träger (the offer's author and its contact person, else its coordinators)
// when the requesting Träger accepts its offer: the next step is getting in touch, so the button
// leads to the request, where the contact person and the handover notes are now visible.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import {
  CoverFacts,
  CoverMailPropsSchema,
  KIND_SHORT,
  URGENCY,
  UrgencyBanner,
  coverUrl,
  formatHours,
  offererFooter,
  requestShort,
  sampleCoverProps,
} from "./components/cover";

export const CoverOfferAcceptedPropsSchema = CoverMailPropsSchema.extend({
  acceptedHours: z.number().positive(),
  requestFilled: z.boolean(),
});
export type CoverOfferAcceptedProps = z.infer<typeof CoverOfferAcceptedPropsSchema> & { appUrl: string };

export function subject(props: CoverOfferAcceptedProps): string {
  return `${URGENCY[props.urgency].subjectTag}: Angebot angenommen – ${KIND_SHORT[props.kind]} ${requestShort(props)}, ${formatHours(props.acceptedHours)} Std./Woche`;
}

export default function CoverOfferAccepted(props: CoverOfferAcceptedProps) {
  return (
    <EmailLayout
      preview={`${props.requesterOrgName} hat ${formatHours(props.acceptedHours)} Std./Woche Ihres Angebots angenommen.`}
      banner={<UrgencyBanner urgency={props.urgency} />}
      heading="Ihr Angebot ist angenommen"
      footer={offererFooter}
    >
      <Paragraph>{greeting(props.recipientName)}</Paragraph>
      <Paragraph>
        <strong>{props.requesterOrgName}</strong> hat Ihr Angebot angenommen:{" "}
        <strong>{formatHours(props.acceptedHours)} Std./Woche</strong>.
        {props.requestFilled ? " Die Anfrage ist damit vollständig besetzt." : null}
      </Paragraph>
      <Paragraph>
        {props.urgency === "notfall" ? "Es ist ein Notfall: Bitte melden Sie sich noch heute bei der Ansprechperson. " : null}
        Ansprechperson und Übergabe-Infos für Ihre Fachkraft finden Sie jetzt bei der Anfrage.
      </Paragraph>
      <ActionButton href={coverUrl(props)}>Ansprechperson und Übergabe ansehen</ActionButton>
      <CoverFacts props={props} showRequester />
    </EmailLayout>
  );
}

CoverOfferAccepted.PreviewProps = {
  ...sampleCoverProps,
  acceptedHours: 12,
  requestFilled: false,
} satisfies CoverOfferAcceptedProps;
