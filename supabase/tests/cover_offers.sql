-- cover_offers by persona: only the offering and the requesting Träger see an offer (no third
-- Träger learns who offered, not even the circle's coordinators); nobody writes offers directly;
-- make_cover_offer and withdraw_cover_offer decide who may offer and withdraw, and what.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(57);
select tests.cover_world();

create temp table ids (ref text primary key, id uuid not null);
grant select on ids to anon, authenticated;
insert into ids values ('req', tests.cover_draft('F-2026-010'));
select tests.cover_publish((select id from ids where ref = 'req'));
insert into ids values ('draft', tests.cover_draft('F-2026-011'));
insert into ids values ('addressed', tests.cover_draft('F-2026-012', 'addressed', now() + interval '1 hour'));
select tests.authenticate_as('b-coord');
insert into public.cover_request_recipients (request_id, org_id) values ((select id from ids where ref = 'addressed'), tests.org_id('traeger-d'));
select tests.clear_authentication();
select tests.cover_publish((select id from ids where ref = 'addressed'));
insert into ids values ('d', tests.cover_offer((select id from ids where ref = 'req'), 'd-coord', 'traeger-d', 12));
insert into ids values ('e', tests.cover_offer((select id from ids where ref = 'req'), 'e-coord', 'traeger-e', 8));

-- select
select * from tests.each_count(array['b-coord', 'b-member', 'b-owner', 'b-admin'],
  'select count(*) from public.cover_offers', 2, 'the requesting Träger reads both offers');
select * from tests.each_count(array['d-coord', 'd-member'],
  'select count(*) from public.cover_offers', 1, 'Träger D reads only its own offer');
select * from tests.each_count(array['e-coord', 'e-member'],
  $$select count(*) from public.cover_offers where org_id = tests.org_id('traeger-d')$$, 0,
  'the third Träger does not see Träger D''s offer');
select * from tests.each_count(array['a-coord', 'a-owner', 'a-member', 'c-owner', 'stranger'],
  'select count(*) from public.cover_offers', 0, 'sees no offer at all');
select * from tests.each_throws(array['anon'], 'select * from public.cover_offers', '42501', 'cannot read offers');
select * from tests.each_count(array['e-coord', 'a-coord'],
  $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'req')
      and covered_hours = 0 and status = 'open'$$, 1,
  'sees the request and its fill status, nothing about who offered');

-- no direct writes
select * from tests.each_throws(array['d-coord', 'b-coord'],
  $$insert into public.cover_offers (request_id, request_org_id, org_id, hours_per_week, available_from)
    values ((select id from ids where ref = 'req'), tests.org_id('traeger-b'), tests.org_id('traeger-d'), 5, current_date)$$,
  '42501', 'cannot insert an offer directly');
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_offers set status = 'accepted', accepted_hours = 12 where id = (select id from ids where ref = 'd')$$,
  '42501', 'cannot accept an offer by updating it');
select * from tests.each_throws(array['d-coord'],
  $$update public.cover_offers set hours_per_week = 1 where id = (select id from ids where ref = 'd')$$,
  '42501', 'cannot change an offer directly');
select * from tests.each_throws(array['d-coord', 'b-coord', 'anon'],
  $$delete from public.cover_offers$$, '42501', 'cannot delete offers');

-- make_cover_offer: who may offer
select * from tests.each_throws(array['d-member'],
  $$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-d'), 4, current_date)$$,
  'P0001', 'TK_COVER_COORDINATORS_ONLY');
select * from tests.each_throws(array['b-coord', 'b-owner'],
  $$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-b'), 4, current_date)$$,
  'P0001', 'TK_COVER_OWN_REQUEST');
select * from tests.each_throws(array['d-coord'],
  $$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-e'), 4, current_date)$$,
  'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['c-owner'],
  $$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-c'), 4, current_date)$$,
  'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['stranger'],
  $$select public.make_cover_offer((select id from ids where ref = 'req'), null, 4, current_date)$$,
  'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['anon'],
  $$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-d'), 4, current_date)$$,
  '42501', 'cannot offer');
select * from tests.each_throws(array['d-coord'],
  $$select public.make_cover_offer((select id from ids where ref = 'draft'), tests.org_id('traeger-d'), 4, current_date)$$,
  'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['e-coord'],
  $$select public.make_cover_offer((select id from ids where ref = 'addressed'), tests.org_id('traeger-e'), 4, current_date)$$,
  'P0001', 'TK_NOT_FOUND');
