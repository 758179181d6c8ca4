-- Notfall on the phone (issue 12) by persona: push subscriptions and preferences (each person
-- only their own; pushes written with the notification, without client data), the qualification
-- gate (staff lists only for the own Träger, the requester sees only the two checks and the name
-- after acceptance; the database refuses unqualified people), favourites (own Träger, inside the
-- circle) and the three-step escalation (RLS follows the step; timers with a moved clock).
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(104);
select tests.cover_world();

-- throws_ok with the TK code as the expected message, for each persona in turn.
create function tests.each_refuses(personas text[], statement text, code text) returns setof text
language plpgsql as $$
declare
  persona text;
begin
  foreach persona in array personas loop
    perform tests.authenticate_as(persona);
    return next throws_ok(statement, 'P0001', code, persona || ': ' || code);
    perform tests.clear_authentication();
  end loop;
end
$$;
grant execute on function tests.each_refuses(text[], text, text) to anon, authenticated;
insert into public.org_members (org_id, user_id, role, is_contact_person)
values (tests.org_id('traeger-d'), tests.create_user('d-admin@test.example', 'Doris Admin'), 'admin', false);

create temp table ids (ref text primary key, id uuid not null);
grant select, insert on ids to anon, authenticated;

-- push_subscriptions
select tests.authenticate_as('d-coord');
insert into ids values ('sub-d', public.save_push_subscription('https://push.example.net/send/abc123',
  'B' || repeat('A', 86), repeat('x', 22), 'Telefon'));
select tests.clear_authentication();
select tests.authenticate_as('e-coord');
insert into ids values ('sub-e', public.save_push_subscription('https://push.example.net/send/e-device',
  'B' || repeat('Q', 86), repeat('y', 22), ''));
select tests.clear_authentication();
select * from tests.each_count(array['d-coord'], 'select count(*) from public.push_subscriptions', 1, 'reads only their own device');
select * from tests.each_count(array['d-member', 'b-coord', 'a-coord', 'stranger'], $$select count(*) from public.push_subscriptions
  where id = (select id from ids where ref = 'sub-d')$$, 0, 'does not see another person''s device');
select * from tests.each_throws(array['anon'], 'select * from public.push_subscriptions', '42501', 'cannot read devices');
select * from tests.each_throws(array['d-coord'], $$insert into public.push_subscriptions (user_id, endpoint, p256dh, auth) values (auth.uid(), 'https://x.example/a', 'B' || repeat('A', 86), repeat('x', 22))$$,
  '42501', 'cannot insert a device directly');
select * from tests.each_refuses(array['d-coord'],
  $$select public.save_push_subscription('javascript:alert(1)', 'B' || repeat('A', 86), repeat('x', 22))$$, 'TK_PUSH_SUBSCRIPTION_INVALID');
select * from tests.each_refuses(array['d-coord'], $$select public.save_push_subscription('https://push.example.net/send/zzz', 'not-a-key', repeat('x', 22))$$, 'TK_PUSH_SUBSCRIPTION_INVALID');
select * from tests.each_refuses(array['d-coord'], $$select public.save_push_subscription('https://push.example.net/send/zzz', 'B' || repeat('A', 86), 'short')$$, 'TK_PUSH_SUBSCRIPTION_INVALID');
select * from tests.each_throws(array['anon'], $$select public.save_push_subscription('https://push.example.net/send/zzz', 'B' || repeat('A', 86), repeat('x', 22))$$,
  '42501', 'anon cannot store a device');
select is((select count(*)::int from public.push_subscriptions), 2, 'malformed subscriptions wrote nothing');
select * from tests.each_affected(array['e-coord', 'b-coord'], $$delete from public.push_subscriptions where id = (select id from ids where ref = 'sub-d')$$,
  0, 'cannot remove another person''s device');

