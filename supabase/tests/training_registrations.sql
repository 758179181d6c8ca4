-- training_registrations, training_queue_moves and training_attendance by persona.
-- Names of registrants: the person, their own Träger's admins (client seats also its
-- coordinators) and the organizers; other Träger and the organizer's plain members see counts
-- only (on the training row and through training_org_seats). Anonymous client seats carry no
-- personal data. Nobody writes these tables directly: the seat functions do.
begin;
\ir helpers/setup.psql
\ir helpers/training.psql
select plan(88);
select tests.training_world();

create temp table tr (ref text primary key, id uuid not null);
grant select on tr to anon, authenticated;
insert into tr values ('t', tests.training_draft('Kinderschutz nach § 8a', 3));
select tests.training_publish((select id from tr where ref = 't'));
insert into tr values ('d-member', tests.training_register('d-member', (select id from tr where ref = 't'), 'd-member'));
insert into tr values ('d-clients', tests.training_register('d-coord', (select id from tr where ref = 't'), null, 2));
insert into tr values ('a-member', tests.training_register('a-member', (select id from tr where ref = 't'), 'a-member'));
insert into tr values ('b-member', tests.training_register('b-member', (select id from tr where ref = 't'), 'b-member'));

select results_eq($$select status, waitlist_position from public.training_registrations
                    where training_id = (select id from tr where ref = 't') order by arrival_no$$,
  $$values ('confirmed', null::int), ('confirmed', null), ('waitlisted', 1), ('waitlisted', 2)$$,
  'three seats: a person and two client seats confirmed, two people waiting in arrival order');

-- select: who sees which registrations (and so which names)
select * from tests.each_count(array['b-admin', 'b-owner', 'b-coord'],
  'select count(*) from public.training_registrations', 4, 'as organizer, sees every registration');
select * from tests.each_count(array['d-admin'],
  'select count(*) from public.training_registrations', 2,
  'as the participant''s Träger admin, sees the registrations of Träger D (person and client seats)');
select * from tests.each_count(array['d-coord'],
  'select count(*) from public.training_registrations', 1,
  'as coordinator of Träger D, sees its client seats but not its colleague''s registration');
select * from tests.each_count(array['d-member', 'a-member', 'b-member'],
  'select count(*) from public.training_registrations', 1, 'sees only its own registration');
select * from tests.each_count(array['d-member', 'a-member', 'b-member'],
  'select count(*) from public.training_registrations where user_id = (select auth.uid())', 1,
  'the one registration it sees is its own');
select * from tests.each_count(array['a-owner'],
  'select count(*) from public.training_registrations', 1, 'as admin of Träger A, sees a-member''s registration only');
