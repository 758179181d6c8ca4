// The calendar as data: every registered source (./sources) asked for the same range inside one
// read-only transaction as the person (or as the admin behind a Träger feed), so row-level
// security decides what a calendar holds. Used by the /kalender page and the subscribed feeds.
//
// The feeds (/kalender/<token>.ics) have no session: the token (only its sha256 is stored) is
// looked up by public.calendar_feed_for_token as anon; the entries are then read with asUser as
// the feed's person — never as a privileged role. A revoked or renewed token finds nothing: 404.
// Each answer carries an ETag (sha256 of the body) and Last-Modified; a poll with a matching
// If-None-Match or an unchanged If-Modified-Since gets a body-less 304. DTSTAMP is the entry's
// last change, so an unchanged calendar gives the same bytes and the same ETag on every poll.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { asAnonReadOnly, asUserReadOnly, type Tx } from "../db/request";
import type { CalendarEntry, CalendarRange, CalendarScope } from "./entries";
import { CALENDAR_SOURCES } from "./sources";
import { writeCalendar, type IcsEvent } from "./writer";

export type CalendarKindInfo = { kind: string; label: string };

export function calendarKinds(): CalendarKindInfo[] {
  return CALENDAR_SOURCES.map((s) => ({ kind: s.kind, label: s.label }));
}

function startOf(entry: CalendarEntry): number {
  return typeof entry.start === "string" ? new Date(`${entry.start}T00:00:00+01:00`).getTime() : entry.start.getTime();
}

/** All entries of the scope overlapping the range, by start (sources run one after another in
 *  the transaction: one connection, no parallel statements). */
export async function loadEntries(tx: Tx, scope: CalendarScope, range: CalendarRange): Promise<CalendarEntry[]> {
  const entries: CalendarEntry[] = [];
  for (const source of CALENDAR_SOURCES) entries.push(...(await source.load(tx, scope, range)));
  return entries.sort((a, b) => startOf(a) - startOf(b) || a.uid.localeCompare(b.uid));
}

/** How far ahead the feed carries the circle's trainings that do not concern the person. */
export const FEED_OTHER_TRAININGS_DAYS = 56;

/** The feed's window: 90 days back (recent history stays visible) to 400 days ahead; the circle's
 *  other trainings only for the coming eight weeks (read only for those, see feedEntries). */
export function feedRange(now: Date = new Date()): CalendarRange {
  const day = 24 * 60 * 60 * 1000;
  return {
    from: new Date(now.getTime() - 90 * day),
    to: new Date(now.getTime() + 400 * day),
    others: { from: now, to: new Date(now.getTime() + FEED_OTHER_TRAININGS_DAYS * day) },
  };
}

/**
 * What a subscribed calendar carries: everything that concerns the person (or the Träger) over the
 * whole window, but the circle's other trainings only for the coming eight weeks — a circle with
 * 10,000 trainings would otherwise send thousands of events (megabytes) at every hourly poll. (The
 * training source reads only those; this keeps the rule per session.) The /kalender page shows the
 * trainings that concern the person and links the circle's others to /fortbildungen.
 */
export function feedEntries(entries: CalendarEntry[], now: Date = new Date()): CalendarEntry[] {
  const until = now.getTime() + FEED_OTHER_TRAININGS_DAYS * 24 * 60 * 60 * 1000;
  return entries.filter((e) => e.mine || e.kind !== "training" || (startOf(e) <= until && startOf(e) >= now.getTime()));
}

const STATUS = { confirmed: "CONFIRMED", tentative: "TENTATIVE", cancelled: "CANCELLED" } as const;

