-- Certificate: Unterrichtseinheiten per training (a UE is 45 minutes unless the
-- organiser says otherwise: a training of 6 hours may count as 8 UE), and the name of the person
-- who organised it for the signature line.
alter table public.trainings
  add column teaching_units numeric(5, 1) check (teaching_units > 0 and teaching_units <= 999);
grant insert (teaching_units) on public.trainings to authenticated;
grant update (teaching_units) on public.trainings to authenticated;

-- The name of the person who created a training the caller can see (the certificate's signature
-- line). Definer: the organiser's profile is not visible to participants of other Träger.
create or replace function public.training_organizer_name(training uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select p.full_name from public.trainings t
  join public.profiles p on p.user_id = t.created_by
  where t.id = training
    and ((t.status <> 'draft' and t.network_id in (select private.user_network_ids()))
         or t.org_id in (select private.user_org_ids()))
$$;
grant execute on function public.training_organizer_name(uuid) to authenticated;
