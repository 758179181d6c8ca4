-- training_sessions and training_contingents by persona: whoever sees a training sees its
-- sessions and contingents; sessions are written only through set_training_sessions (by the
-- organizers, checked as a whole); organizers set contingents for Träger of the circle.
begin;
\ir helpers/setup.psql
\ir helpers/training.psql
select plan(76);
select tests.training_world();

create temp table tr (ref text primary key, id uuid not null);
grant select on tr to anon, authenticated;
insert into tr values ('draft', tests.training_draft('Entwurf'));
insert into tr values ('published', tests.training_draft('Traumapädagogik Grundkurs', 12));
select tests.training_publish((select id from tr where ref = 'published'));

-- training_sessions: select
select * from tests.each_count(array['b-admin', 'b-member'],
  $$select count(*) from public.training_sessions where training_id = (select id from tr where ref = 'draft')$$, 2,
  'sees the sessions of its Träger''s draft');
select * from tests.each_count(array['d-member', 'd-admin', 'a-coord', 'stranger'],
  $$select count(*) from public.training_sessions where training_id = (select id from tr where ref = 'draft')$$, 0,
  'does not see the sessions of another Träger''s draft');
select * from tests.each_count(array['d-member', 'd-admin', 'a-member', 'a-coord'],
  $$select count(*) from public.training_sessions where training_id = (select id from tr where ref = 'published')$$, 2,
  'sees the sessions of a published training of its circle');
select * from tests.each_count(array['c-owner', 'stranger'],
  'select count(*) from public.training_sessions', 0, 'sees no session of a circle it is not in');
select * from tests.each_throws(array['anon'], 'select * from public.training_sessions', '42501', 'cannot read sessions');

-- training_sessions: no direct writes, not even by the organizers
select * from tests.each_throws(array['b-admin', 'b-member', 'd-admin'],
  $$insert into public.training_sessions (training_id, position, starts_at, ends_at)
    values ((select id from tr where ref = 'draft'), 3, now() + interval '12 days', now() + interval '12 days 2 hours')$$,
  '42501', 'cannot insert a session directly');
select * from tests.each_throws(array['b-admin', 'd-admin'],
  $$update public.training_sessions set starts_at = now() - interval '1 day'$$, '42501', 'cannot update a session directly');
select * from tests.each_throws(array['b-admin', 'd-admin'],
  $$delete from public.training_sessions$$, '42501', 'cannot delete a session directly');
select * from tests.each_throws(array['anon'],
  $$insert into public.training_sessions (training_id, position, starts_at, ends_at)
    values ((select id from tr where ref = 'draft'), 3, now(), now() + interval '1 hour')$$, '42501',
  'cannot insert a session');

-- set_training_sessions: the organizers replace the list; others get "nicht gefunden"
select tests.authenticate_as('b-coord');
select lives_ok($$select public.set_training_sessions((select id from tr where ref = 'draft'), jsonb_build_array(
    jsonb_build_object('startsAt', now() + interval '20 days', 'endsAt', now() + interval '20 days 4 hours'),
    jsonb_build_object('startsAt', now() + interval '20 days 5 hours', 'endsAt', now() + interval '20 days 7 hours'),
    jsonb_build_object('startsAt', now() + interval '27 days', 'endsAt', now() + interval '27 days 4 hours')))$$,
  'b-coord sets three sessions');
select is((select count(*)::int from public.training_sessions where training_id = (select id from tr where ref = 'draft')), 3,
  'the draft now has three sessions');
select is((select starts_at from public.trainings where id = (select id from tr where ref = 'draft')), now() + interval '20 days',
  'the training starts with its first session');
select is((select ends_at from public.trainings where id = (select id from tr where ref = 'draft')), now() + interval '27 days 4 hours',
  'the training ends with its last session');
select * from tests.each_throws(array['b-member', 'd-admin', 'd-member', 'a-coord', 'c-owner', 'stranger'],
  $$select public.set_training_sessions((select id from tr where ref = 'draft'), jsonb_build_array(
      jsonb_build_object('startsAt', now() + interval '5 days', 'endsAt', now() + interval '5 days 1 hour')))$$,
  'P0001', 'cannot set the sessions of Träger B''s training');
select * from tests.each_throws(array['anon'],
  $$select public.set_training_sessions((select id from tr where ref = 'draft'), '[]'::jsonb)$$, '42501',
  'cannot call set_training_sessions');
select tests.authenticate_as('b-admin');
select throws_ok($$select public.set_training_sessions((select id from tr where ref = 'draft'), jsonb_build_array(
    jsonb_build_object('startsAt', now() + interval '20 days', 'endsAt', now() + interval '20 days 4 hours'),
    jsonb_build_object('startsAt', now() + interval '19 days', 'endsAt', now() + interval '19 days 4 hours')))$$,
  'P0001', 'TK_TRAINING_SESSIONS_OUT_OF_ORDER', 'sessions out of order are refused');
select throws_ok($$select public.set_training_sessions((select id from tr where ref = 'draft'), jsonb_build_array(
    jsonb_build_object('startsAt', now() + interval '20 days', 'endsAt', now() + interval '20 days 4 hours'),
    jsonb_build_object('startsAt', now() + interval '20 days 3 hours', 'endsAt', now() + interval '20 days 6 hours')))$$,
  'P0001', 'TK_TRAINING_SESSIONS_OUT_OF_ORDER', 'overlapping sessions are refused');
select throws_ok($$select public.set_training_sessions((select id from tr where ref = 'draft'), jsonb_build_array(
    jsonb_build_object('startsAt', now() + interval '20 days', 'endsAt', now() + interval '19 days')))$$,
  'P0001', 'TK_TRAINING_SESSION_ENDS_BEFORE_START', 'a session ending before it starts is refused');
