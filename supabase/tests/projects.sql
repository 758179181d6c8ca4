-- Gemeinsame Projekte by persona: projects, project_partners, project_updates, project_comments,
-- project_tasks, project_links, project_dates (and report-and-hide of project texts).
--
-- Personas (helpers/setup.psql plus two Träger made here, all in circle K):
--   b-coord  lead coordinator (Träger B leads)     b-member  lead member
--   a-coord  partner coordinator (Träger A)        a-member  partner member
--   d-member another Träger of the circle (D): sees the idea and the partners' names, no workspace
--   e-coord  a Träger whose "Wir machen mit" is pending (E): its own request, no workspace
--   c-owner  other circle     stranger  signed in, no Träger     anon
-- Nobody writes a project table directly (42501); every write is a function.
begin;
\ir helpers/setup.psql
select no_plan();
select tests.seed_world();

create temp table ref (name text primary key, id uuid);
grant select, insert on ref to anon, authenticated;
create function tests.ref(n text) returns uuid language sql stable as $$ select id from ref where name = n $$;
grant execute on function tests.ref(text) to anon, authenticated;

-- Two more Träger of circle K.
insert into public.organizations (slug, name, hilfearten, gemeinden) values
  ('traeger-d', 'Träger D', '{p16}', '{moers}'), ('traeger-e', 'Träger E', '{}', '{}');
insert into public.network_members (network_id, org_id, role) values
  (tests.network_id('kreis-k'), tests.org_id('traeger-d'), 'member'),
  (tests.network_id('kreis-k'), tests.org_id('traeger-e'), 'member');
insert into public.org_members (org_id, user_id, role) values
  (tests.org_id('traeger-d'), tests.create_user('d-member@test.example', 'Dora Mitglied'), 'member'),
  (tests.org_id('traeger-e'), tests.create_user('e-coord@test.example', 'Emil Koordination'), 'coordinator');

-- Setup: B writes a draft, then an idea; A joins, B accepts; E asks; workspace content.
select tests.authenticate_as('b-coord');
insert into ref values ('draft', public.save_project(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'),
  'Entwurf Elternkurs', 'Ein gemeinsamer Elternkurs für Familien im Kreis.', '', null, null, '{}', '{}', null, null, '', '', false));
insert into ref values ('p', public.save_project(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'),
  'Ferienprogramm Sommer', 'Zwei Wochen Ferienprogramm für Kinder der Familien, die wir begleiten.', 'Kinder 6–12',
  6, 12, '{p16,p31}', '{moers,wesel}', date '2027-07-01', date '2027-08-15', 'Jugendamt, Aktion Mensch', 'Räume, Fachkraftstunden', true));
select tests.authenticate_as('a-coord');
select lives_ok($$select public.request_project_join(tests.ref('p'), tests.org_id('traeger-a'), 'Wir bringen Räume in Wesel mit.')$$,
  'a-coord: Wir machen mit');
select throws_ok($$select public.request_project_join(tests.ref('p'), tests.org_id('traeger-a'), 'Nochmal')$$, 'P0001', 'TK_PROJECT_REQUEST_PENDING',
  'a-coord: joining twice is refused');
select throws_ok($$select public.decide_project_request(tests.ref('p'), tests.org_id('traeger-a'), true, '')$$, 'P0001', 'TK_PROJECT_NOT_LEAD',
  'a-coord: cannot accept its own request');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.decide_project_request(tests.ref('p'), tests.org_id('traeger-a'), true, 'Willkommen!')$$, 'b-coord accepts A');
select tests.authenticate_as('e-coord');
select lives_ok($$select public.request_project_join(tests.ref('p'), tests.org_id('traeger-e'), 'Gern dabei')$$, 'e-coord: Wir machen mit (stays pending)');
select throws_ok($$select public.decide_project_request(tests.ref('p'), tests.org_id('traeger-e'), true, '')$$, 'P0001', 'TK_PROJECT_NOT_LEAD',
  'e-coord: cannot accept for itself');
