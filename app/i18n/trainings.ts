// German labels of Gemeinsame Fortbildungen: audiences, statuses, the seat line ("7 von 20 frei").
// One place, so the list, the detail page, the dashboard and the exports say the same.
import { euro, euroPlain, numberText } from "~/utils/format";
import type {
  TrainingApprovalState,
  TrainingAudience,
  TrainingClosedReason,
  TrainingRegistrationStatus,
  TrainingStatus,
} from "~/.server/db/schema";

/** The most sessions one training has (the form adds rows up to it). */
export const MAX_SESSIONS = 50;

export const TRAINING_AUDIENCES = ["fachkraefte", "leitungen", "jugendliche", "eltern", "gemischt"] as const satisfies
  readonly TrainingAudience[];

export const AUDIENCE_LABELS: Record<TrainingAudience, string> = {
  fachkraefte: "Fachkräfte",
  leitungen: "Leitungen",
  jugendliche: "Jugendliche",
  eltern: "Eltern",
  gemischt: "Gemischt",
};

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  draft: "Entwurf",
  published: "Veröffentlicht",
  cancelled: "Abgesagt",
  held: "Durchgeführt",
};

export const REGISTRATION_STATUS_LABELS: Record<TrainingRegistrationStatus, string> = {
  pending_approval: "wartet auf Freigabe",
  confirmed: "bestätigt",
  waitlisted: "Warteliste",
  offered: "Platzangebot",
  declined: "beendet",
  cancelled: "storniert",
  attended: "teilgenommen",
  no_show: "nicht teilgenommen",
};

export const CLOSED_REASON_LABELS: Record<TrainingClosedReason, string> = {
  cancelled: "storniert",
  removed_by_organizer: "vom Veranstalter storniert",
  offer_declined: "Platzangebot abgelehnt",
  offer_expired: "Platzangebot verfallen",
  approval_rejected: "nicht freigegeben",
  training_cancelled: "Fortbildung abgesagt",
  training_held: "nicht nachgerückt",
};

export const APPROVAL_LABELS: Record<TrainingApprovalState, string> = {
  not_required: "nicht nötig",
  pending: "offen",
  approved: "erteilt",
  rejected: "abgelehnt",
};

/** "7 von 20 frei", "ausgebucht". */
export function seatsLine(capacity: number, taken: number): string {
  const free = Math.max(0, capacity - taken);
  return free === 0 ? "ausgebucht" : `${numberText(free)} von ${numberText(capacity)} frei`;
}

/** "Warteliste: 3" or null when nobody waits. */
export function waitlistLine(count: number): string | null {
  return count > 0 ? `Warteliste: ${numberText(count)}` : null;
}

/** 4500 → "45,00 €"; 0 → "kostenfrei". */
export function feeLabel(cents: number): string {
  if (cents === 0) return "kostenfrei";
  return euro(cents);
}

export { euro, euroPlain };

/** "1 Platz", "3 Plätze". */
export function seatsCount(n: number): string {
  return `${numberText(n)} ${n === 1 ? "Platz" : "Plätze"}`;
}

