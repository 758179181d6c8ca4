// The demo circle: supabase/seed.sql is what scripts/generate-seed.ts writes from demo-data.ts,
// it applies after the migrations (on PGlite, and on the server with TEST_DB=postgres), and what
// it creates is what the README and the start output promise.
import fs from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "kysely";
import type { Database } from "~/.server/db/connection";
import { migrate, seedFile } from "~/.server/db/migrate";
import { asUser } from "~/.server/db/request";
import { fallbackNotificationText, renderNotification } from "~/i18n/notifications";
import { demoSignInsText, devServerUrl, printDemoSignIns } from "~/.server/db/demo";
import { verifyPassword } from "~/.server/auth/password";
import {
  DEMO_JOIN_REQUESTS,
  DEMO_NETWORK,
  DEMO_ORGS,
  DEMO_PASSWORD,
  DEMO_USERS,
  demoOrg,
  demoUser,
} from "../../scripts/demo-data";
import { readmePath, renderReadmeTable, renderSeedSql } from "../../scripts/generate-seed";
import { freshDatabase } from "../helpers/db";

describe("seed.sql", () => {
  it("is what `npm run db:seed-sql` writes from scripts/demo-data.ts", () => {
    expect(fs.readFileSync(seedFile, "utf8")).toBe(renderSeedSql());
  });

  it("stays the same between generator runs (fixed bcrypt salt)", () => {
    expect(renderSeedSql()).toBe(renderSeedSql());
  });

  it("is listed in the README: every demo account, and the table is current", () => {
    const readme = fs.readFileSync(readmePath, "utf8");
    expect(readme).toContain(renderReadmeTable());
    for (const user of DEMO_USERS) expect(readme).toContain(user.email);
    expect(readme).toContain(DEMO_PASSWORD);
  });

  it("uses only reference codes the schema knows and towns of the region", () => {
    const hilfearten = fs.readFileSync("supabase/migrations/20261125100000_create_reference_data.sql", "utf8");
    for (const org of DEMO_ORGS) {
      for (const code of [...org.hilfearten, ...org.gemeinden]) expect(hilfearten).toContain(`('${code}', '`);
      expect(org.email).toBe(`kontakt@${org.slug}.example`);
      expect(org.website).toBe(`https://${org.slug}.example`);
    }
    expect(new Set(DEMO_USERS.map((u) => u.id)).size).toBe(DEMO_USERS.length);
  });
});

