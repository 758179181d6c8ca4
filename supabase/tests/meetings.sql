-- Kooperationstreffen by persona: meetings, meeting_rsvps, meeting_guests, date_polls,
-- poll_options, poll_votes, agenda_items, minutes, minutes_versions, minutes_comments, decisions,
-- action_items.
--
-- Personas (helpers/setup.psql): Träger B hosts the meeting in circle K.
--   b-coord   host coordinator            b-member  member of the host Träger (not a host)
--   a-member  member of another Träger of the circle (A; a-owner/a-coord coordinate the circle,
--             so they are hosts too)
--   guest     by token (anon + the token functions)
--   c-owner   other circle                stranger  signed in, no Träger         anon
-- Nobody writes a meeting table directly: every write is a function (42501 for INSERT/UPDATE/
-- DELETE from every persona).
begin;
\ir helpers/setup.psql
select plan(194);
select tests.seed_world();

create temp table ref (name text primary key, id uuid);
grant select, insert on ref to anon, authenticated;
create function tests.ref(n text) returns uuid language sql stable as $$ select id from ref where name = n $$;
grant execute on function tests.ref(text) to anon, authenticated;
create function tests.outbox_token(email text) returns text language sql security definer set search_path = '' as $$
  select o.payload -> 'props' ->> 'guestToken' from private.outbox o
  where o.payload ->> 'to' = email and o.payload -> 'props' ? 'guestToken' order by o.id desc limit 1 $$;
grant execute on function tests.outbox_token(text) to anon, authenticated;

-- Setup as the host coordinator.
select tests.authenticate_as('b-coord');
insert into ref values ('m', public.save_meeting(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'),
  'Kooperationstreffen Herbst', 'Austausch', 'Rathaus, Schermbeck', 'schermbeck', null,
  now() + interval '10 days', now() + interval '10 days 2 hours', null, 3, true));
select tests.clear_authentication();

-- meetings ----------------------------------------------------------------------------------------
select * from tests.each_count(array['b-coord', 'b-member', 'a-member', 'a-coord'],
  'select count(*) from public.meetings', 1, 'the circle reads its meeting');
select * from tests.each_count(array['c-owner', 'stranger'],
  'select count(*) from public.meetings', 0, 'reads no meeting of another circle');
select * from tests.each_throws(array['anon'], 'select * from public.meetings', '42501', 'cannot read meetings');
select * from tests.each_throws(array['b-coord', 'b-member', 'a-member', 'c-owner'],
  $$insert into public.meetings (network_id, host_org_id, title, place, starts_at, ends_at)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Direkt', 'x', now() + interval '1 day', now() + interval '2 days')$$,
  '42501', 'cannot insert a meeting directly');
select * from tests.each_throws(array['b-coord', 'a-member'],
  $$update public.meetings set title = 'Anders'$$, '42501', 'cannot update a meeting directly');
select * from tests.each_throws(array['b-coord', 'a-member'],
  $$delete from public.meetings$$, '42501', 'cannot delete a meeting directly');
select * from tests.each_throws(array['b-member', 'a-member'],
  $$select public.save_meeting(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Mein Treffen', '', 'x', null, null,
    now() + interval '3 days', now() + interval '3 days 1 hour', null, null, true)$$,
  'P0001', 'a member without a host role cannot create a meeting for Träger B');
select * from tests.each_throws(array['a-member', 'b-member', 'c-owner'],
  $$select public.save_meeting(tests.ref('m'), tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Umbenannt', '', 'x', null, null,
    now() + interval '3 days', now() + interval '3 days 1 hour', null, null, true)$$,
  'P0001', 'cannot edit the meeting');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.save_meeting(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Falsch herum', '', 'x', null, null,
    now() + interval '3 days', now() + interval '2 days', null, null, true)$$, 'P0001', 'TK_MEETING_ENDS_BEFORE_START',
  'b-coord: end before start is refused');
select throws_ok($$select public.save_meeting(null, tests.network_id('kreis-k'), tests.org_id('traeger-b'), E'Titel\r\nX-EVIL:1', '', 'x', null, null,
    now() + interval '3 days', now() + interval '3 days 1 hour', null, null, true)$$, 'P0001', 'TK_MEETING_TEXT_INVALID',
  'b-coord: a title with CR/LF is refused');
