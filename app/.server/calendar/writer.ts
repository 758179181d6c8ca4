// The one iCalendar (RFC 5545) writer of the app: a calendar is a list of events, and every
// property value passes through exactly one escaping function for its value type before it is
// written. User text (titles, Träger names, places, descriptions) can therefore never start a
// line of its own: TEXT values escape backslash, ';', ',' and every kind of line break (CRLF, LF,
// a bare CR) and drop all other control characters; parameter values (CN=…) are quoted and
// encoded per RFC 6868; URIs lose control characters and whitespace. Lines are folded at 75
// octets without splitting a UTF-8 character.
//
// Times are written as local time in Europe/Berlin with TZID and a VTIMEZONE block: without it
// Google assumes UTC and Outlook shows an hour off (TOOLCHAIN.md). The training files, the
// meeting invitations and the calendar feed all use this module.

import { BERLIN, berlinClock } from "~/utils/berlin-time";

export { BERLIN };

export type IcsMethod = "PUBLISH" | "REQUEST" | "CANCEL";
export type IcsStatus = "CONFIRMED" | "TENTATIVE" | "CANCELLED";

export type IcsPerson = {
  /** Written as a quoted CN parameter; any text is safe. */
  name?: string | null;
  email: string;
};

export type IcsAttendee = IcsPerson & {
  role?: "REQ-PARTICIPANT" | "OPT-PARTICIPANT" | "CHAIR";
  partstat?: "NEEDS-ACTION" | "ACCEPTED" | "DECLINED" | "TENTATIVE";
  rsvp?: boolean;
};

export type IcsEvent = {
  /** Stable for ever: a later file with the same UID replaces the entry. */
  uid: string;
  /**
   * A whole-day entry (a cover period, a due date): start and end are Berlin calendar days
   * "YYYY-MM-DD", the end exclusive (the day after the last day), written as VALUE=DATE.
   */
  allDay?: boolean;
  /** Raise on every change of time or place (and on cancellation). */
  sequence?: number;
  start: Date | string;
  end: Date | string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status?: IcsStatus;
  organizer?: IcsPerson | null;
  attendees?: IcsAttendee[];
  categories?: string[];
  /** When this version of the event was written; defaults to now. */
  stamp?: Date;
  lastModified?: Date | null;
};

export type IcsCalendar = {
  /** PRODID, e.g. "-//Traegerkreis//Treffen//DE". */
  productId: string;
  method?: IcsMethod;
  /** X-WR-CALNAME: the name a calendar program shows for a subscribed/imported calendar. */
  name?: string | null;
  /** For subscribed feeds: REFRESH-INTERVAL and X-PUBLISHED-TTL (ISO 8601 duration, e.g. "PT1H"). */
  refreshInterval?: string | null;
  events: IcsEvent[];
};

// C0 controls except TAB/LF/CR (handled separately), DEL, C1 controls, and the Unicode line and
// paragraph separators (some clients treat them as line ends).
// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;

/** TEXT value (RFC 5545 3.3.11): escapes \ ; , and every line break; drops other controls. */
export function escapeText(value: string): string {
  return value
    .replace(OTHER_CONTROLS, "")
    .replace(/\t/g, " ")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Parameter value (RFC 5545 3.2 + RFC 6868): always quoted, so ':' ';' ',' are harmless inside;
 * '^', '"' and line breaks are encoded as ^^, ^' and ^n; other controls are dropped.
 */
export function quoteParam(value: string): string {
  const encoded = value
    .replace(OTHER_CONTROLS, "")
    .replace(/\t/g, " ")
    .replace(/\^/g, "^^")
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, "^n");
  return `"${encoded}"`;
}

/** URI value (URL, mailto:): no escaping exists for it, so controls and whitespace are removed. */
export function cleanUri(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007F-\u009F\u2028\u2029]/g, "");
}

/** Property names and fixed tokens must never come from user input; this guards the API. */
function token(value: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(value))
    throw new Error(`ics: invalid token ${JSON.stringify(value)}`);
  return value;
}

/** UTF-8 octets of the code point at `i` (a surrogate pair is one 4-octet character). */
function octetsAt(line: string, i: number): number {
  const unit = line.charCodeAt(i);
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < line.length) {
    const next = line.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 4;
  }
  return 3; // the rest of the BMP, and a lone surrogate (encoded as U+FFFD, 3 octets)
}

/**
 * Folds one content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. Counts the
 * octets from the UTF-16 code units (no encoding per character: a feed has thousands of lines).
 */
