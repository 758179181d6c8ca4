-- Row-level security at its floor (issue 14): the membership helpers read the signed-in person's
-- memberships once per transaction instead of once per table a statement touches.
--
-- Before: every policy that says `org_id in (select private.user_org_ids())` ran the helper's query
-- again for each table of each statement (the board query ran five of them, the person's context
-- four), and the set-returning helpers were estimated at 1000 rows each. `npm run bench` measured
-- the list pages' SQL as the user at 1.4–1.9× the same SQL as the owner.
--
-- Now the first helper called in a transaction reads all of the person's memberships in one query
-- (their Träger with roles, their circles, the circles they coordinate, the Träger they may see)
-- into transaction-local settings (`traegerkreis.m_*`), and every helper after that reads those.
-- The settings are keyed by the person (auth.uid()), so switching claims inside a transaction
-- (the persona tests do) reads afresh, and any change to org_members or network_members in the
-- transaction forgets them (a statement trigger), so a Träger created or a circle joined is seen
-- by the next statement exactly as before. The helpers keep their names, signatures, grants and
-- results; the policies are unchanged. One difference in timing only: a membership change that
-- ANOTHER transaction commits while this one runs is seen from this transaction's next
-- transaction on (before: from its next statement). Requests are one short transaction each.
--
-- Trust: the settings are as trustworthy as request.jwt.claims itself (both are set by the
-- server inside the transaction; no person runs SQL of their own).
--
-- The helpers also tell the planner how many rows to expect (a handful, not 1000).

create or replace function private.load_memberships() returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  key text := coalesce(uid::text, 'none');
  orgs uuid[];
  roles text[];
  networks uuid[];
  coordinated uuid[];
  visible uuid[];
begin
  select coalesce(array_agg(m.org_id order by m.org_id), '{}'), coalesce(array_agg(m.role order by m.org_id), '{}')
    into orgs, roles
  from public.org_members m where m.user_id = uid;

  select coalesce(array_agg(distinct nm.network_id), '{}'),
         coalesce(array_agg(distinct nm.network_id) filter (
           where nm.role = 'coordinator' and m.role in ('owner', 'admin', 'coordinator')), '{}')
    into networks, coordinated
  from public.network_members nm
  join public.org_members m on m.org_id = nm.org_id
  where m.user_id = uid and nm.status = 'active';

  select coalesce(array_agg(x.org_id), '{}') into visible
  from (
    select unnest(orgs) as org_id
    union
    select nm.org_id from public.network_members nm
    where nm.status = 'active' and nm.network_id = any (networks)
  ) x;

  perform set_config('traegerkreis.m_orgs', orgs::text, true),
          set_config('traegerkreis.m_roles', roles::text, true),
          set_config('traegerkreis.m_networks', networks::text, true),
          set_config('traegerkreis.m_coordinated', coordinated::text, true),
          set_config('traegerkreis.m_visible', visible::text, true),
          set_config('traegerkreis.m_uid', key, true);
  return key;
end
$$;

-- Makes sure the settings hold the current person's memberships (reads them at most once). The
-- helpers below repeat its test inline (one function call less per helper call).
create or replace function private.ensure_memberships() returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
end
$$;

-- A change to memberships in this transaction: read them again on the next call.
create or replace function private.forget_memberships() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform set_config('traegerkreis.m_uid', '', true);
  return null;
end
$$;

drop trigger if exists forget_memberships on public.org_members;
create trigger forget_memberships after insert or update or delete or truncate on public.org_members
  for each statement execute function private.forget_memberships();
drop trigger if exists forget_memberships on public.network_members;
create trigger forget_memberships after insert or update or delete or truncate on public.network_members
  for each statement execute function private.forget_memberships();

-- Träger the current user belongs to.
create or replace function private.user_org_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 3
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
  return query select unnest(current_setting('traegerkreis.m_orgs')::uuid[]);
end
$$;

-- Träger where the current user has one of the given roles.
create or replace function private.user_org_ids_with_role(roles text[]) returns setof uuid
language plpgsql stable security definer set search_path = '' rows 3
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
  return query
  select x.org_id
  from unnest(current_setting('traegerkreis.m_orgs')::uuid[], current_setting('traegerkreis.m_roles')::text[]) as x(org_id, role)
  where x.role = any (roles);
end
$$;

-- Circles the current user's Träger belong to (active membership).
create or replace function private.user_network_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 3
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
  return query select unnest(current_setting('traegerkreis.m_networks')::uuid[]);
end
$$;

-- Circles the current user coordinates: owner, admin or coordinator of a coordinating Träger.
create or replace function private.coordinated_network_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 2
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
  return query select unnest(current_setting('traegerkreis.m_coordinated')::uuid[]);
end
$$;

-- Träger whose profile the current user may see: their own and every Träger in their circles.
create or replace function private.visible_org_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 200
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
  return query select unnest(current_setting('traegerkreis.m_visible')::uuid[]);
end
$$;

-- Only the helpers (security definer, run as the owner) call these.
revoke all on function private.load_memberships(), private.ensure_memberships(), private.forget_memberships()
  from public, anon, authenticated, service_role;
