-- My data (DSGVO Art. 15, 17, 20): my_data_export() returns the caller's data and
-- nobody else's; delete_my_account() refuses the last owner, ends memberships, keeps
-- registrations others rely on as "ehemaliges Mitglied", keeps only the pseudonymous id in the
-- audit log, and deletes sessions, tokens and the profile. By persona.
begin;
\ir helpers/setup.psql
\ir helpers/training.psql
select plan(22);
select tests.training_world();

create temp table people as
  select tests.user_id('d-member') as d_member, tests.user_id('b-owner') as b_owner, tests.user_id('a-member') as a_member;
grant select on people to anon, authenticated;
create temp table tr (ref text primary key, id uuid not null);
grant select on tr to anon, authenticated;
insert into tr values ('t', tests.training_draft('Kinderschutz kompakt', 5));
select tests.training_publish((select id from tr where ref = 't'));
insert into tr values ('d-member', tests.training_register('d-admin', (select id from tr where ref = 't'), 'd-member'));
insert into auth.sessions (user_id, not_after, user_agent, ip) values ((select d_member from people), now() + interval '1 day', 'Firefox', '192.0.2.1');
insert into auth.one_time_tokens (user_id, token_type, token_hash, relates_to, expires_at)
  values ((select d_member from people), 'recovery_token', 'hash-d-member', 'd-member@test.example', now() + interval '1 hour');
insert into auth.sign_in_attempts (email, ip, succeeded) values ('d-member@test.example', '192.0.2.1', false);

-- export: one's own data only
select tests.authenticate_as('d-member');
select is(public.my_data_export()->'profile'->>'fullName', 'Dieter Teilnehmer', 'd-member exports their profile');
select is(jsonb_array_length(public.my_data_export()->'memberships'), 1, 'd-member: one membership');
select is(public.my_data_export()->'memberships'->0->>'traeger', 'Träger D', '… in Träger D');
select is(jsonb_array_length(public.my_data_export()->'trainingRegistrations'), 1, 'd-member: the registration');
select is(public.my_data_export()->'sessions'->0->>'browser', 'Firefox', 'd-member: the sessions');
select is(jsonb_array_length(public.my_data_export()->'signInAttempts'), 1, 'd-member: the sign-in attempts');
select tests.authenticate_as('a-member');
select is(public.my_data_export()->'account'->>'email', 'a-member@test.example', 'a-member gets their own account, not d-member''s');
select is(jsonb_array_length(public.my_data_export()->'trainingRegistrations'), 0, 'a-member: no registration of others');
select * from tests.each_throws(array['anon'], 'select public.my_data_export()', '42501', 'cannot export');

-- deletion: the last owner must hand over first
select tests.authenticate_as('b-owner');
select throws_ok('select public.delete_my_account()', 'P0001', 'TK_ACCOUNT_LAST_OWNER', 'b-owner (last owner of B) cannot delete');
select * from tests.each_throws(array['anon'], 'select public.delete_my_account()', '42501', 'cannot delete an account');

-- d-member deletes their account
select tests.authenticate_as('d-member');
select lives_ok('select public.delete_my_account()', 'd-member deletes their account');
select tests.clear_authentication();
select is((select count(*)::int from auth.users where id = (select d_member from people)), 0, 'the account is gone');
select is((select count(*)::int from public.profiles where user_id = (select d_member from people)), 0, 'the profile is gone');
select is((select count(*)::int from public.org_members where user_id = (select d_member from people)), 0, 'the membership ended');
select is((select count(*)::int from auth.sessions where user_id = (select d_member from people))
          + (select count(*)::int from auth.one_time_tokens where user_id = (select d_member from people))
          + (select count(*)::int from auth.sign_in_attempts where email = 'd-member@test.example'), 0,
  'sessions, tokens and sign-in attempts are gone');
select results_eq($$select user_id, participant_name, status from public.training_registrations where id = (select id from tr where ref = 'd-member')$$,
  $$values (null::uuid, 'ehemaliges Mitglied'::text, 'cancelled'::text)$$,
  'the registration stays for the organizer as "ehemaliges Mitglied" (the seat freed)');
select is((select seats_confirmed + seats_pending + seats_offered from public.trainings where id = (select id from tr where ref = 't')), 0,
  'the training''s counters follow');
select ok((select count(*) from public.audit_log where actor_id = (select d_member from people)) > 0
          and exists (select 1 from public.audit_log where action = 'account.deleted' and actor_id = (select d_member from people)),
  'audit rows keep the pseudonymous id');
select is((select count(*)::int from public.audit_log
           where (target_id = (select d_member from people)::text and (details ? 'name' or details ? 'email'))
              or details::text like '%Dieter Teilnehmer%' or details::text like '%d-member@test.example%'), 0,
  'no audit row names the person or their address');
select * from tests.each_count(array['d-admin'],
  $$select count(*) from public.audit_log where action = 'member.removed' and target_id = (select d_member from people)::text$$, 1,
  'the Träger''s admin still reads that a member left');
select is((select count(*)::int from auth.users where id in ((select a_member from people), (select b_owner from people))), 2,
  'nobody else''s account was touched');
