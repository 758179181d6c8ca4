-- cover_requests by persona: drafts only for the requesting Träger; published requests for the
-- circle, or only for the addressed Träger until widen_at has passed (time, not the timer,
-- decides); coordinators of the requesting Träger draft, edit and delete drafts; members read
-- only; nobody changes a published request directly; bad input gets a TK_ code.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(78);
select tests.cover_world();

create temp table req (ref text primary key, id uuid not null);
grant select on req to anon, authenticated;
insert into req values ('draft', tests.cover_draft('F-2026-001'));
insert into req values ('open', tests.cover_draft('F-2026-002'));
select tests.cover_publish((select id from req where ref = 'open'));
insert into req values ('addressed', tests.cover_draft('F-2026-003', 'addressed', now() + interval '2 hours'));
insert into req values ('widened', tests.cover_draft('F-2026-004', 'addressed', now() + interval '2 hours'));
select tests.authenticate_as('b-coord');
insert into public.cover_request_recipients (request_id, org_id)
  select id, tests.org_id('traeger-d') from req where ref in ('addressed', 'widened');
select tests.clear_authentication();
select tests.cover_publish((select id from req where ref = 'addressed'));
select tests.cover_publish((select id from req where ref = 'widened'));
-- The widening time of one of them has passed (the timer has not run: widened_at stays null).
update public.cover_requests set widen_at = now() - interval '1 minute'
  where id = (select id from req where ref = 'widened');

-- select
select * from tests.each_count(array['b-coord', 'b-member', 'b-owner', 'b-admin'],
  'select count(*) from public.cover_requests', 4, 'the requesting Träger reads all its requests, the draft included');
select * from tests.each_count(array['d-coord', 'd-member'],
  'select count(*) from public.cover_requests', 3, 'the addressed Träger reads the three published requests');
select * from tests.each_count(array['e-coord', 'e-member', 'a-coord', 'a-member'],
  'select count(*) from public.cover_requests', 2,
  'the rest of the circle reads the circle-wide request and the one whose widen_at has passed');
select * from tests.each_count(array['d-coord', 'e-coord', 'a-coord', 'c-owner', 'stranger'],
  $$select count(*) from public.cover_requests where id = (select id from req where ref = 'draft')$$, 0,
  'does not see the draft');
select * from tests.each_count(array['e-coord', 'e-member', 'a-coord'],
  $$select count(*) from public.cover_requests where id = (select id from req where ref = 'addressed')$$, 0,
  'does not see a request addressed to another Träger before widen_at');
select * from tests.each_count(array['e-coord', 'a-coord'],
  $$select count(*) from public.cover_requests where id = (select id from req where ref = 'widened') and widened_at is null$$, 1,
  'sees the addressed request once widen_at has passed, before the timer ran');
select * from tests.each_count(array['c-owner', 'stranger'],
  'select count(*) from public.cover_requests', 0, 'sees no request of another circle');
select * from tests.each_throws(array['anon'], 'select * from public.cover_requests', '42501',
  'cannot read requests');

-- widen_at moves into the past: the third Träger sees it from then on
update public.cover_requests set widen_at = now() where id = (select id from req where ref = 'addressed');
select * from tests.each_count(array['e-coord', 'a-member'],
  $$select count(*) from public.cover_requests where id = (select id from req where ref = 'addressed')$$, 1,
  'sees the addressed request when widen_at <= now()');
update public.cover_requests set widen_at = now() + interval '2 hours' where id = (select id from req where ref = 'addressed');

-- insert: coordinators, admins and owners of a Träger, for a circle it belongs to
select tests.authenticate_as('b-admin');
select lives_ok($$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from,
    period_to, hours_per_week, kind, description)
  values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'planbar', 'p30', 'moers', current_date + 7,
    current_date + 60, 6.5, 'umgangsbegleitung', 'Begleiteter Umgang, 14-tägig samstags.')$$,
  'b-admin drafts a request');
select results_eq($$select r.status, i.created_by, r.no_sozialdaten_confirmed_at is null
                    from public.cover_requests r join public.cover_request_internals i on i.request_id = r.id
                    where r.description like 'Begleiteter Umgang%'$$,
  $$values ('draft', tests.user_id('b-admin'), true)$$, 'it is a draft by b-admin, not confirmed yet');