export function foldLine(line: string): string {
  // Most lines are short ASCII: 75 code units or fewer can still exceed 75 octets only with
  // non-ASCII characters, which Buffer.byteLength counts without allocating.
  if (line.length <= 25 || Buffer.byteLength(line, "utf8") <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let size = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const bytes = octetsAt(line, i);
    const units = bytes === 4 ? 2 : 1;
    if (size + bytes > limit) {
      parts.push(line.slice(start, i));
      start = i;
      size = 0;
      limit = 74; // a continuation line starts with one space
    }
    size += bytes;
    i += units;
  }
  parts.push(line.slice(start));
  return parts.join("\r\n ");
}

function toDate(value: Date | string, what: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`ics: invalid ${what} ${String(value)}`);
  return date;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** 2026-08-19T15:00:00Z → "20260819T170000" (wall clock in Berlin). */
export function berlinLocal(value: Date | string): string {
  const c = berlinClock(toDate(value, "time"));
  return `${c.year}${pad2(c.month)}${pad2(c.day)}T${pad2(c.hour)}${pad2(c.minute)}${pad2(c.second)}`;
}

/** "20260819T150000Z" */
export function utcStamp(value: Date | string): string {
  return toDate(value, "time")
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

// Central European Time with the EU rule since 1996: summer time from the last Sunday of March
// 02:00 to the last Sunday of October 03:00.
const BERLIN_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "X-LIC-LOCATION:Europe/Berlin",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function person(name: string, who: IcsPerson, extra: string[] = []): string {
  const params = [...extra];
  if (who.name?.trim()) params.unshift(`CN=${quoteParam(who.name.trim())}`);
  return `${name}${params.map((p) => `;${p}`).join("")}:${cleanUri(`mailto:${who.email}`)}`;
}

/** "2026-08-19" → "20260819"; anything else is refused (never user text in a DATE value). */
function dateValue(value: Date | string, what: string): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new Error(`ics: all-day ${what} must be YYYY-MM-DD, got ${String(value)}`);
  if (Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()))
    throw new Error(`ics: invalid ${what} ${value}`);
  return value.replace(/-/g, "");
}

function timeLines(event: IcsEvent): string[] {
  if (event.allDay) {
    const start = dateValue(event.start, "start");
    const end = dateValue(event.end, "end");
    if (end <= start) throw new Error("ics: an event must end after it starts");
    return [`DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`];
  }
  const start = toDate(event.start, "start");
  const end = toDate(event.end, "end");
  if (end.getTime() <= start.getTime())
    throw new Error("ics: an event must end after it starts");
  return [
    `DTSTART;TZID=${BERLIN}:${berlinLocal(start)}`,
    `DTEND;TZID=${BERLIN}:${berlinLocal(end)}`,
  ];
}

function eventLines(event: IcsEvent, now: Date): string[] {
  const sequence = event.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0)
    throw new Error("ics: SEQUENCE must be a whole number ≥ 0");
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.stamp ?? now)}`,
    ...timeLines(event),
    `SEQUENCE:${sequence}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description)
    lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${cleanUri(event.url)}`);
  if (event.status) lines.push(`STATUS:${token(event.status)}`);
  lines.push(
    `TRANSP:${event.status === "CANCELLED" ? "TRANSPARENT" : "OPAQUE"}`,
  );
  if (event.categories?.length)
    lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
  if (event.organizer?.email) lines.push(person("ORGANIZER", event.organizer));
  for (const attendee of event.attendees ?? []) {
    const params = [
      `ROLE=${token(attendee.role ?? "REQ-PARTICIPANT")}`,
      `PARTSTAT=${token(attendee.partstat ?? "NEEDS-ACTION")}`,
    ];
    if (attendee.rsvp) params.push("RSVP=TRUE");
    lines.push(person("ATTENDEE", attendee, params));
  }
  if (event.lastModified)
    lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`);
  lines.push("END:VEVENT");
  return lines;
}

/** The calendar as .ics text: CRLF line ends, folded, ending with a CRLF. */
export function writeCalendar(
  calendar: IcsCalendar,
  now: Date = new Date(),
): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeText(calendar.productId)}`,
    "CALSCALE:GREGORIAN",
  ];
  if (calendar.method) lines.push(`METHOD:${token(calendar.method)}`);
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  lines.push(`X-WR-TIMEZONE:${BERLIN}`);
  if (calendar.refreshInterval) {
    const duration = token(calendar.refreshInterval);
    lines.push(
      `REFRESH-INTERVAL;VALUE=DURATION:${duration}`,
      `X-PUBLISHED-TTL:${duration}`,
    );
  }
  lines.push(...BERLIN_VTIMEZONE);
  for (const event of calendar.events) lines.push(...eventLines(event, now));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** A file name for a download: "deeskalation-im-alltag.ics" (ASCII, never empty). */
export function icsFilename(
  title: string,
  prefix = "",
  fallback = "termin",
): string {
  const slug = title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${prefix}${slug || fallback}.ics`;
}
