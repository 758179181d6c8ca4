-- The schema's security rules, checked on the catalog:
--   * every table in public has row-level security on, and a policy;
--   * anon holds no privilege on any table except INSERT of the join form's columns on
--     join_requests (the public page's "Interesse melden"); the API roles hold nothing in
--     private and auth;
--   * authenticated holds exactly the listed privileges on the foundation's and the
--     Vertretungsbörse's tables, and writes exactly the listed columns of the latter (snapshots: a
--     change must be made here on purpose), nothing in private, auth and supabase_migrations, and
--     writes only through column grants;
--   * cover_requests, which the whole circle reads, holds exactly the listed columns: RLS hides
--     rows, not columns, so whatever only the requesting Träger may know lives in
--     cover_request_internals (docs/decisions/007-cover-private-columns.md);
--   * every policy is `to authenticated`, except the visitors' insert policy on join_requests;
--   * every function in private and every security-definer function sets search_path = '';
--     functions in private are security definer, except immutable helpers and trigger functions;
--   * no function in public or private is executable by PUBLIC; anon may execute only the
--     functions the public pages need; in private the API roles may execute only read-only
--     (stable/immutable) helpers, never the internal writers (enqueue_mail, notify, audit,
--     create_invitation).
begin;
\ir helpers/setup.psql
select plan(27);

-- Tables in public. A tripwire: a NEW TABLE needs its persona tests (allow and deny for select,
-- insert, update, delete per persona, supabase/tests/NN_<table>.sql) and its name here.
select tables_are('public', array[
  'hilfearten', 'gemeinden', 'networks', 'organizations', 'network_members', 'org_members', 'profiles',
  'invitations', 'join_requests', 'notifications', 'audit_log',
  'training_topics', 'trainings', 'training_co_organizers', 'training_sessions', 'training_contingents',
  'training_registrations', 'training_queue_moves', 'training_attendance',
  'cover_requests', 'cover_request_internals', 'cover_request_recipients', 'cover_offers', 'cover_handover_notes', 'cover_contacts',
  'cover_ledger', 'cover_ledger_months', 'cover_alert_preferences', 'sozialdaten_hides',
  'cover_favourites', 'staff_members', 'push_subscriptions', 'push_preferences',
  'meetings', 'meeting_rsvps', 'meeting_guests', 'date_polls', 'poll_options', 'poll_votes', 'agenda_items',
  'minutes', 'minutes_versions', 'minutes_comments', 'decisions', 'action_items',
  'projects', 'project_partners', 'project_updates', 'project_comments', 'project_tasks', 'project_links', 'project_dates',
  'calendar_feeds'],
  'public holds exactly the tables the persona tests cover (new table? add its persona tests and list it here)');

select is_empty($$
  select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity$$,
  'every table in public has row-level security enabled');
select is_empty($$
  select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind in ('r', 'p')
    and not exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname)$$,
  'every table in public has at least one policy');
select is_empty($$
  select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind in ('v', 'm', 'f')$$,
  'public has no views (a view would bypass row-level security as its owner)');

-- Role attributes
select results_eq($$select rolname::text collate "default", rolbypassrls, rolsuper from pg_roles
                    where rolname in ('anon', 'authenticated', 'service_role') order by rolname$$,
  $$values ('anon', false, false), ('authenticated', false, false), ('service_role', true, false)$$,
  'only service_role bypasses row-level security; no API role is a superuser');

-- anon: table and column privileges
create temp view table_privileges as
  select r.rolname::text as role, n.nspname::text collate "default" as schema,
    c.relname::text collate "default" as tbl, p.privilege
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  cross join (values ('anon'), ('authenticated')) r(rolname)
  cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p(privilege)
  where n.nspname in ('public', 'private', 'auth', 'supabase_migrations')
    and c.relkind in ('r', 'p', 'v', 'm', 'f')
    and (has_table_privilege(r.rolname, c.oid, p.privilege)
         or (p.privilege in ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES')
             and has_any_column_privilege(r.rolname, c.oid, p.privilege)));

select results_eq($$select schema, tbl, privilege from table_privileges where role = 'anon' order by 1, 2, 3$$,
  $$values ('public', 'join_requests', 'INSERT')$$,
  'anon holds no table privilege except INSERT on join_requests');