select is((select count(*)::int from public.meetings), 1, 'b-coord: nothing was written by the refused saves');
-- A circle coordinator (Träger A) may plan for Träger B too.
select tests.authenticate_as('a-coord');
select lives_ok($$select public.save_meeting(tests.ref('m'), tests.network_id('kreis-k'), tests.org_id('traeger-b'),
  'Kooperationstreffen Herbst', 'Austausch', 'Rathaus, Schermbeck', 'schermbeck', null,
  (select starts_at from public.meetings where id = tests.ref('m')), (select ends_at from public.meetings where id = tests.ref('m')),
  null, 3, true)$$, 'a-coord (circle coordinator) edits the meeting');
select is((select ics_sequence from public.meetings), 0, 'an edit without a change of time or place keeps the SEQUENCE');
select tests.clear_authentication();

-- RSVPs -------------------------------------------------------------------------------------------
select tests.authenticate_as('b-member');
select lives_ok($$select public.set_rsvp(tests.ref('m'), 'zusage', 'Ich komme', true)$$, 'b-member: zusage');
select tests.authenticate_as('a-member');
select lives_ok($$select public.set_rsvp(tests.ref('m'), 'zusage')$$, 'a-member: zusage');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.set_rsvp(tests.ref('m'), 'absage', 'Urlaub')$$, 'b-coord: absage');
select tests.authenticate_as('a-owner');
select lives_ok($$select public.set_rsvp(tests.ref('m'), 'vielleicht')$$, 'a-owner: vielleicht');
select throws_ok($$select public.set_rsvp(tests.ref('m'), 'ja')$$, 'P0001', 'TK_RSVP_INVALID', 'a-owner: an unknown answer is refused');
select tests.authenticate_as('c-owner');
select throws_ok($$select public.set_rsvp(tests.ref('m'), 'zusage')$$, 'P0001', 'TK_NOT_FOUND', 'c-owner: cannot answer for another circle''s meeting');
select tests.authenticate_as('stranger');
select throws_ok($$select public.set_rsvp(tests.ref('m'), 'zusage')$$, 'P0001', 'TK_NOT_FOUND', 'stranger: cannot answer');
select tests.clear_authentication();

select * from tests.each_count(array['b-coord', 'a-coord'],
  'select count(*) from public.meeting_rsvps', 4, 'as host, reads every RSVP with names');
select * from tests.each_count(array['b-member'],
  'select count(*) from public.meeting_rsvps', 2, 'reads the RSVPs of its own Träger B only');
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.meeting_rsvps where org_id = tests.org_id('traeger-b')$$, 0,
  'as another Träger, reads no names of Träger B');
select * from tests.each_count(array['a-member'],
  'select count(*) from public.meeting_rsvps', 2, 'reads the RSVPs of its own Träger A');
select * from tests.each_count(array['c-owner', 'stranger'],
  'select count(*) from public.meeting_rsvps', 0, 'reads no RSVP');
select * from tests.each_throws(array['anon'], 'select * from public.meeting_rsvps', '42501', 'cannot read RSVPs');
select * from tests.each_count(array['a-member', 'b-member'],
  'select count(*) from public.meetings where rsvp_yes = 2 and rsvp_maybe = 1 and rsvp_no = 1 and rsvp_orgs = 2', 1,
  'reads the counts on the meeting');
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.meeting_traeger_summary(tests.ref('m'))
    where (org_name, zusagen, vielleicht, absagen) in (('Träger A', 1, 1, 0), ('Träger B', 1, 0, 1))$$, 2,
  'reads which Träger come, with how many');
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.meeting_traeger_summary(tests.ref('m')) where delegate_name = 'Bea Mitglied'$$, 1,
  'reads the name of Träger B''s delegate (who put it up)');
select * from tests.each_count(array['c-owner', 'stranger'],
  $$select count(*) from public.meeting_traeger_summary(tests.ref('m'))$$, 0, 'reads no summary');
