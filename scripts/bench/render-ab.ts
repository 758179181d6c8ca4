// `scripts/bench-render.ts --cwd a,b`: the production servers of several checkouts side by side,
// their requests interleaved, the CPU of each request measured inside its server
// (scripts/bench/cpu-meter.mjs). See bench-render.ts for the options.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { createCookie } from "@remix-run/node";
import postgres from "postgres";

type Options = {
  cwds: string[];
  pages: string[];
  email: string;
  iterations: number;
  warmup: number;
  rounds: number;
  encoding: string;
  port: number;
  html?: string;
  /** Write each server's CPU profile (node --cpu-prof) into this directory. */
  profile?: string;
  /** Also measure each page's `.data` request (the loaders without the render); default true. */
  data?: boolean;
};

type Server = { cwd: string; label: string; port: number; child: ChildProcess; agent: http.Agent };

const SECRET = "bench-render-session-secret-0123456789";
const meter = path.resolve(import.meta.dirname, "cpu-meter.mjs");

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** `cwd` is a checkout, optionally followed by node options for its server: ". --max-semi-space-size=16". */
function start(cwd: string, port: number, databaseUrl: string, profile?: string): Promise<Server> {
  const [checkout, ...own] = cwd.trim().split(/\s+/);
  const dir = path.resolve(checkout!);
  if (!fs.existsSync(path.join(dir, "build", "server", "index.js"))) throw new Error(`${dir}: no production build`);
  const profiling = profile ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(profile), "--cpu-prof-interval", "100"] : [];
  // BENCH_RENDER_NODE_ARGS: more node options for the servers, e.g. `--perf-basic-prof` for perf.
  const extra = (process.env.BENCH_RENDER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...profiling, ...extra, ...own, "--import", meter, "server/index.js"], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: SECRET,
      OUTBOX_WORKER: "off",
      SEED_DEMO: "never",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${port}`,
      WEB_CONCURRENCY: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("läuft auf")) {
        resolve({ cwd: dir, label: cwd, port, child, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`${dir}: server ended (${code}) before listening:\n${output}`)));
  });
}

function get(server: Server, url: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer; encoding?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: server.port, path: url, agent: server.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: res.headers["content-encoding"] }),
        );
      })
      .on("error", reject);
  });
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === "br") return zlib.brotliDecompressSync(body);
  if (encoding === "gzip") return zlib.gunzipSync(body);
  if (encoding === "deflate") return zlib.inflateSync(body);
  return body;
}

async function samplesOf(server: Server): Promise<Array<[string, number]>> {
  const answer = await get(server, "/__bench_cpu", {});
  return JSON.parse(answer.body.toString()) as Array<[string, number]>;
}

const dataUrl = (page: string) => {
  const u = new URL(page, "http://x");
  return `${u.pathname}.data${u.search}`;
};

export async function compareCheckouts(options: Options): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL!;
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [session] = await sql<Array<{ id: string }>>`
    insert into auth.sessions (user_id, not_after)
    select id, now() + interval '2 hours' from auth.users where email = ${options.email}
    returning id`;
  if (!session) throw new Error(`no user ${options.email}`);
  const cookie = (await createCookie("tk_session", { secrets: [SECRET], path: "/" }).serialize(session.id)).split(";")[0]!;
  const headers: Record<string, string> = { Cookie: cookie, ...(options.encoding ? { "Accept-Encoding": options.encoding } : {}) };

  const servers: Server[] = [];
  try {
    for (const [i, cwd] of options.cwds.entries()) servers.push(await start(cwd, options.port + i, databaseUrl, options.profile));
    // results[page][kind][server] = one median per round
    const results = new Map<string, { page: number[][]; pageMean: number[]; data: number[][]; html: number; sent: number }[]>();
    for (let round = 0; round < options.rounds; round++) {
      console.log(`\nround ${round + 1} (load ${(await import("node:os")).loadavg()[0]!.toFixed(1)})`);
      console.log(`page | ${servers.map((s) => `${s.label}: cpu / .data / render ms, html → sent KB`).join(" | ")}`);
      for (const page of options.pages) {
        const urls = options.data === false ? [page] : [page, dataUrl(page)];
        for (const url of urls) {
          for (let i = 0; i < options.warmup; i++) for (const s of servers) await get(s, url, headers);
        }
        for (const s of servers) await samplesOf(s);
        const last = new Map<Server, { status: number; body: Buffer; encoding?: string }>();
        for (let i = 0; i < options.iterations; i++) {
          const order = i % 2 ? [...servers].reverse() : servers;
          for (const url of urls) {
            for (const s of order) {
              const answer = await get(s, url, headers);
              if (answer.status !== 200) throw new Error(`${s.label} ${url} answered ${answer.status}`);
              if (url === page) last.set(s, answer);
            }
          }
        }
        const row: string[] = [];
        const perServer = results.get(page) ?? servers.map(() => ({ page: [] as number[][], pageMean: [] as number[], data: [] as number[][], html: 0, sent: 0 }));
        results.set(page, perServer);
        for (const [k, s] of servers.entries()) {
          const samples = await samplesOf(s);
          const pageSamples = samples.filter(([u]) => u === page).map(([, ms]) => ms);
          const pageMs = median(pageSamples);
          const dataMs = options.data === false ? 0 : median(samples.filter(([u]) => u !== page).map(([, ms]) => ms));
          const answer = last.get(s)!;
          const html = decode(answer.body, answer.encoding);
          perServer[k]!.page.push([pageMs]);
          perServer[k]!.pageMean.push(mean(pageSamples));
          perServer[k]!.data.push([dataMs]);
          perServer[k]!.html = html.length;
          perServer[k]!.sent = answer.body.length;
          if (options.html) {
            const dir = path.join(options.html, String(k));
            fs.mkdirSync(dir, { recursive: true });
            fs.writeFileSync(path.join(dir, `${page.slice(1).replace(/\W+/g, "_") || "index"}.html`), html);
          }
          row.push(
            `${pageMs.toFixed(2)} (mean ${mean(pageSamples).toFixed(2)}) / ${dataMs.toFixed(2)} / ${(pageMs - dataMs).toFixed(2)}, ${(html.length / 1024).toFixed(1)} → ${(answer.body.length / 1024).toFixed(1)}`,
          );
        }
        console.log(`${page} | ${row.join(" | ")}`);
      }
    }
    console.log(
      `\nmedian of ${options.rounds} rounds (page cpu / .data / render ms; the median of the rounds' ratios of page cpu to the first checkout; the same for the rounds' means of page cpu, which count the rare requests that pay for a garbage collection in full)`,
    );
    console.log(`page | ${servers.map((s) => s.label).join(" | ")}`);
    for (const [page, perServer] of results) {
      const base = perServer[0]!.page.flat();
      console.log(
        `${page} | ${perServer
          .map((r) => {
            const p = median(r.page.flat());
            const d = median(r.data.flat());
            const ratio = median(r.page.flat().map((x, i) => x / base[i]!));
            const m = median(r.pageMean);
            const meanRatio = median(r.pageMean.map((x, i) => x / perServer[0]!.pageMean[i]!));
            return `${p.toFixed(2)} / ${d.toFixed(2)} / ${(p - d).toFixed(2)} (${ratio.toFixed(3)}×), mean ${m.toFixed(2)} (${meanRatio.toFixed(3)}×), ${(r.html / 1024).toFixed(1)} → ${(r.sent / 1024).toFixed(1)} KB`;
          })
          .join(" | ")}`,
      );
    }
  } finally {
    for (const s of servers) {
      s.agent.destroy();
      const ended = new Promise((resolve) => s.child.once("exit", resolve));
      s.child.kill("SIGTERM");
      await ended;
    }
    await sql`delete from auth.sessions where id = ${session.id}`;
    await sql.end();
  }
}
