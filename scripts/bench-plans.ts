// Generic or custom plans for the app's prepared statements (DATABASE_PLANS, decision 019): replays
// each page's recorded statements as the user, as the app sends them (prepared, in one read-only
// transaction with the claims set), on two connections — one with PostgreSQL's own choice
// (plan_cache_mode = auto), one keeping a generic plan (force_generic_plan) — in alternating blocks,
// and prints the database server's CPU per page on each (from /proc/<backend>/schedstat, so the
// figure holds on a busy machine where wall-clock times do not). Needs the server on this machine.
//
//   DATABASE_URL=…/tk_bench_… npx tsx scripts/bench-volume.ts --case rls --statements /tmp/st.jsonl
//   DATABASE_URL=…/tk_bench_… npx tsx scripts/bench-plans.ts /tmp/st.jsonl [rounds, default 6]
import fs from "node:fs";
import postgres from "postgres";

type Recorded = { page: string; user: { id: string; email: string }; statements: Array<{ sql: string; parameters: unknown[] }> };
type Mode = "auto" | "generic";

const url = process.env.DATABASE_URL;
const file = process.argv[2];
if (!url || !file) throw new Error("usage: DATABASE_URL=… npx tsx scripts/bench-plans.ts <statements.jsonl> [rounds]");
const rounds = Number(process.argv[3] ?? 6);
const RUNS_PER_BLOCK = 15;
const pages: Recorded[] = fs.readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line));

const open = (mode: Mode) =>
  postgres(url, {
    max: 1,
    prepare: true,
    onnotice: () => {},
    types: {},
    ...(mode === "generic" ? { connection: { plan_cache_mode: "force_generic_plan" } } : {}),
  });
const clients = { auto: open("auto"), generic: open("generic") };

async function runPage(client: postgres.Sql, page: Recorded): Promise<void> {
  await client.begin("read only", async (tx) => {
    const claims = JSON.stringify({ sub: page.user.id, email: page.user.email, role: "authenticated" });
    await tx.unsafe("select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)", [claims]);
    for (const s of page.statements) await tx.unsafe(s.sql, s.parameters as never[], { prepare: true });
  });
}

const backend: Record<Mode, number> = { auto: 0, generic: 0 };
for (const mode of ["auto", "generic"] as const) {
  backend[mode] = Number((await clients[mode]`select pg_backend_pid() as pid`)[0]!.pid);
}
/** CPU time the backend process has used so far, ms. */
const cpuMs = (mode: Mode) => Number(fs.readFileSync(`/proc/${backend[mode]}/schedstat`, "utf8").split(" ")[0]) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const perPage = new Map<string, Record<Mode, number[]>>();
  for (const page of pages) {
    perPage.set(page.page, { auto: [], generic: [] });
    // Past the server's five custom plans, on both connections.
    for (const mode of ["auto", "generic"] as const) for (let i = 0; i < 10; i++) await runPage(clients[mode], page);
  }
  for (let round = 0; round < rounds; round++) {
    for (const page of pages) {
      const order: Mode[] = round % 2 === 0 ? ["auto", "generic"] : ["generic", "auto"];
      for (const mode of order) {
        const before = cpuMs(mode);
        for (let i = 0; i < RUNS_PER_BLOCK; i++) await runPage(clients[mode], page);
        perPage.get(page.page)![mode].push((cpuMs(mode) - before) / RUNS_PER_BLOCK);
      }
    }
  }
  console.log(`server CPU per page, median of ${rounds} blocks of ${RUNS_PER_BLOCK} (ms): auto · generic · generic ÷ auto`);
  for (const [page, r] of perPage) {
    const [a, g] = [median(r.auto), median(r.generic)];
    console.log(`${page.padEnd(42)} ${a.toFixed(2).padStart(6)} · ${g.toFixed(2).padStart(6)} · ${(g / a).toFixed(2)}`);
  }
} finally {
  await clients.auto.end();
  await clients.generic.end();
}