-- push_preferences
select tests.authenticate_as('e-coord');
insert into public.push_preferences (user_id, mode) values (auth.uid(), 'all');
select tests.clear_authentication();
select * from tests.each_count(array['e-coord'], 'select count(*) from public.push_preferences', 1, 'reads their own push preferences');
select * from tests.each_count(array['d-coord', 'b-coord', 'stranger'], 'select count(*) from public.push_preferences', 0, 'does not see another person''s preferences');
select * from tests.each_throws(array['d-coord'],
  $$insert into public.push_preferences (user_id, mode) values (tests.user_id('e-coord'), 'off')$$, '42501', 'cannot write another person''s preferences');
select * from tests.each_affected(array['d-coord'], $$update public.push_preferences set mode = 'off'$$, 0, 'cannot change another person''s preferences');

-- A published Notfall writes one push per subscribed device, in the same transaction, without
-- client data.
insert into ids values ('req', tests.cover_draft('F-2026-120'));
select tests.cover_publish((select id from ids where ref = 'req'));
select is((select count(*)::int from private.outbox where kind = 'push' and payload ->> 'requestId' = (select id::text from ids where ref = 'req')),
  2, 'the published Notfall queues a push for each subscribed device (D and E)');
select is((select (payload -> 'push' -> 'data') - 'periodFrom' - 'periodTo' from private.outbox where kind = 'push' and payload ->> 'subscriptionId' = (select id::text from ids where ref = 'sub-d')),
  jsonb_build_object('urgency', 'notfall', 'hilfeartLabel', (select label from public.hilfearten where code = 'p31'), 'gemeindeName', 'Dinslaken'),
  'the push says urgency, Hilfeart and Gemeinde');
select ok((select bool_and(payload::text not like '%F-2026-120%' and payload::text not like '%drei Kindern%' and payload::text not like '%Träger B%')
  from private.outbox where kind = 'push'), 'no case reference, description or Träger name in a push');
select ok((select bool_and(payload -> 'push' -> 'data' ->> 'periodFrom' = to_char(current_date, 'YYYY-MM-DD')
                            and payload -> 'push' ->> 'kind' = 'cover.alert') from private.outbox where kind = 'push'),
  'the push names the period and what happened');
-- off and quiet hours
select tests.authenticate_as('d-coord');
insert into public.push_preferences (user_id, mode) values (auth.uid(), 'off');
select tests.clear_authentication();
select tests.authenticate_as('e-coord');
update public.push_preferences set quiet_from = ((now() at time zone 'Europe/Berlin') - interval '1 hour')::time,
  quiet_to = ((now() at time zone 'Europe/Berlin') + interval '1 hour')::time;
select tests.clear_authentication();
insert into ids values ('req2', tests.cover_draft('F-2026-121'));
select tests.cover_publish((select id from ids where ref = 'req2'));
select is((select count(*)::int from private.outbox where kind = 'push' and payload ->> 'requestId' = (select id::text from ids where ref = 'req2')),
  0, 'nothing is pushed to a person who turned push off or is in quiet hours');
select tests.authenticate_as('d-coord');
update public.push_preferences set mode = 'notfall';
select tests.clear_authentication();
select tests.authenticate_as('e-coord');
select is(public.forget_my_push_subscriptions(), 1, '"überall abmelden" removes every device of the person');
select tests.clear_authentication();
select is((select count(*)::int from public.push_subscriptions where user_id = tests.user_id('d-coord')), 1, 'and no one else''s');

-- staff_members: only the own Träger
select * from tests.each_affected(array['d-admin'],
  $$insert into public.staff_members (org_id, full_name, qualification, fuehrungszeugnis_on)
    values (tests.org_id('traeger-d'), 'Sabine Fachkraft', 'sozialarbeit', current_date - 400)$$, 1, 'an admin adds a staff member');
select * from tests.each_throws(array['d-coord', 'd-member', 'b-owner', 'a-coord'],
  $$insert into public.staff_members (org_id, full_name) values (tests.org_id('traeger-d'), 'Jemand Anders')$$,
  '42501', 'cannot add staff to Träger D');