select * from tests.each_count(array['b-coord', 'a-coord'],
  $$select count(*) from public.meeting_rsvp_names(tests.ref('m'))$$, 4, 'as host, reads every name with its answer');
select * from tests.each_count(array['a-member'],
  $$select count(*) from public.meeting_rsvp_names(tests.ref('m')) where org_name = 'Träger B'$$, 0,
  'reads no name of another Träger through the names function');
select * from tests.each_count(array['b-member'],
  $$select count(*) from public.meeting_rsvp_names(tests.ref('m'))$$, 2, 'reads the names of its own Träger');
select * from tests.each_count(array['c-owner', 'stranger'],
  $$select count(*) from public.meeting_rsvp_names(tests.ref('m'))$$, 0, 'reads no names');
select * from tests.each_count(array['b-coord'],
  $$select count(*) from public.meeting_people(tests.ref('m'))$$, 7, 'as host, lists the circle''s people (Protokollant, owners)');
select * from tests.each_count(array['b-member', 'a-member', 'c-owner', 'stranger'],
  $$select count(*) from public.meeting_people(tests.ref('m'))$$, 0, 'gets no member list');
select * from tests.each_throws(array['b-coord', 'b-member'],
  $$insert into public.meeting_rsvps (meeting_id, user_id, org_id, answer) values (tests.ref('m'), (select auth.uid()), tests.org_id('traeger-b'), 'zusage')$$,
  '42501', 'cannot insert an RSVP directly');
select * from tests.each_throws(array['b-member'],
  $$update public.meeting_rsvps set answer = 'absage'$$, '42501', 'cannot update an RSVP directly');
select * from tests.each_throws(array['b-member'],
  $$delete from public.meeting_rsvps$$, '42501', 'cannot delete an RSVP directly');

-- Capacity 3: the third zusage (a guest below) fills it; a fourth is refused.
-- Guests ------------------------------------------------------------------------------------------
select tests.authenticate_anon();
select lives_ok($$select public.register_meeting_guest(tests.ref('m'), 'Gerda Gast', 'Jugendhilfe Hünxe', 'gerda@gast.example')$$,
  'anon: registers as a guest through the public page (zusage)');
select throws_ok($$select public.register_meeting_guest(tests.ref('m'), 'Gerda Gast', 'Jugendhilfe Hünxe', 'GERDA@gast.example')$$,
  'P0001', 'TK_GUEST_EXISTS', 'anon: the same address twice is refused');
select throws_ok($$select public.register_meeting_guest(tests.ref('m'), 'Otto Other', '', 'otto@gast.example')$$,
  'P0001', 'TK_MEETING_FULL', 'anon: a zusage beyond the capacity is refused');
select tests.clear_authentication();
insert into ref values ('guest-token', null);
select is((select count(*)::int from public.meeting_guests), 1, 'only the one guest was written');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.invite_meeting_guest(tests.ref('m'), 'Jan Jugendamt', 'Jugendamt Wesel', 'jan@jugendamt.example')$$,
  'b-coord invites a guest by email');
select tests.authenticate_as('a-member');
select throws_ok($$select public.invite_meeting_guest(tests.ref('m'), 'Ina Invite', '', 'ina@x.example')$$,
  'P0001', 'TK_NOT_FOUND', 'a-member: cannot invite guests');
select tests.clear_authentication();

select * from tests.each_count(array['b-coord', 'a-coord'],
  'select count(*) from public.meeting_guests', 2, 'as host, reads the guests');
select * from tests.each_count(array['b-member', 'a-member', 'c-owner', 'stranger'],
  'select count(*) from public.meeting_guests', 0, 'reads no guest');
select * from tests.each_throws(array['anon'], 'select * from public.meeting_guests', '42501', 'cannot read guests');
select * from tests.each_throws(array['b-coord'],
  $$update public.meeting_guests set answer = 'absage'$$, '42501', 'cannot update a guest directly');

-- The guest by token: only their meeting, no names, never the member directory.
select tests.authenticate_anon();
select is((public.guest_meeting(tests.outbox_token('jan@jugendamt.example')) -> 'meeting' ->> 'title'),
  'Kooperationstreffen Herbst', 'guest: reads their meeting through the token');
