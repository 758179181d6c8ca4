-- Defect: the handover notes say "Vertraulich – nur für die übernehmende Fachkraft",
-- but every member of the accepting Träger (and of the requesting one) could read them, and the
-- released contact person of the other side too. Now they reach, per side of an accepted cover:
--   requesting Träger: its owners, admins and coordinators, and its contact person of the request;
--   accepting Träger:  its owners, admins and coordinators, and its contact person of the request
--                      (the Fachkraft named for the accepted offer, set_cover_contact).
-- A Träger's own contact row stays visible to all its members (it names their own colleague).

-- Requests whose confidential handover data the current user may read.
create or replace function private.cover_confidential_request_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
begin
  return query
    select r.id from public.cover_requests r
    where r.org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
    union
    select o.request_id from public.cover_offers o
    where o.status = 'accepted'
      and o.org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator']))
    union
    -- the contact person of either side (for the offering side: of an accepted offer only)
    select c.request_id from public.cover_contacts c
    where c.user_id = uid
      and c.org_id in (select private.user_org_ids())
      and (c.side = 'requester'
           or exists (select 1 from public.cover_offers o
                      where o.request_id = c.request_id and o.org_id = c.org_id and o.status = 'accepted'));
end
$$;
revoke execute on function private.cover_confidential_request_ids() from public;
grant execute on function private.cover_confidential_request_ids() to authenticated, service_role;

drop policy "the requesting Träger and accepted offerers can read the handover notes" on public.cover_handover_notes;
create policy "coordinators and the contact persons of both sides of an accepted cover can read the handover notes"
  on public.cover_handover_notes for select to authenticated
  using (request_id in (select private.cover_confidential_request_ids())
         and (org_id in (select private.user_org_ids())
              or request_id in (select private.accepted_cover_request_ids())));

drop policy "a Träger reads its own contact, and the other side's once an offer is accepted" on public.cover_contacts;
create policy "a Träger reads its own contact; the other side's goes to its coordinators and contact person once accepted"
  on public.cover_contacts for select to authenticated
  using (org_id in (select private.user_org_ids())
         or ((request_id, org_id) in (select p.request_id, p.org_id from private.cover_partner_pairs() p)
             and request_id in (select private.cover_confidential_request_ids())));

-- The contact persons with names (see 20261126100100_add_cover_functions.sql), with the same
-- restriction as the policy above for the other side's person.
create or replace function public.cover_request_contacts(request_id uuid)
returns table (org_id uuid, org_name text, side text, user_id uuid, full_name text, email text, phone text)
language sql
stable
security definer
set search_path = ''
as $$
  select c.org_id, o.name, c.side, c.user_id, coalesce(p.full_name, u.email::text),
    coalesce(p.email, u.email::text), p.phone
  from public.cover_contacts c
  join public.organizations o on o.id = c.org_id
  join auth.users u on u.id = c.user_id
  left join public.profiles p on p.user_id = c.user_id
  where c.request_id = cover_request_contacts.request_id
    and (c.org_id in (select private.user_org_ids())
         or ((c.request_id, c.org_id) in (select x.request_id, x.org_id from private.cover_partner_pairs() x)
             and c.request_id in (select private.cover_confidential_request_ids())))
  order by c.side desc, o.name
$$;
grant execute on function public.cover_request_contacts(uuid) to authenticated;
