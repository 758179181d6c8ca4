// Wall-clock date and time in the circle's time zone (Europe/Berlin) and instants, both ways.
// Forms ask for "01.03.2027, 09:00" as people read it on the invitation; the database stores
// timestamptz. Daylight saving is handled by asking Intl for the zone's offset at that moment.
const TIME_ZONE = "Europe/Berlin";

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function zoneParts(instant: Date) {
  const parts = partsFormat.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** Minutes Berlin is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const p = zoneParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a calendar date "YYYY-MM-DD" that exists (no 30 February). */
export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** True for "HH:MM" (24 hours). */
export function isValidTime(value: string): boolean {
  return TIME_RE.test(value);
}

/** The instant of a Berlin wall-clock date ("2027-03-01") and time ("09:00"). */
export function berlinToInstant(date: string, time = "00:00"): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const first = offsetMinutes(new Date(wall));
  let result = wall - first * 60_000;
  const second = offsetMinutes(new Date(result));
  if (second !== first) result = wall - second * 60_000;
  return new Date(result);
}

/** "2027-03-01T09:00" (an <input type="datetime-local"> value, read as Berlin time) → instant. */
export function berlinDateTimeToInstant(value: string): Date {
  const [date, time] = value.split("T") as [string, string];
  return berlinToInstant(date, time.slice(0, 5));
}

/** True for "YYYY-MM-DDTHH:MM" (seconds allowed) with a real date. */
export function isValidDateTimeLocal(value: string): boolean {
  const [date, time] = value.split("T");
  return Boolean(date && time && isValidDate(date) && isValidTime(time.slice(0, 5)) && /^\d{2}:\d{2}(:\d{2})?$/.test(time));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as Berlin wall clock: { date: "2027-03-01", time: "09:00" }. */
export function berlinParts(instant: Date | string): { date: string; time: string } {
  const p = zoneParts(new Date(instant));
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** An instant as an <input type="datetime-local"> value in Berlin time. */
export function berlinDateTimeLocal(instant: Date | string): string {
  const { date, time } = berlinParts(instant);
  return `${date}T${time}`;
}

/** The instants a Berlin month ("2027-03") starts and ends (exclusive). */
export function berlinMonthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
  return { from: berlinToInstant(`${y}-${pad(m)}-01`), to: berlinToInstant(next) };
}
