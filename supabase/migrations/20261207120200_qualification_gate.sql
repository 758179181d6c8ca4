-- Notfall on the phone, part 3: the qualification gate (§§ 72, 72a SGB VIII, issue 12).
-- A Träger keeps, for each staff member who may be offered, the Fachkraft qualification (a
-- fixed list plus free text) and the date of the last erweitertes Führungszeugnis (never the
-- document). A circle sets how old a Führungszeugnis may be (default 5 years, the common
-- agreement). An offer names the person (staff_id); make_cover_offer refuses a person without
-- the Fachkraft qualification when the request needs one, and a Führungszeugnis older than the
-- circle allows. The requesting Träger sees two checks on the offer (staff_fachkraft,
-- staff_fuehrungszeugnis_current), and the person's name only after acceptance
-- (public.cover_offer_person), as with the contacts.
--
-- Who sees what: staff_members only the own Träger (members read, owners and admins write);
-- nobody else, not the circle's coordinators, not the requesting Träger.
--
-- The circle's setting (networks.fuehrungszeugnis_max_years) and the request's flag
-- (cover_requests.requires_fachkraft) are columns of their tables' own migrations; the offer's
-- columns are added here, as they reference staff_members.

create table public.staff_members (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  full_name text not null check (length(btrim(full_name)) between 2 and 120),
  -- The fixed list (app/utils/qualifications.ts names them); 'andere' needs the free text.
  qualification text check (qualification in
    ('sozialarbeit', 'sozialpaedagogik', 'erziehung', 'heilpaedagogik', 'kindheitspaedagogik', 'psychologie', 'andere')),
  qualification_note text not null default '' check (length(qualification_note) <= 200),
  fuehrungszeugnis_on date check (fuehrungszeugnis_on > date '1990-01-01'),
  -- The Führungszeugnis date a reminder was last sent for (the reminder's idempotency).
  reminded_for date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint staff_members_other_needs_note check (qualification is distinct from 'andere' or length(btrim(qualification_note)) >= 3)
);
create index staff_members_org_id_idx on public.staff_members (org_id, full_name);
create trigger staff_members_set_updated_at before update on public.staff_members
  for each row execute function private.set_updated_at();

create or replace function private.check_staff_member() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.full_name := btrim(new.full_name);
  new.qualification_note := btrim(coalesce(new.qualification_note, ''));
  if new.fuehrungszeugnis_on > current_date then
    raise exception 'TK_STAFF_FUEHRUNGSZEUGNIS_IN_FUTURE' using errcode = 'P0001';
  end if;
  if new.qualification = 'andere' and length(new.qualification_note) < 3 then
    raise exception 'TK_STAFF_QUALIFICATION_NOTE_REQUIRED' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger staff_members_check before insert or update on public.staff_members
  for each row execute function private.check_staff_member();

alter table public.staff_members enable row level security;
revoke all on public.staff_members from anon, authenticated;
grant select, delete on public.staff_members to authenticated;
grant insert (org_id, full_name, qualification, qualification_note, fuehrungszeugnis_on) on public.staff_members to authenticated;
grant update (full_name, qualification, qualification_note, fuehrungszeugnis_on) on public.staff_members to authenticated;
grant select, insert, update, delete on public.staff_members to service_role;
create policy "a Träger's members read its staff list"
  on public.staff_members for select to authenticated
  using (org_id = any ((select private.user_org_id_array())::uuid[]));
create policy "owners and admins add staff"
  on public.staff_members for insert to authenticated
  with check (org_id in (select private.user_org_ids_with_role(array['owner', 'admin'])));
create policy "owners and admins change staff"
  on public.staff_members for update to authenticated
  using (org_id in (select private.user_org_ids_with_role(array['owner', 'admin'])))
  with check (org_id in (select private.user_org_ids_with_role(array['owner', 'admin'])));
create policy "owners and admins remove staff"
  on public.staff_members for delete to authenticated
  using (org_id in (select private.user_org_ids_with_role(array['owner', 'admin'])));

create or replace function private.staff_is_fachkraft(qualification text, note text) returns boolean
language sql immutable set search_path = ''
as $$
  select qualification is not null and (qualification <> 'andere' or length(btrim(coalesce(note, ''))) >= 3)
$$;

-- The offered person, and the two checks as they stood when the offer was made (what the
-- requester sees before accepting).
alter table public.cover_offers
  add column staff_id uuid references public.staff_members (id) on delete set null,
  add column staff_fachkraft boolean,
  add column staff_fuehrungszeugnis_current boolean;
create index cover_offers_staff_id_idx on public.cover_offers (staff_id);

-- An offer by a coordinator of another Träger that can see the request: at most the hours still
-- open, from a date within the period, one open offer per Träger. The offering person becomes the
-- Träger's contact person for this request (unless one was named before). The requester is told.
-- The offer names the person offered (staff_id, a staff member of the offering Träger): refused
-- without the Fachkraft qualification when the request needs one, and with a Führungszeugnis
-- older than the circle allows.
create or replace function public.make_cover_offer(
  request_id uuid,
  offering_org_id uuid,
  hours numeric,
  available_from date,
  qualification text default '',
  languages text[] default '{}',
  message text default '',
  staff_id uuid default null
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
  person public.staff_members%rowtype;
  max_years int;
  is_fachkraft boolean;
  fz_current boolean;
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
             or (req.partners_at <= now() and offering_org_id in (select private.cover_partner_orgs(req.org_id, req.network_id)))
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

  -- The qualification gate (§§ 72, 72a SGB VIII): the offered person is one of the offering
  -- Träger's staff; a request that needs a Fachkraft takes only a Fachkraft, and nobody is
  -- offered whose erweitertes Führungszeugnis is older than the circle allows.
  if make_cover_offer.staff_id is not null then
    select * into person from public.staff_members s
    where s.id = make_cover_offer.staff_id and s.org_id = offering_org_id;
    if not found then
      raise exception 'TK_COVER_STAFF_UNKNOWN' using errcode = 'P0001';
    end if;
    select n.fuehrungszeugnis_max_years into max_years from public.networks n where n.id = req.network_id;
    is_fachkraft := private.staff_is_fachkraft(person.qualification, person.qualification_note);
    fz_current := person.fuehrungszeugnis_on is not null
      and person.fuehrungszeugnis_on > private.cover_today() - make_interval(years => max_years);
  end if;
  if req.requires_fachkraft and make_cover_offer.staff_id is null then
    raise exception 'TK_COVER_STAFF_REQUIRED' using errcode = 'P0001';
  end if;
  if req.requires_fachkraft and not is_fachkraft then
    raise exception 'TK_COVER_STAFF_NOT_FACHKRAFT' using errcode = 'P0001';
  end if;
  if make_cover_offer.staff_id is not null and not fz_current then
    raise exception 'TK_COVER_STAFF_FUEHRUNGSZEUGNIS_EXPIRED' using errcode = 'P0001';
  end if;

  insert into public.cover_offers (request_id, request_org_id, org_id, created_by, hours_per_week,
    available_from, qualification, languages, message, staff_id, staff_fachkraft, staff_fuehrungszeugnis_current)
  values (req.id, req.org_id, offering_org_id, uid, hours, make_cover_offer.available_from,
    coalesce(btrim(make_cover_offer.qualification), ''), coalesce(make_cover_offer.languages, '{}'),
    coalesce(btrim(make_cover_offer.message), ''), make_cover_offer.staff_id,
    case when make_cover_offer.staff_id is not null then is_fachkraft end,
    case when make_cover_offer.staff_id is not null then fz_current end)
  returning id into new_id;
  insert into public.cover_contacts (request_id, org_id, side, user_id)
  values (req.id, offering_org_id, 'offerer', uid)
  on conflict on constraint cover_contacts_pkey do nothing;

  select o.name into offer_org_name from public.organizations o where o.id = offering_org_id;
  select i.case_reference into case_ref from public.cover_request_internals i where i.request_id = req.id;
  perform private.notify_cover_side(req.org_id, private.cover_requester_people(req.id), 'cover.offer_received',
    private.cover_mail_props(req.id) || jsonb_build_object(
      'caseReference', case_ref, 'offerOrgName', offer_org_name, 'offeredHours', hours,
      'availableFrom', to_char(make_cover_offer.available_from, 'YYYY-MM-DD'),
      'message', coalesce(btrim(make_cover_offer.message), '')),
    '/vertretungen/' || req.id, 'cover-offer-received');
  perform private.audit('cover.offer_made', offering_org_id, null, 'cover_offer', new_id::text,
    jsonb_build_object('requestId', req.id, 'hours', hours));
  return new_id;
end
$$;
revoke all on function public.make_cover_offer(uuid, uuid, numeric, date, text, text[], text, uuid) from public;
grant execute on function public.make_cover_offer(uuid, uuid, numeric, date, text, text[], text, uuid) to authenticated;

-- The person named on an offer: for the offering Träger always, for the requesting Träger once
-- the offer is accepted; null otherwise.
create or replace function public.cover_offer_person(offer_id uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select s.full_name from public.cover_offers o
  join public.staff_members s on s.id = o.staff_id
  where o.id = cover_offer_person.offer_id
    and (o.org_id in (select private.user_org_ids())
         or (o.status = 'accepted' and o.request_org_id in (select private.user_org_ids())))
$$;
revoke all on function public.cover_offer_person(uuid) from public;
grant execute on function public.cover_offer_person(uuid) to authenticated;

-- Reminds the owners and admins of a Träger (in the app) eight weeks before a staff member's
-- Führungszeugnis is older than the strictest of the Träger's circles allows; once per date.
-- Run by the worker's periodic jobs. Returns the number of staff members reminded about.
create or replace function private.remind_fuehrungszeugnis() returns int
language plpgsql security definer set search_path = ''
as $$
declare
  n int;
begin
  with due as (
    select s.id, s.org_id, s.full_name, s.fuehrungszeugnis_on,
      (s.fuehrungszeugnis_on + make_interval(years => coalesce(min(nw.fuehrungszeugnis_max_years), 5)))::date as runs_out
    from public.staff_members s
    left join public.network_members nm on nm.org_id = s.org_id and nm.status = 'active'
    left join public.networks nw on nw.id = nm.network_id
    where s.fuehrungszeugnis_on is not null and s.reminded_for is distinct from s.fuehrungszeugnis_on
    group by s.id
  ), marked as (
    update public.staff_members s set reminded_for = s.fuehrungszeugnis_on
    from due where due.id = s.id and due.runs_out <= current_date + 56
    returning s.id, due.org_id, due.full_name, due.runs_out
  ), notified as (
    insert into public.notifications (user_id, kind, data, link)
    select m.user_id, 'staff.fuehrungszeugnis_due',
      jsonb_build_object('staffName', d.full_name, 'runsOut', d.runs_out, 'expired', d.runs_out <= current_date),
      '/traeger/' || o.slug || '/personal'
    from marked d
    join public.organizations o on o.id = d.org_id
    join public.org_members m on m.org_id = d.org_id and m.role in ('owner', 'admin')
    returning 1
  )
  select count(*)::int into n from marked;
  return n;
end
$$;
revoke all on function private.remind_fuehrungszeugnis() from public;
grant execute on function private.remind_fuehrungszeugnis() to service_role;
