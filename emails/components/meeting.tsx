// What the meeting mails share: the props the SQL sends (private.meeting_mail_props), the
// meeting's facts block and the link to it.
import { z } from "zod";
import { Paragraph } from "./layout";
import { formatSession } from "./training";

export const MeetingMailPropsSchema = z.object({
  meetingId: z.string().uuid(),
  title: z.string().min(1),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  place: z.string().nullish(),
  gemeinde: z.string().nullish(),
  onlineUrl: z.string().nullish(),
  hostName: z.string().min(1),
  networkName: z.string().min(1),
  icsUid: z.string().min(1),
  sequence: z.number().int().min(0),
  path: z.string().startsWith("/"),
  name: z.string().nullish(),
  email: z.string().nullish(),
  guest: z.boolean().optional(),
  guestToken: z.string().min(20).optional(),
});
export type MeetingMailProps = z.infer<typeof MeetingMailPropsSchema> & {
  appUrl: string;
};

/** Guests follow their token link; members the meeting page. */
export function meetingLink(props: MeetingMailProps): string {
  const path = props.guestToken
    ? `/treffen/gast/${props.guestToken}`
    : props.path;
  return `${props.appUrl.replace(/\/$/, "")}${path}`;
}

export function MeetingFacts({ props }: { props: MeetingMailProps }) {
  const where = [props.place, props.gemeinde].filter(Boolean).join(", ");
  return (
    <>
      <Paragraph>
        <strong>Wann:</strong> {formatSession(props.startsAt, props.endsAt)}
        <br />
        <strong>Wo:</strong> {where || "online"}
        {props.onlineUrl ? (
          <>
            <br />
            <strong>Online:</strong> {props.onlineUrl}
          </>
        ) : null}
        <br />
        <strong>Einladender Träger:</strong> {props.hostName}
      </Paragraph>
    </>
  );
}

export const sampleMeetingProps: MeetingMailProps = {
  appUrl: "https://traegerkreis.example",
  meetingId: "00000000-0000-4000-8000-000000000001",
  title: "Kooperationstreffen",
  startsAt: new Date("2026-10-21T13:00:00Z"),
  endsAt: new Date("2026-10-21T15:30:00Z"),
  place: "Rathaus, Raum 2",
  gemeinde: "Schermbeck",
  onlineUrl: null,
  hostName: "KIZ Niederrhein",
  networkName: "Kooperationskreis Wesel · Duisburg · Oberhausen",
  icsUid: "meeting-00000000-0000-4000-8000-000000000001@traegerkreis",
  sequence: 0,
  path: "/treffen/00000000-0000-4000-8000-000000000001",
  name: "Anna Berger",
  email: "anna@example.org",
};