select tests.authenticate_as('a-member');
insert into ref values ('u', public.post_project_update(tests.ref('p'), 'Raum in Wesel ist reserviert.', 'https://example.org/plan'));
insert into ref values ('c', public.comment_project_update(tests.ref('u'), 'Danke!'));
insert into ref values ('t', public.save_project_task(null, tests.ref('p'), 'Flyer gestalten', tests.org_id('traeger-a'), tests.user_id('a-member'), date '2027-06-01'));
insert into ref values ('l', public.add_project_link(tests.ref('p'), 'Planungsdokument', 'https://example.org/doc'));
insert into ref values ('d', public.add_project_date(tests.ref('p'), 'Auftakt', timestamptz '2027-07-01 09:00+02', timestamptz '2027-07-01 12:00+02'));
select tests.clear_authentication();

-- projects ----------------------------------------------------------------------------------------
select * from tests.each_count(array['b-coord', 'b-member'], 'select count(*) from public.projects', 2, 'the lead Träger reads its draft and its idea');
select * from tests.each_count(array['a-coord', 'a-member', 'd-member', 'e-coord'], 'select count(*) from public.projects', 1,
  'the circle reads the idea, not the draft');
select * from tests.each_count(array['c-owner', 'stranger'], 'select count(*) from public.projects', 0, 'reads no project of another circle');
select * from tests.each_throws(array['anon'], 'select * from public.projects', '42501', 'cannot read projects');
select * from tests.each_throws(array['b-coord', 'a-member', 'd-member', 'c-owner'],
  $$insert into public.projects (network_id, created_by_org_id, title, goal) values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Direkt', 'Direkt geschrieben')$$,
  '42501', 'cannot insert a project directly');
