-- cover_handover_notes and cover_contacts by persona: the requesting Träger and the Träger whose
-- offer was accepted, nobody else; an offerer sees the handover notes and the requester's contact
-- person only after acceptance. Coordinators of the requesting Träger write the notes; contact
-- persons are named through set_cover_contact and read with names through cover_request_contacts.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(69);
select tests.cover_world();

create temp table ids (ref text primary key, id uuid not null);
grant select on ids to anon, authenticated;
insert into ids values ('req', tests.cover_draft('F-2026-030'));
insert into ids values ('other', tests.cover_draft('F-2026-031'));
select tests.cover_publish((select id from ids where ref = 'req'));
select tests.authenticate_as('b-coord');
insert into public.cover_handover_notes (request_id, notes)
  values ((select id from ids where ref = 'req'), 'Familie Beispiel, Musterstraße 1; Termine dienstags 15 Uhr.');
select tests.clear_authentication();
insert into ids values ('d', tests.cover_offer((select id from ids where ref = 'req'), 'd-coord', 'traeger-d', 10));
insert into ids values ('e', tests.cover_offer((select id from ids where ref = 'req'), 'e-coord', 'traeger-e', 5));

-- handover notes before acceptance (the requesting Träger's coordinators/admins and its
-- contact person only, no longer every member; see day1_cover_confidential.sql)
select * from tests.each_count(array['b-coord', 'b-owner', 'b-admin'],
  'select count(*) from public.cover_handover_notes', 1, 'the requesting Träger''s coordination reads its handover notes');
