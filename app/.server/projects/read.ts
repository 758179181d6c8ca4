// Reading Gemeinsame Projekte, always as the signed-in user: RLS decides what a person sees
// (supabase/migrations/20261207110000_create_projects.sql). The circle sees ideas and the names
// of the partner Träger; the workspace (updates, tasks, links, key dates) only the partners.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUserReadOnly, type Tx } from "../db/request";
import { activeHide, type ActiveHide } from "../sozialdaten-hides";

import type { ProjectStatus } from "~/utils/projects";

export type { ProjectStatus };

export type ProjectFilters = { hilfeart?: string; gemeinde?: string; status?: ProjectStatus; passend?: "1"; seite?: number };

export type ProjectCard = {
  id: string;
  title: string;
  goal: string;
  status: ProjectStatus;
  leadName: string;
  partnerNames: string[];
  hilfearten: string[];
  gemeinden: string[];
  periodStart: string | null;
  periodEnd: string | null;
  /** "Passt zu uns": a Träger of the person shares a Hilfeart or a Gemeinde with the idea. */
  fits: string[];
  mine: boolean;
};

const PAGE = 30;

/** The user's Träger with their Hilfearten and Gemeinden (for "Passt zu uns"). */
async function myOrgs(tx: Tx, userId: string) {
  const r = await sql<{ id: string; name: string; hilfearten: string[]; gemeinden: string[]; role: string }>`
    select o.id, o.name, o.hilfearten, o.gemeinden, m.role
    from public.org_members m join public.organizations o on o.id = m.org_id
    where m.user_id = ${userId} order by o.name`.execute(tx);
  return r.rows;
}

export async function listProjects(user: SessionUser, filters: ProjectFilters) {
  return asUserReadOnly(user, (tx) => listProjectsIn(tx, user, filters));
}

/** The /projekte page's data in a transaction (the bench times it as the user and as service_role). */
export async function listProjectsIn(tx: Tx, user: Pick<SessionUser, "id">, filters: ProjectFilters) {
  {
    const orgs = await myOrgs(tx, user.id);
    const myHilfearten = [...new Set(orgs.flatMap((o) => o.hilfearten))];
    const myGemeinden = [...new Set(orgs.flatMap((o) => o.gemeinden))];
    const page = filters.seite ?? 1;
    // The page's ids (and the total) first; names and partners only for those 30 rows.
    const rows = await sql<{
      id: string;
      title: string;
      goal: string;
      status: ProjectStatus;
      hilfearten: string[];
      gemeinden: string[];
      period_start: string | null;
      period_end: string | null;
      lead_name: string | null;
      partner_names: string[] | null;
      mine: boolean;
      total: number;
    }>`
      with page as (
        select p.id, p.status, p.updated_at, count(*) over ()::int as total
        from public.projects p
        where true
          ${filters.status ? sql`and p.status = ${filters.status}` : sql`and p.status <> 'abandoned'`}
          ${filters.hilfeart ? sql`and ${filters.hilfeart} = any (p.hilfearten)` : sql``}
          ${filters.gemeinde ? sql`and ${filters.gemeinde} = any (p.gemeinden)` : sql``}
          ${filters.passend ? sql`and (p.hilfearten && ${myHilfearten}::text[] or p.gemeinden && ${myGemeinden}::text[])` : sql``}
        order by case p.status when 'idea' then 0 when 'running' then 1 when 'draft' then 2 else 3 end,
          p.updated_at desc, p.id
        limit ${PAGE} offset ${(page - 1) * PAGE})
      select p.id, p.title, left(p.goal, 300) as goal, p.status, p.hilfearten, p.gemeinden,
        p.period_start::text, p.period_end::text,
        (select o.name from public.project_partners pp join public.organizations o on o.id = pp.org_id
          where pp.project_id = p.id and pp.role = 'lead') as lead_name,
        (select array_agg(o.name order by o.name) from public.project_partners pp join public.organizations o on o.id = pp.org_id
          where pp.project_id = p.id and pp.status = 'active' and pp.role = 'partner') as partner_names,
        p.id in (select private.workspace_project_ids()) as mine,
        page.total
      from page join public.projects p on p.id = page.id
      order by case page.status when 'idea' then 0 when 'running' then 1 when 'draft' then 2 else 3 end,
        page.updated_at desc, page.id`.execute(tx);
    const hilfearten = await sql<{ code: string; label: string; paragraph: string }>`
      select code, label, paragraph from public.hilfearten order by sort_order`.execute(tx);
    const gemeinden = await sql<{ code: string; name: string; kreis: string }>`
      select code, name, kreis from public.gemeinden order by sort_order, name`.execute(tx);
    const hLabel = new Map(hilfearten.rows.map((h) => [h.code, h.paragraph]));
    const gName = new Map(gemeinden.rows.map((g) => [g.code, g.name]));
    const cards: ProjectCard[] = rows.rows.map((r) => ({
      id: r.id,
      title: r.title,
      goal: r.goal,
      status: r.status,
      leadName: r.lead_name ?? "",
      partnerNames: r.partner_names ?? [],
      hilfearten: r.hilfearten.map((c) => hLabel.get(c) ?? c),
      gemeinden: r.gemeinden.map((c) => gName.get(c) ?? c),
      periodStart: r.period_start,
      periodEnd: r.period_end,
      fits: r.mine
        ? []
        : [
            ...r.hilfearten.filter((c) => myHilfearten.includes(c)).map((c) => hLabel.get(c) ?? c),
            ...r.gemeinden.filter((c) => myGemeinden.includes(c)).map((c) => gName.get(c) ?? c),
          ],
      mine: r.mine,
    }));
    const total = rows.rows[0]?.total ?? 0;
    return {
      cards,
      total,
      page,
      pages: Math.max(1, Math.ceil(total / PAGE)),
      hilfearten: hilfearten.rows,
      gemeinden: gemeinden.rows,
      canCreate: orgs.some((o) => ["owner", "admin", "coordinator"].includes(o.role)),
    };
  }
}

