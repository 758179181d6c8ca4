// npm run bench:start — how long `npm run dev` takes from the command to the first page answer
// (GET /anmelden → 200) on an embedded PGlite database, and where that time goes. Three kinds of
// start, interleaved run by run (so a change in the machine's load touches all three alike):
//
//   no snapshot  an empty data directory and no snapshot: the database is created, migrated and
//                seeded (what the very first `npm run dev` of a checkout does); the bench waits
//                until the server has written its snapshot before it ends it
//   snapshot     an empty data directory with that snapshot (app/.server/db/snapshot.ts): what
//                every later fresh start does (after `npm run db:reset`, a deleted .data)
//   existing     the data directory the snapshot run left behind: an ordinary restart
//
// For each it reports the medians of: the command → node running (npm's own start), → Vite's dev
// server created, → the server build loaded, → database ready ("[db] Datenbank bereit."), →
// listening, → GET /anmelden 200 (Vite compiles the page's server modules on it), → that page's
// client modules and everything they import fetched (what a browser loads next: Vite transforms
// each on its first request).
//
//   npm run bench:start                        3 runs each, port 3301, data in .data-bench-start/
//   npm run bench:start -- --runs 5 --port 3510 --dir .data-bench-start2 --json start.json
//   npm run bench:start -- --modes snapshot    only some of no-snapshot,snapshot,existing
//   npm run bench:start -- --warmup            one untimed start per checkout first
//   npm run bench:start -- --cwd /tmp/before,.  the dev servers of several checkouts, interleaved
//                                              run by run (before/after under the same load)
//
// Always on PGlite (DATABASE_URL is removed from the server's environment). The snapshot lives in
// the bench's own directory (TK_SNAPSHOT_DIR), not in node_modules/.cache. Vite's dependency
// cache is kept, so "fresh" means a fresh database, not a fresh checkout; it is per checkout
// (TK_VITE_CACHE_DIR=<checkout>/.cache/vite-bench, see vite.config.ts), as Vite's key of the cache
// includes the project's path: checkouts sharing one node_modules would otherwise re-optimise
// each other's dependencies on every start.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { median } from "./bench/stats";

const MODES = ["no-snapshot", "snapshot", "existing"] as const;
type Mode = (typeof MODES)[number];

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    port: { type: "string", default: "3301" },
    dir: { type: "string", default: ".data-bench-start" },
    modes: { type: "string", default: MODES.join(",") },
    timeout: { type: "string", default: "180" },
    json: { type: "string" },
    warmup: { type: "boolean", default: false },
    cwd: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (args.help) {
  console.log(
    "npm run bench:start -- [--runs 3] [--port 3301] [--dir .data-bench-start] [--modes no-snapshot,snapshot,existing] [--timeout 180] [--json file] [--cwd checkout,checkout] [--warmup]",
  );
  process.exit(0);
}
const runs = Number(args.runs);
const port = Number(args.port);
const root = path.resolve(args.dir!);
const timeoutMs = Number(args.timeout) * 1000;
const pageUrl = `http://127.0.0.1:${port}/anmelden`;
const modes = args.modes!.split(",").map((m) => m.trim()) as Mode[];
for (const m of modes)
  if (!MODES.includes(m))
    throw new Error(`unknown mode ${m}; one of ${MODES.join(", ")}`);
const checkouts = (args.cwd ?? ".")
  .split(",")
  .map((c) => path.resolve(c.trim()));
type Checkout = {
  dir: string;
  name: string;
  snapshotDir: string;
  dataDir: string;
};
const targets: Checkout[] = checkouts.map((dir, i) => ({
  dir,
  name: checkouts.length > 1 ? `${path.basename(dir)} ` : "",
  snapshotDir: path.join(root, String(i), "snapshot"),
  dataDir: path.join(root, String(i), "data"),
}));

