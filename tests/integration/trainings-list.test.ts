// /fortbildungen and the dashboard's "Nächste Fortbildungen": upcoming published trainings of the
// user's circle with free seats, filters in the URL (topic, audience, month, Gemeinde), pages,
// "Meine Anmeldungen" with each state, "Von uns organisiert" with drafts. And the list stays fast
// with 10,000 trainings. Runs on PGlite and on the server (TEST_DB=postgres).
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { loader as listLoader } from "~/routes/fortbildungen._index";
import { loader as indexLoader } from "~/routes/_index";
import { loader as calendarLoader } from "~/routes/kalender._index";
import { berlinParts, berlinToInstant } from "~/utils/berlin-time";
import { freshDatabase } from "../helpers/db";
import { addMember, createUser, requestAs } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";
import { call, trainingCircle, type TrainingCircle } from "../helpers/training-circle";
import { call as callSql, createTraining, register, registerSelf, sessionsJson } from "../helpers/trainings";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const inDays = (n: number, hours = 9) => {
  const date = berlinParts(new Date(Date.now() + n * DAY)).date;
  const start = berlinToInstant(date, `${String(hours).padStart(2, "0")}:00`);
  return [{ startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR) }];
};

type ListData = Awaited<ReturnType<typeof listLoader>>;

