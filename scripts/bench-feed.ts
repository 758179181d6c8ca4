// The CPU one calendar feed (/kalender/<token>.ics) costs this process, on a database with data
// (a kept bench database): the person's entries read as in the feed (RLS, one transaction), then
// the .ics written (the part polled every hour by every subscribed calendar). Prints the median
// CPU of writing the .ics and the mean CPU of the whole feed over 12 rounds, after 3 to warm up.
//
//   DATABASE_URL=postgres://…/tk_bench_… npx tsx scripts/bench-feed.ts [email, default bench-0-0@bench.example]
export {};

process.env.SEED_DEMO = "never";
process.env.OUTBOX_WORKER = "off";
if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must name a database with data");
const { loadEntries, feedRange, feedEntries, entriesToIcs } = await import("../app/.server/calendar/feed");
const { asUserReadOnly } = await import("../app/.server/db/request");
const { getDatabase } = await import("../app/.server/db");
const database = await getDatabase();
const email = process.argv[2] ?? "bench-0-0@bench.example";
const u = await database.db.selectFrom("auth.users").select(["id", "email"]).where("email", "=", email).executeTakeFirstOrThrow();
const N = 12;
const round = async () => {
  const entries = await asUserReadOnly({ id: u.id, email: u.email! }, (tx) => loadEntries(tx, { kind: "person", userId: u.id }, feedRange()));
  const c0 = process.cpuUsage();
  const body = entriesToIcs(feedEntries(entries), "x", "http://localhost:3000");
  const c = process.cpuUsage(c0);
  return { n: entries.length, bytes: body.length, icsCpu: (c.user + c.system) / 1000 };
};
for (let i = 0; i < 3; i++) await round();
const runs = [];
const c0 = process.cpuUsage();
for (let i = 0; i < N; i++) runs.push(await round());
const cpu = process.cpuUsage(c0);
const med = runs.map((r) => r.icsCpu).sort((a, b) => a - b)[N >> 1]!;
const first = runs[0]!;
console.log(`entries ${first.n}, ${Math.round(first.bytes / 1024)} KB; writing the .ics: median ${med.toFixed(1)} ms CPU; whole feed (read + write) ${((cpu.user + cpu.system) / N / 1000).toFixed(1)} ms CPU`);
process.exit(0);
