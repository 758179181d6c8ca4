-- accept_cover_offer and decline_cover_offer: only owners, admins and coordinators of the
-- REQUESTING Träger decide offers (nobody accepts on behalf of another Träger, not the offerer,
-- not the circle's coordinators, not the requester's members); an offer id of another request is
-- refused; hours are never over-accepted; a covered request is 'filled' and the other open offers
-- are declined with a message; acceptance writes the ledger and the audit trail and tells the
-- offerer.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(46);
select tests.cover_world();

create temp table ids (ref text primary key, id uuid not null);
grant select on ids to anon, authenticated;
insert into ids values ('req', tests.cover_draft('F-2026-020', hours => 20));
select tests.cover_publish((select id from ids where ref = 'req'));
insert into ids values ('d', tests.cover_offer((select id from ids where ref = 'req'), 'd-coord', 'traeger-d', 15));
insert into ids values ('e', tests.cover_offer((select id from ids where ref = 'req'), 'e-coord', 'traeger-e', 10));
insert into ids values ('a', tests.cover_offer((select id from ids where ref = 'req'), 'a-coord', 'traeger-a', 5));
-- Träger D has a request of its own, with an offer of Träger E.
select tests.authenticate_as('d-coord');
insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to,
  hours_per_week, kind, description, no_sozialdaten_confirmed)
values (tests.network_id('kreis-k'), tests.org_id('traeger-d'), 'dringend', 'p30', 'voerde', current_date,
  current_date + 10, 5, 'krisenintervention', 'Kurzfristige Krisenbegleitung.', true);
select tests.clear_authentication();
insert into ids select 'dreq', id from public.cover_requests where org_id = tests.org_id('traeger-d');
select tests.authenticate_as('d-coord');
select lives_ok($$select public.publish_cover_request((select id from ids where ref = 'dreq'))$$,
  'd-coord publishes a request of Träger D');
select tests.clear_authentication();
insert into ids values ('dreq-e', tests.cover_offer((select id from ids where ref = 'dreq'), 'e-coord', 'traeger-e', 5));

-- nobody accepts on behalf of another Träger
select * from tests.each_throws(array['d-coord', 'e-coord', 'a-coord', 'a-owner', 'b-member'],
  $$select public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'd'))$$,
  'P0001', 'TK_COVER_REQUESTER_ONLY');
select * from tests.each_throws(array['c-owner', 'stranger'],
  $$select public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'd'))$$,
  'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['anon'],
  $$select public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'd'))$$,
  '42501', 'cannot accept');
-- d-coord coordinates the requester of 'dreq': naming its own request with Träger B's offer id
select * from tests.each_throws(array['d-coord'],
  $$select public.accept_cover_offer((select id from ids where ref = 'dreq'), (select id from ids where ref = 'e'))$$,
  'P0001', 'TK_COVER_OFFER_NOT_FOUND');
select * from tests.each_throws(array['b-coord'],
  $$select public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'dreq-e'))$$,
  'P0001', 'TK_COVER_OFFER_NOT_FOUND');
select * from tests.each_throws(array['b-coord'],
  $$select public.accept_cover_offer((select id from ids where ref = 'dreq'), (select id from ids where ref = 'dreq-e'))$$,
  'P0001', 'TK_COVER_REQUESTER_ONLY');
select * from tests.each_throws(array['d-coord', 'e-coord', 'b-member'],
  $$select public.decline_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'd'), 'Nein')$$,
  'P0001', 'TK_COVER_REQUESTER_ONLY');
select is((select count(*)::int from public.cover_offers where status <> 'offered'), 0, 'no offer was decided');

-- hours: partial offers until covered, never more
select tests.authenticate_as('b-coord');
select throws_ok($$select public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'd'), 0)$$,
  'P0001', 'TK_COVER_HOURS_INVALID', 'taking 0 hours is refused');
select throws_ok($$select public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'd'), 16)$$,
  'P0001', 'TK_COVER_HOURS_INVALID', 'taking more hours than offered is refused');
select is(public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'd')), 'open',
  'b-coord accepts Träger D''s 15 hours; the request stays open');
select throws_ok($$select public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'd'))$$,
  'P0001', 'TK_COVER_OFFER_ACCEPTED', 'an accepted offer cannot be accepted twice');
select throws_ok($$select public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'e'))$$,
  'P0001', 'TK_COVER_ACCEPT_TOO_MANY_HOURS', 'Träger E''s 10 hours exceed the 5 still open');
select results_eq($$select status, covered_hours from public.cover_requests where id = (select id from ids where ref = 'req')$$,
  $$values ('open', 15.00::numeric)$$, 'nothing changed by the refused accept');
select is(public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'e'), 5), 'filled',
  'b-coord takes 5 of Träger E''s 10 hours: the request is filled');
select results_eq($$select status, covered_hours, filled_at is not null from public.cover_requests where id = (select id from ids where ref = 'req')$$,
  $$values ('filled', 20.00::numeric, true)$$, 'the request is filled with 20 of 20 hours');
select results_eq($$select o.name, c.status, c.accepted_hours from public.cover_offers c join public.organizations o on o.id = c.org_id
                    where c.request_id = (select id from ids where ref = 'req') order by o.name$$,
  $$values ('Träger A', 'declined', null::numeric), ('Träger D', 'accepted', 15.00::numeric), ('Träger E', 'accepted', 5.00::numeric)$$,
  'D and E accepted, A''s remaining offer declined');
select is((select decline_message from public.cover_offers where id = (select id from ids where ref = 'a')),
  'Die Anfrage ist inzwischen vollständig besetzt.', 'with a message');
