// The Protokoll showed raw event names (`cover.offer_accepted`). Every action
// the database writes — read from the source of every function of the migrated database, so a
// function another migration adds is covered too — and every action the app writes must have a
// German label.
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "~/i18n/audit";
import { freshDatabase } from "../helpers/db";

const ACTION = /audit\(\s*'([a-z_]+\.[a-z_]+)'/g;

function actionsIn(source: string): string[] {
  return [...source.matchAll(ACTION)].map((m) => m[1]!);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("audit action labels", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it("reads the actions out of the functions (the check itself works)", () => {
    expect(actionsIn("perform private.audit('cover.published', req.org_id, …)")).toEqual(["cover.published"]);
  });

  it("has a German label for every action a database function writes", async () => {
    const result = await sql<{ src: string }>`
      select p.prosrc as src from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private') and p.prosrc like '%audit(%'`.execute(database.db);
    const actions = [...new Set(result.rows.flatMap((r) => actionsIn(r.src)))].sort();
    expect(actions.length).toBeGreaterThan(15);
    expect(actions.filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([]);
  });

  it("has a German label for every action the app writes into audit_log itself", () => {
    const root = path.resolve(__dirname, "../../app");
    const written = filesUnder(root)
      .map((file) => fs.readFileSync(file, "utf8"))
      .filter((source) => source.includes('"audit_log"'))
      .flatMap((source) => [...source.matchAll(/action:\s*"([a-z_]+\.[a-z_]+)"/g)].map((m) => m[1]!));
    expect(written).toContain("auth.sign_in");
    expect(written.filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([]);
  });

  it("never shows a code to a reader", () => {
    expect(auditActionLabel("cover.offer_accepted")).toBe("Angebot angenommen");
    expect(auditActionLabel("something.unknown")).toBe("Änderung");
  });
});
