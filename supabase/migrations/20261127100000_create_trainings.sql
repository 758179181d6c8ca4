-- Gemeinsame Fortbildungen, part 1: trainings of a circle, their sessions, co-organising Träger
-- and per-Träger contingents. Registrations and the seat rule follow in part 2.
--
-- Who sees what: a published training (details and seat counts) is visible to the circle it is
-- published in; a draft only to the Träger that organise it. Organisers are the owners, admins
-- and coordinators of the organising Träger (lead or co-organiser); they write.

-- Topics a training can be about. A fixed list like the Hilfearten: the browse page filters by it.
create table public.training_topics (
  code text primary key,
  label text not null,
  sort_order int not null
);
alter table public.training_topics enable row level security;
revoke all on public.training_topics from anon, authenticated;
grant select on public.training_topics to authenticated;
grant select, insert, update, delete on public.training_topics to service_role;

create policy "signed-in users can read the training topics"
  on public.training_topics for select to authenticated using (true);

insert into public.training_topics (code, label, sort_order) values
  ('kinderschutz', 'Kinderschutz (§ 8a SGB VIII)', 10),
  ('schutzkonzepte', 'Schutzkonzepte und sexualisierte Gewalt', 20),
  ('deeskalation', 'Deeskalation und Krisenintervention', 30),
  ('traumapaedagogik', 'Traumapädagogik', 40),
  ('systemisch', 'Systemisches Arbeiten und Gesprächsführung', 50),
  ('hilfeplanung', 'Hilfeplanung, Dokumentation und Recht', 60),
  ('datenschutz', 'Datenschutz und Schweigepflicht (§§ 61–65 SGB VIII)', 70),
  ('partizipation', 'Partizipation und Beschwerdeverfahren', 80),
  ('diversitaet', 'Interkulturelle Kompetenz, Flucht und Migration', 90),
  ('psychische_gesundheit', 'Psychische Gesundheit und Sucht', 100),
  ('medien', 'Medienkompetenz und Jugendmedienschutz', 110),
  ('elternarbeit', 'Eltern- und Familienarbeit', 120),
  ('erste_hilfe', 'Erste Hilfe am Kind', 130),
  ('lebenspraxis', 'Lebenspraktische Kompetenzen (für Jugendliche)', 140),
  ('leitung', 'Leitung, Team und Selbstfürsorge', 150),
  ('sonstiges', 'Sonstiges', 900);

