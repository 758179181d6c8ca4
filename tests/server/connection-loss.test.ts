// The production app (started the way `npm start` starts it) on the PostgreSQL server, while its
// database connections are dropped under load:
//   - `pg_terminate_backend` of every backend of the app's database, again and again, while six
//     signed-in people load pages: the process stays alive, every answer is a 200 or the German
//     503 page (never a 500, never a dropped socket), and afterwards every page answers 200;
//     the outbox worker still delivers mail and the periodic jobs still run;
//   - a database that is down when the app starts: a clear message, retries with a capped
//     backoff, no crash loop; requests meanwhile get the 503 page; once the database is there,
//     the app serves.
// Needs DATABASE_URL (a server where we may create databases) and `npm run build`.
import net from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createDatabase,
  sessionCookies,
  startApp,
  terminateBackends,
  withDatabase,
  type AppProcess,
} from "../../scripts/lib/app-process";

const adminUrl = process.env.DATABASE_URL ?? "";
const basePort = Number(process.env.TK_SERVER_TEST_PORT ?? 3252);

const pages = ["/", "/vertretungen", "/fortbildungen", "/traeger", "/fortbildungen?ansicht=meine"];
const people = [
  "koordination@richtungswechsel.example",
  "team@kiz-niederrhein.example",
  "admin@du-und-ich.example",
  "koordination@freiraumwohnung.example",
  "team@kinderleicht.example",
  "koordination@lebenshilfe-dinslaken.example",
];
const PUBLIC_PAGE = "/k/kooperationskreis-wesel";
const UNAVAILABLE = /kurz nicht erreichbar/;

type Outcome = { status: number | "socket"; path: string; unavailableText?: boolean; detail?: string };

async function load(app: AppProcess, path: string, cookie?: string): Promise<Outcome> {
  try {
    const response = await fetch(`${app.url}${path}`, {
      headers: cookie ? { Cookie: cookie } : {},
      redirect: "manual",
      signal: AbortSignal.timeout(20_000),
    });
    const body = await response.text();
    return { status: response.status, path, unavailableText: UNAVAILABLE.test(body) };
  } catch (error) {
    return { status: "socket", path, detail: String((error as Error).cause ?? error) };
  }
}

