-- Vertretungsbörse, part 1: the tables of emergency cover between Träger, their row-level
-- security and the helpers the policies use. Multi-step changes (publish, offer, accept, cancel,
-- complete, the timers) are security-definer functions in part 2; here the API roles may only
-- write what a form writes directly: drafts, their addressees, handover notes, the ledger's
-- agreement reference and their own alert preferences.
--
-- Who sees what:
--   request (need, region, period, fill status)  the circle, or only the addressed Träger until
--                                                  widen_at; drafts only the requesting Träger
--   offers                                         the offering and the requesting Träger
--   handover notes, contact persons               the requesting Träger and accepted offerers
--   ledger rows                                    the two Träger of the row
-- Members without a coordinating role read; owners, admins and coordinators write.

-- A cover request. Describes the need, never the client: the description is screened in the app
-- (app/utils/sozialdaten.ts) and publishing needs the "enthält keine Sozialdaten" confirmation.
-- covered_hours is the sum of accepted hours, kept here (under the row lock of accept) because
-- the circle sees the fill status but not the offers behind it.
create table public.cover_requests (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  status text not null default 'draft'
    check (status in ('draft', 'open', 'filled', 'cancelled', 'expired', 'completed')),
  urgency text not null check (urgency in ('notfall', 'dringend', 'planbar')),
  -- Board order: Notfall first, then dringend, then planbar.
  urgency_rank smallint generated always as (
    case urgency when 'notfall' then 1 when 'dringend' then 2 else 3 end) stored,
  hilfeart text not null references public.hilfearten (code),
  gemeinde text not null references public.gemeinden (code),
  sozialraum text check (length(sozialraum) <= 120),
  period_from date not null,
  period_to date not null,
  hours_per_week numeric(5, 2) not null check (hours_per_week > 0 and hours_per_week <= 60),
  kind text not null check (kind in ('vertretung', 'krisenintervention', 'umgangsbegleitung', 'uebernahme')),
  qualification text not null default '' check (length(qualification) <= 300),
  languages text[] not null default '{}'
    check (cardinality(languages) <= 10 and length(array_to_string(languages, ',')) <= 400),
  needs_driving_licence boolean not null default false,
  needs_car boolean not null default false,
  gender_requirement text check (gender_requirement in ('weiblich', 'maennlich', 'divers')),
  gender_reason text check (length(gender_reason) <= 500),
  description text not null check (length(description) between 1 and 2000),
  no_sozialdaten_confirmed boolean not null default false,
  no_sozialdaten_confirmed_at timestamptz,
  -- 'circle': the whole circle sees it once published; 'addressed': only the Träger in
  -- cover_request_recipients until widen_at, then the whole circle. widened_at records that the
  -- circle was notified (the timer's idempotency), visibility depends on widen_at alone.
  addressing text not null default 'circle' check (addressing in ('circle', 'addressed')),
  widen_at timestamptz,
  widened_at timestamptz,
  covered_hours numeric(5, 2) not null default 0,
  cancelled_at timestamptz,
  published_at timestamptz,
  filled_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cover_requests_period_in_order check (period_to >= period_from),
  -- A cover is temporary; two years at most also bounds the ledger's months.
  constraint cover_requests_period_at_most_two_years check (period_to <= period_from + 731),
  constraint cover_requests_gender_needs_reason
    check (gender_requirement is null or length(btrim(coalesce(gender_reason, ''))) >= 3),
  constraint cover_requests_addressed_needs_widen_at check ((addressing = 'addressed') = (widen_at is not null)),
  constraint cover_requests_covered_within_hours check (covered_hours >= 0 and covered_hours <= hours_per_week),
  constraint cover_requests_published_has_time check (status = 'draft' or published_at is not null),
  constraint cover_requests_confirmation_has_time
    check (not no_sozialdaten_confirmed or no_sozialdaten_confirmed_at is not null),
  -- The escalation's middle step (20261207120100_three_step_escalation.sql): an addressed request
  -- reaches the partner Träger (those the requester covered with before) from partners_at, the
  -- whole circle from widen_at. partners_notified_at records that the partners were alerted.
  partners_at timestamptz,
  partners_notified_at timestamptz,
  constraint cover_requests_partners_step_in_order
    check (partners_at is null or (addressing = 'addressed' and partners_at <= widen_at)),
  -- Only a person with a Fachkraft qualification may be offered (20261207120200_qualification_gate.sql).
  requires_fachkraft boolean not null default false
);
-- Policy columns and "my Träger's requests".
create index cover_requests_org_id_idx on public.cover_requests (org_id, created_at desc);
-- The calendar's periods of a Träger's own requests: those not over before the shown weeks.
create index cover_requests_org_period_idx on public.cover_requests (org_id, period_to);
-- The board: open requests of a circle, Notfall first, newest first; with the usual filters. In
-- the page's full order ("Offen im Kreis" is ordered by urgency_rank, published_at desc, id), so
-- the index yields the page's order itself and the scan stops after the page (without id as the
-- last key Postgres read every open request of the circle, joined them and sorted).
create index cover_requests_board_idx on public.cover_requests (network_id, urgency_rank, published_at desc, id)
  where status = 'open';
