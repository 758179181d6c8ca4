-- The life of a request in functions: publish (coordinators of the requesting Träger only, with
-- the "enthält keine Sozialdaten" confirmation), alerts to the coordinators of Träger that serve
-- the Gemeinde and Hilfeart and whose preferences match, addressed-first requests and the widening
-- timer (idempotent, notifies once), cancel with a reason, and the expiry timer.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(56);
select tests.cover_world();

create temp table ids (ref text primary key, id uuid not null);
grant select on ids to anon, authenticated;

-- a helper view of who was alerted about which request
create temp view alerted as
  select i.ref, tests.user_email(n.user_id) as email, n.kind
  from public.notifications n join ids i on n.link = '/vertretungen/' || i.id;
grant select on alerted to authenticated;

-- publish: who and when
insert into ids values ('p1', tests.cover_draft('F-2026-040'));
select * from tests.each_throws(array['b-member'],
  $$select public.publish_cover_request((select id from ids where ref = 'p1'))$$, 'P0001', 'TK_COVER_COORDINATORS_ONLY');
select * from tests.each_throws(array['d-coord', 'a-coord', 'c-owner', 'stranger'],
  $$select public.publish_cover_request((select id from ids where ref = 'p1'))$$, 'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['anon'],
  $$select public.publish_cover_request((select id from ids where ref = 'p1'))$$, '42501', 'cannot publish');
update public.cover_requests set no_sozialdaten_confirmed = false where id = (select id from ids where ref = 'p1');
select * from tests.each_throws(array['b-coord'],
  $$select public.publish_cover_request((select id from ids where ref = 'p1'))$$, 'P0001', 'TK_COVER_SOZIALDATEN_UNCONFIRMED');
update public.cover_requests set period_from = current_date - 10, period_to = current_date - 2, no_sozialdaten_confirmed = true
  where id = (select id from ids where ref = 'p1');
select * from tests.each_throws(array['b-coord'],
  $$select public.publish_cover_request((select id from ids where ref = 'p1'))$$, 'P0001', 'TK_COVER_PERIOD_PAST');
update public.cover_requests set period_from = current_date, period_to = current_date + 5 where id = (select id from ids where ref = 'p1');
update public.cover_requests set addressing = 'addressed', widen_at = now() + interval '1 hour' where id = (select id from ids where ref = 'p1');
select * from tests.each_throws(array['b-coord'],
  $$select public.publish_cover_request((select id from ids where ref = 'p1'))$$, 'P0001', 'TK_COVER_NO_RECIPIENTS');
insert into public.cover_request_recipients (request_id, org_id) values ((select id from ids where ref = 'p1'), tests.org_id('traeger-e'));
update public.cover_requests set widen_at = now() - interval '1 minute' where id = (select id from ids where ref = 'p1');
select * from tests.each_throws(array['b-coord'],
  $$select public.publish_cover_request((select id from ids where ref = 'p1'))$$, 'P0001', 'TK_COVER_WIDEN_AT_PAST');
delete from public.cover_request_recipients where request_id = (select id from ids where ref = 'p1');
update public.cover_requests set addressing = 'circle', widen_at = null where id = (select id from ids where ref = 'p1');
select is((select count(*)::int from public.notifications), 0, 'no refused publish told anybody');
select is((select status from public.cover_requests where id = (select id from ids where ref = 'p1')), 'draft', 'still a draft');

select tests.authenticate_as('b-coord');
select lives_ok($$select public.publish_cover_request((select id from ids where ref = 'p1'))$$, 'b-coord publishes the Notfall');
select throws_ok($$select public.publish_cover_request((select id from ids where ref = 'p1'))$$,
  'P0001', 'TK_COVER_NOT_DRAFT', 'a published request cannot be published again');
select tests.clear_authentication();
select results_eq($$select status, published_at is not null from public.cover_requests where id = (select id from ids where ref = 'p1')$$,
  $$values ('open', true)$$, 'the request is open');
select results_eq($$select side, tests.user_email(user_id) from public.cover_contacts where request_id = (select id from ids where ref = 'p1')$$,
  $$values ('requester', 'b-coord@test.example'::text)$$, 'the publishing person is Träger B''s contact person');
select results_eq($$select email from alerted where ref = 'p1' and kind = 'cover.alert' order by 1$$,
  $$values ('d-coord@test.example'::text), ('e-coord@test.example')$$,
  'alerts reach the coordinators of D and E (serve Dinslaken and § 31), not A (Wesel), not members, not Träger B');
select results_eq($$select payload->>'to', payload->'props'->>'occasion', payload->'props'->>'recipientName', payload->'props'->>'gemeindeName'
                    from private.outbox where payload->>'template' = 'cover-request-alert' order by 1$$,
  $$values ('d-coord@test.example', 'published', 'Dora Koordination', 'Dinslaken'),
           ('e-coord@test.example', 'published', 'Emil Koordination', 'Dinslaken')$$,
  'and mails them');