describe.skipIf(!adminUrl)("the app on the server survives lost database connections", () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let app: AppProcess;
  let owner: postgres.Sql;
  let cookies: string[];

  beforeAll(async () => {
    database = await createDatabase(adminUrl);
    owner = postgres(database.url, { max: 1, onnotice: () => {} });
    // Counts calls of plpgsql functions, so the test can see the periodic jobs running.
    await owner.unsafe(`alter database ${database.name} set track_functions = 'pl'`);
    app = await startApp({
      port: basePort,
      env: { DATABASE_URL: database.url, OUTBOX_POLL_MS: "200", JOBS_INTERVAL_MS: "1000" },
    });
    // The first request that needs the database opens, migrates and seeds it.
    const deadline = Date.now() + 90_000;
    while ((await load(app, PUBLIC_PAGE)).status !== 200) {
      if (Date.now() > deadline || !app.alive()) throw new Error(`The app did not come up:\n${app.output()}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    cookies = await sessionCookies(database.url, people);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await owner?.end();
    await database?.drop();
  });

  test("pages answer 200 or the German 503 while backends are terminated, and 200 afterwards", async () => {
    for (const cookie of cookies) expect((await load(app, "/vertretungen", cookie)).status).toBe(200);

    const outcomes: Outcome[] = [];
    let running = true;
    const clients = cookies.map(async (cookie, client) => {
      for (let i = 0; running; i++) outcomes.push(await load(app, pages[(client + i) % pages.length]!, cookie));
    });
    let terminated = 0;
    const killer = (async () => {
      const killerSql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      for (let round = 0; round < 14; round++) {
        await new Promise((r) => setTimeout(r, 600));
        terminated += await terminateBackends(killerSql, database.name);
      }
      await killerSql.end();
    })();
    await killer;
    running = false;
    await Promise.all(clients);

    const counts = outcomes.reduce<Record<string, number>>((acc, o) => ((acc[String(o.status)] = (acc[String(o.status)] ?? 0) + 1), acc), {});
    console.info(`[connection-loss] ${outcomes.length} requests, ${terminated} backends terminated:`, counts);
    expect(terminated).toBeGreaterThan(10);
    expect(app.alive(), app.output()).toBe(true);
    const bad = outcomes.filter((o) => !(o.status === 200 || (o.status === 503 && o.unavailableText)));
    expect(bad, app.output().slice(-4000)).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(50);

    // Later requests succeed: every page for every person.
    for (const cookie of cookies) {
      for (const path of pages) expect((await load(app, path, cookie)).status, path).toBe(200);
    }
    expect(app.alive()).toBe(true);
  }, 120_000);

  test("the outbox worker and the periodic jobs carry on after their connections were dropped", async () => {
    const killerSql = postgres(adminUrl, { max: 1, onnotice: () => {} });
    for (let round = 0; round < 5; round++) {
      await terminateBackends(killerSql, database.name);
      await new Promise((r) => setTimeout(r, 300));
    }
    await killerSql.end();
    const callsOf = async () => {
      const [row] = await owner<{ calls: string | null }[]>`
        select sum(calls)::text as calls from pg_stat_user_functions where funcname = 'run_training_jobs'`;
      return Number(row?.calls ?? 0);
    };
    const before = await callsOf();

    const [mail] = await owner<{ id: string }[]>`
      insert into private.outbox (kind, payload)
      values ('mail', jsonb_build_object('template', 'reset-password', 'to', 'nach-dem-abbruch@example.org',
        'props', jsonb_build_object('token', 'abc', 'name', 'Test')))
      returning id::text`;
    const deadline = Date.now() + 20_000;
    let status = "pending";
    while (status !== "sent" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const [row] = await owner<{ status: string }[]>`select status from private.outbox where id = ${mail!.id}::bigint`;
      status = row!.status;
    }
    expect(status, app.output().slice(-3000)).toBe("sent");

    let after = before;
    while (after <= before && Date.now() < deadline + 10_000) {
      await new Promise((r) => setTimeout(r, 500));
      after = await callsOf();
    }
    expect(after).toBeGreaterThan(before);
    expect(app.alive()).toBe(true);
  }, 60_000);
});

describe.skipIf(!adminUrl)("a database that is down when the app starts", () => {
  test("clear message, capped retries, no crash; serves once the database is there", async () => {
    const database = await createDatabase(adminUrl, "tk_down");
    const target = new URL(adminUrl);
    const proxyPort = basePort + 1 + 100; // nothing listens here until the "database" comes up
    const appPort = basePort + 1;
    const dbUrl = new URL(withDatabase(adminUrl, database.name));
    dbUrl.hostname = "127.0.0.1";
    dbUrl.port = String(proxyPort);
    const app = await startApp({
      port: appPort,
      env: { DATABASE_URL: dbUrl.toString(), OUTBOX_POLL_MS: "200" },
      waitUntilReady: false,
    });
    let proxy: net.Server | undefined;
    const sockets = new Set<net.Socket>();
    try {
      // Until the database is there: 503 pages (or, for a server that opens the database before it
      // listens, no answer yet), the process alive, and the retries in its log.
      const deadline = Date.now() + 30_000;
      let sawUnavailable = false;
      while (Date.now() < deadline && (app.output().match(/Die Datenbank ist nicht erreichbar/g) ?? []).length < 3) {
        const outcome = await load(app, PUBLIC_PAGE);
        expect([503, "socket"]).toContain(outcome.status);
        if (outcome.status === 503) {
          expect(outcome.unavailableText).toBe(true);
          sawUnavailable = true;
        }
        await new Promise((r) => setTimeout(r, 300));
      }
      expect(app.alive(), app.output()).toBe(true);
      const lines = app.output().split("\n").filter((l) => l.includes("Die Datenbank ist nicht erreichbar"));
      expect(lines.length, app.output()).toBeGreaterThanOrEqual(3);
      expect(lines[0]).toMatch(/Neuer Versuch in 0,5 s \(Versuch 1\)/);
      expect(lines[1]).toMatch(/Neuer Versuch in 1 s \(Versuch 2\)/);
      expect(app.output()).not.toMatch(/at .*node_modules/); // a message, not a stack trace
      if ((await load(app, PUBLIC_PAGE)).status !== "socket") expect(sawUnavailable).toBe(true);

      // The database comes up.
      proxy = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        client.on("error", () => upstream.destroy());
        upstream.on("error", () => client.destroy());
      });
      await new Promise<void>((resolve) => proxy!.listen(proxyPort, "127.0.0.1", resolve));
      const upDeadline = Date.now() + 40_000;
      let outcome = await load(app, PUBLIC_PAGE);
      while (outcome.status !== 200 && Date.now() < upDeadline) {
        await new Promise((r) => setTimeout(r, 300));
        outcome = await load(app, PUBLIC_PAGE);
      }
      expect(outcome.status, app.output()).toBe(200);
      expect(app.alive()).toBe(true);
    } finally {
      await app.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
      await database.drop();
    }
  }, 120_000);
});