export type PartnerRow = {
  orgId: string;
  orgName: string;
  orgSlug: string;
  role: "lead" | "partner";
  status: "requested" | "invited" | "active" | "declined" | "left";
  message: string;
  answer: string;
  createdAt: Date;
};

export type ProjectDetail = {
  id: string;
  networkId: string;
  title: string;
  goal: string;
  targetGroup: string;
  ageFrom: number | null;
  ageTo: number | null;
  hilfearten: Array<{ code: string; label: string }>;
  gemeinden: Array<{ code: string; name: string }>;
  periodStart: string | null;
  periodEnd: string | null;
  funding: string;
  wanted: string;
  summary: string | null;
  statusReason: string | null;
  status: ProjectStatus;
  partners: PartnerRow[];
  /** The person leads (coordinator of the lead Träger). */
  isLead: boolean;
  /** The person's Träger is an active partner: the workspace is open. */
  inWorkspace: boolean;
  /** The person's Träger they coordinate in this circle, with their state in the project. */
  myCoordinatedOrgs: Array<{ id: string; name: string; state: PartnerRow["status"] | null; role: PartnerRow["role"] | null }>;
  /** Träger of the circle the lead can invite. */
  invitable: Array<{ id: string; name: string }>;
  hide: ActiveHide | null;
  coordinatesCircle: boolean;
};

export async function loadProject(tx: Tx, user: SessionUser, id: string): Promise<ProjectDetail | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const p = await sql<{
    id: string;
    network_id: string;
    title: string;
    goal: string;
    target_group: string;
    age_from: number | null;
    age_to: number | null;
    hilfearten: string[];
    gemeinden: string[];
    period_start: string | null;
    period_end: string | null;
    funding: string;
    wanted: string;
    summary: string | null;
    status_reason: string | null;
    status: ProjectStatus;
    is_lead: boolean;
    in_workspace: boolean;
    coordinates: boolean;
  }>`
    select p.id, p.network_id, p.title, p.goal, p.target_group, p.age_from, p.age_to, p.hilfearten, p.gemeinden,
      p.period_start::text, p.period_end::text, p.funding, p.wanted, p.summary, p.status_reason, p.status,
      private.leads_project(p.id) as is_lead,
      p.id in (select private.workspace_project_ids()) as in_workspace,
      p.network_id in (select private.coordinated_network_ids()) as coordinates
    from public.projects p where p.id = ${id}`.execute(tx);
  const row = p.rows[0];
  if (!row) return null;
  const partners = await sql<{
    org_id: string;
    org_name: string;
    org_slug: string;
    role: PartnerRow["role"];
    status: PartnerRow["status"];
    message: string;
    answer: string;
    created_at: Date;
  }>`
    select pp.org_id, o.name as org_name, o.slug as org_slug, pp.role, pp.status, pp.message, pp.answer, pp.created_at
    from public.project_partners pp join public.organizations o on o.id = pp.org_id
    where pp.project_id = ${id}
    order by pp.role = 'lead' desc, pp.status = 'active' desc, o.name`.execute(tx);
  const mine = await sql<{ id: string; name: string }>`
    select o.id, o.name from public.org_members m
    join public.organizations o on o.id = m.org_id
    join public.network_members nm on nm.org_id = o.id and nm.network_id = ${row.network_id} and nm.status = 'active'
    where m.user_id = ${user.id} and m.role in ('owner', 'admin', 'coordinator') order by o.name`.execute(tx);
  const labels = await sql<{ code: string; label: string }>`
    select code, paragraph || ' ' || label as label from public.hilfearten where code = any (${row.hilfearten}::text[]) order by sort_order`.execute(tx);
  const names = await sql<{ code: string; name: string }>`
    select code, name from public.gemeinden where code = any (${row.gemeinden}::text[]) order by sort_order, name`.execute(tx);
  const invitable = row.is_lead
    ? (
        await sql<{ id: string; name: string }>`
          select o.id, o.name from public.network_members nm join public.organizations o on o.id = nm.org_id
          where nm.network_id = ${row.network_id} and nm.status = 'active'
            and not exists (select 1 from public.project_partners pp where pp.project_id = ${id} and pp.org_id = o.id
                            and pp.status in ('active', 'requested', 'invited'))
          order by o.name`.execute(tx)
      ).rows
    : [];
  const partnerRows: PartnerRow[] = partners.rows.map((r) => ({
    orgId: r.org_id,
    orgName: r.org_name,
    orgSlug: r.org_slug,
    role: r.role,
    status: r.status,
    message: r.message,
    answer: r.answer,
    createdAt: r.created_at,
  }));
  return {
    id: row.id,
    networkId: row.network_id,
    title: row.title,
    goal: row.goal,
    targetGroup: row.target_group,
    ageFrom: row.age_from,
    ageTo: row.age_to,
    hilfearten: labels.rows,
    gemeinden: names.rows,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    funding: row.funding,
    wanted: row.wanted,
    summary: row.summary,
    statusReason: row.status_reason,
    status: row.status,
    partners: partnerRows,
    isLead: row.is_lead,
    inWorkspace: row.in_workspace,
    myCoordinatedOrgs: mine.rows.map((o) => {
      const p = partnerRows.find((x) => x.orgId === o.id);
      return { ...o, state: p?.status ?? null, role: p?.role ?? null };
    }),
    invitable,
    hide: await activeHide(tx, "project", id),
    coordinatesCircle: row.coordinates,
  };
}

