-- The hottest SELECT policies read the person's memberships as arrays (issue 14, RLS ≤ 1.2×).
-- `x in (select private.user_org_ids())` ran the set-returning helper as a hashed subplan: a
-- plpgsql RETURN QUERY (an SPI query of its own and a tuplestore) per policy per table of every
-- statement. The array helpers below return the transaction's remembered memberships (migration
-- 20261207130000) as one value, evaluated once per statement as an InitPlan
-- (`x = any ((select private.user_org_id_array())::uuid[])`), which the planner can also use as an index
-- condition. Same sets as the set-returning helpers, so every policy keeps its meaning exactly
-- (`x in (set)` and `x = any (array of the same set)` agree, nulls included); names unchanged.

create or replace function private.user_org_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
  return current_setting('traegerkreis.m_orgs')::uuid[];
end
$$;

create or replace function private.user_network_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
  return current_setting('traegerkreis.m_networks')::uuid[];
end
$$;

create or replace function private.visible_org_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
  return current_setting('traegerkreis.m_visible')::uuid[];
end
$$;

revoke all on function private.user_org_id_array(), private.user_network_id_array(), private.visible_org_id_array() from public;
grant execute on function private.user_org_id_array(), private.user_network_id_array(), private.visible_org_id_array()
  to authenticated, service_role;

alter policy "members of a circle can read it" on public.networks
  using (id = any ((select private.user_network_id_array())::uuid[]));

alter policy "members of a circle can read the profiles of its Träger" on public.organizations
  using (id = any ((select private.visible_org_id_array())::uuid[]));

alter policy "members of a circle can see who belongs to it" on public.network_members
  using (
    network_id = any ((select private.user_network_id_array())::uuid[])
    or org_id = any ((select private.user_org_id_array())::uuid[])
  );

alter policy "members see their Träger's members, the circle its contacts" on public.org_members
  using (
    org_id = any ((select private.user_org_id_array())::uuid[])
    or (is_contact_person and org_id = any ((select private.visible_org_id_array())::uuid[]))
  );

-- cover_requests: the requesting Träger (drafts included); the circle once published and open
-- to it (addressing 'circle' or widen_at passed); the addressed Träger once published; the
-- partner Träger once partners_at has passed (the escalation's step 2, 20261207120100).
alter policy "own Träger reads its requests, circle/addressees once published" on public.cover_requests
  using (
    org_id = any ((select private.user_org_id_array())::uuid[])
    or (status <> 'draft' and network_id = any ((select private.user_network_id_array())::uuid[])
        and (addressing = 'circle' or widen_at <= now()))
    or (status <> 'draft' and id in (select private.addressed_cover_request_ids()))
    or (status <> 'draft' and partners_at <= now() and id in (select private.partner_cover_request_ids()))
  );

alter policy "the circle reads published trainings, the organising Träger also their drafts" on public.trainings
  using (
    (status <> 'draft' and network_id = any ((select private.user_network_id_array())::uuid[]))
    or org_id = any ((select private.user_org_id_array())::uuid[])
    or id in (select private.co_organized_training_ids())
  );

alter policy "the circle reads its meetings" on public.meetings
  using (network_id = any ((select private.user_network_id_array())::uuid[]));
