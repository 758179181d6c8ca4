-- Foundation, part 4: invitations into a Träger and join requests from the circle's public page.

-- An invitation to join a Träger with a role. The token travels only in the mail; the table keeps
-- its sha256 hash, so a leaked table row cannot be used to join.
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  email text not null check (length(email) between 3 and 254),
  role text not null check (role in ('owner', 'admin', 'coordinator', 'member')),
  token_hash text not null unique,
  expires_at timestamptz not null,
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null
);
create index invitations_org_id_idx on public.invitations (org_id);
create unique index invitations_open_email_key on public.invitations (org_id, lower(email))
  where accepted_at is null;
create index invitations_accepted_by_idx on public.invitations (accepted_by);
create index invitations_invited_by_idx on public.invitations (invited_by);

alter table public.invitations enable row level security;
revoke all on public.invitations from anon, authenticated;
grant select, delete on public.invitations to authenticated;
grant select, insert, update, delete on public.invitations to service_role;

create policy "admins of a Träger can see its invitations"
  on public.invitations for select to authenticated
  using (org_id = any ((select private.user_org_id_array_with_role(array['owner', 'admin']))::uuid[]));
create policy "admins of a Träger can withdraw its invitations"
  on public.invitations for delete to authenticated
  using (org_id in (select private.user_org_ids_with_role(array['owner', 'admin'])));