select is_empty($$select table_name from information_schema.role_table_grants
                  where grantee = 'anon' and table_schema <> 'pg_catalog' and table_schema <> 'information_schema'$$,
  'anon holds no table-level grant at all (the join_requests INSERT is per column)');
select results_eq($$select column_name::text collate "default" from information_schema.column_privileges
                    where grantee = 'anon' and table_schema = 'public' order by 1$$,
  $$values ('contact_name'), ('email'), ('message'), ('network_id'), ('org_name'), ('phone')$$,
  'anon may insert exactly the join form''s columns (not status, org_id, decided_by, ...)');
select is_empty($$
  select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname in ('public', 'private', 'auth') and c.relkind = 'S'
    and (has_sequence_privilege('anon', c.oid, 'USAGE') or has_sequence_privilege('anon', c.oid, 'SELECT')
         or has_sequence_privilege('anon', c.oid, 'UPDATE'))$$,
  'anon holds no sequence privilege');

-- Sequences: identity columns need no privilege, so the API roles hold none (Supabase's default
-- privileges would give them USAGE/SELECT/UPDATE on every new sequence in public; the local shim
-- gives the same defaults on a fresh database).
select is_empty($$
  select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname in ('public', 'private', 'auth') and c.relkind = 'S'
    and (has_sequence_privilege('authenticated', c.oid, 'USAGE') or has_sequence_privilege('authenticated', c.oid, 'SELECT')
         or has_sequence_privilege('authenticated', c.oid, 'UPDATE'))$$,
  'authenticated holds no sequence privilege');
select is_empty($$
  select n.nspname || ': ' || a.grantee::regrole::text from pg_default_acl d
  join pg_namespace n on n.oid = d.defaclnamespace
  cross join lateral aclexplode(d.defaclacl) a
  where d.defaclobjtype = 'S' and d.defaclrole = current_user::regrole
    and a.grantee in ('anon'::regrole, 'authenticated'::regrole)$$,
  'new sequences grant nothing to anon or authenticated by default');

-- Every foreign key has an index whose leading columns are its columns (deleting a referenced
-- row must not scan the referencing table).
select is_empty($$
  select c.conrelid::regclass::text || ' (' || (
           select string_agg(a.attname, ', ') from pg_attribute a
           where a.attrelid = c.conrelid and a.attnum = any (c.conkey)) || ')'
  from pg_constraint c join pg_namespace n on n.oid = c.connamespace
  where c.contype = 'f' and n.nspname in ('public', 'private')
    and not exists (
      select 1 from pg_index i
      where i.indrelid = c.conrelid
        and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
        and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)$$,
  'every foreign key in public and private has an index on its columns');

-- authenticated: the snapshot of the foundation's tables, and nothing outside public
select is_empty($$select schema, tbl, privilege from table_privileges where role = 'authenticated' and schema <> 'public'$$,
  'authenticated holds no privilege in private, auth or supabase_migrations');
select results_eq($$select tbl, string_agg(privilege, ',' order by privilege) from table_privileges
                    where role = 'authenticated' and schema = 'public'
                      and tbl in ('hilfearten', 'gemeinden', 'networks', 'organizations', 'network_members',
                                  'org_members', 'profiles', 'invitations', 'join_requests', 'notifications', 'audit_log')
                    group by schema, tbl order by schema, tbl$$,
  $$values
    ('audit_log', 'SELECT'),
    ('gemeinden', 'SELECT'),
    ('hilfearten', 'SELECT'),
    ('invitations', 'DELETE,SELECT'),
    ('join_requests', 'INSERT,SELECT'),
    ('network_members', 'SELECT,UPDATE'),
    ('networks', 'SELECT,UPDATE'),
    ('notifications', 'DELETE,SELECT,UPDATE'),
    ('org_members', 'DELETE,SELECT,UPDATE'),
    ('organizations', 'SELECT,UPDATE'),
    ('profiles', 'INSERT,SELECT,UPDATE')$$,
  'authenticated holds exactly these privileges on the foundation''s tables');
