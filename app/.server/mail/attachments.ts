// Files a rendered mail carries. A template may name a builder that turns its (validated) props
// into attachments; render.ts calls it after the HTML. Content is text (UTF-8) or bytes; send.ts
// hands it to Resend as bytes (the SDK base64-encodes them; a *string* would be taken as base64
// already), the dev mailbox stores it base64-encoded.
import { icsFilename, trainingIcs } from "../calendar/ics";
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

/** The attachment's bytes (text as UTF-8). */
export function attachmentBytes(attachment: MailAttachment): Buffer {
  return typeof attachment.content === "string" ? Buffer.from(attachment.content, "utf8") : Buffer.from(attachment.content);
}

/** Base64 for storage (the dev mailbox). */
export function attachmentBase64(attachment: MailAttachment): string {
  return attachmentBytes(attachment).toString("base64");
}
