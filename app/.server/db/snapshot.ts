// A fresh embedded database in development from a snapshot (issue 14: fresh `npm run dev` start).
// Creating a PGlite database, applying every migration and seeding the demo circle takes most of
// a fresh start. The first fresh start on a machine does that and then keeps a copy of the
// resulting data directory in node_modules/.cache/traegerkreis/; a later fresh start (after
// `npm run db:reset`, a new PGLITE_DIR, a deleted .data) with the same migrations, shim, seed and
// PGlite version, on the same day, copies it into place and opens it like any existing database.
// A plain copy, not PGlite's dumpDataDir/loadDataDir tarball: copying 45 MB takes a fraction of a
// second, while loading the gzip tarball (unpacked in WebAssembly, on the thread that also
// compiles the app) took 3–4 s of a fresh start. The key includes the date because the demo data
// is relative to now() ("published an hour ago", upcoming trainings, the next meeting's poll on
// Wednesdays): a snapshot is never older than a database created the same morning. Development
// only; tests, the Playwright server and production always build from the migrations.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { migrationsDir, seedFile, shimDir } from "./migrate";
import type { Database } from "./connection";

// TK_SNAPSHOT_DIR moves it (npm run bench:start keeps its own, to time starts with and without one).
const cacheDir = process.env.TK_SNAPSHOT_DIR
  ? path.resolve(process.env.TK_SNAPSHOT_DIR)
  : path.join(path.dirname(migrationsDir), "..", "node_modules", ".cache", "traegerkreis");

/** PostgreSQL's lock file of the running instance: not part of a copy. */
const LOCK_FILE = "postmaster.pid";

function filesOf(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort().map((f) => path.join(dir, f)) : [];
}

/** The snapshot directory for the current migrations, shim, seed, PGlite version and day. */
export function snapshotPath(): string {
  const hash = createHash("sha256");
  for (const file of [...filesOf(shimDir), ...filesOf(migrationsDir), seedFile]) {
    hash.update(path.basename(file));
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  }
  const pglite = path.join(path.dirname(migrationsDir), "..", "node_modules", "@electric-sql", "pglite", "package.json");
  if (fs.existsSync(pglite)) hash.update(fs.readFileSync(pglite));
  hash.update(new Date().toISOString().slice(0, 10));
  return path.join(cacheDir, `pglite-${hash.digest("hex").slice(0, 16)}`);
}

/**
 * Copies the snapshot into the (absent or empty) data directory; false when there is none. A
 * snapshot is complete once its directory has its final name (writeSnapshot renames it last).
 */
export function restoreSnapshot(snapshot: string, dataDir: string): boolean {
  if (!fs.existsSync(path.join(snapshot, "PG_VERSION"))) return false;
  const target = path.resolve(dataDir);
  const partial = `${target}.${process.pid}.partial`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(snapshot, partial, { recursive: true });
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(partial, target);
    return true;
  } catch {
    // A snapshot removed meanwhile (another checkout's start cleaning up): build it as usual.
    fs.rmSync(partial, { recursive: true, force: true });
    return false;
  }
}

/**
 * Keeps a copy of a freshly migrated and seeded database (after start-up, off the hot path). After
 * a checkpoint the files are copied synchronously: PGlite runs on this thread, so nothing writes
 * to them meanwhile, and the copy is what PGlite's own dumpDataDir would read.
 */
export async function writeSnapshot(database: Database, dataDir: string, snapshot: string): Promise<void> {
  if (!database.pglite) return;
  const source = path.resolve(dataDir);
  const partial = `${snapshot}.${process.pid}.partial`;
  await database.withScriptRunner(async (runner) => {
    await runner.exec("checkpoint");
    fs.mkdirSync(path.dirname(snapshot), { recursive: true });
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(source, partial, { recursive: true, filter: (file) => path.basename(file) !== LOCK_FILE });
  });
  // Old snapshots (other migrations, other days, the earlier tarballs) are of no use any more.
  for (const old of fs.readdirSync(path.dirname(snapshot))) {
    const file = path.join(path.dirname(snapshot), old);
    if (old.startsWith("pglite-") && file !== snapshot && file !== partial) fs.rmSync(file, { recursive: true, force: true });
  }
  fs.rmSync(snapshot, { recursive: true, force: true });
  fs.renameSync(partial, snapshot);
}
