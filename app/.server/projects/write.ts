// Every change to a project goes through one SQL function (supabase/migrations/20261207110100_…),
// called as the signed-in user. A refusal comes back as a TK_* code that app/.server/db/errors.ts
// turns into German.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser } from "../db/request";
import type { ProjectFormInput } from "~/validation/projects";
import { berlinDateTimeToInstant } from "~/utils/berlin-time";

export async function saveProject(user: SessionUser, projectId: string | null, input: ProjectFormInput): Promise<string> {
  const [networkId, orgId] = input.lead.split(":") as [string, string];
  return asUser(user, async (tx) => {
    const r = await sql<{ id: string }>`
      select public.save_project(${projectId}::uuid, ${networkId}::uuid, ${orgId}::uuid, ${input.title}, ${input.goal},
        ${input.targetGroup}, ${input.ageFrom}::int, ${input.ageTo}::int, ${input.hilfearten}::text[], ${input.gemeinden}::text[],
        ${input.periodStart}::date, ${input.periodEnd}::date, ${input.funding}, ${input.wanted}, ${input.publish}) as id`.execute(tx);
    return r.rows[0]!.id;
  });
}

export async function setProjectStatus(user: SessionUser, projectId: string, status: string, summary: string, reason: string) {
  await asUser(user, (tx) =>
    sql`select public.set_project_status(${projectId}::uuid, ${status}, ${summary || null}, ${reason || null})`.execute(tx),
  );
}

export async function requestJoin(user: SessionUser, projectId: string, orgId: string, message: string) {
  await asUser(user, (tx) => sql`select public.request_project_join(${projectId}::uuid, ${orgId}::uuid, ${message})`.execute(tx));
}

export async function decideRequest(user: SessionUser, projectId: string, orgId: string, accept: boolean, answer: string) {
  await asUser(user, (tx) =>
    sql`select public.decide_project_request(${projectId}::uuid, ${orgId}::uuid, ${accept}, ${answer})`.execute(tx),
  );
}

export async function invitePartner(user: SessionUser, projectId: string, orgId: string, message: string) {
  await asUser(user, (tx) => sql`select public.invite_project_partner(${projectId}::uuid, ${orgId}::uuid, ${message})`.execute(tx));
}

export async function answerInvitation(user: SessionUser, projectId: string, orgId: string, accept: boolean, answer: string) {
  await asUser(user, (tx) =>
    sql`select public.answer_project_invitation(${projectId}::uuid, ${orgId}::uuid, ${accept}, ${answer})`.execute(tx),
  );
}

export async function handOverLead(user: SessionUser, projectId: string, toOrgId: string) {
  await asUser(user, (tx) => sql`select public.hand_over_project_lead(${projectId}::uuid, ${toOrgId}::uuid)`.execute(tx));
}

export async function leaveProject(user: SessionUser, projectId: string, orgId: string) {
  await asUser(user, (tx) => sql`select public.leave_project(${projectId}::uuid, ${orgId}::uuid)`.execute(tx));
}

export async function postUpdate(user: SessionUser, projectId: string, body: string, linkUrl: string | null): Promise<string> {
  return asUser(user, async (tx) => {
    const r = await sql<{ id: string }>`select public.post_project_update(${projectId}::uuid, ${body}, ${linkUrl}) as id`.execute(tx);
    return r.rows[0]!.id;
  });
}

export async function commentUpdate(user: SessionUser, updateId: string, body: string): Promise<string> {
  return asUser(user, async (tx) => {
    const r = await sql<{ id: string }>`select public.comment_project_update(${updateId}::uuid, ${body}) as id`.execute(tx);
    return r.rows[0]!.id;
  });
}

/** owner: "<orgId>" (the Träger) or "<orgId>:<userId>" (a person of it). */
export async function saveTask(
  user: SessionUser,
  projectId: string,
  taskId: string | null,
  input: { title: string; owner: string; dueDate: string | null },
): Promise<string> {
  const [orgId, userId] = input.owner.split(":") as [string, string | undefined];
  return asUser(user, async (tx) => {
    const r = await sql<{ id: string }>`
      select public.save_project_task(${taskId}::uuid, ${projectId}::uuid, ${input.title}, ${orgId}::uuid,
        ${userId ?? null}::uuid, ${input.dueDate}::date) as id`.execute(tx);
    return r.rows[0]!.id;
  });
}

export async function setTaskStatus(user: SessionUser, taskId: string, status: string) {
  await asUser(user, (tx) => sql`select public.set_project_task_status(${taskId}::uuid, ${status})`.execute(tx));
}

export async function addLink(user: SessionUser, projectId: string, title: string, url: string) {
  await asUser(user, (tx) => sql`select public.add_project_link(${projectId}::uuid, ${title}, ${url})`.execute(tx));
}

export async function removeLink(user: SessionUser, linkId: string) {
  await asUser(user, (tx) => sql`select public.remove_project_link(${linkId}::uuid)`.execute(tx));
}

/** startsAt/endsAt: datetime-local values in Berlin time. */
export async function addKeyDate(user: SessionUser, projectId: string, input: { title: string; startsAt: string; endsAt: string | null }) {
  const starts = berlinDateTimeToInstant(input.startsAt);
  const ends = input.endsAt ? berlinDateTimeToInstant(input.endsAt) : null;
  await asUser(user, (tx) =>
    sql`select public.add_project_date(${projectId}::uuid, ${input.title}, ${starts}::timestamptz, ${ends}::timestamptz)`.execute(tx),
  );
}

export async function removeKeyDate(user: SessionUser, dateId: string) {
  await asUser(user, (tx) => sql`select public.remove_project_date(${dateId}::uuid)`.execute(tx));
}
