-- cover_ledger and cover_ledger_months by persona: only the two Träger of a row read it; only
-- their coordinators note the cooperation agreement; complete_cover records the hours actually
-- given (either side's coordinators) and completes the request once every accepted cover is done.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(52);
select tests.cover_world();

create temp table ids (ref text primary key, id uuid not null);
grant select on ids to anon, authenticated;
insert into ids values ('req', tests.cover_draft('F-2026-050', hours => 20));
select tests.cover_publish((select id from ids where ref = 'req'));
insert into ids values ('d', tests.cover_offer((select id from ids where ref = 'req'), 'd-coord', 'traeger-d', 12));
insert into ids values ('e', tests.cover_offer((select id from ids where ref = 'req'), 'e-coord', 'traeger-e', 8));
select is(tests.cover_accept((select id from ids where ref = 'req'), (select id from ids where ref = 'd')), 'open', 'D accepted');
select is(tests.cover_accept((select id from ids where ref = 'req'), (select id from ids where ref = 'e')), 'filled', 'E accepted: filled');

-- select
select * from tests.each_count(array['b-coord', 'b-member', 'b-owner'],
  'select count(*) from public.cover_ledger', 2, 'the taking Träger reads both ledger rows');
select * from tests.each_count(array['d-coord', 'd-member'],
  'select count(*) from public.cover_ledger', 1, 'Träger D reads only its own row');
select * from tests.each_count(array['e-coord'],
  $$select count(*) from public.cover_ledger where giver_org_id = tests.org_id('traeger-d')$$, 0,
  'Träger E does not see Träger D''s row');
select * from tests.each_count(array['a-coord', 'a-member', 'c-owner', 'stranger'],
  'select count(*) from public.cover_ledger', 0, 'reads no ledger row');
select * from tests.each_count(array['a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.cover_ledger_months', 0, 'reads no ledger month');
select * from tests.each_count(array['d-member'],
  $$select count(*) from public.cover_ledger_months where giver_org_id <> tests.org_id('traeger-d')$$, 0,
  'reads only its own Träger''s months');
select * from tests.each_throws(array['anon'], 'select * from public.cover_ledger', '42501', 'cannot read the ledger');
select * from tests.each_throws(array['anon'], 'select * from public.cover_ledger_months', '42501', 'cannot read the ledger months');

-- writes: only the agreement reference, by coordinators of either Träger
select * from tests.each_throws(array['b-coord', 'd-coord'],
  $$insert into public.cover_ledger (offer_id, request_id, network_id, giver_org_id, taker_org_id, hours_per_week, period_from, period_to)
    values ((select id from ids where ref = 'd'), (select id from ids where ref = 'req'), tests.network_id('kreis-k'),
      tests.org_id('traeger-d'), tests.org_id('traeger-b'), 1, current_date, current_date)$$,
  '42501', 'cannot write a ledger row');
select * from tests.each_throws(array['b-coord', 'd-coord'],
  $$update public.cover_ledger set actual_hours = 1, completed_at = now()$$, '42501', 'cannot set the actual hours directly');
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_ledger_months set actual_hours = 1$$, '42501', 'cannot change ledger months');
select * from tests.each_throws(array['b-coord', 'd-coord'],
  $$delete from public.cover_ledger$$, '42501', 'cannot delete ledger rows');
select * from tests.each_affected(array['d-coord'],
  $$update public.cover_ledger set agreement_reference = 'Kooperationsvereinbarung vom 01.03.2026' where offer_id = (select id from ids where ref = 'd')$$, 1,
  'notes the cooperation agreement of its cover');
select * from tests.each_affected(array['b-coord'],
  $$update public.cover_ledger set agreement_reference = 'Rahmenvertrag Kreis K' where offer_id = (select id from ids where ref = 'e')$$, 1,
  'notes the cooperation agreement as the taking Träger');
select * from tests.each_affected(array['d-member', 'b-member', 'e-coord', 'a-coord', 'stranger'],
  $$update public.cover_ledger set agreement_reference = 'Gefälscht' where offer_id = (select id from ids where ref = 'd')$$, 0,
  'cannot note an agreement on D''s cover');
select * from tests.each_throws(array['anon'],
  $$update public.cover_ledger set agreement_reference = 'Anonym'$$, '42501', 'cannot update the ledger');
select tests.clear_authentication();
select results_eq($$select agreement_reference from public.cover_ledger order by agreement_reference$$,
  $$values ('Kooperationsvereinbarung vom 01.03.2026'), ('Rahmenvertrag Kreis K')$$, 'only the allowed notes took effect');

-- complete_cover
select * from tests.each_throws(array['d-member', 'b-member'],
  $$select public.complete_cover((select id from ids where ref = 'd'), 40)$$, 'P0001', 'TK_COVER_COORDINATORS_ONLY');
select * from tests.each_throws(array['e-coord', 'a-coord', 'stranger'],
  $$select public.complete_cover((select id from ids where ref = 'd'), 40)$$, 'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['anon'],
  $$select public.complete_cover((select id from ids where ref = 'd'), 40)$$, '42501', 'cannot complete a cover');
select * from tests.each_throws(array['d-coord'],
  $$select public.complete_cover((select id from ids where ref = 'd'), -1)$$, 'P0001', 'TK_COVER_ACTUAL_HOURS_INVALID');
select * from tests.each_throws(array['d-coord'],
  $$select public.complete_cover((select id from ids where ref = 'd'), 1000)$$, 'P0001', 'TK_COVER_ACTUAL_HOURS_INVALID');
select tests.authenticate_as('d-coord');
select lives_ok($$select public.complete_cover((select id from ids where ref = 'd'), 50.5)$$, 'd-coord records 50.5 hours given');
select throws_ok($$select public.complete_cover((select id from ids where ref = 'd'), 50.5)$$,
  'P0001', 'TK_COVER_ALREADY_COMPLETED', 'a completed cover cannot be completed again');
select tests.clear_authentication();
select results_eq($$select actual_hours, completed_by from public.cover_ledger where offer_id = (select id from ids where ref = 'd')$$,
  $$values (50.50::numeric, tests.user_id('d-coord'))$$, 'the ledger records the hours and who gave them');
select is((select sum(actual_hours) from public.cover_ledger_months where offer_id = (select id from ids where ref = 'd')),
  50.50::numeric, 'the months add up to the hours given');
select is((select status from public.cover_requests where id = (select id from ids where ref = 'req')), 'filled',
  'the request stays filled while E''s cover is open');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.complete_cover((select id from ids where ref = 'e'), 30)$$, 'b-coord records E''s 30 hours');
select tests.clear_authentication();
select is((select status from public.cover_requests where id = (select id from ids where ref = 'req')), 'completed',
  'all covers done: the request is completed');
select results_eq($$select tests.user_email(user_id) from public.notifications where kind = 'cover.completed' order by 1$$,
  $$values ('b-coord@test.example'::text), ('e-coord@test.example')$$, 'the other side is told each time');

-- an offer that was not accepted cannot be completed
insert into ids values ('req2', tests.cover_draft('F-2026-051'));
select tests.cover_publish((select id from ids where ref = 'req2'));
insert into ids values ('req2-d', tests.cover_offer((select id from ids where ref = 'req2'), 'd-coord', 'traeger-d', 4));
select * from tests.each_throws(array['d-coord', 'b-coord'],
  $$select public.complete_cover((select id from ids where ref = 'req2-d'), 4)$$, 'P0001', 'TK_COVER_NOT_ACCEPTED');

select * from finish();
rollback;
