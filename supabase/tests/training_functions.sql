-- The training functions by persona: who may register whom (self; colleagues by the Träger's
-- admins; client seats by owners, admins, coordinators), approve (the participant's Träger admin
-- for 'org', the organizers for 'organizer'), cancel, accept, move, publish, cancel and close a
-- training. Outsiders get TK_NOT_FOUND (never a hint that the row exists); anon may call nothing;
-- the worker's jobs and the internal seat helpers are not callable by the API roles.
begin;
\ir helpers/setup.psql
\ir helpers/training.psql
select plan(71);
select tests.training_world();

create temp table tr (ref text primary key, id uuid not null);
grant select on tr to anon, authenticated;
insert into tr values ('t', tests.training_draft('Systemische Gesprächsführung', 2));
update public.trainings set needs_org_approval = true, needs_organizer_approval = true
  where id = (select id from tr where ref = 't');
select tests.training_publish((select id from tr where ref = 't'));

-- register
select * from tests.each_throws(array['stranger', 'c-owner'],
  $$select public.register_for_training((select id from tr where ref = 't'), (select auth.uid()))$$,
  'P0001', 'cannot register for a training of a circle it is not in');
select tests.authenticate_as('stranger');
select throws_ok($$select public.register_for_training((select id from tr where ref = 't'), (select auth.uid()))$$,
  'P0001', 'TK_NOT_FOUND', 'stranger: the training is "nicht gefunden"');
select tests.authenticate_as('d-member');
select throws_ok($$select public.register_for_training((select id from tr where ref = 't'), tests.user_id('d-coord'))$$,
  'P0001', 'TK_TRAINING_NOT_ALLOWED', 'd-member (member) cannot register a colleague');
select throws_ok($$select public.register_for_training((select id from tr where ref = 't'), null, 2)$$,
  'P0001', 'TK_TRAINING_NOT_ALLOWED', 'd-member (member) cannot book client seats');
select tests.authenticate_as('d-admin');
select throws_ok($$select public.register_for_training((select id from tr where ref = 't'), tests.user_id('a-member'),
    1, tests.org_id('traeger-d'))$$,
  'P0001', 'TK_NOT_FOUND', 'd-admin cannot register a member of another Träger');
select throws_ok($$select public.register_for_training((select id from tr where ref = 't'), tests.user_id('a-member'))$$,
  'P0001', 'TK_NOT_FOUND', 'd-admin cannot register a member of another Träger (Träger left out)');
select throws_ok($$select public.register_for_training((select id from tr where ref = 't'), tests.user_id('d-member'),
    1, tests.org_id('traeger-a'))$$,
  'P0001', 'TK_NOT_FOUND', 'd-admin cannot book against another Träger');
select tests.clear_authentication();
insert into tr values ('d-member', tests.training_register('d-admin', (select id from tr where ref = 't'), 'd-member'));
select * from tests.each_throws(array['anon'],
  $$select public.register_for_training((select id from tr where ref = 't'), null, 1)$$, '42501',
  'cannot call register_for_training');
insert into tr values ('a-member', tests.training_register('a-member', (select id from tr where ref = 't'), 'a-member'));
insert into tr values ('b-member', tests.training_register('b-member', (select id from tr where ref = 't'), 'b-member'));
select results_eq($$select (select ref from tr where tr.id = r.id), status, org_approval, organizer_approval, registered_by
                    from public.training_registrations r order by arrival_no$$,
  $$values ('d-member', 'pending_approval', 'approved', 'pending', tests.user_id('d-admin')),
           ('a-member', 'pending_approval', 'pending', 'pending', tests.user_id('a-member')),
           ('b-member', 'waitlisted', 'pending', 'pending', tests.user_id('b-member'))$$,
  'pending approvals hold the two seats; an admin registering approves for the Träger; the third waits');

-- decide_training_approval
select tests.authenticate_as('a-member');
select throws_ok($$select public.decide_training_approval((select id from tr where ref = 'a-member'), 'org', true)$$,
  'P0001', 'TK_TRAINING_NOT_ALLOWED', 'a-member cannot approve their own registration');
select * from tests.each_throws(array['d-admin', 'a-coord', 'b-member', 'stranger'],
  $$select public.decide_training_approval((select id from tr where ref = 'a-member'), 'org', true)$$,
  'P0001', 'cannot give Träger A''s approval');
select tests.authenticate_as('a-owner');
select throws_ok($$select public.decide_training_approval((select id from tr where ref = 'a-member'), 'organizer', true)$$,
  'P0001', 'TK_TRAINING_NOT_ALLOWED', 'a-owner cannot give the organizer''s approval');
select lives_ok($$select public.decide_training_approval((select id from tr where ref = 'a-member'), 'org', true)$$,
  'a-owner approves for Träger A');
select tests.authenticate_as('b-member');
select throws_ok($$select public.decide_training_approval((select id from tr where ref = 'a-member'), 'organizer', true)$$,
  'P0001', 'TK_NOT_FOUND', 'b-member (a member of the organising Träger) cannot approve as organizer');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.decide_training_approval((select id from tr where ref = 'a-member'), 'organizer', true)$$,
  'b-coord approves as organizer');
select throws_ok($$select public.decide_training_approval((select id from tr where ref = 'a-member'), 'organizer', true)$$,
  'P0001', 'TK_TRAINING_APPROVAL_NOT_PENDING', 'an approval is given once');
