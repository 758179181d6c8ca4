// The plan a statement runs on in production, not the one EXPLAIN makes for it. The app sends its
// statements prepared (app/.server/db/connection.ts), so from the sixth run PostgreSQL may keep a
// generic plan, made without the parameters' values; `EXPLAIN <statement>` with the values always
// makes a custom plan for exactly those values, which can be a different plan (decision 019,
// "Eighth sitting": a bound LIMIT read whole tables on the generic plan and a page on the custom
// one). explainAsSent prepares the statement under a name, runs it six times as the server's
// plan cache sees it (plan_cache_mode as configured; the sixth run is where a generic plan is
// first made and weighed), and explains the seventh.
import { CompiledQuery as Compiled, type CompiledQuery } from "kysely";
import type { Tx } from "../../app/.server/db/request";
import type { PlanJson } from "./cases/volume";

let counter = 0;

/** Whether explainAsSent can replay it: a read (running a write six times would not be the page). */
export function replayableAsSent(statement: CompiledQuery): boolean {
  return /^\s*(select|with|values)\b/i.test(statement.sql) && !/\b(insert|update|delete)\b/i.test(statement.sql);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statement's seventh run as a prepared statement, in this transaction. */
export async function explainAsSent(tx: Tx, statement: CompiledQuery): Promise<PlanJson[number]> {
  // A name of its own each time: PREPARE outlives a transaction that fails or is rolled back.
  const NAME = `tk_bench_as_sent_${++counter}`;
  await tx.executeQuery(Compiled.raw(`prepare ${NAME} as ${statement.sql}`, []));
  try {
    const types = (
      await tx.executeQuery<{ types: string[] }>(
        Compiled.raw(`select parameter_types::text[] as types from pg_prepared_statements where name = '${NAME}'`, []),
      )
    ).rows[0]!.types;
    // EXECUTE takes no bound parameters of its own: each value becomes a literal of its type,
    // written by the server from the value bound as the driver would bind it.
    const literals: string[] = [];
    for (const [i, type] of types.entries()) {
      const row = (
        await tx.executeQuery<{ literal: string }>(
          Compiled.raw(`select quote_nullable(cast($1 as ${type})::text) as literal`, [statement.parameters[i]]),
        )
      ).rows[0]!;
      literals.push(`${row.literal}::${type}`);
    }
    const execute = `execute ${NAME}${literals.length ? `(${literals.join(", ")})` : ""}`;
    for (let i = 0; i < 6; i++) await tx.executeQuery(Compiled.raw(execute, []));
    const rows = (
      await tx.executeQuery<{ "QUERY PLAN": PlanJson }>(Compiled.raw(`explain (analyze, buffers, format json) ${execute}`, []))
    ).rows;
    return rows[0]!["QUERY PLAN"][0]!;
  } finally {
    await tx.executeQuery(Compiled.raw(`deallocate ${NAME}`, []));
  }
}
