// Where the bench runs: a fresh PGlite in a temporary directory (always), and a fresh database on
// the PostgreSQL server named by DATABASE_URL (when set). The server database is created for the
// run (tk_bench_<random>) and dropped afterwards; the database DATABASE_URL names is only used to
// issue `create database` / `drop database`, its data is never touched.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { openPglite, openPostgres, preparesStatements, type Database } from "../../app/.server/db/connection";
import { migrate } from "../../app/.server/db/migrate";
import type { Target } from "./types";

export type OpenTarget = Target & {
  /** Closes the connections and removes the database. */
  dispose(): Promise<void>;
};

/** What exists on disk or on the server right now, from its creation on (also while migrating). */
const leftovers = new Map<string, { remove: () => Promise<void>; dispose?: () => Promise<void> }>();

/**
 * Removes every bench database still there: after a failure by closing it first (given a few
 * seconds: a failed run may leave transactions in flight), on Ctrl-C (`force`) at once, ending
 * connections still in use.
 */
export async function removeLeftovers(options: { force?: boolean } = {}) {
  const entries = [...leftovers.values()];
  leftovers.clear();
  await Promise.all(
    entries.map(async ({ remove, dispose }) => {
      if (dispose && !options.force) {
        const closed = await Promise.race([
          dispose().then(() => true),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000).unref()),
        ]).catch(() => false);
        if (closed) return;
      }
      await remove().catch((e) => console.error(`[bench] cleanup: ${e}`));
    }),
  );
}

async function prepare(label: string, database: Database, key: string, remove: () => Promise<void>): Promise<OpenTarget> {
  let done = false;
  const dispose = async () => {
    if (done) return;
    done = true;
    leftovers.delete(key);
    await database.close().catch(() => {});
    await remove();
  };
  try {
    await migrate(database, { seed: "never" });
  } catch (error) {
    await dispose();
    throw error;
  }
  leftovers.set(key, { remove, dispose });
  return { label, database, dispose };
}

export async function openPgliteTarget(): Promise<OpenTarget> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tk-bench-"));
  const remove = async () => fs.rmSync(dir, { recursive: true, force: true });
  leftovers.set(dir, { remove });
  const database = await openPglite({ dataDir: path.join(dir, "pglite") });
  return prepare("PGlite", database, dir, remove);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(url: string, statement: string) {
  const admin = openPostgres(url, { max: 1 });
  try {
    await admin.withScriptRunner((r) => r.exec(statement));
  } finally {
    await admin.close();
  }
}

let keepServerDatabase = false;
/** `--keep`: the server's bench database stays (seeded) for a look or scripts/bench-render.ts. */
export function keepServerDatabases() {
  keepServerDatabase = true;
}

export async function openServerTarget(url: string): Promise<OpenTarget> {
  const name = `tk_bench_${randomBytes(6).toString("hex")}`;
  // `with (force)` ends sessions still connected to it (the pool's, after an interrupt).
  const remove = async () => {
    if (keepServerDatabase) console.log(`[bench] kept the database: DATABASE_URL=${withDatabase(url, name)}`);
    else await onServer(url, `drop database if exists ${name} with (force)`);
  };
  leftovers.set(name, { remove });
  await onServer(url, `create database ${name}`);
  // The app's pool size (connection.ts default), so 10 concurrent users get what they would get;
  // prepared statements as the app's setting says (DATABASE_PREPARE=off to compare without).
  const setting = process.env.DATABASE_PREPARE === "on" || process.env.DATABASE_PREPARE === "off" ? process.env.DATABASE_PREPARE : "auto";
  const prepareStatements = preparesStatements(url, setting);
  // Plans as the app's setting says (DATABASE_PLANS=auto to compare with PostgreSQL's own choice).
  const genericPlans = process.env.DATABASE_PLANS !== "auto";
  // Connections live as long as the run: a 100× seed writes for about an hour on one connection
  // and its temporary tables would go with a connection postgres.js recycled.
  const database = openPostgres(withDatabase(url, name), { prepare: prepareStatements, genericPlans, maxLifetimeSeconds: null });
  const target = await prepare("PostgreSQL", database, name, remove);
  target.connect = (max) =>
    openPostgres(withDatabase(url, name), { max, prepare: prepareStatements, genericPlans, maxLifetimeSeconds: null });
  target.url = withDatabase(url, name);
  const version = await database.withScriptRunner((r) => r.query<{ server_version: string }>("show server_version"));
  target.label = `PostgreSQL ${version[0]?.server_version.split(" ")[0] ?? ""}`.trim();
  return target;
}
