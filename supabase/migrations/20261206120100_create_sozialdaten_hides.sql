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
  -- Cover requests, offers and trainings; the texts of the Kooperationstreffen (a meeting, an
  -- agenda item, the minutes: 20261207140000_hide_meeting_texts.sql) and of projects (an idea, a
  -- workspace update: 20261207110200_project_sozialdaten_hides.sql).
  subject_type text not null check (subject_type in ('cover_request', 'cover_offer', 'training', 'meeting', 'agenda_item', 'minutes',
                          'project', 'project_update')),
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
  using (org_id = any ((select private.user_org_id_array())::uuid[])
         or reported_by_org = any ((select private.user_org_id_array())::uuid[])
         or network_id = any ((select private.coordinated_network_id_array())::uuid[]));

-- The subjects hidden from the signed-in person: hidden, and not of one of their Träger. A
-- request stays readable for the Träger whose offer was accepted: it is already working with the
-- family and needs the request (period, hours, Hilfeart) next to its handover notes.
-- As one value for the restrictive policies (`id <> all (array)` is `id not in (set)`, nulls
-- included; one InitPlan per statement, see private.user_org_id_array); hidden_subject_ids(kind)
-- returns the same set (it reads this).
create or replace function private.hidden_subject_id_array(kind text) returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(
      select h.subject_id from public.sozialdaten_hides h
      where h.released_at is null and h.subject_type = kind
        and not (h.org_id = any (private.user_org_id_array()))
        and not (kind = 'cover_request' and exists (
          select 1 from public.cover_offers o
          where o.request_id = h.subject_id and o.status = 'accepted'
            and o.org_id = any (private.user_org_id_array()))));
end
$$;

create or replace function private.hidden_subject_ids(kind text) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select unnest(private.hidden_subject_id_array(kind));
end
$$;
revoke all on function private.hidden_subject_id_array(text) from public;
grant execute on function private.hidden_subject_id_array(text) to authenticated, service_role;
grant execute on function private.hidden_subject_ids(text) to authenticated, service_role;

create policy "a text hidden for Sozialdaten is seen only by the author's Träger"
  on public.cover_requests as restrictive for select to authenticated
  using (id <> all ((select private.hidden_subject_id_array('cover_request'))::uuid[]));
create policy "an offer hidden for Sozialdaten is seen only by the offering Träger"
  on public.cover_offers as restrictive for select to authenticated
  using (id <> all ((select private.hidden_subject_id_array('cover_offer'))::uuid[]));
create policy "a training hidden for Sozialdaten is seen only by the organising Träger"
  on public.trainings as restrictive for select to authenticated
  using (id <> all ((select private.hidden_subject_id_array('training'))::uuid[]));

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

-- Per kind of subject, four functions know whose text it is and which texts it has:
-- private.sozialdaten_subject (the author's Träger, circle, title and notification facts),
-- public.report_sozialdaten ("Enthält Sozialdaten melden"), private.sozialdaten_subject_texts and
-- public.revise_hidden_text (the revision page). Each is defined once, with every kind, in
-- 20261207140000_hide_meeting_texts.sql: they read the meeting and project tables created after
-- this migration.

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
