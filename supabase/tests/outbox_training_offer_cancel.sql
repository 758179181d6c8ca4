-- A seat offer mail that is no longer meaningful (the offer was declined, accepted or ran out) is
-- cancelled by the database and recorded as such; the other mails of the registration stay.
begin;
\ir helpers/setup.psql
\ir helpers/training.psql
select plan(5);
select tests.training_world();

create temp table t (ref text primary key, id uuid not null);
grant select on t to anon, authenticated;
insert into t values ('training', tests.training_draft('Kinderschutz kompakt', 1));
select tests.training_publish((select id from t where ref = 'training'));
insert into t values ('first', tests.training_register('d-member', (select id from t where ref = 'training'), 'd-member'));
insert into t values ('second', tests.training_register('a-member', (select id from t where ref = 'training'), 'a-member'));
select tests.authenticate_as('d-member');
select public.cancel_training_registration((select id from t where ref = 'first'));
select tests.clear_authentication();
select is((select status from public.training_registrations where id = (select id from t where ref = 'second')), 'offered',
  'the waitlisted person is offered the seat');
select is((select count(*)::int from private.outbox where cancel_key = 'training-offer:' || (select id from t where ref = 'second') and status = 'pending'), 1,
  'the offer mail waits with the registration''s cancel key');
select tests.authenticate_as('a-member');
select lives_ok($$select public.decline_training_offer((select id from t where ref = 'second'))$$, 'a-member declines the offer');
select tests.clear_authentication();
select results_eq($$select status, cancelled_reason from private.outbox where cancel_key = 'training-offer:' || (select id from t where ref = 'second')$$,
  $$values ('cancelled'::text, 'training_offer_declined'::text)$$, 'the offer mail is cancelled');
select ok((select count(*) from private.outbox where payload ->> 'template' = 'training-waitlisted' and status = 'pending') >= 1,
  'the earlier waitlist mail is not touched');

select * from finish();
rollback;
