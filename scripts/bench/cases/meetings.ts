// Kooperationstreffen with 500 meetings (8 agenda items each) and 20,000 RSVPs in the bench circles
// (--scale shrinks both): the list page /treffen (upcoming and past) and a meeting page
// /treffen/:id, each for N signed-in users at once (loaders as the server runs them), and the RLS
// overhead of their SQL (as the user ÷ as service_role with the same claims).
import { performance } from "node:perf_hooks";
import { CompiledQuery, sql, type KyselyPlugin } from "kysely";
import { loader as listLoader } from "../../../app/routes/treffen._index";
import { loader as pageLoader } from "../../../app/routes/treffen.$id._index/route";
import { asUser, type Tx } from "../../../app/.server/db/request";
import {
  loadMeeting,
  meetingListQuery,
} from "../../../app/.server/meetings/read";
import { callRoute } from "../../../tests/helpers/routes";
import { alternate, asServiceRoleFor, concurrentUsers, timed } from "../load";
import type { BenchUser, CircleSeed } from "../seed-circle";
import {
  shared,
  type BenchCase,
  type BenchContext,
  type Measurement,
} from "../types";
import { screenOnce } from "../screen-once";
import { circleSeed } from "./directory";

export const MEETINGS = 500;
export const RSVPS_PER_MEETING = 40;
export const AGENDA_ITEMS = 8;

async function seedMeetings(
  ctx: BenchContext,
): Promise<{ meetings: number; rsvps: number; agenda: number }> {
  const db = ctx.target.database.db;
  const count = Math.max(20, Math.round(MEETINGS * ctx.options.scale));
  const t0 = performance.now();
  // 4 of 5 meetings in circle A, spread from two years ago to one year ahead, hosted in turn by the
  // circle's Träger.
  await sql`
    with circles as (
      select n.id, n.slug, (select array_agg(nm.org_id order by nm.org_id) from public.network_members nm where nm.network_id = n.id) as orgs
      from public.networks n where n.slug in ('bench-kreis-niederrhein', 'bench-kreis-ruhr'))
    insert into public.meetings (network_id, host_org_id, title, description, place, gemeinde, starts_at, ends_at, guests_welcome)
    select c.id, c.orgs[1 + g % cardinality(c.orgs)], 'Bench-Treffen ' || g, 'Austausch der Träger', 'Rathaus, Markt 1', 'wesel',
      date_trunc('hour', now()) + ((g - ${Math.round(count * 0.66)}) * interval '2 days') + interval '15 hours',
      date_trunc('hour', now()) + ((g - ${Math.round(count * 0.66)}) * interval '2 days') + interval '17 hours', true
    from generate_series(1, ${count}::int) g
    join circles c on c.slug = case when g % 5 = 0 then 'bench-kreis-ruhr' else 'bench-kreis-niederrhein' end`.execute(
    db,
  );
  await sql`
    insert into public.agenda_items (network_id, meeting_id, kind, status, position, title, minutes_planned)
    select m.network_id, m.id, 'topic', 'scheduled', p, 'Tagesordnungspunkt ' || p, 15
    from public.meetings m cross join generate_series(1, ${AGENDA_ITEMS}::int) p
    where m.title like 'Bench-Treffen %'`.execute(db);
  await sql`
    insert into public.meeting_rsvps (meeting_id, user_id, org_id, answer, is_delegate)
    select m.id, p.user_id, p.org_id,
      (array['zusage', 'zusage', 'vielleicht', 'absage'])[1 + abs(hashtext(m.id::text || p.user_id::text)) % 4], false
    from public.meetings m
    cross join lateral (
      select om.user_id, om.org_id from public.org_members om
      join public.network_members nm on nm.org_id = om.org_id and nm.network_id = m.network_id and nm.status = 'active'
      order by hashtext(m.id::text || om.user_id::text) limit ${RSVPS_PER_MEETING}::int) p
    where m.title like 'Bench-Treffen %'
    on conflict do nothing`.execute(db);
  await sql`
    update public.meetings m set
      rsvp_yes = (select count(*) from public.meeting_rsvps r where r.meeting_id = m.id and r.answer = 'zusage'),
      rsvp_maybe = (select count(*) from public.meeting_rsvps r where r.meeting_id = m.id and r.answer = 'vielleicht'),
      rsvp_no = (select count(*) from public.meeting_rsvps r where r.meeting_id = m.id and r.answer = 'absage'),
      rsvp_orgs = (select count(distinct r.org_id) from public.meeting_rsvps r where r.meeting_id = m.id and r.answer = 'zusage')
    where m.title like 'Bench-Treffen %'`.execute(db);
  await sql`analyze public.meetings, public.meeting_rsvps, public.agenda_items`.execute(
    db,
  );
  const counts = await sql<{ meetings: number; rsvps: number; agenda: number }>`
    select (select count(*)::int from public.meetings where title like 'Bench-Treffen %') as meetings,
      (select count(*)::int from public.meeting_rsvps) as rsvps,
      (select count(*)::int from public.agenda_items) as agenda`.execute(db);
  ctx.log(
    `[bench]   meetings seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return counts.rows[0]!;
}

export const meetingsSeed = (ctx: BenchContext) =>
  shared(ctx, "meetings", async () => {
    await circleSeed(ctx);
    return screenOnce(ctx.target.database, ["meetings", "meeting_rsvps", "agenda_items"], () => seedMeetings(ctx));
  });

/** For each user: an upcoming meeting of their circle with its RSVPs (the page to open). */
async function pagesFor(
  ctx: BenchContext,
  users: BenchUser[],
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const user of users) {
    const row = await asUser(
      user,
      async (tx) =>
        (
          await sql<{
            id: string;
          }>`select id from public.meetings where title like 'Bench-Treffen %' and starts_at > now()
        and network_id in (select private.user_network_ids()) order by starts_at limit 1`.execute(
            tx,
          )
        ).rows[0],
    );
    if (!row) throw new Error(`no upcoming bench meeting for ${user.email}`);
    map.set(user.id, row.id);
  }
  return map;
}

async function callList(user: BenchUser, past: boolean): Promise<number> {
  const request = new Request(
    `http://localhost:3000/treffen${past ? "?ansicht=vergangen" : ""}`,
    { headers: { Cookie: user.cookie } },
  );
  const outcome = await callRoute<{ meetings: unknown[] }>(listLoader, request);
  if (outcome.status !== 200)
    throw new Error(`/treffen answered ${outcome.status} for ${user.email}`);
  return outcome.data.meetings.length;
}

