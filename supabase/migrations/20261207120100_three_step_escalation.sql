-- Notfall on the phone, part 2: three-step escalation (issue 12). A request addressed first to
-- chosen Träger (addressing 'addressed', cover_request_recipients) can now take a middle step:
--   1. the favourite Träger (a Träger's own list, public.cover_favourites; the form copies them
--      into cover_request_recipients) until partners_at,
--   2. from partners_at also the partner Träger: those the requesting Träger covered with before
--      (a row in the ledger either way) and active in the request's circle, until widen_at,
--   3. from widen_at the whole circle (unchanged).
-- As with widening, the time decides visibility, not the timer: the select policy, can_see and
-- make_cover_offer let a partner in once partners_at has passed (the columns, the policy,
-- can_see_cover_request and partner_cover_request_ids are in 20261126100000_create_cover_tables.sql,
-- make_cover_offer in 20261207120200_qualification_gate.sql). The timer
-- (private.escalate_to_partners, run before widen_due_requests) then adds the partners as
-- recipients and alerts them, once (partners_notified_at). The requester can widen at once
-- (public.widen_cover_request_now).

create table public.cover_favourites (
  org_id uuid not null references public.organizations (id) on delete cascade,
  favourite_org_id uuid not null references public.organizations (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  primary key (org_id, favourite_org_id),
  check (org_id <> favourite_org_id)
);
create index cover_favourites_favourite_org_id_idx on public.cover_favourites (favourite_org_id);
create index cover_favourites_created_by_idx on public.cover_favourites (created_by);

-- A favourite must share an active circle with the Träger.
create or replace function private.check_cover_favourite() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.org_id = new.favourite_org_id or not exists (
    select 1 from public.network_members a
    join public.network_members b on b.network_id = a.network_id
    where a.org_id = new.org_id and b.org_id = new.favourite_org_id and a.status = 'active' and b.status = 'active'
  ) then
    raise exception 'TK_COVER_FAVOURITE_OUTSIDE_CIRCLE' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger cover_favourites_check before insert or update on public.cover_favourites
  for each row execute function private.check_cover_favourite();

alter table public.cover_favourites enable row level security;
revoke all on public.cover_favourites from anon, authenticated;
grant select, delete on public.cover_favourites to authenticated;
grant insert (org_id, favourite_org_id) on public.cover_favourites to authenticated;
grant select, insert, update, delete on public.cover_favourites to service_role;
create policy "a Träger reads its own favourites"
  on public.cover_favourites for select to authenticated
  using (org_id = any ((select private.user_org_id_array())::uuid[]));
create policy "coordinators of a Träger choose its favourites"
  on public.cover_favourites for insert to authenticated
  with check (org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));
create policy "coordinators of a Träger remove its favourites"
  on public.cover_favourites for delete to authenticated
  using (org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));

create or replace function private.check_cover_partners_step() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.partners_at is not null and (new.addressing <> 'addressed' or new.widen_at is null or new.partners_at > new.widen_at) then
    raise exception 'TK_COVER_PARTNERS_AT_INVALID' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger cover_requests_check_partners_step before insert or update of partners_at, widen_at, addressing
  on public.cover_requests for each row execute function private.check_cover_partners_step();

-- Träger that covered with the given Träger before (either direction) and are active in the circle.
create or replace function private.cover_partner_orgs(org uuid, network uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct p.org from (
    select l.giver_org_id as org from public.cover_ledger l where l.taker_org_id = cover_partner_orgs.org
    union
    select l.taker_org_id from public.cover_ledger l where l.giver_org_id = cover_partner_orgs.org
  ) p
  join public.network_members nm on nm.org_id = p.org and nm.network_id = cover_partner_orgs.network and nm.status = 'active'
  where p.org <> cover_partner_orgs.org
$$;

revoke all on function private.cover_partner_orgs(uuid, uuid) from public;
grant execute on function private.cover_partner_orgs(uuid, uuid) to authenticated, service_role;

-- Step 2's timer: adds the partner Träger as recipients and alerts their coordinators (as an
-- addressed request: they are asked by name), once per request. Returns the number of requests.
create or replace function private.escalate_to_partners() returns int
language plpgsql security definer set search_path = ''
as $$
declare
  due record;
  n int := 0;
  props jsonb;
  partners uuid[];
