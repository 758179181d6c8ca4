-- public.accept_invitation: the signed-in person whose email the invitation names joins with the
-- invited role; a forwarded link (other email), an expired or used invitation and an unknown
-- token are refused; visitors cannot call it. public.invitation_preview shows, to whoever holds
-- the token, only what the invitation page needs.
begin;
\ir helpers/setup.psql
select plan(25);
select tests.seed_world();
select tests.create_user('neue@test.example', 'Nele Neu');
select tests.create_user('andere@test.example', 'Otto Anders');

select tests.authenticate_as('b-admin');
select public.invite_member(tests.org_id('traeger-b'), 'neue@test.example', 'coordinator');
select tests.clear_authentication();
create temp table token as
  select payload->'props'->>'token' as value from private.outbox order by id desc limit 1;
grant select on token to anon, authenticated;

-- the preview: anyone with the token, nothing without it
select tests.authenticate_anon();
select results_eq($$select org_name, role, email, expired, accepted from public.invitation_preview((select value from token))$$,
  $$values ('Träger B', 'coordinator', 'neue@test.example', false, false)$$,
  'anon with the token sees Träger, role and address');
select is_empty($$select * from public.invitation_preview('falsch')$$, 'anon with a wrong token sees nothing');
select throws_ok($$select public.accept_invitation((select value from token))$$, '42501', null,
  'anon cannot accept');

-- wrong person: the link was forwarded
select tests.authenticate_as('andere');
select throws_ok($$select public.accept_invitation((select value from token))$$, 'P0001', 'TK_INVITATION_OTHER_EMAIL',
  'someone with another email cannot accept');
select tests.authenticate_as('b-member');
select throws_ok($$select public.accept_invitation((select value from token))$$, 'P0001', 'TK_INVITATION_OTHER_EMAIL',
  'a member of Träger B with another email cannot accept either');
select tests.authenticate_as('neue');
select throws_ok($$select public.accept_invitation('falsch')$$, 'P0001', 'TK_INVITATION_INVALID',
  'an unknown token is refused');

-- someone who writes the invited address into their own (new) profile is still someone else:
-- the profile policy refuses an address that is not the account's, and the address that counts
-- for the invitation is the account's (auth.users) anyway
select tests.clear_authentication();
select tests.create_user('ohne-profil@test.example', null, false);
select tests.authenticate_as('ohne-profil');
select throws_ok($$insert into public.profiles (user_id, full_name, email)
  values ((select auth.uid()), 'Nele Neu', 'neue@test.example')$$, '42501', null,
  'a profile cannot claim another account''s email address');
select lives_ok($$insert into public.profiles (user_id, full_name, email)
  values ((select auth.uid()), 'Olga Ohne', 'ohne-profil@test.example')$$,
  'a user without a profile may create their own with their own address (the app does that for old accounts)');
select throws_ok($$select public.accept_invitation((select value from token))$$, 'P0001', 'TK_INVITATION_OTHER_EMAIL',
  'and the invitation still belongs to the invited address only');

-- expired
select tests.clear_authentication();
update public.invitations set expires_at = now() - interval '1 minute';
select tests.authenticate_as('neue');
select throws_ok($$select public.accept_invitation((select value from token))$$, 'P0001', 'TK_INVITATION_EXPIRED',
  'an expired invitation is refused');
select results_eq($$select expired from public.invitation_preview((select value from token))$$, array[true],
  'the preview says it expired');
select is((select count(*)::int from public.org_members where user_id = (select auth.uid())), 0,
  'nothing was joined');

-- the right person, in time
select tests.clear_authentication();
update public.invitations set expires_at = now() + interval '1 day';
select tests.authenticate_as('neue');
select is(public.accept_invitation((select value from token)), tests.org_id('traeger-b'),
  'neue accepts and gets the Träger''s id back');
select results_eq($$select role from public.org_members where user_id = (select auth.uid())$$, array['coordinator'],
  'neue is now a coordinator of Träger B');
select is((select count(*)::int from public.org_members where org_id = tests.org_id('traeger-b')), 5,
  'and sees the colleagues of Träger B');
select is((select count(*)::int from public.organizations where slug = 'traeger-a'), 1,
  'and the circle''s Träger A');

-- used
select throws_ok($$select public.accept_invitation((select value from token))$$, 'P0001', 'TK_INVITATION_USED',
  'the same invitation cannot be used twice');
select tests.authenticate_as('andere');
select throws_ok($$select public.accept_invitation((select value from token))$$, 'P0001', 'TK_INVITATION_USED',
  'nor by someone else');
select tests.authenticate_anon();
select results_eq($$select accepted from public.invitation_preview((select value from token))$$, array[true],
  'the preview says it was used');

-- an owner invitation makes an owner; an invited owner cannot be demoted by re-accepting
select tests.authenticate_as('b-owner');
select public.invite_member(tests.org_id('traeger-b'), 'andere@test.example', 'owner');
select tests.clear_authentication();
truncate token;
insert into token select payload->'props'->>'token' from private.outbox order by id desc limit 1;
select tests.authenticate_as('andere');
select lives_ok($$select public.accept_invitation((select value from token))$$, 'andere accepts an owner invitation');
select results_eq($$select role from public.org_members where user_id = (select auth.uid())$$, array['owner'],
  'andere is an owner of Träger B');

-- the audit trail
select tests.authenticate_as('b-admin');
select is((select count(*)::int from public.audit_log where action = 'invitation.accepted'), 2,
  'Träger B''s admin reads both acceptances in the audit log');
select is((select count(*)::int from public.audit_log where action = 'member.added'
           and target_id in (tests.user_id('neue')::text, tests.user_id('andere')::text)), 2,
  'and both new members');
select tests.authenticate_as('c-owner');
select is((select count(*)::int from public.audit_log where action like 'invitation.%'), 0,
  'another Träger reads none of it');

select tests.clear_authentication();
select is((select count(*)::int from public.invitations where accepted_at is null), 0,
  'no open invitation is left');

select * from finish();
rollback;
