// Calendar files (.ics, RFC 5545) for a training: one VCALENDAR with one VEVENT per session. Used
// as the attachment of the confirmation and reminder mails, for the "in den Kalender" download on
// the training page, and (cancelled: true) to take the sessions out of calendars again. Written by
// the app's one iCalendar writer (writer.ts: escaping, folding, Europe/Berlin VTIMEZONE).
//
// A session keeps its UID for ever (the training's icsUid plus the session's position), so a
// later file for the same training — an update, or the cancellation — replaces the entry instead
// of adding a second one. The cancellation uses METHOD:CANCEL, STATUS:CANCELLED and a higher
// SEQUENCE: Apple Calendar, Thunderbird and Outlook remove or strike the event on opening the
// file; calendars that only import (Google) at least mark it as cancelled.
import {
  icsFilename as writerFilename,
  writeCalendar,
  type IcsEvent,
} from "./writer";

export type TrainingIcsSession = {
  /** 1-based, stable per training: part of the event's UID. */
  position: number;
  startsAt: Date | string;
  endsAt: Date | string;
};

export type TrainingIcsInput = {
  title: string;
  sessions: TrainingIcsSession[];
  place?: string | null;
  onlineUrl?: string | null;
  organizerName?: string | null;
  /** Without an address no ORGANIZER line is written (it needs a mailto:). */
  organizerEmail?: string | null;
  /** Absolute link to the training's page in the app. */
  url: string;
  /** The training's calendar id, e.g. "training-<uuid>@traegerkreis" (the mail props' icsUid). */
  uid: string;
  /** A file that removes the sessions from calendars again (the training or the seat is cancelled). */
  cancelled?: boolean;
};

const PRODUCT_ID = "-//Traegerkreis//Fortbildungen//DE";

/** "training-<id>@traegerkreis" + position 2 → "training-<id>-2@traegerkreis". */
export function sessionUid(uid: string, position: number): string {
  const at = uid.lastIndexOf("@");
  return at === -1
    ? `${uid}-${position}`
    : `${uid.slice(0, at)}-${position}${uid.slice(at)}`;
}

function describe(input: TrainingIcsInput, index: number): string {
  const lines: string[] = [];
  if (input.sessions.length > 1)
    lines.push(`Termin ${index + 1} von ${input.sessions.length}.`);
  if (input.cancelled) lines.push("Dieser Termin ist abgesagt.");
  if (input.organizerName?.trim())
    lines.push(`Veranstalter: ${input.organizerName.trim()}`);
  if (input.place?.trim()) lines.push(`Ort: ${input.place.trim()}`);
  if (input.onlineUrl?.trim()) lines.push(`Online: ${input.onlineUrl.trim()}`);
  lines.push(`Details im Trägerkreis: ${input.url}`);
  return lines.join("\n");
}

/** The .ics text (CRLF line ends) for a training's sessions. */
export function trainingIcs(input: TrainingIcsInput): string {
  if (input.sessions.length === 0)
    throw new Error(
      "trainingIcs: a training without sessions has no calendar entry",
    );
  const sessions = [...input.sessions].sort((a, b) => a.position - b.position);
  const organizerEmail = input.organizerEmail?.trim();
  const events: IcsEvent[] = sessions.map((session, index) => ({
    uid: sessionUid(input.uid, session.position),
    summary:
      sessions.length > 1
        ? `${input.title} (Termin ${index + 1}/${sessions.length})`
        : input.title,
    start: session.startsAt,
    end: session.endsAt,
    description: describe(input, index),
    location: input.place?.trim() || input.onlineUrl?.trim() || undefined,
    url: input.url,
    status: input.cancelled ? "CANCELLED" : "CONFIRMED",
    // A cancellation must win over the entry it cancels (same UID, higher SEQUENCE).
    sequence: input.cancelled ? 1 : 0,
    organizer: organizerEmail
      ? { name: input.organizerName?.trim() || null, email: organizerEmail }
      : null,
  }));
  return writeCalendar({
    productId: PRODUCT_ID,
    method: input.cancelled ? "CANCEL" : "PUBLISH",
    name: input.title,
    events,
  });
}

/** A file name for the download: "deeskalation-im-alltag.ics" (ASCII, never empty). */
export function icsFilename(title: string, prefix = ""): string {
  return writerFilename(title, prefix, "fortbildung");
}