/** The German messages of the Fortbildungen' TK_* codes (raised in supabase/migrations/20261127100*). */
export const TRAINING_ERRORS: Record<string, string> = {
  TK_TRAINING_UNKNOWN_TOPIC: "Unbekanntes Thema.",
  TK_TRAINING_ORG_NOT_IN_CIRCLE: "Dieser Träger gehört nicht zum Kreis der Fortbildung.",
  TK_TRAINING_NEGATIVE_FEE: "Die Gebühr pro Platz darf nicht negativ sein.",
  TK_TRAINING_CAPACITY_INVALID: "Die Fortbildung braucht mindestens einen Platz.",
  TK_TRAINING_CAPACITY_BELOW_SEATS:
    "Es sind bereits mehr Plätze vergeben (bestätigt, angeboten oder in Freigabe), als die neue Platzzahl zulässt.",
  TK_TRAINING_GO_NO_GO_INCOMPLETE: "Bitte geben Sie Mindestteilnehmendenzahl und Entscheidungsdatum zusammen an.",
  TK_TRAINING_MINIMUM_INVALID: "Die Mindestteilnehmendenzahl muss zwischen 1 und der Zahl der Plätze liegen.",
  TK_TRAINING_PLACE_MISSING: "Bitte geben Sie einen Ort mit Gemeinde oder einen Online-Link an.",
  TK_TRAINING_ONLINE_URL_INVALID: "Der Online-Link muss mit https:// beginnen.",
  TK_TRAINING_OFFER_HOURS_INVALID: "Die Frist für Nachrück-Angebote muss zwischen 1 und 336 Stunden liegen.",
  TK_TRAINING_CONTINGENT_INVALID: "Ein Kontingent muss zwischen 1 Platz und der Zahl der Plätze liegen.",
  TK_TRAINING_CONTINGENT_BELOW_SEATS: "Dieser Träger hat bereits mehr Plätze belegt, als das neue Kontingent zulässt.",
  TK_TRAINING_REGISTRATION_DEADLINE_AFTER_START: "Der Anmeldeschluss muss vor dem Beginn des ersten Termins liegen.",
  TK_TRAINING_CANCELLATION_DEADLINE_AFTER_START: "Die Stornofrist muss vor dem Beginn des ersten Termins liegen.",
  TK_TRAINING_CONTINGENT_RELEASE_AFTER_START: "Die Kontingente müssen vor dem Beginn des ersten Termins freigegeben werden.",
  TK_TRAINING_GO_NO_GO_AFTER_START: "Das Entscheidungsdatum darf nicht nach dem ersten Termin liegen.",
  TK_TRAINING_CLOSED: "Diese Fortbildung ist abgesagt oder abgeschlossen und kann nicht mehr geändert werden.",
  TK_TRAINING_CO_ORGANIZER_INVALID: "Der veranstaltende Träger kann nicht zugleich Mitveranstalter sein.",
  TK_TRAINING_SESSIONS_MISSING: "Bitte geben Sie mindestens einen und höchstens 50 Termine an.",
  TK_TRAINING_SESSION_INVALID: "Bitte geben Sie für jeden Termin Datum, Beginn und Ende an.",
  TK_TRAINING_SESSION_ENDS_BEFORE_START: "Ein Termin endet, bevor er beginnt.",
  TK_TRAINING_SESSIONS_OUT_OF_ORDER:
    "Die Termine müssen in zeitlicher Reihenfolge stehen und dürfen sich nicht überschneiden.",
  TK_TRAINING_NOT_DRAFT: "Diese Fortbildung ist bereits veröffentlicht.",
  TK_TRAINING_NOT_PUBLISHED: "Diese Fortbildung ist noch nicht veröffentlicht.",
  TK_TRAINING_IN_PAST: "Der erste Termin liegt in der Vergangenheit.",
  TK_TRAINING_CANCEL_REASON_TOO_LONG: "Die Begründung darf höchstens 2000 Zeichen lang sein.",
  TK_TRAINING_NOT_STARTED: "Die Fortbildung hat noch nicht begonnen.",
  TK_TRAINING_CANCELLED: "Diese Fortbildung wurde abgesagt.",
  TK_TRAINING_PAST: "Diese Fortbildung hat bereits begonnen oder ist vorbei.",
  TK_TRAINING_REGISTRATION_CLOSED: "Der Anmeldeschluss ist vorbei.",
  TK_TRAINING_SEATS_INVALID: "Bitte geben Sie zwischen 1 und 50 Plätze an.",
  TK_TRAINING_SEATS_ABOVE_CAPACITY: "So viele Plätze hat die Fortbildung nicht.",
  TK_TRAINING_SEATS_ABOVE_CONTINGENT: "So viele Plätze sieht das Kontingent Ihres Trägers nicht vor.",
  TK_TRAINING_ORG_REQUIRED: "Bitte wählen Sie, für welchen Träger die Anmeldung gilt.",
  TK_TRAINING_NOT_ALLOWED: "Dazu ist Ihre Rolle im Träger nicht berechtigt.",
  TK_TRAINING_ALREADY_REGISTERED: "Diese Person ist bereits angemeldet oder steht auf der Warteliste.",
  TK_TRAINING_REGISTRATION_NOT_ACTIVE: "Diese Anmeldung ist nicht mehr aktiv.",
  TK_TRAINING_CANCELLATION_CLOSED: "Die Stornofrist ist abgelaufen. Bitte wenden Sie sich an den Veranstalter.",
  TK_TRAINING_NO_OFFER: "Für diese Anmeldung liegt kein Platzangebot vor.",
  TK_TRAINING_OFFER_EXPIRED: "Das Platzangebot ist abgelaufen.",
  TK_TRAINING_APPROVAL_NOT_PENDING: "Diese Freigabe ist nicht (mehr) offen.",
  TK_TRAINING_NOT_WAITLISTED: "Diese Anmeldung steht nicht auf der Warteliste.",
  TK_TRAINING_POSITION_INVALID: "Diese Position gibt es auf der Warteliste nicht.",
  TK_TRAINING_MOVE_REASON_MISSING: "Bitte geben Sie einen Grund für die Verschiebung an (3 bis 500 Zeichen).",
  TK_TRAINING_ATTENDANCE_INVALID: "Die Zahl der Anwesenden passt nicht zur Anmeldung.",
};
