-- Report and hide on the Kooperationstreffen (20261207140000), by persona:
--   b-coord   host coordinator of Träger B (the meeting's Träger)   b-member  member of B
--   a-member  member of Träger A (another Träger of the circle)     a-coord   coordinates the circle (a host)
--   c-owner   other circle     stranger  no Träger     anon
-- A reported meeting, agenda item or minutes disappear at once for everyone but the author's
-- Träger and the hosts, also from the public page; the author's coordinators revise them.
begin;
\ir helpers/setup.psql
select plan(43);
select tests.seed_world();

create temp table ref (name text primary key, id uuid);
grant select, insert on ref to anon, authenticated;
create function tests.ref(n text) returns uuid language sql stable as $$ select id from ref where name = n $$;
grant execute on function tests.ref(text) to anon, authenticated;

select tests.authenticate_as('b-coord');
insert into ref values ('m', public.save_meeting(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'),
  'Kooperationstreffen Winter', 'Austausch über Familie Nowak', 'Rathaus, Schermbeck', 'schermbeck', null,
  now() + interval '10 days', now() + interval '10 days 2 hours', null, null, true));
select tests.authenticate_as('a-member');
insert into ref values ('topic', public.propose_topic(tests.ref('m'), 'Fall Kowalski', 'Wie geht es weiter?', 20));
select tests.authenticate_as('b-coord');
select public.decide_topic(tests.ref('topic'), 'accept', null, 1, 20);
select tests.clear_authentication();

-- The meeting -----------------------------------------------------------------------------------
select tests.authenticate_anon();
select is((select count(*) from public.network_next_meeting('kreis-k'))::int, 1, 'anon: the public page announces the meeting');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.report_sozialdaten('meeting', tests.ref('m'), null)$$, 'P0001', 'TK_SOZIALDATEN_OWN_TEXT',
  'b-coord: cannot report the own Träger''s meeting');
select tests.authenticate_as('c-owner');
select throws_ok($$select public.report_sozialdaten('meeting', tests.ref('m'), null)$$, 'P0001', 'TK_NOT_FOUND',
  'c-owner: cannot report a meeting of another circle');
select tests.authenticate_as('a-member');
insert into ref values ('hide-m', public.report_sozialdaten('meeting', tests.ref('m'), 'Familienname in der Beschreibung'));
select tests.clear_authentication();

select * from tests.each_count(array['b-coord', 'b-member', 'a-coord'],
  $$select count(*) from public.meetings where id = tests.ref('m')$$, 1, 'the host Träger and the hosts still read the hidden meeting');
select * from tests.each_count(array['a-member', 'c-owner', 'stranger'],
  $$select count(*) from public.meetings where id = tests.ref('m')$$, 0, 'no longer reads the hidden meeting');
select tests.authenticate_anon();
select is((select count(*) from public.network_next_meeting('kreis-k'))::int, 0, 'anon: the public page no longer announces it');
select tests.clear_authentication();
select * from tests.each_count(array['b-coord'],
  $$select count(*) from public.notifications where kind = 'sozialdaten.hidden'$$, 1, 'the host coordinator is notified');
select * from tests.each_count(array['b-member'],
  $$select count(*) from public.notifications where kind = 'sozialdaten.hidden'$$, 0, 'a plain member is not notified');

select tests.authenticate_as('b-member');
select throws_ok($$select public.revise_hidden_text(tests.ref('hide-m'), '{"description": "Austausch"}')$$, 'P0001',
  'TK_SOZIALDATEN_REVISE_NOT_ALLOWED', 'b-member: cannot revise');
select tests.authenticate_as('a-member');
select throws_ok($$select public.revise_hidden_text(tests.ref('hide-m'), '{"description": "Austausch"}')$$, 'P0001',
  'TK_NOT_FOUND', 'a-member: cannot revise another Träger''s text');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.revise_hidden_text(tests.ref('hide-m'), '{"description": "Rückruf 0151 2345678"}')$$, 'P0001',
  'TK_SOZIALDATEN', 'b-coord: a revision with a phone number is refused');
select throws_ok($$select public.revise_hidden_text(tests.ref('hide-m'), '{"title": "ab"}')$$, 'P0001',
  'TK_SOZIALDATEN_TITLE_TOO_SHORT', 'b-coord: a revision cannot empty the title');
select lives_ok($$select public.revise_hidden_text(tests.ref('hide-m'), '{"description": "Austausch über die Zusammenarbeit"}')$$,
  'b-coord revises the description');
select tests.clear_authentication();
select is((select description from public.meetings where id = tests.ref('m')), 'Austausch über die Zusammenarbeit',
  'the revised description is stored');
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.meetings where id = tests.ref('m')$$, 1, 'reads the meeting again after the revision');
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.notifications where kind = 'sozialdaten.revised'$$, 1, 'the reporter is told');
select is((select count(*) from public.audit_log where action in ('sozialdaten.reported', 'sozialdaten.revised')
           and target_id = tests.ref('m')::text)::int, 2, 'report and revision are in the audit log');

-- An agenda item proposed by Träger A ------------------------------------------------------------
select tests.authenticate_as('a-member');
select throws_ok($$select public.report_sozialdaten('agenda_item', tests.ref('topic'), null)$$, 'P0001', 'TK_SOZIALDATEN_OWN_TEXT',
  'a-member: cannot report the own Träger''s topic');
