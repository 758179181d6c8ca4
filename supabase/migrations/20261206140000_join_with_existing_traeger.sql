-- Joining a circle with an existing Träger: a person who already created a Träger asks a public
-- circle to take it (instead of being admitted as a second, empty Träger with the same name). The
-- request carries the Träger (join_requests.applicant_org_id); admit_join_request adds that Träger
-- to the circle (both in 20261125100300_create_invitations_and_join_requests.sql).

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
