-- Report and hide for the Kooperationstreffen (decision 013): a meeting, an agenda item (a topic
-- proposal or a scheduled topic) and the minutes of a meeting can be reported as holding client
-- data, like cover requests, offers and trainings (20261206120100) and the texts of projects
-- (20261207110200). This file holds the one definition of the four functions that dispatch over
-- every kind of subject (sozialdaten_subject, report_sozialdaten, sozialdaten_subject_texts,
-- revise_hidden_text), and of guest_meeting and network_next_meeting (they leave hidden texts out).
--
-- Whose text it is:
--   meeting      the host Träger (meetings.host_org_id)
--   agenda_item  the proposing Träger, else the host Träger of its meeting
--   minutes      the host Träger of the meeting (subject_id is the meeting's id)
-- The hosts (host coordinators and the circle's coordinators) and the Protokollant keep seeing
-- the hidden text: they are the ones who revise it. Everyone else loses sight of it at once —
-- and so do guests (public.guest_meeting) and the circle's public page.
--
-- Revising: a meeting's and an agenda item's texts on /sozialdaten/<hide id> (revise_hidden_text);
-- minutes in the minutes editor: the hide is released when every version the circle reads
-- (circulated and approved) was written after the report — so a corrected version must be
-- circulated (and, for approved minutes, approved again, which also corrects the decisions and
-- action items taken from them). Hidden minutes can be corrected even when locked.

-- The author's Träger and circle of a subject, and the people to tell (its coordinators); its
-- title for the audit log, and for notifications the facts the app names it by (`facts`:
-- subjectType and the subject's own title, or a request's urgency, Hilfeart and Gemeinde).
-- Every kind of subject (this is its one definition: it reads the meeting and project tables).
create or replace function private.sozialdaten_subject(kind text, subject uuid,
  out org_id uuid, out network_id uuid, out title text, out facts jsonb)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  request uuid;
begin
  if kind in ('cover_request', 'cover_offer') then
    request := case when kind = 'cover_request' then subject
                    else (select o.request_id from public.cover_offers o where o.id = subject) end;
    select r.org_id, r.network_id, private.cover_title(r.id),
      jsonb_build_object('urgency', r.urgency, 'hilfeartLabel', h.label, 'gemeindeName', g.name)
    into org_id, network_id, title, facts
    from public.cover_requests r
    join public.hilfearten h on h.code = r.hilfeart
    join public.gemeinden g on g.code = r.gemeinde
    where r.id = request;
    if kind = 'cover_offer' then
      title := 'Angebot zu ' || title;
      select o.org_id into org_id from public.cover_offers o where o.id = subject;
    end if;
  elsif kind = 'training' then
    select t.org_id, t.network_id, 'Fortbildung „' || t.title || '“', jsonb_build_object('title', t.title)
    into org_id, network_id, title, facts
    from public.trainings t where t.id = subject;
  elsif kind = 'meeting' then
    select mt.host_org_id, mt.network_id, 'Treffen „' || mt.title || '“', jsonb_build_object('title', mt.title)
    into org_id, network_id, title, facts
    from public.meetings mt where mt.id = subject;
  elsif kind = 'agenda_item' then
    select coalesce(a.proposed_by_org_id, mt.host_org_id), a.network_id, 'Thema „' || a.title || '“',
      jsonb_build_object('title', a.title)
    into org_id, network_id, title, facts
    from public.agenda_items a left join public.meetings mt on mt.id = a.meeting_id where a.id = subject;
  elsif kind = 'minutes' then
    select mt.host_org_id, mt.network_id, 'Protokoll „' || mt.title || '“', jsonb_build_object('title', mt.title)
    into org_id, network_id, title, facts
    from public.minutes m join public.meetings mt on mt.id = m.meeting_id where m.meeting_id = subject;
  elsif kind = 'project' then
    select pp.org_id, p.network_id, 'Projekt „' || p.title || '“', jsonb_build_object('title', p.title)
    into org_id, network_id, title, facts
    from public.projects p join public.project_partners pp on pp.project_id = p.id and pp.role = 'lead'
    where p.id = subject;
  elsif kind = 'project_update' then
    select u.org_id, p.network_id, 'Beitrag im Projekt „' || p.title || '“', jsonb_build_object('title', p.title)
    into org_id, network_id, title, facts
    from public.project_updates u join public.projects p on p.id = u.project_id where u.id = subject;
  end if;
  facts := coalesce(facts, '{}'::jsonb) || jsonb_build_object('subjectType', kind);
end
$$;

-- Hidden meetings, agenda items and minutes: everyone but the author's Träger and the hosts.
-- (The array helpers: one InitPlan per statement, `<> all` = `not in`.)
create policy "a meeting hidden for Sozialdaten is seen only by the host Träger and the hosts"
  on public.meetings as restrictive for select to authenticated
  using (id <> all ((select private.hidden_subject_id_array('meeting'))::uuid[])
         or id = any ((select private.hosted_meeting_id_array())::uuid[]));
create policy "an agenda item hidden for Sozialdaten is seen only by its Träger and the hosts"
  on public.agenda_items as restrictive for select to authenticated
  using (id <> all ((select private.hidden_subject_id_array('agenda_item'))::uuid[])
         or meeting_id = any ((select private.hosted_meeting_id_array())::uuid[]));
create policy "hidden minutes are read only by the host Träger and the writers"
  on public.minutes_versions as restrictive for select to authenticated
  using (meeting_id <> all ((select private.hidden_subject_id_array('minutes'))::uuid[])
         or meeting_id = any ((select private.minutes_writer_meeting_id_array())::uuid[]));
create policy "decisions of hidden minutes are read only by the host Träger and the writers"
  on public.decisions as restrictive for select to authenticated
  using (meeting_id <> all ((select private.hidden_subject_id_array('minutes'))::uuid[])
         or meeting_id = any ((select private.minutes_writer_meeting_id_array())::uuid[]));
create policy "action items of hidden minutes are read only by the host Träger and the writers"
  on public.action_items as restrictive for select to authenticated
  using (meeting_id <> all ((select private.hidden_subject_id_array('minutes'))::uuid[])
         or meeting_id = any ((select private.minutes_writer_meeting_id_array())::uuid[]));

-- Whether a subject of the meetings is hidden from the person (for the token and public views,
-- which run as definer past RLS).
create or replace function private.meeting_subject_hidden(kind text, subject uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.sozialdaten_hides h
                 where h.subject_type = kind and h.subject_id = subject and h.released_at is null)
$$;

-- "Enthält Sozialdaten melden": a member of another Träger who can read the subject (exactly as
-- RLS shows it) reports it, and it is hidden at once; a coordinator of the subject's circle hides
-- it (also their own Träger's). Returns the hide's id. Unknown or invisible subjects are
-- TK_NOT_FOUND. Every kind of subject.
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
  if subject_type not in ('cover_request', 'cover_offer', 'training', 'meeting', 'agenda_item', 'minutes',
                          'project', 'project_update') then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  select * into subj from private.sozialdaten_subject(subject_type, subject_id);
  if subj.org_id is null then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if subject_type = 'cover_request' then
    visible := private.can_see_cover_request(subject_id);
  elsif subject_type = 'cover_offer' then
    visible := exists (select 1 from public.cover_offers o
                       where o.id = subject_id
                         and (o.org_id in (select private.user_org_ids()) or o.request_org_id in (select private.user_org_ids())));
  elsif subject_type = 'training' then
    visible := exists (select 1 from public.trainings t
                       where t.id = subject_id
                         and ((t.status <> 'draft' and t.network_id in (select private.user_network_ids()))
                              or t.org_id in (select private.user_org_ids())));
  elsif subject_type = 'project' then
    visible := subject_id in (select private.visible_project_ids());
  elsif subject_type = 'project_update' then
    visible := exists (select 1 from public.project_updates u
                       where u.id = subject_id and u.project_id in (select private.workspace_project_ids()));
  elsif subject_type = 'meeting' then
    visible := subj.network_id in (select private.user_network_ids());
  elsif subject_type = 'agenda_item' then
    visible := exists (select 1 from public.agenda_items a
                       where a.id = subject_id
                         and ((a.status in ('scheduled', 'pool') and a.network_id in (select private.user_network_ids()))
                              or a.proposed_by_org_id in (select private.user_org_ids())
                              or a.meeting_id in (select private.hosted_meeting_ids())));
  else
    -- Minutes: only what the circle reads (circulated or approved); drafts are the writers' own.
    visible := exists (select 1 from public.minutes m
                       where m.meeting_id = subject_id
                         and m.network_id in (select private.user_network_ids())
                         and (m.circulated_version is not null or m.approved_version is not null));
  end if;
  visible := visible and (subj.org_id in (select private.user_org_ids())
                          or subject_id not in (select private.hidden_subject_ids(subject_type)));
  if not visible then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  is_coordinator := subj.network_id in (select private.coordinated_network_ids());
  select o into reporter_org from private.user_org_ids() o where o <> subj.org_id limit 1;
  if reporter_org is null and not is_coordinator then
    raise exception 'TK_SOZIALDATEN_OWN_TEXT' using errcode = 'P0001';
  end if;
  return private.hide_sozialdaten(subject_type, subject_id,
    case when is_coordinator then 'coordinator' else 'report' end,
    note, '{}', reporter_org);
end
$$;
grant execute on function public.report_sozialdaten(text, uuid, text) to authenticated;

-- The texts of a hidden subject that others read, as the revision page shows them. Minutes are
-- revised in their editor: none here.
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
  elsif kind = 'training' then
    select jsonb_strip_nulls(jsonb_build_object('description', t.description, 'cancel_reason', t.cancel_reason))
    into texts from public.trainings t where t.id = subject;
  elsif kind = 'meeting' then
    select jsonb_strip_nulls(jsonb_build_object('title', mt.title, 'description', mt.description,
      'cancel_reason', mt.cancel_reason))
    into texts from public.meetings mt where mt.id = subject;
  elsif kind = 'agenda_item' then
    select jsonb_strip_nulls(jsonb_build_object('title', a.title, 'description', a.description,
      'decline_reason', a.decline_reason))
    into texts from public.agenda_items a where a.id = subject;
  elsif kind = 'project' then
    select jsonb_strip_nulls(jsonb_build_object('goal', p.goal, 'target_group', p.target_group, 'funding', p.funding,
      'wanted', p.wanted, 'summary', p.summary))
    into texts from public.projects p where p.id = subject;
  elsif kind = 'project_update' then
    select jsonb_build_object('body', u.body) into texts from public.project_updates u where u.id = subject;
  end if;
  return coalesce(texts, '{}'::jsonb);
end
$$;

-- The author's coordinators revise the texts of a hidden subject. Only the texts the subject
-- has can be set; the new texts must be free of hard identifiers (the table triggers refuse them
-- too); then the hide is released, audited, and the reporter's Träger told. Minutes are revised
-- through the minutes editor (TK_SOZIALDATEN_REVISE_IN_EDITOR).
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
begin
  select * into hide from public.sozialdaten_hides h where h.id = hide_id and h.released_at is null for update;
  if not found or hide.org_id not in (select private.user_org_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if hide.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_SOZIALDATEN_REVISE_NOT_ALLOWED' using errcode = 'P0001';
  end if;
  if hide.subject_type = 'minutes' then
    raise exception 'TK_SOZIALDATEN_REVISE_IN_EDITOR' using errcode = 'P0001';
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
  if merged ? 'title' and length(btrim(merged ->> 'title')) < 3 then
    raise exception 'TK_SOZIALDATEN_TITLE_TOO_SHORT' using errcode = 'P0001';
  end if;

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
  elsif hide.subject_type = 'training' then
    update public.trainings t
    set description = coalesce(merged ->> 'description', ''),
        cancel_reason = case when merged ? 'cancel_reason' then merged ->> 'cancel_reason' else t.cancel_reason end
    where t.id = hide.subject_id;
  elsif hide.subject_type = 'meeting' then
    update public.meetings mt
    set title = btrim(merged ->> 'title'),
        description = coalesce(merged ->> 'description', ''),
        cancel_reason = case when merged ? 'cancel_reason' then merged ->> 'cancel_reason' else mt.cancel_reason end,
        updated_at = now()
    where mt.id = hide.subject_id;
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
    update public.agenda_items a
    set title = btrim(merged ->> 'title'),
        description = coalesce(merged ->> 'description', ''),
        decline_reason = case when merged ? 'decline_reason' then merged ->> 'decline_reason' else a.decline_reason end,
        updated_at = now()
    where a.id = hide.subject_id;
  end if;

  perform private.release_sozialdaten_hide(hide.id);
end
$$;
grant execute on function public.revise_hidden_text(uuid, jsonb) to authenticated;

-- Releases a hide: the text shows again; audited, and the reporter told.
create or replace function private.release_sozialdaten_hide(hide_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  hide public.sozialdaten_hides;
  subj record;
begin
  update public.sozialdaten_hides h set released_at = now(), released_by = (select auth.uid())
  where h.id = hide_id and h.released_at is null
  returning * into hide;
  if not found then
    return;
  end if;
  select * into subj from private.sozialdaten_subject(hide.subject_type, hide.subject_id);
  perform private.audit('sozialdaten.revised', hide.org_id, hide.network_id, hide.subject_type, hide.subject_id::text,
    jsonb_build_object('hide_id', hide.id, 'title', subj.title));
  if hide.reported_by is not null then
    perform private.notify(hide.reported_by, 'sozialdaten.revised', subj.facts, null);
  end if;
end
$$;

-- Minutes: released when every version the circle reads was written after the report.
create or replace function private.release_revised_minutes() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  hide public.sozialdaten_hides;
begin
  select * into hide from public.sozialdaten_hides h
  where h.subject_type = 'minutes' and h.subject_id = new.meeting_id and h.released_at is null;
  if not found then
    return new;
  end if;
  if new.circulated_version is null and new.approved_version is null then
    return new;
  end if;
  if exists (select 1 from public.minutes_versions v
             where v.meeting_id = new.meeting_id
               and v.version in (new.circulated_version, new.approved_version)
               and v.created_at <= hide.created_at) then
    return new;
  end if;
  perform private.release_sozialdaten_hide(hide.id);
  return new;
end
$$;
create trigger minutes_release_revised_sozialdaten after update of circulated_version, approved_version
  on public.minutes for each row execute function private.release_revised_minutes();

-- The guest's view through their token: their meeting only (no member directory, no names). Read
-- past RLS: a hidden meeting shows no texts, hidden agenda items and minutes are left out.
create or replace function public.guest_meeting(token text)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  g public.meeting_guests%rowtype;
  result jsonb;
begin
  select * into g from public.meeting_guests x
  where x.token_hash = encode(sha256(convert_to(coalesce(token, ''), 'UTF8')), 'hex');
  if not found or g.token_expires_at < now() then
    raise exception 'TK_GUEST_TOKEN_INVALID' using errcode = 'P0001';
  end if;
  if private.meeting_subject_hidden('meeting', g.meeting_id) then
    raise exception 'TK_SOZIALDATEN_HIDDEN' using errcode = 'P0001';
  end if;
  select jsonb_build_object(
    'guestId', g.id, 'guestName', g.name, 'guestOrg', g.org_name, 'answer', g.answer, 'comment', g.comment,
    'meeting', private.meeting_mail_props(g.meeting_id) || jsonb_build_object(
      'description', mt.description, 'status', mt.status, 'cancelReason', mt.cancel_reason,
      'capacity', mt.capacity, 'rsvpYes', mt.rsvp_yes, 'rsvpMaybe', mt.rsvp_maybe, 'rsvpNo', mt.rsvp_no,
      'registrationDeadline', mt.registration_deadline),
    'agenda', coalesce((select jsonb_agg(jsonb_build_object('title', a.title, 'description', a.description,
        'minutes', a.minutes_planned, 'presenter', o.name) order by a.position)
      from public.agenda_items a left join public.organizations o on o.id = a.presenter_org_id
      where a.meeting_id = g.meeting_id and a.status = 'scheduled'
        and not private.meeting_subject_hidden('agenda_item', a.id)), '[]'::jsonb),
    'minutes', (select v.content from public.minutes m join public.minutes_versions v
                on v.meeting_id = m.meeting_id and v.version = m.approved_version
                where m.meeting_id = g.meeting_id
                  and not private.meeting_subject_hidden('minutes', m.meeting_id)))
  into result
  from public.meetings mt where mt.id = g.meeting_id;
  return result;
end
$$;

-- The circle's public page: the next open meeting that welcomes guests (date, place, host); never
-- a hidden one.
create or replace function public.network_next_meeting(network_slug text)
returns table (id uuid, title text, starts_at timestamptz, ends_at timestamptz, place text, gemeinde text,
  online boolean, host_name text, full boolean)
language sql stable security definer set search_path = ''
as $$
  select mt.id, mt.title, mt.starts_at, mt.ends_at, mt.place, g.name, mt.online_url is not null, o.name,
    mt.capacity is not null and mt.rsvp_yes >= mt.capacity
  from public.networks n
  join public.meetings mt on mt.network_id = n.id
  join public.organizations o on o.id = mt.host_org_id
  left join public.gemeinden g on g.code = mt.gemeinde
  where n.slug = network_slug and n.public_page and mt.guests_welcome and mt.status = 'planned'
    and mt.starts_at > now()
    and not private.meeting_subject_hidden('meeting', mt.id)
  order by mt.starts_at limit 1
$$;
grant execute on function public.guest_meeting(text), public.network_next_meeting(text)
  to anon, authenticated, service_role;
