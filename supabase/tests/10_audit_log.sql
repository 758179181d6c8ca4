-- audit_log: append-only, written by the system (private.audit). Owners and admins read their
-- Träger's entries; the circle's coordinators read the circle's entries; no one else reads any;
-- no one (not even the service role) edits or deletes an entry.
begin;
\ir helpers/setup.psql
select plan(31);
select tests.seed_world();

-- seed_world wrote member.added entries for A, B and C. Add a circle entry for kreis-k and one
-- for kreis-p.
insert into public.audit_log (network_id, action) values
  (tests.network_id('kreis-k'), 'test.kreis-k'),
  (tests.network_id('kreis-p'), 'test.kreis-p');

-- select: owners/admins of B read B's entries (4 members added), nothing of A or C
select * from tests.each_count(array['b-owner', 'b-admin'],
  $$select count(*) from public.audit_log where org_id = tests.org_id('traeger-b')$$, 4,
  'reads the four entries of Träger B');
select * from tests.each_count(array['b-owner', 'b-admin'],
  $$select count(*) from public.audit_log where org_id is distinct from tests.org_id('traeger-b')$$, 0,
  'reads nothing else (not A''s, not C''s, not the circle''s)');
-- select: circle coordinators read the circle's entries and their own Träger's (as owner: all
-- of A's; as coordinator of A: none of A's)
select * from tests.each_count(array['a-owner', 'a-coord'],
  $$select count(*) from public.audit_log where network_id = tests.network_id('kreis-k')$$, 1,
  'reads the entry of kreis-k');
select * from tests.each_count(array['a-owner', 'a-coord'],
  $$select count(*) from public.audit_log where org_id = tests.org_id('traeger-b')
    or network_id = tests.network_id('kreis-p')$$, 0,
  'reads nothing of Träger B or of kreis-p');
select * from tests.each_count(array['a-owner'],
  $$select count(*) from public.audit_log where org_id = tests.org_id('traeger-a')$$, 3,
  'reads the entries of its own Träger A');
select * from tests.each_count(array['a-coord'],
  $$select count(*) from public.audit_log where org_id = tests.org_id('traeger-a')$$, 0,
  'a coordinator of A (not admin) reads none of A''s entries');
-- select: members and coordinators of B, outsiders: nothing
select * from tests.each_count(array['b-coord', 'b-member', 'a-member', 'stranger'],
  'select count(*) from public.audit_log', 0, 'reads no audit entry');
select * from tests.each_count(array['c-owner'],
  $$select count(*) from public.audit_log where org_id = tests.org_id('traeger-c') or network_id = tests.network_id('kreis-p')$$, 2,
  'reads its own Träger''s and circle''s entries');
select * from tests.each_throws(array['anon'], 'select * from public.audit_log', '42501',
  'cannot read the audit log');

-- insert / update / delete: nobody through the API
select * from tests.each_throws(array['b-owner', 'a-coord', 'stranger', 'anon'],
  $$insert into public.audit_log (org_id, action) values (tests.org_id('traeger-b'), 'gefälscht')$$,
  '42501', 'cannot write an audit entry');
select * from tests.each_throws(array['b-owner'],
  $$select private.audit('gefälscht', tests.org_id('traeger-b'), null, null, null, null)$$,
  '42501', 'cannot call private.audit');
select * from tests.each_throws(array['b-owner', 'a-coord', 'anon'],
  $$update public.audit_log set action = 'verwischt'$$, '42501', 'cannot change an audit entry');
select * from tests.each_throws(array['b-owner', 'a-coord', 'anon'],
  'delete from public.audit_log', '42501', 'cannot delete an audit entry');
-- append-only even for the service role
select tests.clear_authentication();
set local role service_role;
select throws_ok($$update public.audit_log set action = 'verwischt'$$, '42501', null,
  'service_role cannot change an audit entry');
select throws_ok('delete from public.audit_log', '42501', null, 'service_role cannot delete an audit entry');
reset role;

select is((select count(*)::int from public.audit_log), 10, 'all entries are still there');
select is((select count(*)::int from public.audit_log where action in ('gefälscht', 'verwischt')), 0,
  'none was forged or changed');

select * from finish();
rollback;
