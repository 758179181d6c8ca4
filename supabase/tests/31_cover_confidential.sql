-- Handover notes and the other side's contact person of an accepted cover go
-- to the accepting Träger's owners/admins/coordinators and its named Fachkraft (contact person of
-- the accepted offer), and on the requesting side to its owners/admins/coordinators and its
-- contact person — not to every member. By persona, before and after the Fachkraft is named.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(30);
select tests.cover_world();

create temp table ids (ref text primary key, id uuid not null);
grant select on ids to anon, authenticated;
insert into ids values ('req', tests.cover_draft('F-2026-040'));
select tests.cover_publish((select id from ids where ref = 'req'));
select tests.authenticate_as('b-coord');
insert into public.cover_handover_notes (request_id, notes)
  values ((select id from ids where ref = 'req'), 'Termine dienstags 15 Uhr, Schlüssel beim Jugendamt.');
select tests.clear_authentication();
insert into ids values ('d', tests.cover_offer((select id from ids where ref = 'req'), 'd-coord', 'traeger-d', 10));
select is(tests.cover_accept((select id from ids where ref = 'req'), (select id from ids where ref = 'd')), 'open',
  'b-coord accepts Träger D''s offer');

-- after acceptance, before anyone else is named: coordination of both sides only
select * from tests.each_count(array['b-owner', 'b-admin', 'b-coord', 'd-coord'],
  'select count(*) from public.cover_handover_notes', 1, 'reads the handover notes');
select * from tests.each_count(array['b-member', 'd-member', 'e-coord', 'a-coord', 'a-owner', 'c-owner', 'stranger'],
  'select count(*) from public.cover_handover_notes', 0, 'cannot read the handover notes');
select * from tests.each_count(array['b-member'],
  $$select count(*) from public.cover_request_contacts((select id from ids where ref = 'req')) where org_id <> tests.org_id('traeger-b')$$,
  0, 'a plain member does not see the other side''s contact person');
select * from tests.each_count(array['d-member'],
  $$select count(*) from public.cover_request_contacts((select id from ids where ref = 'req')) where org_id <> tests.org_id('traeger-d')$$,
  0, 'a plain member does not see the other side''s contact person');

-- Träger D names its member d-member as the Fachkraft (contact person of the accepted offer)
select tests.authenticate_as('d-coord');
select lives_ok($$select public.set_cover_contact((select id from ids where ref = 'req'), tests.org_id('traeger-d'), tests.user_id('d-member'))$$,
  'd-coord names d-member as the Fachkraft');
select * from tests.each_count(array['d-member'],
  'select count(*) from public.cover_handover_notes', 1, 'the named Fachkraft reads the handover notes');
select tests.authenticate_as('d-member');
select results_eq($$select org_name, full_name from public.cover_request_contacts((select id from ids where ref = 'req')) where side = 'requester'$$,
  $$values ('Träger B', 'Boris Koordination')$$, 'the named Fachkraft reads the requester''s contact person');
-- the requesting side names b-member as its contact person
select tests.authenticate_as('b-coord');
select lives_ok($$select public.set_cover_contact((select id from ids where ref = 'req'), tests.org_id('traeger-b'), tests.user_id('b-member'))$$,
  'b-coord names b-member as the contact person');
select * from tests.each_count(array['b-member', 'b-coord'],
  'select count(*) from public.cover_handover_notes', 1, 'reads the handover notes (contact person / coordinator)');
select tests.authenticate_as('b-member');
select results_eq($$select org_name, full_name from public.cover_request_contacts((select id from ids where ref = 'req')) where side = 'offerer'$$,
  $$values ('Träger D', 'Dieter Mitglied')$$, 'the requester''s contact person reads the Fachkraft');
-- b-coord is no longer the contact but still coordinates: keeps access; everyone else still none
select * from tests.each_count(array['e-coord', 'e-member', 'a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.cover_handover_notes', 0, 'still cannot read the handover notes');
select * from tests.each_count(array['e-coord', 'a-coord', 'stranger'],
  'select count(*) from public.cover_contacts', 0, 'sees no contact person of the cover');
select * from tests.each_throws(array['anon'], 'select * from public.cover_handover_notes', '42501', 'cannot read handover notes');
