// Report and hide (supabase/migrations/20261206120100_create_sozialdaten_hides.sql): a member of
// another Träger reports a text, which the database hides at once from everyone but the author's
// Träger; the author's coordinators revise it on /sozialdaten/<hide id>. RLS decides who sees what;
// the SQL functions decide who may report and revise.
import { sql } from "kysely";
import type { SessionUser } from "./auth/session";
import { asUser, type Tx } from "./db/request";
import type { SozialdatenSubjectType } from "./db/schema";

export type ActiveHide = { id: string; source: "report" | "coordinator" | "screen"; createdAt: string };

/** The active hide of a subject, when the signed-in person may see it (author, reporter, circle coordination). */
export async function activeHide(tx: Tx, subjectType: SozialdatenSubjectType, subjectId: string): Promise<ActiveHide | null> {
  const row = await tx
    .selectFrom("sozialdaten_hides")
    .select(["id", "source", "created_at"])
    .where("subject_type", "=", subjectType)
    .where("subject_id", "=", subjectId)
    .where("released_at", "is", null)
    .executeTakeFirst();
  return row ? { id: row.id, source: row.source, createdAt: row.created_at.toISOString() } : null;
}

/** Reports a text of another Träger (or, for the circle's coordinators, hides it). Returns the hide's id. */
export async function reportSozialdaten(
  user: SessionUser,
  input: { subjectType: SozialdatenSubjectType; subjectId: string; note?: string },
): Promise<string> {
  return asUser(user, async (tx) => {
    const r = await sql<{ id: string }>`
      select public.report_sozialdaten(${input.subjectType}, ${input.subjectId}::uuid, ${input.note ?? null}) as id`.execute(tx);
    return r.rows[0]!.id;
  });
}

export type HiddenText = {
  hideId: string;
  subjectType: SozialdatenSubjectType;
  subjectId: string;
  source: ActiveHide["source"];
  note: string | null;
  kinds: string[];
  createdAt: string;
  releasedAt: string | null;
  /** The author's Träger sees the texts; reporters and circle coordinators only the hide. */
  own: boolean;
  canRevise: boolean;
  title: string;
  /** Where the subject is shown (the request of an offer). */
  path: string;
  texts: Partial<
    Record<
      | "title"
      | "description"
      | "gender_reason"
      | "cancel_reason"
      | "decline_reason"
      | "message"
      | "goal"
      | "target_group"
      | "funding"
      | "wanted"
      | "summary"
      | "body",
      string
    >
  >;
  /** Minutes are revised in their editor, not on the revision page. */
  editorPath: string | null;
};