select ok(public.guest_meeting(tests.outbox_token('jan@jugendamt.example'))::text !~ '(Bea Mitglied|Alma|b-member|@test\.example|gerda@)',
  'guest: the meeting view carries no member or guest names or addresses');
select throws_ok($$select public.guest_meeting('not-a-token')$$, 'P0001', 'TK_GUEST_TOKEN_INVALID', 'guest: an unknown token is refused');
select lives_ok($$select public.guest_rsvp(tests.outbox_token('jan@jugendamt.example'), tests.ref('m'), 'vielleicht', 'Vielleicht später')$$,
  'guest: answers through the token');
select throws_ok($$select public.guest_rsvp(tests.outbox_token('jan@jugendamt.example'), gen_random_uuid(), 'absage')$$,
  'P0001', 'TK_GUEST_TOKEN_INVALID', 'guest: the token of another meeting is refused');
select throws_ok($$select * from public.profiles$$, '42501', null, 'guest (anon): cannot read the member directory (profiles)');
select throws_ok($$select * from public.org_members$$, '42501', null, 'guest (anon): cannot read org_members');
select tests.clear_authentication();
update public.meeting_guests set token_expires_at = now() - interval '1 minute' where email = 'jan@jugendamt.example';
select tests.authenticate_anon();
select throws_ok($$select public.guest_rsvp(tests.outbox_token('jan@jugendamt.example'), tests.ref('m'), 'absage')$$,
  'P0001', 'TK_GUEST_TOKEN_INVALID', 'guest: an expired token is refused');
select tests.clear_authentication();
select is((select answer from public.meeting_guests where email = 'jan@jugendamt.example'), 'vielleicht',
  'the expired token changed nothing');

-- Date polls ----------------------------------------------------------------------------------------
-- Options around the change to summer time (28 March 2027): 10:00 Berlin stays 10:00.
select tests.authenticate_as('b-coord');
select throws_ok($$select public.create_date_poll(tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Frühjahrstreffen', '', 'Wesel', null, null,
  120, null, '[]'::jsonb)$$, 'P0001', 'TK_POLL_OPTIONS_COUNT', 'b-coord: a poll without options is refused');
insert into ref values ('p', public.create_date_poll(tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Frühjahrstreffen', '',
  'Wesel', null, null, 120, now() + interval '20 days',
  '[{"day": "2027-03-31", "start_time": "10:00"}, {"day": "2027-03-24", "start_time": "10:00"}, {"day": "2027-04-07", "start_time": null}]'::jsonb));
select tests.authenticate_as('a-member');
select throws_ok($$select public.create_date_poll(tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Fremd', '', 'x', null, null, 60, null,
  '[{"day": "2027-03-31"}, {"day": "2027-04-01"}]'::jsonb)$$, 'P0001', 'TK_MEETING_NOT_HOST', 'a-member: cannot open a poll for Träger B');
select lives_ok($$select public.vote_date_poll(tests.ref('p'), jsonb_build_object(
  (select id::text from public.poll_options where position = 1), 'ja', (select id::text from public.poll_options where position = 2), 'wenn_noetig'))$$,
  'a-member votes');
select tests.authenticate_as('b-member');
select lives_ok($$select public.vote_date_poll(tests.ref('p'), jsonb_build_object((select id::text from public.poll_options where position = 2), 'ja'))$$,
  'b-member votes');
select tests.authenticate_as('c-owner');
select throws_ok($$select public.vote_date_poll(tests.ref('p'), '{}'::jsonb)$$, 'P0001', 'TK_NOT_FOUND', 'c-owner: cannot vote');
select tests.clear_authentication();
select * from tests.each_count(array['b-coord', 'b-member', 'a-member'],
  'select count(*) from public.date_polls', 1, 'the circle reads the poll');
select * from tests.each_count(array['b-member', 'a-member'],
  'select count(*) from public.poll_options', 3, 'the circle reads the options');
