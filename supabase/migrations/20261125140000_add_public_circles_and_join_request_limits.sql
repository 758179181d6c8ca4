-- The circle, part 2: which circles take join requests (for visitors and for signed-in users who
-- have no Träger yet, who cannot read public.networks), and limits on the public join form.

-- Circles with a public page. Lists only what each circle's public page shows anyway (name,
-- region, how many Träger), so the landing page and the dashboard of a user without a Träger
-- can point to "Interesse melden".
create or replace function public.public_networks()
returns table (slug text, name text, region text, member_count int)
language sql
stable
security definer
set search_path = ''
as $$
  select n.slug, n.name, n.region,
    (select count(*)::int from public.network_members nm
     where nm.network_id = n.id and nm.status = 'active')
  from public.networks n
  where n.public_page
  order by n.name
$$;
grant execute on function public.public_networks() to anon, authenticated;

-- Every join request mails each coordinator of the circle, and anyone can file one. So one email
-- address may have at most three open requests with a circle (a person who retries is not
-- blocked, a script repeating one address is), and a circle takes at most 30 requests per hour
-- (caps the mail to coordinators if addresses vary). The advisory lock makes concurrent inserts
-- for one circle count one after another.
create or replace function private.limit_join_requests() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(hashtext('join_requests:' || new.network_id::text));
  if (select count(*) from public.join_requests j
      where j.network_id = new.network_id and j.status = 'open'
        and lower(j.email) = lower(new.email)) >= 3 then
    raise exception 'TK_JOIN_REQUEST_LIMIT' using errcode = 'P0001';
  end if;
  if (select count(*) from public.join_requests j
      where j.network_id = new.network_id and j.created_at > now() - interval '1 hour') >= 30 then
    raise exception 'TK_JOIN_REQUESTS_BUSY' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger join_requests_limit before insert on public.join_requests
  for each row execute function private.limit_join_requests();
create index join_requests_open_email_idx on public.join_requests (network_id, lower(email))
  where status = 'open';