-- A training offered to a circle by one organising Träger (org_id), optionally with co-organisers.
-- Seat counters are kept by the seat functions of part 2 under the training's row lock, so the
-- circle reads "7 von 20 frei" from this row without seeing a single registration; the check
-- constraint makes an overbooking impossible even for a buggy function.
create table public.trainings (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  title text not null check (length(title) between 3 and 200),
  description text not null default '' check (length(description) <= 10000),
  topic text not null references public.training_topics (code),
  audience text not null
    check (audience in ('fachkraefte', 'leitungen', 'jugendliche', 'eltern', 'gemischt')),
  speaker text not null default '' check (length(speaker) <= 200),
  -- Where: an address (with its Gemeinde) or an online link, or both.
  place text check (length(place) between 1 and 300),
  gemeinde text references public.gemeinden (code),
  online_url text check (length(online_url) <= 500),
  capacity int not null check (capacity between 1 and 10000),
  -- Go/no-go: below min_participants confirmed seats on go_no_go_date, the organisers are asked.
  min_participants int check (min_participants >= 1),
  go_no_go_date date,
  fee_cents int not null default 0 check (fee_cents between 0 and 100000000),
  registration_deadline timestamptz,
  cancellation_deadline timestamptz,
  needs_organizer_approval boolean not null default false,
  needs_org_approval boolean not null default false,
  -- Contingent: each Träger may hold at most default_contingent seats (or its own row in
  -- training_contingents) until contingent_release_at; after that the cap is gone.
  default_contingent int check (default_contingent between 1 and 10000),
  contingent_release_at timestamptz,
  -- How long a waitlist offer stays open.
  offer_hours int not null default 48 check (offer_hours between 1 and 336),
  status text not null default 'draft' check (status in ('draft', 'published', 'cancelled', 'held')),
  -- First session start and last session end, kept by public.set_training_sessions.
  starts_at timestamptz,
  ends_at timestamptz,
  -- Number of sessions, kept by the training_sessions count triggers (below): list cards show
  -- "3 Termine" without reading each card's sessions through their policy (decision 019).
  session_count int not null default 0 check (session_count between 0 and 50),
  -- Seat counters (sum of seats per registration status), kept by private.recount_training.
  -- seats_confirmed includes registrations later marked attended / no_show.
  seats_confirmed int not null default 0 check (seats_confirmed >= 0),
  seats_pending int not null default 0 check (seats_pending >= 0),
  seats_offered int not null default 0 check (seats_offered >= 0),
  seats_taken int generated always as (seats_confirmed + seats_pending + seats_offered) stored,
  waitlist_count int not null default 0 check (waitlist_count >= 0),
  waitlist_seats int not null default 0 check (waitlist_seats >= 0),
  published_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text check (length(cancel_reason) <= 2000),
  held_at timestamptz,
  -- Worker bookkeeping, so each job runs once per training.
  go_no_go_checked_at timestamptz,
  go_no_go_below_minimum boolean,
  reminders_sent_at timestamptz,
  contingent_released_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint trainings_seats_within_capacity
    check (seats_confirmed + seats_pending + seats_offered <= capacity),
  constraint trainings_place_or_online
    check (online_url is not null or (place is not null and gemeinde is not null)),
  constraint trainings_minimum_with_date check ((min_participants is null) = (go_no_go_date is null)),
  constraint trainings_minimum_within_capacity check (min_participants <= capacity),
  constraint trainings_sessions_in_order check (ends_at > starts_at),
  -- Unterrichtseinheiten for the certificate: a UE is 45 minutes unless the organiser says
  -- otherwise (a training of 6 hours may count as 8 UE).
  teaching_units numeric(5, 1) check (teaching_units > 0 and teaching_units <= 999)
);
-- INCLUDE (org_id, id): the columns the select policies read besides these (the organising Träger,
-- co-organised and hidden trainings), so a person's "how many upcoming trainings" stays an
-- index-only scan under row-level security as it is for service_role (bench 1×: 594 → 6 buffers
-- for the count on /fortbildungen; decision 019, tenth sitting).
create index trainings_network_idx on public.trainings (network_id, status, starts_at) include (org_id, id);
-- /fortbildungen lists upcoming published trainings by date, 20 at a time: this index gives them in
-- that order, so a page reads its 21 rows instead of sorting every upcoming training of the
-- circles (network_idx cannot: a person in two circles would need a merge of two ranges).
create index trainings_upcoming_idx on public.trainings (starts_at, id) where status = 'published';
create index trainings_org_id_idx on public.trainings (org_id, status);
-- A Träger's trainings by date (its calendar: those overlapping the shown weeks).
create index trainings_org_dates_idx on public.trainings (org_id, starts_at, ends_at);
create index trainings_topic_idx on public.trainings (topic);
create index trainings_gemeinde_idx on public.trainings (gemeinde);
create index trainings_created_by_idx on public.trainings (created_by);

