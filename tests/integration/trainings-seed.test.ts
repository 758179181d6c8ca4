// The demo circle's trainings (scripts/demo-data.ts → supabase/seed.sql) went through the same
// rules as the app: counters match the rows, the waitlist is where the contingent put it, the
// client seats got their offer, the training that took place has attendance and a certificate.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { migrate } from "~/.server/db/migrate";
import { certificateData } from "~/.server/trainings/certificate";
import { DEMO_TRAININGS, demoUser } from "../../scripts/demo-data";
import { freshDatabase } from "../helpers/db";
import { countsOf, invariantViolations, registrationsOf } from "../helpers/trainings";

describe("the demo circle's trainings", () => {
  let database: Database;
  const [free, contingent, held, draft, clients] = DEMO_TRAININGS.map((t) => t.id) as [string, string, string, string, string];
  const user = (email: string) => ({ ...demoUser(email), sessionId: "" });

  beforeAll(async () => {
    database = await freshDatabase();
    await migrate(database, { seed: "always" });
  });

  it("keeps every counter equal to the rows and the waitlist dense", async () => {
    for (const t of DEMO_TRAININGS) expect(await invariantViolations(database.db, t.id), t.title).toEqual([]);
    expect(await countsOf(database.db, free)).toMatchObject({ status: "published", capacity: 16, seats_taken: 5, waitlist_count: 0 });
    expect(await countsOf(database.db, draft)).toMatchObject({ status: "draft", seats_taken: 0 });
  });

  it("waitlists the third person of a Träger whose contingent is used, although a seat is free", async () => {
    expect(await countsOf(database.db, contingent)).toMatchObject({ capacity: 8, seats_taken: 7, waitlist_count: 2 });
    const waiting = (await registrationsOf(database.db, contingent)).filter((r) => r.status === "waitlisted");
    expect(waiting.map((r) => [r.user_id, r.waitlist_position])).toEqual([
      [demoUser("admin@freiraumwohnung.example").id, 1],
      [demoUser("admin@kiz-niederrhein.example").id, 2],
    ]);
  });

  it("offers the seats Kinderleicht gave back to the client seats waiting first", async () => {
    expect(await countsOf(database.db, clients)).toMatchObject({ capacity: 10, seats_confirmed: 7, seats_offered: 2, waitlist_count: 0 });
    const rows = await registrationsOf(database.db, clients);
    expect(rows.every((r) => r.user_id === null)).toBe(true);
    expect(rows.map((r) => [r.seats, r.status])).toEqual([
      [3, "confirmed"],
      [4, "confirmed"],
      [3, "cancelled"],
      [2, "offered"],
    ]);
    const notes = await sql<{ kind: string; user_id: string }>`
      select kind, user_id from public.notifications where kind like 'training.%'`.execute(database.db);
    expect(notes.rows).toEqual([{ kind: "training.offered", user_id: demoUser("admin@du-und-ich.example").id }]);
    const mails = await sql<{ n: number }>`
      select count(*)::int as n from private.outbox where payload->>'template' like 'training-%'`.execute(database.db);
    expect(mails.rows[0]!.n).toBe(0);
  });

  it("has a training that took place, with attendance and a certificate for who came", async () => {
    expect((await countsOf(database.db, held)).status).toBe("held");
    const rows = await registrationsOf(database.db, held);
    expect(rows.map((r) => r.status)).toEqual(["attended", "attended", "attended", "no_show"]);
    const samira = await certificateData(user("team@kinderleicht.example"), held);
    expect(samira).toMatchObject({ participantName: "Samira El-Amrani", orgName: "Kinderleicht", hours: 10.5 });
    const petra = await certificateData(user("koordination@lebenshilfe-dinslaken.example"), held);
    expect(petra).toMatchObject({ hours: 7 });
    expect(await certificateData(user("team@freiraumwohnung.example"), held)).toBeNull();
  });
});