create index cover_requests_board_gemeinde_idx
  on public.cover_requests (network_id, gemeinde, urgency_rank, published_at desc, id) where status = 'open';
create index cover_requests_board_hilfeart_idx
  on public.cover_requests (network_id, hilfeart, urgency_rank, published_at desc, id) where status = 'open';
create index cover_requests_board_period_idx on public.cover_requests (network_id, period_from, period_to)
  where status = 'open';
-- All published requests of a circle (the circle-wide policy), and the timers.
create index cover_requests_network_idx on public.cover_requests (network_id, status);
create index cover_requests_widen_due_idx on public.cover_requests (widen_at)
  where status = 'open' and addressing = 'addressed' and widened_at is null;
create index cover_requests_expire_due_idx on public.cover_requests (period_to) where status = 'open';
create index cover_requests_gemeinde_idx on public.cover_requests (gemeinde);
create index cover_requests_hilfeart_idx on public.cover_requests (hilfeart);
-- The partner step's policy reads the requests of the person's partners in their circles.
create index cover_requests_partners_idx on public.cover_requests (org_id, network_id) where partners_at is not null;
create trigger cover_requests_set_updated_at before update on public.cover_requests
  for each row execute function private.set_updated_at();

-- Checks a request as a form writes it and gives each mistake a stable code (bad input is a
-- German message, never a 500 from a foreign key), and stamps when
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

create trigger cover_requests_prepare before insert or update on public.cover_requests
  for each row execute function private.prepare_cover_request();

-- What only the requesting Träger may know of a request lives in its own table with its own policy
-- (row-level security hides rows, not columns; docs/decisions/007-cover-private-columns.md).
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

