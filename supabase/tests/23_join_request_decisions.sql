-- public.admit_join_request / public.decline_join_request: only the circle's coordinators decide
-- its join requests (everyone else gets TK_NOT_FOUND, as if it did not exist); admitting creates
-- the Träger, puts it into the circle, invites the contact as its owner by mail and tells the
-- owners and admins of the circle's other Träger ("Neu im Kreis"); declining mails the requester;
-- a decided request stays decided; visitors cannot call either.
begin;
\ir helpers/setup.psql
select plan(36);
select tests.seed_world();

select tests.authenticate_anon();
insert into public.join_requests (network_id, org_name, contact_name, email, phone, message) values
  (tests.network_id('kreis-k'), 'Hoffnungsträger e. V.', 'Hanna Hoffnung', 'hanna@test.example', '0203 9', 'Wir möchten mitmachen.'),
  (tests.network_id('kreis-k'), 'Abgelehnt GmbH', 'Alex Ablehnung', 'alex@test.example', null, 'Wir auch.');
select tests.clear_authentication();
create temp table req as
  select id, org_name from public.join_requests;
grant select on req to anon, authenticated;

-- refused for everyone who does not coordinate kreis-k
select * from tests.each_throws(array['a-member', 'b-owner', 'b-admin', 'b-coord', 'b-member', 'c-owner', 'stranger'],
  $$select public.admit_join_request((select id from req where org_name = 'Hoffnungsträger e. V.'))$$,
  'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['a-member', 'b-owner', 'c-owner', 'stranger'],
  $$select public.decline_join_request((select id from req where org_name = 'Abgelehnt GmbH'), 'Nein')$$,
  'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['anon'],
  $$select public.admit_join_request((select id from req where org_name = 'Hoffnungsträger e. V.'))$$,
  '42501', 'cannot admit');
select * from tests.each_throws(array['anon'],
  $$select public.decline_join_request((select id from req where org_name = 'Abgelehnt GmbH'), 'Nein')$$,
  '42501', 'cannot decline');
select * from tests.each_throws(array['a-coord'],
  $$select public.admit_join_request(gen_random_uuid())$$, 'P0001', 'TK_NOT_FOUND');
select is((select count(*)::int from public.join_requests where status = 'open'), 2, 'both requests are still open');
select is((select count(*)::int from public.organizations), 3, 'no Träger was created');

-- admit: a-coord (coordinator of the coordinating Träger A)
select tests.authenticate_as('a-coord');
select lives_ok($$select public.admit_join_request((select id from req where org_name = 'Hoffnungsträger e. V.'))$$,
  'a-coord admits Hoffnungsträger e. V.');
select results_eq($$select status, decided_by from public.join_requests where org_name = 'Hoffnungsträger e. V.'$$,
  $$values ('admitted', tests.user_id('a-coord'))$$, 'the request is admitted by a-coord');
select results_eq($$select slug, email, phone from public.organizations where name = 'Hoffnungsträger e. V.'$$,
  $$values ('hoffnungstraeger-e-v', 'hanna@test.example', '0203 9')$$,
  'the new Träger exists and a-coord sees it in the circle');
select results_eq($$select role, status from public.network_members nm join public.organizations o on o.id = nm.org_id
                    where o.name = 'Hoffnungsträger e. V.'$$,
  $$values ('member', 'active')$$, 'it is an active member of kreis-k');
select throws_ok($$select public.admit_join_request((select id from req where org_name = 'Hoffnungsträger e. V.'))$$,
  'P0001', 'TK_ALREADY_DECIDED', 'it cannot be admitted twice');
select throws_ok($$select public.decline_join_request((select id from req where org_name = 'Hoffnungsträger e. V.'), 'doch nicht')$$,
  'P0001', 'TK_ALREADY_DECIDED', 'nor declined afterwards');
select is((select count(*)::int from public.invitations), 0,
  'a-coord does not see the owner invitation (it belongs to the new Träger)');

-- "Neu im Kreis": the owners and admins of the circle's Träger, not its other members, not the
-- coordinator who admitted it, not another circle
select tests.clear_authentication();
select results_eq($$select p.email from public.notifications n join public.profiles p on p.user_id = n.user_id
                    where n.kind = 'network.admitted' order by p.email$$,
  $$values ('a-owner@test.example'), ('b-admin@test.example'), ('b-owner@test.example')$$,
  'the owners and admins of Träger A and B are told');
select results_eq($$select distinct data, link from public.notifications where kind = 'network.admitted'$$,
  $$values ('{"orgName": "Hoffnungsträger e. V.", "networkName": "Kreis K", "ownOrg": false}'::jsonb,
            '/traeger/hoffnungstraeger-e-v')$$,
  'the notification names the new Träger and the circle, and links to its profile');
select tests.authenticate_as('b-admin');
select is((select count(*)::int from public.notifications where kind = 'network.admitted'), 1,
  'b-admin reads it in the app');

-- decline: a-owner (owner of the coordinating Träger)
select tests.authenticate_as('a-owner');
select lives_ok($$select public.decline_join_request((select id from req where org_name = 'Abgelehnt GmbH'), 'Leider nicht im Einzugsgebiet.')$$,
  'a-owner declines Abgelehnt GmbH');
select results_eq($$select status, decision_message, decided_by from public.join_requests where org_name = 'Abgelehnt GmbH'$$,
  $$values ('declined', 'Leider nicht im Einzugsgebiet.', tests.user_id('a-owner'))$$,
  'the request is declined with the message');
select throws_ok($$select public.admit_join_request((select id from req where org_name = 'Abgelehnt GmbH'))$$,
  'P0001', 'TK_ALREADY_DECIDED', 'a declined request cannot be admitted later');
select is((select count(*)::int from public.audit_log where network_id = tests.network_id('kreis-k')
           and action in ('join_request.admitted', 'join_request.declined', 'network.admitted')), 3,
  'the circle''s coordinators read both decisions and the admission in the audit log');

-- what left the building: an owner invitation to Hanna, a refusal to Alex
select tests.clear_authentication();
select results_eq($$select payload->>'template', payload->>'to' from private.outbox
                    where payload->>'template' like 'join-request-%ed' and payload->>'template' <> 'join-request-received'
                    order by id$$,
  $$values ('join-request-admitted', 'hanna@test.example'), ('join-request-declined', 'alex@test.example')$$,
  'one mail to each requester');
select results_eq($$select i.email, i.role from public.invitations i join public.organizations o on o.id = i.org_id
                    where o.name = 'Hoffnungsträger e. V.'$$,
  $$values ('hanna@test.example', 'owner')$$, 'Hanna is invited as the owner of the new Träger');

-- Hanna signs up and accepts: she owns the Träger and sees the circle
select tests.create_user('hanna@test.example', 'Hanna Hoffnung');
create temp table token as
  select payload->'props'->>'token' as value from private.outbox
  where payload->>'template' = 'join-request-admitted';
grant select on token to authenticated;
select tests.authenticate_as('hanna');
select lives_ok($$select public.accept_invitation((select value from token))$$, 'Hanna accepts the invitation');
select results_eq($$select o.name, m.role from public.org_members m join public.organizations o on o.id = m.org_id
                    where m.user_id = (select auth.uid())$$,
  $$values ('Hoffnungsträger e. V.', 'owner')$$, 'Hanna owns Hoffnungsträger e. V.');
select is((select count(*)::int from public.networks where slug = 'kreis-k'), 1, 'and sees kreis-k');
select is((select count(*)::int from public.join_requests), 0, 'but not its join requests');

select * from finish();
rollback;
