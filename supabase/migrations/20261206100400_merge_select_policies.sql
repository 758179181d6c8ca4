-- One permissive SELECT policy per table where there were several (Supabase's advisor: multiple
-- permissive policies, each evaluated for every row). The conditions are the same as before,
-- joined with OR; each part keeps its own line and comment, and the persona tests are unchanged.

-- audit_log: a Träger's admins read its entries; a circle's coordinators read the circle's.
drop policy "admins of a Träger can read its audit log" on public.audit_log;
drop policy "coordinators of a circle can read its audit log" on public.audit_log;
create policy "Träger admins read its entries, coordinators their circle's"
  on public.audit_log for select to authenticated
  using (
    org_id in (select private.user_org_ids_with_role(array['owner', 'admin']))
    or network_id in (select private.coordinated_network_ids())
  );

-- cover_requests: the requesting Träger (drafts included); the circle once published and open
-- to it (addressing 'circle' or widen_at passed); the addressed Träger once published.
drop policy "members of a Träger can read its requests, drafts included" on public.cover_requests;
drop policy "the circle can read published requests that are open to the whole circle" on public.cover_requests;
drop policy "addressed Träger can read published requests addressed to them" on public.cover_requests;
create policy "own Träger reads its requests, circle/addressees once published"
  on public.cover_requests for select to authenticated
  using (
    -- the requesting Träger, drafts included
    org_id in (select private.user_org_ids())
    -- the circle, once published and open to the whole circle
    or (status <> 'draft' and network_id in (select private.user_network_ids())
        and (addressing = 'circle' or widen_at <= now()))
    -- the Träger it is addressed to first, once published
    or (status <> 'draft' and id in (select private.addressed_cover_request_ids()))
  );

-- org_members: a Träger's members see all its members; the circle sees its Ansprechpersonen.
drop policy "members of a Träger can see its members" on public.org_members;
drop policy "the circle can see a Träger's Ansprechpersonen" on public.org_members;
create policy "members see their Träger's members, the circle its contacts"
  on public.org_members for select to authenticated
  using (
    org_id in (select private.user_org_ids())
    or (is_contact_person and org_id in (select private.visible_org_ids()))
  );

-- profiles: one's own; colleagues' and the circle's contact people's.
drop policy "people can read their own profile" on public.profiles;
drop policy "colleagues and the circle can read the profiles they may see" on public.profiles;
create policy "people read their own profile and those they may see"
  on public.profiles for select to authenticated
  using (
    user_id = (select auth.uid())
    or user_id in (select private.visible_user_ids())
  );

-- training_registrations: the person; the Träger's admins (coordinators: its client seats); the
-- organisers of the training.
drop policy "people see their own registrations" on public.training_registrations;
drop policy "admins of a Träger see its registrations, coordinators its client seats" on public.training_registrations;
drop policy "organisers see the registrations of their trainings" on public.training_registrations;
create policy "the person, their Träger's admins and the organisers see it"
  on public.training_registrations for select to authenticated
  using (
    user_id = (select auth.uid())
    or org_id in (select private.user_org_ids_with_role(array['owner', 'admin']))
    or (user_id is null and org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])))
    or training_id in (select private.managed_training_ids())
  );