export async function projectDetail(user: SessionUser, id: string) {
  return asUserReadOnly(user, (tx) => loadProject(tx, user, id));
}

export type Workspace = {
  project: ProjectDetail;
  partners: Array<{ orgId: string; orgName: string; orgSlug: string; role: "lead" | "partner"; contacts: Array<{ userId: string; name: string; email: string | null; phone: string | null }> }>;
  members: Array<{ orgId: string; userId: string; name: string }>;
  updates: Array<{
    id: string;
    orgName: string | null;
    authorName: string | null;
    body: string;
    linkUrl: string | null;
    createdAt: Date;
    hidden: boolean;
    comments: Array<{ id: string; orgName: string | null; authorName: string | null; body: string; createdAt: Date }>;
  }>;
  updatesTotal: number;
  tasks: Array<{ id: string; title: string; ownerOrgId: string; ownerOrgName: string; ownerName: string | null; dueDate: string | null; status: "open" | "in_progress" | "done" }>;
  links: Array<{ id: string; title: string; url: string; orgName: string | null }>;
  dates: Array<{ id: string; title: string; startsAt: Date; endsAt: Date | null }>;
};

/** The workspace, or null when the person's Träger is not an active partner ("Nicht gefunden"). */
export async function projectWorkspace(user: SessionUser, id: string, updatesLimit = 30): Promise<Workspace | null> {
  return asUserReadOnly(user, (tx) => loadWorkspace(tx, user, id, updatesLimit));
}