select tests.authenticate_as('b-member');
insert into ref values ('hide-t', public.report_sozialdaten('agenda_item', tests.ref('topic'), null));
select tests.clear_authentication();
select * from tests.each_count(array['a-member', 'a-coord', 'b-coord'],
  $$select count(*) from public.agenda_items where id = tests.ref('topic')$$, 1, 'the proposing Träger and the hosts read the hidden topic');
select * from tests.each_count(array['b-member', 'c-owner'],
  $$select count(*) from public.agenda_items where id = tests.ref('topic')$$, 0, 'no longer reads the hidden topic');
select tests.authenticate_as('a-member');
select throws_ok($$select public.revise_hidden_text(tests.ref('hide-t'), '{"title": "Anschlusshilfen"}')$$, 'P0001',
  'TK_SOZIALDATEN_REVISE_NOT_ALLOWED', 'a-member: a member cannot revise');
select tests.authenticate_as('a-coord');
select lives_ok($$select public.revise_hidden_text(tests.ref('hide-t'), '{"title": "Anschlusshilfen", "description": "Wie gestalten wir Übergänge?"}')$$,
  'a-coord (the proposing Träger''s coordinator) revises the topic');
select tests.clear_authentication();
select * from tests.each_count(array['b-member'],
  $$select count(*) from public.agenda_items where id = tests.ref('topic') and title = 'Anschlusshilfen'$$, 1, 'reads the revised topic');

-- The minutes -----------------------------------------------------------------------------------
update public.meetings set starts_at = now() - interval '2 days', ends_at = now() - interval '2 days' + interval '2 hours'
where id = tests.ref('m');
select tests.authenticate_as('b-coord');
select public.save_minutes(tests.ref('m'), jsonb_build_object('attendance', 'Träger A, Träger B', 'items', jsonb_build_array(
  jsonb_build_object('agenda_item_id', tests.ref('topic'), 'title', 'Anschlusshilfen', 'notes', 'Herr Nowak berichtet.',
    'decisions', jsonb_build_array('Herr Nowak bekommt Hilfe.'), 'actions', '[]'::jsonb))), 0);
select tests.authenticate_as('a-member');
select throws_ok($$select public.report_sozialdaten('minutes', tests.ref('m'), null)$$, 'P0001', 'TK_NOT_FOUND',
  'a-member: cannot report a draft nobody else reads');
select tests.authenticate_as('b-coord');
select public.circulate_minutes(tests.ref('m'), 7);
select public.approve_minutes(tests.ref('m'));
select tests.clear_authentication();
select * from tests.each_count(array['a-member'],
  $$select (select count(*) from public.minutes_versions where meeting_id = tests.ref('m')) + (select count(*) from public.decisions)$$, 2,
  'reads the approved minutes and their decision');
select tests.authenticate_as('a-member');
insert into ref values ('hide-p', public.report_sozialdaten('minutes', tests.ref('m'), null));
select tests.clear_authentication();
select * from tests.each_count(array['a-member', 'c-owner'],
  $$select (select count(*) from public.minutes_versions where meeting_id = tests.ref('m')) + (select count(*) from public.decisions)
      + (select count(*) from public.action_items)$$, 0,
  'reads neither the hidden minutes nor their decisions');
select * from tests.each_count(array['b-member', 'b-coord', 'a-coord'],
  $$select (select count(*) from public.minutes_versions where meeting_id = tests.ref('m')) + (select count(*) from public.decisions)$$, 2,
  'the host Träger and the writers still read them');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.revise_hidden_text(tests.ref('hide-p'), '{}')$$, 'P0001', 'TK_SOZIALDATEN_REVISE_IN_EDITOR',
  'b-coord: minutes are revised in their editor');
select tests.clear_authentication();

-- Locked minutes can still be corrected while hidden; a later report came before the correction.
update public.minutes set status = 'locked' where meeting_id = tests.ref('m');
update public.sozialdaten_hides set created_at = now() - interval '1 hour' where id = tests.ref('hide-p');
update public.minutes_versions set created_at = now() - interval '2 hours' where meeting_id = tests.ref('m');
select tests.authenticate_as('b-coord');
select is(public.save_minutes(tests.ref('m'), jsonb_build_object('attendance', 'Träger A, Träger B', 'items', jsonb_build_array(
  jsonb_build_object('agenda_item_id', tests.ref('topic'), 'title', 'Anschlusshilfen', 'notes', 'Bericht aus der Praxis.',
    'decisions', jsonb_build_array('Übergänge werden gemeinsam geplant.'), 'actions', '[]'::jsonb))), 1), 2,
  'b-coord corrects locked, hidden minutes');
select public.circulate_minutes(tests.ref('m'), 7);
select tests.clear_authentication();
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.minutes_versions where meeting_id = tests.ref('m')$$, 0,
  'still hidden while the approved version is the reported one');
select tests.authenticate_as('b-coord');
select public.approve_minutes(tests.ref('m'));
select tests.clear_authentication();
select is((select released_at is not null from public.sozialdaten_hides where id = tests.ref('hide-p')), true,
  'approving the correction releases the hide');
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.decisions where body = 'Übergänge werden gemeinsam geplant.'$$, 1,
  'reads the corrected decision');
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.decisions where body like '%Nowak%'$$, 0, 'the reported decision is gone');

select * from finish();
rollback;