insert into ids select 'ok', id from public.staff_members where full_name = 'Sabine Fachkraft';
insert into public.staff_members (org_id, full_name, qualification, fuehrungszeugnis_on) values
  (tests.org_id('traeger-d'), 'Paul Ohneabschluss', null, current_date - 100),
  (tests.org_id('traeger-d'), 'Olga Altzeugnis', 'erziehung', current_date - interval '5 years 1 day'),
  (tests.org_id('traeger-d'), 'Vera Vierjahre', 'heilpaedagogik', current_date - interval '4 years'),
  (tests.org_id('traeger-e'), 'Erik Fremd', 'sozialarbeit', current_date - 10);
insert into ids select 'unqualified', id from public.staff_members where full_name = 'Paul Ohneabschluss';
insert into ids select 'old', id from public.staff_members where full_name = 'Olga Altzeugnis';
insert into ids select 'four', id from public.staff_members where full_name = 'Vera Vierjahre';
insert into ids select 'foreign', id from public.staff_members where full_name = 'Erik Fremd';
select * from tests.each_count(array['d-admin', 'd-coord', 'd-member'], $$select count(*) from public.staff_members$$, 4,
  'Träger D reads its own staff list');
select * from tests.each_count(array['b-coord', 'b-owner', 'a-coord', 'a-owner', 'c-owner', 'stranger'],
  $$select count(*) from public.staff_members where org_id = tests.org_id('traeger-d')$$, 0,
  'no other Träger (not the requester, not the circle''s coordinators) sees Träger D''s staff');
select * from tests.each_throws(array['anon'], 'select * from public.staff_members', '42501', 'cannot read staff');
select * from tests.each_affected(array['d-coord', 'e-coord', 'b-owner'],
  $$update public.staff_members set fuehrungszeugnis_on = current_date where id = (select id from ids where ref = 'old')$$, 0,
  'cannot renew a Führungszeugnis date of Träger D');
select * from tests.each_refuses(array['d-admin'],
  $$update public.staff_members set fuehrungszeugnis_on = current_date + 3 where id = (select id from ids where ref = 'ok')$$, 'TK_STAFF_FUEHRUNGSZEUGNIS_IN_FUTURE');

