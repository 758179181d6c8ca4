// npm run bench — seeds 200 Träger and 2,000 users and measures the server time of the app's pages
// under concurrent signed-in users, on PGlite and (when DATABASE_URL is set) on that PostgreSQL
// server, in one run. Loaders are called directly, as the Remix server calls them (session cookie
// → requireUser → asUser), so the figures are the server's time without HTTP and rendering.
//
//   npm run bench                                   PGlite in a temporary directory
//   DATABASE_URL=postgres://… npm run bench         PGlite, then a fresh tk_bench_* database there
//   npm run bench -- --iterations 100 --explain     more samples; print EXPLAIN ANALYZE plans
//   npm run bench -- --case trainings --scale 0.1 --iterations 10 --seat-seconds 3   a quick look
//
// Options: --concurrency N (10) --iterations N (50 per user) --warmup N (5 per user)
//          --sql-iterations N (300) --only pglite|postgres --case <name> (repeatable) --explain
//          --json <file> --scale F (1: 50,000 cover requests, 10,000 trainings, …; 0.1 a tenth, 10 ten times)
//          --seat-seconds N (10) --seat-clients N (20)
//          --http-users N (20) --http-seconds N (15) --http-processes 1,2 (the http case: the
//          production server over HTTP with wrk; PostgreSQL target only, needs `npm run build`)
//          --http-html <dir> (the http case also writes each page's HTML there, to look at what it sends)
//          --http-think 0,1000 (the http case: each user's pause between a page and its next request, ms;
//          0 = every user asks again the moment the page arrives, a saturation test)
//          --statements <file> (the rls case appends each page's recorded statements there, one JSON
//          line per page: {page, user, statements: [{sql, parameters}]} — to replay one by hand)
//          --volume-plans sent|values (the volume case explains each read as the app sends it — prepared,
//          its seventh run, the plan production keeps — or with the values, a custom plan; default sent)
//          --keep (the PostgreSQL bench database is not dropped at the end; its URL is printed —
//          e.g. for scripts/bench-render.ts)
// Cases (run in this order): directory, cover-publish, cover-board, trainings, meetings, projects,
// calendar, notfall-push, volume, http. They live in
// scripts/bench/cases/ (registry in cases/index.ts).
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { useDatabaseForTests } from "../app/.server/db/index";
import { cases } from "./bench/cases";
import { table, writeResultsJson, type TargetResult } from "./bench/report";
import { keepServerDatabases, openPgliteTarget, openServerTarget, removeLeftovers, type OpenTarget } from "./bench/targets";
import type { BenchContext, BenchOptions } from "./bench/types";
import { TRAEGER_COUNT, PEOPLE_PER_TRAEGER } from "./bench/seed-circle";

