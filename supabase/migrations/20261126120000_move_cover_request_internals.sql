-- Vertretungsbörse: the requesting Träger's own details of a request move out of cover_requests
-- (docs/decisions/007-cover-private-columns.md). Row-level security hides rows, not columns:
-- every Träger of the circle that may read a published request could read all of its columns
-- through the API, the pseudonymous case reference included. What only the requesting Träger
-- may know now lives in its own table with its own policy:
--   case_reference               the requester's pseudonymous reference ("F-2026-014")
--   created_by                   who of its staff posted the request
--   no_sozialdaten_confirmed_by  who confirmed "enthält keine Sozialdaten"
--   cancel_reason, cancelled_by  why and by whom it was cancelled (the reason also reaches the
--                                Träger that had an offer then, through cover_cancel_reason())
-- The need, region, period, requirements (with the reason of a gender requirement), fill status
-- and the times of each step stay on cover_requests, for the circle.
--
-- Applies to a database that already holds requests: the table is created, filled from the
-- old columns, and the columns dropped; the functions that used them are replaced.

-- One row per request (created with it by a trigger, deleted with it). org_id is the requesting
-- Träger, copied from the request so that the policy needs no join.
create table public.cover_request_internals (
  request_id uuid primary key references public.cover_requests (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- Pseudonymous, chosen by the requester: letters, then one or two groups of digits
  -- ("F-2026-014"). A name cannot match.
  case_reference text check (case_reference ~ '^[A-Z]{1,5}(-[0-9]{1,6}){1,2}$'),
  created_by uuid references auth.users (id) on delete set null,
  no_sozialdaten_confirmed_by uuid references auth.users (id) on delete set null,
  cancel_reason text check (length(cancel_reason) <= 1000),
  cancelled_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now()
);
create index cover_request_internals_org_id_idx on public.cover_request_internals (org_id);
create index cover_request_internals_created_by_idx on public.cover_request_internals (created_by);
create index cover_request_internals_confirmed_by_idx on public.cover_request_internals (no_sozialdaten_confirmed_by);
create index cover_request_internals_cancelled_by_idx on public.cover_request_internals (cancelled_by);

insert into public.cover_request_internals (request_id, org_id, case_reference, created_by,
  no_sozialdaten_confirmed_by, cancel_reason, cancelled_by)
select r.id, r.org_id, r.case_reference, r.created_by, r.no_sozialdaten_confirmed_by, r.cancel_reason, r.cancelled_by
from public.cover_requests r;

alter table public.cover_requests
  drop column case_reference,
  drop column created_by,
  drop column no_sozialdaten_confirmed_by,
  drop column cancel_reason,
  drop column cancelled_by;

-- Checks a request as a form writes it and gives each mistake a stable code, and stamps when
-- "enthält keine Sozialdaten" was confirmed (who: private.sync_cover_request_internals). A changed
-- description needs the confirmation again.
create or replace function private.prepare_cover_request() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.period_from is null or new.period_to is null or new.period_to < new.period_from then
    raise exception 'TK_COVER_PERIOD_INVALID' using errcode = 'P0001';
  end if;
  if new.period_to > new.period_from + 731 then
    raise exception 'TK_COVER_PERIOD_TOO_LONG' using errcode = 'P0001';
  end if;
  if new.hours_per_week is null or new.hours_per_week <= 0 or new.hours_per_week > 60 then
    raise exception 'TK_COVER_HOURS_INVALID' using errcode = 'P0001';
  end if;
  if not exists (select 1 from public.hilfearten h where h.code = new.hilfeart) then
    raise exception 'TK_UNKNOWN_HILFEART' using errcode = 'P0001';
  end if;
  if not exists (select 1 from public.gemeinden g where g.code = new.gemeinde) then
    raise exception 'TK_UNKNOWN_GEMEINDE' using errcode = 'P0001';
  end if;
  if new.gender_requirement is not null and length(btrim(coalesce(new.gender_reason, ''))) < 3 then
    raise exception 'TK_COVER_GENDER_REASON_REQUIRED' using errcode = 'P0001';
  end if;
  if new.gender_requirement is null then
    new.gender_reason := null;
  end if;
  if (new.addressing = 'addressed') <> (new.widen_at is not null) then
    raise exception 'TK_COVER_ADDRESSING_INVALID' using errcode = 'P0001';
  end if;

  if not new.no_sozialdaten_confirmed then
    new.no_sozialdaten_confirmed_at := null;
  elsif tg_op = 'INSERT' or not old.no_sozialdaten_confirmed or new.description is distinct from old.description then
    new.no_sozialdaten_confirmed_at := now();
  end if;
  return new;
end
$$;

-- Keeps the request's internals row: created with the request (recording who posted it), and
-- who confirmed "enthält keine Sozialdaten" whenever the confirmation is given again or taken back
-- (the same rule as no_sozialdaten_confirmed_at in prepare_cover_request). Without a signed-in
-- person (seed, service role) the recorded people stay as they are.
create or replace function private.sync_cover_request_internals() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
begin
  if tg_op = 'INSERT' then
    insert into public.cover_request_internals (request_id, org_id, created_by, no_sozialdaten_confirmed_by)
    values (new.id, new.org_id, uid, case when new.no_sozialdaten_confirmed then uid end)
    on conflict (request_id) do nothing;
  elsif not new.no_sozialdaten_confirmed then
    update public.cover_request_internals i set no_sozialdaten_confirmed_by = null
    where i.request_id = new.id and i.no_sozialdaten_confirmed_by is not null;
  elsif not old.no_sozialdaten_confirmed or new.description is distinct from old.description then
    update public.cover_request_internals i set no_sozialdaten_confirmed_by = coalesce(uid, i.no_sozialdaten_confirmed_by)
    where i.request_id = new.id;
  end if;
  return null;
end
$$;
create trigger cover_requests_sync_internals after insert or update of no_sozialdaten_confirmed, description
  on public.cover_requests for each row execute function private.sync_cover_request_internals();

-- A case reference as a form writes it gets a stable code (bad input is a German message, never
-- a 500 from a check constraint); the requesting Träger is always the request's.
create or replace function private.prepare_cover_request_internals() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.case_reference is not null and new.case_reference !~ '^[A-Z]{1,5}(-[0-9]{1,6}){1,2}$' then
    raise exception 'TK_COVER_CASE_REFERENCE_INVALID' using errcode = 'P0001';
  end if;
  select r.org_id into new.org_id from public.cover_requests r where r.id = new.request_id;
  if new.org_id is null then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger cover_request_internals_prepare before insert or update on public.cover_request_internals
  for each row execute function private.prepare_cover_request_internals();

-- cover_request_internals: the requesting Träger reads them (members too, as they read the
-- request); its coordinators set the case reference while the request is a draft, like every
-- other field of a draft. Rows come and go with the request: no insert or delete for the API.
alter table public.cover_request_internals enable row level security;
revoke all on public.cover_request_internals from anon, authenticated;
grant select on public.cover_request_internals to authenticated;
grant update (case_reference) on public.cover_request_internals to authenticated;
grant select, insert, update, delete on public.cover_request_internals to service_role;

create policy "the requesting Träger reads its own details of a request"
  on public.cover_request_internals for select to authenticated
  using (org_id in (select private.user_org_ids()));
create policy "coordinators can set the case reference of their draft"
  on public.cover_request_internals for update to authenticated
  using (request_id in (select private.editable_cover_request_ids()))
  with check (request_id in (select private.editable_cover_request_ids()));

-- Why a request was cancelled, for those who were told: the requesting Träger, and a Träger whose
-- offer was open or accepted when it was cancelled (cancel_cover_request declines open offers at
-- the moment of cancelling, so their decided_at equals cancelled_at). Null for everybody else,
-- and for a request that is not cancelled.
create or replace function public.cover_cancel_reason(request_id uuid) returns text
language sql
stable
security definer
set search_path = ''
as $$
  select i.cancel_reason
  from public.cover_request_internals i
  join public.cover_requests r on r.id = i.request_id
  where i.request_id = cover_cancel_reason.request_id and r.status = 'cancelled'
    and (i.org_id in (select private.user_org_ids())
         or exists (select 1 from public.cover_offers o
                    where o.request_id = r.id and o.org_id in (select private.user_org_ids())
                      and (o.status = 'accepted' or (o.status = 'declined' and o.decided_at >= r.cancelled_at))))
$$;
grant execute on function public.cover_cancel_reason(uuid) to authenticated;

-- The requesting side of a request: its author and its contact person.
create or replace function private.cover_requester_people(request_id uuid) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select array_remove(array[i.created_by, private.cover_contact_user(r.id, r.org_id)], null)
  from public.cover_requests r
  left join public.cover_request_internals i on i.request_id = r.id
  where r.id = cover_requester_people.request_id
$$;

-- The functions below are those of 20261126100100_add_cover_functions.sql that used the moved
-- columns, unchanged otherwise: the case reference is read from cover_request_internals (and
-- still goes only to the requesting Träger: its audit log, its notifications and mails), the
-- cancellation is recorded there.

create or replace function public.publish_cover_request(request_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  req public.cover_requests%rowtype;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = publish_cover_request.request_id for update;
  if not found or req.org_id not in (select private.user_org_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_COORDINATORS_ONLY' using errcode = 'P0001';
  end if;
  if req.status <> 'draft' then
    raise exception 'TK_COVER_NOT_DRAFT' using errcode = 'P0001';
  end if;
  if not exists (select 1 from public.network_members nm
                 where nm.network_id = req.network_id and nm.org_id = req.org_id and nm.status = 'active') then
    raise exception 'TK_COVER_NOT_IN_CIRCLE' using errcode = 'P0001';
  end if;
  if not req.no_sozialdaten_confirmed then
    raise exception 'TK_COVER_SOZIALDATEN_UNCONFIRMED' using errcode = 'P0001';
  end if;
  if req.period_to < private.cover_today() then
    raise exception 'TK_COVER_PERIOD_PAST' using errcode = 'P0001';
  end if;
  if req.addressing = 'addressed' then
    if not exists (select 1 from public.cover_request_recipients rr where rr.request_id = req.id) then
      raise exception 'TK_COVER_NO_RECIPIENTS' using errcode = 'P0001';
    end if;
    if req.widen_at <= now() then
      raise exception 'TK_COVER_WIDEN_AT_PAST' using errcode = 'P0001';
    end if;
  end if;

  update public.cover_requests r set status = 'open', published_at = now() where r.id = req.id;
  insert into public.cover_contacts (request_id, org_id, side, user_id)
  values (req.id, req.org_id, 'requester', uid)
  on conflict on constraint cover_contacts_pkey do nothing;
  perform private.alert_cover_request(req.id, case req.addressing when 'addressed' then 'addressed' else 'published' end);
  perform private.audit('cover.published', req.org_id, null, 'cover_request', req.id::text,
    jsonb_build_object('urgency', req.urgency, 'addressing', req.addressing, 'caseReference',
      (select i.case_reference from public.cover_request_internals i where i.request_id = req.id)));
end
$$;
grant execute on function public.publish_cover_request(uuid) to authenticated;

create or replace function public.make_cover_offer(
  request_id uuid,
  offering_org_id uuid,
  hours numeric,
  available_from date,
  qualification text default '',
  languages text[] default '{}',
  message text default ''
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  req public.cover_requests%rowtype;
  new_id uuid;
  offer_org_name text;
  case_ref text;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if offering_org_id is null or offering_org_id not in (select private.user_org_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if offering_org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_COORDINATORS_ONLY' using errcode = 'P0001';
  end if;
  -- A share lock: offers may come in side by side, but not while an accept or cancel runs.
  select * into req from public.cover_requests r where r.id = make_cover_offer.request_id for share;
  if not found or req.status = 'draft'
     or not exists (select 1 from public.network_members nm
                    where nm.network_id = req.network_id and nm.org_id = offering_org_id and nm.status = 'active')
     or not (req.addressing = 'circle' or req.widen_at <= now()
             or req.org_id = offering_org_id
             or exists (select 1 from public.cover_request_recipients rr
                        where rr.request_id = req.id and rr.org_id = offering_org_id)) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.org_id = offering_org_id then
    raise exception 'TK_COVER_OWN_REQUEST' using errcode = 'P0001';
  end if;
  if req.status <> 'open' then
    perform private.raise_cover_not_open(req.status);
  end if;
  if req.period_to < private.cover_today() then
    raise exception 'TK_COVER_EXPIRED' using errcode = 'P0001';
  end if;
  if hours is null or hours <= 0 or hours > 60 then
    raise exception 'TK_COVER_HOURS_INVALID' using errcode = 'P0001';
  end if;
  if hours > req.hours_per_week - req.covered_hours then
    raise exception 'TK_COVER_OFFER_TOO_MANY_HOURS' using errcode = 'P0001';
  end if;
  if available_from is null or available_from > req.period_to then
    raise exception 'TK_COVER_OFFER_FROM_INVALID' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.cover_offers o
             where o.request_id = req.id and o.org_id = offering_org_id and o.status = 'offered') then
    raise exception 'TK_COVER_OFFER_EXISTS' using errcode = 'P0001';
  end if;

  insert into public.cover_offers (request_id, request_org_id, org_id, created_by, hours_per_week,
    available_from, qualification, languages, message)
  values (req.id, req.org_id, offering_org_id, uid, hours, make_cover_offer.available_from,
    coalesce(btrim(make_cover_offer.qualification), ''), coalesce(make_cover_offer.languages, '{}'),
    coalesce(btrim(make_cover_offer.message), ''))
  returning id into new_id;
  insert into public.cover_contacts (request_id, org_id, side, user_id)
  values (req.id, offering_org_id, 'offerer', uid)
  on conflict on constraint cover_contacts_pkey do nothing;

  select o.name into offer_org_name from public.organizations o where o.id = offering_org_id;
  select i.case_reference into case_ref from public.cover_request_internals i where i.request_id = req.id;
  perform private.notify_cover_side(req.org_id, private.cover_requester_people(req.id), 'cover.offer_received',
    'Neues Angebot: ' || coalesce(case_ref, private.cover_title(req.id)),
    offer_org_name || ' bietet ' || private.cover_hours_text(hours) || ' Std./Woche ab '
      || to_char(greatest(make_cover_offer.available_from, req.period_from), 'DD.MM.YYYY') || '.',
    '/vertretungen/' || req.id, 'cover-offer-received',
    private.cover_mail_props(req.id) || jsonb_build_object(
      'caseReference', case_ref, 'offerOrgName', offer_org_name, 'offeredHours', hours,
      'availableFrom', to_char(make_cover_offer.available_from, 'YYYY-MM-DD'),
      'message', coalesce(btrim(make_cover_offer.message), '')));
  perform private.audit('cover.offer_made', offering_org_id, null, 'cover_offer', new_id::text,
    jsonb_build_object('requestId', req.id, 'hours', hours));
  return new_id;
end
$$;
grant execute on function public.make_cover_offer(uuid, uuid, numeric, date, text, text[], text) to authenticated;

create or replace function public.withdraw_cover_offer(offer_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  off public.cover_offers%rowtype;
  offer_org_name text;
  req public.cover_requests%rowtype;
  case_ref text;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into off from public.cover_offers o where o.id = withdraw_cover_offer.offer_id;
  if not found or off.org_id not in (select private.user_org_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if off.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_COORDINATORS_ONLY' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = off.request_id for update;
  select * into off from public.cover_offers o where o.id = withdraw_cover_offer.offer_id for update;
  case off.status
    when 'accepted' then raise exception 'TK_COVER_OFFER_ACCEPTED' using errcode = 'P0001';
    when 'withdrawn' then raise exception 'TK_COVER_OFFER_WITHDRAWN' using errcode = 'P0001';
    when 'declined' then raise exception 'TK_COVER_OFFER_DECLINED' using errcode = 'P0001';
    else null;
  end case;

  update public.cover_offers o set status = 'withdrawn', withdrawn_at = now() where o.id = off.id;
  select o.name into offer_org_name from public.organizations o where o.id = off.org_id;
  select i.case_reference into case_ref from public.cover_request_internals i where i.request_id = req.id;
  perform private.notify_cover_side(req.org_id, private.cover_requester_people(req.id), 'cover.offer_withdrawn',
    'Angebot zurückgezogen: ' || coalesce(case_ref, private.cover_title(req.id)),
    offer_org_name || ' hat das Angebot zurückgezogen.', '/vertretungen/' || req.id, 'cover-offer-withdrawn',
    private.cover_mail_props(req.id) || jsonb_build_object(
      'caseReference', case_ref, 'offerOrgName', offer_org_name));
  perform private.audit('cover.offer_withdrawn', off.org_id, null, 'cover_offer', off.id::text,
    jsonb_build_object('requestId', req.id));
end
$$;
grant execute on function public.withdraw_cover_offer(uuid) to authenticated;

create or replace function public.cancel_cover_request(request_id uuid, reason text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  req public.cover_requests%rowtype;
  why text := btrim(coalesce(cancel_cover_request.reason, ''));
  off record;
  req_org_name text;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = cancel_cover_request.request_id for update;
  if not found or not private.can_see_cover_request(req.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_REQUESTER_ONLY' using errcode = 'P0001';
  end if;
  if req.status = 'completed' then
    raise exception 'TK_COVER_COMPLETED' using errcode = 'P0001';
  end if;
  if req.status not in ('open', 'filled') then
    perform private.raise_cover_not_open(req.status);
  end if;
  if length(why) < 3 then
    raise exception 'TK_COVER_REASON_REQUIRED' using errcode = 'P0001';
  end if;
  if length(why) > 1000 then
    raise exception 'TK_COVER_MESSAGE_TOO_LONG' using errcode = 'P0001';
  end if;

  update public.cover_requests r
  set status = 'cancelled', cancelled_at = now(), closed_at = now()
  where r.id = req.id;
  update public.cover_request_internals i
  set cancel_reason = why, cancelled_by = uid
  where i.request_id = req.id;
  select o.name into req_org_name from public.organizations o where o.id = req.org_id;
  for off in
    select o.id, o.org_id, o.status from public.cover_offers o
    where o.request_id = req.id and o.status in ('offered', 'accepted')
    order by o.created_at
  loop
    perform private.notify_cover_side(off.org_id, private.cover_offerer_people(off.id), 'cover.request_cancelled',
      'Anfrage abgesagt: ' || private.cover_title(req.id), req_org_name || ' hat die Anfrage abgesagt: ' || why,
      '/vertretungen/' || req.id, 'cover-request-cancelled',
      private.cover_mail_props(req.id) || jsonb_build_object('reason', why, 'wasAccepted', off.status = 'accepted'));
  end loop;
  update public.cover_offers o
  set status = 'declined', decline_message = 'Die Anfrage wurde abgesagt: ' || why, decided_by = uid, decided_at = now()
  where o.request_id = req.id and o.status = 'offered';
  perform private.audit('cover.cancelled', req.org_id, null, 'cover_request', req.id::text,
    jsonb_build_object('reason', why));
end
$$;
grant execute on function public.cancel_cover_request(uuid, text) to authenticated;