async function callPage(user: BenchUser, id: string): Promise<void> {
  const request = new Request(`http://localhost:3000/treffen/${id}`, {
    headers: { Cookie: user.cookie },
  });
  const outcome = await callRoute<{ meeting: { agenda: unknown[] } }>(
    pageLoader,
    request,
    { id },
  );
  if (outcome.status !== 200)
    throw new Error(
      `/treffen/${id} answered ${outcome.status} for ${user.email}`,
    );
  if (outcome.data.meeting.agenda.length !== AGENDA_ITEMS)
    throw new Error("meeting page without its agenda");
}


/**
 * --explain: the meeting page's queries (captured from loadMeeting as the user), each as
 * EXPLAIN ANALYZE as the user and as service_role — the plan as the user and, per query, the
 * median execution time of both, so a policy that misleads one query's plan shows there.
 */
async function explain(ctx: BenchContext, seed: CircleSeed, pages: Map<string, string>) {
  const user = seed.users[0]!;
  const id = pages.get(user.id)!;
  const captured: CompiledQuery[] = [];
  await asUser(user, async (tx) => {
    const executor = tx.getExecutor();
    const recorder: KyselyPlugin = {
      transformQuery: (args) => {
        captured.push(executor.compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    await loadMeeting(tx.withPlugin(recorder) as Tx, { ...user, fullName: "", sessionId: "" }, id);
  });
  const runs = Math.max(5, Math.min(30, Math.round(ctx.options.sqlIterations / 5)));
  const plan = async (tx: Tx, query: CompiledQuery) =>
    (
      await tx.executeQuery<{ "QUERY PLAN": string }>(
        CompiledQuery.raw(`explain (analyze, buffers, costs off) ${query.sql}`, [...query.parameters]),
      )
    ).rows.map((r) => r["QUERY PLAN"]).join("\n");
  const executionMs = (text: string) => Number(/Execution Time: ([0-9.]+) ms/.exec(text)?.[1] ?? NaN);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [i, query] of captured.entries()) {
    const asUserMs: number[] = [];
    const asServiceMs: number[] = [];
    let userPlan = "";
    for (let r = 0; r < runs; r++) {
      userPlan = await asUser(user, (tx) => plan(tx, query));
      asUserMs.push(executionMs(userPlan));
      asServiceMs.push(executionMs(await asServiceRoleFor(user, (tx) => plan(tx, query))));
    }
    const [u, s] = [median(asUserMs), median(asServiceMs)];
    ctx.log(
      `\nEXPLAIN ANALYZE · ${ctx.target.label} · meeting page query ${i + 1}/${captured.length} · ` +
        `as user ${u.toFixed(2)} ms, as service_role ${s.toFixed(2)} ms (${(u / s).toFixed(2)}×, median of ${runs})\n` +
        `${query.sql.replace(/\s+/g, " ").trim().slice(0, 200)}\n${userPlan}`,
    );
  }
}

export const meetingsCase: BenchCase = {
  name: "meetings",
  description: `Kooperationstreffen with ${MEETINGS} meetings (${AGENDA_ITEMS} agenda items each) and ${(MEETINGS * RSVPS_PER_MEETING).toLocaleString("en")} RSVPs: /treffen and a meeting page under concurrent users; RLS overhead of their SQL`,
  async seed(ctx) {
    const counts = await meetingsSeed(ctx);
    ctx.log(
      `[bench]   ${counts.meetings} meetings, ${counts.agenda.toLocaleString("en")} agenda items, ${counts.rsvps.toLocaleString("en")} RSVPs`,
    );
    const seed = await circleSeed(ctx);
    for (const user of seed.users.slice(0, ctx.options.concurrency)) {
      if ((await callList(user, false)) === 0)
        throw new Error(`/treffen lists nothing for ${user.email}`);
    }
  },
  async run(ctx) {
    const seed = await circleSeed(ctx);
    const { options } = ctx;
    const users = seed.users.slice(0, options.concurrency);
    const pages = await pagesFor(ctx, users);
    if (options.explain) await explain(ctx, seed, pages);
    const rows: Measurement[] = [];
    for (const past of [false, true]) {
      const { samples, wallMs } = await concurrentUsers(
        users,
        options,
        async (user) => {
          if ((await callList(user, past)) === 0) throw new Error("empty list");
        },
      );
      rows.push({
        kind: "latency",
        case: "meetings",
        variant: past ? "/treffen?ansicht=vergangen" : "/treffen (kommende)",
        samples,
        wallMs,
      });
    }
    {
      const { samples, wallMs } = await concurrentUsers(
        users,
        options,
        async (user) => callPage(user, pages.get(user.id)!),
      );
      rows.push({
        kind: "latency",
        case: "meetings",
        variant: `/treffen/:id (${AGENDA_ITEMS} TOPs, ~${RSVPS_PER_MEETING} RSVPs)`,
        samples,
        wallMs,
      });
    }
    for (const past of [false, true]) {
      const { a, b } = await alternate(
        options.sqlIterations,
        Math.min(20, options.sqlIterations),
        (i) => {
          const user = users[i % users.length]!;
          return asUser(user, (tx) =>
            timed(() => meetingListQuery(user.id, past).execute(tx)),
          );
        },
        (i) => {
          const user = users[i % users.length]!;
          return asServiceRoleFor(user, (tx) =>
            timed(() => meetingListQuery(user.id, past).execute(tx)),
          );
        },
      );
      rows.push({
        kind: "ratio",
        case: "meetings SQL",
        variant: past ? "Liste, vergangene" : "Liste, kommende",
        withRls: a,
        withoutRls: b,
      });
    }
    {
      const { a, b } = await alternate(
        Math.max(10, Math.round(options.sqlIterations / 3)),
        Math.min(10, options.sqlIterations),
        (i) => {
          const user = users[i % users.length]!;
          return asUser(user, (tx) =>
            timed(() =>
              loadMeeting(
                tx,
                { ...user, fullName: "", sessionId: "" },
                pages.get(user.id)!,
              ),
            ),
          );
        },
        (i) => {
          const user = users[i % users.length]!;
          return asServiceRoleFor(user, (tx) =>
            timed(() =>
              loadMeeting(
                tx,
                { ...user, fullName: "", sessionId: "" },
                pages.get(user.id)!,
              ),
            ),
          );
        },
      );
      rows.push({
        kind: "ratio",
        case: "meetings SQL",
        variant: "Seite eines Treffens (alle Abfragen)",
        withRls: a,
        withoutRls: b,
      });
    }
    return rows;
  },
};
