-- Report and hide (sozialdaten_hides) by persona: a text reported for Sozialdaten is at once
-- invisible to every other Träger (also the circle's coordinators), still visible to the author's
-- Träger; the author's coordinators are notified and alone can revise it, which shows it again;
-- nobody writes hides directly; strangers, other circles and anon cannot report.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(72);
select tests.cover_world();

create temp table ids (ref text primary key, id uuid not null);
grant select, insert on ids to anon, authenticated;
insert into ids values ('req', tests.cover_draft('F-2026-020'));
select tests.cover_publish((select id from ids where ref = 'req'));
insert into ids values ('d', tests.cover_offer((select id from ids where ref = 'req'), 'd-coord', 'traeger-d', 8));

-- Before the report, the circle reads the request.
select * from tests.each_count(array['b-coord', 'b-member', 'd-member', 'e-member', 'a-coord', 'a-member'],
  $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'req')$$, 1,
  'reads the published request before any report');

-- Who cannot report
select tests.authenticate_as('b-member');
select throws_ok($$select public.report_sozialdaten('cover_request', (select id from ids where ref = 'req'), null)$$,
  'P0001', 'TK_SOZIALDATEN_OWN_TEXT', 'b-member: the own Träger edits, it does not report');
select tests.authenticate_as('c-owner');
select throws_ok($$select public.report_sozialdaten('cover_request', (select id from ids where ref = 'req'), null)$$,
  'P0001', 'TK_NOT_FOUND', 'c-owner (other circle): cannot report what it cannot see');
select tests.authenticate_as('stranger');
select throws_ok($$select public.report_sozialdaten('cover_request', (select id from ids where ref = 'req'), null)$$,
  'P0001', 'TK_NOT_FOUND', 'stranger: cannot report what it cannot see');
select tests.authenticate_as('e-member');
select throws_ok($$select public.report_sozialdaten('cover_request', (select id from ids where ref = 'req'), 'Tel. 0151 2345678')$$,
  'P0001', 'TK_SOZIALDATEN', 'e-member: the report''s note is screened too');
select throws_ok($$select public.report_sozialdaten('table_x', (select id from ids where ref = 'req'), null)$$,
  'P0001', 'TK_NOT_FOUND', 'e-member: only known kinds of texts');
select tests.clear_authentication();
select * from tests.each_throws(array['anon'],
  $$select public.report_sozialdaten('cover_request', (select id from ids where ref = 'req'), null)$$,
  '42501', 'cannot report');

-- A member of a third Träger reports: hidden at once.
select tests.authenticate_as('e-member');
insert into ids values ('hide1', public.report_sozialdaten('cover_request', (select id from ids where ref = 'req'), 'Name und Alter eines Kindes'));
select throws_ok($$select public.report_sozialdaten('cover_request', (select id from ids where ref = 'req'), null)$$,
  'P0001', 'TK_NOT_FOUND', 'e-member: the hidden request is gone for the reporter too');
select tests.clear_authentication();

select * from tests.each_count(array['b-coord', 'b-member', 'b-owner', 'b-admin'],
  $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'req')$$, 1,
  'the author''s Träger still reads its hidden request');
select * from tests.each_count(array['d-coord', 'd-member', 'e-coord', 'e-member', 'a-coord', 'a-owner', 'a-member', 'c-owner', 'stranger'],
  $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'req')$$, 0,
  'another Träger (also the circle''s coordinators) no longer reads the hidden request');
select * from tests.each_throws(array['anon'], 'select * from public.cover_requests', '42501', 'cannot read requests');

-- Nobody offers on a hidden request.
select tests.authenticate_as('e-coord');
select throws_ok($$select public.make_cover_offer((select id from ids where ref = 'req'), tests.org_id('traeger-e'), 4, current_date)$$,
  'P0001', null, 'e-coord: cannot offer on a hidden request');
select tests.clear_authentication();

-- The hide itself
select * from tests.each_count(array['b-coord', 'b-member', 'e-member', 'e-coord', 'a-coord', 'a-owner'],
  'select count(*) from public.sozialdaten_hides', 1,
  'the author''s Träger, the reporting Träger and the circle''s coordinators read the hide');
select * from tests.each_count(array['d-coord', 'd-member', 'a-member', 'c-owner', 'stranger'],
  'select count(*) from public.sozialdaten_hides', 0, 'reads no hide');
select * from tests.each_throws(array['anon'], 'select * from public.sozialdaten_hides', '42501', 'cannot read hides');
select * from tests.each_throws(array['b-coord', 'e-member', 'a-coord'],
  $$insert into public.sozialdaten_hides (subject_type, subject_id, org_id, source)
    values ('cover_request', (select id from ids where ref = 'req'), tests.org_id('traeger-b'), 'report')$$,
  '42501', 'cannot write a hide directly');
