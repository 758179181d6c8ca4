-- Träger self-service: slugs that would hide a Träger behind a fixed page are never given out,
-- and the membership guard is refined for what admins do on the member page.

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

alter table public.organizations
  add constraint organizations_slug_not_reserved check (slug <> all (array['neu']));

-- Guards the owner role: only owners grant or take it, and a Träger always keeps one owner.
-- Replaces the foundation version so that
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
