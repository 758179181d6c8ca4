-- The row-level-security helpers in plpgsql instead of sql, same bodies, same results.
-- Why: a security-definer sql function with `set search_path` cannot be inlined, and a non-inlined
-- sql function parses and plans its body again on every call. The directory page calls three of
-- them per request (its own circle filter, and the policies of organizations and network_members),
-- so that planning was most of what RLS cost: `npm run bench` measured the directory's SQL as the
-- user at 1.6–1.9× the time as service_role. plpgsql keeps each statement's plan for the session
-- (the connection), so only the first call on a connection plans. Grants and the policies that
-- use the helpers stay as they are (create or replace keeps both).

-- Träger the current user belongs to.
create or replace function private.user_org_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select m.org_id from public.org_members m where m.user_id = (select auth.uid());
end
$$;

-- Träger where the current user has one of the given roles.
create or replace function private.user_org_ids_with_role(roles text[]) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select m.org_id from public.org_members m
  where m.user_id = (select auth.uid()) and m.role = any (roles);
end
$$;

-- Circles the current user's Träger belong to (active membership).
create or replace function private.user_network_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select distinct nm.network_id from public.network_members nm
  join public.org_members m on m.org_id = nm.org_id
  where m.user_id = (select auth.uid()) and nm.status = 'active';
end
$$;

-- Circles the current user coordinates: owner, admin or coordinator of a coordinating Träger.
create or replace function private.coordinated_network_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select distinct nm.network_id from public.network_members nm
  join public.org_members m on m.org_id = nm.org_id
  where m.user_id = (select auth.uid())
    and m.role in ('owner', 'admin', 'coordinator')
    and nm.role = 'coordinator' and nm.status = 'active';
end
$$;

-- Träger whose profile the current user may see: their own and every Träger in their circles.
create or replace function private.visible_org_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select m.org_id from public.org_members m where m.user_id = (select auth.uid())
  union
  select nm.org_id from public.network_members nm
  where nm.status = 'active' and nm.network_id in (
    select nm2.network_id from public.network_members nm2
    join public.org_members m2 on m2.org_id = nm2.org_id
    where m2.user_id = (select auth.uid()) and nm2.status = 'active'
  );
end
$$;

-- People whose profile the current user may see: colleagues in their own Träger, and the
-- Ansprechpersonen of every Träger they can see.
create or replace function private.visible_user_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select m.user_id from public.org_members m
  where m.org_id in (select x.org_id from public.org_members x where x.user_id = (select auth.uid()))
  union
  select m.user_id from public.org_members m
  where m.is_contact_person and m.org_id in (select private.visible_org_ids());
end
$$;
