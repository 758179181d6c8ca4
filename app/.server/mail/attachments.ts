// Files a rendered mail carries. A template may name a builder that turns its (validated) props
// into attachments; render.ts calls it after the HTML. Content is text (UTF-8) or bytes; send.ts
// hands it to Resend as bytes (the SDK base64-encodes them; a *string* would be taken as base64
// already), the dev mailbox stores it base64-encoded.
import { icsFilename, trainingIcs } from "../calendar/ics";
import { meetingIcs, meetingIcsFilename, senderAddress } from "../calendar/meeting";
import { env } from "../env";
import { absoluteUrl } from "../../utils/links";

export type MailAttachment = {
  filename: string;
  contentType: string;
  content: string | Uint8Array;
};

type TrainingCalendarProps = {
  appUrl: string;
  path: string;
  trainingTitle: string;
  sessions: Array<{ position: number; startsAt: Date; endsAt: Date }>;
  place?: string | null;
  onlineUrl?: string | null;
  organizerName: string;
  organizerEmail?: string | null;
  icsUid: string;
};

/**
 * The training's sessions as a calendar file: "publish" adds them to a calendar (confirmation,
 * reminder), "cancel" takes them out again (training cancelled, seat cancelled).
 */
export function trainingCalendarAttachment(props: TrainingCalendarProps, kind: "publish" | "cancel"): MailAttachment {
  const cancelled = kind === "cancel";
  const content = trainingIcs({
    title: props.trainingTitle,
    sessions: props.sessions,
    place: props.place,
    onlineUrl: props.onlineUrl,
    organizerName: props.organizerName,
    organizerEmail: props.organizerEmail,
    url: absoluteUrl(props.appUrl, props.path),
    uid: props.icsUid,
    cancelled,
  });
  return {
    filename: icsFilename(props.trainingTitle, cancelled ? "absage-" : ""),
    // The method parameter lets mail programs offer the file as a calendar entry (or its removal).
    contentType: `text/calendar; charset=utf-8; method=${cancelled ? "CANCEL" : "PUBLISH"}`,
    content,
  };
}

type MeetingCalendarProps = {
  appUrl: string;
  path: string;
  guestToken?: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place?: string | null;
  gemeinde?: string | null;
  onlineUrl?: string | null;
  hostName: string;
  networkName: string;
  icsUid: string;
  sequence: number;
  name?: string | null;
  email?: string | null;
};

/** A meeting's calendar entry for its invitation, update and reminder mails, or its cancellation. */
export function meetingCalendarAttachment(props: MeetingCalendarProps, cancelled: boolean): MailAttachment {
  const path = props.guestToken ? `/treffen/gast/${props.guestToken}` : props.path;
  const content = meetingIcs({
    uid: props.icsUid,
    sequence: props.sequence,
    title: props.title,
    startsAt: props.startsAt,
    endsAt: props.endsAt,
    place: props.place,
    gemeinde: props.gemeinde,
    onlineUrl: props.onlineUrl,
    hostName: props.hostName,
    networkName: props.networkName,
    url: absoluteUrl(props.appUrl, path),
    organizerEmail: senderAddress(env().MAIL_FROM),
    attendee: props.email ? { name: props.name, email: props.email } : null,
    cancelled,
  });
  return {
    filename: meetingIcsFilename(props.title, cancelled),
    contentType: `text/calendar; charset=utf-8; method=${cancelled ? "CANCEL" : "REQUEST"}`,
    content,
  };
}

/** The attachment's bytes (text as UTF-8). */
export function attachmentBytes(attachment: MailAttachment): Buffer {
  return typeof attachment.content === "string" ? Buffer.from(attachment.content, "utf8") : Buffer.from(attachment.content);
}

/** Base64 for storage (the dev mailbox). */
export function attachmentBase64(attachment: MailAttachment): string {
  return attachmentBytes(attachment).toString("base64");
}
