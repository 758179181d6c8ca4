// German labels of the Vertretungsbörse: urgencies, kinds, statuses, hours and dates as the board,
// the detail page, the ledger and the CSV show them. One place, so every screen says the same.
import { hoursText } from "~/utils/format";
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

/** "12 von 20 Std./Woche zugesagt" */
export function fillText(covered: string | number, total: string | number): string {
  return `${hoursText(covered)} von ${hoursText(total)} Std./Woche zugesagt`;
}

// Dates, hours and months are written by the one format module; re-exported for the pages that
// import them from here.
export { dayText, hoursText, momentText, monthText, periodText } from "~/utils/format";
