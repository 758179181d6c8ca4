-- A draft's addressee must not learn about the draft (its id, the requesting Träger, the time it
-- was addressed) before the requesting Träger publishes it: an addressee reads its own row only
-- once the request is out of draft. The requesting Träger keeps reading all of its rows.

-- Whether a cover request has been published (any status but draft). Definer, so the policy does
-- not depend on what the caller may read of cover_requests.
create or replace function private.cover_request_published(request uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.cover_requests r where r.id = request and r.status <> 'draft');
end
$$;
revoke all on function private.cover_request_published(uuid) from public;
grant execute on function private.cover_request_published(uuid) to authenticated, service_role;

drop policy "the requesting Träger and each addressee can read the addressees" on public.cover_request_recipients;
create policy "the requesting Träger reads its addressees, an addressee its own row once published"
  on public.cover_request_recipients for select to authenticated
  using (
    request_org_id in (select private.user_org_ids())
    or (org_id in (select private.user_org_ids()) and private.cover_request_published(request_id))
  );