-- Co-organising Träger: they see drafts and registrants and manage the training with the lead.
create table public.training_co_organizers (
  training_id uuid not null references public.trainings (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (training_id, org_id)
);
create index training_co_organizers_org_id_idx on public.training_co_organizers (org_id);

-- Sessions (Termine) of a training, in order: position 1 is the first. Written only through
-- public.set_training_sessions, which checks the order as a whole.
create table public.training_sessions (
  id uuid primary key default gen_random_uuid(),
  training_id uuid not null references public.trainings (id) on delete cascade,
  position smallint not null check (position between 1 and 50),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  constraint training_sessions_end_after_start check (ends_at > starts_at),
  constraint training_sessions_position_key unique (training_id, position)
);

-- trainings.session_count follows the sessions, whoever writes them (set_training_sessions, the
-- seeds, a cascade): once per statement, for the trainings the statement touched.
create or replace function private.recount_training_sessions() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.trainings t
  set session_count = (select count(*) from public.training_sessions s where s.training_id = t.id)
  where t.id in (select c.training_id from changed c)
    and t.session_count <> (select count(*) from public.training_sessions s where s.training_id = t.id);
  return null;
end
$$;
create trigger training_sessions_count_insert after insert on public.training_sessions
  referencing new table as changed for each statement execute function private.recount_training_sessions();
create trigger training_sessions_count_delete after delete on public.training_sessions
  referencing old table as changed for each statement execute function private.recount_training_sessions();

-- A Träger's own contingent (max seats until the training's contingent_release_at), overriding
-- the training's default_contingent.
create table public.training_contingents (
  training_id uuid not null references public.trainings (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  max_seats int not null check (max_seats between 1 and 10000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (training_id, org_id)
);
create index training_contingents_org_id_idx on public.training_contingents (org_id);

-- Policy helpers (security definer: they read the tables the policies guard without recursing
-- through their row-level security).

-- Trainings co-organised by a Träger where the current user has one of the given roles
-- (null: any role).
create or replace function private.co_organized_training_ids(roles text[] default null)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.training_id from public.training_co_organizers c
  join public.org_members m on m.org_id = c.org_id
  where m.user_id = (select auth.uid()) and (roles is null or m.role = any (roles))
$$;

-- Trainings the current user organises: owner, admin or coordinator of the lead Träger or of a
-- co-organiser. They edit the training and see its registrants.
create or replace function private.managed_training_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select t.id from public.trainings t
  join public.org_members m on m.org_id = t.org_id
  where m.user_id = (select auth.uid()) and m.role in ('owner', 'admin', 'coordinator')
  union
  select private.co_organized_training_ids(array['owner', 'admin', 'coordinator'])
$$;

grant execute on function private.co_organized_training_ids(text[]), private.managed_training_ids()
  to authenticated, service_role;

-- The same as one value each, for the select policies (one InitPlan per statement, see
-- private.user_org_id_array): the trainings the person's Träger co-organise, and (managed)
-- the trainings of the person's Träger where they are owner, admin or
-- coordinator, and those their Träger co-organises in such a role.
create or replace function private.co_organized_training_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(select c.training_id from public.training_co_organizers c
                 where c.org_id = any (private.user_org_id_array()));
end
$$;

create or replace function private.managed_training_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(
      select t.id from public.trainings t
      where t.org_id = any (private.user_org_id_array_with_role(array['owner', 'admin', 'coordinator']))
      union
      select c.training_id from public.training_co_organizers c
      where c.org_id = any (private.user_org_id_array_with_role(array['owner', 'admin', 'coordinator'])));
end
$$;
revoke all on function private.co_organized_training_id_array(), private.managed_training_id_array() from public;
grant execute on function private.co_organized_training_id_array(), private.managed_training_id_array()
  to authenticated, service_role;

-- True when the current user organises the training (see managed_training_ids).
create or replace function private.manages_training(training uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.trainings t
    join public.org_members m on m.org_id = t.org_id
    where t.id = training and m.user_id = (select auth.uid())
      and m.role in ('owner', 'admin', 'coordinator')
  ) or exists (
    select 1 from public.training_co_organizers c
    join public.org_members m on m.org_id = c.org_id
    where c.training_id = training and m.user_id = (select auth.uid())
      and m.role in ('owner', 'admin', 'coordinator')
  )
$$;

-- True when the Träger is an active member of the circle.
create or replace function private.org_in_network(org uuid, network uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.network_members nm
                 where nm.org_id = org and nm.network_id = network and nm.status = 'active')
$$;

-- trainings
alter table public.trainings enable row level security;
revoke all on public.trainings from anon, authenticated;
grant select, delete on public.trainings to authenticated;
grant insert (network_id, org_id, title, description, topic, audience, speaker, place, gemeinde,
  online_url, capacity, min_participants, go_no_go_date, fee_cents, registration_deadline,
  cancellation_deadline, needs_organizer_approval, needs_org_approval, default_contingent,
  contingent_release_at, offer_hours, teaching_units) on public.trainings to authenticated;
grant update (title, description, topic, audience, speaker, place, gemeinde, online_url, capacity,
  min_participants, go_no_go_date, fee_cents, registration_deadline, cancellation_deadline,
  needs_organizer_approval, needs_org_approval, default_contingent, contingent_release_at,
  offer_hours, teaching_units) on public.trainings to authenticated;
grant select, insert, update, delete on public.trainings to service_role;

-- The circle sees what is published in it; the organising Träger (all their members) also see
-- their drafts. Written in terms of the row's own columns, so INSERT … RETURNING works.
create policy "the circle reads published trainings, the organising Träger also their drafts"
  on public.trainings for select to authenticated
  using (
    (status <> 'draft' and network_id = any ((select private.user_network_id_array())::uuid[]))
    or org_id = any ((select private.user_org_id_array())::uuid[])
    or id = any ((select private.co_organized_training_id_array())::uuid[])
  );
create policy "admins and coordinators of a Träger create trainings for it"
  on public.trainings for insert to authenticated
  with check (org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));
create policy "organisers edit their trainings"
  on public.trainings for update to authenticated
  using (org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
         or id in (select private.co_organized_training_ids(array['owner', 'admin', 'coordinator'])))
  with check (org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
              or id in (select private.co_organized_training_ids(array['owner', 'admin', 'coordinator'])));
create policy "the lead organiser deletes drafts"
  on public.trainings for delete to authenticated
  using (status = 'draft'
         and org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));

