-- Mails that could not be delivered (private.outbox, status 'undeliverable') by persona: the
-- admins of the addressee's Träger and the coordinators of its circle see them and can queue them
-- again (public.undeliverable_mails, public.requeue_mail); nobody else, and anon not at all.
-- And the domain cancels mails that are no longer meaningful: alerts about a cover request that
-- was cancelled or filled are recorded as cancelled, other mails stay.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(37);
select tests.cover_world();

-- Three mails that ran out of retries: to a member of Träger B, to Träger C's owner, to nobody known.
insert into private.outbox (kind, payload, status, attempts, first_attempt_at, processed_at) values
  ('mail', jsonb_build_object('template', 'training-confirmed', 'to', 'B-Member@test.example', 'props', '{}'::jsonb),
   'undeliverable', 77, now() - interval '73 hours', now()),
  ('mail', jsonb_build_object('template', 'reset-password', 'to', 'c-owner@test.example', 'props', '{}'::jsonb),
   'undeliverable', 77, now() - interval '73 hours', now()),
  ('mail', jsonb_build_object('template', 'reset-password', 'to', 'niemand@example.org', 'props', '{}'::jsonb),
   'undeliverable', 77, now() - interval '73 hours', now());
create temp table mails as
  select id, payload ->> 'to' as recipient from private.outbox where status = 'undeliverable';
grant select on mails to anon, authenticated;

-- see
select * from tests.each_count(array['b-owner', 'b-admin'],
  'select count(*) from public.undeliverable_mails()', 1, 'an admin of the addressee''s Träger sees the mail');
select * from tests.each_count(array['a-owner', 'a-coord'],
  $$select count(*) from public.undeliverable_mails() where lower(recipient) = 'b-member@test.example'$$, 1,
  'a coordinator of the circle sees the mail of a Träger in the circle');
select * from tests.each_count(array['b-coord', 'b-member', 'a-member', 'd-coord', 'stranger'],
  'select count(*) from public.undeliverable_mails()', 0, 'sees no undeliverable mail');
select * from tests.each_count(array['c-owner'],
  'select count(*) from public.undeliverable_mails()', 1, 'sees only the mail of its own Träger');
select * from tests.each_throws(array['anon'], 'select * from public.undeliverable_mails()', '42501', 'cannot list undeliverable mails');
select * from tests.each_throws(array['b-admin', 'b-member', 'anon'],
  'select * from private.outbox', '42501', 'cannot read the outbox itself');

-- queue again
select * from tests.each_throws(array['c-owner', 'b-member', 'b-coord', 'd-coord', 'stranger'],
  $$select public.requeue_mail((select id from mails where recipient = 'B-Member@test.example'))$$,
  'P0001', 'cannot queue another Träger''s mail again');
select * from tests.each_throws(array['anon'],
  $$select public.requeue_mail((select id from mails where recipient = 'B-Member@test.example'))$$,
  '42501', 'cannot queue mails');
select * from tests.each_throws(array['a-coord'],
  $$select public.requeue_mail((select id from mails where recipient = 'niemand@example.org'))$$,
  'P0001', 'cannot queue a mail nobody may see');
select tests.authenticate_as('b-admin');
select lives_ok($$select public.requeue_mail((select id from mails where recipient = 'B-Member@test.example'))$$,
  'b-admin queues the mail again');
select throws_ok($$select public.requeue_mail((select id from mails where recipient = 'B-Member@test.example'))$$,
  'P0001', 'TK_NOT_FOUND', 'a mail that is pending again is not undeliverable any more');
select is((select count(*)::int from public.audit_log where action = 'mail.requeued' and org_id = tests.org_id('traeger-b')), 1,
  'the Träger''s audit log records it');
select tests.clear_authentication();
select results_eq($$select status, attempts, first_attempt_at is null, last_error is null from private.outbox
                    where id = (select id from mails where recipient = 'B-Member@test.example')$$,
  $$values ('pending'::text, 0, true, true)$$, 'queued again with a fresh retry window');
select results_eq($$select status from private.outbox where id in (select id from mails where recipient <> 'B-Member@test.example') order by id$$,
  $$values ('undeliverable'::text), ('undeliverable'::text)$$, 'the other mails are unchanged');

-- cancellation by the domain: a Notfall in Dinslaken alerts D's and E's coordinators
create temp table reqs (ref text primary key, id uuid not null);
grant select on reqs to anon, authenticated;
insert into reqs values ('cancelled', tests.cover_draft('F-2026-090'));
insert into reqs values ('filled', tests.cover_draft('F-2026-091', 'circle', null, 10));
select tests.cover_publish((select id from reqs where ref = 'cancelled'));
select tests.cover_publish((select id from reqs where ref = 'filled'));
select ok((select count(*) from private.outbox where cancel_key = 'cover-request:' || (select id from reqs where ref = 'cancelled') and status = 'pending') >= 2,
  'publishing queued alerts with the request''s cancel key');
update private.outbox set status = 'undeliverable', processed_at = now()
  where id = (select min(id) from private.outbox where cancel_key = 'cover-request:' || (select id from reqs where ref = 'cancelled'));
select tests.authenticate_as('b-coord');
select lives_ok($$select public.cancel_cover_request((select id from reqs where ref = 'cancelled'), 'Hat sich erledigt.')$$,
  'b-coord cancels the request');
select tests.clear_authentication();
select is_empty($$select id from private.outbox where cancel_key = 'cover-request:' || (select id from reqs where ref = 'cancelled')
                  and status <> 'cancelled'$$,
  'every alert about the cancelled request, waiting or undeliverable, is cancelled');
select results_eq($$select distinct cancelled_reason from private.outbox where cancel_key = 'cover-request:' || (select id from reqs where ref = 'cancelled')$$,
  $$values ('cover_request_cancelled'::text)$$, 'recorded as cancelled, with the reason');
select ok((select count(*) from private.outbox where cancel_key = 'cover-request:' || (select id from reqs where ref = 'filled') and status = 'pending') >= 2,
  'the other request''s alerts still wait');
select tests.cover_accept((select id from reqs where ref = 'filled'),
  tests.cover_offer((select id from reqs where ref = 'filled'), 'd-coord', 'traeger-d', 10));
select is((select status from public.cover_requests where id = (select id from reqs where ref = 'filled')), 'filled', 'the second request is filled');
select is_empty($$select id from private.outbox where cancel_key = 'cover-request:' || (select id from reqs where ref = 'filled') and status <> 'cancelled'$$,
  'the alerts about the filled request are cancelled');
select ok((select count(*) from private.outbox where payload ->> 'template' = 'cover-offer-accepted' and status = 'pending') >= 1,
  'the mail about the acceptance itself is not cancelled');

-- retention
update private.outbox set status = 'sent', processed_at = now() - interval '31 days'
  where id = (select min(id) from private.outbox where payload ->> 'template' = 'cover-offer-accepted');
select tests.authenticate_as('b-admin');
select throws_ok('select private.strip_old_outbox_mails()', '42501', null, 'an API role cannot run the retention');
select tests.clear_authentication();
set local role service_role;
select is(private.strip_old_outbox_mails(), 1, 'the retention strips the one mail sent 31 days ago');
reset role;
select results_eq($$select status, payload, stripped_at is not null from private.outbox
                    where id = (select min(id) from private.outbox where payload ->> 'template' = 'cover-offer-accepted')$$,
  $$values ('sent'::text, '{"template": "cover-offer-accepted", "stripped": true}'::jsonb, true)$$,
  'keeps id, status and template, drops address and content');

select * from finish();
rollback;