select * from tests.each_count(array['b-member', 'd-coord', 'd-member', 'e-coord', 'a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.cover_handover_notes', 0, 'cannot read the handover notes before acceptance');
select * from tests.each_throws(array['anon'], 'select * from public.cover_handover_notes', '42501', 'cannot read handover notes');

-- contact persons before acceptance: each Träger its own
select * from tests.each_count(array['b-coord', 'b-member'],
  $$select count(*) from public.cover_contacts where request_id = (select id from ids where ref = 'req')$$, 1,
  'sees only Träger B''s contact person before acceptance');
select * from tests.each_count(array['d-coord', 'd-member'],
  $$select count(*) from public.cover_contacts where org_id <> tests.org_id('traeger-d')$$, 0,
  'sees no contact person of another Träger before acceptance');
select * from tests.each_count(array['a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.cover_contacts', 0, 'sees no contact person');
select * from tests.each_throws(array['anon'], 'select * from public.cover_contacts', '42501', 'cannot read contact persons');
select * from tests.each_count(array['d-coord'],
  $$select count(*) from public.cover_request_contacts((select id from ids where ref = 'req')) where org_id <> tests.org_id('traeger-d')$$, 0,
  'cover_request_contacts names no other Träger''s person before acceptance');

-- acceptance releases both to Träger D, not to Träger E
select is(tests.cover_accept((select id from ids where ref = 'req'), (select id from ids where ref = 'd')), 'open',
  'b-coord accepts Träger D''s offer');
select * from tests.each_count(array['d-coord'],
  'select count(*) from public.cover_handover_notes', 1, 'reads the handover notes after acceptance');
select * from tests.each_count(array['d-member', 'e-coord', 'e-member', 'a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.cover_handover_notes', 0, 'still cannot read the handover notes');
select * from tests.each_count(array['b-coord', 'd-coord'],
  $$select count(*) from public.cover_contacts where request_id = (select id from ids where ref = 'req')$$, 2,
  'sees both contact persons of the accepted cover');
select * from tests.each_count(array['b-member', 'd-member'],
  $$select count(*) from public.cover_contacts where request_id = (select id from ids where ref = 'req')$$, 1,
  'a plain member sees only the own Träger''s contact person');
select * from tests.each_count(array['e-coord'],
  $$select count(*) from public.cover_contacts where org_id <> tests.org_id('traeger-e')$$, 0,
  'the Träger with an open offer still sees no other contact person');
select tests.authenticate_as('d-coord');
select results_eq($$select org_name, side, full_name from public.cover_request_contacts((select id from ids where ref = 'req'))$$,
  $$values ('Träger B', 'requester', 'Boris Koordination'), ('Träger D', 'offerer', 'Dora Koordination')$$,
  'd-coord reads both contact persons with names');
select is((select count(*)::int from public.profiles where user_id = tests.user_id('b-coord')), 0,
  'even though b-coord''s profile is not visible to Träger D otherwise');
select tests.authenticate_as('b-admin');
select results_eq($$select org_name, full_name, phone from public.cover_request_contacts((select id from ids where ref = 'req')) where side = 'offerer'$$,
  $$values ('Träger D', 'Dora Koordination', '02064 1234')$$,
  'an admin of the requesting Träger reads the offerer''s contact person and phone');
select tests.authenticate_as('b-member');
select is_empty($$select 1 from public.cover_request_contacts((select id from ids where ref = 'req')) where side = 'offerer'$$,
  'a plain member of the requesting Träger does not');
select * from tests.each_count(array['e-coord', 'a-coord', 'stranger'],
  $$select count(*) from public.cover_request_contacts((select id from ids where ref = 'req')) where org_id in (tests.org_id('traeger-b'), tests.org_id('traeger-d'))$$, 0,
  'cover_request_contacts names nobody of the cover');

-- writing handover notes: coordinators of the requesting Träger only
select * from tests.each_throws(array['b-member', 'd-coord', 'e-coord', 'stranger'],
  $$insert into public.cover_handover_notes (request_id, notes) values ((select id from ids where ref = 'other'), 'Gefälscht')$$,
  '42501', 'cannot write handover notes for Träger B''s request');
select * from tests.each_throws(array['anon'],
  $$insert into public.cover_handover_notes (request_id, notes) values ((select id from ids where ref = 'other'), 'Anonym')$$,
  '42501', 'cannot write handover notes');
select * from tests.each_throws(array['b-coord'],
  $$insert into public.cover_handover_notes (request_id, org_id, notes) values ((select id from ids where ref = 'other'), tests.org_id('traeger-d'), 'x')$$,
  '42501', 'cannot choose the Träger of a handover note');
select tests.authenticate_as('b-admin');
select lives_ok($$insert into public.cover_handover_notes (request_id, notes) values ((select id from ids where ref = 'other'), 'Schlüssel liegt im Büro.')$$,
  'b-admin writes handover notes for a draft');
select * from tests.each_affected(array['b-member', 'd-coord', 'd-member', 'e-coord'],
  $$update public.cover_handover_notes set notes = 'Überschrieben' where request_id = (select id from ids where ref = 'req')$$, 0,
  'cannot change the handover notes');
select * from tests.each_affected(array['b-coord'],
  $$update public.cover_handover_notes set notes = 'Termine dienstags und donnerstags 15 Uhr.' where request_id = (select id from ids where ref = 'req')$$, 1,
  'changes the handover notes');
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_handover_notes set org_id = tests.org_id('traeger-d')$$, '42501', 'cannot move handover notes to another Träger');
select * from tests.each_affected(array['b-member', 'd-coord', 'e-coord'],
  $$delete from public.cover_handover_notes where request_id = (select id from ids where ref = 'other')$$, 0,
  'cannot delete the handover notes');
select * from tests.each_affected(array['b-coord'],
  $$delete from public.cover_handover_notes where request_id = (select id from ids where ref = 'other')$$, 1,
  'deletes the handover notes of the draft');
select * from tests.each_throws(array['anon'], 'delete from public.cover_handover_notes', '42501', 'cannot delete handover notes');
select tests.clear_authentication();
select results_eq($$select notes, updated_by from public.cover_handover_notes$$,
  $$values ('Termine dienstags und donnerstags 15 Uhr.', tests.user_id('b-coord'))$$,
  'only b-coord''s change took effect, and records its author');

-- contact persons: no direct writes; set_cover_contact for one's own side
select * from tests.each_throws(array['b-coord', 'd-coord'],
  $$insert into public.cover_contacts (request_id, org_id, side, user_id) values ((select id from ids where ref = 'req'), tests.org_id('traeger-e'), 'offerer', tests.user_id('e-coord'))$$,
  '42501', 'cannot write contact persons directly');
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_contacts set user_id = tests.user_id('b-member')$$, '42501', 'cannot change contact persons directly');
select * from tests.each_throws(array['d-member'],
  $$select public.set_cover_contact((select id from ids where ref = 'req'), tests.org_id('traeger-d'), tests.user_id('d-member'))$$,
  'P0001', 'TK_COVER_COORDINATORS_ONLY');
select * from tests.each_throws(array['d-coord'],
  $$select public.set_cover_contact((select id from ids where ref = 'req'), tests.org_id('traeger-b'), tests.user_id('d-coord'))$$,
  'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['d-coord'],
  $$select public.set_cover_contact((select id from ids where ref = 'req'), tests.org_id('traeger-d'), tests.user_id('b-member'))$$,
  'P0001', 'TK_COVER_CONTACT_INVALID');
select * from tests.each_throws(array['a-coord'],
  $$select public.set_cover_contact((select id from ids where ref = 'req'), tests.org_id('traeger-a'), tests.user_id('a-coord'))$$,
  'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['anon'],
  $$select public.set_cover_contact((select id from ids where ref = 'req'), tests.org_id('traeger-b'), tests.user_id('b-member'))$$,
  '42501', 'cannot name a contact person');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.set_cover_contact((select id from ids where ref = 'req'), tests.org_id('traeger-b'), tests.user_id('b-member'))$$,
  'b-coord names b-member as Träger B''s contact person');
select tests.authenticate_as('d-coord');
select is((select full_name from public.cover_request_contacts((select id from ids where ref = 'req')) where side = 'requester'),
  'Bea Mitglied', 'd-coord now sees b-member as the contact person');

select * from finish();
rollback;
