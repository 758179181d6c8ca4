-- The hottest SELECT policies read the person's memberships as arrays (issue 14, RLS ≤ 1.2×).
-- `x in (select private.user_org_ids())` ran the set-returning helper as a hashed subplan: a
-- plpgsql RETURN QUERY (an SPI query of its own and a tuplestore) per policy per table of every
-- statement. The array helpers below return the transaction's remembered memberships (migration
-- 20261207130000) as one value, evaluated once per statement as an InitPlan
-- (`x = any ((select private.user_org_id_array())::uuid[])`), which the planner can also use as an index
-- condition. Same sets as the set-returning helpers, so every policy keeps its meaning exactly
-- (`x in (set)` and `x = any (array of the same set)` agree, nulls included); names unchanged.
-- The same for the remaining set-returning helpers of the SELECT policies on the list pages
-- (addressed and partner cover requests, co-organised and managed trainings, project workspaces,
-- the Sozialdaten hides: `x not in (set)` as `x <> all (array)`). An InitPlan in an OR runs only
-- when a row reaches it, so a board row the circle may see never computes the partner requests.

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

-- Träger where the person has one of the roles (user_org_ids_with_role as one value).
create or replace function private.user_org_id_array_with_role(roles text[]) returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
  return array(
    select x.org_id
    from unnest(current_setting('traegerkreis.m_orgs')::uuid[], current_setting('traegerkreis.m_roles')::text[]) as x(org_id, role)
    where x.role = any (roles));
end
$$;

