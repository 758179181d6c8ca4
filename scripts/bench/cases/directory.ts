// The circle's directory (/traeger): the loader as the server runs it, for N signed-in users at
// once, without and with filters; and the directory's SQL as the user (RLS) vs as service_role
// (no RLS) for the RLS overhead.
import { CompiledQuery, sql } from "kysely";
import { loader } from "../../../app/routes/traeger._index";
import { directoryPageQuery } from "../../../app/.server/circle/directory";
import { asUser } from "../../../app/.server/db/request";
import type { Tx } from "../../../app/.server/db/request";
import type { DirectoryFilters } from "../../../app/validation/circle";
import { callRoute } from "../../../tests/helpers/routes";
import { alternate, asServiceRoleFor, concurrentUsers, timed } from "../load";
import { seedCircle, type BenchUser, type CircleSeed } from "../seed-circle";
import { shared, type BenchCase, type BenchContext, type Measurement } from "../types";

export const circleSeed = (ctx: BenchContext) =>
  shared(ctx, "circle", () => seedCircle(ctx.target.database, ctx.options.concurrency));

type Variant = { label: string; query: (i: number, seed: CircleSeed) => Record<string, string> };

const VARIANTS: Variant[] = [
  { label: "/traeger (alle, Seite 1)", query: () => ({}) },
  {
    label: "/traeger?hilfeart&gemeinde",
    query: (i, seed) => {
      const combo = seed.filterCombos[i % seed.filterCombos.length]!;
      return { hilfeart: combo.hilfeart, gemeinde: combo.gemeinde };
    },
  },
  { label: "/traeger?q=… (Name)", query: (i, seed) => ({ q: seed.searchTerms[i % seed.searchTerms.length]! }) },
];

type LoaderData = { total: number; entries: unknown[] };

async function callDirectory(user: BenchUser, params: Record<string, string>): Promise<LoaderData> {
  const search = new URLSearchParams(params).toString();
  const request = new Request(`http://localhost:3000/traeger${search ? `?${search}` : ""}`, {
    headers: { Cookie: user.cookie },
  });
  const outcome = await callRoute<LoaderData>(loader, request);
  if (outcome.status !== 200) throw new Error(`/traeger answered ${outcome.status} (${outcome.location ?? ""}) for ${user.email}`);
  return outcome.data;
}

/** The filters of the two SQL variants: what the loader would pass for these URLs. */
function sqlFilters(seed: CircleSeed, i: number, filtered: boolean): DirectoryFilters {
  const combo = seed.filterCombos[i % seed.filterCombos.length]!;
  return filtered ? { hilfeart: combo.hilfeart, gemeinde: combo.gemeinde, q: undefined, seite: 1 } : { seite: 1 };
}

/** As service_role (bypasses RLS) but with the user's id in the claims, so the query's own circle
 *  filter (private.user_network_ids()) selects the same rows it does for the user. */
async function explain(ctx: BenchContext, seed: CircleSeed) {
  const user = seed.users[0]!;
  for (const filtered of [false, true]) {
    const filters = sqlFilters(seed, 0, filtered);
    for (const [who, run] of [
      ["user (RLS)", (fn: (tx: Tx) => Promise<string>) => asUser(user, fn)],
      ["service_role", (fn: (tx: Tx) => Promise<string>) => asServiceRoleFor(user, fn)],
    ] as const) {
      const plan = await run(async (tx) => {
        const compiled = directoryPageQuery(tx, filters).compile();
        const result = await tx.executeQuery<{ "QUERY PLAN": string }>(
          CompiledQuery.raw(`explain (analyze, buffers, costs off) ${compiled.sql}`, [...compiled.parameters]),
        );
        return result.rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
      ctx.log(`\nEXPLAIN ANALYZE · ${ctx.target.label} · directory ${filtered ? "filtered" : "unfiltered"} · ${who}\n${plan}`);
    }
  }
}

export const directoryCase: BenchCase = {
  name: "directory",
  description: "the circle's directory /traeger (loader, concurrent users) and its SQL with vs without RLS",
  async seed(ctx) {
    const seed = await circleSeed(ctx);
    // Sanity: every user sees exactly their circles' Träger, before anything is timed.
    for (const user of seed.users) {
      const data = await callDirectory(user, {});
      if (data.total !== user.visibleTraeger) {
        throw new Error(`${user.email} sees ${data.total} Träger in the directory, expected ${user.visibleTraeger}`);
      }
    }
  },
  async run(ctx) {
    const seed = await circleSeed(ctx);
    const { options } = ctx;
    const users = seed.users.slice(0, options.concurrency);
    const rows: Measurement[] = [];

    for (const variant of VARIANTS) {
      const { samples, wallMs } = await concurrentUsers(users, options, async (user, i) => {
        await callDirectory(user, variant.query(i, seed));
      });
      rows.push({ kind: "latency", case: "directory", variant: variant.label, samples, wallMs });
    }
    // The same page without contention: one request at a time (the floor under the figures above).
    const alone = await concurrentUsers([0], { iterations: options.iterations * 2, warmup: options.warmup }, async (_, i) => {
      await callDirectory(users[i % users.length]!, {});
    });
    rows.push({ kind: "latency", case: "directory", variant: "/traeger (alle), 1 request at a time", ...alone });

    // The page's SQL alone, one statement at a time: as the user (RLS) and as service_role.
    for (const filtered of [false, true]) {
      const { a, b } = await alternate(
        options.sqlIterations,
        Math.min(20, options.sqlIterations),
        (i) => {
          const user = users[i % users.length]!;
          return asUser(user, (tx) => timed(() => directoryPageQuery(tx, sqlFilters(seed, i, filtered)).execute()));
        },
        (i) => {
          const user = users[i % users.length]!;
          return asServiceRoleFor(user, (tx) => timed(() => directoryPageQuery(tx, sqlFilters(seed, i, filtered)).execute()));
        },
      );
      rows.push({
        kind: "ratio",
        case: "directory SQL",
        variant: filtered ? "hilfeart + gemeinde" : "alle, Seite 1",
        withRls: a,
        withoutRls: b,
      });
    }

    if (options.explain) await explain(ctx, seed);
    return rows;
  },
};
