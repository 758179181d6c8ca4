// RLS overhead per statement (issue 14, goal ≤ 1.2×): for each list page, one signed-in user (the
// first of the bench circle) calls the route's loader; every statement it sends is recorded (as in
// the volume case), then the statements are replayed in order, once as the user (role
// authenticated, row-level security applies) and once as service_role with the same claims (no
// RLS, so auth.uid() and the membership helpers a query calls itself see the same person), each
// under EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) in a transaction that is rolled back; the two sides
// alternate. Reported per statement and per page:
// - buffers: shared hit + read during planning and execution, functions and policies included — a
//   count a busy machine does not change, so the ratio holds on a loaded machine;
// - time: planning + execution, the median of the replays (--sql-iterations / 20, at least 5), and
//   the fastest replay of each side (its ratio moves less on a busy machine than the medians');
// - the ratio of each, user ÷ service_role, and whether both returned the same number of rows.
// The session lookup (privileged, no RLS) and the claims' set_config are not replayed.
// Then the same statements once more as the app sends them (prepared, without EXPLAIN, timed from
// the client, in blocks per side that each begin with eight unmeasured runs, so the server's plan
// cache is warm and, as in production, not re-planned for another role on every run): the page
// row "as sent" — EXPLAIN plans its statement every time, so only this row shows what reusing
// plans saves. With it, how many of the page's statements the user side ran on a generic plan.
// --explain prints each statement's plan tree on both sides; --statements <file> writes the
// recorded statements, to replay one with EXPLAIN … EXECUTE on a kept (--keep) database.
import fs from "node:fs";
import type { CompiledQuery } from "kysely";
import { CompiledQuery as Compiled } from "kysely";
import { asUser, type Tx } from "../../../app/.server/db/request";
import { asServiceRoleFor } from "../load";
import { median } from "../stats";
import type { BenchUser } from "../seed-circle";
import type { BenchCase, Measurement } from "../types";
import { circleSeed } from "./directory";
import { call, PAGES, planKeys, recordStatements, volumeCase, type PlanJson } from "./volume";

type Side = "user" | "service";
type Replayed = { buffers: number; planningMs: number; executionMs: number; rows: number; plan: unknown };

class RollBack extends Error {}

const blocks = (b?: { "Shared Hit Blocks": number; "Shared Read Blocks": number }) =>
  b ? b["Shared Hit Blocks"] + b["Shared Read Blocks"] : 0;