/** The workspace in a transaction (the bench times it as the user and as service_role). */
export async function loadWorkspace(tx: Tx, user: SessionUser, id: string, updatesLimit = 30): Promise<Workspace | null> {
  {
    const project = await loadProject(tx, user, id);
    if (!project || !project.inWorkspace) return null;
    const active = project.partners.filter((p) => p.status === "active");
    // The partners' people through public.project_people (profiles show other Träger's people
    // only when they are Ansprechpersonen).
    const people = await sql<{ org_id: string; user_id: string; full_name: string; email: string | null; phone: string | null; is_contact_person: boolean }>`
      select org_id, user_id, full_name, email, phone, is_contact_person from public.project_people(${id}::uuid)`.execute(tx);
    const nameOf = new Map(people.rows.map((m) => [m.user_id, m.full_name]));
    const updates = await sql<{
      id: string;
      org_name: string | null;
      author_id: string | null;
      body: string;
      link_url: string | null;
      created_at: Date;
      hidden: boolean;
      total: number;
    }>`
      select u.id, o.name as org_name, u.author_id, u.body, u.link_url, u.created_at,
        exists (select 1 from public.sozialdaten_hides h where h.subject_type = 'project_update' and h.subject_id = u.id
                and h.released_at is null) as hidden,
        count(*) over ()::int as total
      from public.project_updates u
      left join public.organizations o on o.id = u.org_id
      where u.project_id = ${id}
      order by u.created_at desc, u.id limit ${updatesLimit}`.execute(tx);
    const updateIds = updates.rows.map((u) => u.id);
    const comments = updateIds.length
      ? await sql<{ id: string; update_id: string; org_name: string | null; author_id: string | null; body: string; created_at: Date }>`
          select c.id, c.update_id, o.name as org_name, c.author_id, c.body, c.created_at
          from public.project_comments c
          left join public.organizations o on o.id = c.org_id
          where c.update_id = any (${updateIds}::uuid[]) order by c.created_at`.execute(tx)
      : { rows: [] };
    const tasks = await sql<{ id: string; title: string; owner_org_id: string; owner_org_name: string; owner_user_id: string | null; due_date: string | null; status: "open" | "in_progress" | "done" }>`
      select t.id, t.title, t.owner_org_id, o.name as owner_org_name, t.owner_user_id, t.due_date::text, t.status
      from public.project_tasks t join public.organizations o on o.id = t.owner_org_id
      where t.project_id = ${id}
      order by t.status = 'done', t.due_date nulls last, t.created_at`.execute(tx);
    const links = await sql<{ id: string; title: string; url: string; org_name: string | null }>`
      select l.id, l.title, l.url, o.name as org_name from public.project_links l
      left join public.organizations o on o.id = l.org_id where l.project_id = ${id} order by l.created_at`.execute(tx);
    const dates = await sql<{ id: string; title: string; starts_at: Date; ends_at: Date | null }>`
      select d.id, d.title, d.starts_at, d.ends_at from public.project_dates d where d.project_id = ${id} order by d.starts_at`.execute(tx);
    return {
      project,
      partners: active.map((p) => ({
        orgId: p.orgId,
        orgName: p.orgName,
        orgSlug: p.orgSlug,
        role: p.role,
        contacts: people.rows
          .filter((m) => m.org_id === p.orgId && m.is_contact_person)
          .map((m) => ({ userId: m.user_id, name: m.full_name, email: m.email, phone: m.phone })),
      })),
      members: people.rows.map((m) => ({ orgId: m.org_id, userId: m.user_id, name: m.full_name })),
      updates: updates.rows.map((u) => ({
        id: u.id,
        orgName: u.org_name,
        authorName: u.author_id ? (nameOf.get(u.author_id) ?? null) : null,
        body: u.body,
        linkUrl: u.link_url,
        createdAt: u.created_at,
        hidden: u.hidden,
        comments: comments.rows
          .filter((c) => c.update_id === u.id)
          .map((c) => ({
            id: c.id,
            orgName: c.org_name,
            authorName: c.author_id ? (nameOf.get(c.author_id) ?? null) : null,
            body: c.body,
            createdAt: c.created_at,
          })),
      })),
      updatesTotal: updates.rows[0]?.total ?? 0,
      tasks: tasks.rows.map((t) => ({
        id: t.id,
        title: t.title,
        ownerOrgId: t.owner_org_id,
        ownerOrgName: t.owner_org_name,
        ownerName: t.owner_user_id ? (nameOf.get(t.owner_user_id) ?? null) : null,
        dueDate: t.due_date,
        status: t.status,
      })),
      links: links.rows.map((l) => ({ id: l.id, title: l.title, url: l.url, orgName: l.org_name })),
      dates: dates.rows.map((d) => ({ id: d.id, title: d.title, startsAt: d.starts_at, endsAt: d.ends_at })),
    };
  }
}

/** Circles and Träger the person can start a project for (owner, admin, coordinator). */
export async function leadOptions(tx: Tx, userId: string) {
  const r = await sql<{ network_id: string; network_name: string; org_id: string; org_name: string }>`
    select n.id as network_id, n.name as network_name, o.id as org_id, o.name as org_name
    from public.org_members m
    join public.organizations o on o.id = m.org_id
    join public.network_members nm on nm.org_id = o.id and nm.status = 'active'
    join public.networks n on n.id = nm.network_id
    where m.user_id = ${userId} and m.role in ('owner', 'admin', 'coordinator')
    order by o.name, n.name`.execute(tx);
  const circles = new Set(r.rows.map((x) => x.network_id));
  return r.rows.map((x) => ({
    value: `${x.network_id}:${x.org_id}`,
    label: circles.size > 1 ? `${x.org_name} (${x.network_name})` : x.org_name,
  }));
}

export async function projectFormOptions(tx: Tx) {
  const hilfearten = await sql<{ code: string; label: string }>`
    select code, paragraph || ' ' || label as label from public.hilfearten order by sort_order`.execute(tx);
  const gemeinden = await sql<{ code: string; name: string; kreis: string }>`
    select code, name, kreis from public.gemeinden order by sort_order, name`.execute(tx);
  return { hilfearten: hilfearten.rows, gemeinden: gemeinden.rows };
}
