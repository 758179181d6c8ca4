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
  updated_at timestamptz not null default now(),
  -- How old an erweitertes Führungszeugnis may be for a person offered as cover
  -- (20261207120200_qualification_gate.sql); 5 years is the common agreement.
  fuehrungszeugnis_max_years smallint not null default 5
    check (fuehrungszeugnis_max_years between 1 and 5)
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
  updated_at timestamptz not null default now(),
  -- The directory search's words, kept by a trigger (below).
  search_vector tsvector not null default ''::tsvector,
  -- Path segments under /traeger/ that are pages of the app (private.reserved_org_slugs()).
  constraint organizations_slug_not_reserved check (slug <> all (array['neu']))
);
create index organizations_hilfearten_idx on public.organizations using gin (hilfearten);
create index organizations_gemeinden_idx on public.organizations using gin (gemeinden);
create index organizations_search_vector_idx on public.organizations using gin (search_vector);
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

-- Path segments under /traeger/ that are pages of the app, not Träger. A Träger with such a slug
-- could never be opened.
create or replace function private.reserved_org_slugs() returns text[]
language sql immutable
set search_path = ''
as $$
  select array['neu']
$$;

-- Every way a Träger comes into being (create_organization, admit_join_request, the seed) picks
-- its slug from the name; this moves a reserved one to the next free "-n" form.
create or replace function private.avoid_reserved_org_slug() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  base text := left(new.slug, 70);
  n int := 1;
begin
  if new.slug = any (private.reserved_org_slugs()) then
    loop
      n := n + 1;
      new.slug := base || '-' || n;
      exit when not exists (select 1 from public.organizations o where o.slug = new.slug);
    end loop;
  end if;
  return new;
end
$$;
create trigger organizations_avoid_reserved_slug before insert or update of slug
  on public.organizations for each row execute function private.avoid_reserved_org_slug();

-- Directory search: one field finds Träger by name, Hilfeart, Gemeinde and the words of
-- their Leitbild, with Postgres full-text search in the German configuration ("Familienhilfe"
-- finds the providers of "Sozialpädagogische Familienhilfe (SPFH)", "Erziehung" finds
-- "Hilfen zur Erziehung"). The vector is kept on the row by a trigger (a generated column cannot
-- read the Hilfeart labels and Gemeinde names), weighted name > Hilfearten/Gemeinden > Leitbild.
create or replace function private.organization_search_vector(
  name text, leitbild text, hilfearten text[], gemeinden text[], city text
) returns tsvector
language sql stable security definer set search_path = ''
as $$
  select setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce(name, '')), 'A')
    || setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce((
         select string_agg(h.paragraph || ' ' || h.label, ' ') from public.hilfearten h
         where h.code = any (hilfearten)), '')), 'B')
    || setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce((
         select string_agg(g.name, ' ') from public.gemeinden g where g.code = any (gemeinden)), '')
         || ' ' || coalesce(city, '')), 'B')
    || setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce(leitbild, '')), 'C')
$$;

create or replace function private.set_organization_search_vector() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.search_vector := private.organization_search_vector(new.name, new.leitbild, new.hilfearten, new.gemeinden, new.city);
  return new;
end
$$;
create trigger organizations_search_vector before insert or update of name, leitbild, hilfearten, gemeinden, city
  on public.organizations for each row execute function private.set_organization_search_vector();

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

