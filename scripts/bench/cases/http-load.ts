// The production server under load (issue 14): `node server/index.js` (NODE_ENV=production, the
// build in build/) against the bench database, driven over HTTP by wrk (a separate process; Debian:
// `apt-get install wrk`) with N signed-in users for a few seconds per page. Per page and number
// of app processes (WEB_CONCURRENCY, 1 and 2 by default) and user pause (--http-think) it reports:
//   single  p50 of one client calling the page in a loop (the page's own time over HTTP)
//   p50/p95 with N users at once, and both ÷ single (the goal: p95 ≤ 3× single)
//   thrpt   pages per second under that load
// A pause of 0 is a saturation test: N users who each ask again the moment a page arrives keep N
// requests in flight, so by Little's law a page waits N ÷ throughput (20 ÷ 250/s = 80 ms) whatever
// the code does; on 2 cores, with each page's CPU (app and PostgreSQL) about its single-client
// time, p50 ÷ single cannot fall below about N ÷ 2 = 10. A pause of a second (people read a page
// before the next click; each pause is drawn evenly from 0.5–1.5× the mean) measures what N busy
// users see.
//   cpu     server CPU time per page (utime + stime of the app processes ÷ pages, single client)
//   render  of that cpu, what rendering the HTML costs: minus the cpu of the same loaders as a
//           single-fetch data request (`<page>.data`, no React render), single client
//   html    bytes of the page's HTML, and on the wire (compressed as for a browser; wrk asks for
//           it like one, so the CPU includes compressing)
// Runs on the PostgreSQL target only: an embedded PGlite cannot be shared with another process.
// It needs the other cases' seeds (it runs last) and a build (`npm run build`).
import { spawn, execFile, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { sessionSecrets } from "../../../app/.server/auth/cookie";
import { signedInCookie } from "../../../tests/helpers/fixtures";
import type { BenchCase, BenchContext, Measurement } from "../types";
import { circleSeed } from "./directory";

const run = promisify(execFile);
const CASE = "http";

const PAGES = ["/vertretungen", "/traeger", "/fortbildungen", "/treffen", "/projekte"];

function wrkAvailable(): boolean {
  return (process.env.PATH ?? "").split(":").some((dir) => fs.existsSync(path.join(dir, "wrk")));
}

/**
 * A Lua script for wrk: thread i (one connection each) sends the cookie of user i and, with a
 * pause, waits 0.5–1.5 × `thinkMs` (evenly drawn) after each answer before its next request.
 */
function wrkScript(cookies: string[], page: string, thinkMs = 0): string {
  const file = path.join(os.tmpdir(), `tk-bench-wrk-${process.pid}.lua`);
  const list = cookies.map((c) => `  ${JSON.stringify(c)},`).join("\n");
  fs.writeFileSync(
    file,
    `local cookies = {\n${list}\n}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  math.randomseed(id * 7919 + 1)
  req = wrk.format("GET", ${JSON.stringify(page)}, { ["Cookie"] = cookies[(id % #cookies) + 1], ["Accept-Encoding"] = "gzip, deflate, br" })
end
function request()
  return req
end
${thinkMs > 0 ? `function delay()\n  return math.random(${Math.round(thinkMs / 2)}, ${Math.round((thinkMs * 3) / 2)})\nend\n` : ""}
function done(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %d %d\\n", latency:percentile(50), latency:percentile(95), summary.requests, summary.duration, bad))
end
`,
  );
  return file;
}

type WrkResult = { p50: number; p95: number; requests: number; seconds: number; bad: number };

async function wrk(url: string, script: string, connections: number, seconds: number): Promise<WrkResult> {
  const { stdout } = await run("wrk", ["-t", String(connections), "-c", String(connections), "-d", `${seconds}s`, "--timeout", "30s", "-s", script, url], {
    maxBuffer: 1 << 20,
  });
  const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const [p50, p95, requests, duration, bad] = line.split(" ").slice(1).map(Number) as [number, number, number, number, number];
  return { p50: p50 / 1000, p95: p95 / 1000, requests, seconds: duration / 1e6, bad };
}

/** utime + stime (ms) of a process and its children (the cluster's app processes). */
function cpuMs(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  const visit = (p: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += ((Number(fields[11]) + Number(fields[12])) / ticks) * 1000;
      const children = fs.readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      for (const c of children ? children.split(" ") : []) visit(Number(c));
    } catch {
      // gone
    }
  };
  visit(pid);
  return total;
}

