// German labels of the Vertretungsbörse: urgencies, kinds, statuses, hours and dates as the board,
// the detail page, the ledger and the CSV show them. One place, so every screen says the same.
import type {
  CoverGenderRequirement,
  CoverKind,
  CoverOfferStatus,
  CoverRequestStatus,
  CoverUrgency,
} from "~/.server/db/schema";

export const COVER_URGENCIES = ["notfall", "dringend", "planbar"] as const satisfies readonly CoverUrgency[];
export const COVER_KINDS = ["vertretung", "krisenintervention", "umgangsbegleitung", "uebernahme"] as const satisfies
  readonly CoverKind[];
export const COVER_GENDERS = ["weiblich", "maennlich", "divers"] as const satisfies readonly CoverGenderRequirement[];

export const URGENCY_LABELS: Record<CoverUrgency, string> = {
  notfall: "Notfall",
  dringend: "Dringend",
  planbar: "Planbar",
};

/** What each urgency means, for the form and the filters. */
export const URGENCY_HINTS: Record<CoverUrgency, string> = {
  notfall: "heute oder morgen",
  dringend: "diese Woche",
  planbar: "mit Vorlauf",
};

export const URGENCY_TONES: Record<CoverUrgency, "red" | "amber" | "slate"> = {
  notfall: "red",
  dringend: "amber",
  planbar: "slate",
};

export const KIND_LABELS: Record<CoverKind, string> = {
  vertretung: "Vertretung laufender Hilfe",
  krisenintervention: "Krisenintervention",
  umgangsbegleitung: "Umgangsbegleitung",
  uebernahme: "Übernahme",
};

export const REQUEST_STATUS_LABELS: Record<CoverRequestStatus, string> = {
  draft: "Entwurf",
  open: "Offen",
  filled: "Besetzt",
  cancelled: "Abgesagt",
  expired: "Abgelaufen",
  completed: "Erledigt",
};

export const REQUEST_STATUS_TONES: Record<CoverRequestStatus, "slate" | "brand" | "amber" | "red" | "green"> = {
  draft: "amber",
  open: "brand",
  filled: "green",
  cancelled: "slate",
  expired: "slate",
  completed: "green",
};

export const OFFER_STATUS_LABELS: Record<CoverOfferStatus, string> = {
  offered: "Angeboten",
  accepted: "Angenommen",
  declined: "Abgelehnt",
  withdrawn: "Zurückgezogen",
};

export const OFFER_STATUS_TONES: Record<CoverOfferStatus, "slate" | "brand" | "amber" | "red" | "green"> = {
  offered: "brand",
  accepted: "green",
  declined: "slate",
  withdrawn: "slate",
};

export const GENDER_LABELS: Record<CoverGenderRequirement, string> = {
  weiblich: "weiblich",
  maennlich: "männlich",
  divers: "divers",
};

/** The 403 text for members who open the request form. */
export const COVER_POST_NOT_ALLOWED =
  "Vertretungen anfragen können Koordinator:innen, Administrator:innen und Inhaber:innen eines Trägers, der einem Kreis angehört. Bitten Sie die Koordination Ihres Trägers, die Anfrage einzustellen.";

/** The AÜG note every cover carries (the ledger's column default says the same). */
export const AUEG_NOTE = "gelegentliche Arbeitnehmerüberlassung (§ 1 Abs. 3 Nr. 2a AÜG)";

/** "12,5" for "12.50" or 12.5; "0" for null. */
export function hoursText(value: string | number | null | undefined): string {
  const n = Number(value ?? 0);
  return (Number.isFinite(n) ? n : 0).toLocaleString("de-DE", { maximumFractionDigits: 2 });
}

/** "12 von 20 Std./Woche zugesagt" */
export function fillText(covered: string | number, total: string | number): string {
  return `${hoursText(covered)} von ${hoursText(total)} Std./Woche zugesagt`;
}

/** "03.12.2026" for the date "2026-12-03" (a calendar date: no time zone involved). */
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

const weekdayTime = new Intl.DateTimeFormat("de-DE", {
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Berlin",
});
const weekdayDateTime = new Intl.DateTimeFormat("de-DE", {
  weekday: "short",
  day: "2-digit",
  month: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Berlin",
});

/**
 * A moment close ahead as people say it: "Mi., 14:00" within the next six days, else
 * "Mi., 03.12., 14:00". `now` is passed in so server and browser render the same text.
 */
export function momentText(iso: string, now: string | Date): string {
  const at = new Date(iso);
  const days = (at.getTime() - new Date(now).getTime()) / 86_400_000;
  const text = days >= -1 && days < 6 ? weekdayTime.format(at) : weekdayDateTime.format(at);
  return `${text} Uhr`;
}

/** "Januar 2027" for "2027-01-01" or "2027-01". */
export function monthText(isoMonth: string): string {
  const [y, m] = isoMonth.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 15)),
  );
}
