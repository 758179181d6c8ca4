// Gemeinsame Projekte with 2,000 ideas in the bench circles, 500 of them running with three
// partner Träger each and 20,000 updates (40 per running project, a comment on every fourth),
// 5 tasks, 2 links and 2 key dates each (--scale shrinks all of it): the list page /projekte
// (unfiltered and filtered) and a workspace page /projekte/:id/arbeitsraum, each for N signed-in
// users at once (loaders as the server runs them), and the RLS overhead of their SQL (as the user
// ÷ as service_role with the same claims).
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { loader as listLoader } from "../../../app/routes/projekte._index";
import { loader as workspaceLoader } from "../../../app/routes/projekte.$id.arbeitsraum";
import { asUser } from "../../../app/.server/db/request";
import { listProjectsIn, loadWorkspace } from "../../../app/.server/projects/read";
import { callRoute } from "../../../tests/helpers/routes";
import { alternate, asServiceRoleFor, concurrentUsers, timed } from "../load";
import type { BenchUser } from "../seed-circle";
import { shared, type BenchCase, type BenchContext, type Measurement } from "../types";
import { screenOnce } from "../screen-once";
import { circleSeed } from "./directory";

export const PROJECTS = 2000;
export const RUNNING = 500;
export const UPDATES_PER_PROJECT = 40;

