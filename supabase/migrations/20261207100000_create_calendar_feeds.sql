-- Kalender (issue 9): subscribed iCalendar feeds.
--
-- A feed is a secret URL (/kalender/<token>.ics) that a calendar program polls without a session.
-- The table keeps only the sha256 of the token, so a leaked row cannot be used as a URL. Two kinds:
--   person   one per person: what that person may see, read under RLS as that person;
--   traeger  one per Träger, created by its owners/admins for a shared team calendar: what every
--            member of the Träger may see, read under RLS as the admin who created it, limited by
--            the app to the Träger's own circle items (never personal registrations); it stops
--            working when that person is no longer owner/admin of the Träger.
-- Revoking deletes the row, so the old URL answers 404 at once; renewing is revoke + create.
-- Every write is a function that records creation and revocation in the audit log.

create table public.calendar_feeds (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('person', 'traeger')),
  -- The person (kind person) or the admin who created the Träger feed and whose rights it reads with.
  user_id uuid not null references auth.users (id) on delete cascade,
  org_id uuid references public.organizations (id) on delete cascade,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  constraint calendar_feeds_org_for_traeger check ((kind = 'traeger') = (org_id is not null))
);
create unique index calendar_feeds_one_per_person on public.calendar_feeds (user_id) where kind = 'person';
create unique index calendar_feeds_one_per_traeger on public.calendar_feeds (org_id) where kind = 'traeger';
create index calendar_feeds_user_id_idx on public.calendar_feeds (user_id);
create index calendar_feeds_org_id_idx on public.calendar_feeds (org_id);

alter table public.calendar_feeds enable row level security;
revoke all on public.calendar_feeds from anon, authenticated;
-- The hash is nobody's business in the app: the API reads every column but it.
grant select (id, kind, user_id, org_id, created_at) on public.calendar_feeds to authenticated;
grant select, insert, update, delete on public.calendar_feeds to service_role;

create policy "a person reads their own feed, owners and admins their Träger's feed"
  on public.calendar_feeds for select to authenticated
  using ((kind = 'person' and user_id = (select auth.uid()))
         or (kind = 'traeger' and org_id = any ((select private.user_org_id_array_with_role(array['owner', 'admin']))::uuid[])));

-- The token comes from the app (32 random bytes, base64url: 43 characters) and is shown once.
create or replace function private.calendar_token_hash(token text) returns text
language plpgsql immutable set search_path = ''
as $$
begin
  if token is null or token !~ '^[A-Za-z0-9_-]{43}$' then
    raise exception 'TK_CALENDAR_TOKEN_INVALID' using errcode = 'P0001';
  end if;
  return encode(sha256(convert_to(token, 'UTF8')), 'hex');
end
$$;

-- Creates (or renews) the signed-in person's feed with the given token; the old URL stops working.
create or replace function public.create_calendar_feed(token text) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  old_id uuid;
  new_id uuid;
  hash text := private.calendar_token_hash(token);
begin
  if me is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  -- One per person, also under a double click: the person's feeds are changed one at a time.
  perform pg_advisory_xact_lock(hashtextextended('calendar_feed:' || me::text, 0));
  delete from public.calendar_feeds f where f.kind = 'person' and f.user_id = me returning f.id into old_id;
  if old_id is not null then
    perform private.audit('calendar_feed.revoked', null, null, 'calendar_feed', old_id::text,
      jsonb_build_object('kind', 'person', 'renewed', true));
  end if;
  insert into public.calendar_feeds (kind, user_id, token_hash) values ('person', me, hash) returning id into new_id;
  perform private.audit('calendar_feed.created', null, null, 'calendar_feed', new_id::text,
    jsonb_build_object('kind', 'person'));
  return new_id;
end
$$;

