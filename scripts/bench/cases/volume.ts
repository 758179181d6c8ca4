// Flat with data (issue 14): does a list page do more work when the circle has ten or a hundred
// times the history? Run it at two scales and compare (scripts/bench-compare.ts):
//
//   npm run bench -- --only postgres --case volume --scale 1  --json /tmp/v1.json
//   npm run bench -- --only postgres --case volume --scale 10 --json /tmp/v10.json
//   npx tsx scripts/bench-compare.ts /tmp/v1.json /tmp/v10.json
//
// For each list page, one signed-in user (the first of the bench circle) calls the route's loader;
// every statement it sends is recorded, then replayed as that user under EXPLAIN (ANALYZE, BUFFERS)
// in a transaction that is rolled back — each read as the app sends it, a prepared statement on
// its seventh run, so on the plan production keeps (often a generic one, made without the values;
// scripts/bench/plan-as-sent.ts); `--volume-plans values` explains with the values instead (a
// custom plan each time, as the figures before the eighth sitting were measured). Reported per page: the number of statements, the shared
// buffers they touch (planning + execution, including what functions and policies read — a count
// that does not depend on how busy the machine is, so a page whose work grows with the data shows
// it even on a loaded machine), the statements' planning + execution time, and the loader's time
// called alone (medians of --sql-iterations / 10, at least 5). --explain prints each statement's
// buffers and plan tree (which node reads how many buffers).
import type { CompiledQuery, KyselyPlugin } from "kysely";
import { CompiledQuery as Compiled } from "kysely";
import { loader as boardLoader } from "../../../app/routes/vertretungen._index";
import { loader as directoryLoader } from "../../../app/routes/traeger._index";
import { loader as trainingsLoader } from "../../../app/routes/fortbildungen._index";
import { loader as meetingsLoader } from "../../../app/routes/treffen._index";
import { loader as projectsLoader } from "../../../app/routes/projekte._index";
import { loadCalendarPage } from "../../../app/.server/calendar/page";
import { requireUser } from "../../../app/.server/auth/session";
import { useDatabaseForTests } from "../../../app/.server/db/index";
import { asUser } from "../../../app/.server/db/request";
import { callRoute } from "../../../tests/helpers/routes";
import { timed } from "../load";
import { median } from "../stats";
import type { BenchUser, CircleSeed } from "../seed-circle";
import type { BenchCase, BenchContext, Measurement } from "../types";
import { coverBoardSeed } from "./cover-board";
import { circleSeed } from "./directory";
import { meetingsSeed } from "./meetings";
import { projectsSeed } from "./projects";
import { trainingsSeed } from "./trainings";
import { explainAsSent, replayableAsSent } from "../plan-as-sent";

type RouteLoader = Parameters<typeof callRoute>[0];
export type Page = { label: string; path: string; loader: RouteLoader; params?: (seed: CircleSeed) => Record<string, string> };

// The route module imports the calendar's CSS, which Node cannot load; its loader is these two calls.
const calendarLoader: RouteLoader = async ({ request }) => loadCalendarPage(await requireUser(request), new URL(request.url));

