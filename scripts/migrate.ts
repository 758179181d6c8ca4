// Migrates the database named by DATABASE_URL with the app's own runner: the local Supabase shim
// (where the database is not Supabase), then every pending file of supabase/migrations.
// No demo data unless `--seed` is given. Used by scripts/pgtap.sh and CI.
//
//   DATABASE_URL=postgres://… tsx scripts/migrate.ts [--seed]
import { openPostgres } from "../app/.server/db/connection";
import { migrate } from "../app/.server/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("scripts/migrate.ts: DATABASE_URL is not set (postgres://user@host:port/database).");
  process.exit(2);
}

const database = openPostgres(url, { max: 1 });
try {
  const report = await migrate(database, { seed: process.argv.includes("--seed") ? "always" : "never" });
  const name = new URL(url).pathname.slice(1);
  console.log(
    `[migrate] ${name}: ${report.applied.length} migration(s) applied${report.seeded ? ", demo data seeded" : ""}`,
  );
} catch (error) {
  console.error(`[migrate] failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