select is((select count(*)::int from private.outbox where payload->>'template' = 'cover-request-alert'
           and payload->'props' ? 'caseReference'), 0, 'alert mails carry no case reference');
select results_eq($$select data ->> 'urgency', data ->> 'hilfeartLabel', data ->> 'gemeindeName', data ->> 'occasion'
                    from public.notifications where kind = 'cover.alert' limit 1$$,
  $$values ('notfall', 'Sozialpädagogische Familienhilfe (SPFH)', 'Dinslaken', 'published')$$,
  'the alert says what is needed where');

-- alert preferences: D wants no mail, E only Notfall
insert into public.cover_alert_preferences (user_id, email_enabled) values (tests.user_id('d-coord'), false);
insert into public.cover_alert_preferences (user_id, notfall_only) values (tests.user_id('e-coord'), true);
insert into ids values ('p2', tests.cover_draft('F-2026-041'));
update public.cover_requests set urgency = 'dringend' where id = (select id from ids where ref = 'p2');
select tests.cover_publish((select id from ids where ref = 'p2'));
select results_eq($$select email from alerted where ref = 'p2' and kind = 'cover.alert'$$,
  $$values ('d-coord@test.example'::text)$$, 'a dringend request alerts D, not E (Notfall only)');
select is((select count(*)::int from private.outbox where payload->>'template' = 'cover-request-alert'
           and payload->'props'->>'requestId' = (select id::text from ids where ref = 'p2')), 0,
  'and no mail, as D turned mail off');
update public.cover_alert_preferences set email_enabled = true, gemeinden = '{voerde}' where user_id = tests.user_id('d-coord');
update public.cover_alert_preferences set notfall_only = false, urgencies = '{planbar}' where user_id = tests.user_id('e-coord');
insert into ids values ('p2b', tests.cover_draft('F-2026-042'));
select tests.cover_publish((select id from ids where ref = 'p2b'));
select is((select count(*)::int from alerted where ref = 'p2b'), 0,
  'a Notfall in Dinslaken alerts neither D (only Voerde) nor E (only planbar)');
delete from public.cover_alert_preferences;

-- addressed first to Träger A (which does not serve Dinslaken), then the whole circle
insert into ids values ('p3', tests.cover_draft('F-2026-043', 'addressed', now() + interval '3 hours'));
insert into public.cover_request_recipients (request_id, org_id) values ((select id from ids where ref = 'p3'), tests.org_id('traeger-a'));
select tests.cover_publish((select id from ids where ref = 'p3'));
select results_eq($$select email from alerted where ref = 'p3' and kind = 'cover.alert' order by 1$$,
  $$values ('a-coord@test.example'::text), ('a-owner@test.example')$$,
  'an addressed request alerts the coordinators of the addressed Träger only, whatever they serve');
select is((select count(*)::int from private.outbox where payload->>'template' = 'cover-request-alert'
           and payload->'props'->>'occasion' = 'addressed'), 2, 'mails say they were asked directly');
select is(private.widen_due_requests(), 0, 'the timer widens nothing before widen_at');
select * from tests.each_throws(array['b-coord', 'a-coord'],
  'select private.widen_due_requests()', '42501', 'cannot run the widening timer');
update public.cover_requests set widen_at = now() - interval '1 second' where id = (select id from ids where ref = 'p3');
select is(private.widen_due_requests(), 1, 'once widen_at has passed, the timer widens the request');
select is(private.widen_due_requests(), 0, 'running it again widens nothing');
select ok((select widened_at is not null from public.cover_requests where id = (select id from ids where ref = 'p3')),
  'the request records the widening');
select results_eq($$select email, kind from alerted where ref = 'p3' order by kind, email$$,
  $$values ('a-coord@test.example'::text, 'cover.alert'), ('a-owner@test.example', 'cover.alert'),
           ('d-coord@test.example', 'cover.alert'), ('e-coord@test.example', 'cover.alert'),
           ('b-coord@test.example', 'cover.request_widened')$$,
  'widening alerts D and E once, not A again, and tells the requester');
select results_eq($$select payload->>'to' from private.outbox where payload->>'template' = 'cover-request-alert'
                    and payload->'props'->>'occasion' = 'widened' order by 1$$,
  $$values ('d-coord@test.example'), ('e-coord@test.example')$$, 'and mails them once');

-- cancel: with a reason, by the requesting Träger's coordinators; everyone with an offer is told
insert into ids values ('p4', tests.cover_draft('F-2026-044'));
select tests.cover_publish((select id from ids where ref = 'p4'));
insert into ids values ('p4-d', tests.cover_offer((select id from ids where ref = 'p4'), 'd-coord', 'traeger-d', 10));
insert into ids values ('p4-e', tests.cover_offer((select id from ids where ref = 'p4'), 'e-coord', 'traeger-e', 5));
select is(tests.cover_accept((select id from ids where ref = 'p4'), (select id from ids where ref = 'p4-d')), 'open', 'D''s offer accepted');
select * from tests.each_throws(array['b-member', 'd-coord', 'e-coord', 'a-coord'],
  $$select public.cancel_cover_request((select id from ids where ref = 'p4'), 'Hat sich erledigt.')$$, 'P0001', 'TK_COVER_REQUESTER_ONLY');
