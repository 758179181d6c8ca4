// Sent to the organizers on the go/no-go date when fewer seats than the minimum are confirmed:
// they decide whether the training takes place or is called off.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import {
  TrainingDetails,
  TrainingMailPropsSchema,
  formatCalendarDay,
  samplePreviewProps,
  trainingUrl,
} from "./components/training";

export const TrainingGoNoGoPropsSchema = TrainingMailPropsSchema.extend({
  /** The organizer this mail goes to. */
  name: z.string().nullish(),
  confirmedSeats: z.number().int().min(0),
  minParticipants: z.number().int().min(1),
  /** A calendar day, "2026-12-01". */
  goNoGoDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type TrainingGoNoGoProps = z.infer<typeof TrainingGoNoGoPropsSchema> & { appUrl: string };

export function subject(props: TrainingGoNoGoProps): string {
  return `Mindestteilnehmerzahl nicht erreicht: ${props.trainingTitle}`;
}

export default function TrainingGoNoGo(props: TrainingGoNoGoProps) {
  const seats = props.confirmedSeats === 1 ? "1 Platz" : `${props.confirmedSeats} Plätze`;
  return (
    <EmailLayout
      preview={`${seats} von mindestens ${props.minParticipants} bestätigt – findet „${props.trainingTitle}“ statt?`}
      heading="Findet die Fortbildung statt?"
      footer={`Sie erhalten diese E-Mail, weil Sie die Fortbildung für ${props.organizerName} organisieren und heute der Stichtag für die Mindestteilnehmerzahl ist.`}
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>
        für die Fortbildung „{props.trainingTitle}“ {props.confirmedSeats === 1 ? "ist" : "sind"} zum Stichtag (
        {formatCalendarDay(props.goNoGoDate)}) erst <strong>{seats}</strong> bestätigt – die Mindestzahl liegt bei{" "}
        {props.minParticipants}.
      </Paragraph>
      <Paragraph>
        Bitte entscheiden Sie jetzt: Findet die Fortbildung trotzdem statt, müssen Sie nichts weiter tun. Sagen Sie sie ab,
        benachrichtigt der Trägerkreis alle Angemeldeten und alle auf der Warteliste automatisch.
      </Paragraph>
      <TrainingDetails props={props} hideCost />
      <ActionButton href={trainingUrl(props)}>Fortbildung öffnen</ActionButton>
    </EmailLayout>
  );
}

TrainingGoNoGo.PreviewProps = {
  ...samplePreviewProps,
  name: "Petra Schulte",
  confirmedSeats: 4,
  minParticipants: 8,
  goNoGoDate: "2026-11-26",
} satisfies TrainingGoNoGoProps;
