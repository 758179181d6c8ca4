import { sql, type RawBuilder } from "kysely";

/**
 * A LIMIT (or a count's cap) as a literal in the statement's text, never a bound parameter.
 *
 * Statements are prepared (connection.ts), so from its sixth run PostgreSQL may keep a generic
 * plan, planned without the parameters' values. With `limit $1` that plan does not know it wants
 * 21 rows: it estimates a tenth of the table and picks plans for many rows — a sequential scan
 * of every training or cover request, each row through its row-level policies, hash-joined to
 * the page of 21 (decision 019, "Eighth sitting"). With `limit 21` in the text the generic plan
 * is the page's plan. Limits are the code's constants (page sizes, caps), so one statement per
 * constant; offsets, which follow the page a person asks for, stay parameters.
 */
export function rowLimit(n: number): RawBuilder<number> {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`rowLimit: ${n} is not a row count`);
  return sql.lit(n) as RawBuilder<number>;
}
