-- Report and hide: a text of another Träger that holds client data is hidden at once from
-- everyone but the author's Träger, until the author's coordinators revise it.
--
-- A hide names its subject (a cover request, a cover offer, a training) and the author's Träger.
-- Any member of another Träger who can read the subject reports it (source 'report'); the circle's
-- coordinators hide it (source 'coordinator'); the screen of existing texts hides what fails
-- (source 'screen', 20261206120200). RLS of the subject tables hides the row through a
-- restrictive policy; the author's coordinators get a notification linking to the revision page
-- (/sozialdaten/<hide id>), and revise_hidden_text releases the hide when the new text passes.
-- Reports, hides and revisions are in the audit log.
create table public.sozialdaten_hides (
  id uuid primary key default gen_random_uuid(),
  subject_type text not null check (subject_type in ('cover_request', 'cover_offer', 'training')),
  subject_id uuid not null,
  -- The author's Träger (the only one still seeing the subject) and its circle.
  org_id uuid not null references public.organizations (id) on delete cascade,
  network_id uuid references public.networks (id) on delete cascade,
  source text not null check (source in ('report', 'coordinator', 'screen')),
  -- What the reporter saw, in a few words (no client data: it is screened too).
  note text check (length(note) <= 500),
  kinds text[] not null default '{}',
  reported_by uuid references auth.users (id) on delete set null,
  reported_by_org uuid references public.organizations (id) on delete set null,
  created_at timestamptz not null default now(),
  released_at timestamptz,
  released_by uuid references auth.users (id) on delete set null
);
create unique index sozialdaten_hides_active_idx on public.sozialdaten_hides (subject_type, subject_id)
  where released_at is null;
create index sozialdaten_hides_org_id_idx on public.sozialdaten_hides (org_id);
create index sozialdaten_hides_network_id_idx on public.sozialdaten_hides (network_id);
create index sozialdaten_hides_reported_by_org_idx on public.sozialdaten_hides (reported_by_org);
create index sozialdaten_hides_reported_by_idx on public.sozialdaten_hides (reported_by);
create index sozialdaten_hides_released_by_idx on public.sozialdaten_hides (released_by);

create trigger sozialdaten_hides_refuse_hard_sozialdaten before insert or update on public.sozialdaten_hides
  for each row execute function private.refuse_hard_sozialdaten('note');

alter table public.sozialdaten_hides enable row level security;
revoke all on public.sozialdaten_hides from anon, authenticated;
grant select on public.sozialdaten_hides to authenticated;
grant select, insert, update, delete on public.sozialdaten_hides to service_role;

create policy "the author's Träger, the reporting Träger and the circle's coordinators can read a hide"
  on public.sozialdaten_hides for select to authenticated
  using (org_id in (select private.user_org_ids())
         or reported_by_org in (select private.user_org_ids())
         or network_id in (select private.coordinated_network_ids()));

-- The subjects hidden from the signed-in person: hidden, and not of one of their Träger. A
-- request stays readable for the Träger whose offer was accepted: it is already working with the
-- family and needs the request (period, hours, Hilfeart) next to its handover notes.
create or replace function private.hidden_subject_ids(kind text) returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select h.subject_id from public.sozialdaten_hides h
    where h.released_at is null and h.subject_type = kind
      and h.org_id not in (select private.user_org_ids())
      and not (kind = 'cover_request' and exists (
        select 1 from public.cover_offers o
        where o.request_id = h.subject_id and o.status = 'accepted'
          and o.org_id in (select private.user_org_ids())));
end
$$;
grant execute on function private.hidden_subject_ids(text) to authenticated, service_role;

create policy "a text hidden for Sozialdaten is seen only by the author's Träger"
  on public.cover_requests as restrictive for select to authenticated
  using (id not in (select private.hidden_subject_ids('cover_request')));
create policy "an offer hidden for Sozialdaten is seen only by the offering Träger"
  on public.cover_offers as restrictive for select to authenticated
  using (id not in (select private.hidden_subject_ids('cover_offer')));
create policy "a training hidden for Sozialdaten is seen only by the organising Träger"
  on public.trainings as restrictive for select to authenticated
  using (id not in (select private.hidden_subject_ids('training')));

