// Applies the schema: the local Supabase shim (only where the database is not Supabase), then
// every file of supabase/migrations in order, each once, recorded where the Supabase CLI records
// them (supabase_migrations.schema_migrations), so `supabase db push` and this runner agree.
import fs from "node:fs";
import path from "node:path";
import type { Database, ScriptRunner } from "./connection";

const root = process.cwd();
export const migrationsDir = path.join(root, "supabase", "migrations");
export const shimDir = path.join(root, "supabase", "local");
export const seedFile = path.join(root, "supabase", "seed.sql");

// Any constant shared by all app instances; serialises concurrent migration runs on one server.
const MIGRATION_LOCK = 727_001;

function sqlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();
}

/**
 * Whether THIS database is a Supabase database: Supabase Auth (GoTrue) keeps its own migration
 * table and the identities table in the database's `auth` schema; the local shim creates neither.
 * Roles are cluster-wide (a `supabase_admin` role says nothing about the database we are in: a
 * plain database on a server that also hosts a Supabase-shaped one would be taken for Supabase
 * and migrated without the shim).
 */
export async function isSupabase(runner: ScriptRunner): Promise<boolean> {
  const rows = await runner.query<{ supabase: boolean }>(
    "select (to_regclass('auth.schema_migrations') is not null and to_regclass('auth.identities') is not null) as supabase",
  );
  return Boolean(rows[0]?.supabase);
}

export type MigrationReport = { applied: string[]; fresh: boolean; seeded: boolean };

/** A start-up step, with its German line for the server's output. */
export type MigrationProgress =
  | { step: "creating"; message: string }
  | { step: "migrating"; message: string; pending: number }
  | { step: "seeding"; message: string }
  | { step: "done"; message: string; applied: number };

export async function migrate(
  database: Database,
  options: {
    seed: "never" | "if-fresh" | "always";
    onProgress?: (progress: MigrationProgress) => void;
    /** The caller already knows (and said) that the database was just created (PGlite). */
    fresh?: boolean;
  } = { seed: "never" },
): Promise<MigrationReport> {
  const progress = options.onProgress ?? (() => {});
  return database.withScriptRunner(async (runner) => {
    await runner.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      const recorded = await runner.query<{ exists: boolean }>(
        "select to_regclass('supabase_migrations.schema_migrations') is not null as exists",
      );
      if (!recorded[0]?.exists && options.fresh === undefined) {
        progress({ step: "creating", message: "Datenbank wird angelegt …" });
      }
      if (!(await isSupabase(runner))) {
        for (const file of sqlFiles(shimDir)) {
          await runner.exec(fs.readFileSync(path.join(shimDir, file), "utf8"));
        }
      }
      await runner.exec(`
        create schema if not exists supabase_migrations;
        create table if not exists supabase_migrations.schema_migrations (
          version text primary key, statements text[], name text
        );
      `);
      const done = new Set(
        (await runner.query<{ version: string }>("select version from supabase_migrations.schema_migrations")).map(
          (r) => r.version,
        ),
      );
      const fresh = done.size === 0;
      const applied: string[] = [];
      const pending = sqlFiles(migrationsDir).filter((file) => {
        const version = file.split("_")[0];
        return version && !done.has(version);
      });
      if (pending.length > 0) {
        progress({
          step: "migrating",
          message: `Migrationen werden angewendet … (${pending.length})`,
          pending: pending.length,
        });
      }
      for (const file of pending) {
        const [version, ...rest] = file.replace(/\.sql$/, "").split("_");
        if (!version) continue;
        const script = fs.readFileSync(path.join(migrationsDir, file), "utf8");
        await runner.exec("begin");
        try {
          await runner.exec(script);
          await runner.query("insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)", [
            version,
            rest.join("_"),
          ]);
          await runner.exec("commit");
        } catch (error) {
          await runner.exec("rollback");
          throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(file);
      }
      let seeded = false;
      if (options.seed === "always" || (options.seed === "if-fresh" && fresh)) {
        if (fs.existsSync(seedFile)) {
          progress({ step: "seeding", message: "Demo-Kreis wird angelegt …" });
          await runner.exec(fs.readFileSync(seedFile, "utf8"));
          seeded = true;
        }
      }
      progress({ step: "done", message: "Datenbank bereit.", applied: applied.length });
      return { applied, fresh, seeded };
    } finally {
      await runner.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  });
}

/**
 * Drops everything the app created so `migrate` can start from nothing. On a Supabase database the
 * auth schema belongs to Supabase and stays.
 */
export async function dropAll(database: Database): Promise<void> {
  await database.withScriptRunner(async (runner) => {
    const supabase = await isSupabase(runner);
    await runner.exec(`
      drop schema if exists supabase_migrations cascade;
      drop schema if exists private cascade;
      drop schema if exists public cascade;
      create schema public;
      grant usage on schema public to public;
      ${supabase ? "" : "drop schema if exists auth cascade;"}
    `);
  });
}