-- The Träger a request is addressed to first. request_org_id (the requester) is copied from the
-- request so the policies need no join.
create table public.cover_request_recipients (
  request_id uuid not null references public.cover_requests (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  request_org_id uuid not null references public.organizations (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (request_id, org_id),
  check (org_id <> request_org_id)
);
-- With request_id: private.addressed_cover_request_id_array reads the index alone.
create index cover_request_recipients_org_id_idx on public.cover_request_recipients (org_id, request_id);
create index cover_request_recipients_request_org_id_idx on public.cover_request_recipients (request_org_id);

-- An addressee must be another active Träger of the request's circle.
create or replace function private.prepare_cover_recipient() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  req public.cover_requests%rowtype;
begin
  select * into req from public.cover_requests r where r.id = new.request_id;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  new.request_org_id := req.org_id;
  if new.org_id = req.org_id or not exists (
    select 1 from public.network_members nm
    where nm.network_id = req.network_id and nm.org_id = new.org_id and nm.status = 'active'
  ) then
    raise exception 'TK_COVER_RECIPIENT_INVALID' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger cover_request_recipients_prepare before insert or update on public.cover_request_recipients
  for each row execute function private.prepare_cover_recipient();

-- An offer of another Träger to cover (part of) a request. request_org_id is copied from the
-- request so that the policy "offering or requesting Träger" needs no join. Written only by the
-- functions in part 2 (make, withdraw, accept, decline).
create table public.cover_offers (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.cover_requests (id) on delete cascade,
  request_org_id uuid not null references public.organizations (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  status text not null default 'offered' check (status in ('offered', 'accepted', 'declined', 'withdrawn')),
  hours_per_week numeric(5, 2) not null check (hours_per_week > 0 and hours_per_week <= 60),
  accepted_hours numeric(5, 2) check (accepted_hours > 0 and accepted_hours <= hours_per_week),
  available_from date not null,
  qualification text not null default '' check (length(qualification) <= 300),
  languages text[] not null default '{}'
    check (cardinality(languages) <= 10 and length(array_to_string(languages, ',')) <= 400),
  message text not null default '' check (length(message) <= 2000),
  decline_message text check (length(decline_message) <= 1200),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  withdrawn_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (org_id <> request_org_id),
  check ((status = 'accepted') = (accepted_hours is not null))
);
create index cover_offers_request_id_idx on public.cover_offers (request_id, status);
create index cover_offers_org_id_idx on public.cover_offers (org_id, created_at desc);
create index cover_offers_request_org_id_idx on public.cover_offers (request_org_id, created_at desc);
create index cover_offers_accepted_idx on public.cover_offers (org_id, request_id) where status = 'accepted';
create index cover_offers_created_by_idx on public.cover_offers (created_by);
-- One open offer per Träger and request (a Träger may offer again after a withdrawal, or offer
-- more once an offer was accepted).
create unique index cover_offers_one_open_per_org_idx on public.cover_offers (request_id, org_id)
  where status = 'offered';
create index cover_offers_decided_by_idx on public.cover_offers (decided_by);
create trigger cover_offers_set_updated_at before update on public.cover_offers
  for each row execute function private.set_updated_at();

-- What the covering Fachkraft needs to know about the case (may name the family). Kept apart
-- from the request so that it reaches only the requesting Träger and the Träger whose offer was
-- accepted; the release is written to the audit log when an offer is accepted. org_id is the
-- requesting Träger, copied from the request.
create table public.cover_handover_notes (
  request_id uuid primary key references public.cover_requests (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  notes text not null check (length(notes) between 1 and 5000),
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index cover_handover_notes_org_id_idx on public.cover_handover_notes (org_id);
create index cover_handover_notes_updated_by_idx on public.cover_handover_notes (updated_by);

-- Copies the requesting Träger from the request (the policy checks it) and records the author.
create or replace function private.prepare_cover_handover_note() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select r.org_id into new.org_id from public.cover_requests r where r.id = new.request_id;
  if new.org_id is null then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  new.updated_by := coalesce((select auth.uid()), new.updated_by);
  new.updated_at := now();
  return new;
end
$$;
create trigger cover_handover_notes_prepare before insert or update on public.cover_handover_notes
  for each row execute function private.prepare_cover_handover_note();

-- The contact person of each side of a cover: one per Träger and request ('requester' for the
-- requesting Träger, 'offerer' for a Träger that offered). Each Träger sees its own; the other
-- side's only once an offer between the two is accepted. Written by the functions in part 2
-- (publish and offer set the acting person, set_cover_contact changes it).
create table public.cover_contacts (
  request_id uuid not null references public.cover_requests (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  side text not null check (side in ('requester', 'offerer')),
  user_id uuid not null references auth.users (id) on delete cascade,
  updated_at timestamptz not null default now(),
  primary key (request_id, org_id)
);
create index cover_contacts_org_id_idx on public.cover_contacts (org_id);
create index cover_contacts_user_id_idx on public.cover_contacts (user_id);

-- The ledger: one row per accepted offer (who gave, who took, how many hours a week, over which
-- period), with the hours actually given once the cover is completed. Every cover is occasional
-- staff lending between Träger, recorded as such (aueg_note). The cooperation agreement it rests
-- on is a free-text reference ("Kooperationsvereinbarung vom 01.03.2026"), not a table of
-- agreements: see docs/decisions/005-cover-requests-and-offers.md.
create table public.cover_ledger (
  offer_id uuid primary key references public.cover_offers (id) on delete cascade,
  request_id uuid not null references public.cover_requests (id) on delete cascade,
  network_id uuid not null references public.networks (id) on delete cascade,
  giver_org_id uuid not null references public.organizations (id) on delete cascade,
  taker_org_id uuid not null references public.organizations (id) on delete cascade,
  hours_per_week numeric(5, 2) not null check (hours_per_week > 0 and hours_per_week <= 60),
  period_from date not null,
  period_to date not null,
  planned_hours numeric(8, 2) not null default 0 check (planned_hours >= 0),
  actual_hours numeric(8, 2) check (actual_hours >= 0),
  completed_at timestamptz,
  completed_by uuid references auth.users (id) on delete set null,
  aueg_note text not null default 'gelegentlich, § 1 Abs. 3 Nr. 2a AÜG' check (length(aueg_note) <= 200),
  agreement_reference text check (length(agreement_reference) <= 300),
  created_at timestamptz not null default now(),
  check (giver_org_id <> taker_org_id),
  check (period_to >= period_from),
  check ((completed_at is null) = (actual_hours is null))
);
create index cover_ledger_giver_idx on public.cover_ledger (giver_org_id, taker_org_id);
-- The calendar's covers a Träger gives: those not over before the shown weeks.
create index cover_ledger_giver_period_idx on public.cover_ledger (giver_org_id, period_to);
create index cover_ledger_taker_idx on public.cover_ledger (taker_org_id, giver_org_id);
create index cover_ledger_request_id_idx on public.cover_ledger (request_id);
create index cover_ledger_completed_by_idx on public.cover_ledger (completed_by);
create index cover_ledger_network_id_idx on public.cover_ledger (network_id);

-- Hours per calendar month of each ledger row (planned at acceptance, actual at completion),
-- for the settlement between two Träger by month. The two Träger are copied for the policy.
create table public.cover_ledger_months (
  offer_id uuid not null references public.cover_ledger (offer_id) on delete cascade,
  month date not null check (extract(day from month) = 1),
  giver_org_id uuid not null references public.organizations (id) on delete cascade,
  taker_org_id uuid not null references public.organizations (id) on delete cascade,
  planned_hours numeric(8, 2) not null check (planned_hours >= 0),
  actual_hours numeric(8, 2) check (actual_hours >= 0),
  primary key (offer_id, month)
);
create index cover_ledger_months_giver_idx on public.cover_ledger_months (giver_org_id, month);
create index cover_ledger_months_taker_idx on public.cover_ledger_months (taker_org_id, month);

-- What each person wants to be alerted about when a request is published or widens. No row:
-- every urgency, every Gemeinde and Hilfeart the Träger serves, with email. Empty gemeinden /
-- hilfearten mean "all my Träger serves"; urgencies empty means no alerts at all.
create table public.cover_alert_preferences (
  user_id uuid primary key references auth.users (id) on delete cascade,
  urgencies text[] not null default '{notfall,dringend,planbar}'
    check (urgencies <@ array['notfall', 'dringend', 'planbar']::text[]),
  gemeinden text[] not null default '{}' check (cardinality(gemeinden) <= 30),
  hilfearten text[] not null default '{}' check (cardinality(hilfearten) <= 30),
  notfall_only boolean not null default false,
  email_enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger cover_alert_preferences_set_updated_at before update on public.cover_alert_preferences
  for each row execute function private.set_updated_at();

-- Keeps the chosen Gemeinden and Hilfearten to the fixed lists, as on organizations.
create or replace function private.check_cover_alert_codes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from unnest(new.hilfearten) c where c not in (select h.code from public.hilfearten h)) then
    raise exception 'TK_UNKNOWN_HILFEART' using errcode = 'P0001';
  end if;
  if exists (select 1 from unnest(new.gemeinden) c where c not in (select g.code from public.gemeinden g)) then
    raise exception 'TK_UNKNOWN_GEMEINDE' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger cover_alert_preferences_check_codes before insert or update on public.cover_alert_preferences
  for each row execute function private.check_cover_alert_codes();

-- Helpers for the policies (set-returning, security definer, used as `x in (select …)`).

-- (Träger, circle) pairs where the current user may post a request: owner, admin or coordinator
-- of a Träger that is an active member of the circle.
create or replace function private.cover_poster_networks() returns table (org_id uuid, network_id uuid)
language sql stable security definer set search_path = ''
as $$
  select nm.org_id, nm.network_id from public.network_members nm
  join public.org_members m on m.org_id = nm.org_id
  where m.user_id = (select auth.uid()) and m.role in ('owner', 'admin', 'coordinator')
    and nm.status = 'active'
$$;

-- Drafts the current user may edit (and address): drafts of Träger they coordinate.
create or replace function private.editable_cover_request_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select r.id from public.cover_requests r
  where r.status = 'draft'
    and r.org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
$$;

-- Requests addressed to one of the current user's Träger.
create or replace function private.addressed_cover_request_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select x.request_id from public.cover_request_recipients x
  where x.org_id in (select private.user_org_ids())
$$;

-- Requests on which one of the current user's Träger has an accepted offer.
create or replace function private.accepted_cover_request_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.request_id from public.cover_offers o
  where o.status = 'accepted' and o.org_id in (select private.user_org_ids())
$$;

-- The other side of every accepted cover of the current user's Träger: for their requests the
-- accepted offerers, for their accepted offers the requester. (Request, Träger) pairs.
create or replace function private.cover_partner_pairs() returns table (request_id uuid, org_id uuid)
language sql stable security definer set search_path = ''
as $$
  select o.request_id, o.org_id from public.cover_offers o
  where o.status = 'accepted' and o.request_org_id in (select private.user_org_ids())
  union
  select o.request_id, o.request_org_id from public.cover_offers o
  where o.status = 'accepted' and o.org_id in (select private.user_org_ids())
$$;

-- Published requests at step 2 or later whose requester one of the current user's Träger
-- covered with before.
-- Read from the person's side: the Träger their own Träger covered with (the ledger,
-- either direction), the circles their Träger is active in, then those partners' requests in
-- those circles (cover_requests_partners_idx). The same set as "every published step-2 request
-- with one of the person's Träger among private.cover_partner_orgs(r.org_id, r.network_id)",
-- without calling that for every request.
create or replace function private.partner_cover_request_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select distinct r.id
  from (
    select l.taker_org_id as partner, l.giver_org_id as mine from public.cover_ledger l
    where l.giver_org_id in (select private.user_org_ids())
    union
    select l.giver_org_id, l.taker_org_id from public.cover_ledger l
    where l.taker_org_id in (select private.user_org_ids())
  ) p
  join public.network_members nm on nm.org_id = p.mine and nm.status = 'active'
  join public.cover_requests r on r.org_id = p.partner and r.network_id = nm.network_id
  where p.partner <> p.mine and r.partners_at is not null
    and r.status <> 'draft' and r.partners_at <= now();
end
$$;
-- Requests addressed to one of the person's Träger (for cover_requests' select policy, which
-- checks the request's status itself), the published ones among them (for
-- cover_request_recipients'), and partner_cover_request_ids, as one value each (one InitPlan per
-- statement, see private.user_org_id_array).
create or replace function private.addressed_cover_request_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(select x.request_id from public.cover_request_recipients x
                 where x.org_id = any (private.user_org_id_array()));
end
$$;

create or replace function private.published_addressed_cover_request_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(select x.request_id from public.cover_request_recipients x
                 join public.cover_requests r on r.id = x.request_id
                 where x.org_id = any (private.user_org_id_array()) and r.status <> 'draft');
end
$$;

create or replace function private.partner_cover_request_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(select private.partner_cover_request_ids());
end
$$;

revoke all on function private.partner_cover_request_ids(), private.addressed_cover_request_id_array(),
  private.published_addressed_cover_request_id_array(),
  private.partner_cover_request_id_array() from public;
grant execute on function private.partner_cover_request_ids(), private.addressed_cover_request_id_array(),
  private.published_addressed_cover_request_id_array(),
  private.partner_cover_request_id_array() to authenticated, service_role;

-- The same visibility as the select policies on cover_requests, for one request (used by the
-- functions in part 2 to tell "not found" from "not allowed").
create or replace function private.can_see_cover_request(request_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.cover_requests r
    where r.id = can_see_cover_request.request_id
      and (r.org_id in (select private.user_org_ids())
           or (r.status <> 'draft' and r.network_id in (select private.user_network_ids())
               and (r.addressing = 'circle' or r.widen_at <= now()))
           or (r.status <> 'draft' and r.id in (select private.addressed_cover_request_ids()))
           or (r.status <> 'draft' and r.partners_at <= now() and r.id in (select private.partner_cover_request_ids()))))
$$;

grant execute on function private.cover_poster_networks(), private.editable_cover_request_ids(),
  private.addressed_cover_request_ids(), private.accepted_cover_request_ids(),
  private.cover_partner_pairs(), private.can_see_cover_request(uuid) to authenticated, service_role;

-- cover_requests
alter table public.cover_requests enable row level security;
revoke all on public.cover_requests from anon, authenticated;
grant select, delete on public.cover_requests to authenticated;
grant insert (network_id, org_id, urgency, hilfeart, gemeinde, sozialraum, period_from, period_to,
  hours_per_week, kind, qualification, languages, needs_driving_licence, needs_car, gender_requirement,
  gender_reason, description, no_sozialdaten_confirmed, addressing, widen_at, partners_at, requires_fachkraft)
  on public.cover_requests to authenticated;
grant update (urgency, hilfeart, gemeinde, sozialraum, period_from, period_to, hours_per_week, kind,
  qualification, languages, needs_driving_licence, needs_car, gender_requirement, gender_reason,
  description, no_sozialdaten_confirmed, addressing, widen_at, partners_at, requires_fachkraft)
  on public.cover_requests to authenticated;
grant select, insert, update, delete on public.cover_requests to service_role;

-- The requesting Träger (drafts included); the circle once published and open to it (addressing
-- 'circle' or widen_at passed); the addressed Träger once published; the partner Träger once
-- partners_at has passed (the escalation's step 2). The time decides, not the timer: once widen_at
-- has passed, the circle sees the request even if the widening notifications are still to be sent.
create policy "own Träger reads its requests, circle/addressees once published"
  on public.cover_requests for select to authenticated
  using (
    org_id = any ((select private.user_org_id_array())::uuid[])
    or (status <> 'draft' and network_id = any ((select private.user_network_id_array())::uuid[])
        and (addressing = 'circle' or widen_at <= now()))
    or (status <> 'draft' and id = any ((select private.addressed_cover_request_id_array())::uuid[]))
    or (status <> 'draft' and partners_at <= now() and id = any ((select private.partner_cover_request_id_array())::uuid[]))
  );
create policy "coordinators of a Träger can draft requests in its circles"
  on public.cover_requests for insert to authenticated
  with check (status = 'draft'
              and (org_id, network_id) in (select p.org_id, p.network_id from private.cover_poster_networks() p));
create policy "coordinators of a Träger can edit its drafts"
  on public.cover_requests for update to authenticated
  using (status = 'draft' and org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])))
  with check (status = 'draft' and org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));
create policy "coordinators of a Träger can delete its drafts"
  on public.cover_requests for delete to authenticated
  using (status = 'draft' and org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));

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
  using (org_id = any ((select private.user_org_id_array())::uuid[]));
