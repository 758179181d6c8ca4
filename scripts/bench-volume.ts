// The volume case (scripts/bench/cases/volume.ts), or the rls case (--case rls), against a database a bench run kept
// (`npm run bench -- --only postgres --case volume --scale S --keep` prints its URL): measure the
// same seeded data again — several runs, or after a change of the code or of an index — without
// seeding it again (a 100× seed takes half an hour). Same rows as the bench's (its JSON too, for
// scripts/bench-compare.ts); the signed-in user is the bench's first (bench-3-0), the filter
// combination the bench's first. Migrations are not run: apply a changed index by hand first.
//
//   DATABASE_URL=postgres://…/tk_bench_… npx tsx scripts/bench-volume.ts --scale 10 --json /tmp/v10.json [--explain]
//   … --volume-plans values   (explain with the values, a custom plan, instead of as sent; see the bench's --help)
//   … --case rls [--case volume] [--statements /tmp/st.jsonl]   (the RLS overhead per page on the kept data)
//   … --page /kalender        (only the page with this label, or else those whose label starts with it; repeatable)
import os from "node:os";
import { parseArgs } from "node:util";
import { openPostgres, type Database } from "../app/.server/db/connection";
import { useDatabaseForTests } from "../app/.server/db/index";
import { signedInCookie } from "../tests/helpers/fixtures";
import { rlsCase } from "./bench/cases/rls";
import { PAGES, volumeCase } from "./bench/cases/volume";
import { table, writeResultsJson } from "./bench/report";
import type { BenchUser, CircleSeed } from "./bench/seed-circle";
import type { BenchContext, BenchOptions } from "./bench/types";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    json: { type: "string" },
    explain: { type: "boolean", default: false },
    "sql-iterations": { type: "string", default: "300" },
    "volume-plans": { type: "string", default: "sent" },
    case: { type: "string", multiple: true, default: ["volume"] },
    statements: { type: "string" },
    page: { type: "string", multiple: true },
  },
});
const CASES = { volume: volumeCase, rls: rlsCase };
const cases = args.case.map((name) => {
  if (!(name in CASES)) throw new Error(`--case must be one of ${Object.keys(CASES).join(", ")}`);
  return CASES[name as keyof typeof CASES];
});
if (args["volume-plans"] !== "sent" && args["volume-plans"] !== "values") throw new Error("--volume-plans must be sent or values");
if (args.page?.length) {
  const exact = (name: string) => PAGES.some((p) => p.label === name);
  const wanted = PAGES.filter((p) => args.page!.some((name) => (exact(name) ? p.label === name : p.label.startsWith(name))));
  if (wanted.length === 0) throw new Error(`--page: no page label starts with ${args.page.join(" or ")}`);
  PAGES.splice(0, PAGES.length, ...wanted);
}
const url = process.env.DATABASE_URL;
if (!url || !/\/tk_bench_[0-9a-f]+$/.test(new URL(url).pathname)) throw new Error("DATABASE_URL must name a kept tk_bench_* database");

/** The bench's circle seed as seedCircle returned it, read back: its first user and filter combinations. */
async function circleOf(database: Database): Promise<CircleSeed> {
  const [first] = await database.withScriptRunner((r) =>
    r.query<{ id: string; email: string; role: BenchUser["role"]; visible: number }>(
      `select u.id, u.email, m.role,
         (select count(distinct nm2.org_id)::int from public.network_members nm
          join public.network_members nm2 on nm2.network_id = nm.network_id where nm.org_id = m.org_id) as visible
       from auth.users u join public.org_members m on m.user_id = u.id where u.email = 'bench-3-0@bench.example'`,
    ),
  );
  if (!first) throw new Error("no bench user bench-3-0@bench.example: not a bench database");
  const user: BenchUser = {
    id: first.id,
    email: first.email,
    role: first.role,
    orgIndex: 3,
    cookie: await signedInCookie(database, first),
    visibleTraeger: first.visible,
  };
  // seedCircle's filter combinations: in its order, those with at least 3 Träger of circle A.
  const combos = await database.withScriptRunner((r) =>
    r.query<{ hilfeart: string; gemeinde: string }>(
      `select h.code as hilfeart, g.code as gemeinde
       from unnest(array['p31', 'p34', 'p27', 'p30', 'p35a', 'p41', 'p8a']) with ordinality h(code, i)
       cross join unnest(array['duisburg', 'oberhausen', 'moers', 'wesel', 'dinslaken']) with ordinality g(code, j)
       where (select count(*) from public.organizations o
              join public.network_members nm on nm.org_id = o.id
              join public.networks n on n.id = nm.network_id and n.slug = 'bench-kreis-niederrhein'
              where h.code = any (o.hilfearten) and g.code = any (o.gemeinden)) >= 3
       order by h.i, g.j`,
    ),
  );
  return { users: [user], filterCombos: combos, searchTerms: [] };
}

const options: BenchOptions = {
  concurrency: 1,
  iterations: 1,
  warmup: 5,
  sqlIterations: Number(args["sql-iterations"]),
  explain: args.explain ?? false,
  scale: Number(args.scale),
  seatSeconds: 1,
  seatClients: 1,
  httpUsers: 1,
  httpSeconds: 1,
  httpProcesses: [1],
  httpThinkMs: [0],
  volumePlans: args["volume-plans"] as "sent" | "values",
  statementsFile: args.statements,
};

const database = openPostgres(url, { maxLifetimeSeconds: null, genericPlans: process.env.DATABASE_PLANS !== "auto" });
try {
  useDatabaseForTests(database);
  const version = await database.withScriptRunner((r) => r.query<{ server_version: string }>("show server_version"));
  const label = `PostgreSQL ${version[0]?.server_version.split(" ")[0] ?? ""}`.trim();
  const ctx: BenchContext = { target: { label, database }, options, cache: new Map(), log: (m) => console.log(m) };
  ctx.cache.set("circle", Promise.resolve(await circleOf(database)));
  console.log(`[bench-volume] ${new URL(url).pathname.slice(1)}, scale ${options.scale}, load ${os.loadavg()[0]!.toFixed(1)}`);
  const measurements = [];
  for (const c of cases) measurements.push(...(await c.run(ctx)));
  console.log(`\n${table([{ label, measurements }])}\n`);
  if (args.json) {
    writeResultsJson(args.json, options, [{ label, measurements }]);
  }
} finally {
  await database.close();
}
