-- invitations: owners and admins of the Träger see and withdraw its invitations; creating goes
-- through public.invite_member, accepting through public.accept_invitation (see 21_, 22_);
-- nobody else sees one, not even the invited person (they hold the token, see invitation_preview).
begin;
\ir helpers/setup.psql
select plan(33);
select tests.seed_world();
select tests.create_user('eingeladen@test.example');

insert into public.invitations (org_id, email, role, token_hash, expires_at) values
  (tests.org_id('traeger-b'), 'eingeladen@test.example', 'member', 'hash-b-1', now() + interval '7 days'),
  (tests.org_id('traeger-b'), 'zweite@test.example', 'admin', 'hash-b-2', now() + interval '7 days'),
  (tests.org_id('traeger-a'), 'fuer-a@test.example', 'member', 'hash-a-1', now() + interval '7 days');

-- select: owners and admins of B see B's invitations (and only those)
select * from tests.each_count(array['b-owner', 'b-admin'],
  'select count(*) from public.invitations', 2, 'sees the two invitations of Träger B');
select * from tests.each_count(array['a-owner'],
  'select count(*) from public.invitations', 1, 'sees only the invitation of Träger A');
-- select: hidden from everyone else, including the invitee and the circle's coordinators
select * from tests.each_count(
  array['b-coord', 'b-member', 'a-coord', 'a-member', 'c-owner', 'stranger', 'eingeladen'],
  $$select count(*) from public.invitations where org_id = tests.org_id('traeger-b')$$, 0,
  'sees no invitation of Träger B');
select * from tests.each_throws(array['anon'], 'select * from public.invitations', '42501',
  'cannot read invitations');

-- insert: nobody directly (invite_member mails the token; a hand-made row would skip that)
select * from tests.each_throws(array['b-owner', 'b-admin', 'stranger', 'anon'],
  $$insert into public.invitations (org_id, email, role, token_hash, expires_at)
    values (tests.org_id('traeger-b'), 'x@test.example', 'owner', 'selbst', now() + interval '1 year')$$,
  '42501', 'cannot insert an invitation');

-- update: nobody (accepting goes through accept_invitation; no one may extend or redirect one)
select * from tests.each_throws(array['b-owner', 'b-admin', 'eingeladen', 'anon'],
  $$update public.invitations set role = 'owner', expires_at = now() + interval '1 year'
    where token_hash = 'hash-b-1'$$,
  '42501', 'cannot change an invitation');
select * from tests.each_throws(array['eingeladen'],
  $$update public.invitations set accepted_at = now() where token_hash = 'hash-b-1'$$,
  '42501', 'cannot mark the invitation accepted');

-- delete: owners and admins withdraw their own Träger's invitations
select tests.authenticate_as('b-admin');
select is(tests.affected($$delete from public.invitations where token_hash = 'hash-b-2'$$), 1,
  'b-admin withdraws an invitation of Träger B');
select is(tests.affected($$delete from public.invitations where token_hash = 'hash-a-1'$$), 0,
  'b-admin cannot withdraw Träger A''s invitation');
select * from tests.each_affected(
  array['b-coord', 'b-member', 'a-owner', 'a-coord', 'c-owner', 'stranger', 'eingeladen'],
  $$delete from public.invitations where token_hash = 'hash-b-1'$$, 0,
  'cannot withdraw Träger B''s invitation');
select * from tests.each_throws(array['anon'], 'delete from public.invitations', '42501',
  'cannot delete invitations');
select tests.authenticate_as('b-owner');
select is(tests.affected($$delete from public.invitations where token_hash = 'hash-b-1'$$), 1,
  'b-owner withdraws the other invitation of Träger B');

select tests.clear_authentication();
select results_eq('select token_hash from public.invitations', array['hash-a-1'],
  'only Träger A''s invitation is left, unchanged');
select is((select role from public.invitations where token_hash = 'hash-a-1'), 'member',
  'its role is unchanged');

select * from finish();
rollback;
