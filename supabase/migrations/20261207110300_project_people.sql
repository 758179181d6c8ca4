-- Gemeinsame Projekte, part 4: the people of the partner Träger, for the partners.
-- profiles and org_members show another Träger's people only when they are Ansprechpersonen; in a
-- project's workspace the partners work together, so they read each other's names (authors of
-- posts, owners of tasks, the person picker) through this function — only while the caller's
-- Träger is an active partner, and only the people of the active partner Träger. E-mail and
-- phone only for the Ansprechpersonen, as the circle already sees them.
create or replace function public.project_people(project_id uuid)
returns table (org_id uuid, user_id uuid, full_name text, email text, phone text, is_contact_person boolean)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if project_id not in (select private.workspace_project_ids()) then
    return;
  end if;
  return query
    select m.org_id, m.user_id, coalesce(p.full_name, ''),
      case when m.is_contact_person then p.email::text end,
      case when m.is_contact_person then p.phone end,
      m.is_contact_person
    from public.project_partners pp
    join public.org_members m on m.org_id = pp.org_id
    left join public.profiles p on p.user_id = m.user_id
    where pp.project_id = project_people.project_id and pp.status = 'active'
    order by p.full_name;
end
$$;
grant execute on function public.project_people(uuid) to authenticated, service_role;
