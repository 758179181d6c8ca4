// The calendar feeds (/kalender/<token>.ics) through the route's loader, on PGlite and on the
// server: what a member of Träger A gets holds nothing that only Träger B may see (drafts, a
// request addressed to others, B's case reference and the names of B's people); the feed parses
// with the strict reader of tests/helpers/ics.ts, has the calendar headers a subscription needs,
// and a summer and a winter meeting keep their Berlin wall-clock time; UIDs are stable, a
// cancellation is STATUS:CANCELLED with a higher SEQUENCE; ETag/Last-Modified give 304; a renewed
// or revoked token answers 404 at once; forged tokens answer 404, never 500; the Träger feed has
// no personal answers; creation and revocation are in the audit log.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as feedLoader } from "~/routes/kalender.$file";
import { loader as pageLoader } from "~/routes/kalender._index";
import type { Database } from "~/.server/db/connection";
import { createPersonalFeed, createTraegerFeed, revokePersonalFeed, revokeTraegerFeed } from "~/.server/calendar/subscriptions";
import { freshDatabase } from "../helpers/db";
import { addMember, createUser, requestAs, type TestUser } from "../helpers/fixtures";
import { events, parseIcs, prop, props, unescapeText, type IcsComponent } from "../helpers/ics";
import { meetingCircle, type MeetingCircle } from "../helpers/meetings";
import { callRoute } from "../helpers/routes";

type Feed = { status: number; headers: Headers; body: string };

async function fetchFeed(file: string, headers: Record<string, string> = {}): Promise<Feed> {
  let value: unknown;
  try {
    value = await feedLoader({ request: new Request(`http://localhost:3000/kalender/${file}`, { headers }), params: { file }, context: {} });
  } catch (thrown) {
    value = thrown;
  }
  if (!(value instanceof Response)) throw new Error(`the feed answered ${String(value)}`);
  return { status: value.status, headers: value.headers, body: await value.text() };
}