describe("the seeded demo circle", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
    const report = await migrate(database, { seed: "always" });
    expect(report.seeded).toBe(true);
  });

  it("has every demo account, confirmed, with the demo password and a profile", async () => {
    const rows = await database.db
      .selectFrom("auth.users")
      .innerJoin("profiles", "profiles.user_id", "auth.users.id")
      .select(["auth.users.id", "auth.users.email", "email_confirmed_at", "encrypted_password", "full_name"])
      .execute();
    for (const user of DEMO_USERS) {
      const row = rows.find((r) => r.email === user.email);
      expect(row, user.email).toMatchObject({ id: user.id, full_name: user.fullName });
      expect(row!.email_confirmed_at).not.toBeNull();
    }
    // One hash for all accounts; checking it once checks them all.
    expect(new Set(rows.map((r) => r.encrypted_password)).size).toBe(1);
    expect(await verifyPassword(DEMO_PASSWORD, rows[0]!.encrypted_password)).toBe(true);
  });

  it("has the six Träger in the circle, freiraumwohnung coordinating", async () => {
    const members = await database.db
      .selectFrom("network_members")
      .innerJoin("organizations", "organizations.id", "network_members.org_id")
      .select(["slug", "name", "role", "status", "leitbild", "hilfearten", "gemeinden"])
      .where("network_id", "=", DEMO_NETWORK.id)
      .orderBy("joined_at", "desc")
      .execute();
    expect(members.map((m) => m.name).sort()).toEqual(
      [
        "richtungsWechsel",
        "KIZ Niederrhein",
        "Du & Ich e. V.",
        "freiraumwohnung GmbH",
        "Kinderleicht",
        "Lebenshilfe Dinslaken e. V.",
      ].sort(),
    );
    expect(members.filter((m) => m.role === "coordinator").map((m) => m.slug)).toEqual(["freiraumwohnung"]);
    expect(members.every((m) => m.status === "active" && m.leitbild.length > 100)).toBe(true);
    expect(members.every((m) => m.hilfearten.length > 0 && m.gemeinden.length > 0)).toBe(true);
    // "Neu im Kreis" has an order: the newest member first.
    expect(members[0]!.slug).toBe("lebenshilfe-dinslaken");
  });

  it("gives each Träger an owner, a coordinator and a member; owner and coordinator are Ansprechpersonen", async () => {
    for (const org of DEMO_ORGS) {
      const rows = await database.db
        .selectFrom("org_members")
        .innerJoin("profiles", "profiles.user_id", "org_members.user_id")
        .select(["email", "role", "is_contact_person", "contact_title"])
        .where("org_id", "=", org.id)
        .orderBy("email")
        .execute();
      expect(rows).toEqual([
        expect.objectContaining({ email: `admin@${org.slug}.example`, role: "owner", is_contact_person: true }),
        expect.objectContaining({ email: `koordination@${org.slug}.example`, role: "coordinator", is_contact_person: true }),
        expect.objectContaining({ email: `team@${org.slug}.example`, role: "member", is_contact_person: false }),
      ]);
    }
    const newcomer = await database.db
      .selectFrom("org_members")
      .select("org_id")
      .where("user_id", "=", demoUser("neu@traegerkreis.example").id)
      .execute();
    expect(newcomer).toEqual([]);
  });

  it("shows a member the whole circle through row-level security, and the coordinator the open join requests", async () => {
    const member = demoUser("team@kinderleicht.example");
    const visible = await asUser(member, (tx) => tx.selectFrom("organizations").select("slug").execute());
    expect(visible).toHaveLength(6);
    const hidden = await asUser(member, (tx) => tx.selectFrom("join_requests").select("id").execute());
    expect(hidden).toEqual([]);

    const coordinator = demoUser("koordination@freiraumwohnung.example");
    const requests = await asUser(coordinator, (tx) =>
      tx.selectFrom("join_requests").select(["id", "status"]).where("status", "=", "open").execute(),
    );
    expect(requests.map((r) => r.id).sort()).toEqual(DEMO_JOIN_REQUESTS.map((r) => r.id).sort());
    const notifications = await asUser(coordinator, (tx) =>
      tx.selectFrom("notifications").select(["kind", "data", "read_at"]).orderBy("created_at", "desc").execute(),
    );
    expect(notifications.length).toBeGreaterThanOrEqual(DEMO_JOIN_REQUESTS.length + 2);
    // Every demo notification reads as its kind's own text, not the generic one.
    for (const n of notifications) {
      expect(renderNotification(n.kind, n.data)).not.toEqual(fallbackNotificationText(n.kind));
    }
    expect(notifications.filter((n) => n.read_at === null).length).toBeGreaterThan(0);
  });

  it("queues the join-request mails for the coordinators, as the public form would", async () => {
    const rows = await sql<{ to: string }>`
      select payload->>'to' as to from private.outbox where payload->>'template' = 'join-request-received'
    `.execute(database.db);
    const coordinators = ["admin@freiraumwohnung.example", "koordination@freiraumwohnung.example"];
    expect(rows.rows.map((r) => r.to).sort()).toEqual(
      DEMO_JOIN_REQUESTS.flatMap(() => coordinators).sort(),
    );
    expect(demoOrg("freiraumwohnung").networkRole).toBe("coordinator");
  });

  it("prints the demo sign-ins when the accounts exist, and nothing otherwise", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await printDemoSignIns(database, true, "http://localhost:3105");
    expect(log).toHaveBeenCalledTimes(1);
    const printed = String(log.mock.calls[0]![0]);
    expect(printed).toContain("http://localhost:3105");
    expect(printed).toContain(DEMO_PASSWORD);
    for (const user of DEMO_USERS) expect(printed).toContain(user.email);
    expect(demoSignInsText(new Set(), { seeded: false, url: "x" })).toBe("");
  });

  it("finds the dev server's port in its command line", () => {
    expect(devServerUrl(["node", "remix", "vite:dev", "--port", "3105"])).toBe("http://localhost:3105");
    expect(devServerUrl(["node", "remix", "vite:dev", "--port=3001"])).toBe("http://localhost:3001");
    // `PORT=3513 npm run dev` (server/index.js): the port it listens on, unless APP_URL is set.
    expect(devServerUrl(["node", "server/index.js"], { PORT: "3513" })).toBe("http://localhost:3513");
    expect(devServerUrl(["node", "server/index.js"], { PORT: "3513", APP_URL: "https://kreis.example" })).not.toContain("3513");
  });
});
