// The lead of a project under real concurrency on the PostgreSQL server: "hand over the lead" and
// "leave" posted at the same moment on separate connections (two pools) never leave a project
// without exactly one active lead. Every function that changes the partners locks the project row
// first; a deferred constraint trigger refuses a commit without a lead as the last line.
// Skipped on PGlite (one connection, no concurrency).
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "~/.server/db/connection";
import { userMessageFor } from "~/.server/db/errors";
import { asUser } from "~/.server/db/request";
import type { DB } from "~/.server/db/schema";
import { decideRequest, requestJoin, saveProject } from "~/.server/projects/write";
import { ProjectFormSchema } from "~/validation/projects";
import { freshDatabase } from "../helpers/db";
import { adminUrl, testDbKind } from "../helpers/db-config";
import type { TestUser } from "../helpers/fixtures";
import { ideaForm, projectCircle, type ProjectCircle } from "../helpers/projects";

// Skipped on PGlite on purpose: PGlite has one connection, so nothing runs concurrently there.
// These tests run in the "vitest on PostgreSQL" step of npm test (TEST_DB=postgres), which CI
// never skips.
describe.skipIf(testDbKind() !== "postgres")("the lead of a project under concurrency (PostgreSQL server)", () => {
  let database: Database;
  let second: Database;
  let c: ProjectCircle;

  beforeAll(async () => {
    database = await freshDatabase();
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db)).rows[0]!.name;
    second = openPostgres(adminUrl(name), { max: 5 });
    c = await projectCircle(database);
  }, 120_000);

  afterAll(async () => {
    await second?.close();
  });

  async function onSecond<T>(user: TestUser, fn: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
    return second.db.transaction().execute(async (tx) => {
      await sql`select set_config('request.jwt.claims', ${JSON.stringify({ sub: user.id, email: user.email, role: "authenticated" })}, true), set_config('role', 'authenticated', true)`.execute(
        tx,
      );
      return fn(tx);
    });
  }

  /** A running idea led by the lead Träger, with the partner and the third Träger active. */
  async function project(): Promise<string> {
    const id = await saveProject(c.leadCoord, null, ProjectFormSchema.parse(ideaForm(c)));
    for (const [coord, org] of [
      [c.partnerCoord, c.partner.id],
      [c.thirdCoord, c.third.id],
    ] as const) {
      await requestJoin(coord, id, org, "");
      await decideRequest(c.leadCoord, id, org, true, "");
    }
    return id;
  }

  async function leads(id: string) {
    return (
      await sql<{ org_id: string; status: string }>`
        select org_id, status from public.project_partners where project_id = ${id}::uuid and role = 'lead'`.execute(database.db)
    ).rows;
  }

  const handOver = (user: TestUser, id: string, to: string) => (tx: Kysely<DB>) =>
    sql`select public.hand_over_project_lead(${id}::uuid, ${to}::uuid)`.execute(tx);
  const leave = (id: string, org: string) => (tx: Kysely<DB>) => sql`select public.leave_project(${id}::uuid, ${org}::uuid)`.execute(tx);

  it("the lead hands over to a partner while that partner leaves: one of the two wins, the project keeps one active lead", async () => {
    for (let round = 0; round < 8; round++) {
      const id = await project();
      const [handover, leaving] = await Promise.allSettled([
        asUser(c.leadCoord, handOver(c.leadCoord, id, c.partner.id)),
        onSecond(c.partnerCoord, leave(id, c.partner.id)),
      ]);
      const won = [handover.status, leaving.status].filter((s) => s === "fulfilled").length;
      expect(won).toBe(1);
      const refused = [handover, leaving].find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(userMessageFor(refused.reason)).toMatch(/^(Der leitende Träger kann nicht aussteigen|Die Leitung kann nur an einen anderen Träger)/);
      const rows = await leads(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.status).toBe("active");
      // Whichever ran first: handed over (the partner leads, its leave refused) or left (the lead stays).
      expect(rows[0]!.org_id).toBe(handover.status === "fulfilled" ? c.partner.id : c.lead.id);
    }
  }, 120_000);

  it("two hand-overs to different partners at once: exactly one wins", async () => {
    for (let round = 0; round < 8; round++) {
      const id = await project();
      const results = await Promise.allSettled([
        asUser(c.leadCoord, handOver(c.leadCoord, id, c.partner.id)),
        onSecond(c.leadCoord, handOver(c.leadCoord, id, c.third.id)),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(userMessageFor(refused.reason)).toBe("Das kann nur die Projektleitung (Koordination des leitenden Trägers).");
      const rows = await leads(id);
      expect(rows).toHaveLength(1);
      expect([c.partner.id, c.third.id]).toContain(rows[0]!.org_id);
    }
  }, 120_000);

  it("the lead hands over and leaves at once (two tabs): never without a lead", async () => {
    for (let round = 0; round < 8; round++) {
      const id = await project();
      const [handover] = await Promise.allSettled([
        asUser(c.leadCoord, handOver(c.leadCoord, id, c.partner.id)),
        onSecond(c.leadCoord, leave(id, c.lead.id)),
      ]);
      expect(handover.status).toBe("fulfilled");
      const rows = await leads(id);
      expect(rows).toEqual([{ org_id: c.partner.id, status: "active" }]);
    }
  }, 120_000);

  it("the deferred check refuses a commit that would leave no lead, even past the functions", async () => {
    const id = await project();
    await expect(
      database.db.transaction().execute((tx) =>
        sql`update public.project_partners set role = 'partner' where project_id = ${id}::uuid and role = 'lead'`.execute(tx),
      ),
    ).rejects.toMatchObject({ message: "TK_PROJECT_LAST_LEAD" });
    expect(await leads(id)).toEqual([{ org_id: c.lead.id, status: "active" }]);
  });
});