select * from tests.each_count(array['b-member', 'a-member', 'b-coord'],
  'select count(*) from public.poll_votes', 3, 'the circle sees who voted what');
select * from tests.each_count(array['c-owner', 'stranger'],
  'select (select count(*) from public.date_polls) + (select count(*) from public.poll_options) + (select count(*) from public.poll_votes)', 0,
  'reads no poll, option or vote');
select * from tests.each_throws(array['anon'], 'select * from public.poll_votes', '42501', 'cannot read votes');
select * from tests.each_count(array['a-member', 'b-member'],
  $$select count(*) from public.poll_vote_names(tests.ref('p')) where full_name in ('Alma Mitglied', 'Bea Mitglied')$$, 3,
  'sees who voted what, by name');
select * from tests.each_count(array['c-owner', 'stranger'],
  $$select count(*) from public.poll_vote_names(tests.ref('p'))$$, 0, 'sees no votes');
select * from tests.each_throws(array['anon'], $$select * from public.poll_vote_names(tests.ref('p'))$$, '42501', 'cannot call the votes function');
select * from tests.each_throws(array['b-member'],
  $$insert into public.poll_votes (option_id, poll_id, user_id, org_id, answer)
    select id, poll_id, (select auth.uid()), tests.org_id('traeger-b'), 'nein' from public.poll_options limit 1$$,
  '42501', 'cannot insert a vote directly');
select * from tests.each_throws(array['b-coord'], $$update public.date_polls set status = 'closed'$$, '42501', 'cannot close a poll directly');
select * from tests.each_throws(array['b-coord'], $$delete from public.poll_options$$, '42501', 'cannot delete options directly');

-- Voting after the deadline is refused (and writes nothing).
update public.date_polls set deadline = now() - interval '1 minute' where id = tests.ref('p');
select tests.authenticate_as('a-member');
select throws_ok($$select public.vote_date_poll(tests.ref('p'), jsonb_build_object((select id::text from public.poll_options where position = 3), 'ja'))$$,
  'P0001', 'TK_POLL_CLOSED', 'a-member: cannot vote after the deadline');
select tests.clear_authentication();
select is((select count(*)::int from public.poll_votes where option_id = (select id from public.poll_options where position = 3)), 0,
  'the late vote wrote nothing');
update public.date_polls set deadline = now() + interval '20 days' where id = tests.ref('p');
select tests.authenticate_as('b-member');
select throws_ok($$select public.close_date_poll(tests.ref('p'), (select id from public.poll_options where position = 2))$$,
  'P0001', 'TK_NOT_FOUND', 'b-member: cannot close the poll');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.close_date_poll(tests.ref('p'), (select id from public.poll_options where position = 3))$$,
  'P0001', 'TK_POLL_TIME_REQUIRED', 'b-coord: a date-only option needs a start time');
insert into ref values ('pm', public.close_date_poll(tests.ref('p'), (select id from public.poll_options where position = 2)));
select is((select starts_at from public.meetings where id = tests.ref('pm')), '2027-03-31 08:00:00+00'::timestamptz,
  'b-coord: closing creates the meeting at 10:00 Berlin summer time (08:00 UTC)');
select is((select (day, start_time)::text from public.poll_options where position = 1), '(2027-03-24,10:00:00)',
  'the winter option is stored as Berlin wall-clock time');
select is(((('2027-03-24'::date + '10:00'::time) at time zone 'Europe/Berlin') at time zone 'UTC')::text, '2027-03-24 09:00:00',
  'the same 10:00 in winter would be 09:00 UTC');
select is((select status from public.date_polls where id = tests.ref('p')), 'closed', 'the poll is closed');
select tests.authenticate_as('a-member');
select throws_ok($$select public.vote_date_poll(tests.ref('p'), jsonb_build_object((select id::text from public.poll_options where position = 1), 'nein'))$$,
  'P0001', 'TK_POLL_CLOSED', 'a-member: cannot vote after the poll is closed');
select tests.clear_authentication();

