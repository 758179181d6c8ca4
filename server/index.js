// The entry of `npm run dev`, `npm start` and the Playwright server. Usually it just runs one app
// process (server/app-process.js). In production on a PostgreSQL server (DATABASE_URL set) it can
// run one app process per core with Node's cluster module: WEB_CONCURRENCY=auto (one per core) or
// a number; unset or 1 is one process (the default; decision 019). The embedded PGlite database
// belongs to one process and cannot be shared, so without DATABASE_URL, and in development, it is
// always one process.
//
// In a cluster the first process starts alone: it migrates the database and then listens; only
// then the others start (the migration runs once, behind its advisory lock anyway). The first
// process also runs the outbox worker and the periodic jobs; the others run neither
// (OUTBOX_WORKER=off), so mail delivery and jobs still run exactly once per installation (their
// rows are taken with `for update skip locked`, so even several instances would not send twice).
// A process that ends is started again in the same role; SIGINT/SIGTERM end all of them.
import cluster from "node:cluster";
import os from "node:os";

function processCount() {
  const raw = process.env.WEB_CONCURRENCY;
  if (process.env.NODE_ENV !== "production" || !process.env.DATABASE_URL || !raw) return 1;
  const n = raw === "auto" ? os.availableParallelism() : Number(raw);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 32) : 1;
}

const count = cluster.isPrimary ? processCount() : 1;

if (!cluster.isPrimary || count === 1) {
  await import("./app-process.js");
} else {
  let stopping = false;
  /** @type {Map<number, "first" | "other">} */
  const roles = new Map();

  /** @param {"first" | "other"} role */
  const start = (role) => {
    const env = { TK_CLUSTER_ROLE: role, TK_CLUSTER_SIZE: String(count) };
    if (role === "other") env.OUTBOX_WORKER = "off";
    const worker = cluster.fork(env);
    roles.set(worker.id, role);
    return worker;
  };

  cluster.on("exit", (worker, code, signal) => {
    const role = roles.get(worker.id) ?? "other";
    roles.delete(worker.id);
    if (stopping) {
      if (roles.size === 0) process.exit(0);
      return;
    }
    console.error(`[cluster] Prozess ${worker.process.pid} beendet (${signal ?? code}); er wird neu gestartet.`);
    setTimeout(() => start(role), 1000);
  });

  const first = start("first");
  first.once("listening", () => {
    for (let i = 1; i < count; i++) start("other");
  });

  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    // Give them a moment; then leave anyway.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