select * from tests.each_count(array['a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.training_registrations', 0, 'sees no registration');
select * from tests.each_count(array['a-member', 'a-coord', 'b-member', 'd-coord'],
  $$select count(*) from public.training_registrations where participant_name = 'Dieter Teilnehmer'$$, 0,
  'cannot read the name of Träger D''s participant');
select * from tests.each_count(array['d-member', 'd-admin', 'b-admin'],
  $$select count(*) from public.training_registrations where participant_name = 'Dieter Teilnehmer'$$, 1,
  'reads the name of Träger D''s participant');
select * from tests.each_throws(array['anon'], 'select * from public.training_registrations', '42501',
  'cannot read registrations');

-- counts: the circle reads them on the training row
select * from tests.each_count(array['a-member', 'a-coord', 'b-member', 'd-member'],
  $$select count(*) from public.trainings where id = (select id from tr where ref = 't')
      and seats_confirmed = 3 and seats_taken = 3 and waitlist_count = 2 and capacity - seats_taken = 0$$, 1,
  'sees the seat counts (3 of 3 taken, 2 waiting) without seeing the registrations');
select * from tests.each_count(array['c-owner', 'stranger'],
  $$select count(*) from public.trainings where id = (select id from tr where ref = 't')$$, 0,
  'sees no counts of another circle''s training');
-- counts per Träger: one's own Träger; organizers every Träger
select tests.authenticate_as('a-member');
select results_eq($$select org_id, seats_held, seats_waitlisted from public.training_org_seats((select id from tr where ref = 't'))$$,
  $$values (tests.org_id('traeger-a'), 0, 1)$$, 'a-member sees the counts of Träger A only');
select tests.authenticate_as('d-member');
select results_eq($$select org_id, seats_held, seats_waitlisted from public.training_org_seats((select id from tr where ref = 't'))$$,
  $$values (tests.org_id('traeger-d'), 3, 0)$$, 'd-member sees the counts of Träger D only');
select tests.authenticate_as('b-admin');
select is((select count(*)::int from public.training_org_seats((select id from tr where ref = 't'))), 3,
  'b-admin (organizer) sees the counts of every Träger of the circle');
select tests.clear_authentication();
select * from tests.each_count(array['c-owner', 'stranger'],
  $$select count(*) from public.training_org_seats((select id from tr where ref = 't'))$$, 0,
  'gets no counts for a training it cannot see');
select * from tests.each_throws(array['anon'],
  $$select * from public.training_org_seats((select id from tr where ref = 't'))$$, '42501', 'cannot ask for counts');

-- anonymous client seats: no personal data, by construction
select columns_are('public', 'training_registrations', array[
  'id', 'training_id', 'org_id', 'user_id', 'participant_name', 'seats', 'status', 'arrival_no', 'registered_at',
  'waitlist_position', 'offered_at', 'offer_expires_at', 'org_approval', 'org_decided_by', 'org_decided_at',
  'organizer_approval', 'organizer_decided_by', 'organizer_decided_at', 'registered_by', 'confirmed_at',
  'closed_at', 'closed_by', 'closed_reason', 'created_at', 'updated_at'],
  'registrations have no column for a client''s name, birth date, contact or a free-text note');
select tests.authenticate_as('b-admin');
select results_eq($$select user_id, participant_name, seats, org_id from public.training_registrations
                    where id = (select id from tr where ref = 'd-clients')$$,
  $$values (null::uuid, null::text, 2, tests.org_id('traeger-d'))$$,
  'client seats are a Träger and a count: no user, no name');
select tests.clear_authentication();
select throws_ok($$insert into public.training_registrations (training_id, org_id, participant_name, seats, status, arrival_no)
    values ((select id from tr where ref = 't'), tests.org_id('traeger-d'), 'Kevin M., 15 Jahre', 1, 'cancelled', 0)$$,
  '23514', null, 'a name on client seats is refused by the table itself');

-- no direct writes
select * from tests.each_throws(array['b-admin', 'd-admin', 'd-member', 'stranger', 'anon'],
  $$insert into public.training_registrations (training_id, org_id, user_id, participant_name, status, arrival_no)
    values ((select id from tr where ref = 't'), tests.org_id('traeger-d'), tests.user_id('d-admin'), 'Doris', 'confirmed', 0)$$,
  '42501', 'cannot insert a registration directly');
select * from tests.each_throws(array['b-admin', 'd-admin', 'd-member', 'anon'],
  $$update public.training_registrations set status = 'confirmed'$$, '42501', 'cannot update registrations directly');
select * from tests.each_throws(array['b-admin', 'd-admin', 'd-member', 'anon'],
  $$delete from public.training_registrations$$, '42501', 'cannot delete registrations directly');

-- training_queue_moves: the organizer moves b-member to the front, with a reason
select tests.authenticate_as('b-admin');
select lives_ok($$select public.move_training_registration((select id from tr where ref = 'b-member'), 1,
  'Braucht die Fortbildung für die Zertifizierung')$$, 'b-admin moves b-member to position 1');
select tests.clear_authentication();
select results_eq($$select (select ref from tr where tr.id = r.id), waitlist_position from public.training_registrations r
                    where status = 'waitlisted' order by waitlist_position$$,
  $$values ('b-member', 1), ('a-member', 2)$$, 'the waitlist is b-member, a-member');
select * from tests.each_count(array['b-admin', 'b-coord', 'b-member'],
  'select count(*) from public.training_queue_moves', 1, 'sees the move (organizer, or the person moved)');
select * from tests.each_count(array['a-member', 'a-coord', 'd-admin', 'd-member', 'c-owner', 'stranger'],
  'select count(*) from public.training_queue_moves', 0, 'does not see the move or its reason');
select * from tests.each_throws(array['anon'], 'select * from public.training_queue_moves', '42501', 'cannot read moves');
select * from tests.each_throws(array['b-admin', 'b-member'],
  $$insert into public.training_queue_moves (training_id, registration_id, from_position, to_position, reason)
    values ((select id from tr where ref = 't'), (select id from tr where ref = 'a-member'), 2, 1, 'Einfach so')$$,
  '42501', 'cannot write a move directly');
select * from tests.each_throws(array['b-admin'], $$delete from public.training_queue_moves$$, '42501',
  'cannot erase a move');

-- training_attendance: a training whose first session has begun
insert into tr values ('running', tests.training_draft('Erste Hilfe am Kind', 5));
select tests.training_publish((select id from tr where ref = 'running'));
insert into tr values ('r-d-member', tests.training_register('d-member', (select id from tr where ref = 'running'), 'd-member'));
insert into tr values ('r-d-clients', tests.training_register('d-admin', (select id from tr where ref = 'running'), null, 3));
update public.training_sessions set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour'
  where training_id = (select id from tr where ref = 'running') and position = 1;
update public.trainings set starts_at = now() - interval '3 hours' where id = (select id from tr where ref = 'running');
select * from tests.each_throws(array['d-admin', 'd-member', 'b-member', 'a-coord'],
  $$select public.set_training_attendance((select id from tr where ref = 'r-d-member'),
      (select id from public.training_sessions where training_id = (select id from tr where ref = 'running') and position = 1), 1)$$,
  'P0001', 'cannot record attendance (organizers only)');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.set_training_attendance((select id from tr where ref = 'r-d-member'),
    (select id from public.training_sessions where training_id = (select id from tr where ref = 'running') and position = 1), 1)$$,
  'b-coord records d-member as present');
select lives_ok($$select public.set_training_attendance((select id from tr where ref = 'r-d-clients'),
    (select id from public.training_sessions where training_id = (select id from tr where ref = 'running') and position = 1), 2)$$,
  'b-coord records 2 of 3 client seats as present');
select tests.clear_authentication();
select * from tests.each_count(array['b-admin', 'b-coord', 'd-admin'],
  'select count(*) from public.training_attendance', 2, 'sees both attendance records');
select * from tests.each_count(array['d-member'],
  'select count(*) from public.training_attendance', 1, 'sees its own attendance');
select * from tests.each_count(array['d-coord'],
  'select count(*) from public.training_attendance', 1, 'sees the attendance of its Träger''s client seats');
select * from tests.each_count(array['b-member', 'a-member', 'a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.training_attendance', 0, 'sees no attendance of others');
select * from tests.each_throws(array['anon'], 'select * from public.training_attendance', '42501', 'cannot read attendance');
select * from tests.each_throws(array['b-admin', 'd-member'],
  $$update public.training_attendance set present_seats = 0$$, '42501', 'cannot change attendance directly');
select * from tests.each_throws(array['b-admin', 'd-member'],
  $$delete from public.training_attendance$$, '42501', 'cannot delete attendance directly');

select * from finish();
rollback;