/** Bytes of the page's answer on the wire when the client accepts compression, as browsers do. */
async function wireBytes(url: string, cookie: string): Promise<number> {
  const http = await import("node:http");
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { Cookie: cookie, "Accept-Encoding": "gzip, deflate, br" } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve(bytes));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function startServer(databaseUrl: string, processes: number): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server/index.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: sessionSecrets()[0],
      OUTBOX_WORKER: "off",
      SEED_DEMO: "never",
      WEB_CONCURRENCY: String(processes),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server ended at start:\n${output}`);
    if (output.includes("läuft auf")) {
      // The other processes of a cluster start after the first listens; give them a moment.
      if (processes > 1) await sleep(3000);
      return { child, base };
    }
    await sleep(100);
  }
  child.kill("SIGTERM");
  throw new Error(`the server did not start within 60 s:\n${output}`);
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const ended = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([ended, sleep(8000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

export const httpLoadCase: BenchCase = {
  name: "http",
  description: "The production server over HTTP (wrk): single client vs N signed-in users per page, 1 and 2 app processes",
  async seed() {},
  async run(ctx: BenchContext): Promise<Measurement[]> {
    const url = ctx.target.url;
    if (!url) {
      ctx.log(`[bench] ${ctx.target.label}: http case skipped (PGlite cannot be shared with the server process)`);
      return [];
    }
    if (!wrkAvailable()) {
      ctx.log("[bench] http case skipped: wrk is not installed (apt-get install -y wrk)");
      return [];
    }
    if (!fs.existsSync("build/server/index.js")) {
      ctx.log("[bench] http case skipped: no build (npm run build)");
      return [];
    }
    const seed = await circleSeed(ctx);
    const users = ctx.options.httpUsers;
    // Signed-in users of the bench circle: the seed's, then further members of its Träger.
    const more = await ctx.target.database.db
      .selectFrom("org_members")
      .select("user_id")
      .where("user_id", "not in", seed.users.map((u) => u.id))
      .where("org_id", "in", (eb) => eb.selectFrom("org_members").select("org_id").where("user_id", "in", seed.users.map((u) => u.id)))
      .limit(Math.max(0, users - seed.users.length))
      .execute();
    const cookies = [
      ...seed.users.map((u) => u.cookie),
      ...(await Promise.all(more.map((m) => signedInCookie(ctx.target.database, { id: m.user_id })))),
    ]
      .slice(0, users)
      .map((c) => c.split(";")[0]!);
    const measurements: Measurement[] = [];
    for (const processes of ctx.options.httpProcesses) {
      const { child, base } = await startServer(url, processes);
      try {
        for (const page of PAGES) {
          const first = await fetch(`${base}${page}`, { headers: { Cookie: cookies[0]! } });
          const html = await first.text();
          if (first.status !== 200) throw new Error(`${page} answered ${first.status}`);
          if (ctx.options.httpHtmlDir) {
            fs.mkdirSync(ctx.options.httpHtmlDir, { recursive: true });
            fs.writeFileSync(path.join(ctx.options.httpHtmlDir, `${page.slice(1).replace(/\W+/g, "_") || "index"}.html`), html);
          }
          const wire = await wireBytes(`${base}${page}`, cookies[0]!);
          const script = wrkScript(cookies, page);
          await wrk(`${base}${page}`, script, 1, 2); // warm-up
          const cpu0 = cpuMs(child.pid!);
          const single = await wrk(`${base}${page}`, script, 1, Math.max(3, Math.round(ctx.options.httpSeconds / 3)));
          const cpuPerPage = (cpuMs(child.pid!) - cpu0) / Math.max(1, single.requests);
          // The same loaders as a single-fetch data request (no React render): the difference is
          // the CPU the page's HTML costs to render.
          const dataScript = wrkScript(cookies, `${page}.data`);
          const cpu1 = cpuMs(child.pid!);
          const data = await wrk(`${base}${page}.data`, dataScript, 1, Math.max(3, Math.round(ctx.options.httpSeconds / 3)));
          const renderCpu = cpuPerPage - (cpuMs(child.pid!) - cpu1) / Math.max(1, data.requests);
          if (single.bad + data.bad > 0) throw new Error(`${page}: ${single.bad + data.bad} failed requests`);
          for (const thinkMs of ctx.options.httpThinkMs) {
            const loaded = await wrk(`${base}${page}`, wrkScript(cookies, page, thinkMs), cookies.length, ctx.options.httpSeconds);
            if (loaded.bad > 0) throw new Error(`${page}: ${loaded.bad} failed requests`);
            measurements.push({
              kind: "http",
              case: CASE,
              variant: `${page} · ${processes} Prozess${processes > 1 ? "e" : ""} · Pause ${thinkMs} ms`,
              users: cookies.length,
              thinkMs,
              singleP50Ms: single.p50,
              p50Ms: loaded.p50,
              p95Ms: loaded.p95,
              requestsPerSecond: loaded.requests / loaded.seconds,
              cpuMsPerPage: cpuPerPage,
              renderCpuMsPerPage: renderCpu,
              htmlBytes: Buffer.byteLength(html),
              wireBytes: wire,
            });
            ctx.log(
              `[bench]   http ${page} (${processes} proc, pause ${thinkMs} ms): single ${single.p50.toFixed(1)} ms, ` +
                `${cookies.length} users p50 ${loaded.p50.toFixed(1)} / p95 ${loaded.p95.toFixed(1)} ms (${(loaded.p95 / single.p50).toFixed(1)}×), ` +
                `${(loaded.requests / loaded.seconds).toFixed(0)}/s, cpu ${cpuPerPage.toFixed(1)} ms/page (render ${renderCpu.toFixed(1)}), html ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB (${(wire / 1024).toFixed(1)} KB sent)`,
            );
          }
        }
      } finally {
        await stopServer(child);
      }
    }
    return measurements;
  },
};