async function seedProjects(ctx: BenchContext): Promise<{ projects: number; running: number; updates: number }> {
  const db = ctx.target.database.db;
  const count = Math.max(40, Math.round(PROJECTS * ctx.options.scale));
  const running = Math.max(10, Math.round(RUNNING * ctx.options.scale));
  const t0 = performance.now();
  // 4 of 5 projects in circle A; the first `running` are running, the others ideas (every tenth
  // a draft, every twentieth completed). Led in turn by the circle's Träger.
  await sql`
    with circles as (
      select n.id, n.slug, (select array_agg(nm.org_id order by nm.org_id) from public.network_members nm
                            where nm.network_id = n.id and nm.status = 'active') as orgs
      from public.networks n where n.slug in ('bench-kreis-niederrhein', 'bench-kreis-ruhr'))
    insert into public.projects (network_id, created_by_org_id, status, title, goal, target_group, age_from, age_to,
      hilfearten, gemeinden, period_start, period_end, funding, wanted, summary, published_at, created_at, updated_at)
    select c.id, c.orgs[1 + g % cardinality(c.orgs)],
      case when g <= ${running}::int then 'running' when g % 20 = 0 then 'completed' when g % 10 = 0 then 'draft' else 'idea' end,
      'Bench-Projekt ' || g, 'Ein gemeinsames Angebot für Kinder und Jugendliche im Sozialraum, Nummer ' || g || '.',
      'Kinder und Jugendliche', 6, 14,
      array[(array['p16','p27','p29','p30','p31','p35'])[1 + g % 6], (array['p8a','p13','p32','p34','p41'])[1 + g % 5]],
      array[(array['wesel','moers','dinslaken','voerde','duisburg','oberhausen','xanten','kamp-lintfort'])[1 + g % 8]],
      current_date + (g % 90), current_date + (g % 90) + 30, 'Jugendamt', 'Räume und Fachkraftstunden',
      case when g > ${running}::int and g % 20 = 0 then 'Ein Steckbrief für den Kreis mit dem, was entstanden ist.' end,
      now() - (g * interval '1 hour'), now() - (g * interval '1 hour'), now() - (g * interval '1 hour')
    from generate_series(1, ${count}::int) g
    join circles c on c.slug = case when g % 5 = 0 then 'bench-kreis-ruhr' else 'bench-kreis-niederrhein' end`.execute(db);
  // The lead, and for running projects three partner Träger (the next ones in the circle's list).
  await sql`
    insert into public.project_partners (project_id, org_id, role, status, decided_at)
    select p.id, p.created_by_org_id, 'lead', 'active', now() from public.projects p where p.title like 'Bench-Projekt %'`.execute(db);
  await sql`
    with circles as (
      select n.id, (select array_agg(nm.org_id order by nm.org_id) from public.network_members nm
                    where nm.network_id = n.id and nm.status = 'active') as orgs
      from public.networks n where n.slug in ('bench-kreis-niederrhein', 'bench-kreis-ruhr'))
    insert into public.project_partners (project_id, org_id, role, status, message, decided_at)
    select p.id, c.orgs[1 + (array_position(c.orgs, p.created_by_org_id) + k * 37) % cardinality(c.orgs)], 'partner', 'active',
      'Wir machen mit.', now()
    from public.projects p join circles c on c.id = p.network_id
    cross join generate_series(1, 3) k
    where p.title like 'Bench-Projekt %' and p.status = 'running'
    on conflict do nothing`.execute(db);
  await sql`
    insert into public.project_updates (project_id, org_id, body, created_at)
    select p.id, pp.org_id, 'Neuigkeit ' || u || ': Planung läuft, Räume sind angefragt.', now() - (u * interval '3 hours')
    from public.projects p
    cross join generate_series(1, ${UPDATES_PER_PROJECT}::int) u
    join lateral (select x.org_id from public.project_partners x where x.project_id = p.id and x.status = 'active'
                  order by x.org_id offset (u % 3) limit 1) pp on true
    where p.title like 'Bench-Projekt %' and p.status = 'running'`.execute(db);
  await sql`
    insert into public.project_comments (update_id, project_id, org_id, body)
    select u.id, u.project_id, u.org_id, 'Danke, passt.' from public.project_updates u
    join public.projects p on p.id = u.project_id
    where p.title like 'Bench-Projekt %' and abs(hashtext(u.id::text)) % 4 = 0`.execute(db);
  await sql`
    insert into public.project_tasks (project_id, title, owner_org_id, due_date, status)
    select p.id, 'Aufgabe ' || t, p.created_by_org_id, current_date + t * 3, case when t = 1 then 'done' else 'open' end
    from public.projects p cross join generate_series(1, 5) t
    where p.title like 'Bench-Projekt %' and p.status = 'running'`.execute(db);
  await sql`
    insert into public.project_links (project_id, org_id, title, url)
    select p.id, p.created_by_org_id, 'Planung ' || l, 'https://cloud.example/s/' || l
    from public.projects p cross join generate_series(1, 2) l
    where p.title like 'Bench-Projekt %' and p.status = 'running'`.execute(db);
  await sql`
    insert into public.project_dates (project_id, title, starts_at, ends_at)
    select p.id, 'Termin ' || d, now() + d * interval '7 days', now() + d * interval '7 days' + interval '2 hours'
    from public.projects p cross join generate_series(1, 2) d
    where p.title like 'Bench-Projekt %' and p.status = 'running'`.execute(db);
  await sql`analyze public.projects, public.project_partners, public.project_updates, public.project_comments,
    public.project_tasks, public.project_links, public.project_dates`.execute(db);
  const counts = await sql<{ projects: number; running: number; updates: number }>`
    select (select count(*)::int from public.projects where title like 'Bench-Projekt %') as projects,
      (select count(*)::int from public.projects where title like 'Bench-Projekt %' and status = 'running') as running,
      (select count(*)::int from public.project_updates) as updates`.execute(db);
  ctx.log(`[bench]   projects seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return counts.rows[0]!;
}

export const projectsSeed = (ctx: BenchContext) =>
  shared(ctx, "projects", async () => {
    await circleSeed(ctx);
    const tables = ["projects", "project_partners", "project_updates", "project_comments", "project_tasks", "project_links", "project_dates"];
    return screenOnce(ctx.target.database, tables, () => seedProjects(ctx));
  });

/** For each user: a running project their Träger takes part in (the workspace to open). */
async function workspacesFor(users: BenchUser[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const user of users) {
    const row = await asUser(
      user,
      async (tx) =>
        (
          await sql<{ id: string }>`select p.id from public.projects p
            where p.title like 'Bench-Projekt %' and p.status = 'running' and p.id in (select private.workspace_project_ids())
            order by p.id limit 1`.execute(tx)
        ).rows[0],
    );
    if (row) map.set(user.id, row.id);
  }
  return map;
}

async function callList(user: BenchUser, query: string): Promise<number> {
  const request = new Request(`http://localhost:3000/projekte${query}`, { headers: { Cookie: user.cookie } });
  const outcome = await callRoute<{ cards: unknown[] }>(listLoader, request);
  if (outcome.status !== 200) throw new Error(`/projekte answered ${outcome.status} for ${user.email}`);
  return outcome.data.cards.length;
}

async function callWorkspace(user: BenchUser, id: string): Promise<void> {
  const request = new Request(`http://localhost:3000/projekte/${id}/arbeitsraum`, { headers: { Cookie: user.cookie } });
  const outcome = await callRoute<{ ws: { updates: unknown[] } }>(workspaceLoader, request, { id });
  if (outcome.status !== 200) throw new Error(`/projekte/${id}/arbeitsraum answered ${outcome.status} for ${user.email}`);
  if (outcome.data.ws.updates.length === 0) throw new Error("workspace without its updates");
}

const session = (user: BenchUser) => ({ id: user.id, email: user.email, fullName: "", sessionId: "" });

export const projectsCase: BenchCase = {
  name: "projects",
  description: `Gemeinsame Projekte with ${PROJECTS.toLocaleString("en")} ideas, ${RUNNING} running with ${(RUNNING * UPDATES_PER_PROJECT).toLocaleString("en")} updates: /projekte and a workspace under concurrent users; RLS overhead of their SQL`,
  async seed(ctx) {
    const counts = await projectsSeed(ctx);
    ctx.log(`[bench]   ${counts.projects.toLocaleString("en")} projects, ${counts.running} running, ${counts.updates.toLocaleString("en")} updates`);
    const seed = await circleSeed(ctx);
    for (const user of seed.users.slice(0, ctx.options.concurrency)) {
      if ((await callList(user, "")) === 0) throw new Error(`/projekte lists nothing for ${user.email}`);
    }
  },
  async run(ctx) {
    const seed = await circleSeed(ctx);
    const { options } = ctx;
    const users = seed.users.slice(0, options.concurrency);
    const pages = await workspacesFor(seed.users);
    const partners = seed.users.filter((u) => pages.has(u.id)).slice(0, options.concurrency);
    if (partners.length === 0) throw new Error("no bench user takes part in a running project");
    const rows: Measurement[] = [];
    for (const [variant, query] of [
      ["/projekte (Seite 1)", ""],
      ["/projekte?hilfeart&gemeinde&status", "?hilfeart=p31&gemeinde=wesel&status=idea"],
    ] as const) {
      const { samples, wallMs } = await concurrentUsers(users, options, async (user) => {
        await callList(user, query);
      });
      rows.push({ kind: "latency", case: "projects", variant, samples, wallMs });
    }
    {
      const { samples, wallMs } = await concurrentUsers(partners, options, async (user) => callWorkspace(user, pages.get(user.id)!));
      rows.push({
        kind: "latency",
        case: "projects",
        variant: `/projekte/:id/arbeitsraum (${UPDATES_PER_PROJECT} Beiträge, 30 gezeigt)`,
        samples,
        wallMs,
      });
    }
    {
      const { a, b } = await alternate(
        options.sqlIterations,
        Math.min(20, options.sqlIterations),
        (i) => {
          const user = users[i % users.length]!;
          return asUser(user, (tx) => timed(() => listProjectsIn(tx, user, {})));
        },
        (i) => {
          const user = users[i % users.length]!;
          return asServiceRoleFor(user, (tx) => timed(() => listProjectsIn(tx, user, {})));
        },
      );
      rows.push({ kind: "ratio", case: "projects SQL", variant: "/projekte (alle Abfragen)", withRls: a, withoutRls: b });
    }
    {
      const { a, b } = await alternate(
        Math.max(10, Math.round(options.sqlIterations / 3)),
        Math.min(10, options.sqlIterations),
        (i) => {
          const user = partners[i % partners.length]!;
          return asUser(user, (tx) => timed(() => loadWorkspace(tx, session(user), pages.get(user.id)!)));
        },
        (i) => {
          const user = partners[i % partners.length]!;
          return asServiceRoleFor(user, (tx) => timed(() => loadWorkspace(tx, session(user), pages.get(user.id)!)));
        },
      );
      rows.push({ kind: "ratio", case: "projects SQL", variant: "Arbeitsraum (alle Abfragen)", withRls: a, withoutRls: b });
    }
    return rows;
  },
};
