// Bulk loading for the bench seeds. The seeds write millions of rows in a few set-based
// statements (a 10× seed: 500,000 cover requests, 1.5 million offers, 2 million registrations),
// and most of their time went into per-row work PostgreSQL does beside the rows themselves:
// inserting into every secondary index of the table row by row, and the foreign keys' check
// triggers, one index lookup per row and key (10× seed, EXPLAIN ANALYZE of 200,000 offers: the
// insert 10.0 s with its 8 secondary indexes, 3.2 s without; the six foreign-key checks 5.2 s).
//
// `bulkLoad` runs a seed step with, for each given table, its secondary indexes dropped (not the
// unique ones: they keep checking each row, and "on conflict" finds them) and its foreign-key check triggers
// switched off; afterwards it builds the indexes again from their definitions (a sort, not a
// million insertions), switches the checks on and verifies every foreign key of the table in one
// anti-join each, failing the seed if a row points nowhere. The table's own triggers (checks,
// rows they write elsewhere) run as before; the rows written are the same.
// Needs the owner as superuser (internal triggers), as the bench's connection is.
import type { ScriptRunner } from "../../app/.server/db/connection";

type Index = { name: string; definition: string };
type ForeignKey = { name: string; child: string; parent: string; columns: string[]; references: string[] };

/** "cover_offers" → public.cover_offers; a schema-qualified name stays as it is. */
const qualified = (table: string) => (table.includes(".") ? table : `public.${table}`);

async function secondaryIndexes(runner: ScriptRunner, table: string): Promise<Index[]> {
  return runner.query<Index>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i
     where i.indrelid = $1::regclass
       and not i.indisunique and not i.indisexclusion
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
     order by 1`,
    [qualified(table)],
  );
}

async function foreignKeys(runner: ScriptRunner, table: string): Promise<ForeignKey[]> {
  return runner.query<ForeignKey>(
    `select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
       array(select quote_ident(a.attname) from unnest(c.conkey) with ordinality k(n, o)
             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o) as columns,
       array(select quote_ident(a.attname) from unnest(c.confkey) with ordinality k(n, o)
             join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o) as "references"
     from pg_constraint c where c.conrelid = $1::regclass and c.contype = 'f' order by 1`,
    [qualified(table)],
  );
}

/** The internal triggers that check this table's foreign keys on insert and update. */
async function checkTriggers(runner: ScriptRunner, table: string): Promise<string[]> {
  const rows = await runner.query<{ name: string }>(
    `select quote_ident(t.tgname) as name from pg_trigger t join pg_proc p on p.oid = t.tgfoid
     where t.tgrelid = $1::regclass and t.tgisinternal and p.proname in ('RI_FKey_check_ins', 'RI_FKey_check_upd')
     order by 1`,
    [qualified(table)],
  );
  return rows.map((r) => r.name);
}

/** Rows of the child whose key (all its columns set: MATCH SIMPLE) is not in the parent. */
function orphansSql(fk: ForeignKey): string {
  const set = fk.columns.map((c) => `c.${c} is not null`).join(" and ");
  const match = fk.columns.map((c, i) => `p.${fk.references[i]} = c.${c}`).join(" and ");
  return `select count(*)::int as n from ${fk.child} c where ${set} and not exists (select 1 from ${fk.parent} p where ${match})`;
}

export async function bulkLoad<T>(runner: ScriptRunner, tables: string[], write: () => Promise<T>): Promise<T> {
  const plans = [];
  for (const table of tables) {
    plans.push({
      table: qualified(table),
      indexes: await secondaryIndexes(runner, table),
      triggers: await checkTriggers(runner, table),
      keys: await foreignKeys(runner, table),
    });
  }
  for (const p of plans) {
    for (const index of p.indexes) await runner.exec(`drop index ${index.name}`);
    for (const trigger of p.triggers) await runner.exec(`alter table ${p.table} disable trigger ${trigger}`);
  }
  let result: T;
  try {
    result = await write();
  } finally {
    // Built again in any case (a failed seed leaves the schema as it was).
    await runner.exec(`set maintenance_work_mem = '256MB'`);
    for (const p of plans) {
      for (const index of p.indexes) await runner.exec(index.definition);
      for (const trigger of p.triggers) await runner.exec(`alter table ${p.table} enable trigger ${trigger}`);
    }
    await runner.exec(`reset maintenance_work_mem`);
  }
  const orphans: string[] = [];
  for (const p of plans) {
    for (const fk of p.keys) {
      const [row] = await runner.query<{ n: number }>(orphansSql(fk));
      if (row!.n > 0) orphans.push(`${fk.child}.${fk.name}: ${row!.n}`);
    }
  }
  if (orphans.length > 0) throw new Error(`bench seed wrote rows whose foreign key points nowhere: ${orphans.join(", ")}`);
  return result;
}

/**
 * Runs a seed's statements with memory for its work tables: the seeds sort and join millions of
 * rows in temporary tables (at --scale 100, 5 million requests, 15 million offers), which with
 * the defaults (work_mem 4 MB, temp_buffers 8 MB) spill to disk at every step. temp_buffers can
 * only be set before the session's first temporary table (else it stays as it is); work_mem is
 * reset afterwards, so the pooled connection plans the app's statements as before.
 */
export async function seedSession<T>(runner: ScriptRunner, write: () => Promise<T>): Promise<T> {
  await runner.exec(`do $$ begin perform set_config('temp_buffers', '1GB', false); exception when others then null; end $$`);
  await runner.exec(`set work_mem = '256MB'`);
  try {
    return await write();
  } finally {
    await runner.exec(`reset work_mem`);
  }
}
