-- network_members (which Träger belong to which circle): visible to the circle and to the Träger
-- itself; the circle's coordinators change role and status; joining happens only through
-- public.admit_join_request; nobody deletes memberships through the API.
begin;
\ir helpers/setup.psql
select plan(35);
select tests.seed_world();

-- select: the circle sees its memberships
select * from tests.each_count(
  array['b-owner', 'b-admin', 'b-coord', 'b-member', 'a-owner', 'a-coord', 'a-member'],
  $$select count(*) from public.network_members where network_id = tests.network_id('kreis-k')$$, 2,
  'sees both memberships of kreis-k');
select * from tests.each_count(
  array['b-owner', 'a-coord'],
  $$select count(*) from public.network_members where network_id = tests.network_id('kreis-p')$$, 0,
  'does not see the memberships of kreis-p');
select * from tests.each_count(array['c-owner'],
  'select count(*) from public.network_members', 1, 'sees only its own circle''s membership');
select * from tests.each_count(array['stranger'],
  'select count(*) from public.network_members', 0, 'sees no membership');
select * from tests.each_throws(array['anon'], 'select * from public.network_members', '42501',
  'cannot read memberships');

-- insert: nobody, not even a coordinator (admission goes through admit_join_request)
select * from tests.each_throws(array['a-coord', 'c-owner', 'stranger', 'anon'],
  $$insert into public.network_members (network_id, org_id) values (tests.network_id('kreis-k'), tests.org_id('traeger-c'))$$,
  '42501', 'cannot put Träger C into kreis-k');

-- update: the circle's coordinators may suspend a Träger or make it a coordinator
select tests.authenticate_as('a-coord');
select is(tests.affected($$update public.network_members set status = 'suspended'
  where org_id = tests.org_id('traeger-b')$$), 1, 'a-coord (circle coordinator) suspends Träger B');
select throws_ok($$update public.network_members set network_id = tests.network_id('kreis-p')
  where org_id = tests.org_id('traeger-b')$$, '42501', null, 'a-coord cannot move Träger B to another circle');
select throws_ok($$update public.network_members set org_id = tests.org_id('traeger-c')
  where org_id = tests.org_id('traeger-b')$$, '42501', null, 'a-coord cannot swap the Träger of a membership');
select is(tests.affected($$update public.network_members set status = 'suspended'
  where org_id = tests.org_id('traeger-c')$$), 0, 'a-coord cannot touch kreis-p''s memberships');
select tests.authenticate_as('a-owner');
select is(tests.affected($$update public.network_members set status = 'active'
  where org_id = tests.org_id('traeger-b')$$), 1, 'a-owner (circle coordinator) reactivates Träger B');
-- update: everyone else is filtered; in particular B cannot make itself coordinator
select * from tests.each_affected(
  array['a-member', 'b-owner', 'b-admin', 'b-coord', 'b-member', 'c-owner', 'stranger'],
  $$update public.network_members set role = 'coordinator' where org_id = tests.org_id('traeger-b')$$, 0,
  'cannot make Träger B a coordinator of kreis-k');
select * from tests.each_throws(array['anon'],
  $$update public.network_members set status = 'suspended'$$, '42501', 'cannot change memberships');
select is((select role || '/' || status from public.network_members where org_id = tests.org_id('traeger-b')),
  'member/active', 'Träger B''s membership is as the coordinators left it');

-- delete: nobody
select * from tests.each_throws(array['a-coord', 'b-owner', 'stranger', 'anon'],
  $$delete from public.network_members where org_id = tests.org_id('traeger-b')$$, '42501',
  'cannot remove Träger B from kreis-k');
select is((select count(*)::int from public.network_members), 3, 'all memberships remain');

select * from finish();
rollback;