select * from tests.each_throws(array['stranger'],
  $$select public.cancel_cover_request((select id from ids where ref = 'p4'), 'Hat sich erledigt.')$$, 'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['b-coord'],
  $$select public.cancel_cover_request((select id from ids where ref = 'p4'), '  ')$$, 'P0001', 'TK_COVER_REASON_REQUIRED');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.cancel_cover_request((select id from ids where ref = 'p4'), 'Die Fachkraft ist wieder gesund.')$$,
  'b-coord cancels with a reason');
select throws_ok($$select public.cancel_cover_request((select id from ids where ref = 'p4'), 'Noch einmal')$$,
  'P0001', 'TK_COVER_CANCELLED', 'a cancelled request cannot be cancelled again');
select throws_ok($$select public.accept_cover_offer((select id from ids where ref = 'p4'), (select id from ids where ref = 'p4-e'))$$,
  'P0001', 'TK_COVER_CANCELLED', 'an offer of a cancelled request cannot be accepted');
select tests.authenticate_as('a-coord');
select throws_ok($$select public.make_cover_offer((select id from ids where ref = 'p4'), tests.org_id('traeger-a'), 2, current_date)$$,
  'P0001', 'TK_COVER_CANCELLED', 'a cancelled request takes no offers');
select tests.clear_authentication();
select results_eq($$select r.status, i.cancel_reason, i.cancelled_by from public.cover_requests r
                    join public.cover_request_internals i on i.request_id = r.id where r.id = (select id from ids where ref = 'p4')$$,
  $$values ('cancelled', 'Die Fachkraft ist wieder gesund.', tests.user_id('b-coord'))$$, 'the request is cancelled with the reason');
select results_eq($$select status, decline_message from public.cover_offers where request_id = (select id from ids where ref = 'p4') order by status$$,
  $$values ('accepted', null::text), ('declined', 'Die Anfrage wurde abgesagt: Die Fachkraft ist wieder gesund.')$$,
  'the open offer is declined, the accepted one stays in the ledger');
select results_eq($$select payload->>'to', (payload->'props'->>'wasAccepted')::boolean, payload->'props'->>'reason' from private.outbox
                    where payload->>'template' = 'cover-request-cancelled' order by 1$$,
  $$values ('d-coord@test.example', true, 'Die Fachkraft ist wieder gesund.'), ('e-coord@test.example', false, 'Die Fachkraft ist wieder gesund.')$$,
  'both offering Träger are mailed');
select results_eq($$select email from alerted where ref = 'p4' and kind = 'cover.request_cancelled' order by 1$$,
  $$values ('d-coord@test.example'::text), ('e-coord@test.example')$$, 'and told in the app');

-- expiry: open requests whose period has ended
insert into ids values ('p5', tests.cover_draft('F-2026-045'));
select tests.cover_publish((select id from ids where ref = 'p5'));
insert into ids values ('p5-e', tests.cover_offer((select id from ids where ref = 'p5'), 'e-coord', 'traeger-e', 5));
select is(private.expire_cover_requests(), 0, 'nothing expires while periods run');
update public.cover_requests set period_from = current_date - 10, period_to = current_date - 2 where id = (select id from ids where ref = 'p5');
select * from tests.each_throws(array['b-coord'], 'select private.expire_cover_requests()', '42501', 'cannot run the expiry timer');
select is(private.expire_cover_requests(), 1, 'the request whose period ended expires');
select is(private.expire_cover_requests(), 0, 'running it again expires nothing');
select results_eq($$select r.status, o.status, o.decline_message from public.cover_requests r join public.cover_offers o on o.request_id = r.id
                    where r.id = (select id from ids where ref = 'p5')$$,
  $$values ('expired', 'declined', 'Der Zeitraum der Anfrage ist abgelaufen.')$$, 'expired, its open offer declined');
select results_eq($$select email, kind from alerted where ref = 'p5' and kind = 'cover.request_expired' order by 1$$,
  $$values ('b-coord@test.example'::text, 'cover.request_expired'), ('e-coord@test.example', 'cover.request_expired')$$,
  'the requester and the offerer are told');
select is((select count(*)::int from private.outbox where payload->>'template' = 'cover-request-expired'), 1, 'the offerer is mailed');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.accept_cover_offer((select id from ids where ref = 'p5'), (select id from ids where ref = 'p5-e'))$$,
  'P0001', 'TK_COVER_EXPIRED', 'an expired request takes no acceptance');
select tests.clear_authentication();

select * from finish();
rollback;