select tests.authenticate_as('b-owner');
select lives_ok($$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from,
    period_to, hours_per_week, kind, description, gender_requirement, gender_reason, languages, needs_car)
  values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'dringend', 'p35', 'duisburg', current_date,
    current_date + 14, 10, 'krisenintervention', 'Krisenintervention für eine Jugendliche.', 'weiblich',
    'Die Jugendliche wünscht ausdrücklich eine Betreuerin.', '{Arabisch}', true)$$,
  'b-owner drafts a request with a gender requirement and its reason');

select * from tests.each_throws(array['b-member', 'd-coord', 'e-coord', 'a-coord', 'c-owner', 'stranger'],
  $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to,
      hours_per_week, kind, description)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p31', 'wesel', current_date,
      current_date + 3, 5, 'vertretung', 'Gefälscht')$$,
  '42501', 'cannot draft a request for Träger B');
select * from tests.each_throws(array['d-coord'],
  $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to,
      hours_per_week, kind, description)
    values (tests.network_id('kreis-p'), tests.org_id('traeger-d'), 'notfall', 'p31', 'wesel', current_date,
      current_date + 3, 5, 'vertretung', 'Falscher Kreis')$$,
  '42501', 'cannot post into a circle its Träger does not belong to');
select * from tests.each_throws(array['anon'],
  $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to,
      hours_per_week, kind, description)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p31', 'wesel', current_date,
      current_date + 3, 5, 'vertretung', 'Anonym')$$,
  '42501', 'cannot draft a request');
select * from tests.each_throws(array['b-coord'],
  $$insert into public.cover_requests (network_id, org_id, status, urgency, hilfeart, gemeinde, period_from, period_to,
      hours_per_week, kind, description, published_at)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'open', 'notfall', 'p31', 'wesel', current_date,
      current_date + 3, 5, 'vertretung', 'Ohne Veröffentlichung', now())$$,
  '42501', 'cannot insert a request as already published');
select * from tests.each_throws(array['b-coord'],
  $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to,
      hours_per_week, kind, description, covered_hours)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p31', 'wesel', current_date,
      current_date + 3, 5, 'vertretung', 'Schon besetzt?', 5)$$,
  '42501', 'cannot set the covered hours');

-- bad input: a stable code, nothing written
create temp table bad (label text, code text, sql text);
grant select on bad to authenticated;
insert into bad values
  ('period end before start', 'TK_COVER_PERIOD_INVALID',
   $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to, hours_per_week, kind, description)
     values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p31', 'wesel', current_date + 5, current_date, 5, 'vertretung', 'x')$$),
  ('a period over two years', 'TK_COVER_PERIOD_TOO_LONG',
   $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to, hours_per_week, kind, description)
     values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'planbar', 'p31', 'wesel', current_date, current_date + 800, 5, 'uebernahme', 'x')$$),
  ('0 hours', 'TK_COVER_HOURS_INVALID',
   $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to, hours_per_week, kind, description)
     values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p31', 'wesel', current_date, current_date, 0, 'vertretung', 'x')$$),
  ('negative hours', 'TK_COVER_HOURS_INVALID',
   $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to, hours_per_week, kind, description)
     values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p31', 'wesel', current_date, current_date, -3, 'vertretung', 'x')$$),
  ('61 hours', 'TK_COVER_HOURS_INVALID',
   $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to, hours_per_week, kind, description)
     values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p31', 'wesel', current_date, current_date, 61, 'vertretung', 'x')$$),
  ('an unknown Gemeinde', 'TK_UNKNOWN_GEMEINDE',
   $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to, hours_per_week, kind, description)
     values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p31', 'atlantis', current_date, current_date, 5, 'vertretung', 'x')$$),
  ('an unknown Hilfeart', 'TK_UNKNOWN_HILFEART',
   $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to, hours_per_week, kind, description)
     values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p99', 'wesel', current_date, current_date, 5, 'vertretung', 'x')$$),
  ('a name as case reference', 'TK_COVER_CASE_REFERENCE_INVALID',
   $$update public.cover_request_internals set case_reference = 'Familie Yılmaz'
     where request_id = (select id from req where ref = 'draft')$$),
  ('a gender requirement without reason', 'TK_COVER_GENDER_REASON_REQUIRED',
   $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to, hours_per_week, kind, description, gender_requirement)
     values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p31', 'wesel', current_date, current_date, 5, 'vertretung', 'x', 'maennlich')$$),
  ('addressed without widen_at', 'TK_COVER_ADDRESSING_INVALID',
   $$insert into public.cover_requests (network_id, org_id, urgency, hilfeart, gemeinde, period_from, period_to, hours_per_week, kind, description, addressing)
     values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'notfall', 'p31', 'wesel', current_date, current_date, 5, 'vertretung', 'x', 'addressed')$$);
