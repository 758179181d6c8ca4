// Wall-clock date and time in the circle's time zone (Europe/Berlin) and instants, both ways.
// Forms ask for "01.03.2027, 09:00" as people read it on the invitation; the database stores
// timestamptz. The zone's rules (daylight saving) come from @date-fns/tz over the runtime's own
// time-zone data: a wall-clock time skipped in spring reads as the hour after, one repeated in
// autumn as its second (winter-time) occurrence.
import { TZDateMini, tzOffset } from "@date-fns/tz";

export const BERLIN = "Europe/Berlin";

const HOUR_MS = 60 * 60 * 1000;
/** Berlin's UTC offset in minutes, by UTC hour (see berlinOffsetMinutes). */
const offsetByHour = new Map<number, number>();

/**
 * Berlin's UTC offset (minutes) at an instant. The zone changes its offset only on a whole UTC
 * hour (01:00 UTC since 1996, and on whole hours before), so one lookup in the runtime's zone data
 * (Intl, ~10 µs) serves every instant of that hour: a calendar feed converts thousands of times.
 */
export function berlinOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = tzOffset(BERLIN, new Date(hour * HOUR_MS));
    if (!Number.isFinite(offset)) return offset;
    if (offsetByHour.size >= 20_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The Berlin wall clock at an instant, as numbers. */
export function berlinClock(instant: Date | string) {
  const ms = new Date(instant).getTime();
  const t = new Date(ms + berlinOffsetMinutes(ms) * 60_000);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
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
  return new Date(new TZDateMini(y, mo - 1, d, h, mi, BERLIN).getTime());
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
  const p = berlinClock(instant);
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
