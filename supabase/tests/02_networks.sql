-- networks (circles): members of a circle read it; its coordinators edit its public texts;
-- nobody creates or deletes circles through the API; visitors read nothing (the public page goes
-- through public.network_public_page, see 24_public_functions.sql).
begin;
\ir helpers/setup.psql
select plan(41);
select tests.seed_world();

-- A Träger whose membership in kreis-k is suspended: its people no longer see the circle.
insert into public.organizations (slug, name) values ('traeger-s', 'Träger S');
insert into public.network_members (network_id, org_id, role, status)
values (tests.network_id('kreis-k'), tests.org_id('traeger-s'), 'member', 'suspended');
insert into public.org_members (org_id, user_id, role)
values (tests.org_id('traeger-s'), tests.create_user('s-owner@test.example'), 'owner');

-- select: allowed for the circle's members, whatever their role
select * from tests.each_count(
  array['b-owner', 'b-admin', 'b-coord', 'b-member', 'a-owner', 'a-coord', 'a-member'],
  $$select count(*) from public.networks where slug = 'kreis-k'$$, 1, 'reads kreis-k (its circle)');
-- select: denied (filtered) for everyone else
select * from tests.each_count(
  array['b-owner', 'a-coord', 'b-member'],
  $$select count(*) from public.networks where slug = 'kreis-p'$$, 0, 'does not see kreis-p (another circle)');
select * from tests.each_count(array['c-owner'],
  $$select count(*) from public.networks where slug = 'kreis-k'$$, 0, 'does not see kreis-k (another circle)');
select * from tests.each_count(array['c-owner'],
  $$select count(*) from public.networks where slug = 'kreis-p'$$, 1, 'reads kreis-p (its circle)');
select * from tests.each_count(array['stranger', 's-owner'],
  'select count(*) from public.networks', 0, 'sees no circle');
select * from tests.each_throws(array['anon'], 'select * from public.networks', '42501', 'cannot read networks');

-- insert: nobody
select * from tests.each_throws(array['a-coord', 'b-owner', 'stranger', 'anon'],
  $$insert into public.networks (slug, name) values ('neuer-kreis', 'Neuer Kreis')$$, '42501',
  'cannot create a circle');

-- update: the circle's coordinators (owner/admin/coordinator of the coordinating Träger)
select tests.authenticate_as('a-coord');
select is(tests.affected($$update public.networks set description = 'von a-coord' where slug = 'kreis-k'$$), 1,
  'a-coord (circle coordinator) edits the description');
select tests.authenticate_as('a-owner');
select is(tests.affected($$update public.networks set region = 'Wesel' where slug = 'kreis-k'$$), 1,
  'a-owner (circle coordinator) edits the region');
select throws_ok($$update public.networks set slug = 'umbenannt' where slug = 'kreis-k'$$, '42501', null,
  'a-owner cannot change the slug (column not granted)');
select throws_ok($$update public.networks set created_at = now() where slug = 'kreis-k'$$, '42501', null,
  'a-owner cannot change created_at');
select tests.authenticate_as('a-coord');
select is(tests.affected($$update public.networks set description = 'fremd' where slug = 'kreis-p'$$), 0,
  'a-coord cannot edit a circle it does not coordinate');
-- update: silently filtered for members who do not coordinate, and for outsiders
select * from tests.each_affected(
  array['a-member', 'b-owner', 'b-admin', 'b-coord', 'b-member', 'c-owner', 'stranger', 's-owner'],
  $$update public.networks set description = 'gekapert' where slug = 'kreis-k'$$, 0,
  'cannot edit kreis-k');
select * from tests.each_throws(array['anon'],
  $$update public.networks set description = 'gekapert'$$, '42501', 'cannot edit circles');
select is((select description from public.networks where slug = 'kreis-k'), 'von a-coord',
  'only the coordinators'' edits reached kreis-k');
select is((select description from public.networks where slug = 'kreis-p'), 'Geschlossener Testkreis',
  'kreis-p is unchanged');

-- delete: nobody
select * from tests.each_throws(array['a-coord', 'a-owner', 'b-owner', 'stranger', 'anon'],
  $$delete from public.networks where slug = 'kreis-k'$$, '42501', 'cannot delete a circle');
select is((select count(*)::int from public.networks), 2, 'both circles still exist');

select * from finish();
rollback;
