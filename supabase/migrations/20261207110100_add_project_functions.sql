-- Gemeinsame Projekte, part 2: every write as a function (security definer, checks first, one
-- transaction with its notifications, mails and audit entries). Refusals raise stable TK_* codes
-- (app/.server/db/errors.ts has the German texts). Functions that change the partners lock the
-- project row first, so two of them on one project run one after the other.

-- Small helpers ----------------------------------------------------------------------------------

-- The project row, locked, when the current user may see it (else TK_NOT_FOUND).
create or replace function private.lock_visible_project(project uuid) returns public.projects
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
begin
  select * into p from public.projects x where x.id = project for update;
  if not found or not (p.id in (select private.workspace_project_ids())
                       or (p.status <> 'draft' and p.network_id in (select private.user_network_ids()))) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  return p;
end
$$;

-- The project row for a workspace write: the user's Träger is an active partner, else TK_NOT_FOUND
-- (the workspace does not exist for anyone else). Closed projects refuse new work.
create or replace function private.workspace_project(project uuid, for_write boolean default true) returns public.projects
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
begin
  select * into p from public.projects x where x.id = project;
  if not found or p.id not in (select private.workspace_project_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if for_write and p.status in ('completed', 'abandoned') then
    raise exception 'TK_PROJECT_CLOSED' using errcode = 'P0001';
  end if;
  return p;
end
$$;

-- The user's Träger that acts in the project's workspace (their first active partner, by name).
create or replace function private.acting_partner_org(project uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  select pp.org_id from public.project_partners pp
  join public.organizations o on o.id = pp.org_id
  where pp.project_id = project and pp.status = 'active' and pp.org_id in (select private.user_org_ids())
  order by (pp.role = 'lead') desc, o.name limit 1
$$;

create or replace function private.require_project_lead(p public.projects) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.leads_project(p.id) then
    raise exception 'TK_PROJECT_NOT_LEAD' using errcode = 'P0001';
  end if;
end
$$;

-- Owner, admin or coordinator of the Träger, which is an active member of the circle.
create or replace function private.require_org_coordinator(org uuid, network uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if org is null or org not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
     or not private.org_in_network(org, network) then
    raise exception 'TK_PROJECT_ORG_NOT_ALLOWED' using errcode = 'P0001';
  end if;
end
$$;

-- Tells people about a project: the members of one Träger (only its coordinators when
-- coordinators_only), a bell notification and a mail ('project-news'), never the acting person.
-- `facts` (orgName, message, status, excerpt…) go with the project's title into both.
create or replace function private.notify_project_org(project uuid, org uuid, coordinators_only boolean,
  kind text, link text, facts jsonb)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  person record;
  p public.projects;
begin
  select * into p from public.projects x where x.id = project;
  for person in
    select pr.user_id, pr.email::text as email, pr.full_name from public.org_members m
    join public.profiles pr on pr.user_id = m.user_id
    where m.org_id = org and m.user_id is distinct from (select auth.uid())
      and (not coordinators_only or m.role in ('owner', 'admin', 'coordinator'))
  loop
    perform private.notify(person.user_id, kind,
      jsonb_build_object('projectTitle', p.title) || coalesce(facts, '{}'::jsonb), link);
    if person.email is not null then
      perform private.enqueue_mail('project-news', person.email, jsonb_build_object(
        'kind', replace(kind, 'project.', ''), 'name', person.full_name, 'projectTitle', p.title,
        'path', link) || coalesce(facts, '{}'::jsonb));
    end if;
  end loop;
end
$$;

-- The same for every active partner Träger of the project.
create or replace function private.notify_project_partners(project uuid, coordinators_only boolean,
  kind text, link text, facts jsonb, except_org uuid default null)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  org uuid;
begin
  for org in
    select pp.org_id from public.project_partners pp
    where pp.project_id = project and pp.status = 'active' and pp.org_id is distinct from except_org
  loop
    perform private.notify_project_org(project, org, coordinators_only, kind, link, facts);
  end loop;
end
$$;

-- The idea's fields, checked; raises TK_* for everything a form can get wrong.
create or replace function private.check_project_fields(
  title text, goal text, target_group text, age_from int, age_to int, hilfearten text[], gemeinden text[],
  period_start date, period_end date, funding text, wanted text
) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  item text;
begin
  if title is null or length(trim(title)) < 3 or length(title) > 200 then
    raise exception 'TK_PROJECT_TITLE_INVALID' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(title, false);
  if goal is null or length(trim(goal)) < 10 then
    raise exception 'TK_PROJECT_GOAL_MISSING' using errcode = 'P0001';
  end if;
  if length(goal) > 4000 or length(coalesce(wanted, '')) > 4000 or length(coalesce(funding, '')) > 2000
     or length(coalesce(target_group, '')) > 1000 then
    raise exception 'TK_PROJECT_TEXT_TOO_LONG' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(goal, true);
  perform private.check_meeting_text(target_group, true);
  perform private.check_meeting_text(funding, true);
  perform private.check_meeting_text(wanted, true);
  if (age_from is not null and (age_from < 0 or age_from > 27)) or (age_to is not null and (age_to < 0 or age_to > 27))
     or (age_from is not null and age_to is not null and age_to < age_from) then
    raise exception 'TK_PROJECT_AGE_INVALID' using errcode = 'P0001';
  end if;
  if period_start is not null and period_end is not null and period_end < period_start then
    raise exception 'TK_PROJECT_PERIOD_ORDER' using errcode = 'P0001';
  end if;
  foreach item in array coalesce(hilfearten, '{}') loop
    if not exists (select 1 from public.hilfearten h where h.code = item) then
      raise exception 'TK_UNKNOWN_HILFEART' using errcode = 'P0001';
    end if;
  end loop;
  foreach item in array coalesce(gemeinden, '{}') loop
    if not exists (select 1 from public.gemeinden g where g.code = item) then
      raise exception 'TK_UNKNOWN_GEMEINDE' using errcode = 'P0001';
    end if;
  end loop;
  if cardinality(coalesce(hilfearten, '{}')) > 30 or cardinality(coalesce(gemeinden, '{}')) > 60 then
    raise exception 'TK_PROJECT_TEXT_TOO_LONG' using errcode = 'P0001';
  end if;
end
$$;

-- Ideas --------------------------------------------------------------------------------------------

-- Creates (project_id null: for Träger `org` in circle `network`) or edits an idea. A new idea is a
-- draft inside the Träger until `publish`; then the circle sees it.
create or replace function public.save_project(
  project_id uuid, network_id uuid, org_id uuid, title text, goal text, target_group text,
  age_from int, age_to int, hilfearten text[], gemeinden text[], period_start date, period_end date,
  funding text, wanted text, publish boolean default false
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  new_id uuid;
begin
  perform private.check_project_fields(title, goal, target_group, age_from, age_to, hilfearten, gemeinden,
    period_start, period_end, funding, wanted);
  if project_id is null then
    perform private.require_org_coordinator(org_id, network_id);
    insert into public.projects (network_id, created_by_org_id, created_by, status, title, goal, target_group,
      age_from, age_to, hilfearten, gemeinden, period_start, period_end, funding, wanted, published_at)
    values (network_id, org_id, (select auth.uid()), case when publish then 'idea' else 'draft' end, trim(title),
      trim(goal), coalesce(trim(target_group), ''), age_from, age_to, coalesce(hilfearten, '{}'), coalesce(gemeinden, '{}'),
      period_start, period_end, coalesce(trim(funding), ''), coalesce(trim(wanted), ''),
      case when publish then now() end)
    returning id into new_id;
    insert into public.project_partners (project_id, org_id, role, status, requested_by, decided_by, decided_at)
    values (new_id, org_id, 'lead', 'active', (select auth.uid()), (select auth.uid()), now());
    perform private.audit('project.created', org_id, network_id, 'project', new_id::text,
      jsonb_build_object('title', trim(title), 'published', publish));
    return new_id;
  end if;

  p := private.lock_visible_project(project_id);
  perform private.require_project_lead(p);
  if p.status in ('completed', 'abandoned') then
    raise exception 'TK_PROJECT_CLOSED' using errcode = 'P0001';
  end if;
  update public.projects x set title = trim(save_project.title), goal = trim(save_project.goal),
    target_group = coalesce(trim(save_project.target_group), ''), age_from = save_project.age_from,
    age_to = save_project.age_to, hilfearten = coalesce(save_project.hilfearten, '{}'),
    gemeinden = coalesce(save_project.gemeinden, '{}'), period_start = save_project.period_start,
    period_end = save_project.period_end, funding = coalesce(trim(save_project.funding), ''),
    wanted = coalesce(trim(save_project.wanted), ''),
    status = case when x.status = 'draft' and publish then 'idea' else x.status end,
    published_at = case when x.status = 'draft' and publish then now() else x.published_at end,
    updated_at = now()
  where x.id = p.id;
  perform private.audit(case when p.status = 'draft' and publish then 'project.published' else 'project.updated' end,
    p.created_by_org_id, p.network_id, 'project', p.id::text, jsonb_build_object('title', trim(title)));
  return p.id;
end
$$;

-- Status: idea → running → completed | abandoned (idea → abandoned too). Completing needs the
-- public Steckbrief; a completed project's Steckbrief can still be corrected.
create or replace function public.set_project_status(project_id uuid, status text, summary text default null,
  reason text default null)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  allowed boolean;
begin
  p := private.lock_visible_project(project_id);
  perform private.require_project_lead(p);
  allowed := (p.status = 'draft' and status = 'abandoned')
          or (p.status = 'idea' and status in ('running', 'abandoned'))
          or (p.status = 'running' and status in ('completed', 'abandoned'))
          or (p.status = 'completed' and status = 'completed');
  if not allowed then
    raise exception 'TK_PROJECT_STATUS_INVALID' using errcode = 'P0001';
  end if;
  if status = 'completed' and (summary is null or length(trim(summary)) < 20) then
    raise exception 'TK_PROJECT_SUMMARY_MISSING' using errcode = 'P0001';
  end if;
  if length(coalesce(summary, '')) > 4000 or length(coalesce(reason, '')) > 1000 then
    raise exception 'TK_PROJECT_TEXT_TOO_LONG' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(summary, true);
  perform private.check_meeting_text(reason, true);
  update public.projects x set status = set_project_status.status,
    summary = case when set_project_status.status = 'completed' then trim(set_project_status.summary) else x.summary end,
    status_reason = coalesce(nullif(trim(reason), ''), x.status_reason),
    status_changed_at = now(), updated_at = now()
  where x.id = p.id;
  -- Open requests and invitations end with the project.
  if status in ('completed', 'abandoned') then
    update public.project_partners pp set status = 'declined', answer = 'Das Projekt ist beendet.', decided_at = now(),
      decided_by = (select auth.uid())
    where pp.project_id = p.id and pp.status in ('requested', 'invited');
  end if;
  if p.status <> status then
    perform private.notify_project_partners(p.id, false, 'project.status', '/projekte/' || p.id,
      jsonb_build_object('status', status), null);
  end if;
  perform private.audit('project.status', p.created_by_org_id, p.network_id, 'project', p.id::text,
    jsonb_build_object('from', p.status, 'to', status));
end
$$;

-- Partners ----------------------------------------------------------------------------------------

-- "Wir machen mit": a coordinator of another Träger of the circle answers an idea (or a running
-- project). An invitation of that Träger is accepted by it.
create or replace function public.request_project_join(project_id uuid, org_id uuid, message text)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  prow public.project_partners;
begin
  p := private.lock_visible_project(project_id);
  if p.status not in ('idea', 'running') then
    raise exception 'TK_PROJECT_CLOSED' using errcode = 'P0001';
  end if;
  perform private.require_org_coordinator(org_id, p.network_id);
  if length(coalesce(message, '')) > 2000 then
    raise exception 'TK_PROJECT_TEXT_TOO_LONG' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(message, true);
  select * into prow from public.project_partners pp where pp.project_id = p.id and pp.org_id = request_project_join.org_id;
  if found and prow.status = 'active' then
    raise exception 'TK_PROJECT_ALREADY_PARTNER' using errcode = 'P0001';
  elsif found and prow.status = 'requested' then
    raise exception 'TK_PROJECT_REQUEST_PENDING' using errcode = 'P0001';
  elsif found and prow.status = 'invited' then
    perform public.answer_project_invitation(p.id, org_id, true, message);
    return;
  end if;
  insert into public.project_partners (project_id, org_id, role, status, message, requested_by)
  values (p.id, org_id, 'partner', 'requested', coalesce(trim(message), ''), (select auth.uid()))
  on conflict on constraint project_partners_pkey do update set status = 'requested', role = 'partner',
    message = excluded.message, answer = '', requested_by = excluded.requested_by, created_at = now(),
    decided_at = null, decided_by = null, left_at = null;
  perform private.notify_project_org(p.id, (select pp.org_id from public.project_partners pp
                                            where pp.project_id = p.id and pp.role = 'lead'), true,
    'project.join_requested', '/projekte/' || p.id,
    jsonb_build_object('orgName', (select o.name from public.organizations o where o.id = org_id)));
  perform private.audit('project.join_requested', org_id, p.network_id, 'project', p.id::text,
    jsonb_build_object('title', p.title));
end
$$;

-- The lead accepts or declines a request, with a message.
create or replace function public.decide_project_request(project_id uuid, org_id uuid, accept boolean, answer text default '')
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  prow public.project_partners;
  org_name text;
begin
  p := private.lock_visible_project(project_id);
  perform private.require_project_lead(p);
  if length(coalesce(answer, '')) > 2000 then
    raise exception 'TK_PROJECT_TEXT_TOO_LONG' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(answer, true);
  select * into prow from public.project_partners pp
  where pp.project_id = p.id and pp.org_id = decide_project_request.org_id for update;
  if not found or prow.status <> 'requested' then
    raise exception 'TK_PROJECT_NO_REQUEST' using errcode = 'P0001';
  end if;
  select o.name into org_name from public.organizations o where o.id = prow.org_id;
  update public.project_partners pp set status = case when accept then 'active' else 'declined' end,
    answer = coalesce(trim(decide_project_request.answer), ''), decided_by = (select auth.uid()), decided_at = now()
  where pp.project_id = p.id and pp.org_id = prow.org_id;
  perform private.notify_project_org(p.id, prow.org_id, true,
    case when accept then 'project.join_accepted' else 'project.join_declined' end, '/projekte/' || p.id,
    jsonb_build_object('orgName', org_name, 'message', nullif(trim(answer), '')));
  if accept then
    perform private.notify_project_partners(p.id, true, 'project.partner_joined', '/projekte/' || p.id || '/arbeitsraum',
      jsonb_build_object('orgName', org_name), prow.org_id);
  end if;
  perform private.audit(case when accept then 'project.join_accepted' else 'project.join_declined' end,
    prow.org_id, p.network_id, 'project', p.id::text, jsonb_build_object('title', p.title));
end
$$;

-- The lead invites a Träger of the circle.
create or replace function public.invite_project_partner(project_id uuid, org_id uuid, message text default '')
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  prow public.project_partners;
begin
  p := private.lock_visible_project(project_id);
  perform private.require_project_lead(p);
  if p.status not in ('idea', 'running') then
    raise exception 'TK_PROJECT_CLOSED' using errcode = 'P0001';
  end if;
  if not private.org_in_network(org_id, p.network_id) then
    raise exception 'TK_PROJECT_ORG_NOT_ALLOWED' using errcode = 'P0001';
  end if;
  if length(coalesce(message, '')) > 2000 then
    raise exception 'TK_PROJECT_TEXT_TOO_LONG' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(message, true);
  select * into prow from public.project_partners pp where pp.project_id = p.id and pp.org_id = invite_project_partner.org_id;
  if found and prow.status = 'active' then
    raise exception 'TK_PROJECT_ALREADY_PARTNER' using errcode = 'P0001';
  elsif found and prow.status in ('requested', 'invited') then
    raise exception 'TK_PROJECT_REQUEST_PENDING' using errcode = 'P0001';
  end if;
  insert into public.project_partners (project_id, org_id, role, status, message, requested_by)
  values (p.id, org_id, 'partner', 'invited', coalesce(trim(message), ''), (select auth.uid()))
  on conflict on constraint project_partners_pkey do update set status = 'invited', role = 'partner',
    message = excluded.message, answer = '', requested_by = excluded.requested_by, created_at = now(),
    decided_at = null, decided_by = null, left_at = null;
  perform private.notify_project_org(p.id, org_id, true, 'project.invited', '/projekte/' || p.id,
    jsonb_build_object('message', nullif(trim(message), '')));
  perform private.audit('project.invited', org_id, p.network_id, 'project', p.id::text, jsonb_build_object('title', p.title));
end
$$;

-- The invited Träger's coordinators accept or decline.
create or replace function public.answer_project_invitation(project_id uuid, org_id uuid, accept boolean, answer text default '')
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  prow public.project_partners;
  org_name text;
begin
  p := private.lock_visible_project(project_id);
  perform private.require_org_coordinator(org_id, p.network_id);
  if length(coalesce(answer, '')) > 2000 then
    raise exception 'TK_PROJECT_TEXT_TOO_LONG' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(answer, true);
  select * into prow from public.project_partners pp
  where pp.project_id = p.id and pp.org_id = answer_project_invitation.org_id for update;
  if not found or prow.status <> 'invited' then
    raise exception 'TK_PROJECT_NO_REQUEST' using errcode = 'P0001';
  end if;
  select o.name into org_name from public.organizations o where o.id = prow.org_id;
  update public.project_partners pp set status = case when accept then 'active' else 'declined' end,
    answer = coalesce(trim(answer_project_invitation.answer), ''), decided_by = (select auth.uid()), decided_at = now()
  where pp.project_id = p.id and pp.org_id = prow.org_id;
  perform private.notify_project_partners(p.id, true,
    case when accept then 'project.partner_joined' else 'project.invitation_declined' end, '/projekte/' || p.id,
    jsonb_build_object('orgName', org_name, 'message', nullif(trim(answer), '')), prow.org_id);
  perform private.audit(case when accept then 'project.invitation_accepted' else 'project.invitation_declined' end,
    prow.org_id, p.network_id, 'project', p.id::text, jsonb_build_object('title', p.title));
end
$$;

-- The lead hands the lead to an active partner Träger; the old lead stays as a partner.
create or replace function public.hand_over_project_lead(project_id uuid, to_org_id uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  old_lead uuid;
  org_name text;
begin
  p := private.lock_visible_project(project_id);
  perform private.require_project_lead(p);
  select pp.org_id into old_lead from public.project_partners pp where pp.project_id = p.id and pp.role = 'lead';
  if to_org_id is null or to_org_id = old_lead or not exists (
       select 1 from public.project_partners pp
       where pp.project_id = p.id and pp.org_id = to_org_id and pp.status = 'active') then
    raise exception 'TK_PROJECT_HANDOVER_TARGET' using errcode = 'P0001';
  end if;
  update public.project_partners pp set role = 'partner' where pp.project_id = p.id and pp.org_id = old_lead;
  update public.project_partners pp set role = 'lead' where pp.project_id = p.id and pp.org_id = to_org_id;
  select o.name into org_name from public.organizations o where o.id = to_org_id;
  perform private.notify_project_partners(p.id, true, 'project.lead_handed_over', '/projekte/' || p.id,
    jsonb_build_object('orgName', org_name), null);
  perform private.audit('project.lead_handed_over', to_org_id, p.network_id, 'project', p.id::text,
    jsonb_build_object('from', old_lead, 'to', to_org_id));
end
$$;

-- A Träger leaves (its coordinators). The lead cannot: it hands over the lead first.
create or replace function public.leave_project(project_id uuid, org_id uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  prow public.project_partners;
  org_name text;
begin
  p := private.lock_visible_project(project_id);
  perform private.require_org_coordinator(org_id, p.network_id);
  select * into prow from public.project_partners pp
  where pp.project_id = p.id and pp.org_id = leave_project.org_id for update;
  if not found or prow.status not in ('active', 'requested') then
    raise exception 'TK_PROJECT_NOT_PARTNER' using errcode = 'P0001';
  end if;
  if prow.role = 'lead' then
    raise exception 'TK_PROJECT_LAST_LEAD' using errcode = 'P0001';
  end if;
  update public.project_partners pp set status = 'left', left_at = now()
  where pp.project_id = p.id and pp.org_id = prow.org_id;
  -- Open tasks of the Träger go back to the lead.
  update public.project_tasks t set owner_org_id = (select pp.org_id from public.project_partners pp
                                                    where pp.project_id = p.id and pp.role = 'lead'),
    owner_user_id = null, updated_at = now()
  where t.project_id = p.id and t.owner_org_id = prow.org_id and t.status <> 'done';
  select o.name into org_name from public.organizations o where o.id = prow.org_id;
  if prow.status = 'active' then
    perform private.notify_project_partners(p.id, true, 'project.partner_left', '/projekte/' || p.id || '/arbeitsraum',
      jsonb_build_object('orgName', org_name), null);
  end if;
  perform private.audit('project.left', prow.org_id, p.network_id, 'project', p.id::text, jsonb_build_object('title', p.title));
end
$$;

-- Workspace ---------------------------------------------------------------------------------------

create or replace function private.check_project_url(url text) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if url is not null and (url !~ '^https?://[^[:space:]]+$' or length(url) > 500) then
    raise exception 'TK_PROJECT_LINK_INVALID' using errcode = 'P0001';
  end if;
end
$$;

create or replace function public.post_project_update(project_id uuid, body text, link_url text default null)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  org uuid;
  new_id uuid;
begin
  p := private.workspace_project(project_id);
  if body is null or length(trim(body)) < 1 or length(body) > 5000 then
    raise exception 'TK_PROJECT_UPDATE_INVALID' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(body, true);
  perform private.check_project_url(nullif(trim(link_url), ''));
  org := private.acting_partner_org(p.id);
  insert into public.project_updates (project_id, org_id, author_id, body, link_url)
  values (p.id, org, (select auth.uid()), trim(body), nullif(trim(link_url), ''))
  returning id into new_id;
  perform private.notify_project_partners(p.id, false, 'project.update', '/projekte/' || p.id || '/arbeitsraum',
    jsonb_build_object('orgName', (select o.name from public.organizations o where o.id = org), 'excerpt', left(trim(body), 300)), null);
  return new_id;
end
$$;

create or replace function public.comment_project_update(update_id uuid, body text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  u public.project_updates;
  p public.projects;
  new_id uuid;
begin
  select * into u from public.project_updates x where x.id = update_id;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  p := private.workspace_project(u.project_id);
  if body is null or length(trim(body)) < 1 or length(body) > 2000 then
    raise exception 'TK_PROJECT_COMMENT_INVALID' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(body, true);
  insert into public.project_comments (update_id, project_id, org_id, author_id, body)
  values (u.id, p.id, private.acting_partner_org(p.id), (select auth.uid()), trim(body))
  returning id into new_id;
  if u.author_id is not null and u.author_id <> (select auth.uid()) then
    perform private.notify(u.author_id, 'project.comment',
      jsonb_build_object('projectTitle', p.title, 'excerpt', left(trim(body), 300)), '/projekte/' || p.id || '/arbeitsraum');
  end if;
  return new_id;
end
$$;

-- Creates (task_id null) or edits a task: the owner is an active partner Träger, the person (if
-- any) one of its members. The owner (the person, else the Träger's coordinators) is told.
create or replace function public.save_project_task(task_id uuid, project_id uuid, title text, owner_org_id uuid,
  owner_user_id uuid default null, due_date date default null)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  t public.project_tasks;
  new_id uuid;
  person record;
  changed_owner boolean := true;
begin
  p := private.workspace_project(project_id);
  if title is null or length(trim(title)) < 3 or length(title) > 300 then
    raise exception 'TK_PROJECT_TASK_TITLE_INVALID' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(title, false);
  if owner_org_id is null or not exists (select 1 from public.project_partners pp
       where pp.project_id = p.id and pp.org_id = save_project_task.owner_org_id and pp.status = 'active') then
    raise exception 'TK_PROJECT_TASK_OWNER_NOT_PARTNER' using errcode = 'P0001';
  end if;
  if owner_user_id is not null and not exists (select 1 from public.org_members m
       where m.org_id = save_project_task.owner_org_id and m.user_id = save_project_task.owner_user_id) then
    raise exception 'TK_PROJECT_TASK_PERSON_INVALID' using errcode = 'P0001';
  end if;
  if due_date is not null and (due_date < date '2000-01-01' or due_date > date '2100-01-01') then
    raise exception 'TK_PROJECT_DATE_INVALID' using errcode = 'P0001';
  end if;
  if task_id is null then
    insert into public.project_tasks (project_id, title, owner_org_id, owner_user_id, due_date, created_by)
    values (p.id, trim(title), owner_org_id, owner_user_id, due_date, (select auth.uid()))
    returning id into new_id;
  else
    select * into t from public.project_tasks x where x.id = task_id and x.project_id = p.id for update;
    if not found then
      raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
    end if;
    changed_owner := t.owner_org_id is distinct from owner_org_id or t.owner_user_id is distinct from owner_user_id;
    update public.project_tasks x set title = trim(save_project_task.title), owner_org_id = save_project_task.owner_org_id,
      owner_user_id = save_project_task.owner_user_id, due_date = save_project_task.due_date,
      reminded_at = case when x.due_date is distinct from save_project_task.due_date then null else x.reminded_at end,
      updated_at = now()
    where x.id = t.id;
    new_id := t.id;
  end if;
  if changed_owner then
    for person in
      select pr.user_id, pr.email::text as email, pr.full_name from public.profiles pr
      where pr.user_id is distinct from (select auth.uid())
        and (pr.user_id = owner_user_id
             or (owner_user_id is null and pr.user_id in (select m.user_id from public.org_members m
                  where m.org_id = save_project_task.owner_org_id and m.role in ('owner', 'admin', 'coordinator'))))
    loop
      perform private.notify(person.user_id, 'project.task_assigned',
        jsonb_build_object('projectTitle', p.title, 'taskTitle', trim(title), 'dueDate', due_date),
        '/projekte/' || p.id || '/arbeitsraum');
      if person.email is not null then
        perform private.enqueue_mail('project-news', person.email, jsonb_build_object(
          'kind', 'task_assigned', 'name', person.full_name, 'projectTitle', p.title, 'taskTitle', trim(title),
          'dueDate', due_date, 'path', '/projekte/' || p.id || '/arbeitsraum'));
      end if;
    end loop;
  end if;
  return new_id;
end
$$;

create or replace function public.set_project_task_status(task_id uuid, status text)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  t public.project_tasks;
begin
  select * into t from public.project_tasks x where x.id = task_id for update;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  perform private.workspace_project(t.project_id);
  if status is null or status not in ('open', 'in_progress', 'done') then
    raise exception 'TK_PROJECT_TASK_STATUS_INVALID' using errcode = 'P0001';
  end if;
  update public.project_tasks x set status = set_project_task_status.status,
    done_at = case when set_project_task_status.status = 'done' then now() end, updated_at = now()
  where x.id = t.id;
end
$$;

create or replace function public.add_project_link(project_id uuid, title text, url text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  new_id uuid;
begin
  p := private.workspace_project(project_id);
  if title is null or length(trim(title)) < 2 or length(title) > 200 or url is null then
    raise exception 'TK_PROJECT_LINK_INVALID' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(title, false);
  perform private.check_project_url(trim(url));
  insert into public.project_links (project_id, org_id, added_by, title, url)
  values (p.id, private.acting_partner_org(p.id), (select auth.uid()), trim(title), trim(url))
  returning id into new_id;
  return new_id;
end
$$;

create or replace function public.remove_project_link(link_id uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  l public.project_links;
  p public.projects;
begin
  select * into l from public.project_links x where x.id = link_id;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  p := private.workspace_project(l.project_id);
  if not (l.added_by = (select auth.uid()) or l.org_id in (select private.user_org_ids()) or private.leads_project(p.id)) then
    raise exception 'TK_PROJECT_NOT_LEAD' using errcode = 'P0001';
  end if;
  delete from public.project_links x where x.id = l.id;
end
$$;

create or replace function public.add_project_date(project_id uuid, title text, starts_at timestamptz, ends_at timestamptz default null)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  new_id uuid;
begin
  p := private.workspace_project(project_id);
  if title is null or length(trim(title)) < 2 or length(title) > 200 then
    raise exception 'TK_PROJECT_DATE_TITLE_INVALID' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(title, false);
  if starts_at is null or (ends_at is not null and ends_at < starts_at) then
    raise exception 'TK_PROJECT_DATE_INVALID' using errcode = 'P0001';
  end if;
  insert into public.project_dates (project_id, title, starts_at, ends_at, created_by)
  values (p.id, trim(title), starts_at, ends_at, (select auth.uid()))
  returning id into new_id;
  return new_id;
end
$$;

create or replace function public.remove_project_date(date_id uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  d public.project_dates;
begin
  select * into d from public.project_dates x where x.id = date_id;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  perform private.workspace_project(d.project_id);
  delete from public.project_dates x where x.id = d.id;
end
$$;

-- Periodic job (app/.server/outbox/jobs.ts): tasks due within three days (Berlin), once per task,
-- to the person (else the owner Träger's coordinators).
create or replace function private.run_project_jobs() returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  t record;
  person record;
  reminded int := 0;
begin
  for t in
    select x.*, p.title as project_title from public.project_tasks x
    join public.projects p on p.id = x.project_id
    where x.status <> 'done' and x.reminded_at is null and x.due_date is not null
      and x.due_date <= (now() at time zone 'Europe/Berlin')::date + 3
      and p.status in ('idea', 'running', 'draft')
    for update of x skip locked
  loop
    for person in
      select pr.user_id, pr.email::text as email, pr.full_name from public.profiles pr
      where pr.user_id = t.owner_user_id
         or (t.owner_user_id is null and pr.user_id in (select m.user_id from public.org_members m
              where m.org_id = t.owner_org_id and m.role in ('owner', 'admin', 'coordinator')))
    loop
      perform private.notify(person.user_id, 'project.task_due',
        jsonb_build_object('projectTitle', t.project_title, 'taskTitle', t.title, 'dueDate', t.due_date),
        '/projekte/' || t.project_id || '/arbeitsraum');
      if person.email is not null then
        perform private.enqueue_mail('project-news', person.email, jsonb_build_object(
          'kind', 'task_due', 'name', person.full_name, 'projectTitle', t.project_title, 'taskTitle', t.title,
          'dueDate', t.due_date, 'path', '/projekte/' || t.project_id || '/arbeitsraum'));
      end if;
    end loop;
    update public.project_tasks x set reminded_at = now() where x.id = t.id;
    reminded := reminded + 1;
  end loop;
  return jsonb_build_object('tasksReminded', reminded);
end
$$;
grant execute on function private.run_project_jobs() to service_role;

grant execute on function public.save_project(uuid, uuid, uuid, text, text, text, int, int, text[], text[], date, date, text, text, boolean),
  public.set_project_status(uuid, text, text, text), public.request_project_join(uuid, uuid, text),
  public.decide_project_request(uuid, uuid, boolean, text), public.invite_project_partner(uuid, uuid, text),
  public.answer_project_invitation(uuid, uuid, boolean, text), public.hand_over_project_lead(uuid, uuid),
  public.leave_project(uuid, uuid), public.post_project_update(uuid, text, text),
  public.comment_project_update(uuid, text), public.save_project_task(uuid, uuid, text, uuid, uuid, date),
  public.set_project_task_status(uuid, text), public.add_project_link(uuid, text, text),
  public.remove_project_link(uuid), public.add_project_date(uuid, text, timestamptz, timestamptz),
  public.remove_project_date(uuid) to authenticated;
revoke execute on function public.save_project(uuid, uuid, uuid, text, text, text, int, int, text[], text[], date, date, text, text, boolean),
  public.set_project_status(uuid, text, text, text), public.request_project_join(uuid, uuid, text),
  public.decide_project_request(uuid, uuid, boolean, text), public.invite_project_partner(uuid, uuid, text),
  public.answer_project_invitation(uuid, uuid, boolean, text), public.hand_over_project_lead(uuid, uuid),
  public.leave_project(uuid, uuid), public.post_project_update(uuid, text, text),
  public.comment_project_update(uuid, text), public.save_project_task(uuid, uuid, text, uuid, uuid, date),
  public.set_project_task_status(uuid, text), public.add_project_link(uuid, text, text),
  public.remove_project_link(uuid), public.add_project_date(uuid, text, timestamptz, timestamptz),
  public.remove_project_date(uuid) from public, anon;
