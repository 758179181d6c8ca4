// A fresh embedded database in development from a snapshot (issue 14: fresh `npm run dev` start).
// Creating a PGlite database, applying every migration and seeding the demo circle takes most of
// a fresh start. The first fresh start on a machine does that and then keeps a snapshot of the
// result (PGlite's dumpDataDir, gzip) in node_modules/.cache/traegerkreis/; a later fresh start
// (after `npm run db:reset`, a new PGLITE_DIR, a deleted .data) with the same migrations, shim,
// seed and PGlite version, on the same day, loads it instead. The key includes the date because
// the demo data is relative to now() ("published an hour ago"): a snapshot is never older than a
// database created the same morning. Development only; tests, the Playwright server and
// production always build from the migrations.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { migrationsDir, seedFile, shimDir } from "./migrate";
import type { Database } from "./connection";

// TK_SNAPSHOT_DIR moves it (npm run bench:start keeps its own, to time starts with and without one).
const cacheDir = process.env.TK_SNAPSHOT_DIR
  ? path.resolve(process.env.TK_SNAPSHOT_DIR)
  : path.join(path.dirname(migrationsDir), "..", "node_modules", ".cache", "traegerkreis");

function filesOf(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort().map((f) => path.join(dir, f)) : [];
}

/** The snapshot file for the current migrations, shim, seed, PGlite version and day. */
export function snapshotPath(): string {
  const hash = createHash("sha256");
  for (const file of [...filesOf(shimDir), ...filesOf(migrationsDir), seedFile]) {
    hash.update(path.basename(file));
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  }
  const pglite = path.join(path.dirname(migrationsDir), "..", "node_modules", "@electric-sql", "pglite", "package.json");
  if (fs.existsSync(pglite)) hash.update(fs.readFileSync(pglite));
  hash.update(new Date().toISOString().slice(0, 10));
  return path.join(cacheDir, `pglite-${hash.digest("hex").slice(0, 16)}.tar.gz`);
}

/** The snapshot as a Blob for PGlite's loadDataDir, if there is one. */
export function readSnapshot(file: string): Blob | undefined {
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/** Keeps a snapshot of a freshly migrated and seeded database (after start-up, off the hot path). */
export async function writeSnapshot(database: Database, file: string): Promise<void> {
  if (!database.pglite) return;
  const dump = await database.pglite.dumpDataDir("gzip");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Old snapshots (other migrations, other days) are of no use any more.
  for (const old of fs.readdirSync(path.dirname(file))) {
    if (old.startsWith("pglite-") && path.join(path.dirname(file), old) !== file) fs.rmSync(path.join(path.dirname(file), old), { force: true });
  }
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, file);
}