-- the gate
update public.cover_requests set requires_fachkraft = true where id = (select id from ids where ref = 'req');
select * from tests.each_refuses(array['d-coord'], $$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-d'), 5, current_date)$$, 'TK_COVER_STAFF_REQUIRED');
select * from tests.each_refuses(array['d-coord'], $$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-d'), 5, current_date, '', '{}', '', (select id from ids where ref = 'unqualified'))$$, 'TK_COVER_STAFF_NOT_FACHKRAFT');
select * from tests.each_refuses(array['d-coord'], $$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-d'), 5, current_date, '', '{}', '', (select id from ids where ref = 'old'))$$, 'TK_COVER_STAFF_FUEHRUNGSZEUGNIS_EXPIRED');
select * from tests.each_refuses(array['d-coord'], $$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-d'), 5, current_date, '', '{}', '', (select id from ids where ref = 'foreign'))$$, 'TK_COVER_STAFF_UNKNOWN');
update public.networks set fuehrungszeugnis_max_years = 3 where id = tests.network_id('kreis-k');
select * from tests.each_refuses(array['d-coord'], $$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-d'), 5, current_date, '', '{}', '', (select id from ids where ref = 'four'))$$, 'TK_COVER_STAFF_FUEHRUNGSZEUGNIS_EXPIRED');
update public.networks set fuehrungszeugnis_max_years = 5 where id = tests.network_id('kreis-k');
select is((select count(*)::int from public.cover_offers where request_id = (select id from ids where ref = 'req')), 0,
  'refused offers wrote nothing');
select tests.authenticate_as('d-coord');
insert into ids values ('offer', public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-d'), 20, current_date,
  '', '{}', '', (select id from ids where ref = 'four')));
select tests.clear_authentication();
select * from tests.each_count(array['b-coord', 'b-member'],
  $$select count(*) from public.cover_offers where id = (select id from ids where ref = 'offer') and staff_fachkraft and staff_fuehrungszeugnis_current$$, 1,
  'the requester sees "Fachkraft ✓ · Führungszeugnis aktuell ✓"');
select * from tests.each_count(array['b-coord'], $$select count(*) from public.cover_offers o
  where id = (select id from ids where ref = 'offer') and public.cover_offer_person(o.id) is null$$, 1,
  'the requester does not learn the person''s name before accepting');
select * from tests.each_count(array['d-coord'], $$select count(*) from public.cover_offers o
  where public.cover_offer_person(o.id) = 'Vera Vierjahre'$$, 1, 'the offering Träger sees whom it offered');
select * from tests.each_count(array['e-coord', 'a-coord'], $$select count(*) from public.cover_offers where id = (select id from ids where ref = 'offer')$$, 0,
  'a third Träger sees neither offer nor checks');
select is(tests.cover_accept((select id from ids where ref = 'req'), (select id from ids where ref = 'offer')), 'filled', 'accepted');
select * from tests.each_count(array['b-coord'], $$select count(*) from public.cover_offers o
  where public.cover_offer_person(o.id) = 'Vera Vierjahre'$$, 1, 'after acceptance the requester sees the person''s name');
select ok((select count(*) from private.outbox where kind = 'push' and payload -> 'push' ->> 'kind' = 'cover.offer_accepted') = 1,
  'the acceptance is pushed to the offering coordinator''s device');

-- reminders before a Führungszeugnis runs out (Olga: ran out; Vera: 4 years, fine at 5)
update public.staff_members set fuehrungszeugnis_on = current_date - interval '5 years' + interval '30 days' where id = (select id from ids where ref = 'four');
select is(private.remind_fuehrungszeugnis(), 2, 'reminds about the expired and the soon expiring Führungszeugnis');
select is(private.remind_fuehrungszeugnis(), 0, 'once per date');
select is((select count(*)::int from public.notifications where kind = 'staff.fuehrungszeugnis_due' and user_id = tests.user_id('d-admin')), 2,
  'the Träger admin is reminded');
select is((select count(*)::int from public.notifications where kind = 'staff.fuehrungszeugnis_due' and user_id <> tests.user_id('d-admin')), 0,
  'nobody else');
select * from tests.each_throws(array['d-admin', 'anon'], 'select private.remind_fuehrungszeugnis()', '42501', 'cannot run the reminder job');

-- favourites
select * from tests.each_affected(array['b-coord'],
  $$insert into public.cover_favourites (org_id, favourite_org_id) values (tests.org_id('traeger-b'), tests.org_id('traeger-d'))$$, 1,
  'a coordinator adds a favourite');
select * from tests.each_refuses(array['b-coord'], $$insert into public.cover_favourites (org_id, favourite_org_id) values (tests.org_id('traeger-b'), tests.org_id('traeger-c'))$$, 'TK_COVER_FAVOURITE_OUTSIDE_CIRCLE');
select * from tests.each_throws(array['b-member', 'd-coord'], $$insert into public.cover_favourites (org_id, favourite_org_id) values (tests.org_id('traeger-b'), tests.org_id('traeger-e'))$$,
  '42501', 'cannot choose Träger B''s favourites');
select * from tests.each_count(array['b-coord', 'b-member'], 'select count(*) from public.cover_favourites', 1, 'Träger B reads its favourites');
select * from tests.each_count(array['d-coord', 'a-coord', 'stranger'], 'select count(*) from public.cover_favourites', 0, 'nobody else does');

-- three steps: D (favourite) first, E (covered with B before) from partners_at, the circle from widen_at
insert into ids values ('old-req', tests.cover_draft('F-2026-122', 'circle', null, 5));
update public.cover_requests set requires_fachkraft = false where id = (select id from ids where ref = 'old-req');
select tests.cover_publish((select id from ids where ref = 'old-req'));
insert into ids values ('old-offer', tests.cover_offer((select id from ids where ref = 'old-req'), 'e-coord', 'traeger-e', 5));
select is(tests.cover_accept((select id from ids where ref = 'old-req'), (select id from ids where ref = 'old-offer')), 'filled', 'E covered for B before');
insert into ids values ('staged', tests.cover_draft('F-2026-123', 'addressed', now() + interval '2 hours'));
update public.cover_requests set partners_at = now() + interval '1 hour' where id = (select id from ids where ref = 'staged');
select tests.authenticate_as('b-coord');
select is(public.address_cover_request_to_favourites((select id from ids where ref = 'staged')), 1, 'the favourites become the first addressees');
select tests.clear_authentication();
select tests.cover_publish((select id from ids where ref = 'staged'));
select * from tests.each_count(array['d-coord'], $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'staged')$$, 1, 'step 1: the favourite sees it');
select * from tests.each_count(array['e-coord', 'e-member', 'a-coord', 'a-member'], $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'staged')$$, 0,
  'step 1: a Träger not yet reached does not see it');
select * from tests.each_refuses(array['e-coord'],
  $$select public.make_cover_offer((select id from ids where ref = 'staged'), tests.org_id('traeger-e'), 2, current_date)$$, 'TK_NOT_FOUND');
select is(private.escalate_to_partners(), 0, 'the partner timer does nothing before partners_at');
-- the clock moves on by an hour
update public.cover_requests set partners_at = now() - interval '1 second', widen_at = now() + interval '1 hour' where id = (select id from ids where ref = 'staged');
select * from tests.each_count(array['e-coord', 'e-member'], $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'staged')$$, 1,
  'step 2: the partner sees it once partners_at has passed, before the timer ran');
select * from tests.each_count(array['a-coord', 'a-member'], $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'staged')$$, 0,
  'step 2: the rest of the circle does not');
