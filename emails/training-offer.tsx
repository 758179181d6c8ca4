// Sent when a seat frees and the first in line gets it offered: a clear deadline and one button.
// No calendar file: the seat is not booked until it is accepted (the confirmation brings it).
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import {
  RegistrationMailPropsSchema,
  TrainingDetails,
  formatDayTime,
  sampleRegistrationProps,
  trainingUrl,
} from "./components/training";

export const TrainingOfferPropsSchema = RegistrationMailPropsSchema.extend({
  offerExpiresAt: z.coerce.date(),
});
export type TrainingOfferProps = z.infer<typeof TrainingOfferPropsSchema> & { appUrl: string };

export function subject(props: TrainingOfferProps): string {
  return `Platz frei – bitte bis ${formatDayTime(props.offerExpiresAt)} annehmen: ${props.trainingTitle}`;
}

export default function TrainingOffer(props: TrainingOfferProps) {
  const what = props.clientSeats
    ? `${props.seats === 1 ? "1 Platz" : `${props.seats} Plätze`} für Klient:innen${props.orgName ? ` von ${props.orgName}` : ""}`
    : "ein Platz für Sie";
  return (
    <EmailLayout
      preview={`Ein Platz in „${props.trainingTitle}“ ist frei. Das Angebot gilt bis ${formatDayTime(props.offerExpiresAt)}.`}
      heading="Ein Platz ist frei geworden"
      footer="Sie erhalten diese E-Mail, weil Ihre Anmeldung zu dieser Fortbildung auf der Warteliste stand und jetzt an der Reihe ist."
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>
        gute Nachricht: In der Fortbildung „{props.trainingTitle}“ ist {what} frei geworden.
      </Paragraph>
      <Paragraph>
        <strong>Bitte nehmen Sie den Platz bis {formatDayTime(props.offerExpiresAt)} an.</strong> Danach verfällt das Angebot
        und der Platz geht an die nächste Person auf der Warteliste.
      </Paragraph>
      <ActionButton href={trainingUrl(props)}>Platz jetzt annehmen</ActionButton>
      <TrainingDetails props={props} seats={props.seats} />
      <Paragraph>
        Können Sie doch nicht teilnehmen, lehnen Sie das Angebot bitte auf derselben Seite ab – dann kommt die nächste Person
        schneller zum Zug.
      </Paragraph>
    </EmailLayout>
  );
}

TrainingOffer.PreviewProps = {
  ...sampleRegistrationProps,
  offerExpiresAt: new Date("2026-11-28T14:30:00Z"),
} satisfies TrainingOfferProps;
