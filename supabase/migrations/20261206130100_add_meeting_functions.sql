-- Kooperationstreffen, part 2: every write as a function (security definer, checks first, one
-- transaction with its notifications, mails and audit entries). Refusals raise stable TK_* codes
-- (app/.server/db/errors.ts has the German texts).

-- Small helpers ----------------------------------------------------------------------------------

-- Refuses control characters (a title or name with CR/LF must not reach a mail header or a
-- calendar file unescaped; the writer escapes anyway, this keeps the data clean). Multi-line
-- fields allow LF and CR.
create or replace function private.check_meeting_text(value text, multiline boolean) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if value is null then return; end if;
  if multiline then
    if value ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' then
      raise exception 'TK_MEETING_TEXT_INVALID' using errcode = 'P0001';
    end if;
  elsif value ~ '[\x01-\x1f\x7f]' then
    raise exception 'TK_MEETING_TEXT_INVALID' using errcode = 'P0001';
  end if;
end
$$;

-- The Träger in the circle the current user acts for (their first, by name), or null.
create or replace function private.user_org_in_network(network uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  select m.org_id from public.org_members m
  join public.network_members nm on nm.org_id = m.org_id and nm.network_id = network and nm.status = 'active'
  join public.organizations o on o.id = m.org_id
  where m.user_id = (select auth.uid())
  order by o.name limit 1
$$;

-- The meeting `meeting`, for a caller who hosts it (coordination of the host Träger or of the
-- circle); locked for update when `for_update`. Anyone else gets TK_NOT_FOUND, as for a missing meeting.
create or replace function private.require_hosted_meeting(meeting uuid, for_update boolean default false)
returns public.meetings
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
begin
  if for_update then
    select * into mt from public.meetings m where m.id = meeting for update;
  else
    select * into mt from public.meetings m where m.id = meeting;
  end if;
  if not found or not private.hosts_meeting(mt.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  return mt;
end
$$;

-- The meeting `meeting`, for a caller who may write its minutes (hosts and the Protokollant).
create or replace function private.require_minutes_writer_meeting(meeting uuid)
returns public.meetings
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
begin
  select * into mt from public.meetings x where x.id = meeting;
  if not found or mt.id not in (select private.minutes_writer_meeting_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  return mt;
end
$$;

-- Everyone invited to the circle's meetings: every member of every active Träger of the circle.
create or replace function private.meeting_members(network uuid)
returns table (user_id uuid, email text, full_name text)
language sql stable security definer set search_path = ''
as $$
  select distinct p.user_id, p.email::text, p.full_name from public.network_members nm
  join public.org_members m on m.org_id = nm.org_id
  join public.profiles p on p.user_id = m.user_id
  where nm.network_id = network and nm.status = 'active' and p.email is not null
$$;

-- What every meeting mail carries (emails/meeting-notice.tsx builds the .ics from it).
create or replace function private.meeting_mail_props(meeting uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'meetingId', mt.id, 'title', mt.title, 'startsAt', mt.starts_at, 'endsAt', mt.ends_at,
    'place', mt.place, 'gemeinde', g.name, 'onlineUrl', mt.online_url,
    'hostName', o.name, 'networkName', n.name, 'icsUid', 'meeting-' || mt.id || '@traegerkreis',
    'sequence', mt.ics_sequence, 'path', '/treffen/' || mt.id)
  from public.meetings mt
  join public.organizations o on o.id = mt.host_org_id
  join public.networks n on n.id = mt.network_id
  left join public.gemeinden g on g.code = mt.gemeinde
  where mt.id = meeting
$$;

-- Sends one kind of meeting notice (invitation, update, cancellation, reminder) to every member
-- of the circle and every guest who has not declined; a notification in the bell for members.
create or replace function private.send_meeting_notice(meeting uuid, kind text, extra jsonb default '{}')
returns int
language plpgsql security definer set search_path = ''
as $$
declare
  props jsonb := private.meeting_mail_props(meeting) || coalesce(extra, '{}'::jsonb) || jsonb_build_object('kind', kind);
  mt public.meetings%rowtype;
  person record;
  sent int := 0;
begin
  select * into mt from public.meetings x where x.id = meeting;
  for person in
    select mm.user_id, mm.email, mm.full_name from private.meeting_members(mt.network_id) mm
    where not exists (select 1 from public.meeting_rsvps r
                      where r.meeting_id = meeting and r.user_id = mm.user_id and r.answer = 'absage')
      and (kind <> 'reminder' or exists (select 1 from public.meeting_rsvps r
           where r.meeting_id = meeting and r.user_id = mm.user_id and r.answer in ('zusage', 'vielleicht')))
  loop
    perform private.notify(person.user_id,
      case kind when 'invitation' then 'meeting.invitation' when 'update' then 'meeting.update'
                when 'cancel' then 'meeting.cancel' else 'meeting.reminder' end,
      jsonb_build_object('title', mt.title, 'startsAt', mt.starts_at, 'place', mt.place), '/treffen/' || meeting);
    perform private.enqueue_mail('meeting-notice', person.email, props || jsonb_build_object('name', person.full_name, 'email', person.email));
    sent := sent + 1;
  end loop;
  for person in
    select g.email, g.name from public.meeting_guests g
    where g.meeting_id = meeting and g.answer is distinct from 'absage'
      and (kind <> 'reminder' or g.answer in ('zusage', 'vielleicht'))
  loop
    perform private.enqueue_mail('meeting-notice', person.email, props || jsonb_build_object('name', person.name, 'email', person.email, 'guest', true));
    sent := sent + 1;
  end loop;
  return sent;
end
$$;

-- The meeting's fields, checked; raises TK_* for everything a form can get wrong.
create or replace function private.check_meeting_fields(
  network uuid, host_org uuid, title text, description text, place text, gemeinde text,
  online_url text, starts_at timestamptz, ends_at timestamptz, registration_deadline timestamptz,
  capacity int
) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.network_members nm
                 where nm.network_id = network and nm.org_id = host_org and nm.status = 'active') then
    raise exception 'TK_MEETING_HOST_NOT_IN_CIRCLE' using errcode = 'P0001';
  end if;
  if not (host_org in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
          or network in (select private.coordinated_network_ids())) then
    raise exception 'TK_MEETING_NOT_HOST' using errcode = 'P0001';
  end if;
  if title is null or length(trim(title)) < 3 or length(title) > 200 then
    raise exception 'TK_MEETING_TITLE_INVALID' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(title, false);
  perform private.check_meeting_text(place, false);
  perform private.check_meeting_text(description, true);
  if length(description) > 10000 then
    raise exception 'TK_MEETING_DESCRIPTION_TOO_LONG' using errcode = 'P0001';
  end if;
  if nullif(trim(place), '') is null and nullif(trim(online_url), '') is null then
    raise exception 'TK_MEETING_PLACE_MISSING' using errcode = 'P0001';
  end if;
  if length(place) > 300 then
    raise exception 'TK_MEETING_PLACE_INVALID' using errcode = 'P0001';
  end if;
  if gemeinde is not null and not exists (select 1 from public.gemeinden g where g.code = gemeinde) then
    raise exception 'TK_UNKNOWN_GEMEINDE' using errcode = 'P0001';
  end if;
  if nullif(online_url, '') is not null and (online_url !~ '^https://[^[:space:]]+$' or length(online_url) > 500) then
    raise exception 'TK_MEETING_ONLINE_URL_INVALID' using errcode = 'P0001';
  end if;
  if starts_at is null or ends_at is null then
    raise exception 'TK_MEETING_TIME_MISSING' using errcode = 'P0001';
  end if;
  if ends_at <= starts_at then
    raise exception 'TK_MEETING_ENDS_BEFORE_START' using errcode = 'P0001';
  end if;
  if ends_at - starts_at > interval '24 hours' then
    raise exception 'TK_MEETING_TOO_LONG' using errcode = 'P0001';
  end if;
  if registration_deadline > starts_at then
    raise exception 'TK_MEETING_DEADLINE_AFTER_START' using errcode = 'P0001';
  end if;
  if capacity is not null and (capacity < 1 or capacity > 10000) then
    raise exception 'TK_MEETING_CAPACITY_INVALID' using errcode = 'P0001';
  end if;
end
$$;

-- Creates the meeting with its automatic first agenda items: the approval of the last minutes
-- (when the circle's previous meeting has unlocked minutes) and the open action items.
create or replace function private.create_meeting(
  network uuid, host_org uuid, title text, description text, place text, gemeinde text,
  online_url text, starts_at timestamptz, ends_at timestamptz, registration_deadline timestamptz,
  capacity int, guests_welcome boolean, previous_meeting uuid, poll uuid
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  new_id uuid;
  last_meeting public.meetings%rowtype;
  next_position int := 1;
begin
  perform private.check_meeting_fields(network, host_org, title, description, place, gemeinde,
    online_url, starts_at, ends_at, registration_deadline, capacity);
  if starts_at < now() then
    raise exception 'TK_MEETING_IN_PAST' using errcode = 'P0001';
  end if;
  insert into public.meetings (network_id, host_org_id, created_by, title, description, place, gemeinde,
    online_url, starts_at, ends_at, registration_deadline, capacity, guests_welcome,
    previous_meeting_id, poll_id)
  values (network, host_org, (select auth.uid()), trim(title), coalesce(description, ''),
    nullif(trim(place), ''), gemeinde, nullif(trim(online_url), ''), starts_at, ends_at,
    registration_deadline, capacity, coalesce(guests_welcome, true), previous_meeting, poll)
  returning id into new_id;

  select mt.* into last_meeting from public.meetings mt
  join public.minutes m on m.meeting_id = mt.id
  where mt.network_id = network and mt.id <> new_id and mt.starts_at < create_meeting.starts_at and m.status <> 'locked'
    and mt.status = 'planned'
  order by mt.starts_at desc limit 1;
  if found then
    insert into public.agenda_items (network_id, meeting_id, kind, status, position, title, minutes_planned)
    values (network, new_id, 'minutes_approval', 'scheduled', next_position,
      'Genehmigung des Protokolls vom ' || to_char(last_meeting.starts_at at time zone 'Europe/Berlin', 'DD.MM.YYYY'), 5);
    next_position := next_position + 1;
  end if;
  if exists (select 1 from public.action_items a where a.network_id = network and a.status = 'open') then
    insert into public.agenda_items (network_id, meeting_id, kind, status, position, title, minutes_planned)
    values (network, new_id, 'action_items', 'scheduled', next_position, 'Offene Aufgaben', 10);
  end if;

  perform private.audit('meeting.created', host_org, network, 'meeting', new_id::text,
    jsonb_build_object('title', trim(title), 'starts_at', starts_at));
  perform private.send_meeting_notice(new_id, 'invitation');
  return new_id;
end
$$;

-- Meetings: create, edit, cancel ------------------------------------------------------------------

-- Creates (meeting_id null) or edits a meeting. A change of time or place raises the calendar
-- SEQUENCE and tells everyone who did not decline, with a calendar file that moves the entry.
create or replace function public.save_meeting(
  meeting_id uuid, network uuid, host_org uuid, title text, description text, place text,
  gemeinde text, online_url text, starts_at timestamptz, ends_at timestamptz,
  registration_deadline timestamptz, capacity int, guests_welcome boolean,
  previous_meeting uuid default null
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
  moved boolean;
begin
  if (select auth.uid()) is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if meeting_id is null then
    if previous_meeting is not null and not exists (
      select 1 from public.meetings p where p.id = previous_meeting and p.network_id = network) then
      raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
    end if;
    return private.create_meeting(network, host_org, title, description, place, gemeinde, online_url,
      starts_at, ends_at, registration_deadline, capacity, guests_welcome, previous_meeting, null);
  end if;

  mt := private.require_hosted_meeting(save_meeting.meeting_id, for_update => true);
  if mt.status = 'cancelled' then
    raise exception 'TK_MEETING_CANCELLED' using errcode = 'P0001';
  end if;
  -- The host Träger stays; the circle's coordinators may hand it to another Träger of the circle.
  perform private.check_meeting_fields(mt.network_id, host_org, title, description, place, gemeinde,
    online_url, starts_at, ends_at, registration_deadline, capacity);
  if capacity is not null and capacity < mt.rsvp_yes then
    raise exception 'TK_MEETING_CAPACITY_BELOW_RSVPS' using errcode = 'P0001';
  end if;
  moved := (mt.starts_at, mt.ends_at, mt.place, mt.online_url)
    is distinct from (save_meeting.starts_at, save_meeting.ends_at, nullif(trim(save_meeting.place), ''),
                      nullif(trim(save_meeting.online_url), ''));
  if moved and save_meeting.starts_at < now() then
    raise exception 'TK_MEETING_IN_PAST' using errcode = 'P0001';
  end if;
  update public.meetings m set
    host_org_id = save_meeting.host_org, title = trim(save_meeting.title),
    description = coalesce(save_meeting.description, ''), place = nullif(trim(save_meeting.place), ''),
    gemeinde = save_meeting.gemeinde, online_url = nullif(trim(save_meeting.online_url), ''),
    starts_at = save_meeting.starts_at, ends_at = save_meeting.ends_at,
    registration_deadline = save_meeting.registration_deadline, capacity = save_meeting.capacity,
    guests_welcome = coalesce(save_meeting.guests_welcome, true),
    ics_sequence = m.ics_sequence + case when moved then 1 else 0 end,
    reminders_sent_at = case when moved then null else m.reminders_sent_at end,
    updated_at = now()
  where m.id = mt.id;
  perform private.audit('meeting.updated', mt.host_org_id, mt.network_id, 'meeting', mt.id::text,
    jsonb_build_object('moved', moved));
  if moved then
    perform private.send_meeting_notice(mt.id, 'update');
  end if;
  return mt.id;
end
$$;

create or replace function public.cancel_meeting(meeting_id uuid, reason text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
begin
  mt := private.require_hosted_meeting(cancel_meeting.meeting_id, for_update => true);
  if mt.status = 'cancelled' then
    raise exception 'TK_MEETING_CANCELLED' using errcode = 'P0001';
  end if;
  if mt.ends_at < now() then
    raise exception 'TK_MEETING_PAST' using errcode = 'P0001';
  end if;
  if length(reason) > 2000 then
    raise exception 'TK_MEETING_REASON_TOO_LONG' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(reason, true);
  update public.meetings m set status = 'cancelled', cancel_reason = nullif(trim(reason), ''),
    ics_sequence = m.ics_sequence + 1, updated_at = now()
  where m.id = mt.id;
  perform private.audit('meeting.cancelled', mt.host_org_id, mt.network_id, 'meeting', mt.id::text,
    jsonb_build_object('reason', nullif(trim(reason), '')));
  perform private.send_meeting_notice(mt.id, 'cancel', jsonb_build_object('reason', nullif(trim(reason), '')));
end
$$;

-- RSVPs ------------------------------------------------------------------------------------------

-- Applies one answer change to the meeting's counters under its row lock; refuses a zusage when
-- the meeting is full. Shared by members and guests.
create or replace function private.apply_rsvp(mt public.meetings, old_answer text, new_answer text)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if mt.status = 'cancelled' then
    raise exception 'TK_MEETING_CANCELLED' using errcode = 'P0001';
  end if;
  if mt.starts_at <= now() then
    raise exception 'TK_MEETING_STARTED' using errcode = 'P0001';
  end if;
  if mt.registration_deadline is not null and mt.registration_deadline < now()
     and new_answer is distinct from 'absage' then
    raise exception 'TK_MEETING_REGISTRATION_CLOSED' using errcode = 'P0001';
  end if;
  if new_answer = 'zusage' and old_answer is distinct from 'zusage'
     and mt.capacity is not null and mt.rsvp_yes >= mt.capacity then
    raise exception 'TK_MEETING_FULL' using errcode = 'P0001';
  end if;
  update public.meetings m set
    rsvp_yes = m.rsvp_yes + (case when new_answer = 'zusage' then 1 else 0 end) - (case when old_answer = 'zusage' then 1 else 0 end),
    rsvp_maybe = m.rsvp_maybe + (case when new_answer = 'vielleicht' then 1 else 0 end) - (case when old_answer = 'vielleicht' then 1 else 0 end),
    rsvp_no = m.rsvp_no + (case when new_answer = 'absage' then 1 else 0 end) - (case when old_answer = 'absage' then 1 else 0 end)
  where m.id = mt.id;
end
$$;

-- A member answers for themselves (zusage / vielleicht / absage), changeable until the start.
create or replace function public.set_rsvp(meeting_id uuid, answer text, comment text default null, delegate boolean default false)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
  org uuid;
  old_answer text;
begin
  if (select auth.uid()) is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if answer is null or answer not in ('zusage', 'vielleicht', 'absage') then
    raise exception 'TK_RSVP_INVALID' using errcode = 'P0001';
  end if;
  if length(comment) > 500 then
    raise exception 'TK_RSVP_COMMENT_TOO_LONG' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(comment, true);
  -- The row lock makes concurrent answers for one meeting count one after another.
  select * into mt from public.meetings m where m.id = set_rsvp.meeting_id for update;
  if not found or mt.network_id not in (select private.user_network_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  org := private.user_org_in_network(mt.network_id);
  select r.answer into old_answer from public.meeting_rsvps r
  where r.meeting_id = mt.id and r.user_id = (select auth.uid());
  perform private.apply_rsvp(mt, old_answer, answer);
  if coalesce(delegate, false) then
    update public.meeting_rsvps r set is_delegate = false
    where r.meeting_id = mt.id and r.org_id = org and r.user_id <> (select auth.uid());
  end if;
  insert into public.meeting_rsvps (meeting_id, user_id, org_id, answer, comment, is_delegate)
  values (mt.id, (select auth.uid()), org, answer, nullif(trim(comment), ''), coalesce(delegate, false) and answer <> 'absage')
  on conflict on constraint meeting_rsvps_pkey do update set
    answer = excluded.answer, comment = excluded.comment, is_delegate = excluded.is_delegate, updated_at = now();
  update public.meetings m set rsvp_orgs = (
    select count(distinct r.org_id) from public.meeting_rsvps r where r.meeting_id = m.id and r.answer = 'zusage')
  where m.id = mt.id;
end
$$;

-- Which Träger come, with how many, and who speaks for them: for everyone in the circle (names of
-- ordinary participants stay with the hosts and the own Träger; a delegate has put their name up).
create or replace function public.meeting_traeger_summary(meeting_id uuid)
returns table (org_id uuid, org_name text, zusagen int, vielleicht int, absagen int, delegate_name text, is_guest boolean)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.meetings m where m.id = meeting_traeger_summary.meeting_id
                 and m.network_id in (select private.user_network_ids())) then
    return;
  end if;
  return query
  select r.org_id, o.name,
    count(*) filter (where r.answer = 'zusage')::int,
    count(*) filter (where r.answer = 'vielleicht')::int,
    count(*) filter (where r.answer = 'absage')::int,
    (select p.full_name from public.meeting_rsvps d join public.profiles p on p.user_id = d.user_id
     where d.meeting_id = meeting_traeger_summary.meeting_id and d.org_id = r.org_id and d.is_delegate limit 1),
    false
  from public.meeting_rsvps r join public.organizations o on o.id = r.org_id
  where r.meeting_id = meeting_traeger_summary.meeting_id
  group by r.org_id, o.name
  union all
  select null::uuid, coalesce(nullif(g.org_name, ''), 'Gast'),
    count(*) filter (where g.answer = 'zusage')::int,
    count(*) filter (where g.answer = 'vielleicht')::int,
    count(*) filter (where g.answer = 'absage')::int,
    null::text, true
  from public.meeting_guests g
  where g.meeting_id = meeting_traeger_summary.meeting_id and g.answer is not null
  group by coalesce(nullif(g.org_name, ''), 'Gast')
  order by 2;
end
$$;

-- Guests -----------------------------------------------------------------------------------------

create or replace function private.new_guest(meeting uuid, name text, org_name text, email text,
  source text, answer text) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
  token text := replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
  new_id uuid;
  clean_email text := lower(trim(email));
begin
  select * into mt from public.meetings m where m.id = meeting for update;
  if name is null or length(trim(name)) < 2 or length(name) > 120 then
    raise exception 'TK_GUEST_NAME_INVALID' using errcode = 'P0001';
  end if;
  if length(org_name) > 200 then
    raise exception 'TK_GUEST_ORG_INVALID' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(name, false);
  perform private.check_meeting_text(org_name, false);
  if clean_email is null or clean_email !~ '^[^@[:space:][:cntrl:]]+@[^@[:space:][:cntrl:]]+\.[^@[:space:][:cntrl:]]+$'
     or length(clean_email) > 254 then
    raise exception 'TK_GUEST_EMAIL_INVALID' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.meeting_guests g where g.meeting_id = meeting and lower(g.email) = clean_email) then
    raise exception 'TK_GUEST_EXISTS' using errcode = 'P0001';
  end if;
  if answer is not null then
    perform private.apply_rsvp(mt, null, answer);
  elsif mt.status = 'cancelled' then
    raise exception 'TK_MEETING_CANCELLED' using errcode = 'P0001';
  elsif mt.starts_at <= now() then
    raise exception 'TK_MEETING_STARTED' using errcode = 'P0001';
  end if;
  insert into public.meeting_guests (meeting_id, name, org_name, email, token_hash, token_expires_at,
    answer, source, invited_by)
  values (meeting, trim(name), coalesce(trim(org_name), ''), clean_email,
    encode(sha256(convert_to(token, 'UTF8')), 'hex'), mt.ends_at + interval '30 days', answer, source,
    (select auth.uid()))
  returning id into new_id;
  perform private.enqueue_mail('meeting-notice', clean_email, private.meeting_mail_props(meeting)
    || jsonb_build_object('kind', case when source = 'public' then 'guest_registered' else 'guest_invitation' end,
                          'name', trim(name), 'email', clean_email, 'guest', true, 'guestToken', token));
  perform private.audit(case when source = 'public' then 'meeting.guest_registered' else 'meeting.guest_invited' end,
    mt.host_org_id, mt.network_id, 'meeting', meeting::text,
    jsonb_build_object('guest', trim(name), 'org_name', coalesce(trim(org_name), '')));
  return new_id;
end
$$;

-- A host invites a guest by email (an interested Träger, a Jugendamt, a speaker).
create or replace function public.invite_meeting_guest(meeting_id uuid, name text, org_name text, email text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
begin
  if not private.hosts_meeting(meeting_id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  return private.new_guest(meeting_id, name, org_name, email, 'invited', null);
end
$$;

-- "Als Gast anmelden" on the circle's public page: anyone, for the next open meeting of a public
-- circle that welcomes guests. At most 30 registrations per meeting and hour (the mails cost).
create or replace function public.register_meeting_guest(meeting_id uuid, name text, org_name text, email text)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
begin
  select * into mt from public.meetings m where m.id = register_meeting_guest.meeting_id;
  if not found or not mt.guests_welcome or not private.is_public_network(mt.network_id) or mt.status <> 'planned' then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  perform pg_advisory_xact_lock(hashtext('meeting_guests:' || mt.id::text));
  if (select count(*) from public.meeting_guests g
      where g.meeting_id = mt.id and g.source = 'public' and g.created_at > now() - interval '1 hour') >= 30 then
    raise exception 'TK_GUEST_BUSY' using errcode = 'P0001';
  end if;
  perform private.new_guest(mt.id, name, org_name, email, 'public', 'zusage');
end
$$;

-- public.guest_meeting (the guest's view through their token) is defined in
-- 20261207140000_hide_meeting_texts.sql: it leaves out texts hidden for Sozialdaten.


-- A guest answers through their token; meeting_id must be the token's meeting.
create or replace function public.guest_rsvp(token text, meeting_id uuid, answer text, comment text default null)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  g public.meeting_guests%rowtype;
  mt public.meetings%rowtype;
begin
  select * into g from public.meeting_guests x
  where x.token_hash = encode(sha256(convert_to(coalesce(token, ''), 'UTF8')), 'hex');
  if not found or g.token_expires_at < now() or g.meeting_id is distinct from guest_rsvp.meeting_id then
    raise exception 'TK_GUEST_TOKEN_INVALID' using errcode = 'P0001';
  end if;
  if answer is null or answer not in ('zusage', 'vielleicht', 'absage') then
    raise exception 'TK_RSVP_INVALID' using errcode = 'P0001';
  end if;
  if length(comment) > 500 then
    raise exception 'TK_RSVP_COMMENT_TOO_LONG' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(comment, true);
  select * into mt from public.meetings m where m.id = g.meeting_id for update;
  select * into g from public.meeting_guests x where x.id = g.id for update;
  perform private.apply_rsvp(mt, g.answer, answer);
  update public.meeting_guests x set answer = guest_rsvp.answer, comment = nullif(trim(guest_rsvp.comment), ''),
    updated_at = now()
  where x.id = g.id;
end
$$;

-- Date polls -------------------------------------------------------------------------------------

-- options: [{"day": "2026-10-21", "start_time": "10:00" | null}, …] (2–15, Berlin wall-clock time).
create or replace function public.create_date_poll(
  network uuid, host_org uuid, title text, description text, place text, gemeinde text,
  online_url text, duration_minutes int, deadline timestamptz, options jsonb,
  previous_meeting uuid default null
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  new_id uuid;
  opt jsonb;
  n int := 0;
  person record;
begin
  if (select auth.uid()) is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  -- Same host and text rules as a meeting; the times come with the options.
  perform private.check_meeting_fields(network, host_org, title, description, place, gemeinde, online_url,
    now() + interval '1 day', now() + interval '1 day' + make_interval(mins => greatest(coalesce(duration_minutes, 0), 1)),
    null, null);
  if duration_minutes is null or duration_minutes < 15 or duration_minutes > 1440 then
    raise exception 'TK_POLL_DURATION_INVALID' using errcode = 'P0001';
  end if;
  if options is null or jsonb_typeof(options) <> 'array' or jsonb_array_length(options) < 2
     or jsonb_array_length(options) > 15 then
    raise exception 'TK_POLL_OPTIONS_COUNT' using errcode = 'P0001';
  end if;
  if deadline is not null and deadline < now() then
    raise exception 'TK_POLL_DEADLINE_PAST' using errcode = 'P0001';
  end if;
  insert into public.date_polls (network_id, host_org_id, created_by, title, description, place, gemeinde,
    online_url, duration_minutes, deadline, previous_meeting_id)
  values (network, host_org, (select auth.uid()), trim(title), coalesce(description, ''), nullif(trim(place), ''),
    gemeinde, nullif(trim(online_url), ''), duration_minutes, deadline, previous_meeting)
  returning id into new_id;
  for opt in select value from jsonb_array_elements(options) loop
    n := n + 1;
    begin
      insert into public.poll_options (poll_id, position, day, start_time)
      values (new_id, n, (opt ->> 'day')::date, nullif(opt ->> 'start_time', '')::time);
    exception when invalid_datetime_format or datetime_field_overflow or invalid_text_representation then
      raise exception 'TK_POLL_OPTION_INVALID' using errcode = 'P0001';
    end;
    if (opt ->> 'day')::date < (now() at time zone 'Europe/Berlin')::date then
      raise exception 'TK_POLL_OPTION_PAST' using errcode = 'P0001';
    end if;
  end loop;
  if exists (select 1 from public.poll_options o where o.poll_id = new_id
             group by o.day, o.start_time having count(*) > 1) then
    raise exception 'TK_POLL_OPTION_DUPLICATE' using errcode = 'P0001';
  end if;
  -- Options in time order, positions dense.
  update public.poll_options o set position = o.position + 50 where o.poll_id = new_id;
  update public.poll_options o set position = s.rn
  from (select x.id, row_number() over (order by x.day, x.start_time nulls first) as rn
        from public.poll_options x where x.poll_id = new_id) s
  where o.id = s.id;
  perform private.audit('poll.created', host_org, network, 'date_poll', new_id::text,
    jsonb_build_object('title', trim(title), 'options', n));
  for person in select * from private.meeting_members(network) loop
    perform private.notify(person.user_id, 'poll.opened',
      jsonb_build_object('title', trim(title), 'deadline', deadline), '/treffen/umfragen/' || new_id);
    perform private.enqueue_mail('meeting-news', person.email, jsonb_build_object(
      'kind', 'poll_opened', 'name', person.full_name, 'title', trim(title), 'deadline', deadline,
      'path', '/treffen/umfragen/' || new_id));
  end loop;
  return new_id;
end
$$;

-- votes: {"<option id>": "ja" | "wenn_noetig" | "nein", …}; replaces the person's earlier votes.
create or replace function public.vote_date_poll(poll_id uuid, votes jsonb) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  p public.date_polls%rowtype;
  org uuid;
  entry record;
begin
  select * into p from public.date_polls x where x.id = vote_date_poll.poll_id;
  if not found or p.network_id not in (select private.user_network_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if p.status <> 'open' or (p.deadline is not null and p.deadline < now()) then
    raise exception 'TK_POLL_CLOSED' using errcode = 'P0001';
  end if;
  if votes is null or jsonb_typeof(votes) <> 'object' or votes = '{}'::jsonb then
    raise exception 'TK_POLL_VOTE_INVALID' using errcode = 'P0001';
  end if;
  org := private.user_org_in_network(p.network_id);
  for entry in select key, value from jsonb_each_text(votes) loop
    if entry.value not in ('ja', 'wenn_noetig', 'nein')
       or entry.key !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or not exists (select 1 from public.poll_options o where o.id = entry.key::uuid and o.poll_id = p.id) then
      raise exception 'TK_POLL_VOTE_INVALID' using errcode = 'P0001';
    end if;
    insert into public.poll_votes (option_id, poll_id, user_id, org_id, answer)
    values (entry.key::uuid, p.id, (select auth.uid()), org, entry.value)
    on conflict on constraint poll_votes_pkey do update set answer = excluded.answer, updated_at = now();
  end loop;
end
$$;

-- Closes the poll with the chosen option and creates the meeting (with its invitations) in the
-- same transaction. A date-only option needs the start time now; the Berlin wall-clock time
-- becomes an instant here, so a poll opened in summer for a winter date keeps its 10:00.
create or replace function public.close_date_poll(poll_id uuid, option_id uuid, start_time time default null)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  p public.date_polls%rowtype;
  o public.poll_options%rowtype;
  starts timestamptz;
  meeting uuid;
  person record;
begin
  select * into p from public.date_polls x where x.id = close_date_poll.poll_id for update;
  if not found or not private.hosts_poll(p.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if p.status <> 'open' then
    raise exception 'TK_POLL_ALREADY_CLOSED' using errcode = 'P0001';
  end if;
  select * into o from public.poll_options x where x.id = close_date_poll.option_id and x.poll_id = p.id;
  if not found then
    raise exception 'TK_POLL_OPTION_INVALID' using errcode = 'P0001';
  end if;
  if coalesce(o.start_time, close_date_poll.start_time) is null then
    raise exception 'TK_POLL_TIME_REQUIRED' using errcode = 'P0001';
  end if;
  starts := (o.day + coalesce(o.start_time, close_date_poll.start_time)) at time zone 'Europe/Berlin';
  meeting := private.create_meeting(p.network_id, p.host_org_id, p.title, p.description, p.place, p.gemeinde,
    p.online_url, starts, starts + make_interval(mins => p.duration_minutes), null, null, true,
    p.previous_meeting_id, p.id);
  update public.date_polls x set status = 'closed', chosen_option_id = o.id, meeting_id = meeting, closed_at = now()
  where x.id = p.id;
  perform private.audit('poll.closed', p.host_org_id, p.network_id, 'date_poll', p.id::text,
    jsonb_build_object('meeting_id', meeting, 'day', o.day));
  for person in select * from private.meeting_members(p.network_id) loop
    perform private.notify(person.user_id, 'poll.closed',
      jsonb_build_object('title', p.title, 'startsAt', starts), '/treffen/' || meeting);
  end loop;
  return meeting;
end
$$;

-- Agenda and topic proposals -------------------------------------------------------------------

create or replace function private.check_agenda_text(title text, description text) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if title is null or length(trim(title)) < 3 or length(title) > 200 then
    raise exception 'TK_AGENDA_TITLE_INVALID' using errcode = 'P0001';
  end if;
  if length(description) > 5000 then
    raise exception 'TK_AGENDA_DESCRIPTION_TOO_LONG' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(title, false);
  perform private.check_meeting_text(description, true);
end
$$;

-- Puts an item at a position of the meeting's agenda (1..n+1), shifting the others; at most 50.
create or replace function private.place_agenda_item(item uuid, meeting uuid, at_position int) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  n int;
  target int;
begin
  perform 1 from public.meetings m where m.id = meeting for update;
  select count(*) into n from public.agenda_items a
  where a.meeting_id = meeting and a.status = 'scheduled' and a.id <> item;
  if n >= 50 then
    raise exception 'TK_AGENDA_TOO_LONG' using errcode = 'P0001';
  end if;
  target := least(greatest(coalesce(at_position, n + 1), 1), n + 1);
  -- Take the item out, close the gap, open the slot (two passes keep the positions unique).
  update public.agenda_items a set position = null, status = 'proposed' where a.id = item;
  update public.agenda_items a set position = a.position + 100
  where a.meeting_id = meeting and a.status = 'scheduled';
  update public.agenda_items a set position = s.rn + case when s.rn >= target then 1 else 0 end
  from (select x.id, row_number() over (order by x.position) as rn from public.agenda_items x
        where x.meeting_id = meeting and x.status = 'scheduled') s
  where a.id = s.id;
  update public.agenda_items a set status = 'scheduled', meeting_id = meeting, position = target, updated_at = now()
  where a.id = item;
end
$$;

-- Hosts add or edit an agenda item (item_id null: new item at position, default the end).
create or replace function public.save_agenda_item(
  item_id uuid, meeting_id uuid, title text, description text, presenter_org uuid,
  minutes_planned int, at_position int default null
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
  new_id uuid := item_id;
begin
  mt := private.require_hosted_meeting(save_agenda_item.meeting_id);
  perform private.check_agenda_text(title, description);
  if minutes_planned is not null and (minutes_planned < 1 or minutes_planned > 480) then
    raise exception 'TK_AGENDA_MINUTES_INVALID' using errcode = 'P0001';
  end if;
  if presenter_org is not null and not private.org_in_network(presenter_org, mt.network_id) then
    raise exception 'TK_AGENDA_PRESENTER_INVALID' using errcode = 'P0001';
  end if;
  if new_id is null then
    insert into public.agenda_items (network_id, meeting_id, kind, status, title, description, presenter_org_id,
      minutes_planned, proposed_by)
    values (mt.network_id, mt.id, 'topic', 'proposed', trim(title), coalesce(description, ''), presenter_org,
      minutes_planned, (select auth.uid()))
    returning agenda_items.id into new_id;
    perform private.place_agenda_item(new_id, mt.id, at_position);
  else
    update public.agenda_items a set title = trim(save_agenda_item.title),
      description = coalesce(save_agenda_item.description, ''), presenter_org_id = presenter_org,
      minutes_planned = save_agenda_item.minutes_planned, updated_at = now()
    where a.id = item_id and a.meeting_id = mt.id and a.status = 'scheduled';
    if not found then
      raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
    end if;
    if at_position is not null then
      perform private.place_agenda_item(new_id, mt.id, at_position);
    end if;
  end if;
  return new_id;
end
$$;

-- Hosts take an item off the agenda: into the circle's topic pool (or deleted when pool = false).
create or replace function public.remove_agenda_item(item_id uuid, to_pool boolean default true) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  a public.agenda_items%rowtype;
begin
  select * into a from public.agenda_items x where x.id = item_id;
  if not found or a.meeting_id is null or not private.hosts_meeting(a.meeting_id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  perform 1 from public.meetings m where m.id = a.meeting_id for update;
  if to_pool and a.kind = 'topic' then
    update public.agenda_items x set status = 'pool', meeting_id = null, position = null, updated_at = now()
    where x.id = a.id;
  else
    delete from public.agenda_items x where x.id = a.id;
  end if;
  update public.agenda_items x set position = s.rn
  from (select y.id, row_number() over (order by y.position) as rn from public.agenda_items y
        where y.meeting_id = a.meeting_id and y.status = 'scheduled') s
  where x.id = s.id;
end
$$;

-- Any member of the circle proposes a topic for a meeting.
create or replace function public.propose_topic(meeting_id uuid, title text, description text, minutes_planned int default null)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
  new_id uuid;
  host record;
begin
  select * into mt from public.meetings m where m.id = propose_topic.meeting_id;
  if not found or mt.network_id not in (select private.user_network_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if mt.status = 'cancelled' then
    raise exception 'TK_MEETING_CANCELLED' using errcode = 'P0001';
  end if;
  if mt.starts_at <= now() then
    raise exception 'TK_MEETING_STARTED' using errcode = 'P0001';
  end if;
  perform private.check_agenda_text(title, description);
  if minutes_planned is not null and (minutes_planned < 1 or minutes_planned > 480) then
    raise exception 'TK_AGENDA_MINUTES_INVALID' using errcode = 'P0001';
  end if;
  if (select count(*) from public.agenda_items a where a.meeting_id = mt.id and a.status = 'proposed'
      and a.proposed_by = (select auth.uid())) >= 10 then
    raise exception 'TK_AGENDA_TOO_MANY_PROPOSALS' using errcode = 'P0001';
  end if;
  insert into public.agenda_items (network_id, meeting_id, kind, status, title, description, minutes_planned,
    proposed_by, proposed_by_org_id, presenter_org_id)
  values (mt.network_id, mt.id, 'topic', 'proposed', trim(title), coalesce(description, ''), minutes_planned,
    (select auth.uid()), private.user_org_in_network(mt.network_id), private.user_org_in_network(mt.network_id))
  returning agenda_items.id into new_id;
  for host in
    select distinct m.user_id from public.org_members m
    where (m.org_id = mt.host_org_id and m.role in ('owner', 'admin', 'coordinator'))
  loop
    perform private.notify(host.user_id, 'agenda.proposed',
      jsonb_build_object('topic', trim(title), 'meetingTitle', mt.title), '/treffen/' || mt.id || '#tagesordnung');
  end loop;
  return new_id;
end
$$;

-- The host decides on a proposal (or a pool topic): 'accept' (onto the agenda at a position, with
-- planned minutes), 'decline' (with a reason), 'pool' (kept for a later meeting).
create or replace function public.decide_topic(item_id uuid, decision text, meeting_id uuid default null,
  at_position int default null, minutes_planned int default null, reason text default null)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  a public.agenda_items%rowtype;
  target uuid;
begin
  select * into a from public.agenda_items x where x.id = item_id for update;
  target := coalesce(a.meeting_id, decide_topic.meeting_id);
  if not found or target is null or not private.hosts_meeting(target)
     or a.status not in ('proposed', 'pool')
     or not exists (select 1 from public.meetings m where m.id = target and m.network_id = a.network_id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if decision = 'accept' then
    if minutes_planned is not null and (minutes_planned < 1 or minutes_planned > 480) then
      raise exception 'TK_AGENDA_MINUTES_INVALID' using errcode = 'P0001';
    end if;
    update public.agenda_items x set minutes_planned = coalesce(decide_topic.minutes_planned, x.minutes_planned),
      decline_reason = null
    where x.id = a.id;
    perform private.place_agenda_item(a.id, target, at_position);
    perform private.audit('agenda.topic_accepted', null, a.network_id, 'agenda_item', a.id::text,
      jsonb_build_object('title', a.title, 'meeting_id', target));
    if a.proposed_by is not null then
      perform private.notify(a.proposed_by, 'agenda.accepted',
        jsonb_build_object('topic', a.title), '/treffen/' || target || '#tagesordnung');
    end if;
  elsif decision = 'decline' then
    if reason is null or length(trim(reason)) < 3 or length(reason) > 1000 then
      raise exception 'TK_AGENDA_REASON_REQUIRED' using errcode = 'P0001';
    end if;
    perform private.check_meeting_text(reason, true);
    update public.agenda_items x set status = 'declined', decline_reason = trim(reason), position = null,
      meeting_id = target, updated_at = now()
    where x.id = a.id;
    perform private.audit('agenda.topic_declined', null, a.network_id, 'agenda_item', a.id::text,
      jsonb_build_object('title', a.title, 'reason', trim(reason)));
    if a.proposed_by is not null then
      perform private.notify(a.proposed_by, 'agenda.declined',
        jsonb_build_object('topic', a.title, 'reason', trim(reason)), '/treffen/' || target || '#tagesordnung');
    end if;
  elsif decision = 'pool' then
    update public.agenda_items x set status = 'pool', meeting_id = null, position = null, updated_at = now()
    where x.id = a.id;
  else
    raise exception 'TK_AGENDA_DECISION_INVALID' using errcode = 'P0001';
  end if;
end
$$;

-- Minutes ----------------------------------------------------------------------------------------

-- The host names a Protokollant: a member of a Träger of the circle.
create or replace function public.set_protokollant(meeting_id uuid, user_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
begin
  mt := private.require_hosted_meeting(set_protokollant.meeting_id);
  if user_id is not null and not exists (select 1 from private.meeting_members(mt.network_id) mm where mm.user_id = set_protokollant.user_id) then
    raise exception 'TK_MINUTES_WRITER_INVALID' using errcode = 'P0001';
  end if;
  update public.meetings m set protokollant_id = set_protokollant.user_id where m.id = mt.id;
  if user_id is not null then
    perform private.notify(user_id, 'minutes.writer', jsonb_build_object('meetingTitle', mt.title),
      '/treffen/' || mt.id || '/protokoll');
  end if;
end
$$;

-- Saves the minutes as a new version (the host or the Protokollant). expected_version guards
-- against overwriting a colleague's save. Content at most 200,000 characters.
create or replace function public.save_minutes(meeting_id uuid, content jsonb, expected_version int, note text default null)
returns int
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
  m public.minutes%rowtype;
  next_version int;
begin
  mt := private.require_minutes_writer_meeting(save_minutes.meeting_id);
  if mt.status = 'cancelled' then
    raise exception 'TK_MEETING_CANCELLED' using errcode = 'P0001';
  end if;
  if mt.starts_at > now() + interval '1 day' then
    raise exception 'TK_MINUTES_TOO_EARLY' using errcode = 'P0001';
  end if;
  if content is null or jsonb_typeof(content) <> 'object' or jsonb_typeof(content -> 'items') is distinct from 'array' then
    raise exception 'TK_MINUTES_INVALID' using errcode = 'P0001';
  end if;
  if length(content::text) > 200000 then
    raise exception 'TK_MINUTES_TOO_LARGE' using errcode = 'P0001';
  end if;
  if length(note) > 500 then
    raise exception 'TK_MINUTES_NOTE_TOO_LONG' using errcode = 'P0001';
  end if;
  insert into public.minutes (meeting_id, network_id) values (mt.id, mt.network_id) on conflict do nothing;
  select * into m from public.minutes x where x.meeting_id = mt.id for update;
  -- Locked minutes stay as they are, unless they were hidden for Sozialdaten
  -- (20261207140000): then the hosts must be able to correct them.
  if m.status = 'locked' and not exists (select 1 from public.sozialdaten_hides h
      where h.subject_type = 'minutes' and h.subject_id = mt.id and h.released_at is null) then
    raise exception 'TK_MINUTES_LOCKED' using errcode = 'P0001';
  end if;
  if coalesce(expected_version, 0) <> m.current_version then
    raise exception 'TK_MINUTES_CHANGED' using errcode = 'P0001';
  end if;
  next_version := m.current_version + 1;
  insert into public.minutes_versions (meeting_id, version, content, note, created_by)
  values (mt.id, next_version, content, nullif(trim(note), ''), (select auth.uid()));
  -- Saving after approval starts a correction: a draft again, the approved version stays readable.
  update public.minutes x set current_version = next_version,
    status = case when x.status in ('approved', 'locked') then 'draft' else x.status end, updated_at = now()
  where x.meeting_id = mt.id;
  return next_version;
end
$$;

-- Circulates the latest version to the circle, with a comment window (days).
create or replace function public.circulate_minutes(meeting_id uuid, comment_days int default 7) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
  m public.minutes%rowtype;
  person record;
begin
  mt := private.require_minutes_writer_meeting(circulate_minutes.meeting_id);
  select * into m from public.minutes x where x.meeting_id = mt.id for update;
  if not found or m.current_version = 0 then
    raise exception 'TK_MINUTES_EMPTY' using errcode = 'P0001';
  end if;
  if m.status in ('approved', 'locked') then
    raise exception 'TK_MINUTES_LOCKED' using errcode = 'P0001';
  end if;
  if comment_days is null or comment_days < 1 or comment_days > 60 then
    raise exception 'TK_MINUTES_COMMENT_DAYS_INVALID' using errcode = 'P0001';
  end if;
  update public.minutes x set status = 'circulated', circulated_version = m.current_version,
    circulated_at = now(), comments_until = now() + make_interval(days => comment_days), updated_at = now()
  where x.meeting_id = mt.id;
  perform private.audit('minutes.circulated', mt.host_org_id, mt.network_id, 'meeting', mt.id::text,
    jsonb_build_object('version', m.current_version));
  for person in
    select mm.* from private.meeting_members(mt.network_id) mm
    where exists (select 1 from public.meeting_rsvps r where r.meeting_id = mt.id and r.user_id = mm.user_id
                  and r.answer in ('zusage', 'vielleicht'))
       or mm.user_id in (select om.user_id from public.org_members om where om.org_id = mt.host_org_id)
  loop
    perform private.notify(person.user_id, 'minutes.circulated',
      jsonb_build_object('meetingTitle', mt.title, 'commentsUntil', now() + make_interval(days => comment_days)),
      '/treffen/' || mt.id || '/protokoll');
    perform private.enqueue_mail('meeting-news', person.email, jsonb_build_object(
      'kind', 'minutes_circulated', 'name', person.full_name, 'title', mt.title,
      'deadline', now() + make_interval(days => comment_days), 'path', '/treffen/' || mt.id || '/protokoll'));
  end loop;
end
$$;

-- A member of the circle comments on circulated minutes while the window is open.
create or replace function public.comment_minutes(meeting_id uuid, body text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  m public.minutes%rowtype;
begin
  select * into m from public.minutes x where x.meeting_id = comment_minutes.meeting_id;
  if not found or m.network_id not in (select private.user_network_ids()) or m.circulated_version is null then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if m.status <> 'circulated' or m.comments_until < now() then
    raise exception 'TK_MINUTES_COMMENTS_CLOSED' using errcode = 'P0001';
  end if;
  if body is null or length(trim(body)) < 1 or length(body) > 2000 then
    raise exception 'TK_MINUTES_COMMENT_INVALID' using errcode = 'P0001';
  end if;
  perform private.check_meeting_text(body, true);
  insert into public.minutes_comments (meeting_id, version, user_id, org_id, body)
  values (m.meeting_id, m.circulated_version, (select auth.uid()), private.user_org_in_network(m.network_id), trim(body));
end
$$;

-- Who hears of an action item of a Träger without a named person: its owners, admins and
-- coordinators, or, when it has none, every member.
create or replace function private.action_item_contact(org uuid, member_role text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select member_role in ('owner', 'admin', 'coordinator')
    or not exists (select 1 from public.org_members x where x.org_id = org and x.role in ('owner', 'admin', 'coordinator'))
$$;

-- Approves the latest version (the host, after circulation): registers its decisions in the
-- circle's register (numbered per circle under the circle's row lock) and its action items, and
-- locks the minutes of earlier meetings of the circle (their approval was on this agenda).
-- Approving a correction updates the meeting's decisions and action items in place.
create or replace function public.approve_minutes(meeting_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  mt public.meetings%rowtype;
  m public.minutes%rowtype;
  v public.minutes_versions%rowtype;
  item jsonb;
  entry jsonb;
  idx int;
  key text;
  next_number int;
  action_id uuid;
  owner_org uuid;
  owner_user uuid;
  due date;
  person record;
begin
  mt := private.require_hosted_meeting(approve_minutes.meeting_id);
  perform 1 from public.networks n where n.id = mt.network_id for update;
  select * into m from public.minutes x where x.meeting_id = mt.id for update;
  if not found or m.current_version = 0 then
    raise exception 'TK_MINUTES_EMPTY' using errcode = 'P0001';
  end if;
  if m.status in ('approved', 'locked') then
    raise exception 'TK_MINUTES_LOCKED' using errcode = 'P0001';
  end if;
  if m.status <> 'circulated' or m.circulated_version <> m.current_version then
    raise exception 'TK_MINUTES_NOT_CIRCULATED' using errcode = 'P0001';
  end if;
  select * into v from public.minutes_versions x where x.meeting_id = mt.id and x.version = m.current_version;
  select coalesce(max(d.number), 0) into next_number from public.decisions d where d.network_id = mt.network_id;

  for item in select value from jsonb_array_elements(v.content -> 'items') loop
    idx := 0;
    for entry in select value from jsonb_array_elements(coalesce(item -> 'decisions', '[]'::jsonb)) loop
      idx := idx + 1;
      continue when nullif(trim(entry #>> '{}'), '') is null;
      key := coalesce(item ->> 'agenda_item_id', item ->> 'title', '') || ':' || idx;
      update public.decisions d set body = left(trim(entry #>> '{}'), 2000), agenda_title = coalesce(item ->> 'title', ''),
        updated_at = now()
      where d.meeting_id = mt.id and d.source_key = key;
      if not found then
        next_number := next_number + 1;
        insert into public.decisions (network_id, meeting_id, number, source_key, agenda_title, body)
        values (mt.network_id, mt.id, next_number, key, coalesce(item ->> 'title', ''), left(trim(entry #>> '{}'), 2000));
      end if;
    end loop;
    idx := 0;
    for entry in select value from jsonb_array_elements(coalesce(item -> 'actions', '[]'::jsonb)) loop
      idx := idx + 1;
      continue when nullif(trim(entry ->> 'title'), '') is null;
      key := coalesce(item ->> 'agenda_item_id', item ->> 'title', '') || ':' || idx;
      begin
        owner_org := (entry ->> 'owner_org_id')::uuid;
        owner_user := nullif(entry ->> 'owner_user_id', '')::uuid;
        due := nullif(entry ->> 'due_date', '')::date;
      exception when others then
        raise exception 'TK_MINUTES_ACTION_INVALID' using errcode = 'P0001';
      end;
      if owner_org is null or not private.org_in_network(owner_org, mt.network_id)
         or (owner_user is not null and not exists (select 1 from public.org_members om
                                                     where om.org_id = owner_org and om.user_id = owner_user)) then
        raise exception 'TK_MINUTES_ACTION_INVALID' using errcode = 'P0001';
      end if;
      insert into public.action_items (network_id, meeting_id, source_key, title, owner_org_id, owner_user_id, due_date)
      values (mt.network_id, mt.id, key, left(trim(entry ->> 'title'), 500), owner_org, owner_user, due)
      on conflict on constraint action_items_meeting_id_source_key_key do update set title = excluded.title, owner_org_id = excluded.owner_org_id,
        owner_user_id = excluded.owner_user_id, due_date = excluded.due_date, updated_at = now()
      returning id into action_id;
      for person in
        select p.user_id, p.email, p.full_name from public.profiles p
        where p.user_id = owner_user
           or (owner_user is null and p.user_id in (select om.user_id from public.org_members om
                                                    where om.org_id = owner_org and private.action_item_contact(om.org_id, om.role)))
      loop
        perform private.notify(person.user_id, 'action_item.assigned',
          jsonb_build_object('taskTitle', left(trim(entry ->> 'title'), 500), 'meetingTitle', mt.title, 'dueDate', due),
          '/treffen/aufgaben');
        perform private.enqueue_mail('meeting-news', person.email, jsonb_build_object(
          'kind', 'action_item_assigned', 'name', person.full_name, 'title', left(trim(entry ->> 'title'), 500),
          'meetingTitle', mt.title, 'dueDate', due, 'path', '/treffen/aufgaben'));
      end loop;
    end loop;
  end loop;

  update public.minutes x set status = 'approved', approved_version = m.current_version, approved_at = now(),
    approved_by = (select auth.uid()), updated_at = now()
  where x.meeting_id = mt.id;
  -- The earlier meetings' minutes are now settled for good.
  update public.minutes x set status = 'locked', locked_at = now()
  where x.network_id = mt.network_id and x.status = 'approved' and x.meeting_id <> mt.id
    and x.meeting_id in (select e.id from public.meetings e where e.network_id = mt.network_id and e.starts_at < mt.starts_at);
  perform private.audit('minutes.approved', mt.host_org_id, mt.network_id, 'meeting', mt.id::text,
    jsonb_build_object('version', m.current_version));
end
$$;

-- Action items: the owner Träger or the hosts mark them done (or open again).
create or replace function public.set_action_item_status(item_id uuid, status text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  a public.action_items%rowtype;
begin
  select * into a from public.action_items x where x.id = item_id for update;
  if not found or not (a.owner_org_id in (select private.user_org_ids()) or private.hosts_meeting(a.meeting_id)) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if status not in ('open', 'done') then
    raise exception 'TK_ACTION_STATUS_INVALID' using errcode = 'P0001';
  end if;
  update public.action_items x set status = set_action_item_status.status,
    done_at = case when set_action_item_status.status = 'done' then now() end, updated_at = now()
  where x.id = a.id;
  perform private.audit('action_item.updated', a.owner_org_id, a.network_id, 'action_item', a.id::text,
    jsonb_build_object('status', status));
end
$$;

-- Periodic job (app/.server/outbox/jobs.ts): reminders the day before a meeting, to people who
-- have not voted a day before a poll's deadline, and to owners three days before an action item
-- is due. Each runs once per row.
create or replace function private.run_meeting_jobs() returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  mt record;
  p record;
  a record;
  person record;
  meetings_reminded int := 0;
  polls_reminded int := 0;
  actions_reminded int := 0;
begin
  for mt in
    select x.id from public.meetings x
    where x.status = 'planned' and x.reminders_sent_at is null
      and x.starts_at > now() and x.starts_at <= now() + interval '1 day'
    for update skip locked
  loop
    perform private.send_meeting_notice(mt.id, 'reminder');
    update public.meetings x set reminders_sent_at = now() where x.id = mt.id;
    meetings_reminded := meetings_reminded + 1;
  end loop;
  for p in
    select x.* from public.date_polls x
    where x.status = 'open' and x.reminded_at is null and x.deadline is not null
      and x.deadline > now() and x.deadline <= now() + interval '1 day'
    for update skip locked
  loop
    for person in
      select mm.* from private.meeting_members(p.network_id) mm
      where not exists (select 1 from public.poll_votes v where v.poll_id = p.id and v.user_id = mm.user_id)
    loop
      perform private.notify(person.user_id, 'poll.reminder',
        jsonb_build_object('title', p.title, 'deadline', p.deadline), '/treffen/umfragen/' || p.id);
      perform private.enqueue_mail('meeting-news', person.email, jsonb_build_object(
        'kind', 'poll_reminder', 'name', person.full_name, 'title', p.title, 'deadline', p.deadline,
        'path', '/treffen/umfragen/' || p.id));
    end loop;
    update public.date_polls x set reminded_at = now() where x.id = p.id;
    polls_reminded := polls_reminded + 1;
  end loop;
  for a in
    select x.* from public.action_items x
    where x.status = 'open' and x.reminded_at is null and x.due_date is not null
      and x.due_date <= (now() at time zone 'Europe/Berlin')::date + 3
    for update skip locked
  loop
    for person in
      select p.user_id, p.email, p.full_name from public.profiles p
      where p.user_id = a.owner_user_id
         or (a.owner_user_id is null and p.user_id in (select om.user_id from public.org_members om
                                                       where om.org_id = a.owner_org_id and private.action_item_contact(om.org_id, om.role)))
    loop
      perform private.notify(person.user_id, 'action_item.due',
        jsonb_build_object('taskTitle', a.title, 'dueDate', a.due_date), '/treffen/aufgaben');
      perform private.enqueue_mail('meeting-news', person.email, jsonb_build_object(
        'kind', 'action_item_due', 'name', person.full_name, 'title', a.title, 'dueDate', a.due_date,
        'path', '/treffen/aufgaben'));
    end loop;
    update public.action_items x set reminded_at = now() where x.id = a.id;
    actions_reminded := actions_reminded + 1;
  end loop;
  return jsonb_build_object('meetingsReminded', meetings_reminded, 'pollsReminded', polls_reminded,
    'actionItemsReminded', actions_reminded);
end
$$;

-- public.network_next_meeting (the circle's public page: the next open meeting that welcomes
-- guests) is defined in 20261207140000_hide_meeting_texts.sql: it never announces a hidden meeting.


grant execute on function public.save_meeting(uuid, uuid, uuid, text, text, text, text, text, timestamptz, timestamptz, timestamptz, int, boolean, uuid),
  public.cancel_meeting(uuid, text), public.set_rsvp(uuid, text, text, boolean),
  public.meeting_traeger_summary(uuid), public.invite_meeting_guest(uuid, text, text, text),
  public.create_date_poll(uuid, uuid, text, text, text, text, text, int, timestamptz, jsonb, uuid),
  public.vote_date_poll(uuid, jsonb), public.close_date_poll(uuid, uuid, time),
  public.save_agenda_item(uuid, uuid, text, text, uuid, int, int), public.remove_agenda_item(uuid, boolean),
  public.propose_topic(uuid, text, text, int), public.decide_topic(uuid, text, uuid, int, int, text),
  public.set_protokollant(uuid, uuid), public.save_minutes(uuid, jsonb, int, text),
  public.circulate_minutes(uuid, int), public.comment_minutes(uuid, text), public.approve_minutes(uuid),
  public.set_action_item_status(uuid, text)
  to authenticated, service_role;
grant execute on function public.register_meeting_guest(uuid, text, text, text),
  public.guest_rsvp(text, uuid, text, text)
  to anon, authenticated, service_role;
grant execute on function private.run_meeting_jobs() to service_role;

-- Names next to RSVPs, for those allowed to see them (the hosts: every answer; everyone else:
-- their own Träger's). profiles' own policy would hide people of other Träger from the host.
create or replace function public.meeting_rsvp_names(meeting_id uuid)
returns table (user_id uuid, full_name text, org_id uuid, org_name text, answer text, comment text, is_delegate boolean)
language plpgsql stable security definer set search_path = ''
as $$
declare
  host boolean := private.hosts_meeting(meeting_rsvp_names.meeting_id);
begin
  return query
  select r.user_id, p.full_name, r.org_id, o.name, r.answer, r.comment, r.is_delegate
  from public.meeting_rsvps r
  join public.meetings mt on mt.id = r.meeting_id
  join public.organizations o on o.id = r.org_id
  left join public.profiles p on p.user_id = r.user_id
  where r.meeting_id = meeting_rsvp_names.meeting_id
    and mt.network_id in (select private.user_network_ids())
    and (host or r.user_id = (select auth.uid()) or r.org_id in (select private.user_org_ids()))
  order by o.name, p.full_name;
end
$$;

-- Who voted what in a date poll: visible within the circle, as the issue asks.
create or replace function public.poll_vote_names(poll_id uuid)
returns table (user_id uuid, full_name text, org_name text, option_id uuid, answer text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select v.user_id, p.full_name, o.name, v.option_id, v.answer
  from public.poll_votes v
  join public.date_polls dp on dp.id = v.poll_id
  join public.organizations o on o.id = v.org_id
  left join public.profiles p on p.user_id = v.user_id
  where v.poll_id = poll_vote_names.poll_id and dp.network_id in (select private.user_network_ids())
  order by o.name, p.full_name;
end
$$;

-- The people of the circle, for the hosts and the Protokollant: whom to name as Protokollant or
-- as the person responsible for an action item. Nobody else (and no guest) gets this list.
create or replace function public.meeting_people(meeting_id uuid)
returns table (user_id uuid, full_name text, org_id uuid, org_name text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if meeting_people.meeting_id not in (select private.minutes_writer_meeting_ids()) then
    return;
  end if;
  return query
  select distinct p.user_id, p.full_name, m.org_id, o.name
  from public.meetings mt
  join public.network_members nm on nm.network_id = mt.network_id and nm.status = 'active'
  join public.org_members m on m.org_id = nm.org_id
  join public.organizations o on o.id = m.org_id
  join public.profiles p on p.user_id = m.user_id
  where mt.id = meeting_people.meeting_id
  order by o.name, p.full_name;
end
$$;

grant execute on function public.meeting_rsvp_names(uuid), public.poll_vote_names(uuid), public.meeting_people(uuid)
  to authenticated, service_role;
