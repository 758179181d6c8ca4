// Sent to whoever must approve a registration: the owners and admins of the participant's Träger
// (approval "org"), or the organizers (approval "organizer"). Until they decide, the seat is held.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import { TrainingDetails, TrainingMailPropsSchema, samplePreviewProps, trainingUrl } from "./components/training";

export const TrainingApprovalRequestedPropsSchema = TrainingMailPropsSchema.extend({
  registrationId: z.string().uuid(),
  /** The approver. */
  name: z.string().nullish(),
  participantName: z.string().nullish(),
  orgName: z.string().nullish(),
  seats: z.number().int().min(1),
  clientSeats: z.boolean(),
  approval: z.enum(["org", "organizer"]),
});
export type TrainingApprovalRequestedProps = z.infer<typeof TrainingApprovalRequestedPropsSchema> & { appUrl: string };

function who(props: TrainingApprovalRequestedProps): string {
  const person = props.clientSeats
    ? `${props.seats === 1 ? "1 Platz" : `${props.seats} Plätze`} für Klient:innen`
    : props.participantName?.trim() || "Eine Person";
  return props.orgName ? `${person} (${props.orgName})` : person;
}

export function subject(props: TrainingApprovalRequestedProps): string {
  return `Freigabe erbeten: ${who(props)} für ${props.trainingTitle}`;
}

export default function TrainingApprovalRequested(props: TrainingApprovalRequestedProps) {
  const asOrg = props.approval === "org";
  return (
    <EmailLayout
      preview={`Bitte entscheiden Sie über die Anmeldung zu „${props.trainingTitle}“.`}
      heading="Eine Anmeldung wartet auf Ihre Freigabe"
      footer={
        asOrg
          ? `Sie erhalten diese E-Mail als Inhaber:in oder Administrator:in${props.orgName ? ` von ${props.orgName}` : ""}: Anmeldungen zu dieser Fortbildung brauchen die Freigabe des eigenen Trägers.`
          : `Sie erhalten diese E-Mail, weil Sie die Fortbildung für ${props.organizerName} organisieren und Anmeldungen Ihre Freigabe brauchen.`
      }
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>
        {props.clientSeats ? `${who(props)} sollen` : `${who(props)} möchte`} an der Fortbildung „{props.trainingTitle}“
        teilnehmen.{" "}
        {asOrg
          ? "Diese Fortbildung verlangt die Freigabe durch den eigenen Träger – bitte entscheiden Sie, ob die Anmeldung gilt."
          : "Als Veranstalter entscheiden Sie, ob die Anmeldung gilt."}
      </Paragraph>
      <Paragraph>
        Hat die Anmeldung einen Platz bekommen, bleibt er bis zu Ihrer Entscheidung reserviert. Geben Sie sie frei, ist sie
        bestätigt (sofern keine weitere Freigabe fehlt); lehnen Sie ab, wird der Platz wieder frei und die Angemeldeten
        erfahren es per E-Mail.
      </Paragraph>
      <TrainingDetails props={props} seats={props.seats} />
      <ActionButton href={trainingUrl(props)}>Anmeldung prüfen</ActionButton>
    </EmailLayout>
  );
}

TrainingApprovalRequested.PreviewProps = {
  ...samplePreviewProps,
  registrationId: "0b5d7f0e-8d0e-4a43-8a43-0c4b8f1d2e33",
  name: "Petra Schulte",
  participantName: "Anna Berger",
  orgName: "Du & Ich e. V.",
  seats: 1,
  clientSeats: false,
  approval: "org",
} satisfies TrainingApprovalRequestedProps;
