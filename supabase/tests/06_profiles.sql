-- profiles: everyone reads their own; colleagues read each other; the circle reads the
-- Ansprechpersonen of its Träger; people create and edit only their own (email is kept in step
-- with auth.users by the auth service, not by the user); nobody deletes profiles.
begin;
\ir helpers/setup.psql
select plan(41);
select tests.seed_world();
-- Someone signed up whose profile does not exist yet, and a stranger's profile no one should see.
select tests.create_user('neu@test.example', null, false);

-- select: own profile, always
select * from tests.each_count(
  array['b-owner', 'b-member', 'a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.profiles where user_id = (select auth.uid())', 1, 'reads their own profile');
-- select: colleagues
select * from tests.each_count(
  array['b-owner', 'b-admin', 'b-coord', 'b-member'],
  $$select count(*) from public.profiles where email like 'b-%'$$, 4, 'reads the profiles of all colleagues in B');
-- select: the circle sees B's Ansprechperson only
select * from tests.each_count(
  array['a-owner', 'a-coord', 'a-member'],
  $$select count(*) from public.profiles where email like 'b-%'$$, 1, 'reads only B''s Ansprechperson');
select tests.authenticate_as('a-member');
select is((select email from public.profiles where email like 'b-%'), 'b-admin@test.example',
  'a-member: the visible profile of B is b-admin''s');
-- select: nothing across circles or of strangers
select * from tests.each_count(array['c-owner', 'stranger'],
  $$select count(*) from public.profiles where email like 'b-%'$$, 0, 'reads no profile of B');
select * from tests.each_count(array['b-owner', 'a-coord'],
  $$select count(*) from public.profiles where email like 'c-%'$$, 0, 'reads no profile of C (another circle)');
select * from tests.each_count(array['b-owner', 'a-coord', 'c-owner'],
  $$select count(*) from public.profiles where email = 'stranger@test.example'$$, 0, 'reads no stranger''s profile');
select * from tests.each_count(array['stranger'],
  'select count(*) from public.profiles', 1, 'reads only their own profile');
select * from tests.each_throws(array['anon'], 'select * from public.profiles', '42501', 'cannot read profiles');

-- insert: only one's own
select tests.authenticate_as('neu');
select throws_ok($$insert into public.profiles (user_id, full_name, email)
  values (tests.user_id('stranger'), 'Falsch', 'falsch@test.example')$$, '42501', null,
  'neu cannot create a profile for someone else');
select lives_ok($$insert into public.profiles (user_id, full_name, email)
  values (tests.user_id('neu'), 'Neu Person', 'neu@test.example')$$, 'neu creates their own profile');
select * from tests.each_throws(array['anon'],
  $$insert into public.profiles (user_id, full_name, email)
    values (tests.user_id('stranger'), 'Falsch', 'falsch@test.example')$$, '42501', 'cannot create a profile');

-- update: only one's own, and only the editable columns
select tests.authenticate_as('b-member');
select is(tests.affected($$update public.profiles set full_name = 'Bea Neu', phone = '0281 1'
  where user_id = (select auth.uid())$$), 1, 'b-member edits their own profile');
select throws_ok($$update public.profiles set email = 'andere@test.example' where user_id = (select auth.uid())$$,
  '42501', null, 'b-member cannot change their profile email (the auth service does)');
select throws_ok($$update public.profiles set user_id = tests.user_id('stranger') where user_id = (select auth.uid())$$,
  '42501', null, 'b-member cannot take over another user id');
select * from tests.each_affected(
  array['b-owner', 'b-admin', 'b-coord', 'a-coord', 'c-owner', 'stranger'],
  $$update public.profiles set full_name = 'Gekapert' where email = 'b-member@test.example'$$, 0,
  'cannot edit b-member''s profile (not even an admin of B)');
select * from tests.each_throws(array['anon'],
  $$update public.profiles set full_name = 'Gekapert'$$, '42501', 'cannot edit profiles');
select is((select full_name from public.profiles where email = 'b-member@test.example'), 'Bea Neu',
  'b-member''s profile has only their own edit');

-- delete: nobody (accounts are deleted by the auth service; the profile cascades)
select * from tests.each_throws(array['b-member', 'b-owner', 'stranger', 'anon'],
  $$delete from public.profiles where email = 'b-member@test.example'$$, '42501', 'cannot delete a profile');
select is((select count(*)::int from public.profiles), 10, 'all profiles remain');

select * from finish();
rollback;
