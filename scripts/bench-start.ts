// npm run bench:start — how long `npm run dev` takes from the command to the first page answer
// (GET /anmelden → 200), with a fresh data directory (migrations + demo seed on the first request)
// and with an existing one. Each run starts the dev server on a private port with its own
// PGLITE_DIR, polls until the page answers, then ends the server's whole process group.
//
//   npm run bench:start                        3 runs each, port 3301, data in .data-bench-start/
//   npm run bench:start -- --runs 5 --port 3302 --dir .data-bench-start2
//
// Always on PGlite (DATABASE_URL is removed from the server's environment). Vite's dependency
// cache (node_modules/.vite) is left alone, so "fresh" means a fresh database, not a fresh checkout.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { median } from "./bench/stats";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    port: { type: "string", default: "3301" },
    dir: { type: "string", default: ".data-bench-start" },
    timeout: { type: "string", default: "180" },
    json: { type: "string" },
  },
});
const runs = Number(args.runs);
const port = Number(args.port);
const root = path.resolve(args.dir!);
const timeoutMs = Number(args.timeout) * 1000;
const pageUrl = `http://127.0.0.1:${port}/anmelden`;

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

/** Ends the dev server's process group (npm → sh → remix/vite → esbuild) and waits until it is gone. */
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
  void (running ? stop(running) : Promise.resolve()).finally(() => process.exit(130));
});

type Run = { mode: "fresh" | "existing"; run: number; listeningMs: number | null; firstPageMs: number; firstRequestMs: number };

async function startOnce(mode: Run["mode"], run: number, dataDir: string): Promise<Run> {
  if (await portInUse()) throw new Error(`port ${port} is in use; pass --port`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: path.join(dataDir, "pglite"),
    MAILBOX_DIR: path.join(dataDir, "mailbox"),
    NODE_ENV: "development",
    PORT: String(port),
  };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn("npm", ["run", "dev"], {
    env,
    detached: true, // its own process group, so stop() ends the whole tree
    stdio: ["ignore", "pipe", "pipe"],
  });
  running = child;
  let output = "";
  let listeningMs: number | null = null;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (listeningMs === null && /läuft auf http/.test(output)) listeningMs = performance.now() - t0;
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  let exited = false;
  child.once("exit", () => (exited = true));

  try {
    while (performance.now() - t0 < timeoutMs) {
      if (exited) throw new Error(`the dev server exited before answering:\n${output}`);
      const sent = performance.now();
      try {
        const response = await fetch(pageUrl, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`GET /anmelden answered ${response.status}:\n${output}`);
        const done = performance.now();
        return { mode, run, listeningMs, firstPageMs: done - t0, firstRequestMs: done - sent };
      } catch (error) {
        // Not listening yet: try again shortly. Anything else is a real failure.
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code !== "ECONNREFUSED" && code !== "ECONNRESET") throw error;
        await sleep(50);
      }
    }
    throw new Error(`no answer from ${pageUrl} within ${timeoutMs / 1000} s:\n${output}`);
  } finally {
    await stop(child);
    running = undefined;
  }
}

const seconds = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(2)} s`);

async function main() {
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive whole number");
  console.log(
    `[bench:start] npm run dev → GET /anmelden 200 · port ${port} · ${runs} run(s) each · ` +
      `Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  const results: Run[] = [];
  const existingDir = path.join(root, "existing");
  for (let run = 1; run <= runs; run++) {
    // Fresh: an empty data directory; the first request migrates and seeds the demo circle.
    const dir = path.join(root, "fresh");
    fs.rmSync(dir, { recursive: true, force: true });
    const result = await startOnce("fresh", run, dir);
    results.push(result);
    console.log(`  fresh    #${run}: first page ${seconds(result.firstPageMs)} (listening ${seconds(result.listeningMs)}, first request ${seconds(result.firstRequestMs)})`);
  }
  // Existing: the database the fresh runs left behind (migrated and seeded once).
  fs.rmSync(existingDir, { recursive: true, force: true });
  fs.renameSync(path.join(root, "fresh"), existingDir);
  for (let run = 1; run <= runs; run++) {
    const result = await startOnce("existing", run, existingDir);
    results.push(result);
    console.log(`  existing #${run}: first page ${seconds(result.firstPageMs)} (listening ${seconds(result.listeningMs)}, first request ${seconds(result.firstRequestMs)})`);
  }
  fs.rmSync(root, { recursive: true, force: true });

  const summary = (["fresh", "existing"] as const).map((mode) => {
    const of = results.filter((r) => r.mode === mode);
    return {
      mode,
      firstPageMs: median(of.map((r) => r.firstPageMs)),
      listeningMs: median(of.flatMap((r) => (r.listeningMs === null ? [] : [r.listeningMs]))),
      firstRequestMs: median(of.map((r) => r.firstRequestMs)),
    };
  });
  console.log("\n  data dir   first page (median)   server listening   first request");
  for (const s of summary) {
    console.log(
      `  ${s.mode.padEnd(9)}  ${seconds(s.firstPageMs).padStart(19)}   ${seconds(s.listeningMs).padStart(16)}   ${seconds(s.firstRequestMs).padStart(13)}`,
    );
  }
  console.log("\n  first page: from running `npm run dev` to the 200 of GET /anmelden (median of the runs).");
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify({ at: new Date().toISOString(), runs: results, summary }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(`[bench:start] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