export const PAGES: Page[] = [
  { label: "/vertretungen (Offen im Kreis)", path: "/vertretungen", loader: boardLoader },
  {
    label: "/vertretungen?gemeinde&dringlichkeit",
    path: "/vertretungen",
    loader: boardLoader,
    params: (s) => ({ gemeinde: s.filterCombos[0]!.gemeinde, dringlichkeit: "notfall" }),
  },
  { label: "/vertretungen?ansicht=anfragen", path: "/vertretungen", loader: boardLoader, params: () => ({ ansicht: "anfragen" }) },
  { label: "/vertretungen?ansicht=angebote", path: "/vertretungen", loader: boardLoader, params: () => ({ ansicht: "angebote" }) },
  { label: "/traeger", path: "/traeger", loader: directoryLoader },
  { label: "/fortbildungen (Angebote)", path: "/fortbildungen", loader: trainingsLoader },
  { label: "/fortbildungen?seite=3", path: "/fortbildungen", loader: trainingsLoader, params: () => ({ seite: "3" }) },
  { label: "/fortbildungen?ansicht=meine", path: "/fortbildungen", loader: trainingsLoader, params: () => ({ ansicht: "meine" }) },
  { label: "/treffen (kommende)", path: "/treffen", loader: meetingsLoader },
  { label: "/treffen?ansicht=vergangen", path: "/treffen", loader: meetingsLoader, params: () => ({ ansicht: "vergangen" }) },
  { label: "/projekte", path: "/projekte", loader: projectsLoader },
  { label: "/kalender", path: "/kalender", loader: calendarLoader },
  { label: "/kalender?ansicht=woche", path: "/kalender", loader: calendarLoader, params: () => ({ ansicht: "woche" }) },
  { label: "/kalender?ansicht=liste", path: "/kalender", loader: calendarLoader, params: () => ({ ansicht: "liste" }) },
  { label: "/kalender?ansicht=tag", path: "/kalender", loader: calendarLoader, params: () => ({ ansicht: "tag" }) },
];

function request(user: BenchUser, page: Page, seed: CircleSeed): Request {
  const search = new URLSearchParams(page.params?.(seed) ?? {}).toString();
  return new Request(`http://localhost:3000${page.path}${search ? `?${search}` : ""}`, { headers: { Cookie: user.cookie } });
}

export async function call(user: BenchUser, page: Page, seed: CircleSeed): Promise<void> {
  const outcome = await callRoute(page.loader, request(user, page, seed));
  if (outcome.status !== 200) throw new Error(`${page.label} answered ${outcome.status} (${outcome.location ?? ""}) for ${user.email}`);
}

