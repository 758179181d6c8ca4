import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "~/.server/db/connection";
import { asUser } from "~/.server/db/request";
import { resetEnvCache } from "~/.server/env";
import { listMailbox } from "~/.server/mail/mailbox";
import { enqueueMail } from "~/.server/outbox/enqueue";
import { RETRY_WINDOW_HOURS, backoffSeconds, processOutboxOnce } from "~/.server/outbox/worker";
import { freshDatabase } from "../helpers/db";
import { testDbKind } from "../helpers/db-config";
import { extractLink, startFakeResend, type FakeResend } from "../helpers/fake-resend";
import { addMember, createOrg, createUser } from "../helpers/fixtures";

type Row = { id: string; status: string; attempts: number; last_error: string | null; processed_at: Date | null; due_in: number };

describe("the outbox worker", () => {
  let database: Database;
  let fake: FakeResend;
  const saved = { ...process.env };

  async function enqueue(template: string, to: string, props: Record<string, unknown>): Promise<string> {
    await sql`select private.enqueue_mail(${template}, ${to}, ${JSON.stringify(props)}::text::jsonb)`.execute(database.db);
    const { rows } = await sql<{ id: string }>`select max(id)::text as id from private.outbox`.execute(database.db);
    return rows[0]!.id;
  }

  async function row(id: string): Promise<Row> {
    const { rows } = await sql<Row>`
      select id::text as id, status, attempts, last_error, processed_at,
             extract(epoch from run_after - now())::float8 as due_in
      from private.outbox where id = ${id}::bigint
    `.execute(database.db);
    return rows[0]!;
  }

  async function makeDue(id: string) {
    await sql`update private.outbox set run_after = now() where id = ${id}::bigint`.execute(database.db);
  }

  beforeAll(async () => {
    database = await freshDatabase();
    fake = await startFakeResend();
  });

  beforeEach(async () => {
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = fake.url;
    process.env.APP_URL = "http://localhost:3000";
    process.env.MAIL_FROM = "Trägerkreis <noreply@traegerkreis.example>";
    resetEnvCache();
    fake.clear();
    fake.failNext(0);
    fake.setDelay(0);
    await sql`delete from private.outbox`.execute(database.db);
  });

  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  afterAll(async () => {
    await fake.stop();
  });

  it("sends a pending mail through Resend and marks it sent", async () => {
    const id = await enqueue("confirm-email", "anna@example.org", { token: "tok-123", name: "Anna Berger" });

    const result = await processOutboxOnce();

    expect(result).toMatchObject({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(fake.mails).toHaveLength(1);
    const mail = fake.mails[0]!;
    expect(mail).toMatchObject({
      to: ["anna@example.org"],
      from: "Trägerkreis <noreply@traegerkreis.example>",
      subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
      idempotencyKey: `outbox-${id}`,
    });
    expect(extractLink(mail, "/registrieren/bestaetigen")).toBe("http://localhost:3000/registrieren/bestaetigen?token=tok-123");
    expect(mail.text).toContain("Guten Tag Anna Berger,");
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1, last_error: null });
    expect((await row(id)).processed_at).not.toBeNull();

    expect(await processOutboxOnce()).toMatchObject({ claimed: 0 });
    expect(fake.mails).toHaveLength(1);
  });

  it("retries with backoff after a failure and succeeds later", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const id = await enqueue("reset-password", "bert@example.org", { token: "tok-r", name: "Bert" });
    fake.failNext(1);

    expect(await processOutboxOnce()).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
    const afterFailure = await row(id);
    expect(afterFailure).toMatchObject({ status: "pending", attempts: 1 });
    expect(afterFailure.last_error).toContain("500");
    expect(afterFailure.due_in).toBeGreaterThan(25);
    expect(afterFailure.due_in).toBeLessThanOrEqual(30);
    expect(warn).toHaveBeenCalledOnce();

    // Not due yet: nothing happens.
    expect(await processOutboxOnce()).toMatchObject({ claimed: 0 });

    // A second failure waits twice as long.
    await makeDue(id);
    fake.failNext(1);
    await processOutboxOnce();
    const second = await row(id);
    expect(second.attempts).toBe(2);
    expect(second.due_in).toBeGreaterThan(55);
    expect(second.due_in).toBeLessThanOrEqual(60);

    await makeDue(id);
    expect(await processOutboxOnce()).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, last_error: null });
    expect(fake.mails.map((m) => m.subject)).toEqual(["Neues Passwort für den Trägerkreis"]);
    expect(fake.requests()).toBe(3);
  });

  it("backs off 30 s, doubling, to at most an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map(backoffSeconds)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it(`keeps a mail for ${RETRY_WINDOW_HOURS} hours of failures, then marks it undeliverable (never drops it)`, async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const id = await enqueue("confirm-email", "carla@example.org", { token: "tok-c", name: "Carla" });
    fake.failNext(1000);

    // Twenty failed attempts (the old worker gave up after eight): still pending.
    for (let i = 0; i < 20; i++) {
      await makeDue(id);
      await processOutboxOnce();
    }
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 20 });
    expect(error).not.toHaveBeenCalled();

    // Just before the window closes: retried again.
    await sql`update private.outbox set first_attempt_at = now() - make_interval(hours => ${RETRY_WINDOW_HOURS}) + interval '1 minute', run_after = now() where id = ${id}::bigint`.execute(database.db);
    expect(await processOutboxOnce()).toMatchObject({ retried: 1, failed: 0 });
    // The window has passed: undeliverable, kept with its address and error.
    await sql`update private.outbox set first_attempt_at = now() - make_interval(hours => ${RETRY_WINDOW_HOURS}) - interval '1 second', run_after = now() where id = ${id}::bigint`.execute(database.db);
    expect(await processOutboxOnce()).toMatchObject({ failed: 1 });
    const final = await row(id);
    expect(final).toMatchObject({ status: "undeliverable", attempts: 22 });
    expect(final.processed_at).not.toBeNull();
    expect(final.last_error).toContain("500");
    expect(error).toHaveBeenCalledOnce();

    await makeDue(id);
    expect(await processOutboxOnce()).toMatchObject({ claimed: 0 });
    expect(fake.mails).toHaveLength(0);
  });

  it("gives up at once on a mail that cannot be rendered", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const unknown = await enqueue("newsletter", "dora@example.org", {});
    const broken = await enqueue("invitation", "dora@example.org", { orgName: "Ohne Token" });

    expect(await processOutboxOnce()).toMatchObject({ claimed: 2, failed: 2 });

    expect(await row(unknown)).toMatchObject({ status: "undeliverable", attempts: 1 });
    expect((await row(unknown)).last_error).toContain('Unknown mail template "newsletter"');
    expect((await row(broken)).last_error).toContain("token");
    expect(error).toHaveBeenCalledTimes(2);
    expect(fake.requests()).toBe(0);
  });

  it("skips rows whose run_after is in the future", async () => {
    const id = await enqueue("confirm-email", "emil@example.org", { token: "tok-e" });
    await sql`update private.outbox set run_after = now() + interval '1 hour' where id = ${id}::bigint`.execute(database.db);

    expect(await processOutboxOnce()).toMatchObject({ claimed: 0 });
    expect(fake.mails).toHaveLength(0);
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 0 });
  });

  it(`never sends a row twice when two workers run at once (${testDbKind()})`, async () => {
    const count = 25;
    for (let i = 0; i < count; i++) await enqueue("confirm-email", `person${i}@example.org`, { token: `tok-${i}` });
    // Slow sends make the two runs overlap on the server.
    fake.setDelay(20);

    const [a, b] = await Promise.all([processOutboxOnce({ batchSize: 5 }), processOutboxOnce({ batchSize: 5 })]);

    expect(a.sent + b.sent).toBe(count);
    // On the server both runs really worked side by side; PGlite has one connection and
    // serializes them, which must give the same result.
    if (testDbKind() === "postgres") expect(Math.min(a.sent, b.sent)).toBeGreaterThan(0);
    const recipients = fake.mails.map((m) => m.to[0]);
    expect(new Set(recipients).size).toBe(count);
    expect(recipients).toHaveLength(count);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from private.outbox where status = 'sent' and attempts = 1`.execute(
      database.db,
    );
    expect(rows[0]!.n).toBe(count);
  });

  it("does not send again when marking a sent mail fails (at-least-once after the lease)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const id = await enqueue("confirm-email", "fritz@example.org", { token: "tok-f" });
    // The database refuses the 'sent' update, as if it went away right after the send.
    await sql
      .raw(
        `create function private.test_refuse_sent() returns trigger language plpgsql as $$
         begin raise exception 'database gone'; end $$`,
      )
      .execute(database.db);
    await sql
      .raw(
        `create trigger test_refuse_sent before update on private.outbox
         for each row when (new.status = 'sent') execute function private.test_refuse_sent()`,
      )
      .execute(database.db);
    try {
      expect(await processOutboxOnce()).toMatchObject({ sent: 1 });
      expect(warn.mock.calls[0]?.[0]).toContain("could not be marked as sent");
      const leased = await row(id);
      expect(leased).toMatchObject({ status: "pending", attempts: 1 });
      expect(leased.due_in).toBeGreaterThan(200);

      // While the lease holds, no worker sends it again.
      expect(await processOutboxOnce()).toMatchObject({ claimed: 0 });
      expect(fake.requests()).toBe(1);
    } finally {
      await sql.raw(`drop trigger test_refuse_sent on private.outbox`).execute(database.db);
      await sql.raw(`drop function private.test_refuse_sent()`).execute(database.db);
    }

    // After the lease the mail goes out once more, with the same idempotency key: Resend drops it.
    await makeDue(id);
    expect(await processOutboxOnce()).toMatchObject({ sent: 1 });
    expect(fake.requests()).toBe(2);
    expect(fake.mails).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("enqueueMail stores the props as a JSON object on either driver", async () => {
    await database.db.transaction().execute((tx) => enqueueMail(tx, "confirm-email", "jo@example.org", { token: "t-jo", name: "Jo" }));
    const { rows } = await sql<{ kind: string }>`select jsonb_typeof(payload -> 'props') as kind from private.outbox`.execute(database.db);
    expect(rows).toEqual([{ kind: "object" }]);
    expect(await processOutboxOnce()).toMatchObject({ sent: 1 });
  });

  it("leaves no outbox row when the transaction that enqueued a mail rolls back", async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await enqueueMail(tx, "confirm-email", "gina@example.org", { token: "t", name: "Gina" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    // The same through a domain function, as a signed-in admin inviting a colleague.
    const admin = await createUser(database);
    const org = await createOrg(database);
    await addMember(database, org.id, admin.id, "owner");
    await expect(
      asUser(admin, async (tx) => {
        await sql`select public.invite_member(${org.id}::uuid, 'hans@example.org', 'member')`.execute(tx);
        throw new Error("the request failed after inviting");
      }),
    ).rejects.toThrow("the request failed after inviting");

    const { rows } = await sql<{ n: number }>`select count(*)::int as n from private.outbox`.execute(database.db);
    expect(rows[0]!.n).toBe(0);
    expect(await processOutboxOnce()).toMatchObject({ claimed: 0 });
    expect(fake.mails).toHaveLength(0);
  });

  it("writes to the dev mailbox when no Resend key is set", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tk-mailbox-"));
    delete process.env.RESEND_API_KEY;
    process.env.MAILBOX_DIR = dir;
    resetEnvCache();
    try {
      await enqueue("invitation", "ines@example.org", {
        token: "tok-i",
        orgName: "KIZ Niederrhein",
        role: "member",
        inviterName: "Petra",
        expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
      });

      expect(await processOutboxOnce()).toMatchObject({ sent: 1 });

      expect(fake.requests()).toBe(0);
      const files = fs.readdirSync(dir);
      expect(files).toHaveLength(1);
      const stored = JSON.parse(fs.readFileSync(path.join(dir, files[0]!), "utf8"));
      expect(stored).toMatchObject({
        to: "ines@example.org",
        from: "Trägerkreis <noreply@traegerkreis.example>",
        subject: "Einladung: KIZ Niederrhein im Trägerkreis",
      });
      expect(Object.keys(stored).sort()).toEqual(["createdAt", "from", "html", "id", "subject", "text", "to"]);
      expect(extractLink(stored, "/einladung/")).toBe("http://localhost:3000/einladung/tok-i");
      expect((await listMailbox()).map((m) => m.id)).toEqual([stored.id]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