-- Creates an invitation and its mail in one transaction. Returns nothing secret: the token exists
-- only in the outbox row the worker turns into the mail.
create or replace function private.create_invitation(
  target_org uuid, invitee_email text, invitee_role text, inviter uuid, template text, extra jsonb
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  token text := replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
  new_id uuid;
  org record;
begin
  select o.name, o.slug into org from public.organizations o where o.id = target_org;
  -- A newer invitation replaces an open one for the same address.
  delete from public.invitations i
  where i.org_id = target_org and lower(i.email) = lower(invitee_email) and i.accepted_at is null;
  insert into public.invitations (org_id, email, role, token_hash, expires_at, invited_by)
  values (target_org, lower(trim(invitee_email)), invitee_role,
          encode(sha256(convert_to(token, 'UTF8')), 'hex'), now() + interval '7 days', inviter)
  returning id into new_id;
  perform private.enqueue_mail(template, lower(trim(invitee_email)),
    coalesce(extra, '{}'::jsonb) || jsonb_build_object(
      'token', token, 'orgName', org.name, 'role', invitee_role,
      'inviterName', (select p.full_name from public.profiles p where p.user_id = inviter),
      'expiresAt', now() + interval '7 days'));
  perform private.audit('invitation.created', target_org, null, 'invitation', new_id::text,
    jsonb_build_object('email', lower(trim(invitee_email)), 'role', invitee_role));
  return new_id;
end
$$;

-- Admins invite colleagues; only owners may invite further owners.
create or replace function public.invite_member(target_org uuid, invitee_email text, invitee_role text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
begin
  if not exists (select 1 from public.org_members m
                 where m.org_id = target_org and m.user_id = uid and m.role in ('owner', 'admin')) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if invitee_role not in ('owner', 'admin', 'coordinator', 'member') then
    raise exception 'TK_INVALID_ROLE' using errcode = 'P0001';
  end if;
  if invitee_role = 'owner' and not exists (
    select 1 from public.org_members m where m.org_id = target_org and m.user_id = uid and m.role = 'owner') then
    raise exception 'TK_OWNER_ONLY' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.org_members m join public.profiles p on p.user_id = m.user_id
             where m.org_id = target_org and lower(p.email) = lower(trim(invitee_email))) then
    raise exception 'TK_ALREADY_MEMBER' using errcode = 'P0001';
  end if;
  return private.create_invitation(target_org, invitee_email, invitee_role, uid, 'invitation', null);
end
$$;
grant execute on function public.invite_member(uuid, text, text) to authenticated;

-- What the invitation page shows before accepting. The token is the secret, so anyone holding it
-- may see which Träger and role it is for.
create or replace function public.invitation_preview(token text)
returns table (org_name text, role text, email text, expired boolean, accepted boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select o.name, i.role, i.email, i.expires_at < now(), i.accepted_at is not null
  from public.invitations i join public.organizations o on o.id = i.org_id
  where i.token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex')
$$;
grant execute on function public.invitation_preview(text) to anon, authenticated;

-- Accepting adds the signed-in user to the Träger with the invited role. The invitation is bound
-- to its email address: a forwarded link does not let someone else in.
create or replace function public.accept_invitation(token text) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  inv public.invitations%rowtype;
  user_email text;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into inv from public.invitations i
  where i.token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex')
  for update;
  if not found then
    raise exception 'TK_INVITATION_INVALID' using errcode = 'P0001';
  end if;
  if inv.accepted_at is not null then
    raise exception 'TK_INVITATION_USED' using errcode = 'P0001';
  end if;
  if inv.expires_at < now() then
    raise exception 'TK_INVITATION_EXPIRED' using errcode = 'P0001';
  end if;
  -- The account's address (auth.users), not the profile's: a user may write their own profile row.
  select u.email into user_email from auth.users u where u.id = uid;
  if user_email is null or lower(user_email) <> lower(inv.email) then
    raise exception 'TK_INVITATION_OTHER_EMAIL' using errcode = 'P0001';
  end if;
  insert into public.org_members (org_id, user_id, role) values (inv.org_id, uid, inv.role)
  on conflict (org_id, user_id) do update set role = excluded.role
    where public.org_members.role <> 'owner';
  update public.invitations set accepted_at = now(), accepted_by = uid where id = inv.id;
  perform private.audit('invitation.accepted', inv.org_id, null, 'invitation', inv.id::text,
    jsonb_build_object('email', inv.email, 'role', inv.role));
  return inv.org_id;
end
$$;
grant execute on function public.accept_invitation(text) to authenticated;

-- Join requests: "Interessierte Träger können sich melden". Anyone may file one on a circle with a
-- public page; only the circle's coordinators read and decide them.
create table public.join_requests (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  org_name text not null check (length(org_name) between 2 and 160),
  contact_name text not null check (length(contact_name) between 2 and 120),
  email text not null check (length(email) between 3 and 254),
  phone text check (length(phone) <= 60),
  message text not null default '' check (length(message) <= 3000),
  status text not null default 'open' check (status in ('open', 'admitted', 'declined')),
  decision_message text check (length(decision_message) <= 3000),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  org_id uuid references public.organizations (id) on delete set null,
  created_at timestamptz not null default now(),
  -- The existing Träger that asks to join (null: a new Träger, created on admission). Only
  -- public.request_circle_membership() (20261206140000_join_with_existing_traeger.sql) sets it:
  -- the insert grants and policies for anon/authenticated leave it out, so nobody can tie a
  -- request to a Träger they do not own.
  applicant_org_id uuid references public.organizations (id) on delete cascade
);
create index join_requests_network_id_idx on public.join_requests (network_id, status, created_at desc);
create index join_requests_decided_by_idx on public.join_requests (decided_by);
create index join_requests_org_id_idx on public.join_requests (org_id);
create index join_requests_open_email_idx on public.join_requests (network_id, lower(email))
  where status = 'open';
create index join_requests_applicant_org_id_idx on public.join_requests (applicant_org_id)
  where applicant_org_id is not null;
-- One open request per Träger and circle.
create unique index join_requests_one_open_per_traeger on public.join_requests (network_id, applicant_org_id)
  where status = 'open' and applicant_org_id is not null;

-- True when the circle takes join requests through its public page.
create or replace function private.is_public_network(network uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.networks n where n.id = network and n.public_page)
$$;
grant execute on function private.is_public_network(uuid) to anon, authenticated, service_role;

alter table public.join_requests enable row level security;
revoke all on public.join_requests from anon, authenticated;
grant insert (network_id, org_name, contact_name, email, phone, message) on public.join_requests
  to anon, authenticated;
grant select on public.join_requests to authenticated;
grant select, insert, update, delete on public.join_requests to service_role;

create policy "visitors can file a join request with a public circle"
  on public.join_requests for insert to anon
  with check (status = 'open' and decided_by is null and org_id is null
              and private.is_public_network(network_id));
create policy "signed-in users can file a join request with a public circle"
  on public.join_requests for insert to authenticated
  with check (status = 'open' and decided_by is null and org_id is null
              and private.is_public_network(network_id));
create policy "coordinators of a circle can read its join requests"
  on public.join_requests for select to authenticated
  using (network_id = any ((select private.coordinated_network_id_array())::uuid[]));

-- Tells the circle's coordinators about a new join request, in app and by mail.
create or replace function private.announce_join_request() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  coordinator record;
  net public.networks%rowtype;
begin
  select * into net from public.networks n where n.id = new.network_id;
  for coordinator in
    select distinct p.user_id, p.email, p.full_name from public.network_members nm
    join public.org_members m on m.org_id = nm.org_id
    join public.profiles p on p.user_id = m.user_id
    where nm.network_id = new.network_id and nm.role = 'coordinator' and nm.status = 'active'
      and m.role in ('owner', 'admin', 'coordinator')
  loop
    perform private.notify(coordinator.user_id, 'join_request.created',
      jsonb_build_object('orgName', new.org_name, 'contactName', new.contact_name, 'networkName', net.name),
      '/kreis/anfragen');
    perform private.enqueue_mail('join-request-received', coordinator.email, jsonb_build_object(
      'networkName', net.name, 'orgName', new.org_name, 'contactName', new.contact_name,
      'message', new.message, 'recipientName', coordinator.full_name));
  end loop;
  return new;
end
$$;
create trigger join_requests_announce after insert on public.join_requests
  for each row execute function private.announce_join_request();

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

-- Admitting: a request that carries an existing Träger (applicant_org_id) adds that Träger to the
-- circle and tells its owners and admins (in app and by mail); a request without one creates the
-- Träger, adds it to the circle and invites the contact as its owner.
-- The owners and admins of the circle's other active Träger get a "Neu im Kreis" notification that
-- links to the new Träger's profile: they decide with whom their Träger works; the coordinator who
-- admitted it knows already.
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

-- Declining records the decision and tells the requester, with the coordinator's message.
create or replace function public.decline_join_request(request_id uuid, message text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  req public.join_requests%rowtype;
  net public.networks%rowtype;
begin
  select * into req from public.join_requests j where j.id = request_id for update;
  if not found or req.network_id not in (select private.coordinated_network_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.status <> 'open' then
    raise exception 'TK_ALREADY_DECIDED' using errcode = 'P0001';
  end if;
  select * into net from public.networks n where n.id = req.network_id;
  update public.join_requests
  set status = 'declined', decided_by = uid, decided_at = now(), decision_message = decline_join_request.message
  where id = req.id;
  perform private.enqueue_mail('join-request-declined', req.email, jsonb_build_object(
    'networkName', net.name, 'orgName', req.org_name, 'contactName', req.contact_name,
    'message', message));
  perform private.audit('join_request.declined', null, req.network_id, 'join_request', req.id::text,
    jsonb_build_object('orgName', req.org_name));
end
$$;
grant execute on function public.decline_join_request(uuid, text) to authenticated;

-- The circle's public page: what the circle is and which Träger belong to it. Nothing private.
create or replace function public.network_public_page(network_slug text)
returns table (id uuid, name text, region text, description text, contact_email text,
               contact_phone text, member_names text[])
language sql
stable
security definer
set search_path = ''
as $$
  select n.id, n.name, n.region, n.description, n.contact_email, n.contact_phone,
    coalesce(array(select o.name from public.network_members nm
                   join public.organizations o on o.id = nm.org_id
                   where nm.network_id = n.id and nm.status = 'active'
                   order by o.name), '{}')
  from public.networks n
  where n.slug = network_slug and n.public_page
$$;
grant execute on function public.network_public_page(text) to anon, authenticated;
