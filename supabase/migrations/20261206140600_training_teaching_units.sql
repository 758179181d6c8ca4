-- Certificate: the name of the person who organised a training, for the signature line (its
-- Unterrichtseinheiten are trainings.teaching_units, 20261127100000_create_trainings.sql).

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