-- Agenda and proposals -----------------------------------------------------------------------------
select tests.authenticate_as('a-member');
insert into ref values ('topic', public.propose_topic(tests.ref('m'), 'Fachkräftemangel', 'Gemeinsame Ausbildung?', 20));
select tests.authenticate_as('stranger');
select throws_ok($$select public.propose_topic(tests.ref('m'), 'Fremdes Thema', '', 10)$$, 'P0001', 'TK_NOT_FOUND', 'stranger: cannot propose');
select tests.clear_authentication();
select * from tests.each_count(array['a-member', 'a-owner', 'b-coord'],
  'select count(*) from public.agenda_items where status = ''proposed''', 1, 'reads the proposal (proposing Träger or host)');
select * from tests.each_count(array['b-member', 'c-owner', 'stranger'],
  'select count(*) from public.agenda_items', 0, 'reads no unanswered proposal');
select tests.authenticate_as('b-member');
select throws_ok($$select public.decide_topic(tests.ref('topic'), 'accept')$$, 'P0001', 'TK_NOT_FOUND', 'b-member: cannot accept proposals');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.decide_topic(tests.ref('topic'), 'decline', null, null, null, '')$$, 'P0001', 'TK_AGENDA_REASON_REQUIRED',
  'b-coord: declining needs a reason');
select lives_ok($$select public.decide_topic(tests.ref('topic'), 'accept', null, 1, 25)$$, 'b-coord accepts the topic in slot 1');
select lives_ok($$select public.save_agenda_item(null, tests.ref('m'), 'Begrüßung', '', tests.org_id('traeger-b'), 10, 1)$$,
  'b-coord adds an item in slot 1');
select results_eq($$select title, position::int from public.agenda_items where meeting_id = tests.ref('m') and status = 'scheduled' order by position$$,
  $$values ('Begrüßung', 1), ('Fachkräftemangel', 2)$$, 'b-coord: the agenda is in slot order');
select throws_ok($$select public.save_agenda_item(null, tests.ref('m'), 'Fremder Vortrag', '', tests.org_id('traeger-c'), 10)$$,
  'P0001', 'TK_AGENDA_PRESENTER_INVALID', 'b-coord: a presenter from another circle is refused');
select tests.clear_authentication();
select * from tests.each_count(array['b-member', 'a-member'],
  'select count(*) from public.agenda_items where meeting_id = tests.ref(''m'') and status = ''scheduled''', 2, 'reads the agenda');
select * from tests.each_count(array['c-owner', 'stranger'], 'select count(*) from public.agenda_items', 0, 'reads no agenda');
select * from tests.each_throws(array['anon'], 'select * from public.agenda_items', '42501', 'cannot read agendas');
select * from tests.each_throws(array['b-coord', 'a-member'],
  $$insert into public.agenda_items (network_id, meeting_id, status, title) values (tests.network_id('kreis-k'), tests.ref('m'), 'proposed', 'Direkt')$$,
  '42501', 'cannot insert agenda items directly');
select * from tests.each_throws(array['b-coord'], $$update public.agenda_items set title = 'x'$$, '42501', 'cannot update agenda items directly');
-- 50 items at most.
select tests.authenticate_as('b-coord');
select lives_ok($$select count(public.save_agenda_item(null, tests.ref('m'), 'Punkt ' || g, '', null, 1)) from generate_series(3, 50) g$$,
  'b-coord fills the agenda to 50 items');
select throws_ok($$select public.save_agenda_item(null, tests.ref('m'), 'Punkt 51', '', null, 1)$$, 'P0001', 'TK_AGENDA_TOO_LONG',
  'b-coord: a 51st item is refused');
select tests.clear_authentication();
select is((select count(*)::int from public.agenda_items where meeting_id = tests.ref('m') and status = 'scheduled'), 50, 'still 50 items');

-- A meeting lasts at most a day, whoever writes it
select throws_ok($$update public.meetings set ends_at = starts_at + interval '1 day 1 minute' where id = tests.ref('m')$$,
  '23514', null, 'a meeting longer than a day is refused, even to the owner');