create policy "coordinators can set the case reference of their draft"
  on public.cover_request_internals for update to authenticated
  using (request_id in (select private.editable_cover_request_ids()))
  with check (request_id in (select private.editable_cover_request_ids()));

-- cover_request_recipients: the requester sees whom it addressed; an addressee sees its own row,
-- but only once the request is out of draft (a draft's addressee must not learn about the draft:
-- its id, the requesting Träger, the time it was addressed).
alter table public.cover_request_recipients enable row level security;
revoke all on public.cover_request_recipients from anon, authenticated;
grant select, delete on public.cover_request_recipients to authenticated;
grant insert (request_id, org_id) on public.cover_request_recipients to authenticated;
grant select, insert, update, delete on public.cover_request_recipients to service_role;

create policy "the requesting Träger reads its addressees, an addressee its own row once published"
  on public.cover_request_recipients for select to authenticated
  using (
    request_org_id = any ((select private.user_org_id_array())::uuid[])
    or (org_id = any ((select private.user_org_id_array())::uuid[])
        and request_id = any ((select private.published_addressed_cover_request_id_array())::uuid[]))
  );
create policy "coordinators of the requesting Träger can address a draft"
  on public.cover_request_recipients for insert to authenticated
  with check (request_id in (select private.editable_cover_request_ids()));