describe("the list of trainings", () => {
  let database: Database;
  let c: TrainingCircle;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase();
    c = await trainingCircle(database);
    const org = c.organizerOrg.id;
    const net = c.network.id;
    ids.soon = await createTraining(c.organizer, org, net, { title: "Deeskalation bald", capacity: 2, sessions: inDays(5) });
    ids.later = await createTraining(c.organizer, org, net, { title: "Kinderschutz später", capacity: 20, sessions: inDays(70) });
    await sql`update public.trainings set topic = 'kinderschutz', audience = 'eltern', gemeinde = 'moers', place = 'Moers'
      where id = ${ids.later}`.execute(database.db);
    ids.draft = await createTraining(c.organizer, org, net, { title: "Noch ein Entwurf", sessions: inDays(8), publish: false });
    ids.cancelled = await createTraining(c.organizer, org, net, { title: "Abgesagt", sessions: inDays(9) });
    await callSql(c.organizer, sql`select public.cancel_training(${ids.cancelled}::uuid, null)`);
    ids.past = await createTraining(c.organizer, org, net, { title: "Schon vorbei", sessions: inDays(3) });
    await sql`update public.trainings set starts_at = now() - interval '2 days', ends_at = now() - interval '2 days' + interval '3 hours'
      where id = ${ids.past}`.execute(database.db);
    ids.elsewhere = await createTraining(c.outsider, c.outsiderOrg.id, (await otherNetwork()).id, { title: "Anderer Kreis", sessions: inDays(6) });

    // States: X1 confirmed, X2 confirmed, Y1 waitlisted (1), Y2 waitlisted (2) on the soon training.
    await registerSelf(c.xMembers[0]!, ids.soon);
    await registerSelf(c.xMembers[1]!, ids.soon);
    await registerSelf(c.yMembers[0]!, ids.soon);
    await registerSelf(c.yMembers[1]!, ids.soon);
    await register(c.xCoord, ids.later, null, 3);
  });

  async function otherNetwork() {
    return database.db.selectFrom("networks").select("id").where("name", "=", "Anderer Kreis").executeTakeFirstOrThrow();
  }

  const list = async (user: { id: string }, query = "") => {
    const outcome = await call<ListData>(database, listLoader, user, `/fortbildungen${query}`);
    expect(outcome.status).toBe(200);
    return outcome.data;
  };
  const titles = (data: ListData) => data.list!.entries.map((e) => e.title);

  it("shows the circle's upcoming published trainings in date order, with free seats and the waitlist", async () => {
    const data = await list(c.yAdmin);
    expect(titles(data)).toEqual(["Deeskalation bald", "Kinderschutz später"]);
    expect(data.list!.total).toBe(2);
    const soon = data.list!.entries[0]!;
    expect(soon).toMatchObject({ capacity: 2, seatsTaken: 2, waitlistCount: 2, orgName: "Bildungswerk Niederrhein", gemeindeName: "Wesel" });
    expect(data.list!.entries[1]).toMatchObject({ seatsTaken: 3, waitlistCount: 0, topicLabel: "Kinderschutz (§ 8a SGB VIII)", audience: "eltern" });
    // The outsider's circle sees only its own.
    expect(titles(await list(c.outsider))).toEqual(["Anderer Kreis"]);
  });

  it("shows a person their own state on the card", async () => {
    const data = await list(c.yMembers[1]!);
    expect(data.list!.entries[0]!.mine).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });
    expect(data.list!.entries[1]!.mine).toBeNull();
  });

  it("filters by topic, audience, Gemeinde and month, and ignores malformed values", async () => {
    expect(titles(await list(c.yAdmin, "?thema=kinderschutz"))).toEqual(["Kinderschutz später"]);
    expect(titles(await list(c.yAdmin, "?zielgruppe=fachkraefte"))).toEqual(["Deeskalation bald"]);
    expect(titles(await list(c.yAdmin, "?gemeinde=moers"))).toEqual(["Kinderschutz später"]);
    const month = berlinParts(new Date(Date.now() + 70 * DAY)).date.slice(0, 7);
    expect(titles(await list(c.yAdmin, `?monat=${month}`))).toEqual(["Kinderschutz später"]);
    expect(titles(await list(c.yAdmin, "?thema=kinderschutz&gemeinde=wesel"))).toEqual([]);
    const messy = await list(c.yAdmin, "?thema=DROP%20TABLE&zielgruppe=katzen&monat=2027-13&seite=-4");
    expect(messy.filters).toMatchObject({ thema: undefined, zielgruppe: undefined, monat: undefined, seite: 1 });
    expect(titles(messy)).toHaveLength(2);
  });

  it("lists my registrations with their state, and the client seats a coordinator booked", async () => {
    const waiting = await list(c.yMembers[0]!, "?ansicht=meine");
    expect(waiting.list).toBeNull();
    expect(waiting.mine.map((r) => [r.training.title, r.status, r.waitlistPosition])).toEqual([["Deeskalation bald", "waitlisted", 1]]);
    expect(waiting.meta.myCount).toBe(1);
    const confirmed = await list(c.xMembers[0]!, "?ansicht=meine");
    expect(confirmed.mine.map((r) => [r.status, r.clientSeats])).toEqual([["confirmed", false]]);
    const coordinator = await list(c.xCoord, "?ansicht=meine");
    expect(coordinator.mine.map((r) => [r.training.title, r.clientSeats, r.seats, r.participantName])).toEqual([
      ["Kinderschutz später", true, 3, null],
    ]);
  });

  it("shows the offer with its expiry after a seat frees", async () => {
    const reg = (await database.db
      .selectFrom("training_registrations")
      .select("id")
      .where("training_id", "=", ids.soon!)
      .where("user_id", "=", c.xMembers[1]!.id)
      .executeTakeFirstOrThrow()).id;
    await callSql(c.xMembers[1]!, sql`select public.cancel_training_registration(${reg}::uuid)`);
    const offered = await list(c.yMembers[0]!, "?ansicht=meine");
    expect(offered.mine[0]).toMatchObject({ status: "offered", waitlistPosition: null });
    expect(new Date(offered.mine[0]!.offerExpiresAt!).getTime()).toBeGreaterThan(Date.now());
    const stillWaiting = await list(c.yMembers[1]!, "?ansicht=meine");
    expect(stillWaiting.mine[0]).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
  });

  it("shows organizers what they organise, with drafts; plain members may not organise", async () => {
    const organizer = await list(c.organizer, "?ansicht=organisiert");
    expect(organizer.meta.canOrganise).toBe(true);
    expect(organizer.organised.map((t) => [t.title, t.status])).toEqual([
      ["Noch ein Entwurf", "draft"],
      ["Schon vorbei", "published"],
      ["Deeskalation bald", "published"],
      ["Kinderschutz später", "published"],
      ["Abgesagt", "cancelled"],
    ]);
    expect(organizer.meta.organisedCount).toBe(4);
    const member = await list(c.organizerMember, "?ansicht=organisiert");
    expect(member.meta.canOrganise).toBe(false);
    expect(member.organised).toEqual([]);
    // The draft never shows in the circle's list, not even to the organizer.
    expect(titles(await list(c.organizer))).not.toContain("Noch ein Entwurf");
  });

  it("says when the user's Träger belongs to no circle", async () => {
    const loner = await createUser(database, { fullName: "Lea Allein" });
    const data = await list(loner);
    expect(data.meta).toMatchObject({ inCircle: false, canOrganise: false });
    expect(data.list!.entries).toEqual([]);
  });

  it("shows the next trainings on the dashboard with the person's own state", async () => {
    const outcome = await call(database, indexLoader, c.yMembers[1]!, "/");
    const upcoming = outcome.data.upcomingTrainings as Array<{ title: string; mine: { status: string; waitlistPosition: number } | null }>;
    expect(upcoming.map((t) => t.title)).toEqual(["Deeskalation bald", "Kinderschutz später"]);
    expect(upcoming[0]!.mine).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
  });

  it("pages through many trainings and stays fast with 10,000 in the circle", async () => {
    // 10,000 published trainings of the circle over the next year, written by the owner (the
    // seat counters start at zero; the list reads only the training rows).
    await sql`
      insert into public.trainings (network_id, org_id, title, topic, audience, place, gemeinde, capacity, status,
        starts_at, ends_at, published_at)
      select ${c.network.id}, ${c.organizerOrg.id}, 'Massen-Fortbildung ' || g,
        (array['deeskalation','kinderschutz','medien','leitung'])[1 + g % 4],
        (array['fachkraefte','leitungen','jugendliche','eltern','gemischt'])[1 + g % 5],
        'Ort ' || g, (array['wesel','moers','duisburg','voerde'])[1 + g % 4], 20, 'published',
        now() + make_interval(days => 1 + g % 360, hours => g % 10),
        now() + make_interval(days => 1 + g % 360, hours => 3 + g % 10), now()
      from generate_series(1, 10000) g
    `.execute(database.db);
    await sql`analyze public.trainings`.execute(database.db);
    const first = await list(c.yAdmin);
    // The count stops at 200 ("Mehr als 200 Fortbildungen"); the pages go on by "one more row".
    expect(first.list!).toMatchObject({ total: 200, moreThan: true, hasMore: true, pageCount: null });
    expect(first.list!.entries).toHaveLength(20);
    const beforeLast = await list(c.yAdmin, "?seite=500");
    expect(beforeLast.list!.entries).toHaveLength(20);
    expect(beforeLast.list!.hasMore).toBe(true);
    const last = await list(c.yAdmin, "?seite=501");
    expect(last.list!.entries).toHaveLength(2);
    expect(last.list!.hasMore).toBe(false);
    const beyond = await list(c.yAdmin, "?seite=600");
    expect(beyond.list!.entries).toEqual([]);
    expect(beyond.list!).toMatchObject({ total: 200, moreThan: true, hasMore: false });

    // Every filter and a deep page answer at 10,000 trainings (how fast is the bench's business:
    // `npm run bench -- --case trainings`, not a timed test on a shared machine).
    for (const query of ["?thema=medien", "?gemeinde=moers&zielgruppe=eltern", "?seite=250", "?thema=leitung&seite=3"]) {
      const page = await list(c.yAdmin, query);
      expect(page.list!.entries.length, query).toBeLessThanOrEqual(20);
    }
  });
});