/** What the page's data costs: its own statements, not the session lookup or switching claims. */
function replayable(statements: CompiledQuery[]): CompiledQuery[] {
  return statements.filter(
    (q) =>
      /^\s*(select|with|values)\b/i.test(q.sql) &&
      !/\bset_config\s*\(/i.test(q.sql) &&
      !/"auth"\."sessions"|auth\.sessions/i.test(q.sql),
  );
}

/** A short name for a statement: the first table or function it reads. */
export function statementLabel(sql: string): string {
  const flat = sql.replace(/\s+/g, " ");
  const source = /\bfrom\s+("?[\w]+"?\.)?"?(\w+)"?/i.exec(flat);
  const fn = /\b(?:private|public)\.(\w+)\s*\(/i.exec(flat);
  return source?.[2] ?? fn?.[1] ?? flat.slice(0, 40);
}

/** Runs `work` in a transaction on one side (as the user, or as service_role with the same claims) and rolls it back. */
async function rolledBack<T>(side: Side, user: BenchUser, work: (tx: Tx) => Promise<T>): Promise<T> {
  let result: T;
  const run = async (tx: Tx) => {
    result = await work(tx);
    throw new RollBack();
  };
  try {
    await (side === "user" ? asUser(user, run) : asServiceRoleFor(user, run));
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return result!;
}

/** Replays the statements on one side; nothing they write stays. */
async function replay(side: Side, user: BenchUser, statements: CompiledQuery[]): Promise<Replayed[]> {
  return rolledBack(side, user, async (tx) => {
    const out: Replayed[] = [];
    for (const statement of statements) {
      const rows = (
        await tx.executeQuery<{ "QUERY PLAN": PlanJson }>(
          Compiled.raw(`explain (analyze, buffers, format json) ${statement.sql}`, [...statement.parameters]),
        )
      ).rows;
      const plan = rows[0]!["QUERY PLAN"][0]! as PlanJson[number] & { Plan: { "Actual Rows": number } };
      out.push({
        buffers: blocks(plan.Plan) + blocks(plan.Planning),
        planningMs: plan["Planning Time"],
        executionMs: plan["Execution Time"],
        rows: plan.Plan["Actual Rows"],
        plan: plan.Plan,
      });
    }
    return out;
  });
}

/**
 * Runs the statements as the app sends them (prepared statements, see openPostgres; no EXPLAIN)
 * in one transaction that is rolled back, and times them from the client: what the page's data
 * costs with the server's plan cache in play. Returns milliseconds and the rows returned.
 */
async function replayAsSent(side: Side, user: BenchUser, statements: CompiledQuery[]): Promise<{ ms: number; rows: number }> {
  return rolledBack(side, user, async (tx) => {
    const started = performance.now();
    let rows = 0;
    for (const statement of statements) rows += (await tx.executeQuery(statement)).rows.length;
    return { ms: performance.now() - started, rows };
  });
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

export const rlsCase: BenchCase = {
  name: "rls",
  description:
    "RLS overhead per list page and statement: the loader's statements replayed as the user and as service_role (same claims) — shared buffers, planning + execution time, ratios, same rows",
  seed: (ctx) => volumeCase.seed(ctx),
  async run(ctx) {
    if (ctx.target.database.kind !== "postgres") {
      ctx.log("[bench]   rls: PostgreSQL target only (PGlite's EXPLAIN buffers are not comparable), skipped");
      return [];
    }
    const seed = await circleSeed(ctx);
    const user = seed.users[0]!;
    const runs = Math.max(5, Math.round(ctx.options.sqlIterations / 20));
    const rows: Measurement[] = [];
    for (const page of PAGES) {
      for (let i = 0; i < ctx.options.warmup; i++) await call(user, page, seed);
      const statements = replayable(await recordStatements(ctx, user, page, seed));
      if (ctx.options.statementsFile) {
        const line = { page: page.label, user, statements: statements.map((q) => ({ sql: q.sql, parameters: q.parameters })) };
        fs.appendFileSync(ctx.options.statementsFile, `${JSON.stringify(line)}\n`);
      }
      // One replay per side first (plans, caches), then `runs` in alternating order.
      await replay("user", user, statements);
      await replay("service", user, statements);
      const samples: Record<Side, Replayed[][]> = { user: [], service: [] };
      for (let i = 0; i < runs; i++) {
        const order: Side[] = i % 2 === 0 ? ["user", "service"] : ["service", "user"];
        for (const side of order) samples[side].push(await replay(side, user, statements));
      }
      const per = (side: Side, k: number) => {
        const s = samples[side].map((r) => r[k]!);
        return {
          buffers: median(s.map((x) => x.buffers)),
          ms: s.map((x) => x.planningMs + x.executionMs),
          planningMs: median(s.map((x) => x.planningMs)),
          rows: s[0]!.rows,
        };
      };
      const details: string[] = [];
      statements.forEach((statement, k) => {
        const [u, s] = [per("user", k), per("service", k)];
        const label = `${page.label} · ${k + 1} ${statementLabel(statement.sql)}`;
        rows.push({
          kind: "rls",
          case: "rls",
          variant: label,
          userBuffers: u.buffers,
          serviceBuffers: s.buffers,
          userMs: u.ms,
          serviceMs: s.ms,
          userRows: u.rows,
          serviceRows: s.rows,
        });
        details.push(
          `[bench]     ${k + 1}. ${statementLabel(statement.sql)}: ` +
            `${ratio(median(u.ms), median(s.ms)).toFixed(2)}× time (${median(u.ms).toFixed(2)} / ${median(s.ms).toFixed(2)} ms, ` +
            `planning ${u.planningMs.toFixed(2)} / ${s.planningMs.toFixed(2)}), ` +
            `${ratio(u.buffers, s.buffers).toFixed(2)}× buffers (${u.buffers} / ${s.buffers}), ` +
            `rows ${u.rows}${u.rows === s.rows ? "" : ` ≠ ${s.rows} as service_role`}`,
        );
      });
      const total = (side: Side) => samples[side].map((r) => r.reduce((a, x) => a + x.planningMs + x.executionMs, 0));
      const totalBuffers = (side: Side) => median(samples[side].map((r) => r.reduce((a, x) => a + x.buffers, 0)));
      const pageRow: Measurement = {
        kind: "rls",
        case: "rls",
        variant: `${page.label} (all ${statements.length})`,
        userBuffers: totalBuffers("user"),
        serviceBuffers: totalBuffers("service"),
        userMs: total("user"),
        serviceMs: total("service"),
        userRows: statements.reduce((a, _, k) => a + per("user", k).rows, 0),
        serviceRows: statements.reduce((a, _, k) => a + per("service", k).rows, 0),
      };
      rows.push(pageRow);
      ctx.log(
        `[bench]   ${page.label}: ${statements.length} statements, ` +
          `${ratio(median(pageRow.userMs), median(pageRow.serviceMs)).toFixed(2)}× time ` +
          `(best ${ratio(Math.min(...pageRow.userMs), Math.min(...pageRow.serviceMs)).toFixed(2)}×) ` +
          `(${median(pageRow.userMs).toFixed(2)} / ${median(pageRow.serviceMs).toFixed(2)} ms), ` +
          `${ratio(pageRow.userBuffers, pageRow.serviceBuffers).toFixed(2)}× buffers ` +
          `(${pageRow.userBuffers} / ${pageRow.serviceBuffers}), median of ${runs}\n${details.join("\n")}`,
      );
      // The same statements as the app sends them, in blocks per side: a prepared statement's
      // plan is tied to the role it was planned for (PostgreSQL plans it again when the role
      // changes), and in production every request runs as `authenticated`, so alternating sides
      // run by run would plan every statement afresh on each run — neither side's production
      // cost. Each block starts with eight unmeasured runs (from the sixth run of a prepared
      // statement the server may keep a generic plan; one transaction at a time gets the most
      // recently used connection, so a block's runs share one connection's statements), then the
      // sides alternate block by block.
      const sent: Record<Side, Array<{ ms: number; rows: number }>> = { user: [], service: [] };
      const blocksPerSide = 4;
      const perBlock = Math.max(5, Math.ceil(runs / blocksPerSide) * 2);
      for (let b = 0; b < blocksPerSide; b++) {
        const order: Side[] = b % 2 === 0 ? ["user", "service"] : ["service", "user"];
        for (const side of order) {
          for (let i = 0; i < 8; i++) await replayAsSent(side, user, statements);
          for (let i = 0; i < perBlock; i++) sent[side].push(await replayAsSent(side, user, statements));
        }
      }
      // Which plans the user side's statements ran on (the connection the last block used).
      const planKinds = await rolledBack("user", user, async (tx) =>
        (
          await tx.executeQuery<{ statement: string; generic_plans: string; custom_plans: string }>(
            Compiled.raw("select statement, generic_plans::text, custom_plans::text from pg_prepared_statements", []),
          )
        ).rows,
      );
      const generic = statements.filter((q) =>
        planKinds.some((p) => p.statement === q.sql && Number(p.generic_plans) > Number(p.custom_plans)),
      ).length;
      const sentRow: Measurement = {
        kind: "rls",
        case: "rls",
        variant: `${page.label} (all ${statements.length}, as sent: prepared, no EXPLAIN)`,
        userBuffers: 0,
        serviceBuffers: 0,
        userMs: sent.user.map((x) => x.ms),
        serviceMs: sent.service.map((x) => x.ms),
        userRows: sent.user[0]!.rows,
        serviceRows: sent.service[0]!.rows,
      };
      rows.push(sentRow);
      ctx.log(
        `[bench]   ${page.label} as sent (prepared): ${ratio(median(sentRow.userMs), median(sentRow.serviceMs)).toFixed(2)}× time ` +
          `(best ${ratio(Math.min(...sentRow.userMs), Math.min(...sentRow.serviceMs)).toFixed(2)}×) ` +
          `(${median(sentRow.userMs).toFixed(2)} / ${median(sentRow.serviceMs).toFixed(2)} ms), rows ${sentRow.userRows}` +
          `${sentRow.userRows === sentRow.serviceRows ? "" : ` ≠ ${sentRow.serviceRows} as service_role`}` +
          `, ${generic} of ${statements.length} statements mostly on a generic plan as the user`,
      );
      if (ctx.options.explain) {
        for (const side of ["user", "service"] as const) {
          const replayed = await replay(side, user, statements);
          replayed.forEach((r, k) => {
            ctx.log(
              `\nEXPLAIN · ${page.label} · ${k + 1} as ${side}: ${r.buffers} buffers, ` +
                `${(r.planningMs + r.executionMs).toFixed(2)} ms · ${statements[k]!.sql.replace(/\s+/g, " ").trim().slice(0, 200)}\n` +
                JSON.stringify(r.plan, planKeys, 1),
            );
          });
        }
      }
    }
    return rows;
  },
};
