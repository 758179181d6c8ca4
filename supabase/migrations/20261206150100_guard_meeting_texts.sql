-- The database's Sozialdaten guard for the Kooperationstreffen (decision 013): the texts of a
-- meeting that other Träger (and invited guests) read refuse hard identifiers — phone numbers,
-- e-mail addresses, a street with a house number, a full date of birth, a name with an age, an
-- Aktenzeichen — behind publicText() in app/validation/meetings.ts and the minutes screen
-- (judgeMinutes in app/.server/meetings/minutes.ts). Names alone are not refused here.
--
-- Not guarded on purpose: the place of a meeting or poll (a meeting point is an address), the
-- name, Träger and e-mail address of a guest (the guest's own contact data, read by the hosts).
-- On update only a changed column is screened, so an old text never blocks a status change.

create trigger meetings_refuse_hard_sozialdaten before insert or update on public.meetings
  for each row execute function private.refuse_hard_sozialdaten('title', 'description', 'cancel_reason');
create trigger meeting_rsvps_refuse_hard_sozialdaten before insert or update on public.meeting_rsvps
  for each row execute function private.refuse_hard_sozialdaten('comment');
create trigger meeting_guests_refuse_hard_sozialdaten before insert or update on public.meeting_guests
  for each row execute function private.refuse_hard_sozialdaten('comment');
create trigger date_polls_refuse_hard_sozialdaten before insert or update on public.date_polls
  for each row execute function private.refuse_hard_sozialdaten('title', 'description');
create trigger agenda_items_refuse_hard_sozialdaten before insert or update on public.agenda_items
  for each row execute function private.refuse_hard_sozialdaten('title', 'description', 'decline_reason');
create trigger minutes_versions_refuse_hard_sozialdaten before insert or update on public.minutes_versions
  for each row execute function private.refuse_hard_sozialdaten('note');
create trigger minutes_comments_refuse_hard_sozialdaten before insert or update on public.minutes_comments
  for each row execute function private.refuse_hard_sozialdaten('body');
create trigger decisions_refuse_hard_sozialdaten before insert or update on public.decisions
  for each row execute function private.refuse_hard_sozialdaten('body', 'agenda_title');
create trigger action_items_refuse_hard_sozialdaten before insert or update on public.action_items
  for each row execute function private.refuse_hard_sozialdaten('title');

-- The minutes' content is JSON, not a text column: private.refuse_hard_sozialdaten would screen
-- its serialisation, where a line break is "\n" (a letter before a phone number hides it) and
-- the ids and dates of the structure look like numbers. So this trigger screens the texts the
-- writer typed — attendance, each item's title and notes, its decisions and action item titles —
-- each on its own, and raises the same TK_SOZIALDATEN.
create or replace function private.refuse_hard_sozialdaten_in_minutes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  piece text;
  kinds text[];
  found text[] := '{}';
  k text;
begin
  if tg_op = 'UPDATE' and new.content is not distinct from old.content then
    return new;
  end if;
  for piece in
    select v #>> '{}'
    from (
      select jsonb_path_query(new.content, 'lax $.attendance') as v
      union all select jsonb_path_query(new.content, 'lax $.items[*].title')
      union all select jsonb_path_query(new.content, 'lax $.items[*].notes')
      union all select jsonb_path_query(new.content, 'lax $.items[*].decisions[*]')
      union all select jsonb_path_query(new.content, 'lax $.items[*].actions[*].title')
    ) texts
    where jsonb_typeof(v) = 'string'
  loop
    kinds := private.sozialdaten_hard_kinds(piece);
    foreach k in array kinds loop
      if not (k = any (found)) then
        found := found || k;
      end if;
    end loop;
  end loop;
  if cardinality(found) > 0 then
    raise exception 'TK_SOZIALDATEN' using errcode = 'P0001',
      detail = 'content: ' || array_to_string(found, ','),
      hint = private.sozialdaten_kind_labels(found);
  end if;
  return new;
end
$$;

create trigger minutes_versions_refuse_hard_sozialdaten_in_content before insert or update on public.minutes_versions
  for each row execute function private.refuse_hard_sozialdaten_in_minutes();