select * from tests.each_throws(array['b-coord', 'a-coord'],
  $$update public.sozialdaten_hides set released_at = now()$$, '42501', 'cannot release a hide by updating it');
select * from tests.each_throws(array['b-coord', 'a-coord'],
  $$delete from public.sozialdaten_hides$$, '42501', 'cannot delete a hide');

-- The author's coordinators are told; the audit log has the report.
select * from tests.each_count(array['b-coord', 'b-owner', 'b-admin'],
  $$select count(*) from public.notifications where kind = 'sozialdaten.hidden'
      and link = '/sozialdaten/' || (select id from ids where ref = 'hide1')$$, 1,
  'is notified of the hide, with the link to revise it');
select * from tests.each_count(array['b-member', 'e-member', 'd-coord'],
  $$select count(*) from public.notifications where kind = 'sozialdaten.hidden'$$, 0, 'is not notified');
select is((select count(*)::int from public.audit_log where action = 'sozialdaten.reported'
             and target_id = (select id from ids where ref = 'req')::text and org_id = tests.org_id('traeger-b')), 1,
  'the report is in the author''s audit log');

-- Revising: only the author's coordinators, only without hard identifiers.
select tests.authenticate_as('b-member');
select throws_ok($$select public.revise_hidden_text((select id from ids where ref = 'hide1'), '{"description": "Familie braucht Hilfe im Alltag."}')$$,
  'P0001', 'TK_SOZIALDATEN_REVISE_NOT_ALLOWED', 'b-member: a plain member cannot revise');
select tests.authenticate_as('e-coord');
select throws_ok($$select public.revise_hidden_text((select id from ids where ref = 'hide1'), '{"description": "Familie braucht Hilfe im Alltag."}')$$,
  'P0001', 'TK_NOT_FOUND', 'e-coord: cannot revise another Träger''s text');
select tests.authenticate_as('a-coord');
select throws_ok($$select public.revise_hidden_text((select id from ids where ref = 'hide1'), '{"description": "Familie braucht Hilfe im Alltag."}')$$,
  'P0001', 'TK_NOT_FOUND', 'a-coord (circle coordinator): cannot revise another Träger''s text');
select tests.authenticate_as('b-coord');
select throws_ok($$select public.revise_hidden_text((select id from ids where ref = 'hide1'), '{"description": "Bitte Rückruf unter 0151 2345678."}')$$,
  'P0001', 'TK_SOZIALDATEN', 'b-coord: the revision is screened');
select lives_ok($$select public.revise_hidden_text((select id from ids where ref = 'hide1'), '{"description": "Familie mit zwei Kindern braucht Hilfe im Alltag."}')$$,
  'b-coord: revises the hidden text');
select tests.clear_authentication();
select * from tests.each_count(array['d-member', 'e-member', 'a-coord'],
  $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'req')
      and description = 'Familie mit zwei Kindern braucht Hilfe im Alltag.'$$, 1,
  'reads the revised request again');
select * from tests.each_count(array['e-member'],
  $$select count(*) from public.notifications where kind = 'sozialdaten.revised'$$, 1, 'the reporter is told it was revised');
select is((select count(*)::int from public.audit_log where action = 'sozialdaten.revised'
             and target_id = (select id from ids where ref = 'req')::text), 1, 'the revision is in the audit log');

-- The circle's coordinators hide a text too.
select tests.authenticate_as('a-coord');
insert into ids values ('hide2', public.report_sozialdaten('cover_request', (select id from ids where ref = 'req'), null));
select tests.clear_authentication();
select is((select source from public.sozialdaten_hides where id = (select id from ids where ref = 'hide2')), 'coordinator',
  'a hide by the circle''s coordinators is recorded as theirs');
select * from tests.each_count(array['e-member', 'a-member', 'a-coord'],
  $$select count(*) from public.cover_requests where id = (select id from ids where ref = 'req')$$, 0,
  'the circle coordinators'' hide hides the request');

-- Offers: the requesting Träger reports an offer's message; only the offering Träger still reads it.
select tests.authenticate_as('b-coord');
insert into ids values ('hide3', public.report_sozialdaten('cover_offer', (select id from ids where ref = 'd'), null));
select tests.clear_authentication();
select * from tests.each_count(array['b-coord', 'b-member'],
  $$select count(*) from public.cover_offers where id = (select id from ids where ref = 'd')$$, 0,
  'the requesting Träger no longer reads the hidden offer');
select * from tests.each_count(array['d-coord', 'd-member'],
  $$select count(*) from public.cover_offers where id = (select id from ids where ref = 'd')$$, 1,
  'the offering Träger still reads its hidden offer');

select * from finish();
rollback;
