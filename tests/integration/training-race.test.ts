// The hard rule of Gemeinsame Fortbildungen, under real concurrency on the PostgreSQL server:
// capacity and contingents are never exceeded and the waitlist order is never broken.
//
// Arrival order is defined as the order in which register_for_training got the training's row
// lock: the function takes its arrival number from a sequence (and registered_at from
// clock_timestamp()) only after `select … for update` on the training, so both follow lock order.
// The tests check that the waitlist positions are 1..n, unique, and in exactly that order.
//
// Each registration runs in its own asUser transaction (the app's pool, 20 connections) or in an
// identical transaction on a second pool of 10 connections, so up to 30 transactions contend
// for the lock at the same moment.
//
// Skipped on PGlite: it is one connection in one process, so nothing there can run concurrently
// and a race test would prove nothing.
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "~/.server/db/connection";
import { asUser } from "~/.server/db/request";
import type { DB } from "~/.server/db/schema";
import { freshDatabase } from "../helpers/db";
import { adminUrl, testDbKind } from "../helpers/db-config";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, type TestUser } from "../helpers/fixtures";
import { countsOf, createTraining, invariantViolations, registrationsOf, runJob } from "../helpers/trainings";

// Skipped on PGlite on purpose: PGlite has one connection, so nothing runs concurrently there.
// These tests run in the "vitest on PostgreSQL" step of npm test (TEST_DB=postgres), which CI
// never skips.
describe.skipIf(testDbKind() !== "postgres")("training seats under concurrency (PostgreSQL server)", () => {
  let database: Database;
  let second: Database;
  let network: { id: string };
  let organizerOrg: { id: string };
  let organizer: TestUser;
  const orgs: { id: string }[] = [];
  const people: { user: TestUser; orgId: string }[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db)).rows[0]!.name;
    second = openPostgres(adminUrl(name), { max: 10 });
    network = await createNetwork(database);
    organizerOrg = await createOrg(database, { name: "Veranstalter" });
    await joinNetwork(database, network.id, organizerOrg.id);
    organizer = await createUser(database, { fullName: "Olga Organisatorin" });
    await addMember(database, organizerOrg.id, organizer.id, "admin");
    for (let o = 0; o < 5; o++) {
      const org = await createOrg(database, { name: `Träger ${o + 1}` });
      await joinNetwork(database, network.id, org.id);
      orgs.push(org);
    }
    // 160 people, 32 per Träger (enough for every test; each test uses its own training).
    for (let i = 0; i < 160; i++) {
      const orgId = orgs[i % orgs.length]!.id;
      const user = await createUser(database, { fullName: `Fachkraft ${i + 1}` });
      await addMember(database, orgId, user.id, "member");
      people.push({ user, orgId });
    }
  }, 120_000);

  afterAll(async () => {
    await second?.close();
  });

  /** The same transaction asUser opens, on a given pool. */
  async function asUserOn<T>(db: Kysely<DB>, user: TestUser, fn: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (tx) => {
      await sql`select set_config('request.jwt.claims', ${JSON.stringify({ sub: user.id, email: user.email, role: "authenticated" })}, true), set_config('role', 'authenticated', true)`.execute(
        tx,
      );
      return fn(tx);
    });
  }

  /** Registers `user` themselves; every third call goes through the second pool. */
  function registerConcurrently(user: TestUser, trainingId: string, i: number): Promise<string> {
    const run = async (tx: Kysely<DB>) =>
      (await sql<{ id: string }>`select public.register_for_training(${trainingId}::uuid, ${user.id}::uuid) as id`.execute(tx)).rows[0]!.id;
    return i % 3 === 2 ? asUserOn(second.db, user, run) : asUser(user, run);
  }

  function asParticipant<T>(user: TestUser, i: number, fn: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
    return i % 3 === 2 ? asUserOn(second.db, user, fn) : asUser(user, fn);
  }

  it("100 concurrent registrations for 10 seats: exactly 10 confirmed, 90 waitlisted in arrival (lock) order", async () => {
    const t = await createTraining(organizer, organizerOrg.id, network.id, { capacity: 10 });
    const contenders = people.slice(0, 100);
    const ids = await Promise.all(contenders.map((p, i) => registerConcurrently(p.user, t, i)));
    expect(new Set(ids).size).toBe(100);

    const rows = await registrationsOf(database.db, t); // ordered by arrival_no
    expect(rows).toHaveLength(100);
    const confirmed = rows.filter((r) => r.status === "confirmed");
    const waiting = rows.filter((r) => r.status === "waitlisted");
    expect(confirmed).toHaveLength(10);
    expect(waiting).toHaveLength(90);
    // The first ten to get the lock have the seats; everyone after them waits.
    expect(rows.slice(0, 10).every((r) => r.status === "confirmed")).toBe(true);
    // Positions 1..90, dense and unique, in arrival order.
    expect(waiting.map((r) => r.waitlist_position)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    // Arrival numbers are unique, and registered_at (clock_timestamp() under the lock) agrees
    // with them: the order is the lock order, not the order the requests were sent.
    expect(new Set(rows.map((r) => r.arrival_no)).size).toBe(100);
    for (let i = 1; i < rows.length; i++) {
      expect(BigInt(rows[i]!.arrival_no) > BigInt(rows[i - 1]!.arrival_no)).toBe(true);
      expect(rows[i]!.registered_at.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.registered_at.getTime());
    }
    expect(await countsOf(database.db, t)).toMatchObject({ seats_confirmed: 10, seats_taken: 10, waitlist_count: 90, waitlist_seats: 90 });
    expect(await invariantViolations(database.db, t)).toEqual([]);

    // Each waiting person was told the position they got.
    const mails = await sql<{ to: string; position: string | null; template: string }>`
      select payload->>'to' as to, payload->'props'->>'position' as position, payload->>'template' as template
      from private.outbox where payload->'props'->>'trainingId' = ${t}`.execute(database.db);
    const byEmail = new Map(mails.rows.map((m) => [m.to, m]));
    expect(mails.rows.filter((m) => m.template === "training-confirmed")).toHaveLength(10);
    for (const r of waiting) {
      const email = contenders.find((p) => p.user.id === r.user_id)!.user.email;
      expect(byEmail.get(email)).toMatchObject({ template: "training-waitlisted", position: String(r.waitlist_position) });
    }
  }, 120_000);

  it("concurrent cancellations, offers and registrations: after every step the counts equal the rows and the capacity holds", async () => {
    const capacity = 10;
    const t = await createTraining(organizer, organizerOrg.id, network.id, { capacity });
    const pool = people.slice(0, 160);
    let next = 0;
    // 30 registrations up front: 10 confirmed, 20 waiting.
    await Promise.all(pool.slice(0, 30).map((p, i) => registerConcurrently(p.user, t, i)));
    next = 30;
    const owner = (id: string | null) => pool.find((p) => p.user.id === id)!.user;

    // A watcher reads the training and its registrations in one statement (one snapshot) as
    // often as it can while the steps run: every snapshot must satisfy the invariants.
    let watching = true;
    const seen: string[][] = [];
    const watcher = (async () => {
      let snapshots = 0;
      while (watching) {
        seen.push(await invariantViolations(database.db, t));
        snapshots++;
      }
      return snapshots;
    })();

    for (let step = 0; step < 8; step++) {
      const rows = await registrationsOf(database.db, t);
      const confirmed = rows.filter((r) => r.status === "confirmed");
      const offered = rows.filter((r) => r.status === "offered");
      const waiting = rows.filter((r) => r.status === "waitlisted");
      const actions: Promise<unknown>[] = [];
      // Three confirmed people cancel, two waiting people leave the queue.
      for (const r of [...confirmed.slice(0, 3), ...waiting.slice(-2)]) {
        actions.push(
          asParticipant(owner(r.user_id), actions.length, (tx) => sql`select public.cancel_training_registration(${r.id}::uuid)`.execute(tx)),
        );
      }
      // Offers made in the last step: the first accepts, the second declines, the rest wait.
      offered.forEach((r, k) => {
        if (k > 1) return;
        const fn = k === 0 ? "accept_training_offer" : "decline_training_offer";
        actions.push(asParticipant(owner(r.user_id), actions.length, (tx) => sql`select ${sql.raw(`public.${fn}`)}(${r.id}::uuid)`.execute(tx)));
      });
      // Six newcomers register at the same moment.
      for (const p of pool.slice(next, next + 6)) actions.push(registerConcurrently(p.user, t, actions.length));
      next += 6;
      // Every other step the organizer raises the capacity by one while all this happens.
      if (step % 2 === 1) {
        actions.push(
          asUser(organizer, (tx) =>
            sql`update public.trainings set capacity = capacity + 1 where id = ${t}::uuid`.execute(tx),
          ),
        );
      }
      // And some offers expire (the worker's job runs concurrently too).
      if (offered.length > 2) {
        await sql`update public.training_registrations set offer_expires_at = now() - interval '1 second'
                  where id = ${offered.at(-1)!.id}::uuid and status = 'offered'`.execute(database.db);
        actions.push(runJob(database, "expire_training_offers"));
      }
      const outcomes = await Promise.allSettled(actions);
      const unexpected = outcomes.filter((o) => o.status === "rejected");
      expect(unexpected, JSON.stringify(unexpected.map((o) => String((o as PromiseRejectedResult).reason)))).toEqual([]);

      // After the step: the invariants, and the seat count equals the confirmed seats.
      expect(await invariantViolations(database.db, t)).toEqual([]);
      const counts = await countsOf(database.db, t);
      const after = await registrationsOf(database.db, t);
      const sum = (status: string) => after.filter((r) => r.status === status).reduce((n, r) => n + r.seats, 0);
      expect(counts.seats_confirmed).toBe(sum("confirmed"));
      expect(counts.seats_taken).toBe(sum("confirmed") + sum("offered") + sum("pending_approval"));
      expect(counts.seats_taken).toBeLessThanOrEqual(counts.capacity);
      // Waiting order is arrival order (nobody was moved by an organizer here).
      const queue = after.filter((r) => r.status === "waitlisted").sort((a, b) => a.waitlist_position! - b.waitlist_position!);
      expect(queue.map((r) => r.arrival_no)).toEqual([...queue].sort((a, b) => (BigInt(a.arrival_no) < BigInt(b.arrival_no) ? -1 : 1)).map((r) => r.arrival_no));
      // A free seat never sits next to a waiting person.
      if (counts.seats_taken < counts.capacity) expect(queue).toEqual([]);
    }
    watching = false;
    const snapshots = await watcher;
    expect(snapshots).toBeGreaterThan(0);
    expect(seen.filter((v) => v.length > 0)).toEqual([]);
  }, 180_000);

  it("a contingent of 3 holds under 20 concurrent registrations from one Träger", async () => {
    const t = await createTraining(organizer, organizerOrg.id, network.id, {
      capacity: 10,
      defaultContingent: 3,
      contingentReleaseAt: new Date(Date.now() + 7 * 24 * 3600_000),
    });
    const fromOne = people.filter((p) => p.orgId === orgs[0]!.id).slice(0, 20);
    const fromOther = people.filter((p) => p.orgId === orgs[1]!.id).slice(0, 3);
    const contenders = [...fromOne, ...fromOther];
    await Promise.all(contenders.map((p, i) => registerConcurrently(p.user, t, i)));

    const rows = await registrationsOf(database.db, t);
    const heldBy = (orgId: string) =>
      rows.filter((r) => r.org_id === orgId && ["confirmed", "offered", "pending_approval"].includes(r.status)).length;
    expect(heldBy(orgs[0]!.id)).toBe(3);
    expect(rows.filter((r) => r.org_id === orgs[0]!.id && r.status === "waitlisted")).toHaveLength(17);
    expect(heldBy(orgs[1]!.id)).toBe(3);
    // The first three of Träger 1 to get the lock have the seats.
    const ones = rows.filter((r) => r.org_id === orgs[0]!.id);
    expect(ones.slice(0, 3).every((r) => r.status === "confirmed")).toBe(true);
    expect(await countsOf(database.db, t)).toMatchObject({ seats_confirmed: 6, waitlist_count: 17 });
    const positions = rows.filter((r) => r.status === "waitlisted").map((r) => r.waitlist_position);
    expect(positions).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(await invariantViolations(database.db, t)).toEqual([]);
  }, 120_000);

  it("client seats of mixed sizes never exceed the capacity under concurrency", async () => {
    const t = await createTraining(organizer, organizerOrg.id, network.id, { capacity: 12 });
    // Each Träger's coordinator books client seats; several bookings per Träger at once.
    const coordinators: TestUser[] = [];
    for (const org of orgs) {
      const c = await createUser(database);
      await addMember(database, org.id, c.id, "coordinator");
      coordinators.push(c);
    }
    const sizes = [3, 1, 2, 4, 1, 2, 3, 1, 2, 2, 1, 3, 2, 1, 4];
    await Promise.all(
      sizes.map((seats, i) => {
        const user = coordinators[i % coordinators.length]!;
        return asParticipant(user, i, (tx) =>
          sql`select public.register_for_training(${t}::uuid, null::uuid, ${seats}::int, null::uuid)`.execute(tx),
        );
      }),
    );
    const counts = await countsOf(database.db, t);
    expect(counts.seats_taken).toBeLessThanOrEqual(12);
    expect(counts.seats_confirmed + counts.waitlist_seats).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(await invariantViolations(database.db, t)).toEqual([]);
  }, 120_000);
});
