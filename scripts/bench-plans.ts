// The database server's CPU per page for two ways of running the same statements, from
// /proc/<backend>/schedstat, so the figure holds on a busy machine where wall-clock times do not
// (needs the server on this machine). Each page's recorded statements are replayed as the app sends
// them (prepared, in one read-only transaction with the claims set), on two connections in
// alternating blocks:
//   plans (default): as the user, PostgreSQL's own plan choice (plan_cache_mode = auto) vs a kept
//                    generic plan (force_generic_plan, the app's setting: DATABASE_PLANS, decision 019);
//   roles:           generic plans, as the user vs as service_role with the same claims — what
//                    row-level security costs in server CPU.
//
//   DATABASE_URL=…/tk_bench_… npx tsx scripts/bench-volume.ts --case rls --statements /tmp/st.jsonl
//   DATABASE_URL=…/tk_bench_… npx tsx scripts/bench-plans.ts /tmp/st.jsonl [rounds, default 6] [plans|roles]
import fs from "node:fs";
import postgres from "postgres";

type Recorded = { page: string; user: { id: string; email: string }; statements: Array<{ sql: string; parameters: unknown[] }> };
type Mode = "a" | "b";

const url = process.env.DATABASE_URL;
const file = process.argv[2];
if (!url || !file) throw new Error("usage: DATABASE_URL=… npx tsx scripts/bench-plans.ts <statements.jsonl> [rounds]");
const rounds = Number(process.argv[3] ?? 6);
const compare = process.argv[4] ?? "plans";
if (compare !== "plans" && compare !== "roles") throw new Error("compare plans or roles");
const SIDES: Record<Mode, { label: string; generic: boolean; role: string }> =
  compare === "plans"
    ? { a: { label: "auto", generic: false, role: "authenticated" }, b: { label: "generic", generic: true, role: "authenticated" } }
    : { a: { label: "service_role", generic: true, role: "service_role" }, b: { label: "user", generic: true, role: "authenticated" } };
const RUNS_PER_BLOCK = 15;
const pages: Recorded[] = fs.readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line));

const open = (mode: Mode) =>
  postgres(url!, {
    max: 1,
    prepare: true,
    onnotice: () => {},
    types: {},
    ...(SIDES[mode].generic ? { connection: { plan_cache_mode: "force_generic_plan" } } : {}),
  });
const clients = { a: open("a"), b: open("b") };

async function runPage(mode: Mode, page: Recorded): Promise<void> {
  const role = SIDES[mode].role;
  await clients[mode].begin("read only", async (tx) => {
    const claims = JSON.stringify({ sub: page.user.id, email: page.user.email, role });
    await tx.unsafe("select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)", [claims, role]);
    for (const s of page.statements) await tx.unsafe(s.sql, s.parameters as never[], { prepare: true });
  });
}

const backend: Record<Mode, number> = { a: 0, b: 0 };
for (const mode of ["a", "b"] as const) {
  backend[mode] = Number((await clients[mode]`select pg_backend_pid() as pid`)[0]!.pid);
}
/** CPU time the backend process has used so far, ms. */
const cpuMs = (mode: Mode) => Number(fs.readFileSync(`/proc/${backend[mode]}/schedstat`, "utf8").split(" ")[0]) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const perPage = new Map<string, Record<Mode, number[]>>();
  for (const page of pages) {
    perPage.set(page.page, { a: [], b: [] });
    // Past the server's five custom plans, on both connections.
    for (const mode of ["a", "b"] as const) for (let i = 0; i < 10; i++) await runPage(mode, page);
  }
  for (let round = 0; round < rounds; round++) {
    for (const page of pages) {
      const order: Mode[] = round % 2 === 0 ? ["a", "b"] : ["b", "a"];
      for (const mode of order) {
        const before = cpuMs(mode);
        for (let i = 0; i < RUNS_PER_BLOCK; i++) await runPage(mode, page);
        perPage.get(page.page)![mode].push((cpuMs(mode) - before) / RUNS_PER_BLOCK);
      }
    }
  }
  const [la, lb] = [SIDES.a.label, SIDES.b.label];
  console.log(`server CPU per page, median of ${rounds} blocks of ${RUNS_PER_BLOCK} (ms): ${la} · ${lb} · ${lb} ÷ ${la}`);
  for (const [page, r] of perPage) {
    const [a, g] = [median(r.a), median(r.b)];
    console.log(`${page.padEnd(42)} ${a.toFixed(2).padStart(6)} · ${g.toFixed(2).padStart(6)} · ${(g / a).toFixed(2)}`);
  }
} finally {
  await clients.a.end();
  await clients.b.end();
}
