-- Report and hide on trainings by persona: a reported training (and its sessions) is invisible to
-- every other Träger at once, also to the circle's coordinators; the organising Träger still sees
-- it; drafts cannot be reported by other Träger (they cannot see them).
begin;
\ir helpers/setup.psql
\ir helpers/training.psql
select plan(18);
select tests.training_world();

create temp table ids (ref text primary key, id uuid not null);
grant select, insert on ids to anon, authenticated;
insert into ids values ('t', tests.training_draft());
insert into ids values ('draft', tests.training_draft('Noch ein Entwurf'));
select tests.training_publish((select id from ids where ref = 't'));

select * from tests.each_count(array['d-member', 'a-member', 'a-coord'],
  $$select count(*) from public.trainings where id = (select id from ids where ref = 't')$$, 1,
  'reads the published training before any report');

select tests.authenticate_as('d-member');
select throws_ok($$select public.report_sozialdaten('training', (select id from ids where ref = 'draft'), null)$$,
  'P0001', 'TK_NOT_FOUND', 'd-member: cannot report a draft it cannot see');
insert into ids values ('hide', public.report_sozialdaten('training', (select id from ids where ref = 't'), null));
select tests.clear_authentication();

select * from tests.each_count(array['b-admin', 'b-owner', 'b-coord', 'b-member'],
  $$select count(*) from public.trainings where id = (select id from ids where ref = 't')$$, 1,
  'the organising Träger still reads its hidden training');
select * from tests.each_count(array['d-member', 'd-admin', 'd-coord', 'a-member', 'a-coord', 'c-owner', 'stranger'],
  $$select count(*) from public.trainings where id = (select id from ids where ref = 't')$$, 0,
  'another Träger no longer reads the hidden training');
select * from tests.each_count(array['d-member', 'a-coord'],
  $$select count(*) from public.training_sessions where training_id = (select id from ids where ref = 't')$$, 0,
  'nor its sessions');
select * from tests.each_count(array['b-admin'],
  $$select count(*) from public.notifications where kind = 'sozialdaten.hidden'$$, 1,
  'the organizer is notified');

select * from finish();
rollback;
