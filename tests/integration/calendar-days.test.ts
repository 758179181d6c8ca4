// /kalender's bounded views (decision 019, "Ninth sitting, branch kalender"), on PGlite and on the
// server: the month, week and list views hold per day at most three entries — the first of the
// day over all sources (whole-day first, then by start, then by name) — and how many more the
// day has; filters apply before the cut and the count; the day view (?ansicht=tag) holds every
// entry of its day, a cover period that began earlier too; the feed still carries every entry;
// nonsense in ?ansicht and ?datum gives the normal page.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as feedLoader } from "~/routes/kalender.$file";
import { loader as pageLoader } from "~/routes/kalender._index";
import type { Database } from "~/.server/db/connection";
import type { CalendarPage } from "~/.server/calendar/page";
import { createPersonalFeed } from "~/.server/calendar/subscriptions";
import { shiftDay } from "~/utils/calendar-range";
import { freshDatabase } from "../helpers/db";
import { requestAs } from "../helpers/fixtures";
import { meetingCircle, type MeetingCircle } from "../helpers/meetings";
import { callRoute } from "../helpers/routes";

/** The Berlin date `days` ahead. */
function berlinDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() + days * 86_400_000));
}

describe("the calendar's days: three a day and the day's count, every entry in the day view", () => {
  let database: Database;
  let c: MeetingCircle;
  // A day 40 days ahead with a poll deadline, a training session and five meetings; the day after
  // with thirty meetings; a cover period from two days before to the day after.
  const day = berlinDay(40);
  const next = shiftDay(day, 1);
  const uids: Record<string, string> = {};

  async function page(query: string): Promise<CalendarPage> {
    const outcome = await callRoute<CalendarPage>(pageLoader, await requestAs(database, c.hostMember, `/kalender?${query}`));
    expect(outcome.status, query).toBe(200);
    return outcome.data;
  }

  const onDay = (p: CalendarPage, d: string) => p.entries.filter((e) => e.day === d).map((e) => e.uid);

  beforeAll(async () => {
    database = await freshDatabase();
    c = await meetingCircle(database);
    const db = database.db;
    const { hilfeart, gemeinde, topic } = (
      await sql<{ hilfeart: string; gemeinde: string; topic: string }>`
        select (select code from public.hilfearten order by sort_order limit 1) as hilfeart,
          (select code from public.gemeinden order by sort_order limit 1) as gemeinde,
          (select code from public.training_topics order by sort_order limit 1) as topic`.execute(db)
    ).rows[0]!;
    const at = (d: string, time: string) => sql`((${d}::date + ${time}::time) at time zone 'Europe/Berlin')`;

    // Meetings A–E on the day (B and C at the same time: ordered by title); E answered "zusage".
    const meeting = async (title: string, d: string, time: string) => {
      const row = await sql<{ id: string }>`
        insert into public.meetings (network_id, host_org_id, title, place, starts_at, ends_at)
        values (${c.network.id}, ${c.host.id}, ${title}, 'Rathaus', ${at(d, time)}, ${at(d, time)} + interval '1 hour')
        returning id`.execute(db);
      return `meeting-${row.rows[0]!.id}@traegerkreis`;
    };
    uids.c = await meeting("Treffen C", day, "10:00");
    uids.a = await meeting("Treffen A", day, "09:00");
    uids.b = await meeting("Treffen B", day, "10:00");
    uids.d = await meeting("Treffen D", day, "11:00");
    uids.e = await meeting("Treffen E", day, "12:00");
    await sql`insert into public.meeting_rsvps (meeting_id, user_id, org_id, answer)
      values (${uids.e.slice(8, 44)}, ${c.hostMember.id}, ${c.host.id}, 'zusage')`.execute(db);
    for (let i = 0; i < 30; i++) uids[`many${i}`] = await meeting(`Viele ${String(i).padStart(2, "0")}`, next, `14:${String(i).padStart(2, "0")}`);
    // Fifty-five meetings on one day three weeks later: the day view's pages.
    for (let i = 0; i < 55; i++) {
      const time = `${String(8 + Math.floor(i / 6)).padStart(2, "0")}:${String((i % 6) * 10).padStart(2, "0")}`;
      uids[`row${i}`] = await meeting(`Reihe ${String(i).padStart(2, "0")}`, shiftDay(day, 21), time);
    }

    // A poll of the circle ending on the day (a whole-day entry there).
    const poll = await sql<{ id: string }>`
      insert into public.date_polls (network_id, host_org_id, title, deadline)
      values (${c.network.id}, ${c.other.id}, 'Termin für das Sommerfest', ${at(day, "18:00")})
      returning id`.execute(db);
    uids.poll = `poll-deadline-${poll.rows[0]!.id}@traegerkreis`;

    // The own Träger's training with one session at 08:00 on the day.
    const training = await sql<{ id: string }>`
      insert into public.trainings (network_id, org_id, title, topic, audience, place, gemeinde, capacity, status,
        starts_at, ends_at, published_at)
      values (${c.network.id}, ${c.host.id}, 'Deeskalation kompakt', ${topic}, 'fachkraefte', 'Bildungshaus', ${gemeinde}, 20,
        'published', ${at(day, "08:00")}, ${at(day, "08:45")}, now())
      returning id`.execute(db);
    const trainingId = training.rows[0]!.id;
    await sql`insert into public.training_sessions (training_id, position, starts_at, ends_at)
      values (${trainingId}, 1, ${at(day, "08:00")}, ${at(day, "08:45")})`.execute(db);
    uids.training = `training-${trainingId}-1@traegerkreis`;

    // A training of two sessions, three and ten days after the day.
    const twice = await sql<{ id: string }>`
      insert into public.trainings (network_id, org_id, title, topic, audience, place, gemeinde, capacity, status,
        starts_at, ends_at, published_at)
      values (${c.network.id}, ${c.host.id}, 'Kinderschutz in zwei Teilen', ${topic}, 'fachkraefte', 'Bildungshaus', ${gemeinde}, 20,
        'published', ${at(shiftDay(day, 3), "10:00")}, ${at(shiftDay(day, 10), "12:00")}, now())
      returning id`.execute(db);
    const twiceId = twice.rows[0]!.id;
    await sql`insert into public.training_sessions (training_id, position, starts_at, ends_at)
      values (${twiceId}, 1, ${at(shiftDay(day, 3), "10:00")}, ${at(shiftDay(day, 3), "12:00")}),
             (${twiceId}, 2, ${at(shiftDay(day, 10), "10:00")}, ${at(shiftDay(day, 10), "12:00")})`.execute(db);
    uids.twice1 = `training-${twiceId}-1@traegerkreis`;
    uids.twice2 = `training-${twiceId}-2@traegerkreis`;

    // The own Träger's cover request from two days before the day to the day after.
    const cover = await sql<{ id: string }>`
      insert into public.cover_requests (network_id, org_id, status, urgency, hilfeart, gemeinde, period_from, period_to,
        hours_per_week, kind, description, addressing, published_at)
      values (${c.network.id}, ${c.host.id}, 'open', 'planbar', ${hilfeart}, ${gemeinde}, ${shiftDay(day, -2)}::date, ${next}::date,
        6, 'vertretung', 'Familie braucht Unterstützung im Alltag.', 'circle', now())
      returning id`.execute(db);
    uids.cover = `cover-request-${cover.rows[0]!.id}@traegerkreis`;
  });

  it("holds the day's first three over all sources, and how many more the day has", async () => {
    const month = await page(`datum=${day}&ansicht=monat`);
    expect(month.view).toBe("monat");
    // Whole-day first (the poll), then by start: the training at 08:00, meeting A at 09:00.
    expect(onDay(month, day)).toEqual([uids.poll, uids.training, uids.a]);
    expect(month.more[day]).toBe(4);
    // Thirty on the next day: the first three by time, 27 more.
    expect(onDay(month, next)).toEqual([uids.many0, uids.many1, uids.many2]);
    expect(month.more[next]).toBe(27);
    // The cover period is listed on the day it starts.
    expect(onDay(month, shiftDay(day, -2))).toEqual([uids.cover]);
    expect(month.more[shiftDay(day, -2)]).toBeUndefined();
    // Every day holds at most three.
    const perDay = new Map<string, number>();
    for (const e of month.entries) perDay.set(e.day, (perDay.get(e.day) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(3);
  });

  it("applies the filters before the cut and the count", async () => {
    const meetings = await page(`datum=${day}&ansicht=monat&art=meeting`);
    // Same start: by title (B before C, though C was written first).
    expect(onDay(meetings, day)).toEqual([uids.a, uids.b, uids.c]);
    expect(meetings.more[day]).toBe(2);
    const mine = await page(`datum=${day}&ansicht=monat&meine=1`);
    expect(onDay(mine, day)).toEqual([uids.e]);
    expect(mine.more[day]).toBeUndefined();
    expect(onDay(mine, next)).toEqual([]);
    const mineMeetings = await page(`datum=${day}&ansicht=monat&art=meeting&art=training&meine=1`);
    expect(mineMeetings.entries.map((e) => e.uid)).toEqual([uids.e]);
  });

  it("names a session of a training of several by its place among all of them, in the window or not", async () => {
    const month = await page(`datum=${day}&ansicht=monat`);
    expect(month.entries.find((e) => e.uid === uids.twice1)?.title).toBe("Kinderschutz in zwei Teilen (Termin 1/2)");
    const later = await page(`datum=${shiftDay(day, 5)}&ansicht=liste`);
    expect(later.entries.map((e) => e.uid)).not.toContain(uids.twice1);
    expect(later.entries.find((e) => e.uid === uids.twice2)?.title).toBe("Kinderschutz in zwei Teilen (Termin 2/2)");
    const dayView = await page(`datum=${shiftDay(day, 10)}&ansicht=tag`);
    expect(dayView.entries.find((e) => e.uid === uids.twice2)?.title).toBe("Kinderschutz in zwei Teilen (Termin 2/2)");
  });

  it("lists an entry that began before the shown days on the first of them", async () => {
    const list = await page(`datum=${day}&ansicht=liste`);
    expect(list.range).toEqual({ from: day, to: shiftDay(day, 30) });
    // The cover period (from two days before) comes first: whole-day, the earliest start.
    expect(onDay(list, day)).toEqual([uids.cover, uids.poll, uids.training]);
    expect(list.more[day]).toBe(5);
    const week = await page(`datum=${day}&ansicht=woche`);
    expect(shiftDay(week.range.from, 7)).toBe(week.range.to);
    expect(new Date(`${week.range.from}T12:00:00Z`).getUTCDay()).toBe(1);
  });

  it("shows every entry of the day in the day view, with the days before and after", async () => {
    const dayView = await page(`datum=${day}&ansicht=tag`);
    expect(dayView.view).toBe("tag");
    expect(dayView.day).toEqual({ previous: shiftDay(day, -1), next, page: 1, pageCount: 1, total: 8 });
    expect(dayView.entries.map((e) => e.uid)).toEqual([uids.cover, uids.poll, uids.training, uids.a, uids.b, uids.c, uids.d, uids.e]);
    expect(dayView.more).toEqual({});
    const busy = await page(`datum=${next}&ansicht=tag`);
    expect(busy.entries).toHaveLength(31);
    expect(busy.entries[0]!.uid).toBe(uids.cover);
    const filtered = await page(`datum=${day}&ansicht=tag&art=meeting&meine=1`);
    expect(filtered.entries.map((e) => e.uid)).toEqual([uids.e]);
  });

  it("pages a full day by fifty, in the day's order, whatever ?seite= says", async () => {
    const full = shiftDay(day, 21);
    const rows = Array.from({ length: 55 }, (_, i) => uids[`row${i}`]);
    const first = await page(`datum=${full}&ansicht=tag`);
    expect(first.day).toMatchObject({ page: 1, pageCount: 2, total: 55 });
    expect(first.entries.map((e) => e.uid)).toEqual(rows.slice(0, 50));
    const second = await page(`datum=${full}&ansicht=tag&seite=2`);
    expect(second.day).toMatchObject({ page: 2, pageCount: 2, total: 55 });
    expect(second.entries.map((e) => e.uid)).toEqual(rows.slice(50));
    // Past the last page: the last page. Nonsense: the first.
    expect((await page(`datum=${full}&ansicht=tag&seite=7`)).entries.map((e) => e.uid)).toEqual(rows.slice(50));
    for (const seite of ["0", "-1", "abc", "21", "1e3", "%00", "2&seite=1"]) {
      const p = await page(`datum=${full}&ansicht=tag&seite=${seite}`);
      expect(p.day?.page, seite).toBe(seite === "2&seite=1" ? 2 : 1);
    }
    // The filters apply before the pages: only meetings (all 55), only mine (none).
    expect((await page(`datum=${full}&ansicht=tag&art=meeting`)).day).toMatchObject({ pageCount: 2, total: 55 });
    expect((await page(`datum=${full}&ansicht=tag&meine=1`)).day).toMatchObject({ page: 1, pageCount: 1, total: 0 });
    // The month still holds three of the day and says 52 more.
    const month = await page(`datum=${full}&ansicht=monat`);
    expect(onDay(month, full)).toEqual(rows.slice(0, 3));
    expect(month.more[full]).toBe(52);
  });

  it("keeps every entry in the subscribed feed", async () => {
    const token = await createPersonalFeed(c.hostMember);
    const feed = (await feedLoader({
      request: new Request(`http://localhost:3000/kalender/${token}.ics`),
      params: { file: `${token}.ics` },
      context: {},
    })) as Response;
    expect(feed.status).toBe(200);
    const body = await feed.text();
    for (const uid of Object.values(uids)) expect(body).toContain(`UID:${uid}`);
  });

  it("gives the normal page for nonsense in ?ansicht and ?datum", async () => {
    for (const query of [
      "ansicht=tag&datum=2026-02-31",
      "ansicht=tag&datum=99999-01-01",
      "ansicht=%00",
      "ansicht=TAG&datum=x",
      "ansicht=tag&ansicht=woche",
      `ansicht=tag&datum=${day}%00`,
      "datum=1999-12-31&ansicht=woche",
    ]) {
      const p = await page(query);
      expect(p.entries.length, query).toBeGreaterThanOrEqual(0);
    }
    expect((await page("ansicht=%00")).view).toBeNull();
    const today = berlinDay(0);
    expect(await page("ansicht=tag&datum=2026-02-31")).toMatchObject({ view: "tag", date: today });
  });
});