select * from tests.each_throws(array['b-coord', 'a-member'], $$update public.projects set title = 'Anders'$$, '42501', 'cannot update a project directly');
select * from tests.each_throws(array['b-coord', 'a-member'], $$delete from public.projects$$, '42501', 'cannot delete a project directly');
select * from tests.each_throws(array['b-member', 'd-member', 'a-member'],
  $$select public.save_project(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Meins', 'Ein Ziel mit Text.', '', null, null, '{}', '{}', null, null, '', '', true)$$,
  'P0001', 'cannot write an idea for Träger B');
select * from tests.each_throws(array['a-coord', 'b-member', 'd-member', 'c-owner'],
  $$select public.save_project(tests.ref('p'), null, null, 'Umbenannt', 'Ein Ziel mit Text.', '', null, null, '{}', '{}', null, null, '', '', true)$$,
  'P0001', 'cannot edit the idea (only the lead)');

-- Bad input, as the lead: nothing is written.
select tests.authenticate_as('b-coord');
select throws_ok($$select public.save_project(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Falsch herum', 'Ein Ziel mit Text.', '', null, null,
  '{}', '{}', date '2027-08-01', date '2027-07-01', '', '', true)$$, 'P0001', 'TK_PROJECT_PERIOD_ORDER', 'b-coord: period end before start');
select throws_ok($$select public.save_project(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Ohne Ziel', '', '', null, null,
  '{}', '{}', null, null, '', '', true)$$, 'P0001', 'TK_PROJECT_GOAL_MISSING', 'b-coord: an idea without a goal');
select throws_ok($$select public.save_project(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Zu lang', repeat('x', 5000), '', null, null,
  '{}', '{}', null, null, '', '', true)$$, 'P0001', 'TK_PROJECT_TEXT_TOO_LONG', 'b-coord: an oversized goal');
select throws_ok($$select public.save_project(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Mit Telefon', 'Bitte Familie unter 0171 2345678 anrufen.', '', null, null,
  '{}', '{}', null, null, '', '', true)$$, 'P0001', 'TK_SOZIALDATEN', 'b-coord: a phone number in the goal (Sozialdaten)');
select is((select count(*)::int from public.projects), 2, 'b-coord: nothing was written by the refused saves');

-- project_partners --------------------------------------------------------------------------------
select * from tests.each_count(array['b-coord', 'b-member', 'a-coord', 'a-member'],
  $$select count(*) from public.project_partners where project_id = tests.ref('p')$$, 3, 'the partners read every row (lead, partner, request)');
select * from tests.each_count(array['d-member'],
  $$select count(*) from public.project_partners where project_id = tests.ref('p')$$, 2, 'another Träger reads the active partners only');
select * from tests.each_count(array['d-member'],
  $$select count(*) from public.project_partners pp join public.organizations o on o.id = pp.org_id
    where pp.project_id = tests.ref('p') and o.name in ('Träger A', 'Träger B')$$, 2, 'another Träger reads the partner Träger''s names');
select * from tests.each_count(array['e-coord'],
  $$select count(*) from public.project_partners where project_id = tests.ref('p') and status = 'requested'$$, 1, 'the pending Träger reads its own request');
select * from tests.each_count(array['e-coord'],
  $$select count(*) from public.project_partners where project_id = tests.ref('p')$$, 3, 'the pending Träger reads the active partners and its request');
select * from tests.each_count(array['c-owner', 'stranger'], 'select count(*) from public.project_partners', 0, 'reads no partner row');
select * from tests.each_throws(array['anon'], 'select * from public.project_partners', '42501', 'cannot read partners');
select * from tests.each_throws(array['b-coord', 'a-coord', 'd-member'],
  $$insert into public.project_partners (project_id, org_id, role, status) values (tests.ref('p'), tests.org_id('traeger-d'), 'partner', 'active')$$,
  '42501', 'cannot add a partner directly');
select * from tests.each_throws(array['b-coord', 'a-coord'], $$update public.project_partners set role = 'lead'$$, '42501', 'cannot change a role directly');

-- Workspace tables: partners only ---------------------------------------------------------------
select * from tests.each_count(array['b-coord', 'b-member', 'a-coord', 'a-member'], 'select count(*) from public.project_updates', 1, 'the partners read the update');
select * from tests.each_count(array['d-member', 'e-coord', 'c-owner', 'stranger'], 'select count(*) from public.project_updates', 0, 'reads no update');
select * from tests.each_count(array['b-coord', 'b-member', 'a-coord', 'a-member'], 'select count(*) from public.project_comments', 1, 'the partners read the comment');
select * from tests.each_count(array['d-member', 'e-coord', 'c-owner', 'stranger'], 'select count(*) from public.project_comments', 0, 'reads no comment');
select * from tests.each_count(array['b-coord', 'b-member', 'a-coord', 'a-member'], 'select count(*) from public.project_tasks', 1, 'the partners read the task');
select * from tests.each_count(array['d-member', 'e-coord', 'c-owner', 'stranger'], 'select count(*) from public.project_tasks', 0, 'reads no task');
select * from tests.each_count(array['b-coord', 'b-member', 'a-coord', 'a-member'], 'select count(*) from public.project_links', 1, 'the partners read the link');
select * from tests.each_count(array['d-member', 'e-coord', 'c-owner', 'stranger'], 'select count(*) from public.project_links', 0, 'reads no link');
select * from tests.each_count(array['b-coord', 'b-member', 'a-coord', 'a-member'], 'select count(*) from public.project_dates', 1, 'the partners read the key date');
select * from tests.each_count(array['d-member', 'e-coord', 'c-owner', 'stranger'], 'select count(*) from public.project_dates', 0, 'reads no key date');
select * from tests.each_throws(array['anon'], 'select * from public.project_updates', '42501', 'cannot read updates');
select * from tests.each_throws(array['anon'], 'select * from public.project_comments', '42501', 'cannot read comments');
select * from tests.each_throws(array['anon'], 'select * from public.project_tasks', '42501', 'cannot read tasks');
select * from tests.each_throws(array['anon'], 'select * from public.project_links', '42501', 'cannot read links');
select * from tests.each_throws(array['anon'], 'select * from public.project_dates', '42501', 'cannot read key dates');
select * from tests.each_throws(array['a-member', 'b-coord', 'd-member'],
  $$insert into public.project_updates (project_id, body) values (tests.ref('p'), 'Direkt')$$, '42501', 'cannot insert an update directly');
select * from tests.each_throws(array['a-member', 'b-coord'], $$update public.project_tasks set status = 'done'$$, '42501', 'cannot update a task directly');
select * from tests.each_throws(array['a-member', 'b-coord'], $$delete from public.project_links$$, '42501', 'cannot delete a link directly');
select * from tests.each_throws(array['d-member', 'e-coord', 'c-owner', 'stranger'],
  $$select public.post_project_update(tests.ref('p'), 'Ich schreibe mit', null)$$, 'P0001', 'cannot post to the workspace');
select * from tests.each_throws(array['d-member', 'e-coord'],
  $$select public.comment_project_update(tests.ref('u'), 'Hallo')$$, 'P0001', 'cannot comment in the workspace');
select * from tests.each_throws(array['d-member', 'e-coord'],
  $$select public.set_project_task_status(tests.ref('t'), 'done')$$, 'P0001', 'cannot change a task');
select * from tests.each_throws(array['d-member', 'e-coord'],
  $$select public.add_project_date(tests.ref('p'), 'Mein Termin', now(), null)$$, 'P0001', 'cannot add a key date');

-- The partners' people (public.project_people): names for the partners, nothing for anyone else.
select * from tests.each_count(array['a-member', 'b-member'],
  $$select count(*) from public.project_people(tests.ref('p')) where full_name in ('Bea Mitglied', 'Alma Mitglied')$$, 2,
  'the partners read each other''s people by name');
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.project_people(tests.ref('p')) where full_name = 'Bea Mitglied' and email is null$$, 1,
  'no e-mail address of a person who is not an Ansprechperson');
