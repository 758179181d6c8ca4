// The bench seeds write hundreds of thousands of rows whose texts come from a handful of fixed
// strings. The Sozialdaten guard (private.refuse_hard_sozialdaten, one trigger per table, the
// screened columns as trigger arguments) runs its regular expressions for every row: about 2 ms a
// row, most of the seeding time (a 10× seed took most of an hour). While a seed writes, its tables'
// screening triggers are switched off; afterwards every distinct value of every screened column is
// screened once with the same function (private.sozialdaten_hard_kinds) and the seed fails if one
// would have been refused. The rows written are the same; only the repeated screening is saved.
// The triggers are switched on again in every case (the bench database is dropped after the run
// anyway, and nothing else writes to it while a seed runs).
import type { Database } from "../../app/.server/db/connection";

type ScreenTrigger = { table: string; trigger: string; columns: string[] };

async function screenTriggers(database: Database, tables: string[]): Promise<ScreenTrigger[]> {
  return database.withScriptRunner(async (runner) => {
    const rows = await runner.query<{ table: string; trigger: string; args: string }>(
      `select c.relname as table, t.tgname as trigger, encode(t.tgargs, 'escape') as args
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
       join pg_proc p on p.oid = t.tgfoid
       where n.nspname = 'public' and c.relname = any($1::text[]) and not t.tgisinternal
         and p.proname = 'refuse_hard_sozialdaten'`,
      [tables],
    );
    // tgargs: the arguments, each ended by a NUL byte (escaped as \000).
    return rows.map((r) => ({ table: r.table, trigger: r.trigger, columns: r.args.split("\\000").filter(Boolean) }));
  });
}

/**
 * Runs `write` with the Sozialdaten screening triggers of `tables` (public schema) switched off,
 * then screens each distinct text of their screened columns once; throws if one holds a hard
 * identifier (what the trigger would have refused).
 */
export async function screenOnce<T>(database: Database, tables: string[], write: () => Promise<T>): Promise<T> {
  const triggers = await screenTriggers(database, tables);
  const alter = (action: "disable" | "enable") =>
    database.withScriptRunner((runner) =>
      runner.exec(triggers.map((t) => `alter table public.${t.table} ${action} trigger ${t.trigger}`).join(";\n") || "select 1"),
    );
  await alter("disable");
  let result: T;
  try {
    result = await write();
  } finally {
    await alter("enable");
  }
  const refused = await database.withScriptRunner(async (runner) => {
    const found: string[] = [];
    for (const t of triggers) {
      for (const column of t.columns) {
        const rows = await runner.query<{ value: string; kinds: string[] }>(
          // Materialized: otherwise the planner pushes the (immutable) screen below the distinct
          // and runs it for every row again.
          `with d as materialized (select distinct ${column}::text as value from public.${t.table} where ${column} is not null)
           select d.value, k.kinds from d, lateral (select private.sozialdaten_hard_kinds(d.value) as kinds) k
           where cardinality(k.kinds) > 0`,
        );
        found.push(...rows.map((r) => `${t.table}.${column}: ${r.kinds.join(",")} in "${r.value.slice(0, 60)}"`));
      }
    }
    return found;
  });
  if (refused.length > 0) throw new Error(`bench seed wrote texts the Sozialdaten guard refuses: ${refused.join("; ")}`);
  return result;
}