create policy "coordinators of the requesting Träger can remove an addressee of a draft"
  on public.cover_request_recipients for delete to authenticated
  using (request_id in (select private.editable_cover_request_ids()));

-- cover_offers: read-only for the API roles; the functions write.
alter table public.cover_offers enable row level security;
revoke all on public.cover_offers from anon, authenticated;
grant select on public.cover_offers to authenticated;
grant select, insert, update, delete on public.cover_offers to service_role;

create policy "the offering and the requesting Träger can read an offer"
  on public.cover_offers for select to authenticated
  using (org_id = any ((select private.user_org_id_array())::uuid[])
         or request_org_id = any ((select private.user_org_id_array())::uuid[]));

-- The handover notes say "Vertraulich – nur für die übernehmende Fachkraft": per side of an accepted
-- cover they reach the Träger's owners, admins and coordinators and its contact person of the
-- request (for the accepting Träger the Fachkraft named for the accepted offer, set_cover_contact),
-- not every member. A Träger's own contact row stays visible to all its members (it names their
-- own colleague); the other side's contact goes to the same people as the notes.
-- Requests whose confidential handover data the current user may read.
create or replace function private.cover_confidential_request_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
begin
  return query
    select r.id from public.cover_requests r
    where r.org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
    union
    select o.request_id from public.cover_offers o
    where o.status = 'accepted'
      and o.org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
    union
    -- the contact person of either side (for the offering side: of an accepted offer only)
    select c.request_id from public.cover_contacts c
    where c.user_id = uid
      and c.org_id in (select private.user_org_ids())
      and (c.side = 'requester'
           or exists (select 1 from public.cover_offers o
                      where o.request_id = c.request_id and o.org_id = c.org_id and o.status = 'accepted'));
