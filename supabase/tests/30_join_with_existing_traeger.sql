-- A signed-in owner/admin asks a public circle to take their EXISTING Träger
-- (public.request_circle_membership); admitting that request adds the same Träger to the circle
-- and creates no second one. By persona: who may ask for which Träger, who may admit.
begin;
\ir helpers/setup.psql
select plan(25);
select tests.seed_world();

-- Träger C (kreis-p only) is the applicant; kreis-k is the public circle coordinated by Träger A.
-- asking: only owners/admins of the Träger, only for a public circle, not twice, not when in it
select * from tests.each_throws(array['a-member', 'b-member', 'stranger'],
  $$select public.request_circle_membership(tests.network_id('kreis-k'), tests.org_id('traeger-c'), 'Hallo')$$,
  'P0001', 'cannot ask for another Träger (TK_NOT_FOUND)');
select * from tests.each_throws(array['anon'],
  $$select public.request_circle_membership(tests.network_id('kreis-k'), tests.org_id('traeger-c'), 'Hallo')$$,
  '42501', 'visitors cannot call it');
select tests.authenticate_as('b-owner');
select throws_ok($$select public.request_circle_membership(tests.network_id('kreis-k'), tests.org_id('traeger-b'), '')$$,
  'P0001', 'TK_ALREADY_IN_CIRCLE', 'b-owner: Träger B is already in kreis-k');
select tests.authenticate_as('c-owner');
select throws_ok($$select public.request_circle_membership(tests.network_id('kreis-p'), tests.org_id('traeger-c'), '')$$,
  'P0001', 'TK_NOT_FOUND', 'c-owner: kreis-p has no public page');
select lives_ok($$select public.request_circle_membership(tests.network_id('kreis-k'), tests.org_id('traeger-c'), 'Wir möchten mitmachen.')$$,
  'c-owner asks kreis-k to take Träger C');
select throws_ok($$select public.request_circle_membership(tests.network_id('kreis-k'), tests.org_id('traeger-c'), '')$$,
  'P0001', 'TK_JOIN_REQUEST_PENDING', 'c-owner cannot ask twice while the request is open');
select results_eq($$select x from private.open_join_request_orgs(tests.network_id('kreis-k')) as x$$,
  $$values (tests.org_id('traeger-c'))$$, 'c-owner sees that the request for Träger C is open');
select tests.authenticate_as('b-owner');
select is_empty($$select x from private.open_join_request_orgs(tests.network_id('kreis-k')) as x$$,
  'b-owner does not see other Träger''s open requests');
-- the request carries the Träger and the person's own details; the circle's coordinators see it
select tests.authenticate_as('a-coord');
select results_eq($$select org_name, email, applicant_org_id from public.join_requests$$,
  $$values ('Träger C'::text, 'c-owner@test.example'::text, tests.org_id('traeger-c'))$$,
  'a-coord sees the request with the existing Träger');
select * from tests.each_count(array['b-owner', 'c-owner', 'stranger'],
  'select count(*) from public.join_requests', 0, 'cannot read the request');
-- nobody ties an anonymous or own insert to a Träger directly (no column grant)
select * from tests.each_throws(array['anon', 'stranger'],
  $$insert into public.join_requests (network_id, org_name, contact_name, email, applicant_org_id)
    values (tests.network_id('kreis-k'), 'X e. V.', 'Xaver', 'x@test.example', tests.org_id('traeger-b'))$$,
  '42501', 'cannot set applicant_org_id by insert');

-- admitting: only a coordinator of kreis-k; it adds Träger C itself, creates nothing new
select * from tests.each_throws(array['c-owner', 'b-owner'],
  $$select public.admit_join_request((select id from public.join_requests limit 1))$$,
  'P0001', 'cannot admit (TK_NOT_FOUND)');
select tests.clear_authentication();
create temp table counts as select (select count(*) from public.organizations) as orgs;
grant select on counts to authenticated;
select tests.authenticate_as('a-coord');
select is(public.admit_join_request((select id from public.join_requests limit 1)), tests.org_id('traeger-c'),
  'admitting returns the existing Träger');
select tests.clear_authentication();
select is((select count(*) from public.organizations), (select orgs from counts), 'no Träger was created');
select is((select count(*)::int from public.organizations where name = 'Träger C'), 1, 'one Träger named „Träger C“');
select results_eq($$select role, status from public.network_members
                    where network_id = tests.network_id('kreis-k') and org_id = tests.org_id('traeger-c')$$,
  $$values ('member'::text, 'active'::text)$$, 'Träger C is an active member of kreis-k');
select is((select count(*)::int from public.invitations where org_id = tests.org_id('traeger-c')), 0,
  'nobody is invited to own it');
select is((select count(*)::int from private.outbox where payload->>'template' = 'circle-notice'
           and payload->>'to' = 'c-owner@test.example'), 1, 'c-owner gets the "ist jetzt im Kreis" mail');
select is((select count(*)::int from public.notifications where user_id = tests.user_id('b-owner') and kind = 'network.admitted'), 1,
  'b-owner (another Träger of kreis-k) is told "Neu im Kreis"');
