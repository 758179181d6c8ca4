-- A hidden request and the Träger covering it: the Träger whose offer was accepted keeps reading
-- the request after a report hides it; a third Träger does not.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(4);
select tests.cover_world();

create temp table ids (ref text primary key, id uuid not null);
grant select, insert on ids to anon, authenticated;
insert into ids values ('req', tests.cover_draft('F-2026-021'));
select tests.cover_publish((select id from ids where ref = 'req'));
insert into ids values ('d', tests.cover_offer((select id from ids where ref = 'req'), 'd-coord', 'traeger-d', 8));
select tests.cover_accept((select id from ids where ref = 'req'), (select id from ids where ref = 'd'));

select tests.authenticate_as('e-member');
select public.report_sozialdaten('cover_request', (select id from ids where ref = 'req'), 'Name eines Kindes');
select tests.clear_authentication();

select * from tests.each_count(array['d-coord', 'd-member'],
  $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'req')$$, 1,
  'the Träger covering the hidden request still reads it');
select * from tests.each_count(array['e-coord', 'a-member'],
  $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'req')$$, 0,
  'a third Träger does not read the hidden request');

select * from finish();
rollback;