-- Revokes the signed-in person's feed (nothing to revoke is no error: a second click changes nothing).
create or replace function public.revoke_calendar_feed() returns boolean
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  old_id uuid;
begin
  if me is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('calendar_feed:' || me::text, 0));
  delete from public.calendar_feeds f where f.kind = 'person' and f.user_id = me returning f.id into old_id;
  if old_id is null then
    return false;
  end if;
  perform private.audit('calendar_feed.revoked', null, null, 'calendar_feed', old_id::text,
    jsonb_build_object('kind', 'person'));
  return true;
end
$$;

-- The Träger's shared feed: owners and admins create, renew and revoke it.
create or replace function public.create_traeger_calendar_feed(org uuid, token text) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  old_id uuid;
  new_id uuid;
  hash text := private.calendar_token_hash(token);
begin
  if me is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if org is null or org not in (select private.user_org_ids_with_role(array['owner', 'admin'])) then
    raise exception 'TK_CALENDAR_FEED_NOT_ADMIN' using errcode = 'P0001';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('calendar_feed:' || org::text, 0));
  delete from public.calendar_feeds f where f.kind = 'traeger' and f.org_id = org returning f.id into old_id;
  if old_id is not null then
    perform private.audit('calendar_feed.revoked', org, null, 'calendar_feed', old_id::text,
      jsonb_build_object('kind', 'traeger', 'renewed', true));
  end if;
  insert into public.calendar_feeds (kind, user_id, org_id, token_hash) values ('traeger', me, org, hash)
    returning id into new_id;
  perform private.audit('calendar_feed.created', org, null, 'calendar_feed', new_id::text,
    jsonb_build_object('kind', 'traeger'));
  return new_id;
end
$$;

create or replace function public.revoke_traeger_calendar_feed(org uuid) returns boolean
language plpgsql security definer set search_path = ''
as $$
declare
  old_id uuid;
begin
  if (select auth.uid()) is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if org is null or org not in (select private.user_org_ids_with_role(array['owner', 'admin'])) then
    raise exception 'TK_CALENDAR_FEED_NOT_ADMIN' using errcode = 'P0001';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('calendar_feed:' || org::text, 0));
  delete from public.calendar_feeds f where f.kind = 'traeger' and f.org_id = org returning f.id into old_id;
  if old_id is null then
    return false;
  end if;
  perform private.audit('calendar_feed.revoked', org, null, 'calendar_feed', old_id::text,
    jsonb_build_object('kind', 'traeger'));
  return true;
end
$$;

-- The calendar program's request (anon, no session): whose feed a token opens. Answers nothing
-- for an unknown or malformed token, and nothing for a Träger feed whose creator is no longer
-- owner/admin of the Träger. The app then reads the feed's entries as that person (asUser), so
-- row-level security decides what the feed holds.
create or replace function public.calendar_feed_for_token(token text)
returns table (feed_id uuid, kind text, user_id uuid, email text, org_id uuid, org_name text, created_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select f.id, f.kind, f.user_id, u.email::text, f.org_id, o.name, f.created_at
  from public.calendar_feeds f
  join auth.users u on u.id = f.user_id
  left join public.organizations o on o.id = f.org_id
  where token is not null and token ~ '^[A-Za-z0-9_-]{43}$'
    and f.token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex')
    and (f.kind = 'person'
         or exists (select 1 from public.org_members m
                    where m.org_id = f.org_id and m.user_id = f.user_id and m.role in ('owner', 'admin')))
$$;

revoke all on function private.calendar_token_hash(text), public.create_calendar_feed(text),
  public.revoke_calendar_feed(), public.create_traeger_calendar_feed(uuid, text),
  public.revoke_traeger_calendar_feed(uuid), public.calendar_feed_for_token(text) from public;
grant execute on function public.create_calendar_feed(text), public.revoke_calendar_feed(),
  public.create_traeger_calendar_feed(uuid, text), public.revoke_traeger_calendar_feed(uuid)
  to authenticated, service_role;
grant execute on function public.calendar_feed_for_token(text) to anon, authenticated, service_role;
grant execute on function private.calendar_token_hash(text) to service_role;
