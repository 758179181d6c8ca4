// Pieces of the Fortbildungen pages used in several places: the seat badges ("7 von 20 frei",
// "Warteliste: 3"), dates of one or more sessions, a registration's state in words, the card of
// the browse list and the dashboard.
import { Link } from "~/components/link";
import type { TrainingApprovalState, TrainingClosedReason, TrainingRegistrationStatus } from "~/.server/db/schema";
import type { TrainingCard } from "~/.server/trainings/list";
import { Badge } from "~/components/ui/layout";
import { AUDIENCE_LABELS, CLOSED_REASON_LABELS, REGISTRATION_STATUS_LABELS, TRAINING_STATUS_LABELS, feeLabel, seatsLine, waitlistLine } from "~/i18n/trainings";
import { formatDate, formatDateTime, sessionText } from "~/utils/format";
import { paths } from "~/utils/links";

export { sessionText };

/** One session: its full text; several: "02.03.2027 – 10.03.2027 · 3 Termine". */
export function datesText(startsAt: string | null, endsAt: string | null, sessionCount: number): string {
  if (!startsAt || !endsAt) return "Noch keine Termine";
  if (sessionCount <= 1) return sessionText(startsAt, endsAt);
  const from = formatDate(startsAt);
  const to = formatDate(endsAt);
  return `${from === to ? from : `${from} – ${to}`} · ${sessionCount} Termine`;
}

export function SeatBadges({ capacity, seatsTaken, waitlistCount }: { capacity: number; seatsTaken: number; waitlistCount: number }) {
  const free = capacity - seatsTaken;
  const tone = free <= 0 ? "red" : free <= Math.max(2, Math.ceil(capacity / 10)) ? "amber" : "green";
  const waitlist = waitlistLine(waitlistCount);
  if (!waitlist) return <Badge tone={tone}>{seatsLine(capacity, seatsTaken)}</Badge>;
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      <Badge tone={tone}>{seatsLine(capacity, seatsTaken)}</Badge>
      <Badge tone="slate">{waitlist}</Badge>
    </span>
  );
}

export type RegistrationStateInput = {
  status: TrainingRegistrationStatus;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  orgApproval: TrainingApprovalState;
  organizerApproval: TrainingApprovalState;
  closedReason: TrainingClosedReason | null;
};

/** Who still has to approve: "Ihres Trägers und des Veranstalters". */
function pendingApprovers(r: RegistrationStateInput, own = true): string | null {
  const who = [
    r.orgApproval === "pending" ? (own ? "Ihres Trägers" : "des Trägers") : null,
    r.organizerApproval === "pending" ? "des Veranstalters" : null,
  ].filter(Boolean);
  return who.length ? who.join(" und ") : null;
}

/** The state in words: "bestätigt", "Warteliste Platz 3", "Angebot bis …", "wartet auf Freigabe …". */
export function registrationStateText(r: RegistrationStateInput, options: { own?: boolean } = {}): string {
  const approvers = pendingApprovers(r, options.own ?? true);
  switch (r.status) {
    case "confirmed":
      return "bestätigt";
    case "pending_approval":
      return approvers ? `Platz reserviert, wartet auf Freigabe ${approvers}` : "wartet auf Freigabe";
    case "waitlisted":
      return `Warteliste Platz ${r.waitlistPosition ?? "?"}${approvers ? ` · Freigabe ${approvers} offen` : ""}`;
    case "offered":
      return r.offerExpiresAt ? `Platzangebot bis ${formatDateTime(r.offerExpiresAt)}` : "Platzangebot";
    case "cancelled":
    case "declined":
      return r.closedReason ? CLOSED_REASON_LABELS[r.closedReason] : REGISTRATION_STATUS_LABELS[r.status];
    default:
      return REGISTRATION_STATUS_LABELS[r.status];
  }
}

export function registrationTone(status: TrainingRegistrationStatus): "green" | "amber" | "brand" | "slate" | "red" {
  switch (status) {
    case "confirmed":
    case "attended":
      return "green";
    case "offered":
      return "brand";
    case "pending_approval":
    case "waitlisted":
      return "amber";
    case "cancelled":
    case "declined":
    case "no_show":
      return "slate";
  }
}

/** What a training's card shows (the list's row without the deadline). */
export type CardData = Omit<TrainingCard, "registrationDeadline">;

export function whereText(t: { place: string | null; gemeindeName: string | null; online: boolean }): string {
  const town = t.gemeindeName ?? (t.place ? t.place : null);
  if (town && t.online) return `${town} und online`;
  return town ?? "Online";
}

/** The card of a training in a list; the whole card is the link. `discover="none"` on all but one
 *  card of a list (every card's link goes to the same route: one path for Remix to discover). */
export function TrainingCardView({
  training,
  children,
  discover = "render",
}: {
  training: CardData;
  children?: React.ReactNode;
  discover?: "render" | "none";
}) {
  return (
    <article className="card-link flex h-full flex-col">
      <p className="text-sm font-semibold text-brand-800">{datesText(training.startsAt, training.endsAt, training.sessionCount)}</p>
      <h3 className="card-title mt-1 leading-snug">
        <Link to={paths.training(training.id)} className="stretched-u" discover={discover}>
          {training.title}
        </Link>
      </h3>
      <p className="meta mt-1">{`${training.topicLabel} · für ${AUDIENCE_LABELS[training.audience]}`}</p>
      <p className="meta">{`${whereText(training)} · ${training.orgName}`}</p>
      <div className="chips">
        {training.status === "published" ? (
          <SeatBadges capacity={training.capacity} seatsTaken={training.seatsTaken} waitlistCount={training.waitlistCount} />
        ) : (
          <Badge tone={training.status === "draft" ? "amber" : "slate"}>{TRAINING_STATUS_LABELS[training.status]}</Badge>
        )}
        <Badge tone="slate">{feeLabel(training.feeCents)}</Badge>
      </div>
      {children ? <div className="relative mt-3 border-t border-slate-100 pt-3 text-sm">{children}</div> : null}
    </article>
  );
}
