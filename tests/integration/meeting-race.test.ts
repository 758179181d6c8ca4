// The capacity of a meeting under real concurrency on the PostgreSQL server: 30 members answer
// "zusage" at the same moment for 10 places; set_rsvp takes the meeting's row lock, so exactly 10
// are accepted and 20 are told the meeting is full (German message, nothing written for them).
// Each answer runs in its own transaction: the app's pool (20 connections) plus a second pool of
// 10, so all 30 contend for the lock at once. Skipped on PGlite (one connection, no concurrency).
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "~/.server/db/connection";
import { userMessageFor } from "~/.server/db/errors";
import { asUser } from "~/.server/db/request";
import type { DB } from "~/.server/db/schema";
import { saveMeeting } from "~/.server/meetings/write";
import { berlinParts } from "~/utils/berlin-time";
import { freshDatabase } from "../helpers/db";
import { adminUrl, testDbKind } from "../helpers/db-config";
import type { TestUser } from "../helpers/fixtures";
import { meetingCircle } from "../helpers/meetings";

// Skipped on PGlite on purpose: PGlite has one connection, so nothing runs concurrently there.
// These tests run in the "vitest on PostgreSQL" step of npm test (TEST_DB=postgres), which CI
// never skips.
describe.skipIf(testDbKind() !== "postgres")(
  "meeting capacity under concurrency (PostgreSQL server)",
  () => {
    let database: Database;
    let second: Database;
    let circle: Awaited<ReturnType<typeof meetingCircle>>;

    beforeAll(async () => {
      database = await freshDatabase();
      const name = (
        await sql<{ name: string }>`select current_database() as name`.execute(
          database.db,
        )
      ).rows[0]!.name;
      second = openPostgres(adminUrl(name), { max: 10 });
      circle = await meetingCircle(database, { members: 30 });
    }, 120_000);

    afterAll(async () => {
      await second?.close();
    });

    async function asUserOn<T>(
      db: Kysely<DB>,
      user: TestUser,
      fn: (tx: Kysely<DB>) => Promise<T>,
    ): Promise<T> {
      return db.transaction().execute(async (tx) => {
        await sql`select set_config('request.jwt.claims', ${JSON.stringify({ sub: user.id, email: user.email, role: "authenticated" })}, true), set_config('role', 'authenticated', true)`.execute(
          tx,
        );
        return fn(tx);
      });
    }

    it("capacity 10, 30 concurrent zusagen: exactly 10 accepted, 20 told it is full", async () => {
      const meetingId = await saveMeeting(circle.coord, null, {
        host: `${circle.network.id}:${circle.host.id}`,
        title: "Volles Treffen",
        description: "",
        place: "Wesel",
        gemeinde: null,
        onlineUrl: null,
        date: berlinParts(new Date(Date.now() + 7 * 86400_000)).date,
        startTime: "10:00",
        endTime: "12:00",
        registrationDeadline: null,
        capacity: 10,
        guestsWelcome: false,
      });
      const results = await Promise.allSettled(
        circle.extra.map(({ user }, i) => {
          const run = (tx: Kysely<DB>) =>
            sql`select public.set_rsvp(${meetingId}::uuid, 'zusage', null, false)`.execute(
              tx,
            );
          return i % 3 === 2
            ? asUserOn(second.db, user, run)
            : asUser(user, run);
        }),
      );
      const accepted = results.filter((r) => r.status === "fulfilled").length;
      const refused = results
        .filter((r) => r.status === "rejected")
        .map((r) => userMessageFor((r as PromiseRejectedResult).reason));
      expect(accepted).toBe(10);
      expect(refused).toHaveLength(20);
      expect(new Set(refused)).toEqual(
        new Set([
          "Das Treffen ist voll: Alle Plätze sind vergeben. Sie können „vielleicht“ oder „Absage“ melden.",
        ]),
      );
      const counts = await sql<{ rsvp_yes: number; rows: number }>`
      select m.rsvp_yes, (select count(*)::int from public.meeting_rsvps r where r.meeting_id = m.id and r.answer = 'zusage') as rows
      from public.meetings m where m.id = ${meetingId}::uuid`.execute(
        database.db,
      );
      expect(counts.rows[0]).toEqual({ rsvp_yes: 10, rows: 10 });
    }, 60_000);
  },
);