begin
  for due in
    select r.id, r.org_id, r.network_id from public.cover_requests r
    where r.status = 'open' and r.addressing = 'addressed' and r.partners_notified_at is null
      and r.partners_at <= now() and r.widened_at is null
    order by r.partners_at
    for update skip locked
  loop
    update public.cover_requests r set partners_notified_at = now() where r.id = due.id;
    select coalesce(array_agg(p), '{}') into partners from private.cover_partner_orgs(due.org_id, due.network_id) p
    where not exists (select 1 from public.cover_request_recipients x where x.request_id = due.id and x.org_id = p);
    insert into public.cover_request_recipients (request_id, org_id) select due.id, unnest(partners);
    props := private.cover_mail_props(due.id) || jsonb_build_object('occasion', 'addressed',
      'widenAt', (select r.widen_at from public.cover_requests r where r.id = due.id));
    with people as materialized (
      select distinct on (m.user_id) m.user_id, u.email::text as email, coalesce(pr.full_name, u.email::text) as full_name,
        coalesce(ap.email_enabled, true) as wants_email
      from public.org_members m
      join public.organizations o on o.id = m.org_id and o.id = any (partners) and m.role in ('owner', 'admin', 'coordinator')
      join auth.users u on u.id = m.user_id
      left join public.profiles pr on pr.user_id = m.user_id
      left join public.cover_alert_preferences ap on ap.user_id = m.user_id
      where u.email is not null
        and not exists (select 1 from public.org_members x where x.org_id = due.org_id and x.user_id = m.user_id)
      order by m.user_id
    ), notified as (
      insert into public.notifications (user_id, kind, data, link)
      select p.user_id, 'cover.alert', props, '/vertretungen/' || due.id
      from people p returning 1
    )
    insert into private.outbox (kind, payload)
    select 'mail', jsonb_build_object('template', 'cover-request-alert', 'to', p.email,
      'props', props || jsonb_build_object('recipientName', p.full_name))
    from people p where p.wants_email;
    n := n + 1;
  end loop;
  return n;
end
$$;
revoke all on function private.escalate_to_partners() from public;
grant execute on function private.escalate_to_partners() to service_role;

-- The requester widens a request to the whole circle at once: the steps' times become now, and
-- the timers' notifications run right away.
create or replace function public.widen_cover_request_now(request_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  req public.cover_requests%rowtype;
begin
  if (select auth.uid()) is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = widen_cover_request_now.request_id for update;
  if not found or req.org_id not in (select private.user_org_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_COORDINATORS_ONLY' using errcode = 'P0001';
  end if;
  if req.status <> 'open' then
    perform private.raise_cover_not_open(req.status);
  end if;
  if req.addressing <> 'addressed' or req.widen_at <= now() then
    raise exception 'TK_COVER_ALREADY_WIDENED' using errcode = 'P0001';
  end if;
  update public.cover_requests r
  set widen_at = now(), partners_at = case when r.partners_at is null then null else least(r.partners_at, now()) end
  where r.id = req.id;
  perform private.escalate_to_partners();
  perform private.widen_due_requests();
  perform private.audit('cover.widened_now', req.org_id, null, 'cover_request', req.id::text, '{}'::jsonb);
end
$$;
revoke all on function public.widen_cover_request_now(uuid) from public;
grant execute on function public.widen_cover_request_now(uuid) to authenticated;

-- Copies the Träger's favourites in the request's circle into the draft's recipients; raises
-- TK_COVER_NO_FAVOURITES when there are none. Returns how many.
create or replace function public.address_cover_request_to_favourites(request_id uuid) returns int
language plpgsql security definer set search_path = ''
as $$
declare
  req public.cover_requests%rowtype;
  n int;
begin
  select * into req from public.cover_requests r where r.id = address_cover_request_to_favourites.request_id;
  if not found or req.id not in (select private.editable_cover_request_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  insert into public.cover_request_recipients (request_id, org_id)
  select req.id, f.favourite_org_id from public.cover_favourites f
  join public.network_members nm on nm.org_id = f.favourite_org_id and nm.network_id = req.network_id and nm.status = 'active'
  where f.org_id = req.org_id
  on conflict do nothing;
  get diagnostics n = row_count;
  if not exists (select 1 from public.cover_request_recipients x where x.request_id = req.id) then
    raise exception 'TK_COVER_NO_FAVOURITES' using errcode = 'P0001';
  end if;
  return n;
end
$$;
revoke all on function public.address_cover_request_to_favourites(uuid) from public;
grant execute on function public.address_cover_request_to_favourites(uuid) to authenticated;