const parsed = (() => {
  try {
    return parseArgs({
      options: {
        help: { type: "boolean", short: "h", default: false },
        concurrency: { type: "string", default: "10" },
        iterations: { type: "string", default: "50" },
        warmup: { type: "string", default: "5" },
        "sql-iterations": { type: "string", default: "300" },
        only: { type: "string" },
        case: { type: "string", multiple: true },
        explain: { type: "boolean", default: false },
        json: { type: "string" },
        scale: { type: "string", default: "1" },
        "seat-seconds": { type: "string", default: "10" },
        "seat-clients": { type: "string", default: "20" },
        "http-users": { type: "string", default: "20" },
        "http-seconds": { type: "string", default: "15" },
        "http-processes": { type: "string", default: "1,2" },
        "http-html": { type: "string" },
        "http-think": { type: "string", default: "0,1000" },
        keep: { type: "boolean", default: false },
        statements: { type: "string" },
        "volume-plans": { type: "string", default: "sent" },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n(npm run bench -- --help lists the options)`);
    process.exit(2);
  }
})();
const args = parsed.values;

if (args.help) {
  // The comment at the top of this file is the help text.
  const lines = fs.readFileSync(new URL(import.meta.url), "utf8").split("\n");
  const header = lines.slice(0, lines.findIndex((line) => !line.startsWith("//")));
  console.log(header.map((line) => line.replace(/^\/\/ ?/, "")).join("\n"));
  process.exit(0);
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}

function scaleOf(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!(n > 0 && n <= 100)) throw new Error(`--${name} must be a number in (0, 100]`);
  return n;
}

const options: BenchOptions = {
  concurrency: positive("concurrency", args.concurrency),
  iterations: positive("iterations", args.iterations),
  warmup: Number(args.warmup) || 0,
  sqlIterations: positive("sql-iterations", args["sql-iterations"]),
  explain: args.explain ?? false,
  scale: scaleOf("scale", args.scale),
  seatSeconds: positive("seat-seconds", args["seat-seconds"]),
  seatClients: positive("seat-clients", args["seat-clients"]),
  httpUsers: positive("http-users", args["http-users"]),
  httpSeconds: positive("http-seconds", args["http-seconds"]),
  httpProcesses: (args["http-processes"] ?? "1,2").split(",").map((n) => positive("http-processes", n)),
  httpHtmlDir: args["http-html"],
  statementsFile: args.statements,
  volumePlans: (() => {
    const value = args["volume-plans"];
    if (value !== "sent" && value !== "values") throw new Error("--volume-plans must be sent or values");
    return value;
  })(),
  httpThinkMs: (args["http-think"] ?? "0").split(",").map((n) => {
    const ms = Number(n);
    if (!Number.isInteger(ms) || ms < 0) throw new Error("--http-think must be whole milliseconds ≥ 0, comma-separated");
    return ms;
  }),
};

const log = (message: string) => console.log(message);
let interrupted = false;
process.once("SIGINT", () => {
  interrupted = true;
  // Connections the forced drop ends may throw from the driver's internals; nothing to report then.
  process.on("uncaughtException", () => {});
  console.error("\n[bench] interrupted, removing the bench databases …");
  void removeLeftovers({ force: true }).finally(() => process.exit(130));
});

async function main() {
  if (args.keep) keepServerDatabases();
  const selected = args.case?.length ? cases.filter((c) => args.case!.includes(c.name)) : cases;
  const unknown = (args.case ?? []).filter((name) => !cases.some((c) => c.name === name));
  if (unknown.length > 0) throw new Error(`no case named ${unknown.join(", ")}; known: ${cases.map((c) => c.name).join(", ")}`);

  const serverUrl = process.env.DATABASE_URL || undefined;
  const openers: Array<[string, () => Promise<OpenTarget>]> = [];
  if (args.only !== "postgres") openers.push(["PGlite", openPgliteTarget]);
  if (args.only !== "pglite") {
    if (serverUrl) openers.push(["PostgreSQL", () => openServerTarget(serverUrl)]);
    else if (args.only === "postgres") throw new Error("--only postgres needs DATABASE_URL");
    else log("[bench] DATABASE_URL is not set: PGlite only");
  }

  log(
    `[bench] ${TRAEGER_COUNT} Träger, ${(TRAEGER_COUNT * PEOPLE_PER_TRAEGER).toLocaleString("en")} users · ` +
      `${options.concurrency} concurrent users × ${options.iterations} requests (+${options.warmup} warm-up) per variant · ` +
      `Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
  );

  const results: TargetResult[] = [];
  for (const [name, openTarget] of openers) {
    const t0 = Date.now();
    log(`[bench] ${name}: migrating a fresh database …`);
    const target = await openTarget();
    // The app's loaders reach the database through getDatabase(); point it at this target.
    useDatabaseForTests(target.database);
    const ctx: BenchContext = { target, options, cache: new Map(), log };
    const measurements = [];
    for (const benchCase of selected) {
      const s0 = Date.now();
      await benchCase.seed(ctx);
      log(`[bench] ${target.label}: ${benchCase.name} seeded (${((Date.now() - s0) / 1000).toFixed(1)} s), measuring …`);
      measurements.push(...(await benchCase.run(ctx)));
    }
    results.push({ label: target.label, measurements });
    await target.dispose();
    log(`[bench] ${target.label}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  log(`\n${table(results)}\n`);
  log(
    "median/p95: server time of one loader call (session lookup + page data, no HTTP/rendering) while " +
      `${options.concurrency} users call it at once. RLS ratio: median of the page's SQL as the user ÷ as service_role.`,
  );
  if (args.json) {
    writeResultsJson(args.json, options, results);
  }
}

main()
  .catch((error: unknown) => {
    if (interrupted) return;
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => removeLeftovers());
