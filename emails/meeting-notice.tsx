// Invitation, change, cancellation and reminder of a Kooperationstreffen, for members and guests
// (guests get their token link). Each carries the calendar file: METHOD:REQUEST with the
// meeting's stable UID and its SEQUENCE, or METHOD:CANCEL when the meeting is called off.
import { z } from "zod";
import {
  ActionButton,
  EmailLayout,
  Paragraph,
  Quote,
  greeting,
} from "./components/layout";
import {
  MeetingFacts,
  MeetingMailPropsSchema,
  meetingLink,
  sampleMeetingProps,
  type MeetingMailProps,
} from "./components/meeting";
import { formatDay } from "./components/training";

export const MeetingNoticePropsSchema = MeetingMailPropsSchema.extend({
  kind: z.enum([
    "invitation",
    "update",
    "cancel",
    "reminder",
    "guest_invitation",
    "guest_registered",
  ]),
  reason: z.string().nullish(),
});
export type MeetingNoticeProps = z.infer<typeof MeetingNoticePropsSchema> & {
  appUrl: string;
};

export function subject(props: MeetingNoticeProps): string {
  const day = formatDay(props.startsAt);
  switch (props.kind) {
    case "update":
      return `Geändert: ${props.title} am ${day}`;
    case "cancel":
      return `Abgesagt: ${props.title} am ${day}`;
    case "reminder":
      return `Morgen: ${props.title}`;
    case "guest_registered":
      return `Anmeldung bestätigt: ${props.title} am ${day}`;
    default:
      return `Einladung: ${props.title} am ${day}`;
  }
}

const headings: Record<MeetingNoticeProps["kind"], string> = {
  invitation: "Einladung zum Treffen",
  guest_invitation: "Einladung zum Treffen",
  guest_registered: "Sie sind angemeldet",
  update: "Das Treffen hat sich geändert",
  cancel: "Das Treffen ist abgesagt",
  reminder: "Morgen ist das Treffen",
};

export default function MeetingNotice(props: MeetingNoticeProps) {
  const link = meetingLink(props);
  const reason = props.reason?.trim();
  return (
    <EmailLayout
      preview={`${props.title}: ${formatDay(props.startsAt)}`}
      heading={headings[props.kind]}
      footer={
        props.guest
          ? "Sie erhalten diese E-Mail, weil Sie zu diesem Treffen eingeladen oder als Gast angemeldet sind. Über den Link können Sie Ihre Rückmeldung ändern."
          : `Sie erhalten diese E-Mail, weil Ihr Träger zum ${props.networkName} gehört.`
      }
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      {props.kind === "cancel" ? (
        <Paragraph>
          das Treffen „{props.title}“ findet nicht statt. Die angehängte
          Kalenderdatei nimmt es aus Ihrem Kalender.
        </Paragraph>
      ) : props.kind === "update" ? (
        <Paragraph>
          Zeit oder Ort des Treffens „{props.title}“ haben sich geändert. Die
          angehängte Kalenderdatei aktualisiert Ihren Eintrag.
        </Paragraph>
      ) : props.kind === "reminder" ? (
        <Paragraph>
          zur Erinnerung: Morgen ist das Treffen „{props.title}“.
        </Paragraph>
      ) : props.kind === "guest_registered" ? (
        <Paragraph>
          vielen Dank für Ihre Anmeldung zum Treffen „{props.title}“.
          Interessierte Träger sind willkommen.
        </Paragraph>
      ) : (
        <Paragraph>
          {props.hostName} lädt {props.guest ? "Sie" : "Ihren Träger"} zum
          Treffen „{props.title}“ ein. Bitte sagen Sie zu oder ab – die
          Kalenderdatei hängt an.
        </Paragraph>
      )}
      {reason ? (
        <>
          <Paragraph>Begründung:</Paragraph>
          <Quote>{reason}</Quote>
        </>
      ) : null}
      <MeetingFacts props={props} />
      <ActionButton href={link}>
        {props.kind === "cancel"
          ? "Treffen ansehen"
          : "Zur Rückmeldung und Tagesordnung"}
      </ActionButton>
    </EmailLayout>
  );
}

MeetingNotice.PreviewProps = {
  ...sampleMeetingProps,
  kind: "invitation",
} satisfies MeetingNoticeProps;