-- Helpers for the policies. Each is security definer (so the policies don't recurse through RLS
-- on the tables they read). They are plpgsql, not sql: a security-definer sql function with
-- `set search_path` cannot be inlined, so it would parse and plan its body again on every call;
-- plpgsql keeps each statement's plan for the session (the connection).
--
-- Row-level security at its floor (decision 019): the membership helpers read the signed-in
-- person's memberships once per transaction instead of once per table a statement touches (a
-- policy's `org_id in (select private.user_org_ids())` would otherwise run the helper's query again
-- for each table of each statement).
--
-- The first helper called in a transaction reads all of the person's memberships in one query
-- (their Träger with roles, their circles, the circles they coordinate)
-- into transaction-local settings (`traegerkreis.m_*`), and every helper after that reads those.
-- The settings are keyed by the claims (request.jwt.claims as text: comparing the text costs
-- about a microsecond, running auth.uid() from plpgsql ~25 µs, on every helper call of every
-- statement), so switching claims inside a transaction (the persona tests do) reads afresh, and any change to org_members or network_members in the
-- transaction forgets them (a statement trigger), so a Träger created or a circle joined is seen
-- by the next statement. A membership change that ANOTHER transaction commits while this one runs
-- is seen from this transaction's next transaction on. Requests are one short transaction each.
--
-- Trust: the settings are as trustworthy as request.jwt.claims itself (both are set by the
-- server inside the transaction; no person runs SQL of their own).
--
-- The helpers also tell the planner how many rows to expect (a handful, not 1000).

create or replace function private.load_memberships() returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  key text := 'c' || coalesce(current_setting('request.jwt.claims', true), '');
begin
  -- One query (each statement of a plpgsql function is a round through the executor).
  perform set_config('traegerkreis.m_orgs', coalesce(o.orgs, '{}')::text, true),
          set_config('traegerkreis.m_roles', coalesce(o.roles, '{}')::text, true),
          set_config('traegerkreis.m_networks', coalesce(n.networks, '{}')::text, true),
          set_config('traegerkreis.m_coordinated', coalesce(n.coordinated, '{}')::text, true),
          set_config('traegerkreis.m_key', key, true)
  from (select array_agg(m.org_id order by m.org_id) as orgs, array_agg(m.role order by m.org_id) as roles
        from public.org_members m where m.user_id = auth.uid()) o,
       (select array_agg(distinct nm.network_id) as networks,
               array_agg(distinct nm.network_id) filter (
                 where nm.role = 'coordinator' and m.role in ('owner', 'admin', 'coordinator')) as coordinated
        from public.network_members nm
        join public.org_members m on m.org_id = nm.org_id
        where m.user_id = auth.uid() and nm.status = 'active') n;
  return key;
end
$$;

-- Makes sure the settings hold the current person's memberships (reads them at most once). The
-- helpers below repeat its test inline (one function call less per helper call).
create or replace function private.ensure_memberships() returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_key', true) is distinct from 'c' || coalesce(current_setting('request.jwt.claims', true), '') then
    perform private.load_memberships();
  end if;
end
$$;

-- A change to memberships in this transaction: read them again on the next call.
create or replace function private.forget_memberships() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform set_config('traegerkreis.m_key', '', true);
  return null;
end
$$;

create trigger forget_memberships after insert or update or delete or truncate on public.org_members
  for each statement execute function private.forget_memberships();
create trigger forget_memberships after insert or update or delete or truncate on public.network_members
  for each statement execute function private.forget_memberships();

-- Träger the current user belongs to.
create or replace function private.user_org_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 3
as $$
begin
  if current_setting('traegerkreis.m_key', true) is distinct from 'c' || coalesce(current_setting('request.jwt.claims', true), '') then
    perform private.load_memberships();
  end if;
  return query select unnest(current_setting('traegerkreis.m_orgs')::uuid[]);
end
$$;

-- Träger where the current user has one of the given roles.
create or replace function private.user_org_ids_with_role(roles text[]) returns setof uuid
language plpgsql stable security definer set search_path = '' rows 3
as $$
begin
  if current_setting('traegerkreis.m_key', true) is distinct from 'c' || coalesce(current_setting('request.jwt.claims', true), '') then
    perform private.load_memberships();
  end if;
  return query
  select x.org_id
  from unnest(current_setting('traegerkreis.m_orgs')::uuid[], current_setting('traegerkreis.m_roles')::text[]) as x(org_id, role)
  where x.role = any (roles);
