// Rebuilds the configured database from nothing: the shim where needed, every migration in
// order, the demo data (supabase/seed.sql). Also empties the dev mailbox, whose mails would
// point at tokens that no longer exist.
//
//   npm run db:reset                             embedded PGlite in PGLITE_DIR (default .data/pglite)
//   DATABASE_URL=postgres://… npm run db:reset   that server: drops the app's schemas first
//
// Stop the dev server first when it runs on the embedded database: PGlite has one owner.
// Refuses to run with NODE_ENV=production unless --force is given.
import fs from "node:fs";
import path from "node:path";
import { openPglite, openPostgres, type Database } from "../app/.server/db/connection";
import { dropAll, migrate } from "../app/.server/db/migrate";
import { printDemoSignIns } from "../app/.server/db/demo";
import { env } from "../app/.server/env";

function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
}

async function main(): Promise<number> {
  const config = env();
  if (config.NODE_ENV === "production" && !process.argv.includes("--force")) {
    console.error(
      "[db:reset] NODE_ENV=production: refusing to wipe the database. Run with --force if you really mean it.",
    );
    return 1;
  }

  let database: Database;
  let target: string;
  if (config.DATABASE_URL) {
    target = `PostgreSQL ${describeUrl(config.DATABASE_URL)}`;
    database = openPostgres(config.DATABASE_URL, { max: 1 });
  } else {
    const dir = path.resolve(config.PGLITE_DIR);
    target = `PGlite ${path.relative(process.cwd(), dir) || dir}`;
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`[db:reset] ${target}: removed`);
    database = await openPglite({ dataDir: dir });
  }

  try {
    if (database.kind === "postgres") {
      await dropAll(database);
      console.log(`[db:reset] ${target}: dropped the app's schemas`);
    }
    const mailbox = path.resolve(config.MAILBOX_DIR);
    if (fs.existsSync(mailbox)) {
      fs.rmSync(mailbox, { recursive: true, force: true });
      console.log(`[db:reset] dev mailbox ${path.relative(process.cwd(), mailbox)}: emptied`);
    }
    const report = await migrate(database, { seed: "always" });
    console.log(
      `[db:reset] ${target}: ${report.applied.length} migration(s) applied, ` +
        (report.seeded ? "demo data seeded" : "no supabase/seed.sql, nothing seeded"),
    );
    await printDemoSignIns(database, report.seeded, config.APP_URL);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`[db:reset] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