end
$$;
revoke execute on function private.cover_confidential_request_ids() from public;
grant execute on function private.cover_confidential_request_ids() to authenticated, service_role;

-- cover_handover_notes
alter table public.cover_handover_notes enable row level security;
revoke all on public.cover_handover_notes from anon, authenticated;
grant select, delete on public.cover_handover_notes to authenticated;
grant insert (request_id, notes) on public.cover_handover_notes to authenticated;
grant update (notes) on public.cover_handover_notes to authenticated;
grant select, insert, update, delete on public.cover_handover_notes to service_role;

create policy "coordinators and the contact persons of both sides of an accepted cover can read the handover notes"
  on public.cover_handover_notes for select to authenticated
  using (request_id in (select private.cover_confidential_request_ids())
         and (org_id = any ((select private.user_org_id_array())::uuid[])
              or request_id in (select private.accepted_cover_request_ids())));
create policy "coordinators of the requesting Träger can write the handover notes"
  on public.cover_handover_notes for insert to authenticated
  with check (org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));
create policy "coordinators of the requesting Träger can change the handover notes"
  on public.cover_handover_notes for update to authenticated
  using (org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])))
  with check (org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));
create policy "coordinators of the requesting Träger can delete the handover notes"
  on public.cover_handover_notes for delete to authenticated
  using (org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));