/** The hide and, for the author's Träger, the texts to revise. Null when the person may not see it. */
export async function loadHiddenText(user: SessionUser, hideId: string): Promise<HiddenText | null> {
  return asUser(user, async (tx) => {
    const hide = await tx.selectFrom("sozialdaten_hides").selectAll().where("id", "=", hideId).executeTakeFirst();
    if (!hide) return null;
    const roles = await tx
      .selectFrom("org_members")
      .select("role")
      .where("org_id", "=", hide.org_id)
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    const own = Boolean(roles);
    const canRevise = own && ["owner", "admin", "coordinator"].includes(roles!.role) && hide.released_at === null;
    let title = "Ausgeblendeter Text";
    let path = subjectPath(hide.subject_type, hide.subject_id);
    let texts: HiddenText["texts"] = {};
    let editorPath: string | null = null;
    if (own && hide.subject_type === "cover_request") {
      const r = await sql<{ title: string; description: string; gender_reason: string | null; cancel_reason: string | null }>`
        select h.label || ' in ' || g.name as title, r.description, r.gender_reason, i.cancel_reason
        from public.cover_requests r
        join public.hilfearten h on h.code = r.hilfeart
        join public.gemeinden g on g.code = r.gemeinde
        left join public.cover_request_internals i on i.request_id = r.id
        where r.id = ${hide.subject_id}`.execute(tx);
      const row = r.rows[0];
      if (row) {
        title = `Vertretungsanfrage: ${row.title}`;
        texts = { description: row.description };
        if (row.gender_reason !== null) texts.gender_reason = row.gender_reason;
        if (row.cancel_reason !== null) texts.cancel_reason = row.cancel_reason;
      }
    } else if (own && hide.subject_type === "cover_offer") {
      const row = await tx
        .selectFrom("cover_offers")
        .select(["message", "request_id"])
        .where("id", "=", hide.subject_id)
        .executeTakeFirst();
      if (row) {
        title = "Angebot zu einer Vertretungsanfrage";
        path = subjectPath("cover_offer", hide.subject_id, row.request_id);
        texts = { message: row.message };
      }
    } else if (own && hide.subject_type === "project") {
      const r = await sql<{ title: string; goal: string; target_group: string; funding: string; wanted: string; summary: string | null }>`
        select title, goal, target_group, funding, wanted, summary from public.projects where id = ${hide.subject_id}`.execute(tx);
      const row = r.rows[0];
      if (row) {
        title = `Projekt „${row.title}“`;
        texts = { goal: row.goal, target_group: row.target_group, funding: row.funding, wanted: row.wanted };
        if (row.summary !== null) texts.summary = row.summary;
      }
    } else if (own && hide.subject_type === "project_update") {
      const r = await sql<{ body: string; project_id: string }>`
        select body, project_id from public.project_updates where id = ${hide.subject_id}`.execute(tx);
      const row = r.rows[0];
      if (row) {
        title = "Beitrag im Arbeitsraum eines Projekts";
        path = `/projekte/${row.project_id}/arbeitsraum`;
        texts = { body: row.body };
      }
    } else if (own && hide.subject_type === "training") {
      const row = await tx
        .selectFrom("trainings")
        .select(["title", "description", "cancel_reason"])
        .where("id", "=", hide.subject_id)
        .executeTakeFirst();
      if (row) {
        title = `Fortbildung „${row.title}“`;
        texts = { description: row.description };
        if (row.cancel_reason !== null) texts.cancel_reason = row.cancel_reason;
      }
    } else if (own && hide.subject_type === "meeting") {
      const row = await tx
        .selectFrom("meetings")
        .select(["title", "description", "cancel_reason"])
        .where("id", "=", hide.subject_id)
        .executeTakeFirst();
      if (row) {
        title = `Treffen „${row.title}“`;
        texts = { title: row.title, description: row.description };
        if (row.cancel_reason !== null) texts.cancel_reason = row.cancel_reason;
      }
    } else if (own && hide.subject_type === "agenda_item") {
      const row = await tx
        .selectFrom("agenda_items")
        .select(["title", "description", "decline_reason", "meeting_id"])
        .where("id", "=", hide.subject_id)
        .executeTakeFirst();
      if (row) {
        title = `Thema „${row.title}“`;
        path = subjectPath("agenda_item", hide.subject_id, row.meeting_id ?? undefined);
        texts = { title: row.title, description: row.description };
        if (row.decline_reason !== null) texts.decline_reason = row.decline_reason;
      }
    } else if (own && hide.subject_type === "minutes") {
      const row = await tx.selectFrom("meetings").select(["title"]).where("id", "=", hide.subject_id).executeTakeFirst();
      if (row) {
        title = `Protokoll „${row.title}“`;
        editorPath = path;
      }
    }
    return {
      hideId: hide.id,
      subjectType: hide.subject_type,
      subjectId: hide.subject_id,
      source: hide.source,
      note: hide.note,
      kinds: hide.kinds,
      createdAt: hide.created_at.toISOString(),
      releasedAt: hide.released_at ? hide.released_at.toISOString() : null,
      own,
      canRevise,
      title,
      path,
      texts,
      editorPath,
    };
  });
}

/** The author's coordinators revise the hidden texts; the database screens them and shows the text again. */
export async function reviseHiddenText(user: SessionUser, hideId: string, texts: Record<string, string>): Promise<void> {
  await asUser(user, async (tx) => {
    await sql`select public.revise_hidden_text(${hideId}::uuid, ${JSON.stringify(texts)}::text::jsonb)`.execute(tx);
  });
}

/** Where a subject is shown (for links after revising). */
export function subjectPath(subjectType: SozialdatenSubjectType, subjectId: string, parentId?: string): string {
  switch (subjectType) {
    case "training":
      return `/fortbildungen/${subjectId}`;
    case "cover_request":
      return `/vertretungen/${subjectId}`;
    case "cover_offer":
      return parentId ? `/vertretungen/${parentId}` : "/vertretungen";
    case "meeting":
      return `/treffen/${subjectId}`;
    case "minutes":
      return `/treffen/${subjectId}/protokoll`;
    case "agenda_item":
      return parentId ? `/treffen/${parentId}` : "/treffen";
    case "project":
      return `/projekte/${subjectId}`;
    case "project_update":
      return parentId ? `/projekte/${parentId}/arbeitsraum` : "/projekte";
  }
}

/** Where a reporter lands after reporting (the text is gone for them). */
export function listPathFor(subjectType: string): string {
  if (subjectType === "training") return "/fortbildungen";
  if (subjectType === "meeting" || subjectType === "agenda_item" || subjectType === "minutes") return "/treffen";
  if (subjectType === "project" || subjectType === "project_update") return "/projekte";
  return "/vertretungen";
}