/** The year (this or next) in which the given month/day is still 30+ days ahead. */
function ahead(month: number, day: number): string {
  const now = new Date();
  let year = now.getUTCFullYear();
  if (new Date(Date.UTC(year, month - 1, day)).getTime() < now.getTime() + 30 * 86400_000) year++;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function byUid(calendar: IcsComponent, uid: string): IcsComponent | undefined {
  return events(calendar).find((e) => prop(e, "UID")?.value === uid);
}

describe("calendar feeds", () => {
  let database: Database;
  let c: MeetingCircle;
  let admin: TestUser;
  let outsider: TestUser;
  const ids: Record<string, string> = {};
  const summerDay = ahead(7, 15);
  const winterDay = ahead(1, 14);

  beforeAll(async () => {
    database = await freshDatabase();
    c = await meetingCircle(database);
    admin = await createUser(database, { fullName: "Anton Admin" });
    await addMember(database, c.host.id, admin.id, "admin");
    outsider = await createUser(database, { fullName: "Olga Außen" });
    const db = database.db;
    const ref = await sql<{ hilfeart: string; gemeinde: string; topic: string }>`
      select (select code from public.hilfearten order by sort_order limit 1) as hilfeart,
        (select code from public.gemeinden order by sort_order limit 1) as gemeinde,
        (select code from public.training_topics order by sort_order limit 1) as topic`.execute(db);
    const { hilfeart, gemeinde, topic } = ref.rows[0]!;

    // Meetings at 10:00 Berlin time in summer (UTC+2) and in winter (UTC+1); one cancelled.
    const meeting = async (title: string, startsAt: string, endsAt: string, status = "planned", sequence = 0) => {
      const row = await sql<{ id: string }>`
        insert into public.meetings (network_id, host_org_id, title, place, starts_at, ends_at, status, ics_sequence)
        values (${c.network.id}, ${c.host.id}, ${title}, 'Rathaus', ${startsAt}::timestamptz, ${endsAt}::timestamptz, ${status}, ${sequence})
        returning id`.execute(db);
      return row.rows[0]!.id;
    };
    ids.summer = await meeting("Sommertreffen", `${summerDay}T08:00:00Z`, `${summerDay}T10:00:00Z`);
    ids.winter = await meeting("Wintertreffen", `${winterDay}T09:00:00Z`, `${winterDay}T11:00:00Z`);
    ids.cancelled = await meeting("Abgesagtes Treffen", `${winterDay}T13:00:00Z`, `${winterDay}T14:00:00Z`, "cancelled", 2);
    // The host's member and B's member both answer the summer meeting.
    await sql`insert into public.meeting_rsvps (meeting_id, user_id, org_id, answer)
      values (${ids.summer}, ${c.hostMember.id}, ${c.host.id}, 'zusage'),
             (${ids.summer}, ${c.otherMember.id}, ${c.other.id}, 'vielleicht')`.execute(db);

    const cover = async (orgId: string, status: string, addressing = "circle") => {
      const row = await sql<{ id: string }>`
        insert into public.cover_requests (network_id, org_id, status, urgency, hilfeart, gemeinde, period_from, period_to,
          hours_per_week, kind, description, addressing, widen_at, published_at)
        values (${c.network.id}, ${orgId}, ${status}, 'dringend', ${hilfeart}, ${gemeinde}, current_date + 5, current_date + 30,
          6, 'vertretung', 'Familie braucht Unterstützung im Alltag.', ${addressing},
          ${addressing === "addressed" ? sql`now() + interval '3 days'` : sql`null`},
          ${status === "draft" ? sql`null` : sql`now()`})
        returning id`.execute(db);
      return row.rows[0]!.id;
    };
    ids.ownRequest = await cover(c.host.id, "open");
    ids.bDraft = await cover(c.other.id, "draft");
    ids.bAddressed = await cover(c.other.id, "open", "addressed");
    await sql`insert into public.cover_request_recipients (request_id, org_id) values (${ids.bAddressed}, ${c.third.id})`.execute(db);
    await sql`update public.cover_request_internals set case_reference = 'BX-4711' where request_id in (${ids.bDraft}, ${ids.bAddressed})`.execute(db);

    const training = async (orgId: string, title: string, status: string, days = 20) => {
      const row = await sql<{ id: string }>`
        insert into public.trainings (network_id, org_id, title, topic, audience, place, gemeinde, capacity, status,
          starts_at, ends_at, published_at)
        values (${c.network.id}, ${orgId}, ${title}, ${topic}, 'fachkraefte', 'Bildungshaus', ${gemeinde}, 20, ${status},
          now() + make_interval(days => ${days}), now() + make_interval(days => ${days}, hours => 3),
          ${status === "draft" ? sql`null` : sql`now()`})
        returning id`.execute(db);
      const id = row.rows[0]!.id;
      await sql`insert into public.training_sessions (training_id, position, starts_at, ends_at)
        values (${id}, 1, now() + make_interval(days => ${days}), now() + make_interval(days => ${days}, hours => 3))`.execute(db);
      return id;
    };
    ids.training = await training(c.other.id, "Deeskalation im Alltag", "published");
    ids.bDraftTraining = await training(c.other.id, "Geheimer Entwurf von B", "draft");
    ids.laterTraining = await training(c.other.id, "Kinderschutz im nächsten Jahr", "published", 100);
  });

  it("gives a member of Träger A a valid feed with the calendar headers and Berlin wall-clock times", async () => {
    const token = await createPersonalFeed(c.hostMember);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const feed = await fetchFeed(`${token}.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(feed.headers.get("ETag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(Number.isNaN(Date.parse(feed.headers.get("Last-Modified") ?? ""))).toBe(false);

    const calendar = parseIcs(feed.body);
    expect(calendar.type).toBe("VCALENDAR");
    expect(unescapeText(prop(calendar, "X-WR-CALNAME")!.value)).toBe("Trägerkreis – mein Kalender");
    expect(prop(calendar, "REFRESH-INTERVAL")).toMatchObject({ params: { VALUE: "DURATION" }, value: "PT1H" });
    expect(prop(calendar, "X-PUBLISHED-TTL")!.value).toBe("PT1H");
    const tz = calendar.components.find((x) => x.type === "VTIMEZONE")!;
    expect(prop(tz, "TZID")!.value).toBe("Europe/Berlin");

    const summer = byUid(calendar, `meeting-${ids.summer}@traegerkreis`)!;
    expect(prop(summer, "DTSTART")).toMatchObject({ params: { TZID: "Europe/Berlin" }, value: `${summerDay.replace(/-/g, "")}T100000` });
    expect(prop(summer, "DTEND")!.value).toBe(`${summerDay.replace(/-/g, "")}T120000`);
    expect(unescapeText(prop(summer, "DESCRIPTION")!.value)).toContain("Sie haben zugesagt");
    const winter = byUid(calendar, `meeting-${ids.winter}@traegerkreis`)!;
    expect(prop(winter, "DTSTART")).toMatchObject({ params: { TZID: "Europe/Berlin" }, value: `${winterDay.replace(/-/g, "")}T100000` });

    const cancelled = byUid(calendar, `meeting-${ids.cancelled}@traegerkreis`)!;
    expect(prop(cancelled, "STATUS")!.value).toBe("CANCELLED");
    expect(prop(cancelled, "SEQUENCE")!.value).toBe("2");

    // The own Träger's request as a whole-day period; the circle's published training.
    const own = byUid(calendar, `cover-request-${ids.ownRequest}@traegerkreis`)!;
    expect(prop(own, "DTSTART")!.params.VALUE).toBe("DATE");
    expect(byUid(calendar, `training-${ids.training}-1@traegerkreis`)).toBeDefined();
    // Another Träger's training in 100 days is on the page, not in the feed (eight weeks ahead only).
    expect(byUid(calendar, `training-${ids.laterTraining}-1@traegerkreis`)).toBeUndefined();

    // Every event has the properties a client needs, and every UID is unique.
    const uids = events(calendar).map((e) => prop(e, "UID")!.value);
    expect(new Set(uids).size).toBe(uids.length);
    for (const e of events(calendar)) for (const name of ["DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"]) expect(props(e, name)).toHaveLength(1);

    // The same bytes (and ETag) on the next poll: nothing depends on the time of the request.
    const again = await fetchFeed(`${token}.ics`);
    expect(again.body).toBe(feed.body);
    expect(again.headers.get("ETag")).toBe(feed.headers.get("ETag"));
  });

  it("holds nothing of Träger B that only B may see, and no names of B's people", async () => {
    const token = await createPersonalFeed(c.hostMember);
    const feed = await fetchFeed(`${token}.ics`);
    expect(feed.status).toBe(200);
    for (const secret of [ids.bDraft, ids.bAddressed, ids.bDraftTraining, "BX-4711", "Geheimer Entwurf", c.otherMember.fullName, "vielleicht"]) {
      expect(feed.body).not.toContain(secret);
    }
    for (const person of [c.hostMember, c.coord, c.otherMember, c.thirdMember, admin]) expect(feed.body).not.toContain(person.fullName);
    // B's own member does see B's draft and addressed request in their feed (RLS as that person).
    const bToken = await createPersonalFeed(c.otherMember);
    const bFeed = await fetchFeed(`${bToken}.ics`);
    expect(bFeed.body).toContain(`cover-request-${ids.bAddressed}@traegerkreis`);
    expect(bFeed.body).not.toContain(`cover-request-${ids.bDraft}@traegerkreis`); // drafts are not dates yet
    expect(bFeed.body).not.toContain(`cover-request-${ids.ownRequest}@traegerkreis`); // A's request is A's
    // Someone outside the circle gets an empty calendar.
    const outsiderToken = await createPersonalFeed(outsider);
    const outsiderFeed = parseIcs((await fetchFeed(`${outsiderToken}.ics`)).body);
    expect(events(outsiderFeed)).toHaveLength(0);
  });

  it("answers 304 to a poll with the current ETag or an unchanged Last-Modified", async () => {
    const token = await createPersonalFeed(c.hostMember);
    const first = await fetchFeed(`${token}.ics`);
    const byTag = await fetchFeed(`${token}.ics`, { "If-None-Match": first.headers.get("ETag")! });
    expect(byTag.status).toBe(304);
    expect(byTag.body).toBe("");
    const byDate = await fetchFeed(`${token}.ics`, { "If-Modified-Since": first.headers.get("Last-Modified")! });
    expect(byDate.status).toBe(304);
    const stale = await fetchFeed(`${token}.ics`, { "If-None-Match": '"something-else"' });
    expect(stale.status).toBe(200);
    // A change (the meeting is moved, raising SEQUENCE) gives a new ETag and the same UID.
    await sql`update public.meetings set starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour',
      ics_sequence = ics_sequence + 1, updated_at = now() where id = ${ids.winter}`.execute(database.db);
    const changed = await fetchFeed(`${token}.ics`, { "If-None-Match": first.headers.get("ETag")! });
    expect(changed.status).toBe(200);
    const moved = byUid(parseIcs(changed.body), `meeting-${ids.winter}@traegerkreis`)!;
    expect(prop(moved, "SEQUENCE")!.value).toBe("1");
    expect(prop(moved, "DTSTART")!.value).toBe(`${winterDay.replace(/-/g, "")}T110000`);
  });

  it("answers 404 at once for a renewed or revoked token, and for forged ones (never 500)", async () => {
    const old = await createPersonalFeed(c.thirdMember);
    expect((await fetchFeed(`${old}.ics`)).status).toBe(200);
    const renewed = await createPersonalFeed(c.thirdMember);
    expect((await fetchFeed(`${old}.ics`)).status).toBe(404);
    expect((await fetchFeed(`${renewed}.ics`)).status).toBe(200);
    expect(await revokePersonalFeed(c.thirdMember)).toBe(true);
    const revoked = await fetchFeed(`${renewed}.ics`);
    expect(revoked.status).toBe(404);
    expect(revoked.body).toContain("Kalender-Link gilt nicht");
    expect(await revokePersonalFeed(c.thirdMember)).toBe(false);

    const forged = [
      `${randomBytes(32).toString("base64url")}.ics`,
      renewed, // without .ics
      "abc.ics",
      `${"a".repeat(42)}\u0000.ics`,
      `${"x".repeat(5000)}.ics`,
      "'; drop table calendar_feeds; --.ics",
      "%00.ics",
      "",
    ];
    for (const file of forged) expect((await fetchFeed(file)).status, file.slice(0, 50)).toBe(404);

    const audit = await sql<{ action: string; n: number }>`
      select action, count(*)::int as n from public.audit_log where actor_id = ${c.thirdMember.id} and target_type = 'calendar_feed'
      group by action order by action`.execute(database.db);
    expect(audit.rows).toEqual([
      { action: "calendar_feed.created", n: 2 },
      { action: "calendar_feed.revoked", n: 2 },
    ]);
  });

  it("gives the Träger feed what the Träger's members share, without personal answers", async () => {
    const token = await createTraegerFeed(admin, c.host.id);
    const feed = await fetchFeed(`${token}.ics`);
    expect(feed.status).toBe(200);
    const calendar = parseIcs(feed.body);
    expect(unescapeText(prop(calendar, "X-WR-CALNAME")!.value)).toBe(`Trägerkreis – ${c.host.name}`);
    expect(byUid(calendar, `meeting-${ids.summer}@traegerkreis`)).toBeDefined();
    expect(byUid(calendar, `cover-request-${ids.ownRequest}@traegerkreis`)).toBeDefined();
    expect(feed.body).not.toContain("Sie haben");
    expect(feed.body).not.toContain(ids.bDraft);
    // A plain member cannot make one; the admin's revocation ends it at once.
    await expect(createTraegerFeed(c.hostMember, c.host.id)).rejects.toThrow(/TK_CALENDAR_FEED_NOT_ADMIN/);
    expect(await revokeTraegerFeed(admin, c.host.id)).toBe(true);
    expect((await fetchFeed(`${token}.ics`)).status).toBe(404);
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from public.audit_log where org_id = ${c.host.id} and action like 'calendar_feed.%'`.execute(database.db);
    expect(audit.rows[0]!.n).toBe(2);
  });

  it("shows the same entries on /kalender, filtered by kind and 'nur meine'", async () => {
    const month = ahead(7, 15).slice(0, 7);
    const all = await callRoute(pageLoader, await requestAs(database, c.hostMember, `/kalender?datum=${month}-01`));
    expect(all.status).toBe(200);
    const uids = (all.data.entries as Array<{ uid: string }>).map((e) => e.uid);
    expect(uids).toContain(`meeting-${ids.summer}@traegerkreis`);
    const mine = await callRoute(pageLoader, await requestAs(database, c.hostMember, `/kalender?datum=${month}-01&meine=1&art=meeting`));
    expect((mine.data.entries as Array<{ uid: string; mine: boolean }>).every((e) => e.mine)).toBe(true);
    expect((mine.data.entries as Array<{ uid: string }>).map((e) => e.uid)).toContain(`meeting-${ids.summer}@traegerkreis`);
    // Nonsense in the query falls back to today / all kinds.
    const odd = await callRoute(pageLoader, await requestAs(database, c.hostMember, "/kalender?datum=2026-02-31&art=%00&meine=x"));
    expect(odd.status).toBe(200);
    expect(odd.data.selected).toHaveLength(odd.data.kinds.length);
  });

  it("lists on /kalender the trainings that concern the person and links the circle's others (decision 016)", async () => {
    const db = database.db;
    const { topic, gemeinde } = (
      await sql<{ topic: string; gemeinde: string }>`
        select (select code from public.training_topics order by sort_order limit 1) as topic,
          (select code from public.gemeinden order by sort_order limit 1) as gemeinde`.execute(db)
    ).rows[0]!;
    // The person's own Träger organises one in the same month as B's published training.
    const own = await sql<{ id: string; month: string }>`
      insert into public.trainings (network_id, org_id, title, topic, audience, place, gemeinde, capacity, status, starts_at, ends_at, published_at)
      select network_id, ${c.host.id}, 'Unsere Fortbildung', ${topic}, 'fachkraefte', 'Bildungshaus', ${gemeinde}, 20, 'published',
        starts_at + interval '1 hour', ends_at + interval '1 hour', now()
      from public.trainings where id = ${ids.training}
      returning id, to_char(starts_at at time zone 'Europe/Berlin', 'YYYY-MM') as month`.execute(db);
    const { id: ownId, month } = own.rows[0]!;
    await sql`insert into public.training_sessions (training_id, position, starts_at, ends_at)
      select id, 1, starts_at, ends_at from public.trainings where id = ${ownId}`.execute(db);
    const page = await callRoute(pageLoader, await requestAs(database, c.hostMember, `/kalender?datum=${month}-01`));
    expect(page.status).toBe(200);
    const uids = (page.data.entries as Array<{ uid: string }>).map((e) => e.uid);
    expect(uids).toContain(`training-${ownId}-1@traegerkreis`);
    expect(uids).not.toContain(`training-${ids.training}-1@traegerkreis`);
    // Both are upcoming and published in that month: the link to /fortbildungen?monat counts them.
    expect(page.data.circleTrainings).toMatchObject({ month, moreThan: false });
    expect(page.data.circleTrainings.count).toBeGreaterThanOrEqual(2);
    // "Nur meine" shows no link.
    const mine = await callRoute(pageLoader, await requestAs(database, c.hostMember, `/kalender?datum=${month}-01&meine=1`));
    expect(mine.data.circleTrainings).toBeNull();
  });
});