end
$$;

-- Circles the current user's Träger belong to (active membership).
create or replace function private.user_network_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 3
as $$
begin
  if current_setting('traegerkreis.m_key', true) is distinct from 'c' || coalesce(current_setting('request.jwt.claims', true), '') then
    perform private.load_memberships();
  end if;
  return query select unnest(current_setting('traegerkreis.m_networks')::uuid[]);
end
$$;

-- Circles the current user coordinates: owner, admin or coordinator of a coordinating Träger.
create or replace function private.coordinated_network_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 2
as $$
begin
  if current_setting('traegerkreis.m_key', true) is distinct from 'c' || coalesce(current_setting('request.jwt.claims', true), '') then
    perform private.load_memberships();
  end if;
  return query select unnest(current_setting('traegerkreis.m_coordinated')::uuid[]);
end
$$;

-- Only the helpers (security definer, run as the owner) call these.
revoke all on function private.load_memberships(), private.ensure_memberships(), private.forget_memberships()
  from public, anon, authenticated, service_role;

-- The same sets as one value each, for the SELECT policies: `x = any ((select
-- private.user_org_id_array())::uuid[])` is evaluated once per statement as an InitPlan (which the
-- planner can also use as an index condition), where `x in (select private.user_org_ids())` runs
-- the set-returning helper as a hashed subplan per policy per table. `x in (set)` and
-- `x = any (array of the same set)` agree, nulls included.
create or replace function private.user_org_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_key', true) is distinct from 'c' || coalesce(current_setting('request.jwt.claims', true), '') then
    perform private.load_memberships();
  end if;
  return current_setting('traegerkreis.m_orgs')::uuid[];
end
$$;

create or replace function private.user_network_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_key', true) is distinct from 'c' || coalesce(current_setting('request.jwt.claims', true), '') then
    perform private.load_memberships();
  end if;
  return current_setting('traegerkreis.m_networks')::uuid[];
end
$$;

revoke all on function private.user_org_id_array(), private.user_network_id_array() from public;
grant execute on function private.user_org_id_array(), private.user_network_id_array() to authenticated, service_role;

-- Träger where the person has one of the roles (user_org_ids_with_role as one value).
create or replace function private.user_org_id_array_with_role(roles text[]) returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_key', true) is distinct from 'c' || coalesce(current_setting('request.jwt.claims', true), '') then
    perform private.load_memberships();
  end if;
  return array(
    select x.org_id
    from unnest(current_setting('traegerkreis.m_orgs')::uuid[], current_setting('traegerkreis.m_roles')::text[]) as x(org_id, role)
    where x.role = any (roles));
end
$$;

-- Circles the person coordinates (coordinated_network_ids as one value).
create or replace function private.coordinated_network_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if current_setting('traegerkreis.m_key', true) is distinct from 'c' || coalesce(current_setting('request.jwt.claims', true), '') then
    perform private.load_memberships();
  end if;
  return current_setting('traegerkreis.m_coordinated')::uuid[];
end
$$;

revoke all on function private.user_org_id_array_with_role(text[]), private.coordinated_network_id_array() from public;
grant execute on function private.user_org_id_array_with_role(text[]), private.coordinated_network_id_array()
  to authenticated, service_role;

grant execute on function private.user_org_ids(), private.user_org_ids_with_role(text[]),
  private.user_network_ids(), private.coordinated_network_ids() to authenticated, service_role;

-- networks
alter table public.networks enable row level security;
revoke all on public.networks from anon, authenticated;
grant select on public.networks to authenticated;
grant update (name, region, description, public_page, contact_email, contact_phone, fuehrungszeugnis_max_years)
  on public.networks to authenticated;
grant select, insert, update, delete on public.networks to service_role;

create policy "members of a circle can read it"
  on public.networks for select to authenticated
  using (id = any ((select private.user_network_id_array())::uuid[]));
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