select results_eq($$select tbl, string_agg(privilege, ',' order by privilege) from table_privileges
                    where role = 'authenticated' and schema = 'public' and tbl like 'cover%'
                    group by schema, tbl order by schema, tbl$$,
  $$values
    ('cover_alert_preferences', 'DELETE,INSERT,SELECT,UPDATE'),
    ('cover_contacts', 'SELECT'),
    ('cover_favourites', 'DELETE,INSERT,SELECT'),
    ('cover_handover_notes', 'DELETE,INSERT,SELECT,UPDATE'),
    ('cover_ledger', 'SELECT,UPDATE'),
    ('cover_ledger_months', 'SELECT'),
    ('cover_offers', 'SELECT'),
    ('cover_request_internals', 'SELECT,UPDATE'),
    ('cover_request_recipients', 'DELETE,INSERT,SELECT'),
    ('cover_requests', 'DELETE,INSERT,SELECT,UPDATE')$$,
  'authenticated holds exactly these privileges on the Vertretungsbörse''s tables');
select results_eq($$select table_name::text collate "default", privilege_type::text collate "default",
                      string_agg(column_name::text, ',' order by column_name::text) collate "default"
                    from information_schema.column_privileges
                    where grantee = 'authenticated' and table_schema = 'public' and table_name like 'cover%'
                      and privilege_type in ('INSERT', 'UPDATE')
                    group by 1, 2 order by 1, 2$$,
  $$values
    ('cover_alert_preferences', 'INSERT', 'email_enabled,gemeinden,hilfearten,notfall_only,urgencies,user_id'),
    ('cover_alert_preferences', 'UPDATE', 'email_enabled,gemeinden,hilfearten,notfall_only,urgencies'),
    ('cover_favourites', 'INSERT', 'favourite_org_id,org_id'),
    ('cover_handover_notes', 'INSERT', 'notes,request_id'),
    ('cover_handover_notes', 'UPDATE', 'notes'),
    ('cover_ledger', 'UPDATE', 'agreement_reference'),
    ('cover_request_internals', 'UPDATE', 'case_reference'),
    ('cover_request_recipients', 'INSERT', 'org_id,request_id'),
    ('cover_requests', 'INSERT', 'addressing,description,gemeinde,gender_reason,gender_requirement,hilfeart,hours_per_week,kind,languages,needs_car,needs_driving_licence,network_id,no_sozialdaten_confirmed,org_id,partners_at,period_from,period_to,qualification,requires_fachkraft,sozialraum,urgency,widen_at'),
    ('cover_requests', 'UPDATE', 'addressing,description,gemeinde,gender_reason,gender_requirement,hilfeart,hours_per_week,kind,languages,needs_car,needs_driving_licence,no_sozialdaten_confirmed,partners_at,period_from,period_to,qualification,requires_fachkraft,sozialraum,urgency,widen_at')$$,
  'authenticated writes exactly these columns of the Vertretungsbörse''s tables');
-- A tripwire: every column of cover_requests is read by the whole circle (RLS hides rows, not
-- columns). A new column either belongs to the circle (add it here) or to the requesting Träger
-- (put it in cover_request_internals).
select results_eq($$select column_name::text collate "default" from information_schema.columns
                    where table_schema = 'public' and table_name = 'cover_requests' order by ordinal_position$$,
  $$values ('id'), ('network_id'), ('org_id'), ('status'), ('urgency'), ('urgency_rank'), ('hilfeart'), ('gemeinde'),
    ('sozialraum'), ('period_from'), ('period_to'), ('hours_per_week'), ('kind'), ('qualification'), ('languages'),
    ('needs_driving_licence'), ('needs_car'), ('gender_requirement'), ('gender_reason'), ('description'),
    ('no_sozialdaten_confirmed'), ('no_sozialdaten_confirmed_at'), ('addressing'), ('widen_at'), ('widened_at'),
    ('covered_hours'), ('cancelled_at'), ('published_at'), ('filled_at'), ('closed_at'), ('created_at'), ('updated_at'),
    ('partners_at'), ('partners_notified_at'), ('requires_fachkraft')$$,
  'cover_requests holds only what the circle may read (what only the requester may know is in cover_request_internals)');
