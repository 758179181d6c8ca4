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
