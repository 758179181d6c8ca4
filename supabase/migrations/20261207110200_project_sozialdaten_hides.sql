-- Gemeinsame Projekte, part 3: report and hide (20261206120100) for the texts of a project.
--
-- Two more subjects: 'project' (the idea's texts, author: the lead Träger) and 'project_update'
-- (a workspace post, author: the partner Träger that posted it). A hidden idea is hidden from the
-- circle but stays readable for the project's partners (they work on it; the lead revises it); a
-- hidden update is hidden from the other partners. The four functions below are the ones of
-- 20261206120100 with a branch per new subject; the rest of their bodies is unchanged.
-- Comments, tasks, links and key dates are short and screened by the database triggers; they are
-- not reportable (decision 017).

alter table public.sozialdaten_hides drop constraint sozialdaten_hides_subject_type_check;
alter table public.sozialdaten_hides add constraint sozialdaten_hides_subject_type_check
  check (subject_type in ('cover_request', 'cover_offer', 'training', 'project', 'project_update'));

create policy "an idea hidden for Sozialdaten is seen only by the project's partners"
  on public.projects as restrictive for select to authenticated
  using (id not in (select private.hidden_subject_ids('project')) or id in (select private.workspace_project_ids()));
create policy "an update hidden for Sozialdaten is seen only by the posting Träger"
  on public.project_updates as restrictive for select to authenticated
  using (id not in (select private.hidden_subject_ids('project_update')));
-- Comments under a hidden update go with it.
create policy "the comments of a hidden update are hidden with it"
  on public.project_comments as restrictive for select to authenticated
  using (update_id not in (select private.hidden_subject_ids('project_update')));

create or replace function private.sozialdaten_subject(kind text, subject uuid,
  out org_id uuid, out network_id uuid, out title text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if kind = 'cover_request' then
    select r.org_id, r.network_id, private.cover_title(r.id) into org_id, network_id, title
    from public.cover_requests r where r.id = subject;
  elsif kind = 'cover_offer' then
    select o.org_id, r.network_id, 'Angebot zu ' || private.cover_title(r.id) into org_id, network_id, title
    from public.cover_offers o join public.cover_requests r on r.id = o.request_id where o.id = subject;
  elsif kind = 'training' then
    select t.org_id, t.network_id, 'Fortbildung „' || t.title || '“' into org_id, network_id, title
    from public.trainings t where t.id = subject;
  elsif kind = 'project' then
    select pp.org_id, p.network_id, 'Projekt „' || p.title || '“' into org_id, network_id, title
    from public.projects p join public.project_partners pp on pp.project_id = p.id and pp.role = 'lead'
    where p.id = subject;
  elsif kind = 'project_update' then
    select u.org_id, p.network_id, 'Beitrag im Projekt „' || p.title || '“' into org_id, network_id, title
    from public.project_updates u join public.projects p on p.id = u.project_id where u.id = subject;
  end if;
end
$$;

create or replace function public.report_sozialdaten(subject_type text, subject_id uuid, note text default null)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  subj record;
  visible boolean;
  reporter_org uuid;
  is_coordinator boolean;
begin
  if (select auth.uid()) is null then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if subject_type not in ('cover_request', 'cover_offer', 'training', 'project', 'project_update') then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  select * into subj from private.sozialdaten_subject(subject_type, subject_id);
  if subj.org_id is null then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  -- Visible to the caller exactly as RLS would show it.
  if subject_type = 'cover_request' then
    visible := private.can_see_cover_request(subject_id);
  elsif subject_type = 'cover_offer' then
    visible := exists (select 1 from public.cover_offers o
                       where o.id = subject_id
                         and (o.org_id in (select private.user_org_ids()) or o.request_org_id in (select private.user_org_ids())));
  elsif subject_type = 'project' then
    visible := subject_id in (select private.visible_project_ids());
  elsif subject_type = 'project_update' then
    visible := exists (select 1 from public.project_updates u
                       where u.id = subject_id and u.project_id in (select private.workspace_project_ids()));
  else
    visible := exists (select 1 from public.trainings t
                       where t.id = subject_id
                         and ((t.status <> 'draft' and t.network_id in (select private.user_network_ids()))
                              or t.org_id in (select private.user_org_ids())));
  end if;
  visible := visible and (subj.org_id in (select private.user_org_ids())
                          or subject_id not in (select private.hidden_subject_ids(subject_type)));
  if not visible then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  is_coordinator := subj.network_id in (select private.coordinated_network_ids());
  select o into reporter_org from private.user_org_ids() o where o <> subj.org_id limit 1;
  if reporter_org is null and not is_coordinator then
    -- One's own Träger's text: edit it instead of reporting it.
    raise exception 'TK_SOZIALDATEN_OWN_TEXT' using errcode = 'P0001';
  end if;
  return private.hide_sozialdaten(subject_type, subject_id,
    case when is_coordinator then 'coordinator' else 'report' end,
    note, '{}', reporter_org);
end
$$;

create or replace function private.sozialdaten_subject_texts(kind text, subject uuid) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  texts jsonb;
begin
  if kind = 'cover_request' then
    select jsonb_strip_nulls(jsonb_build_object('description', r.description, 'gender_reason', r.gender_reason,
      'cancel_reason', i.cancel_reason))
    into texts
    from public.cover_requests r left join public.cover_request_internals i on i.request_id = r.id where r.id = subject;
  elsif kind = 'cover_offer' then
    select jsonb_build_object('message', o.message) into texts from public.cover_offers o where o.id = subject;
  elsif kind = 'project' then
    select jsonb_strip_nulls(jsonb_build_object('goal', p.goal, 'target_group', p.target_group, 'funding', p.funding,
      'wanted', p.wanted, 'summary', p.summary))
    into texts from public.projects p where p.id = subject;
  elsif kind = 'project_update' then
    select jsonb_build_object('body', u.body) into texts from public.project_updates u where u.id = subject;
  else
    select jsonb_strip_nulls(jsonb_build_object('description', t.description, 'cancel_reason', t.cancel_reason))
    into texts from public.trainings t where t.id = subject;
  end if;
  return coalesce(texts, '{}'::jsonb);
end
$$;

create or replace function public.revise_hidden_text(hide_id uuid, texts jsonb) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  hide public.sozialdaten_hides;
  current_texts jsonb;
  merged jsonb;
  key text;
  kinds text[];
  subj record;
  reporter uuid;
begin
  select * into hide from public.sozialdaten_hides h where h.id = hide_id and h.released_at is null for update;
  if not found or hide.org_id not in (select private.user_org_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if hide.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_SOZIALDATEN_REVISE_NOT_ALLOWED' using errcode = 'P0001';
  end if;
  current_texts := private.sozialdaten_subject_texts(hide.subject_type, hide.subject_id);
  merged := current_texts;
  for key in select jsonb_object_keys(coalesce(texts, '{}'::jsonb)) loop
    if current_texts ? key then
      merged := jsonb_set(merged, array[key], to_jsonb(coalesce(texts ->> key, '')));
    end if;
  end loop;
  for key in select jsonb_object_keys(merged) loop
    kinds := private.sozialdaten_hard_kinds(merged ->> key);
    if cardinality(kinds) > 0 then
      raise exception 'TK_SOZIALDATEN' using errcode = 'P0001',
        detail = key || ': ' || array_to_string(kinds, ','), hint = private.sozialdaten_kind_labels(kinds);
    end if;
  end loop;

  if hide.subject_type = 'cover_request' then
    update public.cover_requests r
    set description = coalesce(merged ->> 'description', r.description),
        gender_reason = case when r.gender_requirement is null then r.gender_reason else merged ->> 'gender_reason' end
    where r.id = hide.subject_id;
    if merged ? 'cancel_reason' then
      update public.cover_request_internals i set cancel_reason = merged ->> 'cancel_reason' where i.request_id = hide.subject_id;
    end if;
  elsif hide.subject_type = 'cover_offer' then
    update public.cover_offers o set message = coalesce(merged ->> 'message', '') where o.id = hide.subject_id;
  elsif hide.subject_type = 'project' then
    if length(coalesce(merged ->> 'goal', '')) < 10 then
      raise exception 'TK_PROJECT_GOAL_MISSING' using errcode = 'P0001';
    end if;
    update public.projects p
    set goal = merged ->> 'goal', target_group = coalesce(merged ->> 'target_group', ''),
        funding = coalesce(merged ->> 'funding', ''), wanted = coalesce(merged ->> 'wanted', ''),
        summary = case when merged ? 'summary' then merged ->> 'summary' else p.summary end, updated_at = now()
    where p.id = hide.subject_id;
  elsif hide.subject_type = 'project_update' then
    if length(btrim(coalesce(merged ->> 'body', ''))) < 1 then
      raise exception 'TK_PROJECT_UPDATE_INVALID' using errcode = 'P0001';
    end if;
    update public.project_updates u set body = merged ->> 'body' where u.id = hide.subject_id;
  else
    update public.trainings t
    set description = coalesce(merged ->> 'description', ''),
        cancel_reason = case when merged ? 'cancel_reason' then merged ->> 'cancel_reason' else t.cancel_reason end
    where t.id = hide.subject_id;
  end if;

  update public.sozialdaten_hides h set released_at = now(), released_by = (select auth.uid()) where h.id = hide.id;
  select * into subj from private.sozialdaten_subject(hide.subject_type, hide.subject_id);
  perform private.audit('sozialdaten.revised', hide.org_id, hide.network_id, hide.subject_type, hide.subject_id::text,
    jsonb_build_object('hide_id', hide.id, 'title', subj.title));
  if hide.reported_by is not null then
    perform private.notify(hide.reported_by, 'sozialdaten.revised', 'Überarbeitet: ' || subj.title,
      'Der Text, den Sie wegen Sozialdaten gemeldet haben, wurde überarbeitet und ist wieder sichtbar.', null);
  end if;
end
$$;