select tests.authenticate_as('b-coord');
select throws_ok(sql, 'P0001', code, 'b-coord: ' || label || ' is refused with ' || code) from bad order by label;
select throws_ok($$update public.cover_requests set period_to = period_from - 1 where id = (select id from req where ref = 'draft')$$,
  'P0001', 'TK_COVER_PERIOD_INVALID', 'b-coord: editing the period of a draft backwards is refused');
select tests.clear_authentication();
select is((select count(*)::int from public.cover_requests where description = 'x'), 0, 'no bad request was written');

-- update: coordinators of the requesting Träger edit drafts only
select tests.authenticate_as('b-admin');
select is(tests.affected($$update public.cover_requests set description = 'Unterstützung im Alltag, drei Termine pro Woche.'
                          where id = (select id from req where ref = 'draft')$$), 1,
  'b-admin edits the draft');
select tests.clear_authentication();
select results_eq($$select r.no_sozialdaten_confirmed, i.no_sozialdaten_confirmed_by
                    from public.cover_requests r join public.cover_request_internals i on i.request_id = r.id
                    where r.id = (select id from req where ref = 'draft')$$,
  $$values (true, tests.user_id('b-admin'))$$,
  'saving a changed description with the box ticked records who confirmed it');
select tests.authenticate_as('b-coord');
select is(tests.affected($$update public.cover_requests set no_sozialdaten_confirmed = false
                          where id = (select id from req where ref = 'draft')$$), 1, 'b-coord unticks the confirmation');
select tests.clear_authentication();
select results_eq($$select r.no_sozialdaten_confirmed_at, i.no_sozialdaten_confirmed_by
                    from public.cover_requests r join public.cover_request_internals i on i.request_id = r.id
                    where r.id = (select id from req where ref = 'draft')$$,
  $$values (null::timestamptz, null::uuid)$$, 'an unticked confirmation keeps no time and person');
select * from tests.each_affected(array['b-member', 'd-coord', 'e-coord', 'a-coord', 'c-owner', 'stranger'],
  $$update public.cover_requests set description = 'Übernommen' where id = (select id from req where ref = 'draft')$$, 0,
  'cannot edit Träger B''s draft');
select * from tests.each_affected(array['b-coord', 'b-owner'],
  $$update public.cover_requests set description = 'Nachträglich geändert' where id = (select id from req where ref = 'open')$$, 0,
  'cannot edit a published request');
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_requests set status = 'open' where id = (select id from req where ref = 'draft')$$,
  '42501', 'cannot publish by setting the status');
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_requests set covered_hours = 20 where id = (select id from req where ref = 'open')$$,
  '42501', 'cannot set the covered hours');
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_requests set org_id = tests.org_id('traeger-d') where id = (select id from req where ref = 'draft')$$,
  '42501', 'cannot move a draft to another Träger');
select * from tests.each_throws(array['anon'],
  'update public.cover_requests set description = $x$anon$x$', '42501', 'cannot update requests');
select is((select description from public.cover_requests where id = (select id from req where ref = 'open')),
  'Familie mit drei Kindern braucht Unterstützung im Alltag.', 'the published request is unchanged');

-- delete: coordinators of the requesting Träger delete drafts only
select * from tests.each_affected(array['b-member', 'd-coord', 'e-coord', 'a-coord', 'c-owner', 'stranger'],
  $$delete from public.cover_requests where id = (select id from req where ref = 'draft')$$, 0,
  'cannot delete Träger B''s draft');
select * from tests.each_affected(array['b-coord', 'b-owner'],
  $$delete from public.cover_requests where id = (select id from req where ref = 'open')$$, 0,
  'cannot delete a published request');
select * from tests.each_throws(array['anon'], 'delete from public.cover_requests', '42501', 'cannot delete requests');
select tests.authenticate_as('b-coord');
select is(tests.affected($$delete from public.cover_requests where id = (select id from req where ref = 'draft')$$), 1,
  'b-coord deletes the draft');
select tests.clear_authentication();
select is((select count(*)::int from public.cover_requests where status <> 'draft'), 3,
  'the three published requests are still there');

select * from finish();
rollback;
