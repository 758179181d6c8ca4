-- Admitting a join request now also tells the circle: the owners and admins of the circle's
-- other active Träger get a "Neu im Kreis" notification that links to the new Träger's profile.
-- Only owners and admins (they decide with whom their Träger works), not every member; the
-- coordinator who admitted it knows already. The rest of the body is unchanged from
-- 20261125100300_create_invitations_and_join_requests.sql.
create or replace function public.admit_join_request(request_id uuid) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  req public.join_requests%rowtype;
  base_slug text;
  candidate text;
  n int := 1;
  new_org uuid;
  net public.networks%rowtype;
  colleague record;
begin
  select * into req from public.join_requests j where j.id = request_id for update;
  if not found or req.network_id not in (select private.coordinated_network_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.status <> 'open' then
    raise exception 'TK_ALREADY_DECIDED' using errcode = 'P0001';
  end if;
  select * into net from public.networks n where n.id = req.network_id;

  base_slug := left(coalesce(nullif(private.slugify(req.org_name), ''), 'traeger'), 70);
  candidate := base_slug;
  while exists (select 1 from public.organizations o where o.slug = candidate) loop
    n := n + 1;
    candidate := base_slug || '-' || n;
  end loop;
  insert into public.organizations (slug, name, email, phone)
  values (candidate, req.org_name, req.email, req.phone)
  returning id into new_org;
  insert into public.network_members (network_id, org_id, role, status)
  values (req.network_id, new_org, 'member', 'active');
  update public.join_requests
  set status = 'admitted', decided_by = uid, decided_at = now(), org_id = new_org
  where id = req.id;
  perform private.create_invitation(new_org, req.email, 'owner', uid, 'join-request-admitted',
    jsonb_build_object('networkName', net.name, 'contactName', req.contact_name));
  perform private.audit('join_request.admitted', null, req.network_id, 'join_request', req.id::text,
    jsonb_build_object('orgName', req.org_name, 'orgId', new_org));
  perform private.audit('network.admitted', new_org, req.network_id, 'organization', new_org::text,
    jsonb_build_object('networkName', net.name));

  for colleague in
    select distinct m.user_id from public.network_members nm
    join public.org_members m on m.org_id = nm.org_id
    where nm.network_id = req.network_id and nm.status = 'active' and nm.org_id <> new_org
      and m.role in ('owner', 'admin') and m.user_id is distinct from uid
  loop
    perform private.notify(colleague.user_id, 'network.admitted',
      'Neu im Kreis: ' || req.org_name,
      req.org_name || ' ist jetzt Teil von ' || net.name || '.',
      '/traeger/' || candidate);
  end loop;
  return new_org;
end
$$;
grant execute on function public.admit_join_request(uuid) to authenticated;