-- The person's own Träger and the Träger active in one of their circles, looked up in
-- network_members for the rows a statement reads (network_members_org_id_idx) rather than from a
-- set of every visible Träger the membership loader would have to build for every transaction.
create policy "members of a circle can read the profiles of its Träger"
  on public.organizations for select to authenticated
  using (
    id = any ((select private.user_org_id_array())::uuid[])
    or exists (select 1 from public.network_members nm
               where nm.org_id = organizations.id and nm.status = 'active'
                 and nm.network_id = any ((select private.user_network_id_array())::uuid[]))
  );
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
  using (
    network_id = any ((select private.user_network_id_array())::uuid[])
    or org_id = any ((select private.user_org_id_array())::uuid[])
  );
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

-- A Träger's members see all its members; the circle sees its Ansprechpersonen.
create policy "members see their Träger's members, the circle its contacts"
  on public.org_members for select to authenticated
  using (
    org_id = any ((select private.user_org_id_array())::uuid[])
    or (is_contact_person
        and exists (select 1 from public.network_members nm
                    where nm.org_id = org_members.org_id and nm.status = 'active'
                      and nm.network_id = any ((select private.user_network_id_array())::uuid[])))
  );
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
-- - admins may mark an owner as Ansprechperson (only a change of the role itself is owners' business),
-- - concurrent changes in one Träger are serialised (two owners demoting each other at the same
--   moment must not leave the Träger without one),
-- - the audit trail keeps the person's name and email, so admins can still read who was removed.
create or replace function private.guard_org_members() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  acting uuid := (select auth.uid());
  acting_is_owner boolean;
  row_org uuid := coalesce(new.org_id, old.org_id);
  row_user uuid := coalesce(new.user_id, old.user_id);
  person jsonb;
begin
  perform 1 from public.organizations o where o.id = row_org for update;

  select jsonb_build_object('name', p.full_name, 'email', p.email) into person
  from public.profiles p where p.user_id = row_user;
  person := coalesce(person, '{}'::jsonb);

  if tg_op = 'INSERT' then
    perform private.audit('member.added', new.org_id, null, 'user', new.user_id::text,
      person || jsonb_build_object('role', new.role));
    return new;
  end if;

  acting_is_owner := exists (
    select 1 from public.org_members m
    where m.org_id = row_org and m.user_id = acting and m.role = 'owner');

  if acting is not null and not acting_is_owner
     and ((tg_op = 'UPDATE' and new.role is distinct from old.role
           and (old.role = 'owner' or new.role = 'owner'))
          or (tg_op = 'DELETE' and old.role = 'owner' and old.user_id <> acting)) then
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
      person || jsonb_build_object('role', old.role));
    return old;
  end if;

  if new.role <> old.role then
    perform private.audit('member.role_changed', new.org_id, null, 'user', new.user_id::text,
      person || jsonb_build_object('from', old.role, 'to', new.role));
  end if;
  if new.is_contact_person <> old.is_contact_person then
    perform private.audit('member.contact_person_changed', new.org_id, null, 'user', new.user_id::text,
      person || jsonb_build_object('is_contact_person', new.is_contact_person, 'title', new.contact_title));
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

-- One's own profile; colleagues' and the circle's contact people's: whoever one sees as a member
-- of a Träger (org_members' select policy decides which rows the subquery sees).
create policy "people read their own profile and those they may see"
  on public.profiles for select to authenticated
  using (
    user_id = (select auth.uid())
    or exists (select 1 from public.org_members m where m.user_id = profiles.user_id)
  );
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
-- A Träger's admins read its entries; a circle's coordinators read the circle's.
create policy "Träger admins read its entries, coordinators their circle's"
  on public.audit_log for select to authenticated
  using (
    org_id = any ((select private.user_org_id_array_with_role(array['owner', 'admin']))::uuid[])
    or network_id = any ((select private.coordinated_network_id_array())::uuid[])
  );

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
