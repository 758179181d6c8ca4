// Reading Gemeinsame Projekte, always as the signed-in user: RLS decides what a person sees
// (supabase/migrations/20261207110000_create_projects.sql). The circle sees ideas and the names
// of the partner Träger; the workspace (updates, tasks, links, key dates) only the partners.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { gemeindeOptions } from "../circle/reference";
import { asUserReadOnly, type Tx } from "../db/request";
import type { ProjectPartnerRole, ProjectPartnerStatus, ProjectTaskStatus } from "../db/schema";
import { activeHide, type ActiveHide } from "../sozialdaten-hides";

import type { ProjectStatus } from "~/utils/projects";
import { rowLimit } from "~/.server/db/limits";
import { PROJECT_PAGE_SIZE as PAGE } from "~/validation/projects";

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


/** The list's order; projects_list_idx is on exactly this expression. */
const listOrder = sql`case p.status when 'idea' then 0 when 'running' then 1 when 'draft' then 2 else 3 end`;

/** The user's Träger with their Hilfearten and Gemeinden (for "Passt zu uns"). */
async function myOrgs(tx: Tx, userId: string) {
  return tx
    .selectFrom("org_members as m")
    .innerJoin("organizations as o", "o.id", "m.org_id")
    .select(["o.id", "o.name", "o.hilfearten", "o.gemeinden", "m.role"])
    .where("m.user_id", "=", userId)
    .orderBy("o.name")
    .execute();
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
    const conditions = sql`true
          ${filters.status ? sql`and p.status = ${filters.status}` : sql`and p.status <> 'abandoned'`}
          ${filters.hilfeart ? sql`and ${filters.hilfeart} = any (p.hilfearten)` : sql``}
          ${filters.gemeinde ? sql`and ${filters.gemeinde} = any (p.gemeinden)` : sql``}
          ${filters.passend ? sql`and (p.hilfearten && ${myHilfearten}::text[] or p.gemeinden && ${myGemeinden}::text[])` : sql``}`;
    // The page's ids first (in projects_list_idx order, one more than a page: is there a next?),
    // names and partners only for those rows. The count comes from the same rows: exact while the
    // list ends on this page, else "Mehr als n Projekte" (n = the projects up to this page's end).
    // A separate count read each counted project and its policy again (count(*) over () every
    // visible one; capped at 200, 31 → 181 buffers from 1× to 10× the bench), for a number a
    // person scrolling a page of cards does not need exactly (issue 14).
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
    }>`
      with page as (
        select p.id, ${listOrder} as rank, p.updated_at
        from public.projects p
        where ${conditions}
        order by ${listOrder}, p.updated_at desc, p.id
        limit ${rowLimit(PAGE + 1)} offset ${(page - 1) * PAGE})
      select p.id, p.title, left(p.goal, 300) as goal, p.status, p.hilfearten, p.gemeinden,
        p.period_start::text, p.period_end::text,
        pa.lead_name, pa.partner_names, coalesce(pa.mine, false) as mine
      from page join public.projects p on p.id = page.id
      -- The card's partners in one pass over the project's partner rows: the lead, the active
      -- partners, and whether the person's Träger is an active partner (workspace_project_ids()
      -- for this card only; as "p.id in (…)" or "exists" the planner hashed every project the
      -- Träger ever took part in, for each page).
      left join lateral (
        select max(o.name) filter (where pp.role = 'lead' and o.id is not null) as lead_name,
          array_agg(o.name order by o.name) filter (where pp.status = 'active' and pp.role = 'partner' and o.id is not null) as partner_names,
          bool_or(pp.status = 'active' and pp.org_id = any ((select private.user_org_id_array())::uuid[])) as mine
        from public.project_partners pp left join public.organizations o on o.id = pp.org_id
        where pp.project_id = p.id) pa on true
      order by page.rank, page.updated_at desc, page.id`.execute(tx);
    const hilfearten = await tx.selectFrom("hilfearten").select(["code", "label", "paragraph"]).orderBy("sort_order").execute();
    const gemeinden = await gemeindeOptions(tx);
    const hLabel = new Map(hilfearten.map((h) => [h.code, h.paragraph]));
    const gName = new Map(gemeinden.map((g) => [g.code, g.name]));
    const cards: ProjectCard[] = rows.rows.slice(0, PAGE).map((r) => ({
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
    const hasMore = rows.rows.length > PAGE;
    const before = (page - 1) * PAGE;
    // Past the end (a page number typed in): nothing is known but that fewer projects match.
    const pastEnd = cards.length === 0 && page > 1;
    return {
      cards,
      /** Matching projects: exact unless `moreThan` (then: more than this many) or `pastEnd`. */
      total: before + cards.length,
      moreThan: hasMore,
      pastEnd,
      page,
      /** Known only on the list's last page (the pagination then shows "Nächste" by hasMore). */
      pages: hasMore || pastEnd ? null : Math.max(1, page),
      hasMore,
      hilfearten,
      gemeinden,
      canCreate: orgs.some((o) => ["owner", "admin", "coordinator"].includes(o.role)),
    };
  }
}

export type PartnerRow = {
  orgId: string;
  orgName: string;
  orgSlug: string;
  role: ProjectPartnerRole;
  status: ProjectPartnerStatus;
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

/** Hilfearten labelled "§ 31 Sozialpädagogische Familienhilfe": all, or those of `codes`. */
function hilfeartLabels(tx: Tx, codes?: string[]) {
  const all = tx
    .selectFrom("hilfearten")
    .select((eb) => ["code", sql<string>`${eb.ref("paragraph")} || ' ' || ${eb.ref("label")}`.as("label")]);
  return (codes ? all.where("code", "=", sql<string>`any (${codes}::text[])`) : all).orderBy("sort_order").execute();
}

export async function loadProject(tx: Tx, user: SessionUser, id: string): Promise<ProjectDetail | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const row = await tx
    .selectFrom("projects as p")
    .select((eb) => [
      "p.id",
      "p.network_id",
      "p.title",
      "p.goal",
      "p.target_group",
      "p.age_from",
      "p.age_to",
      "p.hilfearten",
      "p.gemeinden",
      sql<string | null>`${eb.ref("p.period_start")}::text`.as("period_start"),
      sql<string | null>`${eb.ref("p.period_end")}::text`.as("period_end"),
      "p.funding",
      "p.wanted",
      "p.summary",
      "p.status_reason",
      "p.status",
      sql<boolean>`private.leads_project(${eb.ref("p.id")})`.as("is_lead"),
      sql<boolean>`${eb.ref("p.id")} in (select private.workspace_project_ids())`.as("in_workspace"),
      sql<boolean>`${eb.ref("p.network_id")} in (select private.coordinated_network_ids())`.as("coordinates"),
    ])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const partners = await tx
    .selectFrom("project_partners as pp")
    .innerJoin("organizations as o", "o.id", "pp.org_id")
    .select(["pp.org_id", "o.name as org_name", "o.slug as org_slug", "pp.role", "pp.status", "pp.message", "pp.answer", "pp.created_at"])
    .where("pp.project_id", "=", id)
    .orderBy(sql`pp.role = 'lead'`, "desc")
    .orderBy(sql`pp.status = 'active'`, "desc")
    .orderBy("o.name")
    .execute();
  const mine = await tx
    .selectFrom("org_members as m")
    .innerJoin("organizations as o", "o.id", "m.org_id")
    .innerJoin("network_members as nm", (join) =>
      join.onRef("nm.org_id", "=", "o.id").on("nm.network_id", "=", row.network_id).on("nm.status", "=", sql.lit("active")),
    )
    .select(["o.id", "o.name"])
    .where("m.user_id", "=", user.id)
    .where("m.role", "in", [sql.lit("owner" as const), sql.lit("admin" as const), sql.lit("coordinator" as const)])
    .orderBy("o.name")
    .execute();
  const labels = await hilfeartLabels(tx, row.hilfearten);
  const names = await tx
    .selectFrom("gemeinden")
    .select(["code", "name"])
    .where("code", "=", sql<string>`any (${row.gemeinden}::text[])`)
    .orderBy("sort_order")
    .orderBy("name")
    .execute();
  const invitable = row.is_lead
    ? await tx
        .selectFrom("network_members as nm")
        .innerJoin("organizations as o", "o.id", "nm.org_id")
        .select(["o.id", "o.name"])
        .where("nm.network_id", "=", row.network_id)
        .where("nm.status", "=", sql.lit("active"))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("project_partners as pp")
                .select(sql`1`.as("one"))
                .where("pp.project_id", "=", id)
                .whereRef("pp.org_id", "=", "o.id")
                .where("pp.status", "in", [sql.lit("active" as const), sql.lit("requested" as const), sql.lit("invited" as const)]),
            ),
          ),
        )
        .orderBy("o.name")
        .execute()
    : [];
  const partnerRows: PartnerRow[] = partners.map((r) => ({
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
    hilfearten: labels,
    gemeinden: names,
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
    myCoordinatedOrgs: mine.map((o) => {
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
  partners: Array<{ orgId: string; orgName: string; orgSlug: string; role: ProjectPartnerRole; contacts: Array<{ userId: string; name: string; email: string | null; phone: string | null }> }>;
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
  tasks: Array<{ id: string; title: string; ownerOrgId: string; ownerOrgName: string; ownerName: string | null; dueDate: string | null; status: ProjectTaskStatus }>;
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
    const updates = await tx
      .selectFrom("project_updates as u")
      .leftJoin("organizations as o", "o.id", "u.org_id")
      .select((eb) => [
        "u.id",
        "o.name as org_name",
        "u.author_id",
        "u.body",
        "u.link_url",
        "u.created_at",
        eb
          .exists(
            eb
              .selectFrom("sozialdaten_hides as h")
              .select(sql`1`.as("one"))
              .where("h.subject_type", "=", sql.lit("project_update"))
              .whereRef("h.subject_id", "=", "u.id")
              .where("h.released_at", "is", null),
          )
          .$castTo<boolean>()
          .as("hidden"),
        sql<number>`count(*) over ()::int`.as("total"),
      ])
      .where("u.project_id", "=", id)
      .orderBy("u.created_at", "desc")
      .orderBy("u.id")
      .limit(rowLimit(updatesLimit))
      .execute();
    const updateIds = updates.map((u) => u.id);
    const comments = updateIds.length
      ? await tx
          .selectFrom("project_comments as c")
          .leftJoin("organizations as o", "o.id", "c.org_id")
          .select(["c.id", "c.update_id", "o.name as org_name", "c.author_id", "c.body", "c.created_at"])
          .where("c.update_id", "=", sql<string>`any (${updateIds}::uuid[])`)
          .orderBy("c.created_at")
          .execute()
      : [];
    const tasks = await tx
      .selectFrom("project_tasks as t")
      .innerJoin("organizations as o", "o.id", "t.owner_org_id")
      .select((eb) => [
        "t.id",
        "t.title",
        "t.owner_org_id",
        "o.name as owner_org_name",
        "t.owner_user_id",
        sql<string | null>`${eb.ref("t.due_date")}::text`.as("due_date"),
        "t.status",
      ])
      .where("t.project_id", "=", id)
      .orderBy(sql`t.status = 'done'`)
      .orderBy(sql`t.due_date nulls last`)
      .orderBy("t.created_at")
      .execute();
    const links = await tx
      .selectFrom("project_links as l")
      .leftJoin("organizations as o", "o.id", "l.org_id")
      .select(["l.id", "l.title", "l.url", "o.name as org_name"])
      .where("l.project_id", "=", id)
      .orderBy("l.created_at")
      .execute();
    const dates = await tx
      .selectFrom("project_dates as d")
      .select(["d.id", "d.title", "d.starts_at", "d.ends_at"])
      .where("d.project_id", "=", id)
      .orderBy("d.starts_at")
      .execute();
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
      updates: updates.map((u) => ({
        id: u.id,
        orgName: u.org_name,
        authorName: u.author_id ? (nameOf.get(u.author_id) ?? null) : null,
        body: u.body,
        linkUrl: u.link_url,
        createdAt: u.created_at,
        hidden: u.hidden,
        comments: comments
          .filter((c) => c.update_id === u.id)
          .map((c) => ({
            id: c.id,
            orgName: c.org_name,
            authorName: c.author_id ? (nameOf.get(c.author_id) ?? null) : null,
            body: c.body,
            createdAt: c.created_at,
          })),
      })),
      updatesTotal: updates[0]?.total ?? 0,
      tasks: tasks.map((t) => ({
        id: t.id,
        title: t.title,
        ownerOrgId: t.owner_org_id,
        ownerOrgName: t.owner_org_name,
        ownerName: t.owner_user_id ? (nameOf.get(t.owner_user_id) ?? null) : null,
        dueDate: t.due_date,
        status: t.status,
      })),
      links: links.map((l) => ({ id: l.id, title: l.title, url: l.url, orgName: l.org_name })),
      dates: dates.map((d) => ({ id: d.id, title: d.title, startsAt: d.starts_at, endsAt: d.ends_at })),
    };
  }
}

/** Circles and Träger the person can start a project for (owner, admin, coordinator). */
export async function leadOptions(tx: Tx, userId: string) {
  const rows = await tx
    .selectFrom("org_members as m")
    .innerJoin("organizations as o", "o.id", "m.org_id")
    .innerJoin("network_members as nm", (join) => join.onRef("nm.org_id", "=", "o.id").on("nm.status", "=", sql.lit("active")))
    .innerJoin("networks as n", "n.id", "nm.network_id")
    .select(["n.id as network_id", "n.name as network_name", "o.id as org_id", "o.name as org_name"])
    .where("m.user_id", "=", userId)
    .where("m.role", "in", [sql.lit("owner" as const), sql.lit("admin" as const), sql.lit("coordinator" as const)])
    .orderBy("o.name")
    .orderBy("n.name")
    .execute();
  const circles = new Set(rows.map((x) => x.network_id));
  return rows.map((x) => ({
    value: `${x.network_id}:${x.org_id}`,
    label: circles.size > 1 ? `${x.org_name} (${x.network_name})` : x.org_name,
  }));
}

export async function projectFormOptions(tx: Tx) {
  return { hilfearten: await hilfeartLabels(tx), gemeinden: await gemeindeOptions(tx) };
}