/** Every statement one call of the page's loader sends, in order (through a recording plugin). */
export async function recordStatements(ctx: BenchContext, user: BenchUser, page: Page, seed: CircleSeed): Promise<CompiledQuery[]> {
  const database = ctx.target.database;
  const executor = database.db.getExecutor();
  const captured: CompiledQuery[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: (args) => {
      captured.push(executor.compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  useDatabaseForTests({ ...database, db: database.db.withPlugin(recorder) });
  try {
    await call(user, page, seed);
  } finally {
    useDatabaseForTests(database);
  }
  return captured;
}

export type PlanJson = Array<{
  Plan: { "Shared Hit Blocks": number; "Shared Read Blocks": number };
  Planning?: { "Shared Hit Blocks": number; "Shared Read Blocks": number };
  "Planning Time": number;
  "Execution Time": number;
}>;

class RollBack extends Error {}

/** --explain prints each statement's plan tree with only what shows where the buffers go. */
export const PLAN_KEYS = new Set([
  "Node Type", "Relation Name", "Index Name", "Alias", "Actual Rows", "Actual Loops", "Shared Hit Blocks",
  "Shared Read Blocks", "Plans", "Subplan Name", "Function Name", "Filter", "Index Cond", "Rows Removed by Filter",
]);
export function planKeys(this: unknown, key: string, value: unknown) {
  return key === "" || /^\d+$/.test(key) || PLAN_KEYS.has(key) ? value : undefined;
}

/** Replays the statements as the user under EXPLAIN ANALYZE; nothing they write stays. */
async function replay(
  user: BenchUser,
  statements: CompiledQuery[],
  plans: "sent" | "values",
  log?: (message: string) => void,
): Promise<{ buffers: number; sqlMs: number }> {
  let result = { buffers: 0, sqlMs: 0 };
  const explainable = statements.filter((q) => /^\s*(select|with|insert|update|delete|values)\b/i.test(q.sql));
  try {
    await asUser(user, async (tx) => {
      for (const statement of explainable) {
        const plan =
          plans === "sent" && replayableAsSent(statement)
            ? await explainAsSent(tx, statement)
            : (
                await tx.executeQuery<{ "QUERY PLAN": PlanJson }>(
                  Compiled.raw(`explain (analyze, buffers, format json) ${statement.sql}`, [...statement.parameters]),
                )
              ).rows[0]!["QUERY PLAN"][0]!;
        const blocks = (b?: { "Shared Hit Blocks": number; "Shared Read Blocks": number }) =>
          b ? b["Shared Hit Blocks"] + b["Shared Read Blocks"] : 0;
        if (log) {
          log(
            `  ${blocks(plan.Plan) + blocks(plan.Planning)} buffers (planning ${blocks(plan.Planning)}), ` +
              `${(plan["Planning Time"] + plan["Execution Time"]).toFixed(2)} ms · ` +
              `${statement.sql.replace(/\s+/g, " ").trim().slice(0, 160)}\n${JSON.stringify(plan.Plan, planKeys, 1)}`,
          );
        }
        result = {
          buffers: result.buffers + blocks(plan.Plan) + blocks(plan.Planning),
          sqlMs: result.sqlMs + plan["Planning Time"] + plan["Execution Time"],
        };
      }
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return result;
}

export const volumeCase: BenchCase = {
  name: "volume",
  description:
    "Flat with data: per list page the statements its loader sends, the shared buffers they touch and their time as the user, and the loader alone — compare two --scale runs with scripts/bench-compare.ts",
  async seed(ctx) {
    await coverBoardSeed(ctx);
    await trainingsSeed(ctx);
    await meetingsSeed(ctx);
    await projectsSeed(ctx);
    await circleSeed(ctx);
    // The seeds update many rows after writing them (a project's updated_at per update, requests
    // and offers moving on); measured at once, index scans read those dead versions too (at
    // --scale 10 the board's partial index 449 buffers for 23 rows, 101 after a vacuum), which
    // autovacuum would have removed on a live server. Measure the steady state.
    if (ctx.target.database.kind === "postgres") {
      await ctx.target.database.withScriptRunner((r) => r.exec("vacuum analyze"));
    }
  },
  async run(ctx) {
    if (ctx.target.database.kind !== "postgres") {
      ctx.log("[bench]   volume: PostgreSQL target only (PGlite's EXPLAIN buffers are not comparable), skipped");
      return [];
    }
    const seed = await circleSeed(ctx);
    const user = seed.users[0]!;
    const runs = Math.max(5, Math.round(ctx.options.sqlIterations / 10));
    const rows: Measurement[] = [];
    for (const page of PAGES) {
      for (let i = 0; i < ctx.options.warmup; i++) await call(user, page, seed);
      const statements = await recordStatements(ctx, user, page, seed);
      const replays: Array<{ buffers: number; sqlMs: number }> = [];
      for (let i = 0; i < runs; i++) replays.push(await replay(user, statements, ctx.options.volumePlans));
      if (ctx.options.explain) {
        ctx.log(`\nEXPLAIN · ${ctx.target.label} · ${page.label} (scale ${ctx.options.scale})`);
        await replay(user, statements, ctx.options.volumePlans, ctx.log);
      }
      const loaderMs: number[] = [];
      for (let i = 0; i < runs; i++) loaderMs.push(await timed(() => call(user, page, seed)));
      const measurement: Measurement = {
        kind: "volume",
        case: "volume",
        variant: page.label,
        statements: statements.length,
        // Buffers repeat exactly once caches are warm; the median guards against the first replay.
        buffers: median(replays.map((r) => r.buffers)),
        sqlMs: replays.map((r) => r.sqlMs),
        loaderMs,
      };
      rows.push(measurement);
      ctx.log(
        `[bench]   ${page.label}: ${statements.length} statements, ${measurement.buffers} buffers, ` +
          `SQL ${median(measurement.sqlMs).toFixed(2)} ms, loader ${median(loaderMs).toFixed(2)} ms`,
      );
    }
    return rows;
  },
};
