-- organizations (Träger): people see their own Träger and every Träger of their circles; owners
-- and admins edit their own profile; creation only through public.create_organization; nobody
-- deletes a Träger through the API; visitors read nothing.
begin;
\ir helpers/setup.psql
select plan(43);
select tests.seed_world();

-- select: own Träger and the circle's Träger
select * from tests.each_count(
  array['b-owner', 'b-admin', 'b-coord', 'b-member', 'a-owner', 'a-coord', 'a-member'],
  $$select count(*) from public.organizations where slug in ('traeger-a', 'traeger-b')$$, 2,
  'reads the profiles of the Träger in kreis-k');
-- select: never a Träger outside one's circles
select * from tests.each_count(
  array['b-owner', 'b-member', 'a-coord'],
  $$select count(*) from public.organizations where slug = 'traeger-c'$$, 0,
  'does not see Träger C (another circle)');
select * from tests.each_count(array['c-owner'],
  'select count(*) from public.organizations', 1, 'sees only its own Träger C');
select * from tests.each_count(array['stranger'],
  'select count(*) from public.organizations', 0, 'sees no Träger');
select * from tests.each_throws(array['anon'], 'select * from public.organizations', '42501',
  'cannot read Träger');
-- select: a Träger whose circle membership is suspended drops out of the circle both ways
select tests.clear_authentication();
insert into public.organizations (slug, name) values ('traeger-s', 'Träger S');
insert into public.network_members (network_id, org_id, status)
values (tests.network_id('kreis-k'), tests.org_id('traeger-s'), 'suspended');
insert into public.org_members (org_id, user_id, role)
values (tests.org_id('traeger-s'), tests.create_user('s-owner@test.example'), 'owner');
select * from tests.each_count(array['b-member', 'a-coord'],
  $$select count(*) from public.organizations where slug = 'traeger-s'$$, 0,
  'does not see the suspended Träger S');
select * from tests.each_count(array['s-owner'],
  'select count(*) from public.organizations', 1, 'the suspended Träger sees only itself');

-- insert: nobody directly (public.create_organization does it and adds the owner)
select * from tests.each_throws(array['stranger', 'b-owner', 'a-coord', 'anon'],
  $$insert into public.organizations (slug, name) values ('direkt', 'Direkt e. V.')$$, '42501',
  'cannot insert a Träger directly');

-- update: owners and admins of the Träger
select tests.authenticate_as('b-owner');
select is(tests.affected($$update public.organizations set leitbild = 'vom owner' where slug = 'traeger-b'$$), 1,
  'b-owner edits the profile of Träger B');
select tests.authenticate_as('b-admin');
select is(tests.affected($$update public.organizations set leitbild = 'vom admin', hilfearten = '{p31}' where slug = 'traeger-b'$$), 1,
  'b-admin edits the profile of Träger B');
select throws_ok($$update public.organizations set slug = 'anders' where slug = 'traeger-b'$$, '42501', null,
  'b-admin cannot change the slug (column not granted)');
select throws_ok($$update public.organizations set id = gen_random_uuid() where slug = 'traeger-b'$$, '42501', null,
  'b-admin cannot change the id');
select throws_ok($$update public.organizations set hilfearten = '{erfunden}' where slug = 'traeger-b'$$, 'P0001',
  'TK_UNKNOWN_HILFEART', 'an unknown hilfeart is refused');
select throws_ok($$update public.organizations set gemeinden = '{atlantis}' where slug = 'traeger-b'$$, 'P0001',
  'TK_UNKNOWN_GEMEINDE', 'an unknown gemeinde is refused');
select is(tests.affected($$update public.organizations set leitbild = 'fremd' where slug = 'traeger-a'$$), 0,
  'b-admin cannot edit Träger A (visible, but not theirs)');
-- update: silently filtered for everyone else
select * from tests.each_affected(
  array['b-coord', 'b-member', 'a-owner', 'a-coord', 'a-member', 'c-owner', 'stranger'],
  $$update public.organizations set leitbild = 'gekapert' where slug = 'traeger-b'$$, 0,
  'cannot edit Träger B');
select * from tests.each_throws(array['anon'],
  $$update public.organizations set leitbild = 'gekapert'$$, '42501', 'cannot edit Träger');
select is((select leitbild from public.organizations where slug = 'traeger-b'), 'vom admin',
  'only the owner''s and admin''s edits reached Träger B');
select is((select leitbild from public.organizations where slug = 'traeger-a'), '',
  'Träger A is unchanged');

-- delete: nobody, not even the owner
select * from tests.each_throws(array['b-owner', 'b-admin', 'a-coord', 'stranger', 'anon'],
  $$delete from public.organizations where slug = 'traeger-b'$$, '42501', 'cannot delete Träger B');
select is((select count(*)::int from public.organizations), 4, 'all four Träger still exist');

select * from finish();
rollback;