-- Checks a training's details and turns every refusal into a stable TK_* code (a check
-- constraint would only say which constraint failed). Runs before the constraints, so the
-- constraints stay as a backstop. Counter and status updates by the seat functions skip the
-- checks (no detail changed).
create or replace function private.check_training() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  details_changed boolean;
  start_day date;
begin
  details_changed := tg_op = 'INSERT' or
    (new.title, new.description, new.topic, new.audience, new.speaker, new.place, new.gemeinde,
     new.online_url, new.capacity, new.min_participants, new.go_no_go_date, new.fee_cents,
     new.registration_deadline, new.cancellation_deadline, new.needs_organizer_approval,
     new.needs_org_approval, new.default_contingent, new.contingent_release_at, new.offer_hours,
     new.starts_at, new.ends_at)
    is distinct from
    (old.title, old.description, old.topic, old.audience, old.speaker, old.place, old.gemeinde,
     old.online_url, old.capacity, old.min_participants, old.go_no_go_date, old.fee_cents,
     old.registration_deadline, old.cancellation_deadline, old.needs_organizer_approval,
     old.needs_org_approval, old.default_contingent, old.contingent_release_at, old.offer_hours,
     old.starts_at, old.ends_at);
  if tg_op = 'UPDATE' then
    new.updated_at := now();
  end if;
  if not details_changed then
    return new;
  end if;

  if tg_op = 'INSERT' then
    new.created_by := coalesce(new.created_by, (select auth.uid()));
    if not private.org_in_network(new.org_id, new.network_id) then
      raise exception 'TK_TRAINING_ORG_NOT_IN_CIRCLE' using errcode = 'P0001';
    end if;
  elsif old.status in ('cancelled', 'held') then
    raise exception 'TK_TRAINING_CLOSED' using errcode = 'P0001';
  end if;

  if not exists (select 1 from public.training_topics tt where tt.code = new.topic) then
    raise exception 'TK_TRAINING_UNKNOWN_TOPIC' using errcode = 'P0001';
  end if;
  if new.gemeinde is not null and not exists (select 1 from public.gemeinden g where g.code = new.gemeinde) then
    raise exception 'TK_UNKNOWN_GEMEINDE' using errcode = 'P0001';
  end if;
  if new.fee_cents < 0 then
    raise exception 'TK_TRAINING_NEGATIVE_FEE' using errcode = 'P0001';
  end if;
  if new.capacity < 1 then
    raise exception 'TK_TRAINING_CAPACITY_INVALID' using errcode = 'P0001';
  end if;
  if new.capacity < new.seats_confirmed + new.seats_pending + new.seats_offered then
    raise exception 'TK_TRAINING_CAPACITY_BELOW_SEATS' using errcode = 'P0001';
  end if;
  if (new.min_participants is null) <> (new.go_no_go_date is null) then
    raise exception 'TK_TRAINING_GO_NO_GO_INCOMPLETE' using errcode = 'P0001';
  end if;
  if new.min_participants < 1 or new.min_participants > new.capacity then
    raise exception 'TK_TRAINING_MINIMUM_INVALID' using errcode = 'P0001';
  end if;
  if new.online_url is null and (new.place is null or new.gemeinde is null) then
    raise exception 'TK_TRAINING_PLACE_MISSING' using errcode = 'P0001';
  end if;
  if new.online_url is not null and new.online_url !~ '^https://[^[:space:]]+$' then
    raise exception 'TK_TRAINING_ONLINE_URL_INVALID' using errcode = 'P0001';
  end if;
  if new.offer_hours < 1 or new.offer_hours > 336 then
    raise exception 'TK_TRAINING_OFFER_HOURS_INVALID' using errcode = 'P0001';
  end if;
  if new.default_contingent < 1 or new.default_contingent > new.capacity then
    raise exception 'TK_TRAINING_CONTINGENT_INVALID' using errcode = 'P0001';
  end if;
  -- A smaller default contingent must still hold what each Träger without its own contingent
  -- already has (as the capacity must hold the seats taken).
  if tg_op = 'UPDATE' and new.default_contingent is not null
     and (new.contingent_release_at is null or new.contingent_release_at > now())
     and exists (
       select 1 from public.training_registrations r
       where r.training_id = new.id and r.status in ('confirmed', 'pending_approval', 'offered')
         and not exists (select 1 from public.training_contingents c
                         where c.training_id = new.id and c.org_id = r.org_id)
       group by r.org_id having sum(r.seats) > new.default_contingent) then
    raise exception 'TK_TRAINING_CONTINGENT_BELOW_SEATS' using errcode = 'P0001';
  end if;

  -- Deadlines lie before the first session (once there are sessions).
  if new.starts_at is not null then
    if new.registration_deadline > new.starts_at then
      raise exception 'TK_TRAINING_REGISTRATION_DEADLINE_AFTER_START' using errcode = 'P0001';
    end if;
    if new.cancellation_deadline > new.starts_at then
      raise exception 'TK_TRAINING_CANCELLATION_DEADLINE_AFTER_START' using errcode = 'P0001';
    end if;
    if new.contingent_release_at > new.starts_at then
      raise exception 'TK_TRAINING_CONTINGENT_RELEASE_AFTER_START' using errcode = 'P0001';
    end if;
    start_day := (new.starts_at at time zone 'Europe/Berlin')::date;
    if new.go_no_go_date > start_day then
      raise exception 'TK_TRAINING_GO_NO_GO_AFTER_START' using errcode = 'P0001';
    end if;
  end if;
  return new;
