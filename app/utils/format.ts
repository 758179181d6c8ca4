// The one place that turns dates, times, hours, counts and money into German text, for pages,
// mails, PDFs and CSV files alike. Instants are shown in the circle's time zone (Europe/Berlin), so
// server and browser render the same text and hydration never differs; calendar dates
// ("2026-12-03") and months ("2027-01") carry no time zone and are never converted.
import { BERLIN } from "./berlin-time";

const LOCALE = "de-DE";

const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone: BERLIN });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone: BERLIN });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: "2-digit", minute: "2-digit", timeZone: BERLIN });
const weekdayFormat = new Intl.DateTimeFormat(LOCALE, { weekday: "short", timeZone: BERLIN });
const weekdayTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: BERLIN,
});
const weekdayDateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: "short",
  day: "2-digit",
  month: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: BERLIN,
});
const longDayFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: BERLIN,
});
const dayMonthYearOptions = { day: "numeric", month: "long", year: "numeric" } as const;
const dayMonthYearFormat = new Intl.DateTimeFormat(LOCALE, { ...dayMonthYearOptions, timeZone: BERLIN });
const calendarDayMonthYearFormat = new Intl.DateTimeFormat(LOCALE, { ...dayMonthYearOptions, timeZone: "UTC" });
const weekdayDateOptions = { weekday: "short", day: "2-digit", month: "2-digit", year: "numeric" } as const;
const weekdayDateTimeYearFormat = new Intl.DateTimeFormat(LOCALE, {
  ...weekdayDateOptions,
  hour: "2-digit",
  minute: "2-digit",
  timeZone: BERLIN,
});
const calendarWeekdayDateFormat = new Intl.DateTimeFormat(LOCALE, { ...weekdayDateOptions, timeZone: "UTC" });
const shortDayOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric" } as const;
const shortDayFormat = new Intl.DateTimeFormat(LOCALE, { ...shortDayOptions, timeZone: BERLIN });
// Calendar dates and months are placed at noon UTC and read in UTC: no zone can shift the day.
const shortCalendarDayFormat = new Intl.DateTimeFormat(LOCALE, { ...shortDayOptions, timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat(LOCALE, { month: "long", year: "numeric", timeZone: "UTC" });
const euroFormat = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "EUR" });

const instant = (value: string | Date) => new Date(value);

// ---- Instants (Berlin time) ----

/** "03.12.2026" */
export function formatDate(iso: string | Date): string {
  return dateFormat.format(instant(iso));
}

/** "03.12.2026, 14:00 Uhr" */
export function formatDateTime(iso: string | Date): string {
  return `${dateTimeFormat.format(instant(iso))} Uhr`;
}

/** "14:00" */
export function timeText(value: Date | string): string {
  return timeFormat.format(instant(value));
}

/** "Mi." */
export function weekdayText(value: Date | string): string {
  return weekdayFormat.format(instant(value));
}

/** "Mittwoch, 19. August 2026" */
export function longDayText(value: Date | string): string {
  return longDayFormat.format(instant(value));
}

/** "Mittwoch, 19. August 2026, 14:30 Uhr" (mails) */
export function longDayTimeText(value: Date | string): string {
  return `${longDayText(value)}, ${timeText(value)} Uhr`;
}

/** "Mittwoch, 19. August 2026, 09:00–12:00 Uhr"; over midnight both ends in full ("… bis …"). */
export function longSessionText(startsAt: Date | string, endsAt: Date | string): string {
  return longDayText(startsAt) === longDayText(endsAt)
    ? `${longDayText(startsAt)}, ${timeText(startsAt)}–${timeText(endsAt)} Uhr`
    : `${longDayTimeText(startsAt)} bis ${longDayTimeText(endsAt)}`;
}

/** "19. August 2026" */
export function dayMonthYearText(value: Date | string): string {
  return dayMonthYearFormat.format(instant(value));
}

/** "Mo., 30.11.2026, 14:30 Uhr" (mails) */
export function weekdayDateTimeText(value: Date | string): string {
  return `${weekdayDateTimeYearFormat.format(instant(value))} Uhr`;
}

/** "Mi., 19. Aug. 2026" */
export function shortDayText(value: Date | string): string {
  return shortDayFormat.format(instant(value));
}

