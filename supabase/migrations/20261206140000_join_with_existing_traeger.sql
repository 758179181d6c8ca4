-- Defect: a person who already created a Träger and then reported interest on a
-- circle's public page was admitted as a second, empty Träger with the same name, because
-- admit_join_request always inserted a new organisation. A join request now may carry the
-- applicant's existing Träger; admitting such a request adds that Träger to the circle.

-- The Träger that asks to join (null: a new Träger, created on admission as before). Only
-- request_circle_membership() sets it: the insert grants and policies for anon/authenticated
-- stay as they were, so nobody can tie a request to a Träger they do not own.
alter table public.join_requests
  add column applicant_org_id uuid references public.organizations (id) on delete cascade;
create index join_requests_applicant_org_id_idx on public.join_requests (applicant_org_id)
  where applicant_org_id is not null;
-- One open request per Träger and circle.
create unique index join_requests_one_open_per_traeger on public.join_requests (network_id, applicant_org_id)
  where status = 'open' and applicant_org_id is not null;

-- A signed-in owner or admin asks a public circle to take their existing Träger. The request
-- carries the Träger's name and the person's name, address and phone (what the coordinators
-- need to answer); the announce and limit triggers of join_requests run as for any request.
create or replace function public.request_circle_membership(network uuid, org uuid, message text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  o public.organizations%rowtype;
  p public.profiles%rowtype;
  new_id uuid;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if org not in (select private.user_org_ids_with_role(array['owner', 'admin']))
     or not private.is_public_network(network) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.network_members nm where nm.network_id = network and nm.org_id = org) then
    raise exception 'TK_ALREADY_IN_CIRCLE' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.join_requests j
             where j.network_id = network and j.applicant_org_id = org and j.status = 'open') then
    raise exception 'TK_JOIN_REQUEST_PENDING' using errcode = 'P0001';
  end if;
  select * into o from public.organizations x where x.id = org;
  select * into p from public.profiles x where x.user_id = uid;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  insert into public.join_requests (network_id, org_name, contact_name, email, phone, message, applicant_org_id)
  values (network, o.name, p.full_name, p.email, p.phone, coalesce(message, ''), org)
  returning id into new_id;
  perform private.audit('join_request.created', org, network, 'join_request', new_id::text,
    jsonb_build_object('orgName', o.name));
  return new_id;
end
$$;
grant execute on function public.request_circle_membership(uuid, uuid, text) to authenticated;

-- Admitting: a request that carries an existing Träger adds that Träger to the circle and tells
-- its owners and admins (in app and by mail); a request without one creates the Träger and
-- invites the contact as its owner, as before. Replaces the function of
-- 20261125100300_create_invitations_and_join_requests.sql; the new-Träger branch is unchanged.
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
  existing boolean;
begin
  select * into req from public.join_requests j where j.id = request_id for update;
  if not found or req.network_id not in (select private.coordinated_network_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.status <> 'open' then
    raise exception 'TK_ALREADY_DECIDED' using errcode = 'P0001';
  end if;
  select * into net from public.networks n where n.id = req.network_id;
  existing := req.applicant_org_id is not null;

  if existing then
    new_org := req.applicant_org_id;
    select o.slug into candidate from public.organizations o where o.id = new_org;
    insert into public.network_members (network_id, org_id, role, status)
    values (req.network_id, new_org, 'member', 'active')
    on conflict (network_id, org_id) do update set status = 'active';
    for colleague in
      select p.user_id, p.email, p.full_name from public.org_members m
      join public.profiles p on p.user_id = m.user_id
      where m.org_id = new_org and m.role in ('owner', 'admin')
    loop
      perform private.notify(colleague.user_id, 'network.admitted',
        jsonb_build_object('orgName', req.org_name, 'networkName', net.name, 'ownOrg', true), '/traeger');
      perform private.enqueue_mail('circle-notice', colleague.email, jsonb_build_object(
        'subject', req.org_name || ' ist jetzt im Kreis „' || net.name || '“',
        'heading', 'Willkommen im Kreis',
        'recipientName', colleague.full_name,
        'paragraphs', jsonb_build_array(
          'die Koordination von „' || net.name || '“ hat ' || req.org_name || ' in den Kreis aufgenommen.',
          'Ihr Träger erscheint jetzt im Verzeichnis des Kreises; Sie sehen die Vertretungsanfragen, Fortbildungen und Treffen des Kreises.'),
        'linkPath', '/traeger', 'linkLabel', 'Zum Verzeichnis des Kreises',
        'reason', 'Sie erhalten diese E-Mail als Inhaber:in oder Admin von ' || req.org_name || '.'));
    end loop;
  else
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
  end if;
  update public.join_requests
  set status = 'admitted', decided_by = uid, decided_at = now(), org_id = new_org
  where id = req.id;
  if not existing then
    perform private.create_invitation(new_org, req.email, 'owner', uid, 'join-request-admitted',
      jsonb_build_object('networkName', net.name, 'contactName', req.contact_name));
  end if;
  perform private.audit('join_request.admitted', null, req.network_id, 'join_request', req.id::text,
    jsonb_build_object('orgName', req.org_name, 'orgId', new_org, 'existing', existing));
  perform private.audit('network.admitted', new_org, req.network_id, 'organization', new_org::text,
    jsonb_build_object('networkName', net.name, 'orgName', req.org_name));

  for colleague in
    select distinct m.user_id from public.network_members nm
    join public.org_members m on m.org_id = nm.org_id
    where nm.network_id = req.network_id and nm.status = 'active' and nm.org_id <> new_org
      and m.role in ('owner', 'admin') and m.user_id is distinct from uid
  loop
    perform private.notify(colleague.user_id, 'network.admitted',
      jsonb_build_object('orgName', req.org_name, 'networkName', net.name, 'ownOrg', false),
      '/traeger/' || candidate);
  end loop;
  return new_org;
end
$$;
grant execute on function public.admit_join_request(uuid) to authenticated;

-- The caller's Träger (owner/admin) with an open request with this circle, so the public page can
-- say "Ihre Anfrage liegt der Koordination vor" instead of offering the form again. The caller
-- cannot read join_requests (coordinators only); this answers for their own Träger and no other.
create or replace function private.open_join_request_orgs(network uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select j.applicant_org_id from public.join_requests j
  where j.network_id = network and j.status = 'open'
    and j.applicant_org_id in (select private.user_org_ids_with_role(array['owner', 'admin']))
$$;
grant execute on function private.open_join_request_orgs(uuid) to authenticated;