-- The other set-returning helpers of the SELECT policies, as one value each (same sets; the
-- policies below read them as `= any` / `<> all` of an InitPlan, evaluated at most once per
-- statement and only when a row gets that far in the policy's OR).
create or replace function private.addressed_cover_request_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(select x.request_id from public.cover_request_recipients x
                 where x.org_id = any (private.user_org_id_array()));
end
$$;

create or replace function private.partner_cover_request_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(select private.partner_cover_request_ids());
end
$$;

create or replace function private.co_organized_training_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(select c.training_id from public.training_co_organizers c
                 where c.org_id = any (private.user_org_id_array()));
end
$$;

-- managed_training_ids: the trainings of the person's Träger where they are owner, admin or
-- coordinator, and those their Träger co-organises in such a role.
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

create or replace function private.workspace_project_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(select pp.project_id from public.project_partners pp
                 where pp.status = 'active' and pp.org_id = any (private.user_org_id_array()));
end
$$;

-- Sozialdaten hides (20261206120100): subjects of the kind hidden for the person — hidden by
-- another Träger, except a cover request on which one of the person's Träger has the accepted
-- offer. hidden_subject_ids(kind) returns the same set (it reads this).
create or replace function private.hidden_subject_id_array(kind text) returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(
      select h.subject_id from public.sozialdaten_hides h
      where h.released_at is null and h.subject_type = kind
        and not (h.org_id = any (private.user_org_id_array()))
        and not (kind = 'cover_request' and exists (
          select 1 from public.cover_offers o
          where o.request_id = h.subject_id and o.status = 'accepted'
            and o.org_id = any (private.user_org_id_array()))));
end
$$;

create or replace function private.hidden_subject_ids(kind text) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select unnest(private.hidden_subject_id_array(kind));
end
$$;

-- Circles the person coordinates (coordinated_network_ids as one value).
create or replace function private.coordinated_network_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_uid', true) is distinct from coalesce((select auth.uid())::text, 'none') then
    perform private.load_memberships();
  end if;
  return current_setting('traegerkreis.m_coordinated')::uuid[];
end
$$;

-- hosted_meeting_ids and minutes_writer_meeting_ids (20261206130000) as one value each.
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

revoke all on function private.user_org_id_array_with_role(text[]), private.addressed_cover_request_id_array(),
  private.partner_cover_request_id_array(), private.co_organized_training_id_array(), private.managed_training_id_array(),
  private.workspace_project_id_array(), private.hidden_subject_id_array(text), private.coordinated_network_id_array(),
  private.hosted_meeting_id_array(), private.minutes_writer_meeting_id_array() from public;
grant execute on function private.user_org_id_array_with_role(text[]), private.addressed_cover_request_id_array(),
  private.partner_cover_request_id_array(), private.co_organized_training_id_array(), private.managed_training_id_array(),
  private.workspace_project_id_array(), private.hidden_subject_id_array(text), private.coordinated_network_id_array(),
  private.hosted_meeting_id_array(), private.minutes_writer_meeting_id_array() to authenticated, service_role;

alter policy "members of a circle can read it" on public.networks
  using (id = any ((select private.user_network_id_array())::uuid[]));

-- organizations keeps `id in (select private.visible_org_ids())` (20261125100200): the planner
-- takes an array parameter for ten elements, so it took 10 of 200 Träger as visible and the board
-- (which joins every request's Träger) read all open requests of the circle Träger by Träger and
-- sorted them instead of walking cover_requests_board_idx for 21 rows (7 ms instead of 1.5 ms at
-- bench scale 0.1). visible_org_ids declares rows 200, which is the realistic estimate.

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
    or (status <> 'draft' and id = any ((select private.addressed_cover_request_id_array())::uuid[]))
    or (status <> 'draft' and partners_at <= now() and id = any ((select private.partner_cover_request_id_array())::uuid[]))
  );

alter policy "the circle reads published trainings, the organising Träger also their drafts" on public.trainings
  using (
    (status <> 'draft' and network_id = any ((select private.user_network_id_array())::uuid[]))
    or org_id = any ((select private.user_org_id_array())::uuid[])
    or id = any ((select private.co_organized_training_id_array())::uuid[])
  );

alter policy "the circle reads its meetings" on public.meetings
  using (network_id = any ((select private.user_network_id_array())::uuid[]));

alter policy "the offering and the requesting Träger can read an offer" on public.cover_offers
  using (org_id = any ((select private.user_org_id_array())::uuid[])
         or request_org_id = any ((select private.user_org_id_array())::uuid[]));

alter policy "the person, their Träger's admins and the organisers see it" on public.training_registrations
  using (
    user_id = (select auth.uid())
    or org_id = any ((select private.user_org_id_array_with_role(array['owner', 'admin']))::uuid[])
    or (user_id is null and org_id = any ((select private.user_org_id_array_with_role(array['owner', 'admin', 'coordinator']))::uuid[]))
    or training_id = any ((select private.managed_training_id_array())::uuid[])
  );

-- Sozialdaten hides: `id not in (set)` and `id <> all (array of the same set)` agree, nulls included.
alter policy "a text hidden for Sozialdaten is seen only by the author's Träger" on public.cover_requests
  using (id <> all ((select private.hidden_subject_id_array('cover_request'))::uuid[]));
alter policy "an offer hidden for Sozialdaten is seen only by the offering Träger" on public.cover_offers
  using (id <> all ((select private.hidden_subject_id_array('cover_offer'))::uuid[]));
alter policy "a training hidden for Sozialdaten is seen only by the organising Träger" on public.trainings
  using (id <> all ((select private.hidden_subject_id_array('training'))::uuid[]));

-- Projects (20261207110000, 20261207110200).
alter policy "the circle reads its project ideas, a Träger its drafts" on public.projects
  using ((status <> 'draft' and network_id = any ((select private.user_network_id_array())::uuid[]))
         or id = any ((select private.workspace_project_id_array())::uuid[]));
alter policy "an idea hidden for Sozialdaten is seen only by the project's partners" on public.projects
  using (id <> all ((select private.hidden_subject_id_array('project'))::uuid[])
         or id = any ((select private.workspace_project_id_array())::uuid[]));
alter policy "the circle reads the partners, the partners every request, a Träger its own" on public.project_partners
  using (org_id = any ((select private.user_org_id_array())::uuid[])
         or project_id = any ((select private.workspace_project_id_array())::uuid[])
         or (status = 'active' and project_id in (select p.id from public.projects p
                                                  where p.status <> 'draft'
                                                    and p.network_id = any ((select private.user_network_id_array())::uuid[]))));
alter policy "the partners read the updates" on public.project_updates
  using (project_id = any ((select private.workspace_project_id_array())::uuid[]));
alter policy "an update hidden for Sozialdaten is seen only by the posting Träger" on public.project_updates
  using (id <> all ((select private.hidden_subject_id_array('project_update'))::uuid[]));
alter policy "the partners read the comments" on public.project_comments
  using (project_id = any ((select private.workspace_project_id_array())::uuid[]));
alter policy "the comments of a hidden update are hidden with it" on public.project_comments
  using (update_id <> all ((select private.hidden_subject_id_array('project_update'))::uuid[]));
alter policy "the partners read the tasks" on public.project_tasks
  using (project_id = any ((select private.workspace_project_id_array())::uuid[]));
alter policy "the partners read the links" on public.project_links
  using (project_id = any ((select private.workspace_project_id_array())::uuid[]));
alter policy "the partners read the key dates" on public.project_dates
  using (project_id = any ((select private.workspace_project_id_array())::uuid[]));

-- Meetings (20261206130000; the Sozialdaten hides of 20261207140000 read the arrays there).
alter policy "hosts, the person and their Träger read RSVPs" on public.meeting_rsvps
  using (user_id = (select auth.uid())
         or org_id = any ((select private.user_org_id_array())::uuid[])
         or meeting_id = any ((select private.hosted_meeting_id_array())::uuid[]));
alter policy "the circle reads agendas and the topic pool; proposals their authors and the hosts" on public.agenda_items
  using ((status in ('scheduled', 'pool') and network_id = any ((select private.user_network_id_array())::uuid[]))
         or proposed_by_org_id = any ((select private.user_org_id_array())::uuid[])
         or meeting_id = any ((select private.hosted_meeting_id_array())::uuid[]));
alter policy "the circle reads the state of minutes" on public.minutes
  using (network_id = any ((select private.user_network_id_array())::uuid[]));
alter policy "the circle reads its date polls" on public.date_polls
  using (network_id = any ((select private.user_network_id_array())::uuid[]));
alter policy "the circle reads its decisions" on public.decisions
  using (network_id = any ((select private.user_network_id_array())::uuid[]));
alter policy "the circle reads its action items" on public.action_items
  using (network_id = any ((select private.user_network_id_array())::uuid[]));
