// The Vertretungsbörse's board (/vertretungen) with 50,000 requests and 150,000 offers of the 200
// Träger (seed-cover.ts): the loader as the server runs it, for N signed-in users at once, on each
// tab — "Offen im Kreis" (the board, without and with filters), "Unsere Anfragen" and "Unsere
// Angebote" (the "my Träger" page, ?ansicht=anfragen|angebote) — and the board's list query as
// the user (RLS) vs as service_role with the same claims (no RLS) for the RLS overhead.
import { performance } from "node:perf_hooks";
import { CompiledQuery, sql } from "kysely";
import { loader } from "../../../app/routes/vertretungen._index";
import { coverContext } from "../../../app/.server/cover/context";
import { openRequestsQuery } from "../../../app/.server/cover/board";
import type { CoverBoard } from "../../../app/.server/cover/board";
import { asUser, type Tx } from "../../../app/.server/db/request";
import { parseCoverBoardFilters, type CoverBoardFilters } from "../../../app/validation/cover";
import { callRoute } from "../../../tests/helpers/routes";
import { alternate, asServiceRoleFor, concurrentUsers } from "../load";
import { seedCoverBoard, COVER_OFFERS, COVER_REQUESTS, type CoverSeedCounts } from "../seed-cover";
import type { BenchUser, CircleSeed } from "../seed-circle";
import { shared, type BenchCase, type BenchContext, type Measurement } from "../types";
import { circleSeed } from "./directory";

const CASE = "cover board";

/** Board filters people pick: a Gemeinde and an urgency, or a Gemeinde and a Hilfeart. */
function filtered(i: number, seed: CircleSeed): Record<string, string> {
  const combo = seed.filterCombos[i % seed.filterCombos.length]!;
  return i % 2 === 0 ? { gemeinde: combo.gemeinde, dringlichkeit: "notfall" } : { gemeinde: combo.gemeinde, hilfeart: combo.hilfeart };
}

type Variant = { label: string; query: (i: number, seed: CircleSeed) => Record<string, string>; check: (b: CoverBoard) => number };

const VARIANTS: Variant[] = [
  { label: "/vertretungen (Offen im Kreis, Seite 1)", query: () => ({}), check: (b) => b.open.length },
  { label: "/vertretungen?gemeinde&dringlichkeit|hilfeart", query: filtered, check: () => 1 },
  { label: "/vertretungen?ansicht=anfragen (Unsere Anfragen)", query: () => ({ ansicht: "anfragen" }), check: (b) => b.requests.length },
  { label: "/vertretungen?ansicht=angebote (Unsere Angebote)", query: () => ({ ansicht: "angebote" }), check: (b) => b.offers.length },
];

async function callBoard(user: BenchUser, params: Record<string, string>): Promise<CoverBoard> {
  const search = new URLSearchParams(params).toString();
  const request = new Request(`http://localhost:3000/vertretungen${search ? `?${search}` : ""}`, {
    headers: { Cookie: user.cookie },
  });
  const outcome = await callRoute<{ board: CoverBoard }>(loader, request);
  if (outcome.status !== 200) throw new Error(`/vertretungen answered ${outcome.status} (${outcome.location ?? ""}) for ${user.email}`);
  return outcome.data.board;
}

function boardFilters(params: Record<string, string>): CoverBoardFilters {
  return parseCoverBoardFilters(new URLSearchParams(params));
}

/** The board query alone: the person's context first (not timed), then the list query. */
async function timedBoardQuery(tx: Tx, user: BenchUser, filters: CoverBoardFilters): Promise<number> {
  const context = await coverContext(tx, user.id);
  const query = openRequestsQuery(context, filters);
  const t0 = performance.now();
  await query.execute(tx);
  return performance.now() - t0;
}

async function explain(ctx: BenchContext, seed: CircleSeed) {
  const user = seed.users[0]!;
  for (const params of [{}, filtered(0, seed)]) {
    for (const [who, run] of [
      ["user (RLS)", (fn: (tx: Tx) => Promise<string>) => asUser(user, fn)],
      ["service_role", (fn: (tx: Tx) => Promise<string>) => asServiceRoleFor(user, fn)],
    ] as const) {
      const plan = await run(async (tx) => {
        const context = await coverContext(tx, user.id);
        const compiled = openRequestsQuery(context, boardFilters(params)).compile(tx);
        const result = await tx.executeQuery<{ "QUERY PLAN": string }>(
          CompiledQuery.raw(`explain (analyze, buffers, costs off) ${compiled.sql}`, [...compiled.parameters]),
        );
        return result.rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
      ctx.log(`\nEXPLAIN ANALYZE · ${ctx.target.label} · cover board ${new URLSearchParams(params).toString() || "(alle)"} · ${who}\n${plan}`);
    }
  }
}

export const coverBoardSeed = (ctx: BenchContext) =>
  shared(ctx, "cover-board", async (): Promise<CoverSeedCounts> => {
    await circleSeed(ctx);
    return seedCoverBoard(ctx.target.database, { scale: ctx.options.scale, log: ctx.log });
  });

export const coverBoardCase: BenchCase = {
  name: "cover-board",
  description: `the Vertretungsbörse board /vertretungen with ${COVER_REQUESTS.toLocaleString("en")} requests and ${COVER_OFFERS.toLocaleString("en")} offers: tabs under concurrent users, board query with vs without RLS`,
  async seed(ctx) {
    const counts = await coverBoardSeed(ctx);
    ctx.log(
      `[bench]   ${counts.requests.toLocaleString("en")} requests (${counts.openRequests.toLocaleString("en")} open), ` +
        `${counts.offers.toLocaleString("en")} offers (${counts.acceptedOffers.toLocaleString("en")} accepted), ` +
        `${counts.ledgerRows.toLocaleString("en")} ledger rows (${counts.ledgerMonths.toLocaleString("en")} months), ` +
        `${counts.recipients.toLocaleString("en")} addressees`,
    );
    // Sanity, before anything is timed: every tab shows something to every bench user (with a
    // small --scale a Träger may have no requests or offers of its own; the board still shows).
    const seed = await circleSeed(ctx);
    for (const user of seed.users) {
      for (const variant of ctx.options.scale >= 0.25 ? VARIANTS : VARIANTS.slice(0, 1)) {
        const board = await callBoard(user, variant.query(0, seed));
        if (variant.check(board) === 0) throw new Error(`${variant.label} is empty for ${user.email}: the cover seed did not reach this Träger`);
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
        await callBoard(user, variant.query(i, seed));
      });
      rows.push({ kind: "latency", case: CASE, variant: variant.label, samples, wallMs });
    }
    for (const [label, params] of [
      ["Offen im Kreis, Seite 1", () => ({})],
      ["gemeinde + dringlichkeit|hilfeart", (i: number) => filtered(i, seed)],
    ] as const) {
      const { a, b } = await alternate(
        options.sqlIterations,
        Math.min(20, options.sqlIterations),
        (i) => {
          const user = users[i % users.length]!;
          return asUser(user, (tx) => timedBoardQuery(tx, user, boardFilters(params(i))));
        },
        (i) => {
          const user = users[i % users.length]!;
          return asServiceRoleFor(user, (tx) => timedBoardQuery(tx, user, boardFilters(params(i))));
        },
      );
      rows.push({ kind: "ratio", case: "cover board SQL", variant: label, withRls: a, withoutRls: b });
    }
    if (options.explain) await explain(ctx, seed);
    return rows;
  },
};
