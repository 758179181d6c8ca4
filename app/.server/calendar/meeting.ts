// The calendar file of a Kooperationstreffen, for invitation, update, reminder and cancellation
// mails (and the download on the meeting page). One event per meeting with a UID that never
// changes ("meeting-<id>@traegerkreis") and the meeting's SEQUENCE, which the database raises on
// every change of time or place, so calendars move the entry instead of adding a second one.
// METHOD:REQUEST for everything except a cancellation, which is METHOD:CANCEL with
// STATUS:CANCELLED (REQUEST + CANCELLED leaves the event in Outlook).
import { icsFilename, writeCalendar, type IcsMethod } from "./writer";

export type MeetingIcsInput = {
  uid: string;
  sequence: number;
  title: string;
  startsAt: Date | string;
  endsAt: Date | string;
  place?: string | null;
  gemeinde?: string | null;
  onlineUrl?: string | null;
  description?: string | null;
  hostName: string;
  networkName: string;
  /** Absolute link to the meeting page (or the guest's token page). */
  url: string;
  /** The address the mail comes from: the ORGANIZER a REQUEST needs. */
  organizerEmail: string;
  attendee?: { name?: string | null; email: string } | null;
  cancelled?: boolean;
  /** "publish" for a plain download (no invitation semantics). */
  method?: "request" | "publish";
};

function describe(input: MeetingIcsInput): string {
  const lines = [`${input.networkName} – eingeladen von ${input.hostName}.`];
  if (input.cancelled) lines.push("Dieses Treffen ist abgesagt.");
  if (input.description?.trim()) lines.push("", input.description.trim());
  if (input.onlineUrl?.trim())
    lines.push("", `Online: ${input.onlineUrl.trim()}`);
  lines.push("", `Tagesordnung und Rückmeldung: ${input.url}`);
  return lines.join("\n");
}

export function meetingIcs(input: MeetingIcsInput): string {
  const method: IcsMethod = input.cancelled
    ? "CANCEL"
    : input.method === "publish"
      ? "PUBLISH"
      : "REQUEST";
  const location =
    [input.place?.trim(), input.gemeinde?.trim()].filter(Boolean).join(", ") ||
    input.onlineUrl?.trim() ||
    null;
  return writeCalendar({
    productId: "-//Traegerkreis//Treffen//DE",
    method,
    events: [
      {
        uid: input.uid,
        sequence: input.sequence,
        start: input.startsAt,
        end: input.endsAt,
        summary: input.title,
        description: describe(input),
        location,
        url: input.url,
        status: input.cancelled ? "CANCELLED" : "CONFIRMED",
        organizer: { name: input.hostName, email: input.organizerEmail },
        attendees:
          input.attendee && method !== "PUBLISH"
            ? [{ ...input.attendee, rsvp: false }]
            : [],
      },
    ],
  });
}

export function meetingIcsFilename(title: string, cancelled = false): string {
  return icsFilename(title, cancelled ? "absage-" : "", "treffen");
}

/** "Trägerkreis <noreply@traegerkreis.de>" → "noreply@traegerkreis.de" */
export function senderAddress(from: string): string {
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(from);
  return match ? match[1]! : from.trim();
}