-- Nobody offers on a hidden request (make_cover_offer runs as definer, past RLS).
create or replace function private.refuse_offer_on_hidden_request() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.sozialdaten_hides h
             where h.subject_type = 'cover_request' and h.subject_id = new.request_id
               and h.released_at is null and h.org_id <> new.org_id) then
    raise exception 'TK_SOZIALDATEN_HIDDEN' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger cover_offers_refuse_on_hidden_request before insert on public.cover_offers
  for each row execute function private.refuse_offer_on_hidden_request();

-- The author's Träger and circle of a subject, and the people to tell (its coordinators); its
-- title for the audit log, and for notifications the facts the app names it by (`facts`:
-- subjectType and the subject's own title, or a request's urgency, Hilfeart and Gemeinde).
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
  end if;
  facts := coalesce(facts, '{}'::jsonb) || jsonb_build_object('subjectType', kind);
end
$$;

-- Hides a subject (or returns the hide it already has), audits and tells the author's
-- coordinators. Called by report_sozialdaten and by the screen of existing texts.
create or replace function private.hide_sozialdaten(kind text, subject uuid, hide_source text, hide_note text,
  hide_kinds text[], reporter_org uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  subj record;
  hide_id uuid;
  coordinator uuid;
begin
  select * into subj from private.sozialdaten_subject(kind, subject);
  if subj.org_id is null then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  select h.id into hide_id from public.sozialdaten_hides h
  where h.subject_type = kind and h.subject_id = subject and h.released_at is null;
  if hide_id is not null then
    return hide_id;
  end if;
  insert into public.sozialdaten_hides (subject_type, subject_id, org_id, network_id, source, note, kinds,
    reported_by, reported_by_org)
  values (kind, subject, subj.org_id, subj.network_id, hide_source, nullif(btrim(coalesce(hide_note, '')), ''),
    coalesce(hide_kinds, '{}'), (select auth.uid()), reporter_org)
  returning id into hide_id;
  perform private.audit(case hide_source when 'report' then 'sozialdaten.reported'
                                         when 'coordinator' then 'sozialdaten.hidden_by_coordinator'
                                         else 'sozialdaten.hidden_by_screen' end,
    subj.org_id, subj.network_id, kind, subject::text,
    jsonb_build_object('hide_id', hide_id, 'title', subj.title, 'reporter_org', reporter_org, 'kinds', to_jsonb(coalesce(hide_kinds, '{}'))));
  for coordinator in
    select m.user_id from public.org_members m
    where m.org_id = subj.org_id and m.role in ('owner', 'admin', 'coordinator')
  loop
    perform private.notify(coordinator, 'sozialdaten.hidden',
      subj.facts || jsonb_build_object('source', hide_source), '/sozialdaten/' || hide_id);
  end loop;
  return hide_id;
end
$$;
grant execute on function private.hide_sozialdaten(text, uuid, text, text, text[], uuid) to service_role;

-- "Enthält Sozialdaten melden": a member of another Träger who can read the subject reports it,
-- and it is hidden at once; a coordinator of the subject's circle hides it (also their own
-- Träger's). Returns the hide's id. Unknown or invisible subjects are TK_NOT_FOUND.
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
  if subject_type not in ('cover_request', 'cover_offer', 'training') then
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
grant execute on function public.report_sozialdaten(text, uuid, text) to authenticated;

-- The texts of a hidden subject that others read, as the revision page shows them.
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
  else
    select jsonb_strip_nulls(jsonb_build_object('description', t.description, 'cancel_reason', t.cancel_reason))
    into texts from public.trainings t where t.id = subject;
  end if;
  return coalesce(texts, '{}'::jsonb);
end
$$;

-- The author's coordinators revise the texts of a hidden subject. Only the texts the subject
-- has can be set; the new texts must be free of hard identifiers (the table triggers refuse them
-- too); then the hide is released, audited, and the reporter's Träger told.
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
    perform private.notify(hide.reported_by, 'sozialdaten.revised', subj.facts, null);
  end if;
end
$$;
grant execute on function public.revise_hidden_text(uuid, jsonb) to authenticated;
