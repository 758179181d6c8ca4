-- Circle administration: removing a Träger closes its people's registrations for the
-- circle's trainings that have not started; the freed seat goes to the waitlist, the person is
-- told. The organizer's own training is not touched by another Träger's removal.
begin;
\ir helpers/setup.psql
\ir helpers/training.psql
select plan(6);
select tests.training_world();

create temp table tr (ref text primary key, id uuid not null);
grant select on tr to anon, authenticated;
insert into tr values ('t', tests.training_draft('Kinderschutz kompakt', 1));
select tests.training_publish((select id from tr where ref = 't'));
insert into tr values ('d-member', tests.training_register('d-admin', (select id from tr where ref = 't'), 'd-member'));
insert into tr values ('a-member', tests.training_register('a-member', (select id from tr where ref = 't'), 'a-member'));
select results_eq($$select status from public.training_registrations where id in (select id from tr where ref in ('d-member', 'a-member')) order by registered_at$$,
  $$values ('confirmed'::text), ('waitlisted'::text)$$, 'd-member holds the one seat, a-member waits');

select tests.authenticate_as('a-coord');
select lives_ok($$select public.remove_traeger_from_circle(tests.network_id('kreis-k'), tests.org_id('traeger-d'), 'Hat den Kreis verlassen.')$$,
  'a-coord removes Träger D');
select tests.clear_authentication();
select is((select status || '/' || closed_reason from public.training_registrations where id = (select id from tr where ref = 'd-member')),
  'cancelled/removed_by_organizer', 'd-member''s registration is closed');
select isnt((select status from public.training_registrations where id = (select id from tr where ref = 'a-member')), 'waitlisted',
  'the seat went to a-member (offered or confirmed)');
select ok(exists (select 1 from public.notifications where user_id = tests.user_id('d-member') and kind like 'training.registration_%'),
  'd-member is told');
select is((select seats_confirmed + seats_offered + seats_pending from public.trainings where id = (select id from tr where ref = 't')), 1,
  'the training''s counters still match one held seat');
