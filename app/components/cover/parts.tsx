// Pieces the Vertretungsbörse's pages share: the urgency badge, the fill bar ("12 von 20
// Std./Woche zugesagt"), the requirements line, who can see a request now and when that widens,
// and the request card of the board. Mobile first: the whole card is one tap target.
import { Link } from "~/components/link";
import type { CoverCard } from "~/.server/cover/board";
import { Badge } from "~/components/ui/layout";
import {
  fillText,
  GENDER_LABELS,
  hoursText,
  KIND_LABELS,
  momentText,
  periodText,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUS_TONES,
  URGENCY_LABELS,
  URGENCY_TONES,
} from "~/i18n/cover";
import { paths } from "~/utils/links";
import { gemeindeName, hilfeartOf } from "~/utils/reference-data";
import type { CoverUrgency } from "~/.server/db/schema";

/** The card's fields a page gets only where they are set (coverCardData). */
const COVER_CARD_OPTIONAL = [
  "sozialraum",
  "qualification",
  "languages",
  "needsDrivingLicence",
  "needsCar",
  "genderRequirement",
  "own",
  "addressing",
  "widenAt",
  "recipientCount",
  "addressedToUs",
  "caseReference",
] as const satisfies readonly (keyof CoverCard)[];
type CoverCardOptional = (typeof COVER_CARD_OPTIONAL)[number];

/** What a card shows, as the board sends it to the page (whose data goes into its HTML): without
 *  what stays on the server (the Träger's id, times) and the reference tables' words (the card looks
 *  its codes up in ~/utils/reference-data); the fields of COVER_CARD_OPTIONAL only where they are
 *  set — most cards have no Sozialraum, requirement, addressing or case reference. */
export type CoverCardData = Pick<
  CoverCard,
  "id" | "status" | "urgency" | "kind" | "hilfeart" | "gemeinde" | "periodFrom" | "periodTo" | "hoursPerWeek" | "coveredHours" | "orgName"
> & { [K in CoverCardOptional]?: NonNullable<CoverCard[K]> };

/** A board card as the page gets it: empty, false, zero and "circle" (the addressing of most
 *  requests) are left out — a key less per field and card in the page's data. */
export function coverCardData(card: CoverCard): CoverCardData {
  const data: CoverCardData = {
    id: card.id,
    status: card.status,
    urgency: card.urgency,
    kind: card.kind,
    hilfeart: card.hilfeart,
    gemeinde: card.gemeinde,
    periodFrom: card.periodFrom,
    periodTo: card.periodTo,
    hoursPerWeek: card.hoursPerWeek,
    coveredHours: card.coveredHours,
    orgName: card.orgName,
  };
  const set = data as Record<string, unknown>;
  for (const key of COVER_CARD_OPTIONAL) {
    const value = card[key];
    if (value === null || value === false || value === "" || value === 0 || value === "circle") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    set[key] = value;
  }
  return data;
}

export function UrgencyBadge({ urgency }: { urgency: CoverUrgency }) {
  if (urgency === "notfall") {
    // The warning sign is the badge's ::before (app/tailwind.css).
    return <span className="badge badge-notfall">{URGENCY_LABELS.notfall}</span>;
  }
  return <Badge tone={URGENCY_TONES[urgency]}>{URGENCY_LABELS[urgency]}</Badge>;
}

export function StatusBadge({ status }: { status: CoverCard["status"] }) {
  return <Badge tone={REQUEST_STATUS_TONES[status]}>{REQUEST_STATUS_LABELS[status]}</Badge>;
}

/** "12 von 20 Std./Woche zugesagt" with a bar under it; "besetzt" when covered. `className` goes on
 *  the text (no wrapper element: a card renders this 20 times). */
export function FillStatus({
  covered,
  total,
  status,
  className,
}: {
  covered: string;
  total: string;
  status: CoverCard["status"];
  className?: string;
}) {
  const ratio = Math.max(0, Math.min(1, Number(covered) / Number(total || 1)));
  const full = ratio >= 1 || status === "filled" || status === "completed";
  const textClass = full ? "text-sm font-semibold text-green-800" : "body-sm";
  return (
    <>
      <p className={className ? `${textClass} ${className}` : textClass}>
        {full ? `Besetzt · ${hoursText(total)} Std./Woche zugesagt` : fillText(covered, total)}
      </p>
      {/* .meter (app/tailwind.css): the track and its fill, green when covered; nothing to fill at 0 %. */}
      <div className={full ? "meter meter-full" : "meter"} role="img" aria-label={`${Math.round(ratio * 100)} Prozent zugesagt`}>
        {ratio > 0 ? <div style={{ width: `${ratio * 100}%` }} /> : null}
      </div>
    </>
  );
}

/** An icon of the stylesheet's `.icon-*` set (app/tailwind.css), 16 px, in the text colour. */
type IconName = "car" | "licence" | "languages" | "qualification" | "person";