export function entriesToIcs(entries: CalendarEntry[], name: string, appUrl: string): string {
  const labels = new Map(CALENDAR_SOURCES.map((s) => [s.kind, s.label]));
  const events: IcsEvent[] = entries.map((e) => {
    const url = new URL(e.href, appUrl).toString();
    return {
      uid: e.uid,
      allDay: e.allDay,
      start: e.start,
      end: e.end,
      summary: e.title,
      description: [...(e.details ?? []), `Im Trägerkreis: ${url}`].join("\n"),
      location: e.location ?? null,
      url,
      status: STATUS[e.status],
      sequence: e.sequence,
      categories: [labels.get(e.kind) ?? e.kind],
      stamp: e.updatedAt,
      lastModified: e.updatedAt,
    };
  });
  return writeCalendar({
    productId: "-//Traegerkreis//Kalender//DE",
    method: "PUBLISH",
    name,
    refreshInterval: "PT1H",
    events,
  });
}

export type FeedOwner = {
  feedId: string;
  kind: "person" | "traeger";
  userId: string;
  email: string;
  orgId: string | null;
  orgName: string | null;
  createdAt: Date;
};

/** Whose feed a token opens, or null (unknown, revoked, renewed, malformed). */
export async function feedForToken(token: string): Promise<FeedOwner | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await asAnonReadOnly(async (tx) => {
    const result = await sql<{
      feed_id: string;
      kind: "person" | "traeger";
      user_id: string;
      email: string;
      org_id: string | null;
      org_name: string | null;
      created_at: Date;
    }>`select * from public.calendar_feed_for_token(${token})`.execute(tx);
    return result.rows[0];
  });
  if (!row) return null;
  return {
    feedId: row.feed_id,
    kind: row.kind,
    userId: row.user_id,
    email: row.email,
    orgId: row.org_id,
    orgName: row.org_name,
    createdAt: row.created_at,
  };
}

export type FeedBody = { body: string; etag: string; lastModified: Date; events: number };

/** The feed's .ics, read as the feed's person under RLS. */
export async function buildFeed(owner: FeedOwner, appUrl: string, now: Date = new Date()): Promise<FeedBody> {
  const scope: CalendarScope =
    owner.kind === "person"
      ? { kind: "person", userId: owner.userId }
      : { kind: "traeger", userId: owner.userId, orgId: owner.orgId! };
  const entries = await asUserReadOnly({ id: owner.userId, email: owner.email }, (tx) => loadEntries(tx, scope, feedRange(now))).then((all) => feedEntries(all, now));
  const name = owner.kind === "person" ? "Trägerkreis – mein Kalender" : `Trägerkreis – ${owner.orgName ?? "Träger"}`;
  const body = entriesToIcs(entries, name, appUrl);
  const latest = Math.max(owner.createdAt.getTime(), ...entries.map((e) => e.updatedAt.getTime()));
  // HTTP dates have whole seconds.
  const lastModified = new Date(Math.floor(latest / 1000) * 1000);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  return { body, etag, lastModified, events: entries.length };
}

function notModified(request: Request, feed: FeedBody): boolean {
  const match = request.headers.get("If-None-Match");
  if (match) return match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === feed.etag);
  const since = Date.parse(request.headers.get("If-Modified-Since") ?? "");
  return Number.isFinite(since) && feed.lastModified.getTime() <= since;
}

const NOT_FOUND_TEXT = "Dieser Kalender-Link gilt nicht (mehr). Einen neuen Link erzeugen Sie im Trägerkreis unter „Mein Konto“ → „Kalender abonnieren“.";

/** The answer to a calendar program's poll of /kalender/<token>.ics. */
export async function feedResponse(request: Request, fileName: string, appUrl: string): Promise<Response> {
  const token = fileName.endsWith(".ics") ? fileName.slice(0, -4) : "";
  const owner = token ? await feedForToken(token) : null;
  if (!owner) {
    return new Response(NOT_FOUND_TEXT, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const feed = await buildFeed(owner, appUrl);
  const headers = {
    ETag: feed.etag,
    "Last-Modified": feed.lastModified.toUTCString(),
    // Private: the feed is personal. No shared caches; the client revalidates with the ETag.
    "Cache-Control": "private, no-cache",
    "X-Robots-Tag": "noindex",
    "Referrer-Policy": "no-referrer",
  };
  if (notModified(request, feed)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : feed.body, {
    headers: {
      ...headers,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="traegerkreis.ics"',
    },
  });
}