-- Minutes ------------------------------------------------------------------------------------------
-- The meeting took place: moved into the past by the test (as the owner).
update public.meetings set starts_at = now() - interval '2 days', ends_at = now() - interval '2 days' + interval '2 hours'
where id = tests.ref('m');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.set_protokollant(tests.ref('m'), tests.user_id('a-member'))$$, 'b-coord names a-member Protokollant');
select tests.authenticate_as('a-member');
select is(public.save_minutes(tests.ref('m'), jsonb_build_object('attendance', 'Träger A, Träger B', 'items', jsonb_build_array(
  jsonb_build_object('agenda_item_id', tests.ref('topic'), 'title', 'Fachkräftemangel', 'notes', 'Austausch.',
    'decisions', jsonb_build_array('Gemeinsame Stellenbörse wird eingerichtet.', 'AG Ausbildung wird gegründet.'),
    'actions', jsonb_build_array(jsonb_build_object('title', 'Stellenbörse entwerfen', 'owner_org_id', tests.org_id('traeger-a'),
      'owner_user_id', tests.user_id('a-member'), 'due_date', (current_date + 30)::text))))), 0), 1,
  'a-member (Protokollant) saves version 1');
select throws_ok($$select public.save_minutes(tests.ref('m'), '{"items": []}'::jsonb, 0)$$, 'P0001', 'TK_MINUTES_CHANGED',
  'a-member: a save on a stale version is refused');
select throws_ok($$select public.save_minutes(tests.ref('m'), jsonb_build_object('items', jsonb_build_array(repeat('x', 200001))), 1)$$,
  'P0001', 'TK_MINUTES_TOO_LARGE', 'a-member: minutes over the size limit are refused');
select tests.authenticate_as('b-member');
select throws_ok($$select public.save_minutes(tests.ref('m'), '{"items": []}'::jsonb, 1)$$, 'P0001', 'TK_NOT_FOUND',
  'b-member: cannot write the minutes');
select tests.clear_authentication();
select * from tests.each_count(array['b-coord', 'a-member', 'a-coord'],
  'select count(*) from public.minutes_versions', 1, 'reads the draft (host or Protokollant)');
select * from tests.each_count(array['b-member', 'c-owner', 'stranger'],
  'select count(*) from public.minutes_versions', 0, 'does not read the draft');
select * from tests.each_throws(array['anon'], 'select * from public.minutes_versions', '42501', 'cannot read minutes');
select * from tests.each_throws(array['a-member', 'b-coord'],
  $$update public.minutes_versions set content = '{}'$$, '42501', 'cannot change a version directly');
select * from tests.each_throws(array['b-coord'], $$update public.minutes set status = 'approved'$$, '42501', 'cannot approve directly');

select tests.authenticate_as('b-coord');
select throws_ok($$select public.approve_minutes(tests.ref('m'))$$, 'P0001', 'TK_MINUTES_NOT_CIRCULATED',
  'b-coord: minutes are circulated before approval');
select tests.authenticate_as('a-member');
select lives_ok($$select public.circulate_minutes(tests.ref('m'), 7)$$, 'a-member circulates the minutes');
select tests.clear_authentication();
select * from tests.each_count(array['b-member', 'a-owner'],
  'select count(*) from public.minutes_versions', 1, 'reads the circulated minutes');
select * from tests.each_count(array['c-owner', 'stranger'],
  'select (select count(*) from public.minutes_versions) + (select count(*) from public.minutes)', 0, 'reads no minutes');
select tests.authenticate_as('b-member');
select lives_ok($$select public.comment_minutes(tests.ref('m'), 'Bitte Punkt 2 ergänzen.')$$, 'b-member comments');
select tests.authenticate_as('c-owner');
select throws_ok($$select public.comment_minutes(tests.ref('m'), 'Fremd')$$, 'P0001', 'TK_NOT_FOUND', 'c-owner: cannot comment');
select tests.clear_authentication();
select * from tests.each_count(array['a-member', 'b-coord'],
  'select count(*) from public.minutes_comments', 1, 'reads the comment');
select * from tests.each_count(array['c-owner', 'stranger'], 'select count(*) from public.minutes_comments', 0, 'reads no comment');
select * from tests.each_throws(array['b-member'],
  $$insert into public.minutes_comments (meeting_id, version, body) values (tests.ref('m'), 1, 'x')$$, '42501', 'cannot insert a comment directly');