select is(private.escalate_to_partners(), 1, 'the partner timer adds the partners');
select is(private.escalate_to_partners(), 0, 'once');
select ok(exists (select 1 from public.cover_request_recipients where request_id = (select id from ids where ref = 'staged') and org_id = tests.org_id('traeger-e')),
  'E is now an addressee');
select ok(exists (select 1 from public.notifications where user_id = tests.user_id('e-coord') and kind = 'cover.alert'
  and link = '/vertretungen/' || (select id from ids where ref = 'staged')), 'E''s coordinator is alerted');
select ok(tests.cover_offer((select id from ids where ref = 'staged'), 'e-coord', 'traeger-e', 2) is not null, 'step 2: the partner can offer');
-- and another hour
update public.cover_requests set widen_at = now() - interval '1 second' where id = (select id from ids where ref = 'staged');
select * from tests.each_count(array['a-coord', 'a-member'], $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'staged')$$, 1,
  'step 3: the whole circle sees it');
select * from tests.each_count(array['c-owner', 'stranger'], $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'staged')$$, 0,
  'another circle never');

-- widening at once
insert into ids values ('now', tests.cover_draft('F-2026-124', 'addressed', now() + interval '3 hours'));
select tests.authenticate_as('b-coord');
insert into public.cover_request_recipients (request_id, org_id) values ((select id from ids where ref = 'now'), tests.org_id('traeger-d'));
select tests.clear_authentication();
select tests.cover_publish((select id from ids where ref = 'now'));
select * from tests.each_throws(array['b-member', 'd-coord'], $$select public.widen_cover_request_now((select id from ids where ref = 'now'))$$,
  'P0001', 'only the requesting Träger''s coordinators widen');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.widen_cover_request_now((select id from ids where ref = 'now'))$$, 'the requester widens at once');
select throws_ok($$select public.widen_cover_request_now((select id from ids where ref = 'now'))$$, 'P0001', 'TK_COVER_ALREADY_WIDENED', 'not twice');
select tests.clear_authentication();
select * from tests.each_count(array['a-member'], $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'now')$$, 1,
  'the whole circle sees it at once');
select ok((select widened_at is not null from public.cover_requests where id = (select id from ids where ref = 'now')), 'and was told');

select * from finish();
rollback;
