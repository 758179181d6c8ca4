// Sent to the requesting Träger (the request's author and its contact person, else its
// coordinators) when another Träger offers cover. Carries the case reference: it stays within
// the requesting Träger.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, Quote, greeting } from "./components/layout";
import {
  CoverFacts,
  CoverMailPropsSchema,
  NoBreak,
  Note,
  URGENCY,
  UrgencyBanner,
  coverUrl,
  formatDay,
  formatHours,
  ownRequestName,
  requesterFooter,
  sampleCoverProps,
} from "./components/cover";

export const CoverOfferReceivedPropsSchema = CoverMailPropsSchema.extend({
  caseReference: z.string().nullable(),
  offerOrgName: z.string().min(1),
  offeredHours: z.number().positive(),
  availableFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "kein Datum (JJJJ-MM-TT)"),
  message: z.string(),
});
export type CoverOfferReceivedProps = z.infer<typeof CoverOfferReceivedPropsSchema> & { appUrl: string };

export function subject(props: CoverOfferReceivedProps): string {
  return `${URGENCY[props.urgency].subjectTag}: Angebot von ${props.offerOrgName} für ${ownRequestName(props)} – ${formatHours(props.offeredHours)} Std./Woche`;
}

export default function CoverOfferReceived(props: CoverOfferReceivedProps) {
  const message = props.message.trim();
  // An offer may name a day before the period; the cover starts with the period.
  const from = props.availableFrom > props.periodFrom ? props.availableFrom : props.periodFrom;
  return (
    <EmailLayout
      preview={`${props.offerOrgName} bietet ${formatHours(props.offeredHours)} von ${formatHours(props.hoursPerWeek)} Std./Woche ab ${formatDay(from)}.`}
      banner={<UrgencyBanner urgency={props.urgency} />}
      heading="Neues Angebot"
      footer={requesterFooter(props)}
    >
      <Paragraph>{greeting(props.recipientName)}</Paragraph>
      <Paragraph>
        <strong>{props.offerOrgName}</strong> bietet für Ihre Anfrage <NoBreak>{ownRequestName(props)}</NoBreak>{" "}
        <strong>
          {formatHours(props.offeredHours)} von {formatHours(props.hoursPerWeek)} Std./Woche ab {formatDay(from)}
        </strong>
        .
      </Paragraph>
      {message ? (
        <>
          <Paragraph>Die Nachricht dazu:</Paragraph>
          <Quote>{message}</Quote>
        </>
      ) : null}
      <ActionButton href={coverUrl(props)}>Angebot ansehen und entscheiden</ActionButton>
      <Note>Qualifikation und Sprachen der Fachkraft sehen Sie bei der Anfrage. Sie können das Angebot ganz oder teilweise annehmen oder ablehnen.</Note>
      <CoverFacts props={props} caseReference={props.caseReference} />
    </EmailLayout>
  );
}

CoverOfferReceived.PreviewProps = {
  ...sampleCoverProps,
  caseReference: "F-2026-014",
  offerOrgName: "Du & Ich e. V.",
  offeredHours: 12,
  availableFrom: "2026-12-01",
  message: "Wir haben eine Kollegin mit SPFH-Erfahrung, die ab Dienstag übernehmen kann.",
} satisfies CoverOfferReceivedProps;
