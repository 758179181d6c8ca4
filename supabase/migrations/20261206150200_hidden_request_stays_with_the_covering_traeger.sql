-- A request hidden for Sozialdaten stays readable for the Träger whose offer was accepted: that
-- Träger is already working with the family and needs the request (period, hours, Hilfeart) next
-- to its handover notes. Everyone else still loses sight of it until the author revises it.
create or replace function private.hidden_subject_ids(kind text) returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select h.subject_id from public.sozialdaten_hides h
    where h.released_at is null and h.subject_type = kind
      and h.org_id not in (select private.user_org_ids())
      and not (kind = 'cover_request' and exists (
        select 1 from public.cover_offers o
        where o.request_id = h.subject_id and o.status = 'accepted'
          and o.org_id in (select private.user_org_ids())));
end
$$;