select tests.authenticate_as('a-member');
select throws_ok($$select public.approve_minutes(tests.ref('m'))$$, 'P0001', 'TK_NOT_FOUND', 'a-member (Protokollant): cannot approve');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.approve_minutes(tests.ref('m'))$$, 'b-coord approves the minutes');
select throws_ok($$select public.approve_minutes(tests.ref('m'))$$, 'P0001', 'TK_MINUTES_LOCKED', 'b-coord: approving twice is refused');
select tests.clear_authentication();
select results_eq($$select number, body from public.decisions order by number$$,
  $$values (1, 'Gemeinsame Stellenbörse wird eingerichtet.'), (2, 'AG Ausbildung wird gegründet.')$$,
  'the decisions are numbered per circle');

-- decisions and action items
select * from tests.each_count(array['b-member', 'a-member', 'b-coord'],
  'select count(*) from public.decisions', 2, 'reads the decisions register');
select * from tests.each_count(array['c-owner', 'stranger'], 'select count(*) from public.decisions', 0, 'reads no decision');
select * from tests.each_throws(array['anon'], 'select * from public.decisions', '42501', 'cannot read decisions');
select * from tests.each_throws(array['b-coord'], $$update public.decisions set body = 'x'$$, '42501', 'cannot change a decision directly');
select * from tests.each_count(array['b-member', 'a-member'],
  'select count(*) from public.action_items where status = ''open''', 1, 'reads the action item');
select * from tests.each_count(array['c-owner', 'stranger'], 'select count(*) from public.action_items', 0, 'reads no action item');
select * from tests.each_throws(array['a-member'], $$update public.action_items set status = 'done'$$, '42501', 'cannot update directly');
select tests.authenticate_as('c-owner');
select throws_ok($$select public.set_action_item_status((select id from public.action_items limit 1), 'done')$$, 'P0001', 'TK_NOT_FOUND',
  'c-owner: cannot touch the action item');
select tests.authenticate_as('b-member');
select throws_ok($$select public.set_action_item_status((select id from public.action_items limit 1), 'done')$$, 'P0001', 'TK_NOT_FOUND',
  'b-member (not the owner Träger, not a host): cannot mark it done');
select tests.authenticate_as('a-member');
select lives_ok($$select public.set_action_item_status((select id from public.action_items limit 1), 'done')$$, 'a-member (owner) marks it done');
select tests.clear_authentication();

-- A correction after approval is a new version; the approved one stays readable; a re-approval
-- updates the decisions in place and numbers a new one after them.
select tests.authenticate_as('a-member');
select is(public.save_minutes(tests.ref('m'), jsonb_build_object('items', jsonb_build_array(jsonb_build_object(
  'agenda_item_id', tests.ref('topic'), 'title', 'Fachkräftemangel',
  'decisions', jsonb_build_array('Gemeinsame Stellenbörse wird zum 1. Mai eingerichtet.', 'AG Ausbildung wird gegründet.', 'Nächstes Treffen in Hünxe.')))), 1), 2,
  'a-member saves a correction as version 2');
select public.circulate_minutes(tests.ref('m'), 3);
select tests.authenticate_as('b-member');
select is((select count(*)::int from public.minutes_versions), 2, 'b-member reads both versions once the correction is circulated');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.approve_minutes(tests.ref('m'))$$, 'b-coord approves the correction');
select results_eq($$select number, body from public.decisions order by number$$,
  $$values (1, 'Gemeinsame Stellenbörse wird zum 1. Mai eingerichtet.'), (2, 'AG Ausbildung wird gegründet.'), (3, 'Nächstes Treffen in Hünxe.')$$,
  'b-coord: corrected decisions keep their numbers, the new one is number 3');

-- Bad input at the RSVP: after the start.
select tests.authenticate_as('a-member');
select throws_ok($$select public.set_rsvp(tests.ref('m'), 'absage')$$, 'P0001', 'TK_MEETING_STARTED', 'a-member: no RSVP after the start');
select tests.clear_authentication();

select * from finish();
rollback;
