// How long the production app takes to serve again after every one of its database backends was
// terminated: starts `npm start`'s command on a fresh database of the server in
// DATABASE_URL (needs `npm run build`), signs a demo coordinator in, and then, per run: checks
// that /vertretungen answers 200, terminates all backends of the database, and requests the page
// again and again (no pause) until it answers 200. Prints each run and the median.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:recovery -- --runs 5 --port 3302
import { parseArgs } from "node:util";
import postgres from "postgres";
import { createDatabase, sessionCookies, startApp, terminateBackends } from "./lib/app-process";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    port: { type: "string", default: "3302" },
    path: { type: "string", default: "/vertretungen" },
  },
});
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server where a database may be created.");
  process.exit(1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const database = await createDatabase(adminUrl, "tk_recovery");
const app = await startApp({ port: Number(values.port), env: { DATABASE_URL: database.url } });
const killer = postgres(adminUrl, { max: 1, onnotice: () => {} });
try {
  // The first request that needs the database migrates and seeds it.
  while ((await fetch(`${app.url}/k/kooperationskreis-wesel`)).status !== 200) await new Promise((r) => setTimeout(r, 300));
  const [cookie] = await sessionCookies(database.url, ["koordination@richtungswechsel.example"]);
  const get = async () => {
    try {
      const response = await fetch(`${app.url}${values.path}`, { headers: { Cookie: cookie! }, redirect: "manual" });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  };
  const times: number[] = [];
  for (let run = 1; run <= Number(values.runs); run++) {
    for (let i = 0; i < 5; i++) if ((await get()) !== 200) throw new Error("The page does not answer 200 before the run");
    const killed = await terminateBackends(killer, database.name);
    const started = performance.now();
    const seen: number[] = [];
    for (;;) {
      const status = await get();
      seen.push(status);
      if (status === 200) break;
      if (performance.now() - started > 60_000) throw new Error(`No 200 within 60 s: ${seen.join(",")}`);
    }
    const ms = performance.now() - started;
    times.push(ms);
    const others = seen.slice(0, -1);
    console.log(
      `run ${run}: ${killed} backends terminated → 200 after ${ms.toFixed(0)} ms` +
        (others.length ? ` (before it: ${others.map((s) => (s === 0 ? "no answer" : s)).join(", ")})` : " (the first request)"),
    );
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`median of ${times.length}: ${median(times).toFixed(0)} ms until ${values.path} answers 200 again`);
  if (!app.alive()) throw new Error("The app process died");
} finally {
  await killer.end();
  await app.stop();
  await database.drop();
}
