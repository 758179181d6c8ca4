-- org_members (people in a Träger): colleagues see each other, the circle sees only the
-- Ansprechpersonen; owners and admins change roles and Ansprechpersonen and remove members;
-- anyone may leave; the owner role is guarded (only owners grant or take it, the last owner
-- stays); nobody inserts members directly (invitations do that).
begin;
\ir helpers/setup.psql
select plan(53);
select tests.seed_world();

-- select: all colleagues of one's own Träger
select * from tests.each_count(
  array['b-owner', 'b-admin', 'b-coord', 'b-member'],
  $$select count(*) from public.org_members where org_id = tests.org_id('traeger-b')$$, 4,
  'sees all four members of Träger B');
-- select: the circle sees only B's Ansprechperson (b-admin)
select * from tests.each_count(
  array['a-owner', 'a-coord', 'a-member'],
  $$select count(*) from public.org_members where org_id = tests.org_id('traeger-b')$$, 1,
  'sees only the Ansprechperson of Träger B');
select tests.authenticate_as('a-member');
select results_eq(
  $$select user_id from public.org_members where org_id = tests.org_id('traeger-b')$$,
  $$select tests.user_id('b-admin')$$,
  'a-member: the one visible member of Träger B is its Ansprechperson b-admin');
-- select: outside the circle, nothing of B (C's owner is an Ansprechperson, but in another circle)
select * from tests.each_count(array['c-owner', 'stranger'],
  $$select count(*) from public.org_members where org_id = tests.org_id('traeger-b')$$, 0,
  'sees no member of Träger B');
select * from tests.each_count(array['b-owner', 'b-member', 'a-coord'],
  $$select count(*) from public.org_members where org_id = tests.org_id('traeger-c')$$, 0,
  'sees no member of Träger C (another circle), not even its Ansprechperson');
select * from tests.each_count(array['stranger'],
  'select count(*) from public.org_members', 0, 'sees no membership at all');
select * from tests.each_throws(array['anon'], 'select * from public.org_members', '42501',
  'cannot read members');

-- insert: nobody directly, not even an owner adding to their own Träger, nor a stranger adding
-- themselves
select * from tests.each_throws(array['b-owner', 'b-admin', 'stranger', 'anon'],
  $$insert into public.org_members (org_id, user_id, role)
    values (tests.org_id('traeger-b'), tests.user_id('stranger'), 'member')$$,
  '42501', 'cannot add a member to Träger B directly');

-- update: admins change roles and Ansprechpersonen
select tests.authenticate_as('b-admin');
select is(tests.affected($$update public.org_members set role = 'coordinator'
  where user_id = tests.user_id('b-member')$$), 1, 'b-admin makes b-member a coordinator');
select is(tests.affected($$update public.org_members set is_contact_person = true, contact_title = 'Leitung'
  where user_id = tests.user_id('b-owner')$$), 1, 'b-admin marks the owner as Ansprechperson');
select throws_ok($$update public.org_members set role = 'owner' where user_id = tests.user_id('b-coord')$$,
  'P0001', 'TK_OWNER_ONLY', 'b-admin cannot make anyone an owner');
select throws_ok($$update public.org_members set role = 'owner' where user_id = tests.user_id('b-admin')$$,
  'P0001', 'TK_OWNER_ONLY', 'b-admin cannot make themselves owner');
select throws_ok($$update public.org_members set role = 'admin' where user_id = tests.user_id('b-owner')$$,
  'P0001', 'TK_OWNER_ONLY', 'b-admin cannot demote the owner');
select throws_ok($$update public.org_members set user_id = tests.user_id('stranger')
  where user_id = tests.user_id('b-member')$$, '42501', null, 'b-admin cannot hand a membership to someone else');
select throws_ok($$update public.org_members set org_id = tests.org_id('traeger-a')
  where user_id = tests.user_id('b-member')$$, '42501', null, 'b-admin cannot move a member to another Träger');
select is(tests.affected($$update public.org_members set role = 'member'
  where org_id = tests.org_id('traeger-a')$$), 0, 'b-admin cannot change roles in Träger A');

select tests.authenticate_as('b-owner');
select is(tests.affected($$update public.org_members set role = 'owner'
  where user_id = tests.user_id('b-admin')$$), 1, 'b-owner makes b-admin a second owner');
select is(tests.affected($$update public.org_members set role = 'admin'
  where user_id = tests.user_id('b-owner')$$), 1, 'with a second owner, b-owner may step down to admin');
select tests.authenticate_as('b-admin');
select throws_ok($$update public.org_members set role = 'admin' where user_id = tests.user_id('b-admin')$$,
  'P0001', 'TK_LAST_OWNER', 'the last owner (now b-admin) cannot step down');
select is(tests.affected($$update public.org_members set role = 'owner'
  where user_id = tests.user_id('b-owner')$$), 1, 'b-admin, now owner, makes b-owner owner again');

-- update: filtered for non-admins of B (including the circle's coordinators)
select * from tests.each_affected(
  array['b-coord', 'b-member', 'a-owner', 'a-coord', 'c-owner', 'stranger'],
  $$update public.org_members set role = 'admin', is_contact_person = true
    where org_id = tests.org_id('traeger-b') and user_id = tests.user_id('b-coord')$$, 0,
  'cannot change b-coord''s membership');
select * from tests.each_affected(array['b-member'],
  $$update public.org_members set role = 'admin' where user_id = tests.user_id('b-member')$$, 0,
  'cannot promote themselves');
select * from tests.each_throws(array['anon'],
  $$update public.org_members set role = 'owner'$$, '42501', 'cannot change members');
select results_eq(
  $$select role from public.org_members where org_id = tests.org_id('traeger-b')
    and user_id in (tests.user_id('b-owner'), tests.user_id('b-admin'), tests.user_id('b-coord'), tests.user_id('b-member'))
    order by user_id = tests.user_id('b-owner') desc, user_id = tests.user_id('b-admin') desc,
             user_id = tests.user_id('b-coord') desc$$,
  array['owner', 'owner', 'coordinator', 'coordinator'],
  'Träger B''s roles are exactly what the owners and admins set');

-- delete: admins remove members, anyone may leave, owners only by owners, never the last owner
select tests.authenticate_as('b-member');
select is(tests.affected($$delete from public.org_members where user_id = tests.user_id('b-coord')$$), 0,
  'b-member cannot remove b-coord');
select tests.authenticate_as('b-coord');
select is(tests.affected($$delete from public.org_members where user_id = tests.user_id('b-coord')$$), 1,
  'b-coord leaves Träger B');
select * from tests.each_affected(
  array['a-owner', 'a-coord', 'c-owner', 'stranger'],
  $$delete from public.org_members where org_id = tests.org_id('traeger-b')$$, 0,
  'cannot remove anyone from Träger B');
select * from tests.each_throws(array['anon'],
  $$delete from public.org_members$$, '42501', 'cannot remove members');

-- back to one owner (b-owner), b-admin an admin again
select tests.authenticate_as('b-owner');
select is(tests.affected($$update public.org_members set role = 'admin'
  where user_id = tests.user_id('b-admin')$$), 1, 'b-owner makes b-admin an admin again');
select tests.authenticate_as('b-admin');
select throws_ok($$delete from public.org_members where user_id = tests.user_id('b-owner')$$,
  'P0001', 'TK_OWNER_ONLY', 'b-admin cannot remove the owner');
select is(tests.affected($$delete from public.org_members where user_id = tests.user_id('b-member')$$), 1,
  'b-admin removes b-member');
select tests.authenticate_as('b-owner');
select throws_ok($$delete from public.org_members where user_id = tests.user_id('b-owner')$$,
  'P0001', 'TK_LAST_OWNER', 'the last owner cannot leave');
select tests.clear_authentication();
select results_eq(
  $$select u.email::text from public.org_members m join auth.users u on u.id = m.user_id
    where m.org_id = tests.org_id('traeger-b') order by u.email$$,
  array['b-admin@test.example', 'b-owner@test.example'],
  'Träger B keeps its owner and admin; b-coord left, b-member was removed');
select is((select count(*)::int from public.org_members where org_id = tests.org_id('traeger-a')), 3,
  'Träger A is untouched');

select * from finish();
rollback;
