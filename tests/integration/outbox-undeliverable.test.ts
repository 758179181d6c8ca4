// Undeliverable mails on /unzustellbare-mails: the admin of the addressee's
// Träger and the circle's coordinators see them and queue them again; a plain member sees none;
// and the retention job strips mails sent more than 30 days ago. (Who sees what, per persona, is
// proven in supabase/tests/outbox_undeliverable.sql.)
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { periodicJobs, runOutboxRetention } from "~/.server/outbox/jobs";
import { action, loader } from "~/routes/unzustellbare-mails";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

describe("undeliverable mails", () => {
  let database: Database;
  let admin: TestUser;
  let member: TestUser;
  let coordinator: TestUser;
  let outsider: TestUser;
  let mailId: string;

  async function status(id: string) {
    const { rows } = await sql<{ status: string; attempts: number }>`select status, attempts from private.outbox where id = ${id}::bigint`.execute(database.db);
    return rows[0];
  }

  beforeAll(async () => {
    database = await freshDatabase();
    const org = await createOrg(database);
    const coordinating = await createOrg(database);
    const other = await createOrg(database);
    const circle = await createNetwork(database);
    await joinNetwork(database, circle.id, coordinating.id, "coordinator");
    await joinNetwork(database, circle.id, org.id);
    admin = await createUser(database);
    member = await createUser(database);
    coordinator = await createUser(database);
    outsider = await createUser(database);
    await addMember(database, org.id, admin.id, "admin");
    await addMember(database, org.id, member.id, "member");
    await addMember(database, coordinating.id, coordinator.id, "coordinator");
    await addMember(database, other.id, outsider.id, "owner");
    const { rows } = await sql<{ id: string }>`
      insert into private.outbox (kind, payload, status, attempts, first_attempt_at, processed_at)
      values ('mail', ${JSON.stringify({ template: "training-confirmed", to: member.email, props: {} })}::text::jsonb,
              'undeliverable', 77, now() - interval '73 hours', now())
      returning id::text`.execute(database.db);
    mailId = rows[0]!.id;
  });

  it("lists the mail for the Träger's admin and the circle's coordinator, not for a member or another Träger", async () => {
    for (const [who, expected] of [
      [admin, 1],
      [coordinator, 1],
      [member, 0],
      [outsider, 0],
    ] as const) {
      const outcome = await callRoute(loader, await requestAs(database, who, "/unzustellbare-mails"));
      expect(outcome.status).toBe(200);
      expect(outcome.data.mails).toHaveLength(expected);
    }
    const outcome = await callRoute(loader, await requestAs(database, admin, "/unzustellbare-mails"));
    expect(outcome.data.mails[0]).toMatchObject({ id: mailId, template: "training-confirmed", recipient: member.email, attempts: 77 });
  });

  it("refuses a re-queue by someone who may not see the mail, changing nothing", async () => {
    const outcome = await callRoute(
      action,
      await requestAs(database, outsider, "/unzustellbare-mails", { method: "POST", form: { intent: "requeue", id: mailId } }),
    );
    expect(outcome.status).toBe(302);
    expect(await status(mailId)).toEqual({ status: "undeliverable", attempts: 77 });
  });

  it("answers 400 to a malformed id", async () => {
    const outcome = await callRoute(
      action,
      await requestAs(database, admin, "/unzustellbare-mails", { method: "POST", form: { intent: "requeue", id: "1; drop" } }),
    );
    expect(outcome.status).toBe(400);
  });

  it("queues the mail again for the Träger's admin", async () => {
    const outcome = await callRoute(
      action,
      await requestAs(database, admin, "/unzustellbare-mails", { method: "POST", form: { intent: "requeue", id: mailId } }),
    );
    expect(outcome).toMatchObject({ status: 302, location: "/unzustellbare-mails" });
    expect(await status(mailId)).toEqual({ status: "pending", attempts: 0 });
    const listed = await callRoute(loader, await requestAs(database, admin, "/unzustellbare-mails"));
    expect(listed.data.mails).toHaveLength(0);
  });

  it("strips address and content of mails sent more than 30 days ago, keeping id and status", async () => {
    expect(periodicJobs.map((j) => j.name)).toContain("outbox-retention");
    const { rows } = await sql<{ id: string; age: number }>`
      insert into private.outbox (kind, payload, status, attempts, processed_at)
      select 'mail', jsonb_build_object('template', 'reset-password', 'to', 'alt@example.org', 'props', jsonb_build_object('token', 'geheim')),
             'sent', 1, now() - make_interval(days => d)
      from (values (31), (29)) v(d)
      returning id::text, extract(day from now() - processed_at)::int as age`.execute(database.db);
    expect(await runOutboxRetention()).toEqual({ stripped: 1 });
    const { rows: after } = await sql<{ id: string; status: string; payload: unknown }>`
      select id::text, status, payload from private.outbox where id in (${sql.join(rows.map((r) => sql`${r.id}::bigint`))}) order by id`.execute(
      database.db,
    );
    expect(after).toEqual([
      { id: rows[0]!.id, status: "sent", payload: { template: "reset-password", stripped: true } },
      {
        id: rows[1]!.id,
        status: "sent",
        payload: { template: "reset-password", to: "alt@example.org", props: { token: "geheim" } },
      },
    ]);
    expect(await runOutboxRetention()).toEqual({ stripped: 0 });
  });
});