function portInUse(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ends the dev server's process group (npm → sh → node → esbuild) and waits until it is gone. */
async function stop(child: ChildProcess) {
  const pid = child.pid!;
  if (!groupAlive(pid)) return;
  process.kill(-pid, "SIGTERM");
  for (let i = 0; i < 100 && groupAlive(pid); i++) await sleep(100);
  if (groupAlive(pid)) {
    process.kill(-pid, "SIGKILL");
    for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
  }
}

let running: ChildProcess | undefined;
process.once("SIGINT", () => {
  void (running ? stop(running) : Promise.resolve()).finally(() =>
    process.exit(130),
  );
});

/** The steps, in the order they usually happen; each is ms since the command was started. */
const STEPS = [
  "node",
  "vite",
  "build",
  "database",
  "listening",
  "page",
  "modules",
] as const;
type Step = (typeof STEPS)[number];
const STEP_LABELS: Record<Step, string> = {
  node: "node",
  vite: "vite",
  build: "build",
  database: "db ready",
  listening: "listening",
  page: "page 200",
  modules: "+modules",
};
type Run = {
  checkout: string;
  mode: Mode;
  run: number;
  at: Partial<Record<Step, number>>;
  modules?: number;
  failedModules?: string[];
  snapshotWritten?: boolean;
};

const snapshotFiles = ({ snapshotDir }: Checkout) =>
  fs.existsSync(snapshotDir)
    ? fs
        .readdirSync(snapshotDir)
        .filter((f) => f.startsWith("pglite-") && !f.endsWith(".partial"))
    : [];

/** Same-origin module URLs in a page or module: module preloads, static and dynamic imports. */
function moduleUrls(text: string): string[] {
  const urls = new Set<string>();
  for (const m of text.matchAll(/<link rel="modulepreload" href="(\/[^"]+)"/g))
    urls.add(m[1]!);
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*"(\/[^"]+)"/g))
    urls.add(m[1]!);
  return [...urls];
}

/** Fetches the page's modules and everything they import, as a browser does (Vite transforms each on its first request). */
async function fetchModules(
  html: string,
): Promise<{ count: number; failed: string[] }> {
  const seen = new Set<string>();
  const failed: string[] = [];
  let queue = moduleUrls(html);
  while (queue.length > 0) {
    const next: string[] = [];
    await Promise.all(
      queue
        .filter((url) => !seen.has(url) && seen.add(url))
        .map(async (url) => {
          const response = await fetch(new URL(url, pageUrl), {
            signal: AbortSignal.timeout(timeoutMs),
          });
          const body = await response.text();
          if (response.status !== 200) failed.push(`${url} ${response.status}`);
          else if (
            /javascript/.test(response.headers.get("content-type") ?? "")
          )
            next.push(...moduleUrls(body));
        }),
    );
    queue = next;
  }
  return { count: seen.size, failed };
}

