import postgres from "postgres";
import { sql } from "kysely";
import { openPostgres } from "/work/wt/db/app/.server/db/connection";
import { installConnectionLossGuard } from "/work/wt/db/app/.server/db/connection-loss";
installConnectionLossGuard();
const admin = "postgres://postgres@127.0.0.1:5432/postgres";
const a = postgres(admin, { max: 1, onnotice: () => {} });
const name = "tk_repro_" + Date.now();
await a.unsafe(`create database ${name}`);
const db = openPostgres("postgres://postgres@127.0.0.1:5432/" + name);
let running = true; const stats: Record<string, number> = {};
const stuck = new Map<number, string>(); let seq = 0;
async function client() {
  while (running) {
    const id = seq++; const t0 = Date.now(); stuck.set(id, "acquire");
    try {
      await db.db.transaction().setAccessMode("read only").execute(async (tx) => {
        stuck.set(id, "q1");
        await sql`select pg_sleep(0.01), ${1}::int`.execute(tx);
        stuck.set(id, "all");
        await Promise.all([sql`select ${2}::int`.execute(tx), sql`select 3`.execute(tx), sql`select ${"x"}::text`.execute(tx)]);
      });
      stats.ok = (stats.ok ?? 0) + 1;
    } catch (e) { const k = (e as any).code ?? (e as Error).name; stats[k] = (stats[k] ?? 0) + 1; }
    stuck.delete(id);
    if (Date.now() - t0 > 3000) console.log("slow", id, Date.now() - t0);
  }
}
const clients = Array.from({ length: 6 }, client);
const k = postgres(admin, { max: 1, onnotice: () => {} });
for (let i = 0; i < 12; i++) {
  await new Promise((r) => setTimeout(r, 600));
  await k`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
}
setTimeout(() => { console.log("stuck after 5s:", [...stuck.entries()]); }, 5000);
running = false;
const done = await Promise.race([Promise.all(clients).then(() => "done"), new Promise((r) => setTimeout(() => r("timeout"), 25000))]);
console.log(done, stats);
await k.end(); await db.close().catch(() => {});
await a.unsafe(`drop database ${name} with (force)`); await a.end(); process.exit(0);
