-- Calendar feeds (calendar_feeds) by persona: a person creates, renews and revokes only their own
-- feed and reads only its row (never the token's hash); owners and admins of a Träger manage and
-- read the Träger's feed, coordinators and members do not; another Träger, another circle, a
-- stranger and anon read and write nothing. The token lookup answers only for the current token
-- and only while the creator of a Träger feed is still its owner/admin. Creation and revocation
-- are in the audit log.
begin;
\ir helpers/setup.psql
select plan(54);
select tests.seed_world();

-- A person's feed
select tests.authenticate_as('b-member');
select lives_ok($$select public.create_calendar_feed(repeat('a', 43))$$, 'b-member: creates a personal feed');
select is((select count(*)::int from public.calendar_feeds), 1, 'b-member: reads the own feed');
select throws_ok($$select token_hash from public.calendar_feeds$$, '42501', null, 'b-member: cannot read the token hash');
select throws_ok($$select public.create_calendar_feed('kurz')$$, 'P0001', 'TK_CALENDAR_TOKEN_INVALID', 'a malformed token is refused');
select throws_ok($$select public.create_calendar_feed(repeat('a', 42) || E'\n')$$, 'P0001', 'TK_CALENDAR_TOKEN_INVALID', 'a token with a line break is refused');
select tests.clear_authentication();

select is((select user_id from public.calendar_feed_for_token(repeat('a', 43))), tests.user_id('b-member'),
  'the token opens the person''s feed');
select is((select token_hash from public.calendar_feeds where user_id = tests.user_id('b-member')),
  encode(sha256(convert_to(repeat('a', 43), 'UTF8')), 'hex'), 'only the sha256 of the token is stored');

select * from tests.each_count(array['b-owner', 'b-admin', 'b-coord', 'a-owner', 'a-coord', 'a-member', 'c-owner', 'stranger'],
  'select count(*) from public.calendar_feeds', 0, 'reads no other person''s feed');
select * from tests.each_throws(array['anon'], 'select id from public.calendar_feeds', '42501', 'cannot read feeds');

-- Renewing: the old token stops at once, still one feed per person.
select tests.authenticate_as('b-member');
select lives_ok($$select public.create_calendar_feed(repeat('b', 43))$$, 'b-member: renews the feed');
select is((select count(*)::int from public.calendar_feeds), 1, 'still one feed per person');
select tests.clear_authentication();
select is_empty($$select * from public.calendar_feed_for_token(repeat('a', 43))$$, 'the old token opens nothing after renewing');
select is((select count(*)::int from public.calendar_feed_for_token(repeat('b', 43))), 1, 'the new token works');

-- Nobody writes the table directly.
select * from tests.each_throws(array['b-member', 'b-owner', 'stranger'],
  $$insert into public.calendar_feeds (kind, user_id, token_hash) values ('person', (select auth.uid()), repeat('0', 64))$$,
  '42501', 'cannot insert a feed directly');
select * from tests.each_throws(array['b-member', 'b-owner'],
  $$update public.calendar_feeds set user_id = (select auth.uid())$$, '42501', 'cannot update a feed');
select * from tests.each_throws(array['b-member', 'b-owner'],
  $$delete from public.calendar_feeds$$, '42501', 'cannot delete a feed directly');

-- Revoking: 404 at once (the lookup answers nothing); a second revoke changes nothing.
select tests.authenticate_as('b-member');
select is(public.revoke_calendar_feed(), true, 'b-member: revokes the feed');
select is(public.revoke_calendar_feed(), false, 'b-member: revoking again changes nothing');
select tests.clear_authentication();
select is_empty($$select * from public.calendar_feed_for_token(repeat('b', 43))$$, 'a revoked token opens nothing');
select is((select count(*)::int from public.audit_log where action = 'calendar_feed.created'
             and actor_id = tests.user_id('b-member')), 2, 'creation and renewal are in the audit log');
select is((select count(*)::int from public.audit_log where action = 'calendar_feed.revoked'
             and actor_id = tests.user_id('b-member')), 2, 'the renewal and the revocation are in the audit log');

-- The Träger's feed: owners and admins only.
select * from tests.each_throws(array['b-coord', 'b-member', 'a-owner', 'c-owner', 'stranger'],
  $$select public.create_traeger_calendar_feed(tests.org_id('traeger-b'), repeat('c', 43))$$,
  'P0001', 'cannot create the Träger feed of Träger B');
select tests.authenticate_as('b-admin');
select lives_ok($$select public.create_traeger_calendar_feed(tests.org_id('traeger-b'), repeat('c', 43))$$,
  'b-admin: creates the Träger feed');
select tests.clear_authentication();
select * from tests.each_count(array['b-owner', 'b-admin'],
  $$select count(*) from public.calendar_feeds where kind = 'traeger'$$, 1, 'reads the Träger feed');
select * from tests.each_count(array['b-coord', 'b-member', 'a-owner', 'a-coord', 'c-owner', 'stranger'],
  $$select count(*) from public.calendar_feeds where kind = 'traeger'$$, 0, 'does not read the Träger feed');
select is((select org_id from public.calendar_feed_for_token(repeat('c', 43))), tests.org_id('traeger-b'),
  'the token opens the Träger feed');
select is((select count(*)::int from public.audit_log where action = 'calendar_feed.created'
             and org_id = tests.org_id('traeger-b')), 1, 'the Träger feed''s creation is in the Träger''s audit log');

-- The creator is no longer admin: the feed opens nothing.
update public.org_members set role = 'member' where user_id = tests.user_id('b-admin') and org_id = tests.org_id('traeger-b');
select is_empty($$select * from public.calendar_feed_for_token(repeat('c', 43))$$,
  'a Träger feed whose creator is no longer admin opens nothing');
update public.org_members set role = 'admin' where user_id = tests.user_id('b-admin') and org_id = tests.org_id('traeger-b');

select tests.authenticate_as('b-owner');
select is(public.revoke_traeger_calendar_feed(tests.org_id('traeger-b')), true, 'b-owner: revokes the Träger feed');
select tests.clear_authentication();
select is_empty($$select * from public.calendar_feed_for_token(repeat('c', 43))$$, 'the revoked Träger token opens nothing');

select * from tests.each_throws(array['anon'], $$select public.create_calendar_feed(repeat('d', 43))$$, '42501', 'cannot create a feed');
select is_empty($$select * from public.calendar_feed_for_token(null)$$, 'no token opens nothing');
select is_empty($$select * from public.calendar_feed_for_token('x'' or 1=1 --')$$, 'a forged token opens nothing');

select * from finish();
rollback;