select throws_ok($$select public.set_training_sessions((select id from tr where ref = 'draft'), '[]'::jsonb)$$,
  'P0001', 'TK_TRAINING_SESSIONS_MISSING', 'no sessions is refused');
select throws_ok($$select public.set_training_sessions((select id from tr where ref = 'draft'),
    '[{"startsAt": "morgen früh", "endsAt": "2030-01-01T10:00:00Z"}]'::jsonb)$$,
  'P0001', 'TK_TRAINING_SESSION_INVALID', 'an unreadable time is refused');
select tests.clear_authentication();
select is((select count(*)::int from public.training_sessions where training_id = (select id from tr where ref = 'draft')), 3,
  'the refused lists changed nothing');

-- trainings.session_count follows the sessions, whoever writes them
select is((select session_count from public.trainings where id = (select id from tr where ref = 'draft')), 3,
  'the draft counts its three sessions');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.set_training_sessions((select id from tr where ref = 'draft'), jsonb_build_array(
    jsonb_build_object('startsAt', now() + interval '20 days', 'endsAt', now() + interval '20 days 4 hours')))$$,
  'b-coord shortens the draft to one session');
select tests.clear_authentication();
select is((select session_count from public.trainings where id = (select id from tr where ref = 'draft')), 1,
  'the count follows a shorter list');
insert into public.training_sessions (training_id, position, starts_at, ends_at)
select t.id, p, now() + make_interval(days => 30 + p), now() + make_interval(days => 30 + p, hours => 2)
from tr t, generate_series(3, 5) p where t.ref = 'published';
select is((select session_count from public.trainings where id = (select id from tr where ref = 'published')), 5,
  'the count follows sessions the owner writes directly');
delete from public.training_sessions where training_id = (select id from tr where ref = 'published') and position > 2;
select is((select session_count from public.trainings where id = (select id from tr where ref = 'published')), 2,
  'and sessions the owner deletes');
select * from tests.each_throws(array['b-admin', 'b-coord'],
  $$update public.trainings set session_count = 9 where id = (select id from tr where ref = 'draft')$$, '42501',
  'cannot set the session count');

-- training_contingents: organizers set them for Träger of the circle; the circle reads them
select * from tests.each_throws(array['b-member', 'd-admin', 'a-coord', 'stranger'],
  $$insert into public.training_contingents (training_id, org_id, max_seats)
    values ((select id from tr where ref = 'published'), tests.org_id('traeger-d'), 5)$$, '42501',
  'cannot set a contingent on Träger B''s training');
select * from tests.each_affected(array['b-admin'],
  $$insert into public.training_contingents (training_id, org_id, max_seats)
    values ((select id from tr where ref = 'published'), tests.org_id('traeger-d'), 3),
           ((select id from tr where ref = 'draft'), tests.org_id('traeger-d'), 3)$$, 2,
  'sets contingents for Träger D');
select tests.authenticate_as('b-admin');
select throws_ok($$insert into public.training_contingents (training_id, org_id, max_seats)
    values ((select id from tr where ref = 'published'), tests.org_id('traeger-c'), 3)$$,
  'P0001', 'TK_TRAINING_ORG_NOT_IN_CIRCLE', 'no contingent for a Träger of another circle');
select throws_ok($$insert into public.training_contingents (training_id, org_id, max_seats)
    values ((select id from tr where ref = 'published'), tests.org_id('traeger-a'), 13)$$,
  'P0001', 'TK_TRAINING_CONTINGENT_INVALID', 'no contingent above the capacity');
select throws_ok($$update public.training_contingents set org_id = tests.org_id('traeger-a')$$,
  '42501', null, 'cannot move a contingent to another Träger');
select tests.clear_authentication();
select * from tests.each_count(array['b-member', 'd-member', 'd-admin', 'a-member', 'a-coord'],
  $$select count(*) from public.training_contingents where training_id = (select id from tr where ref = 'published')$$, 1,
  'sees the contingent of a published training');
select * from tests.each_count(array['d-member', 'a-coord'],
  $$select count(*) from public.training_contingents where training_id = (select id from tr where ref = 'draft')$$, 0,
  'does not see the contingent of another Träger''s draft');
select * from tests.each_count(array['c-owner', 'stranger'],
  'select count(*) from public.training_contingents', 0, 'sees no contingent');
select * from tests.each_throws(array['anon'], 'select * from public.training_contingents', '42501', 'cannot read contingents');
select * from tests.each_affected(array['b-member', 'd-admin', 'd-member', 'a-coord', 'stranger'],
  $$update public.training_contingents set max_seats = 10$$, 0, 'cannot change a contingent');
select * from tests.each_affected(array['b-coord'],
  $$update public.training_contingents set max_seats = 4 where training_id = (select id from tr where ref = 'published')$$, 1,
  'changes the contingent');
select * from tests.each_affected(array['b-member', 'd-admin', 'a-coord', 'stranger'],
  $$delete from public.training_contingents$$, 0, 'cannot remove a contingent');
select * from tests.each_affected(array['b-admin'],
  $$delete from public.training_contingents where training_id = (select id from tr where ref = 'draft')$$, 1,
  'removes the contingent of the draft');
select * from tests.each_throws(array['anon'], $$delete from public.training_contingents$$, '42501', 'cannot remove contingents');
select results_eq($$select max_seats from public.training_contingents$$, array[4],
  'one contingent is left, with the organizer''s change');

select * from finish();
rollback;
