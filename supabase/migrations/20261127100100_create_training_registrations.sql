-- Gemeinsame Fortbildungen, part 2: registrations, the waitlist and THE seat rule.
--
-- The rule: capacity and contingents are never exceeded and the waitlist order is never broken,
-- under any concurrency. Every function that takes, gives back or hands on a seat first locks
-- the training's row (`select … for update`), so all seat decisions for one training happen one
-- after another, in the order they got the lock; nothing about seats is decided in TypeScript.
-- Arrival order is a sequence number taken under that lock. docs/decisions/006-training-seats.md
-- explains the choices (pending approvals hold a seat, "first in line who fits", contingents as
-- caps until the release date, counters on the training row).

-- Arrival numbers, taken under the training's lock: the queue's first-come-first-served order.
create sequence private.training_arrival_seq;

-- A registration: a person (user_id, participant_name) or anonymous client seats (user_id null,
-- only org_id and a count — no name, no note, nothing about the clients). org_id is the Träger
-- the seats count against (its contingent, its approval, its cost summary). registered_by is the
-- staff member who booked, who gets the mails for client seats.
-- Status: pending_approval, confirmed and offered hold seats; waitlisted waits at
-- waitlist_position (dense 1..n per training); declined / cancelled end a registration
-- (closed_reason says why); attended / no_show after the training was held.
create table public.training_registrations (
  id uuid primary key default gen_random_uuid(),
  training_id uuid not null references public.trainings (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid references auth.users (id) on delete cascade,
  participant_name text check (length(participant_name) between 1 and 120),
  seats int not null default 1 check (seats between 1 and 50),
  status text not null check (status in ('pending_approval', 'confirmed', 'waitlisted', 'offered',
    'declined', 'cancelled', 'attended', 'no_show')),
  arrival_no bigint not null,
  registered_at timestamptz not null default clock_timestamp(),
  waitlist_position int check (waitlist_position >= 1),
  offered_at timestamptz,
  offer_expires_at timestamptz,
  org_approval text not null default 'not_required'
    check (org_approval in ('not_required', 'pending', 'approved', 'rejected')),
  org_decided_by uuid references auth.users (id) on delete set null,
  org_decided_at timestamptz,
  organizer_approval text not null default 'not_required'
    check (organizer_approval in ('not_required', 'pending', 'approved', 'rejected')),
  organizer_decided_by uuid references auth.users (id) on delete set null,
  organizer_decided_at timestamptz,
  registered_by uuid references auth.users (id) on delete set null,
  confirmed_at timestamptz,
  closed_at timestamptz,
  closed_by uuid references auth.users (id) on delete set null,
  closed_reason text check (closed_reason in ('cancelled', 'removed_by_organizer', 'offer_declined',
    'offer_expired', 'approval_rejected', 'training_cancelled', 'training_held')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A person's own seat, or client seats of a Träger; a person who deleted their account leaves
  -- their seat as "ehemaliges Mitglied" without a user (public.delete_my_account).
  constraint training_registrations_person_or_clients
    check ((user_id is null) = (participant_name is null) and (user_id is null or seats = 1)
           or (user_id is null and participant_name = 'ehemaliges Mitglied' and seats = 1)),
  constraint training_registrations_waitlisted_have_position
    check ((status = 'waitlisted') = (waitlist_position is not null)),
  constraint training_registrations_offers_expire
    check (status <> 'offered' or offer_expires_at is not null),
  -- Positions are unique per training; checked at the end of each statement, so a move can
  -- shift a whole range in one update.
  constraint training_registrations_waitlist_position_key
    unique (training_id, waitlist_position) deferrable initially immediate
);
-- One active registration per person and training (registering twice is refused before this).
create unique index training_registrations_one_per_person on public.training_registrations (training_id, user_id)
  where user_id is not null
    and status in ('pending_approval', 'confirmed', 'waitlisted', 'offered', 'attended', 'no_show');
create index training_registrations_training_idx on public.training_registrations (training_id, status, org_id);
create index training_registrations_user_id_idx on public.training_registrations (user_id);
create index training_registrations_org_id_idx on public.training_registrations (org_id);
create index training_registrations_offers_idx on public.training_registrations (offer_expires_at)
  where status = 'offered';
create index training_registrations_closed_by_idx on public.training_registrations (closed_by);
create index training_registrations_org_decided_by_idx on public.training_registrations (org_decided_by);
create index training_registrations_organizer_decided_by_idx on public.training_registrations (organizer_decided_by);
create index training_registrations_registered_by_idx on public.training_registrations (registered_by);

-- Every move of a registration in the waitlist by an organiser, with the reason they gave.
create table public.training_queue_moves (
  id bigint generated always as identity primary key,
  training_id uuid not null references public.trainings (id) on delete cascade,
  registration_id uuid not null references public.training_registrations (id) on delete cascade,
  from_position int not null,
  to_position int not null,
  reason text not null check (length(reason) between 3 and 500),
  moved_by uuid references auth.users (id) on delete set null,
  moved_at timestamptz not null default now()
);
create index training_queue_moves_training_idx on public.training_queue_moves (training_id, moved_at);
create index training_queue_moves_registration_idx on public.training_queue_moves (registration_id);
create index training_queue_moves_moved_by_idx on public.training_queue_moves (moved_by);

-- Attendance per session. present_seats: 1/0 for a person, how many came for client seats.
create table public.training_attendance (
  registration_id uuid not null references public.training_registrations (id) on delete cascade,
  session_id uuid not null references public.training_sessions (id) on delete cascade,
  present_seats int not null check (present_seats between 0 and 50),
  recorded_by uuid references auth.users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  primary key (registration_id, session_id)
);
create index training_attendance_session_idx on public.training_attendance (session_id);
create index training_attendance_recorded_by_idx on public.training_attendance (recorded_by);

-- training_registrations: names of registrants are seen by the person, their own Träger's admins
-- (client seats also by its coordinators, who book them), and the training's organisers. Other
-- Träger see nothing here; they read the counts on the training row. All writes go through the
-- functions below.
alter table public.training_registrations enable row level security;
revoke all on public.training_registrations from anon, authenticated;
grant select on public.training_registrations to authenticated;
grant select, insert, update, delete on public.training_registrations to service_role;

-- The person; the Träger's admins (coordinators: its client seats); the organisers of the training.
create policy "the person, their Träger's admins and the organisers see it"
  on public.training_registrations for select to authenticated
  using (
    user_id = (select auth.uid())
    or org_id = any ((select private.user_org_id_array_with_role(array['owner', 'admin']))::uuid[])
    or (user_id is null and org_id = any ((select private.user_org_id_array_with_role(array['owner', 'admin', 'coordinator']))::uuid[]))
    or training_id = any ((select private.managed_training_id_array())::uuid[])
  );

alter table public.training_queue_moves enable row level security;
revoke all on public.training_queue_moves from anon, authenticated;
grant select on public.training_queue_moves to authenticated;
grant select, insert, update, delete on public.training_queue_moves to service_role;

create policy "whoever sees a registration sees how it was moved"
  on public.training_queue_moves for select to authenticated
  using (exists (select 1 from public.training_registrations r where r.id = registration_id));

alter table public.training_attendance enable row level security;
revoke all on public.training_attendance from anon, authenticated;
grant select on public.training_attendance to authenticated;
grant select, insert, update, delete on public.training_attendance to service_role;

create policy "whoever sees a registration sees its attendance"
  on public.training_attendance for select to authenticated
  using (exists (select 1 from public.training_registrations r where r.id = registration_id));

-- ---------------------------------------------------------------------------------------------
-- Mails and notifications. One place turns a registration event into the in-app notification and
-- the outbox mail (same transaction as the change).

-- What every training mail needs, including what an .ics attachment needs (uid, sessions with
-- start and end, place, organiser).
create or replace function private.training_mail_props(training uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'trainingId', t.id,
    'trainingTitle', t.title,
    'path', '/fortbildungen/' || t.id,
    'organizerName', o.name,
    'organizerEmail', o.email,
    'speaker', nullif(t.speaker, ''),
    'audience', t.audience,
    'feeCents', t.fee_cents,
    'startsAt', t.starts_at,
    'endsAt', t.ends_at,
    'cancellationDeadline', t.cancellation_deadline,
    'place', t.place,
    'gemeinde', g.name,
    'onlineUrl', t.online_url,
    'icsUid', 'training-' || t.id || '@traegerkreis',
    'sessions', coalesce((
      select jsonb_agg(jsonb_build_object('position', s.position, 'startsAt', s.starts_at,
                                          'endsAt', s.ends_at) order by s.position)
      from public.training_sessions s where s.training_id = t.id), '[]'::jsonb))
  from public.trainings t
  join public.organizations o on o.id = t.org_id
  left join public.gemeinden g on g.code = t.gemeinde
  where t.id = training
$$;

-- Tells the registrant (the person, or for client seats the staff member who booked) what
-- happened, in app and by mail. Events: confirmed, pending_approval, waitlisted, offered,
-- offer_expired, cancelled, removed_by_organizer, approval_rejected, training_cancelled,
-- reminder, moved.
create or replace function private.tell_registration(registration uuid, event text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  reg public.training_registrations%rowtype;
  who record;
  props jsonb;
  facts jsonb;
  link text;
begin
  select * into reg from public.training_registrations r where r.id = registration;
  if not found or (event in ('waitlisted', 'moved') and reg.status <> 'waitlisted') then
    return;
  end if;
  select p.user_id, p.email, p.full_name into who from public.profiles p
  where p.user_id = coalesce(reg.user_id, reg.registered_by);
  if not found then
    return;  -- the booking staff member has left; nobody to tell
  end if;
  props := private.training_mail_props(reg.training_id) || jsonb_build_object(
    'registrationId', reg.id,
    'name', who.full_name,
    'participantName', reg.participant_name,
    'orgName', (select o.name from public.organizations o where o.id = reg.org_id),
    'seats', reg.seats,
    'clientSeats', reg.user_id is null);
  link := props ->> 'path';
  -- What the notification says: the training, whose seats, and the step's own facts.
  facts := jsonb_build_object('trainingTitle', props ->> 'trainingTitle', 'startsAt', props -> 'startsAt',
    'seats', reg.seats, 'clientSeats', reg.user_id is null);

  case event
  when 'confirmed' then
    perform private.notify(who.user_id, 'training.confirmed', facts, link);
    perform private.enqueue_mail('training-confirmed', who.email, props);
  when 'pending_approval' then
    perform private.notify(who.user_id, 'training.approval_pending', facts, link);
  when 'waitlisted' then
    perform private.notify(who.user_id, 'training.waitlisted',
      facts || jsonb_build_object('position', reg.waitlist_position), link);
    perform private.enqueue_mail('training-waitlisted', who.email,
      props || jsonb_build_object('position', reg.waitlist_position));
  when 'offered' then
    perform private.notify(who.user_id, 'training.offered',
      facts || jsonb_build_object('offerExpiresAt', reg.offer_expires_at), link);
    perform private.enqueue_mail('training-offer', who.email,
      props || jsonb_build_object('offerExpiresAt', reg.offer_expires_at));
  when 'offer_expired', 'cancelled', 'removed_by_organizer', 'approval_rejected' then
    perform private.notify(who.user_id,
      case event
        when 'offer_expired' then 'training.registration_offer_expired'
        when 'approval_rejected' then 'training.registration_approval_rejected'
        when 'removed_by_organizer' then 'training.registration_removed_by_organizer'
        else 'training.registration_cancelled' end,
      facts, link);
    perform private.enqueue_mail('training-registration-cancelled', who.email,
      props || jsonb_build_object('reason', event));
  when 'training_cancelled' then
    perform private.notify(who.user_id, 'training.cancelled', facts, link);
    perform private.enqueue_mail('training-cancelled', who.email, props || jsonb_build_object(
      'reason', (select t.cancel_reason from public.trainings t where t.id = reg.training_id)));
  when 'reminder' then
    perform private.notify(who.user_id, 'training.reminder', facts, link);
    perform private.enqueue_mail('training-reminder', who.email, props);
  when 'moved' then
    perform private.notify(who.user_id, 'training.moved',
      facts || jsonb_build_object('position', reg.waitlist_position), link);
  else
    raise exception 'tell_registration: unknown event %', event;
  end case;
end
$$;

-- The people who organise a training (owners, admins, coordinators of the lead Träger and of
-- co-organisers), with the address their mails go to.
create or replace function private.training_organizer_contacts(training uuid)
returns table (user_id uuid, email text, full_name text)
language sql stable security definer set search_path = ''
as $$
  select distinct p.user_id, p.email, p.full_name
  from public.org_members m
  join public.profiles p on p.user_id = m.user_id
  where m.role in ('owner', 'admin', 'coordinator')
    and (m.org_id = (select t.org_id from public.trainings t where t.id = training)
         or m.org_id in (select c.org_id from public.training_co_organizers c where c.training_id = training))
$$;

-- Asks for the approvals a registration still needs: the Träger's owners and admins, and the
-- organisers.
create or replace function private.request_training_approvals(registration uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  reg public.training_registrations%rowtype;
  base jsonb;
  approver record;
  facts jsonb;
begin
  select * into reg from public.training_registrations r where r.id = registration;
  base := private.training_mail_props(reg.training_id) || jsonb_build_object(
    'registrationId', reg.id, 'participantName', reg.participant_name, 'seats', reg.seats,
    'clientSeats', reg.user_id is null,
    'orgName', (select o.name from public.organizations o where o.id = reg.org_id));
  facts := jsonb_build_object('trainingTitle', base ->> 'trainingTitle', 'participantName', reg.participant_name,
    'seats', reg.seats, 'clientSeats', reg.user_id is null, 'orgName', base ->> 'orgName');
  if reg.org_approval = 'pending' then
    for approver in
      select p.user_id, p.email, p.full_name from public.org_members m
      join public.profiles p on p.user_id = m.user_id
      where m.org_id = reg.org_id and m.role in ('owner', 'admin')
    loop
      perform private.notify(approver.user_id, 'training.approval_requested', facts, base ->> 'path');
      perform private.enqueue_mail('training-approval-requested', approver.email,
        base || jsonb_build_object('name', approver.full_name, 'approval', 'org'));
    end loop;
  end if;
  if reg.organizer_approval = 'pending' then
    for approver in select * from private.training_organizer_contacts(reg.training_id) loop
      perform private.notify(approver.user_id, 'training.approval_requested', facts, base ->> 'path');
      perform private.enqueue_mail('training-approval-requested', approver.email,
        base || jsonb_build_object('name', approver.full_name, 'approval', 'organizer'));
    end loop;
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- The seat rule. Every function below that changes seats is called with the training's row
-- locked by the caller (or locks it itself first).

-- Makes the training's counters and the waitlist positions match the registrations: positions
-- dense 1..n in queue order, counters the sum of seats per status.
create or replace function private.recount_training(training uuid) returns void
language sql
security definer
set search_path = ''
as $$
  update public.training_registrations r set waitlist_position = x.rn, updated_at = now()
  from (select r2.id, row_number() over (order by r2.waitlist_position, r2.arrival_no)::int as rn
        from public.training_registrations r2
        where r2.training_id = training and r2.status = 'waitlisted') x
  where r.id = x.id and r.waitlist_position is distinct from x.rn;

  update public.trainings t set
    seats_confirmed = c.confirmed, seats_pending = c.pending, seats_offered = c.offered,
    waitlist_count = c.waiting, waitlist_seats = c.waiting_seats
  from (select
          coalesce(sum(r.seats) filter (where r.status in ('confirmed', 'attended', 'no_show')), 0)::int as confirmed,
          coalesce(sum(r.seats) filter (where r.status = 'pending_approval'), 0)::int as pending,
          coalesce(sum(r.seats) filter (where r.status = 'offered'), 0)::int as offered,
          count(*) filter (where r.status = 'waitlisted')::int as waiting,
          coalesce(sum(r.seats) filter (where r.status = 'waitlisted'), 0)::int as waiting_seats
        from public.training_registrations r where r.training_id = training) c
  where t.id = training
    and (t.seats_confirmed, t.seats_pending, t.seats_offered, t.waitlist_count, t.waitlist_seats)
        is distinct from (c.confirmed, c.pending, c.offered, c.waiting, c.waiting_seats);
$$;

-- Seats a Träger can still take now: the free seats of the training, and until the contingent
-- release date no more than the Träger's contingent minus what it holds. org null: the free
-- seats only. Held = confirmed, pending approval, offered.
create or replace function private.training_free_seats(training uuid, org uuid) returns int
language sql
security definer
set search_path = ''
as $$
  with tr as (select * from public.trainings t where t.id = training),
  held as (
    select coalesce(sum(r.seats), 0)::int as total,
           coalesce(sum(r.seats) filter (where r.org_id = org), 0)::int as by_org
    from public.training_registrations r
    where r.training_id = training and r.status in ('confirmed', 'pending_approval', 'offered'))
  select least(
    tr.capacity - held.total,
    case when org is null or tr.contingent_release_at <= now() then tr.capacity
         else coalesce((select c.max_seats from public.training_contingents c
                        where c.training_id = training and c.org_id = org),
                       tr.default_contingent, tr.capacity) - held.by_org
    end)::int
  from tr, held
$$;

-- The contingent that caps a Träger now, or null (none, or released).
create or replace function private.training_contingent_of(training uuid, org uuid) returns int
language sql
security definer
set search_path = ''
as $$
  select case when t.contingent_release_at <= now() then null
              else coalesce((select c.max_seats from public.training_contingents c
                             where c.training_id = t.id and c.org_id = org), t.default_contingent) end
  from public.trainings t where t.id = training
$$;

-- Ends the offers of a training whose time ran out (declined, reason offer_expired) and tells
-- the people. The caller holds the training's lock.
create or replace function private.expire_offers_of(training uuid) returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  expired record;
  n int := 0;
begin
  for expired in
    update public.training_registrations r
    set status = 'declined', closed_reason = 'offer_expired', closed_at = now(), updated_at = now()
    where r.training_id = training and r.status = 'offered' and r.offer_expires_at <= now()
    returning r.id
  loop
    perform private.tell_registration(expired.id, 'offer_expired');
    n := n + 1;
  end loop;
  return n;
end
$$;

-- Hands free seats to the waitlist, in queue order: the first in line whose seats fit (free
-- seats, and their Träger's contingent until the release date) gets an offer valid for the
-- training's offer_hours (never beyond the first session). Called after every change that frees
-- seats. Locks the training row; returns the number of offers made.
create or replace function private.fill_free_seats(training uuid) returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  tr public.trainings%rowtype;
  waiting record;
  offers int := 0;
begin
  select * into tr from public.trainings t where t.id = training for update;
  if not found then
    return 0;
  end if;
  if tr.status = 'published' and tr.starts_at > now() and private.training_free_seats(tr.id, null) > 0 then
    for waiting in
      select r.id, r.org_id, r.seats from public.training_registrations r
      where r.training_id = tr.id and r.status = 'waitlisted'
      order by r.waitlist_position
    loop
      exit when private.training_free_seats(tr.id, null) <= 0;
      if private.training_free_seats(tr.id, waiting.org_id) >= waiting.seats then
        update public.training_registrations r
        set status = 'offered', waitlist_position = null, offered_at = now(), updated_at = now(),
            offer_expires_at = least(now() + make_interval(hours => tr.offer_hours), tr.starts_at)
        where r.id = waiting.id;
        perform private.tell_registration(waiting.id, 'offered');
        offers := offers + 1;
      end if;
    end loop;
  end if;
  perform private.recount_training(tr.id);
  return offers;
end
$$;

-- May the current user act for this registration as its participant side: the person, their
-- Träger's owners and admins, and for client seats also the Träger's coordinators.
create or replace function private.acts_for_registration(registration uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.training_registrations r
    where r.id = registration
      and (r.user_id = (select auth.uid())
           or exists (select 1 from public.org_members m
                      where m.org_id = r.org_id and m.user_id = (select auth.uid())
                        and (m.role in ('owner', 'admin')
                             or (r.user_id is null and m.role = 'coordinator')))))
$$;

-- Register for a training: oneself (participant = own id), a colleague (participant = their id;
-- owners and admins of the Träger), or anonymous client seats (participant null, seat_count;
-- owners, admins and coordinators). via_org is the Träger the seats count against; it may be
-- left out when the participant belongs to exactly one Träger of the circle.
-- THE seat rule: under the training's row lock, overdue offers end and free seats go to those
-- already waiting; then the new registration takes a seat if one is free for its Träger
-- (confirmed, or pending_approval when approvals are needed: a pending approval holds its seat),
-- else it joins the end of the waitlist. Returns the registration's id.
create or replace function public.register_for_training(
  target_training uuid, participant uuid, seat_count int default 1, via_org uuid default null
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  tr public.trainings%rowtype;
  org uuid := via_org;
  candidates uuid[];
  caller_role text;
  cap int;
  is_organizer boolean;
  org_state text;
  organizer_state text;
  arrival bigint;
  new_status text;
  new_position int;
  new_id uuid;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into tr from public.trainings t where t.id = target_training for update;
  if not found or tr.network_id not in (select private.user_network_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  is_organizer := private.manages_training(tr.id);
  if tr.status = 'draft' then
    if is_organizer or tr.org_id in (select private.user_org_ids()) then
      raise exception 'TK_TRAINING_NOT_PUBLISHED' using errcode = 'P0001';
    end if;
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if tr.status = 'cancelled' then
    raise exception 'TK_TRAINING_CANCELLED' using errcode = 'P0001';
  end if;
  if tr.status = 'held' or tr.starts_at <= now() then
    raise exception 'TK_TRAINING_PAST' using errcode = 'P0001';
  end if;
  if tr.registration_deadline < now() then
    raise exception 'TK_TRAINING_REGISTRATION_CLOSED' using errcode = 'P0001';
  end if;
  if seat_count is null or seat_count < 1 or seat_count > 50 or (participant is not null and seat_count <> 1) then
    raise exception 'TK_TRAINING_SEATS_INVALID' using errcode = 'P0001';
  end if;
  if seat_count > tr.capacity then
    raise exception 'TK_TRAINING_SEATS_ABOVE_CAPACITY' using errcode = 'P0001';
  end if;

  -- The Träger: given, or the participant's (the caller's, for client seats) only one in the circle.
  if org is null then
    select array_agg(m.org_id) into candidates from public.org_members m
    where m.user_id = coalesce(participant, uid) and private.org_in_network(m.org_id, tr.network_id)
      and (participant is null or participant = uid
           or m.org_id in (select private.user_org_ids()));
    if cardinality(candidates) = 1 then
      org := candidates[1];
    elsif cardinality(candidates) > 1 then
      raise exception 'TK_TRAINING_ORG_REQUIRED' using errcode = 'P0001';
    else
      raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
    end if;
  end if;
  select m.role into caller_role from public.org_members m where m.org_id = org and m.user_id = uid;
  if caller_role is null then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if not private.org_in_network(org, tr.network_id) then
    raise exception 'TK_TRAINING_ORG_NOT_IN_CIRCLE' using errcode = 'P0001';
  end if;
  if participant is null then
    if caller_role not in ('owner', 'admin', 'coordinator') then
      raise exception 'TK_TRAINING_NOT_ALLOWED' using errcode = 'P0001';
    end if;
  elsif participant <> uid then
    if caller_role not in ('owner', 'admin') then
      raise exception 'TK_TRAINING_NOT_ALLOWED' using errcode = 'P0001';
    end if;
    if not exists (select 1 from public.org_members m where m.org_id = org and m.user_id = participant) then
      raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
    end if;
  end if;
  cap := private.training_contingent_of(tr.id, org);
  if seat_count > cap then
    raise exception 'TK_TRAINING_SEATS_ABOVE_CONTINGENT' using errcode = 'P0001';
  end if;
  if participant is not null and exists (
    select 1 from public.training_registrations r
    where r.training_id = tr.id and r.user_id = participant
      and r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered', 'attended', 'no_show')) then
    raise exception 'TK_TRAINING_ALREADY_REGISTERED' using errcode = 'P0001';
  end if;

  -- Those already waiting come first: end overdue offers, hand free seats to the queue.
  perform private.expire_offers_of(tr.id);
  perform private.fill_free_seats(tr.id);

  org_state := case when not tr.needs_org_approval then 'not_required'
                    when caller_role in ('owner', 'admin') then 'approved' else 'pending' end;
  organizer_state := case when not tr.needs_organizer_approval then 'not_required'
                          when is_organizer then 'approved' else 'pending' end;
  arrival := nextval('private.training_arrival_seq');
  if private.training_free_seats(tr.id, org) >= seat_count then
    new_status := case when 'pending' in (org_state, organizer_state) then 'pending_approval' else 'confirmed' end;
  else
    new_status := 'waitlisted';
    select count(*)::int + 1 into new_position from public.training_registrations r
    where r.training_id = tr.id and r.status = 'waitlisted';
  end if;

  insert into public.training_registrations (training_id, org_id, user_id, participant_name, seats,
    status, arrival_no, registered_at, waitlist_position, org_approval, org_decided_by, org_decided_at,
    organizer_approval, organizer_decided_by, organizer_decided_at, registered_by, confirmed_at)
  values (tr.id, org, participant,
    case when participant is not null then
      coalesce((select p.full_name from public.profiles p where p.user_id = participant), 'Unbekannt') end,
    seat_count, new_status, arrival, clock_timestamp(), new_position,
    org_state, case when org_state = 'approved' then uid end, case when org_state = 'approved' then now() end,
    organizer_state, case when organizer_state = 'approved' then uid end,
    case when organizer_state = 'approved' then now() end,
    uid, case when new_status = 'confirmed' then now() end)
  returning id into new_id;

  perform private.recount_training(tr.id);
  perform private.tell_registration(new_id, new_status);
  if 'pending' in (org_state, organizer_state) then
    perform private.request_training_approvals(new_id);
  end if;
  return new_id;
end
$$;
grant execute on function public.register_for_training(uuid, uuid, int, uuid) to authenticated;

-- Accept an offered seat (the person, or their Träger's admins; for client seats also its
-- coordinators). Confirmed, or pending_approval while an approval is still open.
create or replace function public.accept_training_offer(registration uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  reg public.training_registrations%rowtype;
  new_status text;
begin
  select * into reg from public.training_registrations r where r.id = registration;
  if not found or not private.acts_for_registration(reg.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  perform 1 from public.trainings t where t.id = reg.training_id for update;
  select * into reg from public.training_registrations r where r.id = registration;
  if reg.status <> 'offered' then
    raise exception 'TK_TRAINING_NO_OFFER' using errcode = 'P0001';
  end if;
  if reg.offer_expires_at <= now() then
    raise exception 'TK_TRAINING_OFFER_EXPIRED' using errcode = 'P0001';
  end if;
  new_status := case when 'pending' in (reg.org_approval, reg.organizer_approval) then 'pending_approval'
                     else 'confirmed' end;
  update public.training_registrations r
  set status = new_status, updated_at = now(),
      confirmed_at = case when new_status = 'confirmed' then now() end
  where r.id = reg.id;
  perform private.recount_training(reg.training_id);
  perform private.tell_registration(reg.id, new_status);
end
$$;
grant execute on function public.accept_training_offer(uuid) to authenticated;

-- Ends a registration that holds or waits for a seat, and hands what it freed to the queue.
-- The caller holds the training's lock and has checked permission and deadlines.
create or replace function private.close_training_registration(
  registration uuid, new_status text, reason text
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  training uuid;
begin
  update public.training_registrations r
  set status = new_status, closed_reason = reason, closed_at = now(), closed_by = (select auth.uid()),
      waitlist_position = null, updated_at = now()
  where r.id = registration
  returning r.training_id into training;
  perform private.fill_free_seats(training);
  if reason not in ('offer_declined', 'training_held') then
    perform private.tell_registration(registration, reason);
  end if;
end
$$;

-- Cancel a registration or leave the waitlist. The participant side (the person, their Träger's
-- admins, for client seats also its coordinators) may cancel a seat until the cancellation
-- deadline and leave the waitlist until the training starts; organisers may remove anyone
-- until the training starts. An open offer is declined.
create or replace function public.cancel_training_registration(registration uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  reg public.training_registrations%rowtype;
  tr public.trainings%rowtype;
  participant_side boolean;
  organizer boolean;
begin
  select * into reg from public.training_registrations r where r.id = registration;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  participant_side := private.acts_for_registration(reg.id);
  organizer := private.manages_training(reg.training_id);
  if not (participant_side or organizer) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  select * into tr from public.trainings t where t.id = reg.training_id for update;
  select * into reg from public.training_registrations r where r.id = registration;
  if reg.status not in ('pending_approval', 'confirmed', 'waitlisted', 'offered') then
    raise exception 'TK_TRAINING_REGISTRATION_NOT_ACTIVE' using errcode = 'P0001';
  end if;
  if tr.status <> 'published' or tr.starts_at <= now() then
    raise exception 'TK_TRAINING_PAST' using errcode = 'P0001';
  end if;
  if not organizer and reg.status in ('confirmed', 'pending_approval')
     and tr.cancellation_deadline < now() then
    raise exception 'TK_TRAINING_CANCELLATION_CLOSED' using errcode = 'P0001';
  end if;
  if reg.status = 'offered' then
    perform private.close_training_registration(reg.id, 'declined', 'offer_declined');
  else
    perform private.close_training_registration(reg.id, 'cancelled',
      case when participant_side then 'cancelled' else 'removed_by_organizer' end);
  end if;
end
$$;
grant execute on function public.cancel_training_registration(uuid) to authenticated;

-- Decline an offered seat: the next in line gets it.
create or replace function public.decline_training_offer(registration uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  reg public.training_registrations%rowtype;
begin
  select * into reg from public.training_registrations r where r.id = registration;
  if not found or not private.acts_for_registration(reg.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  perform 1 from public.trainings t where t.id = reg.training_id for update;
  select * into reg from public.training_registrations r where r.id = registration;
  if reg.status <> 'offered' then
    raise exception 'TK_TRAINING_NO_OFFER' using errcode = 'P0001';
  end if;
  perform private.close_training_registration(reg.id, 'declined', 'offer_declined');
end
$$;
grant execute on function public.decline_training_offer(uuid) to authenticated;

-- Approve or reject a registration: approval 'org' by the owners and admins of the
-- registration's Träger, 'organizer' by the training's organisers. A rejection ends the
-- registration (its seat goes to the queue); the last approval confirms a pending seat.
-- Approvals may be given while the registration waits or is offered, so a seat that comes
-- later is confirmed at once.
create or replace function public.decide_training_approval(registration uuid, approval text, approve boolean)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  reg public.training_registrations%rowtype;
  allowed boolean;
  current_state text;
  other_state text;
begin
  select * into reg from public.training_registrations r where r.id = registration;
  if not found or approval not in ('org', 'organizer') or approve is null then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  allowed := case approval
    when 'org' then reg.org_id in (select private.user_org_ids_with_role(array['owner', 'admin']))
    else private.manages_training(reg.training_id) end;
  if not allowed then
    if private.acts_for_registration(reg.id) or private.manages_training(reg.training_id) then
      raise exception 'TK_TRAINING_NOT_ALLOWED' using errcode = 'P0001';
    end if;
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  perform 1 from public.trainings t where t.id = reg.training_id for update;
  select * into reg from public.training_registrations r where r.id = registration;
  current_state := case approval when 'org' then reg.org_approval else reg.organizer_approval end;
  other_state := case approval when 'org' then reg.organizer_approval else reg.org_approval end;
  if current_state <> 'pending' or reg.status not in ('pending_approval', 'waitlisted', 'offered') then
    raise exception 'TK_TRAINING_APPROVAL_NOT_PENDING' using errcode = 'P0001';
  end if;

  if approval = 'org' then
    update public.training_registrations r
    set org_approval = case when approve then 'approved' else 'rejected' end,
        org_decided_by = uid, org_decided_at = now(), updated_at = now()
    where r.id = reg.id;
  else
    update public.training_registrations r
    set organizer_approval = case when approve then 'approved' else 'rejected' end,
        organizer_decided_by = uid, organizer_decided_at = now(), updated_at = now()
    where r.id = reg.id;
  end if;

  if not approve then
    perform private.close_training_registration(reg.id, 'declined', 'approval_rejected');
  elsif reg.status = 'pending_approval' and other_state <> 'pending' then
    update public.training_registrations r
    set status = 'confirmed', confirmed_at = now(), updated_at = now()
    where r.id = reg.id;
    perform private.recount_training(reg.training_id);
    perform private.tell_registration(reg.id, 'confirmed');
  end if;
end
$$;
grant execute on function public.decide_training_approval(uuid, text, boolean) to authenticated;

-- An organiser moves a waiting registration to another position, with a reason that is kept
-- (training_queue_moves) and shown to the person moved. Everyone between shifts by one.
create or replace function public.move_training_registration(registration uuid, new_position int, move_reason text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  reg public.training_registrations%rowtype;
  tr public.trainings%rowtype;
  old_position int;
  why text := trim(move_reason);
begin
  select * into reg from public.training_registrations r where r.id = registration;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if not private.manages_training(reg.training_id) then
    if private.acts_for_registration(reg.id) then
      raise exception 'TK_TRAINING_NOT_ALLOWED' using errcode = 'P0001';
    end if;
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if why is null or length(why) < 3 or length(why) > 500 then
    raise exception 'TK_TRAINING_MOVE_REASON_MISSING' using errcode = 'P0001';
  end if;
  select * into tr from public.trainings t where t.id = reg.training_id for update;
  select * into reg from public.training_registrations r where r.id = registration;
  if reg.status <> 'waitlisted' then
    raise exception 'TK_TRAINING_NOT_WAITLISTED' using errcode = 'P0001';
  end if;
  if new_position is null or new_position < 1 or new_position > tr.waitlist_count then
    raise exception 'TK_TRAINING_POSITION_INVALID' using errcode = 'P0001';
  end if;
  old_position := reg.waitlist_position;
  if new_position = old_position then
    return;
  end if;
  update public.training_registrations r
  set waitlist_position = case
        when r.id = reg.id then new_position
        when old_position > new_position then r.waitlist_position + 1
        else r.waitlist_position - 1 end,
      updated_at = now()
  where r.training_id = tr.id and r.status = 'waitlisted'
    and r.waitlist_position between least(old_position, new_position) and greatest(old_position, new_position);
  insert into public.training_queue_moves (training_id, registration_id, from_position, to_position, reason, moved_by)
  values (tr.id, reg.id, old_position, new_position, why, (select auth.uid()));
  perform private.audit('training.queue_moved', tr.org_id, null, 'training_registration', reg.id::text,
    jsonb_build_object('trainingId', tr.id, 'title', tr.title, 'from', old_position, 'to', new_position));
  perform private.fill_free_seats(tr.id);
  perform private.tell_registration(reg.id, 'moved');
end
$$;
grant execute on function public.move_training_registration(uuid, int, text) to authenticated;

-- Publish a draft to the circle: it needs sessions, the first in the future.
create or replace function public.publish_training(training uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  tr public.trainings%rowtype;
begin
  select * into tr from public.trainings t where t.id = training for update;
  if not found or not private.manages_training(tr.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if tr.status <> 'draft' then
    raise exception 'TK_TRAINING_NOT_DRAFT' using errcode = 'P0001';
  end if;
  if tr.starts_at is null then
    raise exception 'TK_TRAINING_SESSIONS_MISSING' using errcode = 'P0001';
  end if;
  if tr.starts_at <= now() then
    raise exception 'TK_TRAINING_IN_PAST' using errcode = 'P0001';
  end if;
  update public.trainings t set status = 'published', published_at = now() where t.id = tr.id;
  perform private.audit('training.published', tr.org_id, tr.network_id, 'training', tr.id::text,
    jsonb_build_object('title', tr.title));
end
$$;
grant execute on function public.publish_training(uuid) to authenticated;

-- Call off a published training: every open registration ends and everyone is told (in app and
-- by mail, with the reason).
create or replace function public.cancel_training(training uuid, reason text default null) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  tr public.trainings%rowtype;
  closed record;
  why text := nullif(trim(reason), '');
begin
  select * into tr from public.trainings t where t.id = training for update;
  if not found or not private.manages_training(tr.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if tr.status = 'draft' then
    raise exception 'TK_TRAINING_NOT_PUBLISHED' using errcode = 'P0001';
  end if;
  if tr.status <> 'published' then
    raise exception 'TK_TRAINING_CLOSED' using errcode = 'P0001';
  end if;
  if length(why) > 2000 then
    raise exception 'TK_TRAINING_CANCEL_REASON_TOO_LONG' using errcode = 'P0001';
  end if;
  update public.trainings t set status = 'cancelled', cancelled_at = now(), cancel_reason = why
  where t.id = tr.id;
  for closed in
    update public.training_registrations r
    set status = 'cancelled', closed_reason = 'training_cancelled', closed_at = now(),
        closed_by = (select auth.uid()), waitlist_position = null, updated_at = now()
    where r.training_id = tr.id and r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered')
    returning r.id
  loop
    perform private.tell_registration(closed.id, 'training_cancelled');
  end loop;
  perform private.recount_training(tr.id);
  perform private.audit('training.cancelled', tr.org_id, tr.network_id, 'training', tr.id::text,
    jsonb_build_object('title', tr.title, 'reason', why));
end
$$;
grant execute on function public.cancel_training(uuid, text) to authenticated;

-- Close a training that took place: confirmed registrations become attended (present in at
-- least one session) or no_show; whatever still waits ends without mail.
create or replace function public.mark_training_held(training uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  tr public.trainings%rowtype;
begin
  select * into tr from public.trainings t where t.id = training for update;
  if not found or not private.manages_training(tr.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if tr.status = 'draft' then
    raise exception 'TK_TRAINING_NOT_PUBLISHED' using errcode = 'P0001';
  end if;
  if tr.status <> 'published' then
    raise exception 'TK_TRAINING_CLOSED' using errcode = 'P0001';
  end if;
  if tr.starts_at > now() then
    raise exception 'TK_TRAINING_NOT_STARTED' using errcode = 'P0001';
  end if;
  update public.training_registrations r
  set status = case when exists (select 1 from public.training_attendance a
                                 where a.registration_id = r.id and a.present_seats > 0)
                    then 'attended' else 'no_show' end,
      updated_at = now()
  where r.training_id = tr.id and r.status = 'confirmed';
  update public.training_registrations r
  set status = 'cancelled', closed_reason = 'training_held', closed_at = now(),
      closed_by = (select auth.uid()), waitlist_position = null, updated_at = now()
  where r.training_id = tr.id and r.status in ('pending_approval', 'waitlisted', 'offered');
  update public.trainings t set status = 'held', held_at = now() where t.id = tr.id;
  perform private.recount_training(tr.id);
  perform private.audit('training.held', tr.org_id, tr.network_id, 'training', tr.id::text,
    jsonb_build_object('title', tr.title));
end
$$;
grant execute on function public.mark_training_held(uuid) to authenticated;

-- Record attendance of a confirmed registration in one session (organisers, from the session's
-- start; also after the training was held, which then updates attended / no_show).
create or replace function public.set_training_attendance(registration uuid, session uuid, seats_present int)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  reg public.training_registrations%rowtype;
  tr public.trainings%rowtype;
  ses public.training_sessions%rowtype;
begin
  select * into reg from public.training_registrations r where r.id = registration;
  if not found or not private.manages_training(reg.training_id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  select * into tr from public.trainings t where t.id = reg.training_id for update;
  select * into reg from public.training_registrations r where r.id = registration;
  select * into ses from public.training_sessions s where s.id = session and s.training_id = tr.id;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if tr.status not in ('published', 'held') then
    raise exception 'TK_TRAINING_CLOSED' using errcode = 'P0001';
  end if;
  if ses.starts_at > now() then
    raise exception 'TK_TRAINING_NOT_STARTED' using errcode = 'P0001';
  end if;
  if reg.status not in ('confirmed', 'attended', 'no_show') then
    raise exception 'TK_TRAINING_REGISTRATION_NOT_ACTIVE' using errcode = 'P0001';
  end if;
  if seats_present is null or seats_present < 0 or seats_present > reg.seats then
    raise exception 'TK_TRAINING_ATTENDANCE_INVALID' using errcode = 'P0001';
  end if;
  insert into public.training_attendance as a (registration_id, session_id, present_seats, recorded_by)
  values (reg.id, ses.id, seats_present, (select auth.uid()))
  on conflict (registration_id, session_id) do update
    set present_seats = excluded.present_seats, recorded_by = excluded.recorded_by, recorded_at = now();
  if tr.status = 'held' then
    update public.training_registrations r
    set status = case when exists (select 1 from public.training_attendance a
                                   where a.registration_id = r.id and a.present_seats > 0)
                      then 'attended' else 'no_show' end,
        updated_at = now()
    where r.id = reg.id;
  end if;
end
$$;
grant execute on function public.set_training_attendance(uuid, uuid, int) to authenticated;

-- Seats per Träger of a training, as counts only: for the caller's own Träger ("Ihr Träger: 2
-- von 3 Plätzen im Kontingent"), and for organisers every Träger (cost summary). contingent is
-- null when there is none or it was released.
create or replace function public.training_org_seats(training uuid)
returns table (org_id uuid, contingent int, seats_held int, seats_waitlisted int, seats_confirmed int)
language sql
stable
security definer
set search_path = ''
as $$
  with tr as (
    select t.* from public.trainings t
    where t.id = training
      and ((t.status <> 'draft' and t.network_id in (select private.user_network_ids()))
           or t.org_id in (select private.user_org_ids())
           or t.id in (select private.co_organized_training_ids()))),
  orgs as (
    select nm.org_id from public.network_members nm, tr
    where nm.network_id = tr.network_id and nm.status = 'active'
    union
    select r.org_id from public.training_registrations r, tr where r.training_id = tr.id)
  select orgs.org_id,
    case when tr.contingent_release_at <= now() then null
         else coalesce(c.max_seats, tr.default_contingent) end,
    coalesce(sum(r.seats) filter (where r.status in ('confirmed', 'pending_approval', 'offered')), 0)::int,
    coalesce(sum(r.seats) filter (where r.status = 'waitlisted'), 0)::int,
    coalesce(sum(r.seats) filter (where r.status in ('confirmed', 'attended', 'no_show')), 0)::int
  from tr
  cross join orgs
  left join public.training_contingents c on c.training_id = tr.id and c.org_id = orgs.org_id
  left join public.training_registrations r on r.training_id = tr.id and r.org_id = orgs.org_id
  where private.manages_training(tr.id) or orgs.org_id in (select private.user_org_ids())
  group by orgs.org_id, tr.contingent_release_at, c.max_seats, tr.default_contingent
  order by orgs.org_id
$$;
grant execute on function public.training_org_seats(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Changes that free seats outside the seat functions: a larger capacity, a changed contingent
-- or release date, a changed contingent row, a deleted registration (its person was deleted).

create or replace function private.after_training_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.fill_free_seats(new.id);
  return null;
end
$$;
create trigger trainings_fill_after_change after update of capacity, default_contingent, contingent_release_at
  on public.trainings for each row
  when (new.status = 'published'
        and (new.capacity > old.capacity
             or new.default_contingent is distinct from old.default_contingent
             or new.contingent_release_at is distinct from old.contingent_release_at))
  execute function private.after_training_change();

-- ---------------------------------------------------------------------------------------------
-- A person's registrations by date. "Meine Anmeldungen" and the calendar list the registrations
-- of one person in the order or the range of their trainings' dates; without the dates beside
-- the person's key, every registration the person ever had was read with its training before the
-- order and the limit applied (issue 14). The training's start and end are kept here for each
-- registration, in private: public.training_registrations keeps exactly its columns (nothing
-- about a client, supabase/tests/training_registrations.sql). Written by the triggers below,
-- read through private.my_registration_ids and private.my_registered_training_ids (the rows then
-- read from public.training_registrations under its policy).
create table private.training_registration_dates (
  registration_id uuid primary key references public.training_registrations (id) on delete cascade,
  user_id uuid,
  registered_by uuid,
  starts_at timestamptz,
  ends_at timestamptz
);
revoke all on private.training_registration_dates from anon, authenticated;
-- Own seats in date order (the end a key too, so the calendar's overlap test is decided on the
-- index entries); the client seats a person booked in date order.
create index training_registration_dates_person_idx
  on private.training_registration_dates (user_id, starts_at, registration_id, ends_at) where user_id is not null;
create index training_registration_dates_clients_idx
  on private.training_registration_dates (registered_by, starts_at, registration_id) where user_id is null;

-- New registrations (one statement, however many rows: the seat functions write one, a seed many).
create or replace function private.add_registration_dates() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.training_registration_dates (registration_id, user_id, registered_by, starts_at, ends_at)
  select a.id, a.user_id, a.registered_by, t.starts_at, t.ends_at
  from added a join public.trainings t on t.id = a.training_id;
  return null;
end
$$;
create trigger training_registrations_add_dates after insert on public.training_registrations
  referencing new table as added
  for each statement execute function private.add_registration_dates();

-- A registration's person or booker changes (a deleted account, a deleted booker).
create or replace function private.update_registration_dates() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.training_registration_dates as d (registration_id, user_id, registered_by, starts_at, ends_at)
  select new.id, new.user_id, new.registered_by, t.starts_at, t.ends_at from public.trainings t where t.id = new.training_id
  on conflict (registration_id) do update
    set user_id = excluded.user_id, registered_by = excluded.registered_by, starts_at = excluded.starts_at, ends_at = excluded.ends_at;
  return null;
end
$$;
create trigger training_registrations_update_dates after update of training_id, user_id, registered_by
  on public.training_registrations for each row execute function private.update_registration_dates();

-- A training's sessions move (set_training_sessions): its registrations follow.
create or replace function private.move_registration_dates() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update private.training_registration_dates d
  set starts_at = new.starts_at, ends_at = new.ends_at
  from public.training_registrations r
  where r.training_id = new.id and d.registration_id = r.id;
  return null;
end
$$;
create trigger trainings_move_registration_dates after update of starts_at, ends_at on public.trainings
  for each row
  when (new.starts_at is distinct from old.starts_at or new.ends_at is distinct from old.ends_at)
  execute function private.move_registration_dates();

-- "Meine Anmeldungen": the ids of the current user's registrations and of the client seats they
-- booked that the list shows (open ones, attended ones of the last year, closed ones of the last
-- 30 days still ahead), enough for a page ending at row `wanted`: coming ones forwards from now,
-- past ones backwards, each part an index scan that stops at its limit, past ones only for what
-- the coming ones leave. The caller orders and pages them (coming by start and id, past by start
-- descending and id descending) and reads them under the registrations' policy.
-- (plpgsql: the plan is kept for the session, not made again on every call. Kept generic: with
-- `wanted` a parameter the generic plan's cost of the past part looks higher than a custom
-- plan's, so plpgsql planned every call again, ~100 buffers of planning at 10× the bench, as
-- much as the reading itself; the plan is the same index walk either way.)
create or replace function private.my_registration_ids(wanted int) returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
set plan_cache_mode = force_generic_plan
rows 40
as $$
begin
  return query
  with coming as materialized (
    (select d.registration_id as id from private.training_registration_dates d
     join public.training_registrations r on r.id = d.registration_id
     where d.user_id = (select auth.uid()) and d.starts_at >= now()
       and (r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered')
            or (r.status in ('attended', 'no_show') and d.ends_at > now() - interval '1 year')
            or (r.closed_at > now() - interval '30 days' and d.starts_at > now()))
     order by d.starts_at, d.registration_id limit wanted)
    union all
    (select d.registration_id from private.training_registration_dates d
     join public.training_registrations r on r.id = d.registration_id
     where d.user_id is null and d.registered_by = (select auth.uid()) and d.starts_at >= now()
       and (r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered')
            or (r.status in ('attended', 'no_show') and d.ends_at > now() - interval '1 year')
            or (r.closed_at > now() - interval '30 days' and d.starts_at > now()))
     order by d.starts_at, d.registration_id limit wanted)
  ), past as materialized (
    (select d.registration_id as id from private.training_registration_dates d
     join public.training_registrations r on r.id = d.registration_id
     where d.user_id = (select auth.uid()) and d.starts_at < now()
       and (r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered')
            or (r.status in ('attended', 'no_show') and d.ends_at > now() - interval '1 year'))
     order by d.starts_at desc, d.registration_id desc limit greatest(wanted - (select count(*) from coming), 0))
    union all
    (select d.registration_id from private.training_registration_dates d
     join public.training_registrations r on r.id = d.registration_id
     where d.user_id is null and d.registered_by = (select auth.uid()) and d.starts_at < now()
       and (r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered')
            or (r.status in ('attended', 'no_show') and d.ends_at > now() - interval '1 year'))
     order by d.starts_at desc, d.registration_id desc limit greatest(wanted - (select count(*) from coming), 0))
  )
  select id from coming union all select id from past;
end
$$;
revoke all on function private.my_registration_ids(int) from public;
grant execute on function private.my_registration_ids(int) to authenticated, service_role;

-- The calendar: the trainings of the current user's registrations (also one the organiser
-- cancelled, so it shows as cancelled) whose start and end overlap [range_from, range_to).
create or replace function private.my_registered_training_ids(range_from timestamptz, range_to timestamptz)
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 40
as $$
begin
  return query
  select r.training_id from private.training_registration_dates d
  join public.training_registrations r on r.id = d.registration_id
  where d.user_id = (select auth.uid()) and d.starts_at < range_to and d.ends_at > range_from
    and (r.status in ('confirmed', 'pending_approval', 'waitlisted', 'offered', 'attended', 'no_show')
         or r.closed_reason = 'training_cancelled');
end
$$;
revoke all on function private.my_registered_training_ids(timestamptz, timestamptz) from public;
grant execute on function private.my_registered_training_ids(timestamptz, timestamptz) to authenticated, service_role;

-- Contingent rows: same circle, within the capacity, not below what the Träger already holds.
-- Locks the training first, so a contingent never changes in the middle of a seat decision.
create or replace function private.check_training_contingent() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  tr public.trainings%rowtype;
  row_org uuid := coalesce(new.org_id, old.org_id);
  held int;
  new_cap int;
begin
  select * into tr from public.trainings t where t.id = coalesce(new.training_id, old.training_id) for update;
  if not found then
    return coalesce(new, old);  -- the training is being deleted
  end if;
  if tr.status in ('cancelled', 'held') then
    raise exception 'TK_TRAINING_CLOSED' using errcode = 'P0001';
  end if;
  if tg_op = 'INSERT' and not private.org_in_network(new.org_id, tr.network_id) then
    raise exception 'TK_TRAINING_ORG_NOT_IN_CIRCLE' using errcode = 'P0001';
  end if;
  if tg_op <> 'DELETE' and (new.max_seats < 1 or new.max_seats > tr.capacity) then
    raise exception 'TK_TRAINING_CONTINGENT_INVALID' using errcode = 'P0001';
  end if;
  new_cap := case when tg_op = 'DELETE' then tr.default_contingent else new.max_seats end;
  if new_cap is not null and (tr.contingent_release_at is null or tr.contingent_release_at > now()) then
    select coalesce(sum(r.seats), 0) into held from public.training_registrations r
    where r.training_id = tr.id and r.org_id = row_org
      and r.status in ('confirmed', 'pending_approval', 'offered');
    if held > new_cap then
      raise exception 'TK_TRAINING_CONTINGENT_BELOW_SEATS' using errcode = 'P0001';
    end if;
  end if;
  if tg_op = 'UPDATE' then
    new.updated_at := now();
  end if;
  return coalesce(new, old);
end
$$;
create trigger training_contingents_check before insert or update or delete on public.training_contingents
  for each row execute function private.check_training_contingent();

create or replace function private.after_training_contingent_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.trainings t
             where t.id = coalesce(new.training_id, old.training_id) and t.status = 'published') then
    perform private.fill_free_seats(coalesce(new.training_id, old.training_id));
  end if;
  return null;
end
$$;
create trigger training_contingents_fill after insert or update or delete on public.training_contingents
  for each row execute function private.after_training_contingent_change();

create or replace function private.after_training_registration_delete() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.trainings t where t.id = old.training_id) then
    perform private.fill_free_seats(old.training_id);
  end if;
  return null;
end
$$;
create trigger training_registrations_refill after delete on public.training_registrations
  for each row execute function private.after_training_registration_delete();

-- ---------------------------------------------------------------------------------------------
-- Jobs for the background worker (service_role). Each is idempotent: running it twice does the
-- work once. Trainings another transaction holds are skipped (`skip locked`) and picked up on the
-- next run; the seat functions also do the same work lazily under their lock.

-- Offers whose time ran out end; the next in line gets the seat.
create or replace function private.expire_training_offers() returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  due record;
  n int := 0;
begin
  for due in
    select t.id from public.trainings t
    where t.id in (select r.training_id from public.training_registrations r
                   where r.status = 'offered' and r.offer_expires_at <= now())
    order by t.id
    for update of t skip locked
  loop
    n := n + private.expire_offers_of(due.id);
    perform private.fill_free_seats(due.id);
  end loop;
  return n;
end
$$;

-- At the contingent release date the caps are gone: waiting registrations that were held back by
-- their Träger's contingent get the free seats.
create or replace function private.release_training_contingents() returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  due record;
  n int := 0;
begin
  for due in
    select t.id from public.trainings t
    where t.status = 'published' and t.contingent_released_at is null and t.contingent_release_at <= now()
    order by t.id
    for update of t skip locked
  loop
    update public.trainings t set contingent_released_at = now() where t.id = due.id;
    n := n + private.fill_free_seats(due.id);
  end loop;
  return n;
end
$$;
create index trainings_contingent_release_idx on public.trainings (contingent_release_at)
  where status = 'published' and contingent_released_at is null;

-- On the go/no-go date: if fewer than the minimum are confirmed, the organisers are asked to
-- hold or cancel (in app and by mail). Returns the number of trainings flagged.
create or replace function private.check_training_go_no_go() returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  due public.trainings%rowtype;
  person record;
  props jsonb;
  n int := 0;
begin
  for due in
    select * from public.trainings t
    where t.status = 'published' and t.go_no_go_checked_at is null
      and t.go_no_go_date <= (now() at time zone 'Europe/Berlin')::date
    order by t.id
    for update skip locked
  loop
    update public.trainings t
    set go_no_go_checked_at = now(), go_no_go_below_minimum = due.seats_confirmed < due.min_participants
    where t.id = due.id;
    if due.seats_confirmed < due.min_participants then
      n := n + 1;
      props := private.training_mail_props(due.id) || jsonb_build_object(
        'confirmedSeats', due.seats_confirmed, 'minParticipants', due.min_participants,
        'goNoGoDate', due.go_no_go_date);
      for person in select * from private.training_organizer_contacts(due.id) loop
        perform private.notify(person.user_id, 'training.go_no_go', jsonb_build_object(
            'trainingTitle', due.title, 'confirmedSeats', due.seats_confirmed,
            'minParticipants', due.min_participants, 'goNoGoDate', due.go_no_go_date),
          '/fortbildungen/' || due.id);
        perform private.enqueue_mail('training-go-no-go', person.email,
          props || jsonb_build_object('name', person.full_name));
      end loop;
    end if;
  end loop;
  return n;
end
$$;

-- A day before the first session, every confirmed registration gets a reminder.
create or replace function private.queue_training_reminders() returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  due record;
  reg record;
  n int := 0;
begin
  for due in
    select t.id from public.trainings t
    where t.status = 'published' and t.reminders_sent_at is null
      and t.starts_at > now() and t.starts_at <= now() + interval '24 hours'
    order by t.id
    for update of t skip locked
  loop
    update public.trainings t set reminders_sent_at = now() where t.id = due.id;
    for reg in select r.id from public.training_registrations r
               where r.training_id = due.id and r.status = 'confirmed' order by r.arrival_no loop
      perform private.tell_registration(reg.id, 'reminder');
      n := n + 1;
    end loop;
  end loop;
  return n;
end
$$;
create index trainings_reminders_due_idx on public.trainings (starts_at)
  where status = 'published' and reminders_sent_at is null;

-- Everything the worker runs on each tick, in one call.
create or replace function private.run_training_jobs() returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  expired int := private.expire_training_offers();
  released int := private.release_training_contingents();
  flagged int := private.check_training_go_no_go();
  reminded int := private.queue_training_reminders();
begin
  return jsonb_build_object('offersExpired', expired, 'contingentOffers', released,
    'goNoGoFlagged', flagged, 'remindersQueued', reminded);
end
$$;

grant execute on function private.expire_training_offers(), private.release_training_contingents(),
  private.check_training_go_no_go(), private.queue_training_reminders(), private.run_training_jobs()
  to service_role;