-- Kooperationstreffen: every write goes through the meeting functions.
select results_eq($$select tbl, string_agg(privilege, ',' order by privilege) from table_privileges
                    where role = 'authenticated' and schema = 'public'
                      and tbl in ('meetings', 'meeting_rsvps', 'meeting_guests', 'date_polls', 'poll_options',
                                  'poll_votes', 'agenda_items', 'minutes', 'minutes_versions', 'minutes_comments',
                                  'decisions', 'action_items')
                    group by schema, tbl order by schema, tbl$$,
  $$values ('action_items', 'SELECT'), ('agenda_items', 'SELECT'), ('date_polls', 'SELECT'), ('decisions', 'SELECT'),
    ('meeting_guests', 'SELECT'), ('meeting_rsvps', 'SELECT'), ('meetings', 'SELECT'), ('minutes', 'SELECT'),
    ('minutes_comments', 'SELECT'), ('minutes_versions', 'SELECT'), ('poll_options', 'SELECT'), ('poll_votes', 'SELECT')$$,
  'authenticated only reads the meeting tables (every write is a function)');
select is_empty($$select table_name from information_schema.role_table_grants
                  where grantee = 'authenticated' and privilege_type in ('INSERT', 'UPDATE')
                    and table_schema not in ('pg_catalog', 'information_schema')$$,
  'authenticated inserts and updates only through column grants (no table-wide INSERT/UPDATE)');

-- Policies
select results_eq($$select tablename::text collate "default", cmd collate "default", roles::text collate "default" from pg_policies
                    where schemaname = 'public' and roles <> '{authenticated}'::name[] order by 1, 2$$,
  $$values ('join_requests', 'INSERT', '{anon}')$$,
  'every policy is to authenticated, except the visitors'' insert policy on join_requests');

-- One permissive policy per table and command where the advisor flagged several (each is
-- evaluated for every row); their conditions are OR-ed in one policy.
select is_empty($$
  select tablename || ' ' || cmd || ': ' || count(*) from pg_policies
  where schemaname = 'public' and permissive = 'PERMISSIVE'
    and tablename in ('audit_log', 'cover_requests', 'org_members', 'profiles', 'training_registrations')
  group by tablename, cmd having count(*) > 1$$,
  'audit_log, cover_requests, org_members, profiles and training_registrations have one permissive policy per command');

-- Functions
select is_empty($$
  select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname in ('public', 'private')
    and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    and (p.prosecdef or n.nspname = 'private')
    and not coalesce(p.proconfig @> array['search_path=""'], false)$$,
  'every function in private and every security-definer function sets search_path = ''''');
select is_empty($$
  select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = 'private' and not p.prosecdef
    and p.provolatile <> 'i' and p.prorettype <> 'trigger'::regtype$$,
  'functions in private are security definer, except immutable helpers and trigger functions');
select results_eq($$
  select (n.nspname || '.' || p.proname) collate "default" from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname in ('public', 'private')
    and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    and has_function_privilege('anon', p.oid, 'execute') order by 1$$,
  $$values ('private.is_public_network'), ('public.calendar_feed_for_token'), ('public.guest_meeting'), ('public.guest_rsvp'),
           ('public.invitation_preview'), ('public.network_next_meeting'), ('public.network_public_page'),
           ('public.public_networks'), ('public.register_meeting_guest')$$,
  'anon executes only what the public pages need (and the join_requests insert policy''s helper)');
select is_empty($$
  select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = 'private' and p.provolatile = 'v'
    and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))$$,
  'in private, the API roles may execute only read-only (stable or immutable) helpers');
select is_empty($$
  select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = 'private' and p.proname in ('enqueue_mail', 'notify', 'audit', 'create_invitation')
    and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute')
         or has_function_privilege('public', p.oid, 'execute'))$$,
  'nobody but the system may call enqueue_mail, notify, audit or create_invitation');
select is_empty($$
  select (n.nspname || '.' || p.proname) collate "default" from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname in ('public', 'private')
    and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    and has_function_privilege('public', p.oid, 'execute')$$,
  'no function in public or private is executable by PUBLIC (every grant is on purpose)');

select * from finish();
rollback;