async function startOnce(
  target: Checkout,
  mode: Mode,
  run: number,
): Promise<Run> {
  const { dataDir, snapshotDir } = target;
  if (await portInUse()) throw new Error(`port ${port} is in use; pass --port`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: path.join(dataDir, "pglite"),
    MAILBOX_DIR: path.join(dataDir, "mailbox"),
    TK_SNAPSHOT_DIR: snapshotDir,
    TK_START_TIMING: "1",
    TK_VITE_CACHE_DIR: path.join(target.dir, ".cache", "vite-bench"),
    NODE_ENV: "development",
    PORT: String(port),
  };
  delete env.DATABASE_URL;
  const at: Run["at"] = {};
  const t0 = performance.now();
  const child = spawn("npm", ["run", "dev"], {
    cwd: target.dir,
    env,
    detached: true, // its own process group, so stop() ends the whole tree
    stdio: ["ignore", "pipe", "pipe"],
  });
  running = child;
  let output = "";
  let pending = "";
  const onData = (chunk: Buffer) => {
    const now = performance.now() - t0;
    output += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      const step = /^\[start\] (node|vite|build) /.exec(line)?.[1] as
        Step | undefined;
      if (step) at[step] ??= now;
      if (/^\[db\] Datenbank bereit/.test(line)) at.database ??= now;
      if (/läuft auf http/.test(line)) at.listening ??= now;
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  let exited = false;
  child.once("exit", () => (exited = true));

  try {
    while (performance.now() - t0 < timeoutMs) {
      if (exited)
        throw new Error(`the dev server exited before answering:\n${output}`);
      let html: string;
      try {
        const response = await fetch(pageUrl, {
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
        html = await response.text();
        if (response.status !== 200)
          throw new Error(
            `GET /anmelden answered ${response.status}:\n${output}`,
          );
      } catch (error) {
        // Not listening yet: try again shortly. Anything else is a real failure.
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code !== "ECONNREFUSED" && code !== "ECONNRESET") throw error;
        await sleep(50);
        continue;
      }
      at.page = performance.now() - t0;
      const modules = await fetchModules(html);
      at.modules = performance.now() - t0;
      const result: Run = {
        checkout: target.name.trim(),
        mode,
        run,
        at,
        modules: modules.count,
        failedModules: modules.failed,
      };
      if (mode === "no-snapshot") {
        // The next run starts from the snapshot this one writes shortly after it listens.
        for (
          let i = 0;
          i < 1200 && snapshotFiles(target).length === 0 && !exited;
          i++
        )
          await sleep(100);
        result.snapshotWritten = snapshotFiles(target).length > 0;
      }
      return result;
    }
    throw new Error(
      `no answer from ${pageUrl} within ${timeoutMs / 1000} s:\n${output}`,
    );
  } finally {
    await stop(child);
    running = undefined;
  }
}

const labelWidth = 16 + Math.max(0, ...targets.map((t) => t.name.length));
const seconds = (ms: number | undefined) =>
  ms === undefined || Number.isNaN(ms) ? "–" : `${(ms / 1000).toFixed(2)} s`;
const row = (label: string, at: Partial<Record<Step, number>>) =>
  `  ${label.padEnd(labelWidth)}${STEPS.map((s) => seconds(at[s]).padStart(11)).join("")}`;
const header = () =>
  `  ${"".padEnd(14)}${STEPS.map((s) => STEP_LABELS[s].padStart(11)).join("")}`;

async function main() {
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error("--runs must be a positive whole number");
  console.log(
    `[bench:start] npm run dev → GET /anmelden 200 · port ${port} · ${runs} run(s) of ${modes.join(", ")} · ` +
      `Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log("  times from running `npm run dev` (each step done):\n");
  console.log(header());
  const results: Run[] = [];
  fs.rmSync(root, { recursive: true, force: true });
  // One start per checkout that is not timed: Vite optimises the dependencies into an empty cache.
  if (args.warmup) for (const target of targets) await startOnce(target, "no-snapshot", 0);
  for (let run = 1; run <= runs; run++) {
    for (const target of targets) {
      for (const mode of modes) {
        const { dataDir, snapshotDir } = target;
        if (mode === "no-snapshot")
          fs.rmSync(snapshotDir, { recursive: true, force: true });
        if (mode === "snapshot" && snapshotFiles(target).length === 0) {
          // No no-snapshot run before this one: make the snapshot with a start that is not timed.
          fs.rmSync(dataDir, { recursive: true, force: true });
          await startOnce(target, "no-snapshot", 0);
        }
        if (mode !== "existing")
          fs.rmSync(dataDir, { recursive: true, force: true });
        else if (!fs.existsSync(path.join(dataDir, "pglite", "PG_VERSION")))
          await startOnce(target, "no-snapshot", 0);
        const result = await startOnce(target, mode, run);
        results.push(result);
        console.log(
          row(`${target.name}${mode} #${run}`, result.at) +
            `  ${result.modules} modules` +
            (result.failedModules?.length
              ? `, ${result.failedModules.length} failed (${result.failedModules[0]})`
              : "") +
            (result.snapshotWritten === false ? "  (no snapshot written)" : ""),
        );
      }
    }
  }
  fs.rmSync(root, { recursive: true, force: true });

  const summary = targets.flatMap((target) =>
    modes.map((mode) => {
      const of = results.filter(
        (r) => r.mode === mode && r.checkout === target.name.trim(),
      );
      const at: Partial<Record<Step, number>> = {};
      for (const step of STEPS) {
        const values = of.flatMap((r) =>
          r.at[step] === undefined ? [] : [r.at[step]!],
        );
        if (values.length > 0) at[step] = median(values);
      }
      return { checkout: target.name.trim(), mode, at };
    }),
  );
  console.log(
    `\n  medians of ${runs} run(s), load now ${os.loadavg()[0]!.toFixed(1)}:\n`,
  );
  console.log(header());
  for (const s of summary)
    console.log(row(`${s.checkout ? `${s.checkout} ` : ""}${s.mode}`, s.at));
  console.log(
    "\n  node: npm started node · vite: Vite's dev server created · build: the server build loaded ·" +
      "\n  db ready: migrated/seeded or loaded · page 200: GET /anmelden answered ·" +
      "\n  +modules: the page's client modules and all they import fetched (what a browser loads next)",
  );
  if (args.json) {
    fs.writeFileSync(
      args.json,
      `${JSON.stringify({ at: new Date().toISOString(), loadavg: os.loadavg(), runs: results, summary }, null, 2)}\n`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(
    `[bench:start] failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
});
