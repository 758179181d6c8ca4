-- Foundation, part 3: circles (networks), Träger (organizations), their members and profiles.
-- Each Träger's data is private by default; the circle sees profiles and Ansprechpersonen only.

-- A circle of Träger that cooperate, e.g. "Kooperationskreis Wesel · Duisburg · Oberhausen".
create table public.networks (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  name text not null check (length(name) between 2 and 160),
  region text not null default '' check (length(region) <= 200),
  description text not null default '' check (length(description) <= 5000),
  public_page boolean not null default true,
  contact_email text check (length(contact_email) <= 254),
  contact_phone text check (length(contact_phone) <= 60),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger networks_set_updated_at before update on public.networks
  for each row execute function private.set_updated_at();

-- A Träger. Profile fields are what the circle sees in the directory.
create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  name text not null check (length(name) between 2 and 160),
  kind text not null default 'freier_traeger'
    check (kind in ('freier_traeger', 'jugendamt', 'schule', 'beratungsstelle', 'sonstige')),
  legal_form text check (legal_form in ('e_v', 'ggmbh', 'gmbh', 'ug', 'stiftung', 'gbr', 'einzelunternehmen', 'koerperschaft_oer', 'sonstige')),
  leitbild text not null default '' check (length(leitbild) <= 5000),
  hilfearten text[] not null default '{}' check (cardinality(hilfearten) <= 30),
  gemeinden text[] not null default '{}' check (cardinality(gemeinden) <= 30),
  street text check (length(street) <= 200),
  postal_code text check (postal_code ~ '^[0-9]{5}$'),
  city text check (length(city) <= 120),
  phone text check (length(phone) <= 60),
  email text check (length(email) <= 254),
  website text check (length(website) <= 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organizations_hilfearten_idx on public.organizations using gin (hilfearten);
create index organizations_gemeinden_idx on public.organizations using gin (gemeinden);
create trigger organizations_set_updated_at before update on public.organizations
  for each row execute function private.set_updated_at();

-- Hilfearten and Gemeinden are arrays for easy editing and filtering; this keeps them to the
-- fixed lists, as a foreign key would.
create or replace function private.check_organization_codes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from unnest(new.hilfearten) c where c not in (select code from public.hilfearten)) then
    raise exception 'TK_UNKNOWN_HILFEART' using errcode = 'P0001';
  end if;
  if exists (select 1 from unnest(new.gemeinden) c where c not in (select code from public.gemeinden)) then
    raise exception 'TK_UNKNOWN_GEMEINDE' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger organizations_check_codes before insert or update of hilfearten, gemeinden
  on public.organizations for each row execute function private.check_organization_codes();

-- Which Träger belong to which circle. A Träger with role 'coordinator' coordinates the circle:
-- its owners, admins and coordinators admit new Träger.
create table public.network_members (
  network_id uuid not null references public.networks (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  role text not null default 'member' check (role in ('member', 'coordinator')),
  status text not null default 'active' check (status in ('active', 'suspended')),
  joined_at timestamptz not null default now(),
  primary key (network_id, org_id)
);
create index network_members_org_id_idx on public.network_members (org_id);

-- People in a Träger with their role. is_contact_person marks the Ansprechpersonen the circle sees.
create table public.org_members (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'member' check (role in ('owner', 'admin', 'coordinator', 'member')),
  is_contact_person boolean not null default false,
  contact_title text check (length(contact_title) <= 120),
  created_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
create index org_members_user_id_idx on public.org_members (user_id);
create index org_members_contact_idx on public.org_members (org_id) where is_contact_person;

-- A person's own profile. email mirrors auth.users so colleagues can see it without access to auth.
create table public.profiles (
  user_id uuid primary key references auth.users (id) on delete cascade,
  full_name text not null check (length(full_name) between 1 and 120),
  email text not null check (length(email) <= 254),
  phone text check (length(phone) <= 60),
  qualifications text not null default '' check (length(qualifications) <= 1000),
  languages text[] not null default '{}' check (cardinality(languages) <= 20),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger profiles_set_updated_at before update on public.profiles
  for each row execute function private.set_updated_at();

-- Helpers for the policies. Each returns a set, is security definer (so the policies don't recurse
-- through RLS on the tables they read) and is used as `x in (select private.helper())`.
-- They are plpgsql, not sql: a security-definer sql function with `set search_path` cannot be
-- inlined, so it would parse and plan its body again on every call (the directory page calls three
-- per request; `npm run bench` measured its SQL as the user at 1.6–1.9× the time as service_role).
-- plpgsql keeps each statement's plan for the session (the connection): only the first call plans.

-- Träger the current user belongs to.
create or replace function private.user_org_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select m.org_id from public.org_members m where m.user_id = (select auth.uid());
end
$$;

-- Träger where the current user has one of the given roles.
create or replace function private.user_org_ids_with_role(roles text[]) returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select m.org_id from public.org_members m
  where m.user_id = (select auth.uid()) and m.role = any (roles);
end
$$;

-- Circles the current user's Träger belong to (active membership).
create or replace function private.user_network_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select distinct nm.network_id from public.network_members nm
  join public.org_members m on m.org_id = nm.org_id
  where m.user_id = (select auth.uid()) and nm.status = 'active';
end
$$;

-- Circles the current user coordinates: owner, admin or coordinator of a coordinating Träger.
create or replace function private.coordinated_network_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select distinct nm.network_id from public.network_members nm
  join public.org_members m on m.org_id = nm.org_id
  where m.user_id = (select auth.uid())
    and m.role in ('owner', 'admin', 'coordinator')
    and nm.role = 'coordinator' and nm.status = 'active';
end
$$;

-- Träger whose profile the current user may see: their own and every Träger in their circles.
create or replace function private.visible_org_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select m.org_id from public.org_members m where m.user_id = (select auth.uid())
  union
  select nm.org_id from public.network_members nm
  where nm.status = 'active' and nm.network_id in (
    select nm2.network_id from public.network_members nm2
    join public.org_members m2 on m2.org_id = nm2.org_id
    where m2.user_id = (select auth.uid()) and nm2.status = 'active'
  );
end
$$;

-- People whose profile the current user may see: colleagues in their own Träger, and the
-- Ansprechpersonen of every Träger they can see.
create or replace function private.visible_user_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select m.user_id from public.org_members m
  where m.org_id in (select x.org_id from public.org_members x where x.user_id = (select auth.uid()))
  union
  select m.user_id from public.org_members m
  where m.is_contact_person and m.org_id in (select private.visible_org_ids());
end
$$;

grant execute on function private.user_org_ids(), private.user_org_ids_with_role(text[]),
  private.user_network_ids(), private.coordinated_network_ids(), private.visible_org_ids(),
  private.visible_user_ids() to authenticated, service_role;

-- networks
alter table public.networks enable row level security;
revoke all on public.networks from anon, authenticated;
grant select on public.networks to authenticated;
grant update (name, region, description, public_page, contact_email, contact_phone) on public.networks to authenticated;
grant select, insert, update, delete on public.networks to service_role;

create policy "members of a circle can read it"
  on public.networks for select to authenticated
  using (id in (select private.user_network_ids()));
create policy "coordinators of a circle can edit it"
  on public.networks for update to authenticated
  using (id in (select private.coordinated_network_ids()))
  with check (id in (select private.coordinated_network_ids()));

-- organizations
alter table public.organizations enable row level security;
revoke all on public.organizations from anon, authenticated;
grant select on public.organizations to authenticated;
grant update (name, kind, legal_form, leitbild, hilfearten, gemeinden, street, postal_code, city,
  phone, email, website) on public.organizations to authenticated;
grant select, insert, update, delete on public.organizations to service_role;

create policy "members of a circle can read the profiles of its Träger"
  on public.organizations for select to authenticated
  using (id in (select private.visible_org_ids()));
create policy "admins of a Träger can edit its profile"
  on public.organizations for update to authenticated
  using (id in (select private.user_org_ids_with_role(array['owner', 'admin'])))
  with check (id in (select private.user_org_ids_with_role(array['owner', 'admin'])));

-- network_members: who is in the circle is visible to the circle; changes go through functions.
alter table public.network_members enable row level security;
revoke all on public.network_members from anon, authenticated;
grant select on public.network_members to authenticated;
grant update (role, status) on public.network_members to authenticated;
grant select, insert, update, delete on public.network_members to service_role;

create policy "members of a circle can see who belongs to it"
  on public.network_members for select to authenticated
  using (network_id in (select private.user_network_ids())
         or org_id in (select private.user_org_ids()));
create policy "coordinators of a circle can change memberships"
  on public.network_members for update to authenticated
  using (network_id in (select private.coordinated_network_ids()))
  with check (network_id in (select private.coordinated_network_ids()));

-- org_members
alter table public.org_members enable row level security;
revoke all on public.org_members from anon, authenticated;
grant select, delete on public.org_members to authenticated;
grant update (role, is_contact_person, contact_title) on public.org_members to authenticated;
grant select, insert, update, delete on public.org_members to service_role;

create policy "members of a Träger can see its members"
  on public.org_members for select to authenticated
  using (org_id in (select private.user_org_ids()));
create policy "the circle can see a Träger's Ansprechpersonen"
  on public.org_members for select to authenticated
  using (is_contact_person and org_id in (select private.visible_org_ids()));
create policy "admins of a Träger can change roles and Ansprechpersonen"
  on public.org_members for update to authenticated
  using (org_id in (select private.user_org_ids_with_role(array['owner', 'admin'])))
  with check (org_id in (select private.user_org_ids_with_role(array['owner', 'admin'])));
create policy "admins of a Träger can remove members, and anyone can leave"
  on public.org_members for delete to authenticated
  using (org_id in (select private.user_org_ids_with_role(array['owner', 'admin']))
         or user_id = (select auth.uid()));

-- Guards the owner role: only owners grant or take it, and a Träger always keeps one owner.
-- Also writes the audit trail of membership changes.
create or replace function private.guard_org_members() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  acting uuid := (select auth.uid());
  acting_is_owner boolean;
  row_org uuid := coalesce(new.org_id, old.org_id);
begin
  acting_is_owner := exists (
    select 1 from public.org_members m
    where m.org_id = row_org and m.user_id = acting and m.role = 'owner');

  if tg_op = 'INSERT' then
    perform private.audit('member.added', new.org_id, null, 'user', new.user_id::text,
      jsonb_build_object('role', new.role));
    return new;
  end if;

  if acting is not null and not acting_is_owner
     and (old.role = 'owner' or (tg_op = 'UPDATE' and new.role = 'owner'))
     and not (tg_op = 'DELETE' and old.user_id = acting) then
    raise exception 'TK_OWNER_ONLY' using errcode = 'P0001';
  end if;

  if old.role = 'owner' and (tg_op = 'DELETE' or new.role <> 'owner') and not exists (
    select 1 from public.org_members m
    where m.org_id = old.org_id and m.role = 'owner' and m.user_id <> old.user_id
  ) and exists (select 1 from public.organizations o where o.id = old.org_id) then
    raise exception 'TK_LAST_OWNER' using errcode = 'P0001';
  end if;

  if tg_op = 'DELETE' then
    perform private.audit('member.removed', old.org_id, null, 'user', old.user_id::text,
      jsonb_build_object('role', old.role));
    return old;
  end if;

  if new.role <> old.role then
    perform private.audit('member.role_changed', new.org_id, null, 'user', new.user_id::text,
      jsonb_build_object('from', old.role, 'to', new.role));
  end if;
  if new.is_contact_person <> old.is_contact_person then
    perform private.audit('member.contact_person_changed', new.org_id, null, 'user', new.user_id::text,
      jsonb_build_object('is_contact_person', new.is_contact_person));
  end if;
  return new;
end
$$;
create trigger org_members_guard before insert or update or delete on public.org_members
  for each row execute function private.guard_org_members();

-- profiles
alter table public.profiles enable row level security;
revoke all on public.profiles from anon, authenticated;
grant select on public.profiles to authenticated;
grant insert (user_id, full_name, email, phone, qualifications, languages) on public.profiles to authenticated;
grant update (full_name, phone, qualifications, languages) on public.profiles to authenticated;
grant select, insert, update, delete on public.profiles to service_role;

create policy "people can read their own profile"
  on public.profiles for select to authenticated
  using (user_id = (select auth.uid()));
create policy "colleagues and the circle can read the profiles they may see"
  on public.profiles for select to authenticated
  using (user_id in (select private.visible_user_ids()));
-- The profile's email must be the account's own (the claims carry it from auth.users): a profile
-- with someone else's address could otherwise pass as that person to colleagues.
create policy "people can create their own profile"
  on public.profiles for insert to authenticated
  with check (user_id = (select auth.uid()) and lower(email) = lower((select auth.email())));
create policy "people can edit their own profile"
  on public.profiles for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- audit_log policies (the table lives in part 2; the helpers are defined here)
create policy "admins of a Träger can read its audit log"
  on public.audit_log for select to authenticated
  using (org_id in (select private.user_org_ids_with_role(array['owner', 'admin'])));
create policy "coordinators of a circle can read its audit log"
  on public.audit_log for select to authenticated
  using (network_id in (select private.coordinated_network_ids()));

-- Creating a Träger makes the caller its owner, in one step (an insert policy alone could not
-- add the first member).
create or replace function public.create_organization(
  name text, kind text default 'freier_traeger', legal_form text default null
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  base_slug text := private.slugify(name);
  candidate text;
  n int := 1;
  new_id uuid;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if base_slug = '' then
    base_slug := 'traeger';
  end if;
  base_slug := left(base_slug, 70);
  candidate := base_slug;
  while exists (select 1 from public.organizations o where o.slug = candidate) loop
    n := n + 1;
    candidate := base_slug || '-' || n;
  end loop;
  insert into public.organizations (slug, name, kind, legal_form)
  values (candidate, trim(create_organization.name), create_organization.kind, create_organization.legal_form)
  returning id into new_id;
  insert into public.org_members (org_id, user_id, role) values (new_id, uid, 'owner');
  perform private.audit('organization.created', new_id, null, 'organization', new_id::text,
    jsonb_build_object('name', create_organization.name));
  return new_id;
end
$$;
grant execute on function public.create_organization(text, text, text) to authenticated;
