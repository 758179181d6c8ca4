// Sent when a seat is confirmed (registered with a free seat, an offer accepted, an approval
// given): the facts of the training, how long the seat can still be cancelled, and the sessions
// as a calendar file attached (built in app/.server/mail/attachments.ts).
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import {
  RegistrationMailPropsSchema,
  TrainingDetails,
  formatDayTime,
  isOrAre,
  sampleRegistrationProps,
  trainingUrl,
  whatIsBooked,
  type RegistrationMailProps,
} from "./components/training";

export const TrainingConfirmedPropsSchema = RegistrationMailPropsSchema;
export type TrainingConfirmedProps = RegistrationMailProps;

export function subject(props: TrainingConfirmedProps): string {
  return `Anmeldung bestätigt: ${props.trainingTitle}`;
}

export default function TrainingConfirmed(props: TrainingConfirmedProps) {
  const booked = whatIsBooked(props);
  const deadline = props.cancellationDeadline;
  return (
    <EmailLayout
      preview={`${booked} in „${props.trainingTitle}“ ${isOrAre(props)} bestätigt. Die Termine hängen als Kalenderdatei an.`}
      heading="Ihre Anmeldung ist bestätigt"
      footer={
        props.clientSeats
          ? `Sie erhalten diese E-Mail, weil Sie im Trägerkreis Plätze für Klient:innen${props.orgName ? ` von ${props.orgName}` : ""} gebucht haben.`
          : "Sie erhalten diese E-Mail, weil Sie im Trägerkreis zu dieser Fortbildung angemeldet sind."
      }
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>
        {booked} in der Fortbildung „{props.trainingTitle}“ {isOrAre(props)} bestätigt.
        Wir freuen uns auf Sie{props.clientSeats ? " und Ihre Gruppe" : ""}.
      </Paragraph>
      <TrainingDetails props={props} seats={props.seats} />
      <Paragraph>
        Die Termine hängen als Kalenderdatei (.ics) an: Öffnen Sie sie, um sie in Ihren Kalender zu übernehmen.
      </Paragraph>
      <Paragraph>
        {deadline
          ? `Können Sie doch nicht teilnehmen, stornieren Sie bitte bis ${formatDayTime(deadline)} im Trägerkreis – dann bekommt die nächste Person auf der Warteliste den Platz.`
          : "Können Sie doch nicht teilnehmen, stornieren Sie bitte so früh wie möglich im Trägerkreis – dann bekommt die nächste Person auf der Warteliste den Platz."}
      </Paragraph>
      <ActionButton href={trainingUrl(props)}>Fortbildung ansehen</ActionButton>
    </EmailLayout>
  );
}

TrainingConfirmed.PreviewProps = sampleRegistrationProps satisfies TrainingConfirmedProps;