select * from tests.each_count(array['d-member', 'e-coord', 'c-owner', 'stranger'],
  $$select count(*) from public.project_people(tests.ref('p'))$$, 0, 'reads no people of the project');
select * from tests.each_throws(array['anon'], $$select * from public.project_people(tests.ref('p'))$$, '42501', 'cannot call project_people');

-- Tasks: the owner must be an active partner; the person one of its members.
select tests.authenticate_as('a-member');
select throws_ok($$select public.save_project_task(null, tests.ref('p'), 'Für D', tests.org_id('traeger-d'), null, null)$$, 'P0001',
  'TK_PROJECT_TASK_OWNER_NOT_PARTNER', 'a-member: a task owner from a non-partner Träger is refused');
select throws_ok($$select public.save_project_task(null, tests.ref('p'), 'Für E', tests.org_id('traeger-e'), null, null)$$, 'P0001',
  'TK_PROJECT_TASK_OWNER_NOT_PARTNER', 'a-member: a task owner with a pending request is refused');
select throws_ok($$select public.save_project_task(null, tests.ref('p'), 'Falsche Person', tests.org_id('traeger-a'), tests.user_id('b-member'), null)$$, 'P0001',
  'TK_PROJECT_TASK_PERSON_INVALID', 'a-member: a person of another Träger is refused');
select lives_ok($$select public.set_project_task_status(tests.ref('t'), 'in_progress')$$, 'a-member: moves its task to in Arbeit');
select tests.clear_authentication();
select is((select count(*)::int from public.project_tasks), 1, 'the refused tasks wrote nothing');

