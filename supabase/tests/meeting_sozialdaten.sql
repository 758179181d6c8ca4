-- The database's Sozialdaten guard on the Kooperationstreffen (migration 20261206150100): hard
-- identifiers in the texts others read are refused with TK_SOZIALDATEN whoever writes them
-- (host coordinator, member of another Träger); a meeting place with a house number and a name
-- in the minutes pass (the form warns about names).
begin;
\ir helpers/setup.psql
select plan(9);
select tests.seed_world();

create temp table ref (name text primary key, id uuid);
grant select, insert on ref to anon, authenticated;
create function tests.ref(n text) returns uuid language sql stable as $$ select id from ref where name = n $$;
grant execute on function tests.ref(text) to anon, authenticated;

select tests.authenticate_as('b-coord');
select throws_ok($$select public.save_meeting(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'),
  'Kooperationstreffen', 'Rückfragen unter 0281 1234567', 'Rathaus', 'schermbeck', null,
  now() + interval '10 days', now() + interval '10 days 2 hours', null, 3, true)$$,
  'P0001', 'TK_SOZIALDATEN', 'b-coord: a phone number in the description is refused');
select throws_ok($$select public.save_meeting(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'),
  'Treffen, Anmeldung an info@traeger-b.example', '', 'Rathaus', 'schermbeck', null,
  now() + interval '10 days', now() + interval '10 days 2 hours', null, 3, true)$$,
  'P0001', 'TK_SOZIALDATEN', 'b-coord: an e-mail address in the title is refused');
insert into ref values ('m', public.save_meeting(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'),
  'Kooperationstreffen', 'Austausch', 'Rathaus, Weseler Str. 2', 'schermbeck', null,
  now() + interval '10 days', now() + interval '10 days 2 hours', null, 3, true));
select is((select place from public.meetings where id = tests.ref('m')), 'Rathaus, Weseler Str. 2', 'the place may be an address');

select tests.authenticate_as('a-member');
select throws_ok($$select public.propose_topic(tests.ref('m'), 'Fallbesprechung', 'Kevin, geb. 03.04.2012', 20)$$,
  'P0001', 'TK_SOZIALDATEN', 'a-member: a date of birth in a topic is refused');
select throws_ok($$select public.set_rsvp(tests.ref('m'), 'absage', 'erreichbar unter 0171 9876543')$$,
  'P0001', 'TK_SOZIALDATEN', 'a-member: a phone number in an RSVP comment is refused');
select tests.clear_authentication();

update public.meetings set starts_at = now() - interval '2 days', ends_at = now() - interval '2 days' + interval '2 hours'
where id = tests.ref('m');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.save_minutes(tests.ref('m'), jsonb_build_object('attendance', E'Anwesend:\n0281 1234567', 'items', '[]'::jsonb), 0)$$,
  'P0001', 'TK_SOZIALDATEN', 'b-coord: a phone number in the minutes (after a line break) is refused');
select throws_ok($$select public.save_minutes(tests.ref('m'), jsonb_build_object('attendance', 'Träger B', 'items', jsonb_build_array(
  jsonb_build_object('agenda_item_id', gen_random_uuid(), 'title', 'Themen', 'notes', 'Deniz (8) aus der Wohngruppe',
    'decisions', '[]'::jsonb, 'actions', '[]'::jsonb))), 0)$$,
  'P0001', 'TK_SOZIALDATEN', 'b-coord: a name with an age in the notes is refused');
select is(public.save_minutes(tests.ref('m'), jsonb_build_object('attendance', 'Träger B, Frau Yilmaz', 'items', jsonb_build_array(
  jsonb_build_object('agenda_item_id', gen_random_uuid(), 'title', 'Themen', 'notes', 'Bericht von Frau Yilmaz',
    'decisions', jsonb_build_array('Gemeinsame Stellenbörse'), 'actions', jsonb_build_array(jsonb_build_object('title', 'Entwurf',
      'owner_org_id', tests.org_id('traeger-b'), 'owner_user_id', tests.user_id('b-coord'), 'due_date', '2027-01-20'))))), 0), 1,
  'b-coord: a name alone and the ids and dates of the structure pass');
select throws_ok($$select public.save_minutes(tests.ref('m'), '{"attendance": "Träger B", "items": []}'::jsonb, 1, 'Korrektur, Az. 51.2-1234/2025')$$,
  'P0001', 'TK_SOZIALDATEN', 'b-coord: an Aktenzeichen in the version note is refused');
select tests.clear_authentication();

select * from finish();
rollback;
