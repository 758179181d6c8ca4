// Sent when a registration joins the waitlist (the training is full, or the Träger's contingent
// is used up): the position, and what happens when a seat frees.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import {
  RegistrationMailPropsSchema,
  TrainingDetails,
  sampleRegistrationProps,
  trainingUrl,
} from "./components/training";

export const TrainingWaitlistedPropsSchema = RegistrationMailPropsSchema.extend({
  position: z.number().int().min(1),
});
export type TrainingWaitlistedProps = z.infer<typeof TrainingWaitlistedPropsSchema> & { appUrl: string };

export function subject(props: TrainingWaitlistedProps): string {
  return `Warteliste, Platz ${props.position}: ${props.trainingTitle}`;
}

export default function TrainingWaitlisted(props: TrainingWaitlistedProps) {
  const forWhom = props.clientSeats
    ? `Die Anmeldung von ${props.seats === 1 ? "1 Platz" : `${props.seats} Plätzen`} für Klient:innen${props.orgName ? ` (${props.orgName})` : ""}`
    : "Ihre Anmeldung";
  return (
    <EmailLayout
      preview={`Sie stehen auf Platz ${props.position} der Warteliste für „${props.trainingTitle}“.`}
      heading={`Platz ${props.position} auf der Warteliste`}
      footer="Sie erhalten diese E-Mail, weil Sie sich im Trägerkreis zu dieser Fortbildung angemeldet haben."
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>
        die Fortbildung „{props.trainingTitle}“ ist im Moment ausgebucht, oder das Platzkontingent Ihres Trägers ist
        ausgeschöpft. {forWhom} steht deshalb auf der Warteliste, auf <strong>Platz {props.position}</strong>.
      </Paragraph>
      <Paragraph>
        Wird ein Platz frei, bekommt ihn die Warteliste der Reihe nach angeboten. Sind Sie an der Reihe, schicken wir Ihnen
        eine E-Mail; den Platz nehmen Sie dann innerhalb einer festen Frist im Trägerkreis an. Bis dahin müssen Sie nichts tun.
      </Paragraph>
      <TrainingDetails props={props} seats={props.seats} />
      <Paragraph>Brauchen Sie den Platz nicht mehr, verlassen Sie die Warteliste bitte im Trägerkreis.</Paragraph>
      <ActionButton href={trainingUrl(props)}>Fortbildung ansehen</ActionButton>
    </EmailLayout>
  );
}

TrainingWaitlisted.PreviewProps = { ...sampleRegistrationProps, position: 3 } satisfies TrainingWaitlistedProps;
