-- Kooperationstreffen, part 1: the tables and who sees what.
--
-- A meeting belongs to a circle and is hosted by one of its Träger. Its hosts are the owners,
-- admins and coordinators of the host Träger and the circle's coordinators; they plan it, run the
-- agenda, approve the minutes. The whole circle sees meetings, agendas, circulated and approved
-- minutes, decisions and action items; RSVP names only the hosts and the person's own Träger
-- (others read the counters on the meeting row). Guests have no account: they act through token
-- functions (part 2) and never read a table. Every write goes through the functions of part 2,
-- so the tables grant authenticated only SELECT.

-- meetings
create table public.meetings (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  host_org_id uuid not null references public.organizations (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  title text not null check (length(title) between 3 and 200),
  description text not null default '' check (length(description) <= 10000),
  place text check (length(place) between 1 and 300),
  gemeinde text references public.gemeinden (code),
  online_url text check (length(online_url) <= 500),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  registration_deadline timestamptz,
  capacity int check (capacity between 1 and 10000),
  -- Shown on the circle's public page with "Als Gast anmelden".
  guests_welcome boolean not null default true,
  status text not null default 'planned' check (status in ('planned', 'cancelled')),
  cancel_reason text check (length(cancel_reason) <= 2000),
  -- iCalendar: the UID never changes; SEQUENCE rises with every change of time or place.
  ics_sequence int not null default 0 check (ics_sequence >= 0),
  protokollant_id uuid references auth.users (id) on delete set null,
  previous_meeting_id uuid references public.meetings (id) on delete set null,
  poll_id uuid,
  -- Counters kept by the RSVP functions under the meeting's row lock (members and guests).
  rsvp_yes int not null default 0 check (rsvp_yes >= 0),
  rsvp_maybe int not null default 0 check (rsvp_maybe >= 0),
  rsvp_no int not null default 0 check (rsvp_no >= 0),
  -- How many Träger of the circle have at least one zusage (the list's "aus 6 Trägern").
  rsvp_orgs int not null default 0 check (rsvp_orgs >= 0),
  reminders_sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meetings_end_after_start check (ends_at > starts_at),
  -- A meeting lasts at most a day (the form has one date and a duration of 15–1,440 minutes): the
  -- list and the calendar find the meetings running now among those that started in the last day.
  constraint meetings_at_most_a_day check (ends_at <= starts_at + interval '1 day'),
  constraint meetings_place_or_online check (online_url is not null or place is not null),
  constraint meetings_within_capacity check (capacity is null or rsvp_yes <= capacity)
);
create index meetings_network_idx on public.meetings (network_id, starts_at);
-- /treffen: coming meetings in order of their start, running ones (started, not ended) and past
-- ones backwards, each a range of this index (app/.server/meetings/read.ts, meetingListQuery).
create index meetings_time_idx on public.meetings (starts_at, ends_at);
create index meetings_host_org_idx on public.meetings (host_org_id);
create index meetings_gemeinde_idx on public.meetings (gemeinde);
create index meetings_previous_idx on public.meetings (previous_meeting_id);
create index meetings_reminder_idx on public.meetings (starts_at) where status = 'planned' and reminders_sent_at is null;

-- RSVPs of members: one per person and meeting, for the Träger they come for.
create table public.meeting_rsvps (
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  answer text not null check (answer in ('zusage', 'vielleicht', 'absage')),
  comment text check (length(comment) <= 500),
  -- The person speaks for their Träger at the meeting.
  is_delegate boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (meeting_id, user_id)
);
create index meeting_rsvps_user_idx on public.meeting_rsvps (user_id);
create index meeting_rsvps_org_idx on public.meeting_rsvps (org_id, meeting_id);

-- Guests (no account): interested Träger from the public page or invited by email. The token
-- travels only in the mail; the table keeps its sha256 hash.
create table public.meeting_guests (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  name text not null check (length(name) between 2 and 120),
  org_name text not null default '' check (length(org_name) <= 200),
  email text not null check (length(email) between 3 and 254),
  token_hash text not null unique,
  token_expires_at timestamptz not null,
  answer text check (answer in ('zusage', 'vielleicht', 'absage')),
  comment text check (length(comment) <= 500),
  source text not null check (source in ('public', 'invited')),
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index meeting_guests_email_key on public.meeting_guests (meeting_id, lower(email));
create index meeting_guests_invited_by_idx on public.meeting_guests (invited_by);

-- Date polls (Terminumfrage) and their options. Options are dates with an optional start time as
-- Berlin wall-clock time (date + time, no time zone): "Mittwoch 10:00" stays 10:00 across the
-- daylight-saving change; it becomes an instant only when the poll is closed.
create table public.date_polls (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  host_org_id uuid not null references public.organizations (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  title text not null check (length(title) between 3 and 200),
  description text not null default '' check (length(description) <= 10000),
  place text check (length(place) between 1 and 300),
  gemeinde text references public.gemeinden (code),
  online_url text check (length(online_url) <= 500),
  duration_minutes int not null default 120 check (duration_minutes between 15 and 1440),
  deadline timestamptz,
  status text not null default 'open' check (status in ('open', 'closed')),
  chosen_option_id uuid,
  meeting_id uuid references public.meetings (id) on delete set null,
  reminded_at timestamptz,
  previous_meeting_id uuid references public.meetings (id) on delete set null,
  created_at timestamptz not null default now(),
  closed_at timestamptz
);
create index date_polls_network_idx on public.date_polls (network_id, status);
create index date_polls_host_org_idx on public.date_polls (host_org_id);
create index date_polls_meeting_idx on public.date_polls (meeting_id);
create index date_polls_gemeinde_idx on public.date_polls (gemeinde);
create index date_polls_previous_idx on public.date_polls (previous_meeting_id);
alter table public.meetings add constraint meetings_poll_fkey
  foreign key (poll_id) references public.date_polls (id) on delete set null;
create index meetings_poll_idx on public.meetings (poll_id);
create index meetings_created_by_idx on public.meetings (created_by);
create index meetings_protokollant_id_idx on public.meetings (protokollant_id);

create table public.poll_options (
  id uuid primary key default gen_random_uuid(),
  poll_id uuid not null references public.date_polls (id) on delete cascade,
  position smallint not null check (position between 1 and 100),
  day date not null,
  start_time time,
  unique (poll_id, position)
);
alter table public.date_polls add constraint date_polls_chosen_option_fkey
  foreign key (chosen_option_id) references public.poll_options (id) on delete set null;
create index date_polls_chosen_option_idx on public.date_polls (chosen_option_id);
create index date_polls_created_by_idx on public.date_polls (created_by);

create table public.poll_votes (
  option_id uuid not null references public.poll_options (id) on delete cascade,
  poll_id uuid not null references public.date_polls (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  answer text not null check (answer in ('ja', 'wenn_noetig', 'nein')),
  updated_at timestamptz not null default now(),
  primary key (option_id, user_id)
);
create index poll_votes_poll_idx on public.poll_votes (poll_id, user_id);
create index poll_votes_user_idx on public.poll_votes (user_id);
create index poll_votes_org_idx on public.poll_votes (org_id);

-- Agenda items and topic proposals. status: 'scheduled' (on the agenda, in position order),
-- 'proposed' (a member's proposal awaiting the host), 'declined' (with a reason), 'pool' (kept
-- for a later meeting; meeting_id is then null and the circle's topic pool holds it).
create table public.agenda_items (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  meeting_id uuid references public.meetings (id) on delete cascade,
  kind text not null default 'topic' check (kind in ('topic', 'minutes_approval', 'action_items')),
  status text not null check (status in ('scheduled', 'proposed', 'declined', 'pool')),
  position smallint check (position between 1 and 1000),
  title text not null check (length(title) between 3 and 200),
  description text not null default '' check (length(description) <= 5000),
  presenter_org_id uuid references public.organizations (id) on delete set null,
  minutes_planned smallint check (minutes_planned between 1 and 480),
  proposed_by uuid references auth.users (id) on delete set null,
  proposed_by_org_id uuid references public.organizations (id) on delete set null,
  decline_reason text check (length(decline_reason) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint agenda_items_scheduled_in_meeting check (status <> 'scheduled' or (meeting_id is not null and position is not null))
);
create index agenda_items_meeting_idx on public.agenda_items (meeting_id, status, position);
create index agenda_items_pool_idx on public.agenda_items (network_id) where status = 'pool';
create index agenda_items_presenter_idx on public.agenda_items (presenter_org_id);
create index agenda_items_proposed_by_org_idx on public.agenda_items (proposed_by_org_id);
create index agenda_items_proposed_by_idx on public.agenda_items (proposed_by);

-- Minutes (Protokoll) of a meeting: draft → circulated → approved → locked. Every save is a new
-- version; circulated_version and approved_version say which version the circle may read.
-- "locked" is reached when the minutes of the next meeting are approved (their first item is the
-- approval of these); until then an approved version can still be corrected (a new version).
create table public.minutes (
  meeting_id uuid primary key references public.meetings (id) on delete cascade,
  network_id uuid not null references public.networks (id) on delete cascade,
  status text not null default 'draft' check (status in ('draft', 'circulated', 'approved', 'locked')),
  current_version int not null default 0,
  circulated_version int,
  approved_version int,
  comments_until timestamptz,
  circulated_at timestamptz,
  approved_at timestamptz,
  approved_by uuid references auth.users (id) on delete set null,
  locked_at timestamptz,
  updated_at timestamptz not null default now()
);
create index minutes_network_idx on public.minutes (network_id);
create index minutes_approved_by_idx on public.minutes (approved_by);

-- content: {"attendance": text, "items": [{"agenda_item_id", "title", "notes",
--   "decisions": [text], "actions": [{"title", "owner_org_id", "owner_user_id", "due_date"}]}]}
create table public.minutes_versions (
  meeting_id uuid not null references public.minutes (meeting_id) on delete cascade,
  version int not null check (version >= 1),
  content jsonb not null,
  note text check (length(note) <= 500),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (meeting_id, version)
);
create index minutes_versions_created_by_idx on public.minutes_versions (created_by);

-- Comments of participants on circulated minutes.
create table public.minutes_comments (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references public.minutes (meeting_id) on delete cascade,
  version int not null,
  user_id uuid references auth.users (id) on delete set null,
  org_id uuid references public.organizations (id) on delete set null,
  body text not null check (length(body) between 1 and 2000),
  created_at timestamptz not null default now()
);
create index minutes_comments_meeting_idx on public.minutes_comments (meeting_id, created_at);
create index minutes_comments_user_idx on public.minutes_comments (user_id);
create index minutes_comments_org_idx on public.minutes_comments (org_id);

-- Decisions register (Beschlüsse): written when minutes are approved, numbered per circle.
-- source_key ("<agenda item>:<n>") lets a corrected approval update a decision in place.
create table public.decisions (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  number int not null check (number >= 1),
  source_key text not null,
  agenda_title text not null default '',
  body text not null check (length(body) between 1 and 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (network_id, number),
  unique (meeting_id, source_key)
);
create index decisions_search_idx on public.decisions (network_id, created_at desc);

-- Action items (Aufgaben) from approved minutes: an owner Träger, optionally a person, a due date.
create table public.action_items (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  source_key text not null,
  title text not null check (length(title) between 1 and 500),
  owner_org_id uuid not null references public.organizations (id) on delete cascade,
  owner_user_id uuid references auth.users (id) on delete set null,
  due_date date,
  status text not null default 'open' check (status in ('open', 'done')),
  done_at timestamptz,
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (meeting_id, source_key)
);
create index action_items_network_idx on public.action_items (network_id, status);
create index action_items_owner_org_idx on public.action_items (owner_org_id, status);
create index action_items_owner_user_idx on public.action_items (owner_user_id);
create index action_items_due_idx on public.action_items (due_date) where status = 'open' and reminded_at is null;

-- Policy helpers ------------------------------------------------------------------------------

-- Meetings the current user hosts: owner/admin/coordinator of the host Träger, or coordinator of
-- the circle.
create or replace function private.hosted_meeting_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select mt.id from public.meetings mt
  where mt.host_org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
     or mt.network_id in (select private.coordinated_network_ids());
end
$$;

create or replace function private.hosts_meeting(meeting uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.meetings mt
    where mt.id = meeting
      and (mt.host_org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
           or mt.network_id in (select private.coordinated_network_ids())));
end
$$;

-- Meetings whose minutes drafts the current user may read and write: hosts and the Protokollant.
create or replace function private.minutes_writer_meeting_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select private.hosted_meeting_ids()
  union
  select mt.id from public.meetings mt where mt.protokollant_id = (select auth.uid());
end
$$;

create or replace function private.hosts_poll(poll uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.date_polls p
    where p.id = poll
      and (p.host_org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
           or p.network_id in (select private.coordinated_network_ids())));
end
$$;

grant execute on function private.hosted_meeting_ids(), private.hosts_meeting(uuid),
  private.minutes_writer_meeting_ids(), private.hosts_poll(uuid) to authenticated, service_role;

-- hosted_meeting_ids and minutes_writer_meeting_ids as one value each, for the select policies
-- (one InitPlan per statement, see private.user_org_id_array).
create or replace function private.hosted_meeting_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(
      select mt.id from public.meetings mt
      where mt.host_org_id = any (private.user_org_id_array_with_role(array['owner', 'admin', 'coordinator']))
         or mt.network_id = any (private.coordinated_network_id_array()));
end
$$;

create or replace function private.minutes_writer_meeting_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(
      select unnest(private.hosted_meeting_id_array())
      union
      select mt.id from public.meetings mt where mt.protokollant_id = (select auth.uid()));
end
$$;
revoke all on function private.hosted_meeting_id_array(), private.minutes_writer_meeting_id_array() from public;
grant execute on function private.hosted_meeting_id_array(), private.minutes_writer_meeting_id_array()
  to authenticated, service_role;

-- Grants and policies -------------------------------------------------------------------------

alter table public.meetings enable row level security;
alter table public.meeting_rsvps enable row level security;
alter table public.meeting_guests enable row level security;
alter table public.date_polls enable row level security;
alter table public.poll_options enable row level security;
alter table public.poll_votes enable row level security;
alter table public.agenda_items enable row level security;
alter table public.minutes enable row level security;
alter table public.minutes_versions enable row level security;
alter table public.minutes_comments enable row level security;
alter table public.decisions enable row level security;
alter table public.action_items enable row level security;

revoke all on public.meetings, public.meeting_rsvps, public.meeting_guests, public.date_polls,
  public.poll_options, public.poll_votes, public.agenda_items, public.minutes,
  public.minutes_versions, public.minutes_comments, public.decisions, public.action_items
  from anon, authenticated;
grant select on public.meetings, public.meeting_rsvps, public.meeting_guests, public.date_polls,
  public.poll_options, public.poll_votes, public.agenda_items, public.minutes,
  public.minutes_versions, public.minutes_comments, public.decisions, public.action_items
  to authenticated;
grant select, insert, update, delete on public.meetings, public.meeting_rsvps, public.meeting_guests,
  public.date_polls, public.poll_options, public.poll_votes, public.agenda_items, public.minutes,
  public.minutes_versions, public.minutes_comments, public.decisions, public.action_items
  to service_role;

create policy "the circle reads its meetings"
  on public.meetings for select to authenticated
  using (network_id = any ((select private.user_network_id_array())::uuid[]));

-- Names: the hosts and the person's own Träger. Everyone else reads the counters on meetings
-- and which Träger come through public.meeting_traeger_summary.
create policy "hosts, the person and their Träger read RSVPs"
  on public.meeting_rsvps for select to authenticated
  using (user_id = (select auth.uid())
         or org_id = any ((select private.user_org_id_array())::uuid[])
         or meeting_id = any ((select private.hosted_meeting_id_array())::uuid[]));

create policy "hosts read the guests of their meetings"
  on public.meeting_guests for select to authenticated
  using (meeting_id = any ((select private.hosted_meeting_id_array())::uuid[]));

create policy "the circle reads its date polls"
  on public.date_polls for select to authenticated
  using (network_id = any ((select private.user_network_id_array())::uuid[]));
-- Options and votes follow their poll (date_polls' select policy decides which the subquery sees).
create policy "the circle reads the options of its date polls"
  on public.poll_options for select to authenticated
  using (poll_id in (select p.id from public.date_polls p));
-- Who voted what is visible within the circle (as the issue asks: members see the others' votes).
create policy "the circle reads the votes of its date polls"
  on public.poll_votes for select to authenticated
  using (poll_id in (select p.id from public.date_polls p));

-- Scheduled items and the pool: the circle. Proposals and declined proposals: the hosts and the
-- proposing Träger.
create policy "the circle reads agendas and the topic pool; proposals their authors and the hosts"
  on public.agenda_items for select to authenticated
  using ((status in ('scheduled', 'pool') and network_id = any ((select private.user_network_id_array())::uuid[]))
         or proposed_by_org_id = any ((select private.user_org_id_array())::uuid[])
         or meeting_id = any ((select private.hosted_meeting_id_array())::uuid[]));

create policy "the circle reads the state of minutes"
  on public.minutes for select to authenticated
  using (network_id = any ((select private.user_network_id_array())::uuid[]));

-- Drafts only to the hosts and the Protokollant; the circle reads what was circulated or approved.
create policy "writers read every version, the circle the circulated and approved ones"
  on public.minutes_versions for select to authenticated
  using (meeting_id = any ((select private.minutes_writer_meeting_id_array())::uuid[])
         or exists (select 1 from public.minutes m
                    where m.meeting_id = minutes_versions.meeting_id
                      and m.network_id = any ((select private.user_network_id_array())::uuid[])
                      and minutes_versions.version <= greatest(coalesce(m.circulated_version, 0), coalesce(m.approved_version, 0))));

create policy "the circle reads comments on circulated minutes"
  on public.minutes_comments for select to authenticated
  using (meeting_id in (select m.meeting_id from public.minutes m where m.network_id = any ((select private.user_network_id_array())::uuid[])));

create policy "the circle reads its decisions"
  on public.decisions for select to authenticated
  using (network_id = any ((select private.user_network_id_array())::uuid[]));

create policy "the circle reads its action items"
  on public.action_items for select to authenticated
  using (network_id = any ((select private.user_network_id_array())::uuid[]));