select tests.authenticate_as('d-coord');
select lives_ok($$select public.make_cover_offer((select id from ids where ref = 'addressed'), tests.org_id('traeger-d'), 4, current_date)$$,
  'd-coord offers on the request addressed to Träger D');

-- make_cover_offer: what may be offered
select throws_ok($$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-d'), 4, current_date)$$,
  'P0001', 'TK_COVER_OFFER_EXISTS', 'Träger D has an open offer already');
select tests.authenticate_as('a-coord');
select throws_ok($$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-a'), 0, current_date)$$,
  'P0001', 'TK_COVER_HOURS_INVALID', '0 hours are refused');
select throws_ok($$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-a'), 61, current_date)$$,
  'P0001', 'TK_COVER_HOURS_INVALID', '61 hours are refused');
select throws_ok($$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-a'), null, current_date)$$,
  'P0001', 'TK_COVER_HOURS_INVALID', 'no hours are refused');
select throws_ok($$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-a'), 20.5, current_date)$$,
  'P0001', 'TK_COVER_OFFER_TOO_MANY_HOURS', 'more than the 20 open hours are refused');
select throws_ok($$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-a'), 4, current_date + 365)$$,
  'P0001', 'TK_COVER_OFFER_FROM_INVALID', 'a start after the period is refused');
select throws_ok($$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-a'), 4, current_date, '', '{}', repeat('x', 2001))$$,
  '23514', null, 'an oversized message is refused');
select tests.clear_authentication();
select is((select count(*)::int from public.cover_offers), 3, 'no refused offer was written');

-- withdraw_cover_offer: only the offering Träger's coordinators, only while open
select * from tests.each_throws(array['d-member'],
  $$select public.withdraw_cover_offer((select id from ids where ref = 'd'))$$, 'P0001', 'TK_COVER_COORDINATORS_ONLY');
select * from tests.each_throws(array['b-coord', 'e-coord', 'a-coord', 'stranger'],
  $$select public.withdraw_cover_offer((select id from ids where ref = 'd'))$$, 'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['anon'],
  $$select public.withdraw_cover_offer((select id from ids where ref = 'd'))$$, '42501', 'cannot withdraw');
select tests.authenticate_as('d-coord');
select lives_ok($$select public.withdraw_cover_offer((select id from ids where ref = 'd'))$$, 'd-coord withdraws the offer');
select throws_ok($$select public.withdraw_cover_offer((select id from ids where ref = 'd'))$$,
  'P0001', 'TK_COVER_OFFER_WITHDRAWN', 'a withdrawn offer cannot be withdrawn again');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'd'))$$,
  'P0001', 'TK_COVER_OFFER_WITHDRAWN', 'a withdrawn offer cannot be accepted');
select tests.authenticate_as('d-coord');
select lives_ok($$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-d'), 12, current_date)$$,
  'after withdrawing, Träger D may offer again');
select is(tests.cover_accept((select id from ids where ref = 'req'), (select id from ids where ref = 'e')), 'open',
  'b-coord accepts Träger E''s 8 hours; 12 remain open');
select tests.authenticate_as('e-coord');
select throws_ok($$select public.withdraw_cover_offer((select id from ids where ref = 'e'))$$,
  'P0001', 'TK_COVER_OFFER_ACCEPTED', 'an accepted offer cannot be withdrawn');

-- the requester is told of offers received and withdrawn
select tests.clear_authentication();
select results_eq($$select kind, count(*)::int from public.notifications where user_id = tests.user_id('b-coord')
                    and kind like 'cover.offer_%' group by kind order by kind$$,
  $$values ('cover.offer_received', 4), ('cover.offer_withdrawn', 1)$$,
  'b-coord (the author) is told of four offers received and one withdrawn');
select results_eq($$select payload->>'template', count(*)::int from private.outbox
                    where payload->>'to' = 'b-coord@test.example' and payload->>'template' like 'cover-offer-%'
                    group by 1 order by 1$$,
  $$values ('cover-offer-received', 4), ('cover-offer-withdrawn', 1)$$, 'and mailed');
select is((select count(*)::int from public.notifications where user_id in (tests.user_id('b-member'), tests.user_id('e-coord'), tests.user_id('a-coord'))
           and kind in ('cover.offer_received', 'cover.offer_withdrawn')), 0,
  'members and other Träger are not told about offers');
select is((select payload->'props'->>'offerOrgName' from private.outbox
           where payload->>'template' = 'cover-offer-withdrawn'), 'Träger D', 'the mail names the offering Träger');

select * from finish();
rollback;
