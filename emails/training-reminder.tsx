// Sent to every confirmed registration a day before the first session: when, where, and the
// calendar file once more.
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import {
  RegistrationMailPropsSchema,
  TrainingDetails,
  formatDayTime,
  sampleRegistrationProps,
  trainingUrl,
  type RegistrationMailProps,
} from "./components/training";

export const TrainingReminderPropsSchema = RegistrationMailPropsSchema;
export type TrainingReminderProps = RegistrationMailProps;

export function subject(props: TrainingReminderProps): string {
  return `Erinnerung: ${props.trainingTitle} beginnt am ${formatDayTime(props.startsAt)}`;
}

export default function TrainingReminder(props: TrainingReminderProps) {
  const online = props.onlineUrl?.trim();
  return (
    <EmailLayout
      preview={`„${props.trainingTitle}“ beginnt am ${formatDayTime(props.startsAt)}.`}
      heading="Bald geht es los"
      footer="Sie erhalten diese E-Mail, weil Sie im Trägerkreis einen bestätigten Platz in dieser Fortbildung haben."
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>
        zur Erinnerung: Die Fortbildung „{props.trainingTitle}“ beginnt am <strong>{formatDayTime(props.startsAt)}</strong>
        {props.clientSeats
          ? ` – mit ${props.seats === 1 ? "1 Platz" : `${props.seats} Plätzen`} für Klient:innen${props.orgName ? ` von ${props.orgName}` : ""}.`
          : "."}
        {online && !props.place ? " Den Link zur Online-Teilnahme finden Sie unten." : ""}
      </Paragraph>
      <TrainingDetails props={props} seats={props.seats} hideCost />
      <Paragraph>Die Termine hängen noch einmal als Kalenderdatei (.ics) an.</Paragraph>
      <Paragraph>
        Können Sie kurzfristig nicht teilnehmen, sagen Sie bitte dem Veranstalter {props.organizerName} Bescheid.
      </Paragraph>
      <ActionButton href={trainingUrl(props)}>Fortbildung ansehen</ActionButton>
    </EmailLayout>
  );
}

TrainingReminder.PreviewProps = sampleRegistrationProps satisfies TrainingReminderProps;
