// Sent to the requesting Träger when a Träger takes back its offer (possible until it is
// accepted). Carries the case reference: it stays within the requesting Träger.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import {
  CoverFacts,
  CoverMailPropsSchema,
  NoBreak,
  URGENCY,
  UrgencyBanner,
  coverUrl,
  ownRequestName,
  requesterFooter,
  sampleCoverProps,
} from "./components/cover";

export const CoverOfferWithdrawnPropsSchema = CoverMailPropsSchema.extend({
  caseReference: z.string().nullable(),
  offerOrgName: z.string().min(1),
});
export type CoverOfferWithdrawnProps = z.infer<typeof CoverOfferWithdrawnPropsSchema> & { appUrl: string };

export function subject(props: CoverOfferWithdrawnProps): string {
  return `${URGENCY[props.urgency].subjectTag}: ${props.offerOrgName} zieht Angebot für ${ownRequestName(props)} zurück`;
}

export default function CoverOfferWithdrawn(props: CoverOfferWithdrawnProps) {
  return (
    <EmailLayout
      preview={`${props.offerOrgName} hat das Angebot zurückgezogen. Ihre Anfrage bleibt offen.`}
      banner={<UrgencyBanner urgency={props.urgency} />}
      heading="Angebot zurückgezogen"
      footer={requesterFooter(props)}
    >
      <Paragraph>{greeting(props.recipientName)}</Paragraph>
      <Paragraph>
        <strong>{props.offerOrgName}</strong> hat das Angebot für Ihre Anfrage <NoBreak>{ownRequestName(props)}</NoBreak> zurückgezogen. Die
        Anfrage bleibt offen; andere Träger können weiter anbieten.
      </Paragraph>
      <ActionButton href={coverUrl(props)}>Anfrage ansehen</ActionButton>
      <CoverFacts props={props} caseReference={props.caseReference} />
    </EmailLayout>
  );
}

CoverOfferWithdrawn.PreviewProps = {
  ...sampleCoverProps,
  caseReference: "F-2026-014",
  offerOrgName: "Du & Ich e. V.",
} satisfies CoverOfferWithdrawnProps;