-- Lead, hand-over and leaving.
select tests.authenticate_as('a-coord');
select throws_ok($$select public.hand_over_project_lead(tests.ref('p'), tests.org_id('traeger-a'))$$, 'P0001', 'TK_PROJECT_NOT_LEAD', 'a-coord: cannot take the lead');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.leave_project(tests.ref('p'), tests.org_id('traeger-b'))$$, 'P0001', 'TK_PROJECT_LAST_LEAD', 'b-coord: the lead cannot leave');
select throws_ok($$select public.hand_over_project_lead(tests.ref('p'), tests.org_id('traeger-e'))$$, 'P0001', 'TK_PROJECT_HANDOVER_TARGET',
  'b-coord: cannot hand the lead to a pending Träger');
select lives_ok($$select public.hand_over_project_lead(tests.ref('p'), tests.org_id('traeger-a'))$$, 'b-coord hands the lead to A');
select is((select org_id from public.project_partners where project_id = tests.ref('p') and role = 'lead'), tests.org_id('traeger-a'), 'A leads now');
select lives_ok($$select public.leave_project(tests.ref('p'), tests.org_id('traeger-b'))$$, 'b-coord: B leaves as a partner');
select tests.clear_authentication();
select * from tests.each_count(array['b-coord', 'b-member'], 'select count(*) from public.project_updates', 0, 'after leaving, B reads no update');
select * from tests.each_count(array['b-member'], $$select count(*) from public.projects where id = tests.ref('p')$$, 1, 'after leaving, B still reads the idea');
select is((select owner_org_id from public.project_tasks where id = tests.ref('t')), tests.org_id('traeger-a'), 'A''s own task stays with A');

-- Status and Steckbrief: the circle reads the summary, never the workspace.
select tests.authenticate_as('a-coord');
select throws_ok($$select public.set_project_status(tests.ref('p'), 'completed', 'Kurz')$$, 'P0001', 'TK_PROJECT_STATUS_INVALID', 'a-coord: idea cannot jump to completed');
select lives_ok($$select public.set_project_status(tests.ref('p'), 'running')$$, 'a-coord: the project runs');
select throws_ok($$select public.set_project_status(tests.ref('p'), 'completed', 'Kurz')$$, 'P0001', 'TK_PROJECT_SUMMARY_MISSING', 'a-coord: completing needs a Steckbrief');
select lives_ok($$select public.set_project_status(tests.ref('p'), 'completed', 'Zwei Wochen Ferienprogramm mit 40 Kindern aus vier Gemeinden.')$$, 'a-coord completes with a Steckbrief');
select tests.clear_authentication();
select * from tests.each_count(array['d-member'], $$select count(*) from public.projects where status = 'completed' and summary like 'Zwei Wochen%'$$, 1, 'reads the Steckbrief');
select * from tests.each_count(array['d-member'], 'select count(*) from public.project_tasks', 0, 'still reads no task of the completed project');
select * from tests.each_count(array['e-coord'], $$select count(*) from public.project_partners where org_id = tests.org_id('traeger-e') and status = 'declined'$$, 1,
  'the pending request ended with the project');

-- Report and hide: D reports the idea; it is hidden from the circle, the partners keep it.
select tests.authenticate_as('d-member');
select lives_ok($$select public.report_sozialdaten('project', tests.ref('p'), 'Name eines Kindes')$$, 'd-member reports the idea');
select tests.clear_authentication();
select * from tests.each_count(array['d-member', 'e-coord', 'b-member'], $$select count(*) from public.projects where id = tests.ref('p')$$, 0, 'the hidden idea is gone');
select * from tests.each_count(array['a-member', 'a-coord'], $$select count(*) from public.projects where id = tests.ref('p')$$, 1, 'the partner keeps the hidden idea');
select * from tests.each_throws(array['c-owner', 'stranger'], $$select public.report_sozialdaten('project_update', tests.ref('u'), null)$$, 'P0001', 'cannot report an update it cannot read');

select * from finish();
rollback;
