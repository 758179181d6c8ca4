// Sent to everyone with an open registration (confirmed, waiting, offered, awaiting approval)
// when the organizer calls a training off, with the organizer's reason; the attached calendar
// file removes the sessions from calendars.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, Quote, greeting } from "./components/layout";
import {
  RegistrationMailPropsSchema,
  TrainingDetails,
  formatDay,
  sampleRegistrationProps,
  trainingUrl,
} from "./components/training";

export const TrainingCancelledPropsSchema = RegistrationMailPropsSchema.extend({
  reason: z.string().nullish(),
});
export type TrainingCancelledProps = z.infer<typeof TrainingCancelledPropsSchema> & { appUrl: string };

export function subject(props: TrainingCancelledProps): string {
  return `Abgesagt: ${props.trainingTitle} am ${formatDay(props.startsAt)}`;
}

export default function TrainingCancelled(props: TrainingCancelledProps) {
  const reason = props.reason?.trim();
  return (
    <EmailLayout
      preview={`„${props.trainingTitle}“ findet nicht statt. Ihre Anmeldung ist damit beendet.`}
      heading="Die Fortbildung ist abgesagt"
      footer="Sie erhalten diese E-Mail, weil Sie im Trägerkreis zu dieser Fortbildung angemeldet waren oder auf der Warteliste standen."
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>
        leider findet die Fortbildung „{props.trainingTitle}“ nicht statt: {props.organizerName} hat sie abgesagt.
        {props.clientSeats ? " Die gebuchten Plätze für Klient:innen sind" : " Ihre Anmeldung ist"} damit beendet; Sie müssen
        nichts weiter tun.
      </Paragraph>
      {reason ? (
        <>
          <Paragraph>Der Veranstalter schreibt dazu:</Paragraph>
          <Quote>{reason}</Quote>
        </>
      ) : null}
      <Paragraph>
        Haben Sie die Termine in Ihren Kalender übernommen, öffnen Sie die angehängte Kalenderdatei (.ics): Sie nimmt sie
        wieder heraus.
      </Paragraph>
      <TrainingDetails props={props} hideCost />
      <ActionButton href={trainingUrl(props)}>Fortbildung ansehen</ActionButton>
    </EmailLayout>
  );
}

TrainingCancelled.PreviewProps = {
  ...sampleRegistrationProps,
  reason: "Die Referentin ist erkrankt. Wir melden uns mit einem neuen Termin.",
} satisfies TrainingCancelledProps;