end
$$;
create trigger trainings_check before insert or update on public.trainings
  for each row execute function private.check_training();

-- training_co_organizers
alter table public.training_co_organizers enable row level security;
revoke all on public.training_co_organizers from anon, authenticated;
grant select, delete on public.training_co_organizers to authenticated;
grant insert (training_id, org_id) on public.training_co_organizers to authenticated;
grant select, insert, update, delete on public.training_co_organizers to service_role;

create policy "whoever sees a training sees its co-organisers"
  on public.training_co_organizers for select to authenticated
  using (exists (select 1 from public.trainings t where t.id = training_id));
create policy "the lead organiser adds co-organisers"
  on public.training_co_organizers for insert to authenticated
  with check (exists (
    select 1 from public.trainings t where t.id = training_id
      and t.org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))));
create policy "the lead organiser removes co-organisers"
  on public.training_co_organizers for delete to authenticated
  using (exists (
    select 1 from public.trainings t where t.id = training_id
      and t.org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))));

-- A co-organiser is another Träger of the same circle; closed trainings keep theirs.
create or replace function private.check_training_co_organizer() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  tr public.trainings%rowtype;
begin
  select * into tr from public.trainings t where t.id = coalesce(new.training_id, old.training_id);
  if not found then
    return coalesce(new, old);  -- the training is being deleted
  end if;
  if tr.status in ('cancelled', 'held') then
    raise exception 'TK_TRAINING_CLOSED' using errcode = 'P0001';
  end if;
  if tg_op = 'INSERT' then
    if new.org_id = tr.org_id then
      raise exception 'TK_TRAINING_CO_ORGANIZER_INVALID' using errcode = 'P0001';
    end if;
    if not private.org_in_network(new.org_id, tr.network_id) then
      raise exception 'TK_TRAINING_ORG_NOT_IN_CIRCLE' using errcode = 'P0001';
    end if;
  end if;
  return coalesce(new, old);
end
$$;
create trigger training_co_organizers_check before insert or delete on public.training_co_organizers
  for each row execute function private.check_training_co_organizer();

