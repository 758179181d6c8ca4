-- Circle administration: only the circle's coordinators remove a Träger (with a reason;
-- not a coordinating one) and hand the coordination over. Removing closes the Träger's cover
-- requests and offers in the circle and tells those involved; the Träger loses the circle.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(33);
select tests.cover_world();

create temp table ids (ref text primary key, id uuid not null);
grant select on ids to anon, authenticated;
insert into ids values ('req', tests.cover_draft('F-2026-050'));
select tests.cover_publish((select id from ids where ref = 'req'));
insert into ids values ('d', tests.cover_offer((select id from ids where ref = 'req'), 'd-coord', 'traeger-d', 10));
insert into ids values ('e', tests.cover_offer((select id from ids where ref = 'req'), 'e-coord', 'traeger-e', 5));

-- who may remove
select * from tests.each_throws(array['a-member', 'b-owner', 'b-coord', 'd-coord', 'c-owner', 'stranger'],
  $$select public.remove_traeger_from_circle(tests.network_id('kreis-k'), tests.org_id('traeger-e'), 'Passt nicht.')$$,
  'P0001', 'cannot remove a Träger (TK_NOT_FOUND)');
select * from tests.each_throws(array['anon'],
  $$select public.remove_traeger_from_circle(tests.network_id('kreis-k'), tests.org_id('traeger-e'), 'Passt nicht.')$$,
  '42501', 'cannot call it');
select tests.authenticate_as('a-coord');
select throws_ok($$select public.remove_traeger_from_circle(tests.network_id('kreis-k'), tests.org_id('traeger-a'), 'Weg.')$$,
  'P0001', 'TK_CIRCLE_REMOVE_COORDINATOR', 'the coordinating Träger cannot be removed');
select throws_ok($$select public.remove_traeger_from_circle(tests.network_id('kreis-k'), tests.org_id('traeger-e'), '  ')$$,
  'P0001', 'TK_CIRCLE_REASON_REQUIRED', 'a reason is required');
select throws_ok($$select public.remove_traeger_from_circle(tests.network_id('kreis-k'), tests.org_id('traeger-c'), 'Fremd.')$$,
  'P0001', 'TK_NOT_FOUND', 'a Träger of another circle is not found');

-- removing Träger E: its open offer is withdrawn, Träger B is told
select lives_ok($$select public.remove_traeger_from_circle(tests.network_id('kreis-k'), tests.org_id('traeger-e'), 'Seit einem Jahr nicht mehr aktiv.')$$,
  'a-coord removes Träger E');
select tests.clear_authentication();
select is((select status from public.cover_offers where id = (select id from ids where ref = 'e')), 'withdrawn', 'E''s offer is withdrawn');
select ok(exists (select 1 from public.notifications where user_id = tests.user_id('b-coord') and kind = 'cover.offer_withdrawn'),
  'b-coord is told');
select ok(exists (select 1 from private.outbox where payload->>'template' = 'circle-notice' and payload->>'to' = 'e-coord@test.example') = false,
  'e-coord (coordinator, not owner/admin) gets no removal mail');
select is((select count(*)::int from public.network_members where org_id = tests.org_id('traeger-e')), 0, 'E is no longer in any circle');
select * from tests.each_count(array['e-coord', 'e-member'],
  $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'req')$$, 0,
  'no longer sees the circle''s cover request');
select * from tests.each_count(array['a-coord', 'a-owner'],
  $$select count(*) from public.audit_log where action = 'network.removed' and details->>'reason' = 'Seit einem Jahr nicht mehr aktiv.'$$, 1,
  'reads the removal in the circle''s Protokoll');
select * from tests.each_count(array['b-owner', 'a-member', 'e-coord'],
  $$select count(*) from public.audit_log where action = 'network.removed'$$, 0, 'does not read the circle''s Protokoll');

-- removing Träger B: its open request is cancelled, D's offer declined and D told
select tests.authenticate_as('a-coord');
select lives_ok($$select public.remove_traeger_from_circle(tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Auf eigenen Wunsch.')$$,
  'a-coord removes Träger B');
select tests.clear_authentication();
select is((select status from public.cover_requests where id = (select id from ids where ref = 'req')), 'cancelled', 'B''s request is cancelled');
select is((select status from public.cover_offers where id = (select id from ids where ref = 'd')), 'declined', 'D''s offer is declined');
select ok(exists (select 1 from public.notifications where user_id = tests.user_id('d-coord') and kind = 'cover.request_cancelled'), 'd-coord is told');
select is((select count(*)::int from private.outbox where payload->>'template' = 'circle-notice'
           and payload->>'to' in ('b-owner@test.example', 'b-admin@test.example')), 2, 'B''s owner and admin get the reason by mail');

-- handing over the coordination
select * from tests.each_throws(array['d-coord', 'a-member', 'stranger'],
  $$select public.hand_over_circle_coordination(tests.network_id('kreis-k'), tests.org_id('traeger-d'))$$,
  'P0001', 'cannot hand over the coordination (TK_NOT_FOUND)');
select tests.authenticate_as('a-owner');
select lives_ok($$select public.hand_over_circle_coordination(tests.network_id('kreis-k'), tests.org_id('traeger-d'))$$,
  'a-owner hands the coordination to Träger D');
select tests.clear_authentication();
select results_eq($$select org_id, role from public.network_members where network_id = tests.network_id('kreis-k') order by role, org_id$$,
  $$select * from (values (tests.org_id('traeger-d'), 'coordinator'::text), (tests.org_id('traeger-a'), 'member'::text)) v(o, r) order by r, o$$,
  'Träger D coordinates, Träger A is a member');
select * from tests.each_count(array['d-coord'], 'select count(*) from public.join_requests where network_id = tests.network_id(''kreis-k'') or true', 0,
  'sees the circle''s (no) join requests as a coordinator');
