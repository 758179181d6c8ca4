// Statements with parameters go to the server as prepared statements (openPostgres, decision 019):
// after five runs PostgreSQL may keep one generic plan per statement and connection. The row-level
// policies must still be evaluated for whoever runs it: a plan made while one person's claims were
// set must not show the next person that person's rows on the same connection.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { openPostgres, preparesStatements } from "~/.server/db/connection";
import { asUser } from "~/.server/db/request";
import { freshDatabase } from "../helpers/db";
import { adminUrl, testDbKind } from "../helpers/db-config";
import { addMember, createOrg, createUser, type TestUser } from "../helpers/fixtures";

describe("when statements are prepared", () => {
  it("prepares unless turned off or behind a transaction-mode pooler", () => {
    expect(preparesStatements("postgres://u@db.example:5432/app", "auto")).toBe(true);
    expect(preparesStatements("postgres://u@db.example:5432/app", "off")).toBe(false);
    // Supabase's transaction pooler: the next transaction may run on a connection without the statement.
    expect(preparesStatements("postgres://u@pooler.supabase.com:6543/postgres")).toBe(false);
    expect(preparesStatements("postgres://u@pooler.supabase.com:6543/postgres", "on")).toBe(true);
  });
});

describe.skipIf(testDbKind() !== "postgres")("prepared statements and row-level security (PostgreSQL server)", () => {
  let database: Database;
  let a: { id: string }, b: { id: string };
  let aMember: TestUser, bMember: TestUser, outsider: TestUser;

  beforeAll(async () => {
    database = await freshDatabase();
    a = await createOrg(database);
    b = await createOrg(database);
    aMember = await createUser(database);
    bMember = await createUser(database);
    outsider = await createUser(database);
    await addMember(database, a.id, aMember.id, "member");
    await addMember(database, b.id, bMember.id, "member");
  });

  type Seen = { backend: number; members: string[] };
  // The same statement text and parameters every time; only the claims differ.
  const members = async (user: TestUser): Promise<Seen> =>
    asUser(user, async (tx) => {
      // The connection keeps generic plans (openPostgres): the case at risk.
      const { rows } = await sql<{ user_id: string; backend: number }>`
        select user_id, pg_backend_pid() as backend from org_members
        where org_id = any(${[a.id, b.id]}::uuid[]) order by user_id`.execute(tx);
      const backend = (await sql<{ pid: number }>`select pg_backend_pid() as pid where ${1}::int = 1`.execute(tx)).rows[0]!.pid;
      return { backend, members: rows.map((r) => r.user_id) };
    });

  it("the app's connections keep one generic plan per statement, unless told otherwise", async () => {
    const mode = await asUser(aMember, async (tx) =>
      (await sql<{ mode: string }>`select current_setting('plan_cache_mode') as mode`.execute(tx)).rows[0]!.mode);
    expect(mode).toBe("force_generic_plan");
    const own = openPostgres(adminUrl(), { max: 1, genericPlans: false });
    try {
      const rows = await own.withScriptRunner((r) => r.query<{ mode: string }>("select current_setting('plan_cache_mode') as mode"));
      expect(rows[0]!.mode).toBe("auto");
    } finally {
      await own.close();
    }
  });

  it("each person sees only their own Träger's members, also from a reused generic plan", async () => {
    const seen: Array<{ who: string } & Seen> = [];
    for (let i = 0; i < 8; i++) seen.push({ who: "a", ...(await members(aMember)) });
    seen.push({ who: "b", ...(await members(bMember)) });
    seen.push({ who: "outsider", ...(await members(outsider)) });
    seen.push({ who: "a", ...(await members(aMember)) });

    // One transaction at a time takes the most recently returned connection: all ran on one.
    expect(new Set(seen.map((s) => s.backend)).size).toBe(1);
    for (const s of seen) {
      const expected = s.who === "a" ? [aMember.id] : s.who === "b" ? [bMember.id] : [];
      expect(s.members, `${s.who} on run ${seen.indexOf(s) + 1}`).toEqual(expected);
    }
    // …and the server did run the statement from a generic plan (otherwise this proved nothing).
    const plans = await asUser(aMember, async (tx) => {
      const { rows } = await sql<{ generic_plans: string; custom_plans: string }>`
        select generic_plans, custom_plans from pg_prepared_statements
        where statement like '%from org_members%' and statement like '%any($%'`.execute(tx);
      return rows;
    });
    expect(plans.length).toBe(1);
    expect(Number(plans[0]!.generic_plans)).toBeGreaterThan(0);
  });
});