describe("a user in two Träger of the circle", () => {
  it("counts registrations across both", async () => {
    const database = await freshDatabase();
    const c = await trainingCircle(database);
    const both = await createUser(database, { fullName: "Bea Beide" });
    await addMember(database, c.orgX.id, both.id, "member");
    await addMember(database, c.orgY.id, both.id, "member");
    const id = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, { sessions: inDays(12) });
    await register(both, id, both.id, 1, c.orgY.id);
    const outcome = await call<ListData>(database, listLoader, both, "/fortbildungen?ansicht=meine");
    expect(outcome.data.mine.map((r) => r.orgName)).toEqual(["Träger Ysselstein"]);
  });
});

describe("Von uns organisiert, counted", () => {
  it("counts each training a person's Träger lead or co-organise once", async () => {
    const database = await freshDatabase();
    const c = await trainingCircle(database);
    const both = await createUser(database, { fullName: "Konrad Koordination" });
    await addMember(database, c.orgX.id, both.id, "coordinator");
    await addMember(database, c.orgY.id, both.id, "coordinator");
    const led = await createTraining(c.xAdmin, c.orgX.id, c.network.id, { title: "Von X", sessions: inDays(10) });
    const coByBoth = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, { title: "Mit X und Y", sessions: inDays(11) });
    const coByY = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, { title: "Mit Y", sessions: inDays(12) });
    await createTraining(c.organizer, c.organizerOrg.id, c.network.id, { title: "Ohne uns", sessions: inDays(13) });
    await sql`insert into public.training_co_organizers (training_id, org_id) values
      (${led}, ${c.orgY.id}), (${coByBoth}, ${c.orgX.id}), (${coByBoth}, ${c.orgY.id}), (${coByY}, ${c.orgY.id})`.execute(database.db);
    const outcome = await call<ListData>(database, listLoader, both, "/fortbildungen?ansicht=organisiert");
    expect(outcome.data.meta.organisedCount).toBe(3);
    expect(outcome.data.organised.map((t) => t.title).sort()).toEqual(["Mit X und Y", "Mit Y", "Von X"]);
  });
});

