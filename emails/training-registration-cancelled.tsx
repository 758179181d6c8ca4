// Sent when a registration ends before the training: cancelled by the registrant, removed by the
// organizer, an offer that ran out, or an approval refused. The reason in words; for a cancelled
// or removed seat a calendar file that takes the sessions out of the calendar again.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import {
  RegistrationMailPropsSchema,
  TrainingDetails,
  sampleRegistrationProps,
  trainingUrl,
} from "./components/training";

export const REGISTRATION_CANCEL_REASONS = ["cancelled", "removed_by_organizer", "offer_expired", "approval_rejected"] as const;

export const TrainingRegistrationCancelledPropsSchema = RegistrationMailPropsSchema.extend({
  reason: z.enum(REGISTRATION_CANCEL_REASONS),
});
export type TrainingRegistrationCancelledProps = z.infer<typeof TrainingRegistrationCancelledPropsSchema> & { appUrl: string };

const subjects: Record<TrainingRegistrationCancelledProps["reason"], string> = {
  cancelled: "Anmeldung storniert",
  removed_by_organizer: "Anmeldung vom Veranstalter storniert",
  offer_expired: "Platzangebot verfallen",
  approval_rejected: "Anmeldung nicht freigegeben",
};

export function subject(props: TrainingRegistrationCancelledProps): string {
  return `${subjects[props.reason]}: ${props.trainingTitle}`;
}

function explanation(props: TrainingRegistrationCancelledProps): string {
  const the = props.clientSeats
    ? `die Anmeldung von ${props.seats === 1 ? "1 Platz" : `${props.seats} Plätzen`} für Klient:innen${props.orgName ? ` (${props.orgName})` : ""}`
    : "Ihre Anmeldung";
  const title = `„${props.trainingTitle}“`;
  switch (props.reason) {
    case "cancelled":
      return `${the} zur Fortbildung ${title} ist storniert. Ein Platz, den sie belegt hat, geht an die nächste Person auf der Warteliste.`;
    case "removed_by_organizer":
      return `der Veranstalter ${props.organizerName} hat ${the} zur Fortbildung ${title} storniert. Bei Fragen wenden Sie sich bitte direkt an den Veranstalter.`;
    case "offer_expired":
      return `das Platzangebot für ${title} ist abgelaufen, ohne dass es angenommen wurde. Der Platz geht an die nächste Person auf der Warteliste; ${the} ist damit beendet.`;
    case "approval_rejected":
      return `${the} zur Fortbildung ${title} wurde nicht freigegeben – entweder vom eigenen Träger oder vom Veranstalter. Der reservierte Platz ist wieder frei.`;
  }
}

/** Only a seat that may be in someone's calendar gets the file that removes it again. */
export function removesCalendarEntry(reason: TrainingRegistrationCancelledProps["reason"]): boolean {
  return reason === "cancelled" || reason === "removed_by_organizer";
}

export default function TrainingRegistrationCancelled(props: TrainingRegistrationCancelledProps) {
  return (
    <EmailLayout
      preview={`${subjects[props.reason]}: „${props.trainingTitle}“.`}
      heading={subjects[props.reason]}
      footer="Sie erhalten diese E-Mail, weil Sie sich im Trägerkreis zu dieser Fortbildung angemeldet hatten."
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>{explanation(props)}</Paragraph>
      {removesCalendarEntry(props.reason) ? (
        <Paragraph>
          Haben Sie die Termine in Ihren Kalender übernommen, öffnen Sie die angehängte Kalenderdatei (.ics): Sie nimmt sie
          wieder heraus.
        </Paragraph>
      ) : null}
      <TrainingDetails props={props} hideCost />
      <Paragraph>Möchten Sie doch teilnehmen, können Sie sich erneut anmelden, solange die Anmeldung offen ist.</Paragraph>
      <ActionButton href={trainingUrl(props)}>Fortbildung ansehen</ActionButton>
    </EmailLayout>
  );
}

TrainingRegistrationCancelled.PreviewProps = {
  ...sampleRegistrationProps,
  reason: "offer_expired",
} satisfies TrainingRegistrationCancelledProps;