select tests.clear_authentication();
select is((select status from public.training_registrations where id = (select id from tr where ref = 'a-member')),
  'confirmed', 'with both approvals a-member''s seat is confirmed');
select * from tests.each_throws(array['anon'],
  $$select public.decide_training_approval((select id from tr where ref = 'a-member'), 'org', true)$$, '42501',
  'cannot call decide_training_approval');

-- cancel_training_registration
select * from tests.each_throws(array['a-member', 'a-coord', 'b-member', 'd-coord', 'stranger'],
  $$select public.cancel_training_registration((select id from tr where ref = 'd-member'))$$,
  'P0001', 'cannot cancel d-member''s registration');
select tests.authenticate_as('d-admin');
select lives_ok($$select public.cancel_training_registration((select id from tr where ref = 'd-member'))$$,
  'd-admin cancels the registration of colleague d-member');
select tests.clear_authentication();
select * from tests.each_throws(array['anon'],
  $$select public.cancel_training_registration((select id from tr where ref = 'a-member'))$$, '42501',
  'cannot call cancel_training_registration');
select is((select status from public.training_registrations where id = (select id from tr where ref = 'b-member')),
  'offered', 'the freed seat is offered to b-member, first in line');

-- accept / decline an offer
select * from tests.each_throws(array['a-member', 'd-admin', 'a-coord', 'stranger'],
  $$select public.accept_training_offer((select id from tr where ref = 'b-member'))$$,
  'P0001', 'cannot accept b-member''s offer');
select * from tests.each_throws(array['a-member', 'd-admin', 'stranger'],
  $$select public.decline_training_offer((select id from tr where ref = 'b-member'))$$,
  'P0001', 'cannot decline b-member''s offer');
select tests.authenticate_as('b-member');
select lives_ok($$select public.accept_training_offer((select id from tr where ref = 'b-member'))$$,
  'b-member accepts the offer');
select tests.clear_authentication();
select is((select status from public.training_registrations where id = (select id from tr where ref = 'b-member')),
  'pending_approval', 'b-member holds the seat, waiting for the approvals');
select * from tests.each_throws(array['anon'],
  $$select public.accept_training_offer((select id from tr where ref = 'b-member'))$$, '42501',
  'cannot call accept_training_offer');

-- move_training_registration: organizers only
insert into tr values ('d-admin', tests.training_register('d-admin', (select id from tr where ref = 't'), 'd-admin'));
select * from tests.each_throws(array['b-member', 'd-admin', 'a-coord', 'stranger'],
  $$select public.move_training_registration((select id from tr where ref = 'd-admin'), 1, 'Vorrang')$$,
  'P0001', 'cannot move a registration in the waitlist');
select * from tests.each_throws(array['anon'],
  $$select public.move_training_registration((select id from tr where ref = 'd-admin'), 1, 'Vorrang')$$, '42501',
  'cannot call move_training_registration');

-- publish, cancel, close: organizers only
select * from tests.each_throws(array['b-member', 'd-admin', 'a-coord', 'a-owner', 'c-owner', 'stranger'],
  $$select public.cancel_training((select id from tr where ref = 't'), 'Referentin erkrankt')$$,
  'P0001', 'cannot cancel Träger B''s training');
select * from tests.each_throws(array['b-member', 'd-admin', 'a-coord'],
  $$select public.mark_training_held((select id from tr where ref = 't'))$$,
  'P0001', 'cannot close Träger B''s training');
insert into tr values ('draft', tests.training_draft('Entwurf'));
select * from tests.each_throws(array['b-member', 'd-admin', 'a-coord', 'stranger'],
  $$select public.publish_training((select id from tr where ref = 'draft'))$$,
  'P0001', 'cannot publish Träger B''s draft');
select * from tests.each_throws(array['anon'],
  $$select public.publish_training((select id from tr where ref = 'draft'))$$, '42501', 'cannot call publish_training');
select * from tests.each_throws(array['anon'],
  $$select public.cancel_training((select id from tr where ref = 't'), null)$$, '42501', 'cannot call cancel_training');
select is((select status from public.trainings where id = (select id from tr where ref = 't')), 'published',
  'the training is still published');

-- the worker's jobs and the seat helpers are the system's
select * from tests.each_throws(array['b-admin', 'a-coord', 'anon'],
  'select private.run_training_jobs()', '42501', 'cannot run the training jobs');
select * from tests.each_throws(array['b-admin', 'anon'],
  'select private.expire_training_offers()', '42501', 'cannot expire offers');
select * from tests.each_throws(array['b-admin'],
  $$select private.fill_free_seats((select id from tr where ref = 't'))$$, '42501', 'cannot hand out seats directly');
select * from tests.each_throws(array['b-admin'],
  $$select private.recount_training((select id from tr where ref = 't'))$$, '42501', 'cannot recount directly');
select * from tests.each_throws(array['b-admin'],
  $$select private.tell_registration((select id from tr where ref = 'a-member'), 'confirmed')$$, '42501',
  'cannot send training mails');
select is_empty($$
  select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = 'private' and p.proname in ('expire_training_offers', 'release_training_contingents',
    'check_training_go_no_go', 'queue_training_reminders', 'run_training_jobs')
    and not has_function_privilege('service_role', p.oid, 'execute')$$,
  'the worker (service_role) may run every training job');
select lives_ok($$
  select set_config('role', 'service_role', true);
  select private.run_training_jobs();
  select set_config('role', 'none', true)$$, 'service_role runs the jobs');

select * from finish();
rollback;