describe("Meine Anmeldungen by the training's dates", () => {
  it("pages coming trainings first, then past ones, and follows a training whose sessions move", async () => {
    const database = await freshDatabase();
    const c = await trainingCircle(database);
    const db = database.db;
    const person = c.xMembers[0]!;
    const coming: string[] = [];
    for (let i = 0; i < 22; i++) {
      const id = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, { title: `Kommend ${i + 1}`, sessions: inDays(2 + i) });
      await registerSelf(person, id);
      coming.push(id);
    }
    // Two that took place (moved into the past by the owner, as in the first describe).
    for (const [title, daysAgo] of [["Vor zehn Tagen", 10], ["Vor fünf Tagen", 5]] as const) {
      const id = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, { title, sessions: inDays(3) });
      await registerSelf(person, id);
      await sql`update public.trainings set starts_at = now() - make_interval(days => ${daysAgo}),
        ends_at = now() - make_interval(days => ${daysAgo}) + interval '3 hours' where id = ${id}`.execute(db);
    }
    // Someone else's registration is not listed.
    await registerSelf(c.xMembers[1]!, coming[0]!);

    const mine = async (query = "") => {
      const outcome = await call<ListData>(database, listLoader, person, `/fortbildungen?ansicht=meine${query}`);
      expect(outcome.status).toBe(200);
      return outcome.data;
    };
    const first = await mine();
    expect(first.mine.map((r) => r.training.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Kommend ${i + 1}`));
    expect(first.mineHasMore).toBe(true);
    const second = await mine("&seite=2");
    expect(second.mine.map((r) => r.training.title)).toEqual(["Kommend 21", "Kommend 22", "Vor fünf Tagen", "Vor zehn Tagen"]);
    expect(second.mineHasMore).toBe(false);
    expect((await mine("&seite=3")).mine).toEqual([]);

    // The organiser moves the last one to tomorrow and the first one half a year ahead: the
    // registrations carry the new dates, the list and the calendar follow.
    await callSql(c.organizer, sql`select public.set_training_sessions(${coming[21]!}::uuid, ${sessionsJson(inDays(1))}::text::jsonb)`);
    await callSql(c.organizer, sql`select public.set_training_sessions(${coming[0]!}::uuid, ${sessionsJson(inDays(180))}::text::jsonb)`);
    const stale = async () =>
      (
        await sql<{ n: number }>`
          select count(*)::int as n from public.training_registrations r join public.trainings t on t.id = r.training_id
          left join private.training_registration_dates d on d.registration_id = r.id
          where d.registration_id is null or d.starts_at is distinct from t.starts_at or d.ends_at is distinct from t.ends_at
            or d.user_id is distinct from r.user_id or d.registered_by is distinct from r.registered_by`.execute(db)
      ).rows[0]!.n;
    expect(await stale()).toBe(0);
    const moved = await mine();
    expect(moved.mine[0]!.training.title).toBe("Kommend 22");
    expect(moved.mine.map((r) => r.training.title)).not.toContain("Kommend 1");
    expect((await mine("&seite=2")).mine.map((r) => r.training.title)).toEqual([
      "Kommend 21",
      "Kommend 1",
      "Vor fünf Tagen",
      "Vor zehn Tagen",
    ]);

    const calendarUids = async (date: string) => {
      const outcome = await callRoute(calendarLoader, await requestAs(database, person, `/kalender?datum=${date}&art=training`));
      expect(outcome.status).toBe(200);
      return (outcome.data.entries as Array<{ uid: string }>).map((e) => e.uid);
    };
    const halfYear = berlinParts(new Date(Date.now() + 180 * DAY)).date;
    expect((await calendarUids(halfYear)).some((uid) => uid.includes(coming[0]!))).toBe(true);
    const today = berlinParts(new Date()).date;
    const now = await calendarUids(today);
    expect(now.some((uid) => uid.includes(coming[0]!))).toBe(false);
    expect(now.some((uid) => uid.includes(coming[21]!))).toBe(true);

    // The booker's account is deleted (registered_by set null): the copy follows; so does a
    // deleted registration (the person's account deleted).
    await sql`update public.training_registrations set registered_by = null where training_id = ${coming[1]!}`.execute(db);
    await sql`delete from public.training_registrations where training_id = ${coming[2]!}`.execute(db);
    expect(await stale()).toBe(0);
    const left = await sql<{ n: number }>`select count(*)::int as n from private.training_registration_dates`.execute(db);
    const all = await sql<{ n: number }>`select count(*)::int as n from public.training_registrations`.execute(db);
    expect(left.rows[0]!.n).toBe(all.rows[0]!.n);
  });
});