-- training_sessions: read with the training; written through set_training_sessions only.
alter table public.training_sessions enable row level security;
revoke all on public.training_sessions from anon, authenticated;
grant select on public.training_sessions to authenticated;
grant select, insert, update, delete on public.training_sessions to service_role;

create policy "whoever sees a training sees its sessions"
  on public.training_sessions for select to authenticated
  using (exists (select 1 from public.trainings t where t.id = training_id));

-- Replaces a training's sessions with the given list, in the given order:
-- [{"startsAt": "2027-03-01T09:00:00+01:00", "endsAt": "2027-03-01T16:00:00+01:00"}, …].
-- Each session must end after it starts, and each must start no earlier than the previous one
-- ended. Sessions keep their ids by position, so recorded attendance stays attached.
-- The deadlines are checked against the new first session by the trainings trigger.
create or replace function public.set_training_sessions(target_training uuid, sessions jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  tr public.trainings%rowtype;
  item record;
  s timestamptz;
  e timestamptz;
  prev_end timestamptz;
  first_start timestamptz;
  n int := 0;
begin
  select * into tr from public.trainings t where t.id = target_training for update;
  if not found or not private.manages_training(tr.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if tr.status in ('cancelled', 'held') then
    raise exception 'TK_TRAINING_CLOSED' using errcode = 'P0001';
  end if;
  if sessions is null or jsonb_typeof(sessions) <> 'array' or jsonb_array_length(sessions) = 0
     or jsonb_array_length(sessions) > 50 then
    raise exception 'TK_TRAINING_SESSIONS_MISSING' using errcode = 'P0001';
  end if;

  for item in select value, ordinality from jsonb_array_elements(sessions) with ordinality order by ordinality loop
    begin
      s := (item.value ->> 'startsAt')::timestamptz;
      e := (item.value ->> 'endsAt')::timestamptz;
    exception when others then
      raise exception 'TK_TRAINING_SESSION_INVALID' using errcode = 'P0001';
    end;
    if s is null or e is null then
      raise exception 'TK_TRAINING_SESSION_INVALID' using errcode = 'P0001';
    end if;
    if e <= s then
      raise exception 'TK_TRAINING_SESSION_ENDS_BEFORE_START' using errcode = 'P0001';
    end if;
    if prev_end is not null and s < prev_end then
      raise exception 'TK_TRAINING_SESSIONS_OUT_OF_ORDER' using errcode = 'P0001';
    end if;
    first_start := coalesce(first_start, s);
    prev_end := e;
    n := n + 1;
  end loop;

  delete from public.training_sessions ts where ts.training_id = tr.id and ts.position > n;
  insert into public.training_sessions as ts (training_id, position, starts_at, ends_at)
  select tr.id, x.ordinality, (x.value ->> 'startsAt')::timestamptz, (x.value ->> 'endsAt')::timestamptz
  from jsonb_array_elements(sessions) with ordinality x
  on conflict (training_id, position) do update
    set starts_at = excluded.starts_at, ends_at = excluded.ends_at;
  update public.trainings t set starts_at = first_start, ends_at = prev_end where t.id = tr.id;
end
$$;
grant execute on function public.set_training_sessions(uuid, jsonb) to authenticated;

-- training_contingents: the circle sees them (they are part of the offer); organisers write.
alter table public.training_contingents enable row level security;
revoke all on public.training_contingents from anon, authenticated;
grant select, delete on public.training_contingents to authenticated;
grant insert (training_id, org_id, max_seats) on public.training_contingents to authenticated;
grant update (max_seats) on public.training_contingents to authenticated;
grant select, insert, update, delete on public.training_contingents to service_role;

create policy "whoever sees a training sees its contingents"
  on public.training_contingents for select to authenticated
  using (exists (select 1 from public.trainings t where t.id = training_id));
create policy "organisers set contingents"
  on public.training_contingents for insert to authenticated
  with check (training_id in (select private.managed_training_ids()));
create policy "organisers change contingents"
  on public.training_contingents for update to authenticated
  using (training_id in (select private.managed_training_ids()))
  with check (training_id in (select private.managed_training_ids()));
create policy "organisers remove contingents"
  on public.training_contingents for delete to authenticated
  using (training_id in (select private.managed_training_ids()));
