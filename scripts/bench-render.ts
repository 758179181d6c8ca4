// The render's cost per list page, in one process (issue 14, decision 019): the production build
// (`npm run build`) answers each page over a loopback HTTP server in this process, one request at
// a time, for a signed-in user; per page it prints the median CPU (user + system of this process,
// process.cpuUsage) of the page, of the same loaders as a single-fetch data request (`.data`, no
// React render) and their difference (the render), and the HTML's bytes. Quieter than the http
// bench case (no wrk, no load, medians of many requests) and needs no bench run around it: point
// it at any database with data, e.g. a copy of a bench database (`pg_dump` one while it runs).
//
//   DATABASE_URL=postgres://…/tk_x npx tsx scripts/bench-render.ts --email bench-3-0@bench.example
//   … --iterations 40 --warmup 10 --page /traeger --html /tmp/html   (writes each page's HTML there)
//
// `--cwd <checkout>,<checkout>`: an A/B of builds at the same time instead. Each checkout's
// production server (`node server/index.js` with its `build/`: express, compression, static files
// and all, as `npm start` runs it) is started as its own process with scripts/bench/cpu-meter.mjs
// preloaded, and their requests are interleaved one by one (the order alternating), so both see
// the same machine; a request's CPU is its server's (every thread), from its start to the next
// request's start. Requests ask like a browser (`--encoding 'gzip, deflate, br'`; '' for none).
// `--rounds` (3) repeats the set; it prints each round's medians and the median of the rounds.
// `--profile <dir>` writes each server's CPU profile there (node --cpu-prof, 100 µs samples);
// `--no-data` leaves out the `.data` requests.
//   DATABASE_URL=… npx tsx scripts/bench-render.ts --cwd /tmp/base,. --iterations 40 --rounds 3
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    email: { type: "string", default: "bench-3-0@bench.example" },
    iterations: { type: "string", default: "30" },
    warmup: { type: "string", default: "8" },
    page: { type: "string", multiple: true },
    html: { type: "string" },
    cwd: { type: "string" },
    rounds: { type: "string", default: "3" },
    encoding: { type: "string", default: "gzip, deflate, br" },
    port: { type: "string", default: "3520" },
    profile: { type: "string" },
    "no-data": { type: "boolean", default: false },
  },
});

process.env.NODE_ENV = "production";
process.env.SESSION_SECRET ||= "bench-render-session-secret-0123456789";
process.env.OUTBOX_WORKER = "off";
process.env.SEED_DEMO = "never";
if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must name a database with data");

const PAGES = args.page?.length ? args.page : ["/vertretungen", "/traeger", "/fortbildungen", "/treffen", "/projekte", "/kalender?ansicht=liste"];

if (args.cwd) {
  const { compareCheckouts } = await import("./bench/render-ab");
  await compareCheckouts({
    cwds: args.cwd.split(","),
    pages: PAGES,
    email: args.email!,
    iterations: Number(args.iterations),
    warmup: Number(args.warmup),
    rounds: Number(args.rounds),
    encoding: args.encoding!,
    port: Number(args.port),
    html: args.html,
    profile: args.profile,
    data: !args["no-data"],
  });
  process.exit(0);
}

type Entry = {
  getDatabase: () => Promise<import("../app/.server/db/connection").Database>;
  serveRequest: typeof import("../app/.server/http/serve").serveRequest;
  createNonce: () => string;
};

const build = await import(path.resolve("build/server/index.js"));
const entry = build.entry.module as Entry;
const database = await entry.getDatabase();
const { sessionCookie } = await import("../app/.server/auth/cookie");

const user = await database.db.selectFrom("auth.users").select("id").where("email", "=", args.email!).executeTakeFirstOrThrow();
const session = await database.db
  .insertInto("auth.sessions")
  .values({ user_id: user.id, not_after: new Date(Date.now() + 3600_000) })
  .returning("id")
  .executeTakeFirstOrThrow();
const cookie = (await sessionCookie().serialize(session.id)).split(";")[0]!;

const server = http.createServer((req, res) => {
  void entry.serveRequest(req, res, build, entry.createNonce(), { mode: "production", appUrl: "http://127.0.0.1", trustProxy: false });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as { port: number }).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: url, agent, headers: { Cookie: cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Median CPU (ms) of one request of this URL, and its last body. */
async function cpuOf(url: string): Promise<{ ms: number; body: Buffer }> {
  let body: Buffer = Buffer.alloc(0);
  for (let i = 0; i < Number(args.warmup); i++) body = (await get(url)).body;
  const samples: number[] = [];
  for (let i = 0; i < Number(args.iterations); i++) {
    const before = process.cpuUsage();
    const answer = await get(url);
    const used = process.cpuUsage(before);
    if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}`);
    samples.push((used.user + used.system) / 1000);
    body = answer.body;
  }
  return { ms: median(samples), body };
}

const dataUrl = (page: string) => {
  const u = new URL(page, "http://x");
  return `${u.pathname}.data${u.search}`;
};

console.log(`page | cpu ms | .data cpu ms | render ms | html KB`);
for (const page of PAGES) {
  const html = await cpuOf(page);
  const data = await cpuOf(dataUrl(page));
  if (args.html) {
    fs.mkdirSync(args.html, { recursive: true });
    fs.writeFileSync(path.join(args.html, `${page.slice(1).replace(/\W+/g, "_") || "index"}.html`), html.body);
  }
  console.log(
    `${page} | ${html.ms.toFixed(1)} | ${data.ms.toFixed(1)} | ${(html.ms - data.ms).toFixed(1)} | ${(html.body.length / 1024).toFixed(1)}`,
  );
}

await database.db.deleteFrom("auth.sessions").where("id", "=", session.id).execute();
agent.destroy();
server.close();
await database.close();