/** "Di, 02.03.2027, 09:00–12:00 Uhr", or both ends in full when they fall on different days. */
export function sessionText(startsAt: string | Date, endsAt: string | Date): string {
  const sameDay = formatDate(startsAt) === formatDate(endsAt);
  return sameDay
    ? `${weekdayText(startsAt)}, ${formatDate(startsAt)}, ${timeText(startsAt)}–${timeText(endsAt)} Uhr`
    : `${formatDateTime(startsAt)} – ${formatDateTime(endsAt)}`;
}

/**
 * A moment close ahead as people say it: "Mi., 14:00 Uhr" within the next six days, else
 * "Mi., 03.12., 14:00 Uhr". `now` is passed in so server and browser render the same text.
 */
export function momentText(iso: string, now: string | Date): string {
  const at = instant(iso);
  const days = (at.getTime() - instant(now).getTime()) / 86_400_000;
  const text = days >= -1 && days < 6 ? weekdayTimeFormat.format(at) : weekdayDateTimeFormat.format(at);
  return `${text} Uhr`;
}

// ---- Calendar dates and months (no time zone) ----

/** "03.12.2026" for the date "2026-12-03". */
export function dayText(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}.${m}.${y}`;
}

/** "03.12. – 17.12.2026" or "03.12.2026 – 05.01.2027". */
export function periodText(from: string, to: string): string {
  if (from === to) return dayText(from);
  const [fy] = from.split("-");
  const [ty] = to.split("-");
  const short = (iso: string) => dayText(iso).slice(0, 6);
  return fy === ty ? `${short(from)} – ${dayText(to)}` : `${dayText(from)} – ${dayText(to)}`;
}

/** "Mi., 21. Okt. 2026" for the date "2026-10-21". */
export function shortCalendarDayText(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return shortCalendarDayFormat.format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** "Mo., 30.11.2026" for the date "2026-11-30". */
export function weekdayDateText(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return calendarWeekdayDateFormat.format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** "1. Dezember 2026" for the date "2026-12-01"; anything else comes back as it is. */
export function calendarDayMonthYearText(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return calendarDayMonthYearFormat.format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** "Januar 2027" for "2027-01-01" or "2027-01". */
export function monthText(isoMonth: string): string {
  const [y, m] = isoMonth.split("-").map(Number) as [number, number];
  return monthFormat.format(new Date(Date.UTC(y, m - 1, 15)));
}

// ---- Numbers, hours, money ----

// toLocaleString with options builds a new Intl.NumberFormat on every call (~0.05 ms each; a list
// page formats hundreds of numbers): one formatter per number of decimals instead.
const numberFormats = new Map<number, Intl.NumberFormat>();

/** 1234 → "1.234"; 2.5 → "2,5" (at most `fractionDigits` decimals). */
export function numberText(value: number, fractionDigits = 2): string {
  let format = numberFormats.get(fractionDigits);
  if (!format) numberFormats.set(fractionDigits, (format = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: fractionDigits })));
  return format.format(value);
}

const toHours = (value: string | number | null | undefined) => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
};

/** "12,5" for "12.50" or 12.5; "0" for null. For reading: thousands grouped. */
export function hoursText(value: string | number | null | undefined): string {
  return numberText(toHours(value));
}

const plainHoursFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, useGrouping: false });

/** "1234,5": no thousands separator, for form inputs and CSV cells. */
export function hoursPlain(value: string | number | null | undefined): string {
  return plainHoursFormat.format(toHours(value));
}

/** "1 Stunde", "2,5 Stunden". */
export function hoursWithUnit(hours: number): string {
  return `${hoursText(hours)} ${hours === 1 ? "Stunde" : "Stunden"}`;
}

/** 4500 → "45,00 €". */
export function euro(cents: number): string {
  return euroFormat.format(cents / 100);
}

const euroPlainFormat = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

/** 4500 → "45,00" (for inputs and CSV). */
export function euroPlain(cents: number): string {
  return euroPlainFormat.format(cents / 100);
}

/** "1 Träger", "12 Träger"; "1 Meldung", "3 Meldungen". */
export function countLabel(count: number, singular: string, plural: string = singular): string {
  return `${numberText(count)} ${count === 1 ? singular : plural}`;
}