-- cover_contacts: read-only for the API roles; the functions write.
alter table public.cover_contacts enable row level security;
revoke all on public.cover_contacts from anon, authenticated;
grant select on public.cover_contacts to authenticated;
grant select, insert, update, delete on public.cover_contacts to service_role;

create policy "a Träger reads its own contact; the other side's goes to its coordinators and contact person once accepted"
  on public.cover_contacts for select to authenticated
  using (org_id = any ((select private.user_org_id_array())::uuid[])
         or ((request_id, org_id) in (select p.request_id, p.org_id from private.cover_partner_pairs() p)
             and request_id in (select private.cover_confidential_request_ids())));

-- cover_ledger and cover_ledger_months: the two Träger of a row; the agreement reference is the
-- only thing their coordinators change directly.
alter table public.cover_ledger enable row level security;
revoke all on public.cover_ledger from anon, authenticated;
grant select on public.cover_ledger to authenticated;
grant update (agreement_reference) on public.cover_ledger to authenticated;
grant select, insert, update, delete on public.cover_ledger to service_role;

create policy "the two Träger of a cover can read its ledger row"
  on public.cover_ledger for select to authenticated
  using (giver_org_id = any ((select private.user_org_id_array())::uuid[])
         or taker_org_id = any ((select private.user_org_id_array())::uuid[]));