select throws_ok($$select public.accept_cover_offer((select id from ids where ref = 'req'), (select id from ids where ref = 'a'))$$,
  'P0001', 'TK_COVER_FILLED', 'a filled request takes no more offers');
select tests.authenticate_as('e-coord');
select throws_ok($$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-e'), 1, current_date)$$,
  'P0001', 'TK_COVER_FILLED', 'nor new offers');

-- what the circle sees: filled, no details
select * from tests.each_count(array['a-member', 'e-member'],
  $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'req') and status = 'filled'$$, 1,
  'sees the request as filled');
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.cover_offers where org_id <> tests.org_id('traeger-a')$$, 0,
  'sees no offer but its own Träger''s (declined) one');

-- ledger: one row per accepted offer, hours spread over the months of the period
select tests.clear_authentication();
select results_eq($$select g.name, t.name, l.hours_per_week, l.aueg_note, l.period_from = current_date, l.period_to = current_date + 30
                    from public.cover_ledger l join public.organizations g on g.id = l.giver_org_id
                    join public.organizations t on t.id = l.taker_org_id order by g.name$$,
  $$values ('Träger D', 'Träger B', 15.00::numeric, 'gelegentlich, § 1 Abs. 3 Nr. 2a AÜG', true, true),
           ('Träger E', 'Träger B', 5.00::numeric, 'gelegentlich, § 1 Abs. 3 Nr. 2a AÜG', true, true)$$,
  'a ledger row per accepted offer, with the AÜG note');
select ok(abs((select planned_hours from public.cover_ledger where offer_id = (select id from ids where ref = 'd'))
           - 15 * 31 / 7.0) < 0.02, '31 days at 15 hours a week: about 66.43 hours planned');
select is((select sum(planned_hours) from public.cover_ledger_months where offer_id = (select id from ids where ref = 'd')),
  (select planned_hours from public.cover_ledger where offer_id = (select id from ids where ref = 'd')),
  'the months add up to the plan (within rounding of each month)');
select ok((select count(*) from public.cover_ledger_months where offer_id = (select id from ids where ref = 'd')) between 1 and 2,
  'the 31 days fall into one or two calendar months');

-- audit: the release of the handover notes is recorded for the requester, the acceptance for the offerer
select results_eq($$select action, details->>'offerOrgName' from public.audit_log
                    where org_id = tests.org_id('traeger-b') and action = 'cover.handover_released' order by id$$,
  $$values ('cover.handover_released', 'Träger D'), ('cover.handover_released', 'Träger E')$$,
  'the release to D and to E is in Träger B''s audit log');
select is((select count(*)::int from public.audit_log where action like 'cover.%' and network_id is not null), 0,
  'no cover entry goes to the circle''s audit log (it would tell the circle who offered)');
select results_eq($$select org_id, action from public.audit_log where action = 'cover.offer_accepted' order by org_id = tests.org_id('traeger-e')$$,
  $$values (tests.org_id('traeger-d'), 'cover.offer_accepted'), (tests.org_id('traeger-e'), 'cover.offer_accepted')$$,
  'each offerer''s audit log records its acceptance');

-- notifications: accepted to D and E (their authors), declined to A
select results_eq($$select tests.user_email(user_id), kind from public.notifications
                    where kind in ('cover.offer_accepted', 'cover.offer_declined') order by 1$$,
  $$values ('a-coord@test.example'::text, 'cover.offer_declined'), ('d-coord@test.example', 'cover.offer_accepted'),
           ('e-coord@test.example', 'cover.offer_accepted')$$,
  'the offering Träger are told');
select results_eq($$select payload->>'to', payload->>'template', payload->'props'->>'reason' from private.outbox
                    where payload->>'template' in ('cover-offer-accepted', 'cover-offer-declined') order by 1$$,
  $$values ('a-coord@test.example', 'cover-offer-declined', 'filled'), ('d-coord@test.example', 'cover-offer-accepted', null),
           ('e-coord@test.example', 'cover-offer-accepted', null)$$,
  'and mailed');
select is((select (payload->'props'->>'requestFilled')::boolean from private.outbox
           where payload->>'template' = 'cover-offer-accepted' and payload->>'to' = 'e-coord@test.example'), true,
  'the last acceptance says the request is filled');

-- decline one offer explicitly
select tests.authenticate_as('d-coord');
select lives_ok($$select public.decline_cover_offer((select id from ids where ref = 'dreq'), (select id from ids where ref = 'dreq-e'),
  'Wir haben intern eine Lösung gefunden.')$$, 'd-coord declines Träger E''s offer on its own request');
select throws_ok($$select public.decline_cover_offer((select id from ids where ref = 'dreq'), (select id from ids where ref = 'dreq-e'), 'noch mal')$$,
  'P0001', 'TK_COVER_OFFER_DECLINED', 'a declined offer cannot be declined again');
select throws_ok($$select public.accept_cover_offer((select id from ids where ref = 'dreq'), (select id from ids where ref = 'dreq-e'))$$,
  'P0001', 'TK_COVER_OFFER_DECLINED', 'nor accepted');
select tests.clear_authentication();
select results_eq($$select status, decline_message from public.cover_offers where id = (select id from ids where ref = 'dreq-e')$$,
  $$values ('declined', 'Wir haben intern eine Lösung gefunden.')$$, 'the offer is declined with the message');
select is((select payload->'props'->>'message' from private.outbox
           where payload->>'template' = 'cover-offer-declined' and payload->>'to' = 'e-coord@test.example'),
  'Wir haben intern eine Lösung gefunden.', 'Träger E is mailed the message');

select * from finish();
rollback;
