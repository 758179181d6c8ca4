// The organizers' exports of a training: the participant list and the cost summary per Träger, as
// CSV for Excel (semicolons, UTF-8 with BOM so umlauts open correctly, German headers, German
// decimal commas). Only organizers get a file (readTraining says so, RLS shows them every
// registration); for everyone else the route answers 404.
import type { SessionUser } from "../auth/session";
import { toCsv, type CsvFile } from "../csv";
import { asUser, asUserReadOnly } from "../db/request";
import { readRegistrations, readSessions, readTraining, type RegistrationInfo } from "./detail";
import { APPROVAL_LABELS, CLOSED_REASON_LABELS, REGISTRATION_STATUS_LABELS, euroPlain } from "~/i18n/trainings";
import { formatDate, formatDateTime } from "~/utils/format";

/** "Deeskalation im Alltag" → "deeskalation-im-alltag" (ASCII, for file names). */
export function fileSlug(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // At most 60 characters, cut between words.
  const short = slug.length <= 60 ? slug : slug.slice(0, 61).replace(/-[^-]*$/, "");
  return short || "fortbildung";
}

function statusText(r: RegistrationInfo): string {
  if (r.status === "waitlisted") return `Warteliste (Platz ${r.waitlistPosition})`;
  if (r.status === "offered" && r.offerExpiresAt) return `Platzangebot bis ${formatDateTime(r.offerExpiresAt)}`;
  if ((r.status === "cancelled" || r.status === "declined") && r.closedReason) return CLOSED_REASON_LABELS[r.closedReason];
  return REGISTRATION_STATUS_LABELS[r.status];
}


/** The participant list, or null when the user does not organise the training. */
export async function participantListCsv(user: SessionUser, trainingId: string): Promise<CsvFile | null> {
  return asUserReadOnly(user, async (tx) => {
    const training = await readTraining(tx, trainingId);
    if (!training?.isOrganizer) return null;
    const sessions = await readSessions(tx, trainingId);
    const registrations = await readRegistrations(tx, trainingId, user.id);
    const header = [
      "Nr.",
      "Name",
      "Träger",
      "Art",
      "Plätze",
      "Status",
      "Angemeldet am",
      "Freigabe Träger",
      "Freigabe Veranstalter",
      ...sessions.map((s) => `Termin ${s.position} (${formatDate(s.startsAt)}) anwesend`),
    ];
    const rows = registrations.map((r, index) => [
      index + 1,
      r.userId ? r.participantName : "Plätze für Klient:innen (anonym)",
      r.orgName,
      r.userId ? "Person" : "Klient:innen-Plätze",
      r.seats,
      statusText(r),
      formatDateTime(r.registeredAt),
      APPROVAL_LABELS[r.orgApproval],
      APPROVAL_LABELS[r.organizerApproval],
      ...sessions.map((s) => {
        const present = r.attendance[s.id];
        if (present === undefined) return "";
        if (r.userId) return present > 0 ? "ja" : "nein";
        return `${present} von ${r.seats}`;
      }),
    ]);
    return { filename: `teilnehmende-${fileSlug(training.title)}.csv`, body: toCsv([header, ...rows]) };
  });
}

const SEAT_HOLDING = new Set(["confirmed", "attended", "no_show"]);

/** Seats and fees per Träger (confirmed seats, including those who then attended or not). */
export async function costSummaryCsv(user: SessionUser, trainingId: string): Promise<CsvFile | null> {
  return asUserReadOnly(user, async (tx) => {
    const training = await readTraining(tx, trainingId);
    if (!training?.isOrganizer) return null;
    const registrations = await readRegistrations(tx, trainingId, user.id);
    const byOrg = new Map<string, { name: string; people: number; clients: number }>();
    for (const r of registrations) {
      if (!SEAT_HOLDING.has(r.status)) continue;
      const entry = byOrg.get(r.orgId) ?? { name: r.orgName, people: 0, clients: 0 };
      if (r.userId) entry.people += r.seats;
      else entry.clients += r.seats;
      byOrg.set(r.orgId, entry);
    }
    const fee = training.feeCents;
    const orgs = [...byOrg.values()].sort((a, b) => a.name.localeCompare(b.name, "de"));
    const header = ["Träger", "Plätze gesamt", "davon Mitarbeitende", "davon Klient:innen (anonym)", "Gebühr pro Platz (EUR)", "Summe (EUR)"];
    const rows = orgs.map((o) => {
      const seats = o.people + o.clients;
      return [o.name, seats, o.people, o.clients, euroPlain(fee), euroPlain(seats * fee)];
    });
    const totalSeats = orgs.reduce((sum, o) => sum + o.people + o.clients, 0);
    rows.push([
      "Gesamt",
      totalSeats,
      orgs.reduce((sum, o) => sum + o.people, 0),
      orgs.reduce((sum, o) => sum + o.clients, 0),
      euroPlain(fee),
      euroPlain(totalSeats * fee),
    ]);
    return { filename: `kosten-${fileSlug(training.title)}.csv`, body: toCsv([header, ...rows]) };
  });
}