create policy "coordinators of either Träger can note the cooperation agreement"
  on public.cover_ledger for update to authenticated
  using (giver_org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
         or taker_org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])))
  with check (giver_org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
              or taker_org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));

alter table public.cover_ledger_months enable row level security;
revoke all on public.cover_ledger_months from anon, authenticated;
grant select on public.cover_ledger_months to authenticated;
grant select, insert, update, delete on public.cover_ledger_months to service_role;

create policy "the two Träger of a cover can read its hours by month"
  on public.cover_ledger_months for select to authenticated
  using (giver_org_id = any ((select private.user_org_id_array())::uuid[])
         or taker_org_id = any ((select private.user_org_id_array())::uuid[]));

-- cover_alert_preferences: each person their own.
alter table public.cover_alert_preferences enable row level security;
revoke all on public.cover_alert_preferences from anon, authenticated;
grant select, delete on public.cover_alert_preferences to authenticated;
grant insert (user_id, urgencies, gemeinden, hilfearten, notfall_only, email_enabled)
  on public.cover_alert_preferences to authenticated;
grant update (urgencies, gemeinden, hilfearten, notfall_only, email_enabled)
  on public.cover_alert_preferences to authenticated;
grant select, insert, update, delete on public.cover_alert_preferences to service_role;

create policy "people can read their own alert preferences"
  on public.cover_alert_preferences for select to authenticated
  using (user_id = (select auth.uid()));
create policy "people can set their own alert preferences"
  on public.cover_alert_preferences for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "people can change their own alert preferences"
  on public.cover_alert_preferences for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "people can delete their own alert preferences"
  on public.cover_alert_preferences for delete to authenticated
  using (user_id = (select auth.uid()));