type Requirements = Partial<Pick<CoverCard, "needsDrivingLicence" | "needsCar" | "languages" | "qualification" | "genderRequirement">>;

/** Führerschein + Auto, Sprachen, Qualifikation, Geschlecht — each with an icon and words. */
export function RequirementList({ request, className = "" }: { request: Requirements; className?: string }) {
  const items: Array<{ icon: IconName; text: string }> = [];
  if (request.needsDrivingLicence && request.needsCar) items.push({ icon: "car", text: "Führerschein + Auto" });
  else if (request.needsDrivingLicence) items.push({ icon: "licence", text: "Führerschein" });
  else if (request.needsCar) items.push({ icon: "car", text: "Auto" });
  if (request.languages && request.languages.length > 0) items.push({ icon: "languages", text: request.languages.join(", ") });
  if (request.qualification) items.push({ icon: "qualification", text: request.qualification });
  if (request.genderRequirement) items.push({ icon: "person", text: `Fachkraft ${GENDER_LABELS[request.genderRequirement]}` });
  if (items.length === 0) return null;
  return (
    <ul className={className ? `reqs ${className}` : "reqs"} aria-label="Anforderungen">
      {items.map((item) => (
        <li key={item.text}>
          <span aria-hidden="true" className={`icon icon-${item.icon} size-4`} />
          <span>{item.text}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Who can see the request now: "Zuerst an 2 Träger · ab Mi., 14:00 Uhr für den ganzen Kreis" for
 * the requester, "Direkt an Ihren Träger gerichtet · …" for an addressee, nothing for circle-wide.
 */
export function AddressingText({ request, now }: { request: CoverCardData; now: string }) {
  if (request.addressing !== "addressed" || !request.widenAt) return null;
  const widened = new Date(request.widenAt).getTime() <= new Date(now).getTime();
  if (widened) {
    return <p className="meta">{`Für den ganzen Kreis sichtbar seit ${momentText(request.widenAt, now)}`}</p>;
  }
  const who = request.own
    ? `Zuerst an ${request.recipientCount === 1 ? "1 Träger" : `${request.recipientCount ?? 0} Träger`}`
    : request.addressedToUs
      ? "Direkt an Ihren Träger gerichtet"
      : "Zuerst an einzelne Träger";
  return (
    <p className="inline-flex items-start gap-1 text-sm font-medium text-amber-900">
      <span aria-hidden="true" className="icon icon-clock mt-0.5 size-4" />
      <span>{`${who}, ab ${momentText(request.widenAt, now)} für den ganzen Kreis`}</span>
    </p>
  );
}

/** A request on the board: the whole card links to the request. `discover="none"` on all but one
 *  card of a list: the detail route is the same for every card, and Remix's route discovery then
 *  asks the server for one path instead of twenty (and the links carry no data-discover). */
export function CoverCardView({
  request,
  now,
  footer,
  showStatus = false,
  discover = "render",
}: {
  request: CoverCardData;
  now: string;
  footer?: React.ReactNode;
  showStatus?: boolean;
  discover?: "render" | "none";
}) {
  const urgent = request.urgency === "notfall" && request.status === "open";
  const hilfeart = hilfeartOf(request.hilfeart);
  const addressing = request.addressing === "addressed" && request.widenAt ? <AddressingText request={request} now={now} /> : null;
  const org = request.own ? `Ihre Anfrage · ${request.orgName}` : request.orgName;
  // Classes of the card's pieces: app/tailwind.css ("A request card").
  return (
    <article className={urgent ? "card-link card-ring card-urgent" : "card-link card-ring"}>
      <div className="row">
        <UrgencyBadge urgency={request.urgency} />
        {showStatus || request.status !== "open" ? <StatusBadge status={request.status} /> : null}
        <span className="meta">{KIND_LABELS[request.kind]}</span>
        {request.own && request.caseReference ? (
          <span className="ml-auto font-mono text-xs text-slate-600">{request.caseReference}</span>
        ) : null}
      </div>
      <h3 className="cover-title">
        <Link to={paths.coverRequest(request.id)} className="stretched" discover={discover}>
          <span>{hilfeart.paragraph}</span>
          {` ${hilfeart.label}`}
        </Link>
      </h3>
      <p className="cover-place">
        <b>{gemeindeName(request.gemeinde)}</b>
        {request.sozialraum ? ` · ${request.sozialraum}` : ""}
        <span> · </span>
        {periodText(request.periodFrom, request.periodTo)}
      </p>
      <FillStatus covered={request.coveredHours} total={request.hoursPerWeek} status={request.status} className="mt-3" />
      <RequirementList request={request} className="mt-3" />
      {addressing ? (
        <div className="mt-2 space-y-1">
          {addressing}
          <p className="meta">{org}</p>
        </div>
      ) : (
        <p className="meta mt-2">{org}</p>
      )}
      {footer ? <div className="relative mt-3 border-t border-slate-100 pt-3">{footer}</div> : null}
    </article>
  );
}
