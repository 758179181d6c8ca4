-- cover_request_internals by persona (docs/decisions/007-cover-private-columns.md): what only the
-- requesting Träger may know of a request — the case reference, who posted and confirmed it, why
-- and by whom it was cancelled. RLS hides rows, not columns, so these live in their own table:
--   * the requesting Träger reads them (members too); its coordinators set the case reference of
--     a draft; nobody inserts or deletes rows (they come and go with the request);
--   * an offering Träger (before and after acceptance), a third Träger, the circle coordinator,
--     another circle, a stranger and anon read nothing — neither from the table, nor from
--     cover_requests (the columns are gone), nor through a function, a notification, a mail or
--     the audit log;
--   * the reason of a cancellation reaches the requester and the Träger that had an open or
--     accepted offer then, through public.cover_cancel_reason(), nobody else.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(95);
select tests.cover_world();

create temp table req (ref text primary key, id uuid not null);
grant select on req to anon, authenticated;
insert into req values ('draft', tests.cover_draft('F-2026-101'));
insert into req values ('open', tests.cover_draft('F-2026-102'));
select tests.cover_publish((select id from req where ref = 'open'));
insert into req values ('offer', tests.cover_offer((select id from req where ref = 'open'), 'd-coord', 'traeger-d', 10));

-- The columns are gone from the request the circle reads.
select is_empty($$select column_name from information_schema.columns
                  where table_schema = 'public' and table_name = 'cover_requests'
                    and column_name in ('case_reference', 'created_by', 'no_sozialdaten_confirmed_by',
                                        'cancel_reason', 'cancelled_by')$$,
  'cover_requests holds no column that only the requesting Träger may read');
select results_eq($$select case_reference, created_by, no_sozialdaten_confirmed_by, org_id
                    from public.cover_request_internals where request_id = (select id from req where ref = 'draft')$$,
  $$values ('F-2026-101'::text, tests.user_id('b-coord'), tests.user_id('b-coord'), tests.org_id('traeger-b'))$$,
  'each request has its row, made with it: the case reference, who posted and confirmed it, the requesting Träger');

-- select
select * from tests.each_count(array['b-coord', 'b-member', 'b-owner', 'b-admin'],
  $$select count(*) from public.cover_request_internals where case_reference in ('F-2026-101', 'F-2026-102')$$, 2,
  'the requesting Träger reads the case references of its requests, the draft included');
select * from tests.each_count(array['d-coord', 'd-member', 'e-coord', 'e-member', 'a-coord', 'a-owner', 'a-member',
                                     'c-owner', 'stranger'],
  'select count(*) from public.cover_request_internals', 0,
  'reads no case reference (the offerer before acceptance, the third Träger, the circle coordinator, others)');
select * from tests.each_count(array['d-coord', 'e-coord', 'a-coord'],
  $$select count(*) from public.cover_requests where id = (select id from req where ref = 'open')$$, 1,
  'still reads the published request itself');
select * from tests.each_throws(array['anon'], 'select * from public.cover_request_internals', '42501',
  'cannot read request internals');

-- after acceptance: the case reference stays the requester's (mails, notifications and the
-- ledger give it only to the requesting Träger; the accepted Träger works with the handover notes)
select is(tests.cover_accept((select id from req where ref = 'open'), (select id from req where ref = 'offer')), 'open',
  'b-coord accepts D''s offer');
select * from tests.each_count(array['d-coord', 'd-member'],
  'select count(*) from public.cover_request_internals', 0, 'the accepted offerer reads no case reference either');
select * from tests.each_count(array['b-coord', 'b-member'],
  $$select count(*) from public.cover_request_internals where request_id = (select id from req where ref = 'open')
      and case_reference = 'F-2026-102'$$, 1, 'the requester still reads it after acceptance');

-- … nor through a function, a notification, a mail or the audit log
select results_eq($$select p.proname::text collate "default" from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    where n.nspname in ('public', 'private') and p.prosrc ~ 'case_reference'
                      and (has_function_privilege('authenticated', p.oid, 'execute') or n.nspname = 'public')
                    order by 1$$,
  $$values ('make_cover_offer'), ('publish_cover_request'), ('withdraw_cover_offer')$$,
  'only publish, offer and withdraw read the case reference (into the requester''s audit log, notifications and mails)');
select is_empty($$select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                  where n.nspname in ('public', 'private') and p.prosrc ~ 'case_reference'
                    and pg_get_function_result(p.oid) ~* 'case_?reference'$$,
  'no function returns a case reference');
select * from tests.each_count(array['d-coord', 'd-member', 'e-coord', 'e-member', 'a-coord', 'a-owner', 'a-member',
                                     'c-owner', 'stranger'],
  $$select count(*) from public.notifications where data::text like '%F-2026-%'$$, 0,
  'no notification carries a case reference');
select * from tests.each_count(array['d-coord', 'e-coord', 'a-coord', 'a-owner'],
  $$select count(*) from public.audit_log where details::text like '%F-2026-%'$$, 0,
  'no readable audit entry carries a case reference');
select * from tests.each_count(array['d-coord', 'a-coord', 'stranger'],
  $$select count(*) from public.cover_request_contacts((select id from req where ref = 'open')) c
      where c::text like '%F-2026-%'$$, 0, 'the contact persons carry no case reference');
select * from tests.each_count(array['b-coord'],
  $$select count(*) from public.notifications where kind = 'cover.offer_received' and data ->> 'caseReference' = 'F-2026-102'$$, 1,
  'the requester''s notification of the offer names its case reference');
select * from tests.each_count(array['b-owner'],
  $$select count(*) from public.audit_log where action = 'cover.published' and details->>'caseReference' = 'F-2026-102'$$, 1,
  'the requester''s audit log records the case reference of a published request');
select results_eq($$select distinct payload->>'to' from private.outbox where payload->'props' ? 'caseReference' order by 1$$,
  $$values ('b-coord@test.example'::text)$$, 'mails with the case reference go only to the requesting Träger');
select is((select count(*)::int from private.outbox where payload::text like '%F-2026-%'
           and payload->>'to' <> 'b-coord@test.example'), 0, 'no other mail mentions it');

-- update: the requesting Träger's coordinators set the case reference of a draft, nothing else
select * from tests.each_affected(array['b-coord', 'b-admin', 'b-owner'],
  $$update public.cover_request_internals set case_reference = 'F-2026-111' where request_id = (select id from req where ref = 'draft')$$, 1,
  'sets the case reference of the draft');
select * from tests.each_affected(array['b-member', 'd-coord', 'e-coord', 'a-coord', 'c-owner', 'stranger'],
  $$update public.cover_request_internals set case_reference = 'X-1' where request_id = (select id from req where ref = 'draft')$$, 0,
  'cannot set the case reference of Träger B''s draft');
select * from tests.each_affected(array['b-coord', 'b-owner'],
  $$update public.cover_request_internals set case_reference = 'X-1' where request_id = (select id from req where ref = 'open')$$, 0,
  'cannot change the case reference of a published request');
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_request_internals set created_by = tests.user_id('b-member') where request_id = (select id from req where ref = 'draft')$$,
  '42501', 'cannot change who posted the request');
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_request_internals set cancel_reason = 'x' where request_id = (select id from req where ref = 'open')$$,
  '42501', 'cannot write a cancel reason directly');
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_request_internals set org_id = tests.org_id('traeger-d') where request_id = (select id from req where ref = 'draft')$$,
  '42501', 'cannot move the internals to another Träger');
select * from tests.each_throws(array['anon'],
  $$update public.cover_request_internals set case_reference = 'X-1'$$, '42501', 'cannot update request internals');
select tests.authenticate_as('b-coord');
select throws_ok($$update public.cover_request_internals set case_reference = 'Familie Yılmaz'
                   where request_id = (select id from req where ref = 'draft')$$,
  'P0001', 'TK_COVER_CASE_REFERENCE_INVALID', 'b-coord: a name as case reference is refused with a stable code');
select tests.clear_authentication();
select results_eq($$select case_reference from public.cover_request_internals where request_id in (select id from req) order by 1$$,
  $$values ('F-2026-102'::text), ('F-2026-111')$$, 'only the draft''s case reference changed, to the coordinators'' value');

-- insert and delete: rows come and go with the request
select * from tests.each_throws(array['b-coord', 'b-owner', 'd-coord', 'a-coord', 'stranger', 'anon'],
  $$insert into public.cover_request_internals (request_id, org_id, case_reference)
    values ((select id from req where ref = 'open'), tests.org_id('traeger-b'), 'F-2026-999')$$,
  '42501', 'cannot insert request internals');
select * from tests.each_throws(array['b-coord', 'd-coord', 'anon'],
  'delete from public.cover_request_internals', '42501', 'cannot delete request internals');
select tests.authenticate_as('b-coord');
select is(tests.affected($$delete from public.cover_requests where id = (select id from req where ref = 'draft')$$), 1,
  'b-coord deletes the draft');
select tests.clear_authentication();
select is((select count(*)::int from public.cover_request_internals where request_id = (select id from req where ref = 'draft')), 0,
  'its internals go with it');

-- the confirmation "enthält keine Sozialdaten": who gave it is recorded here, when on the request
insert into req values ('confirm', tests.cover_draft('F-2026-103'));
select tests.authenticate_as('b-admin');
select is(tests.affected($$update public.cover_requests set description = 'Unterstützung im Alltag, drei Termine pro Woche.'
                          where id = (select id from req where ref = 'confirm')$$), 1, 'b-admin changes the draft''s description');
select tests.clear_authentication();
select results_eq($$select i.no_sozialdaten_confirmed_by, r.no_sozialdaten_confirmed_at is not null
                    from public.cover_requests r join public.cover_request_internals i on i.request_id = r.id
                    where r.id = (select id from req where ref = 'confirm')$$,
  $$values (tests.user_id('b-admin'), true)$$, 'the person who saved the changed description with the box ticked confirmed it');

-- cancellation: the reason for the requester and the Träger that had an offer then
insert into req values ('cancel', tests.cover_draft('F-2026-104'));
select tests.cover_publish((select id from req where ref = 'cancel'));
select tests.cover_accept((select id from req where ref = 'cancel'),
  tests.cover_offer((select id from req where ref = 'cancel'), 'd-coord', 'traeger-d', 10));
insert into req values ('cancel-e', tests.cover_offer((select id from req where ref = 'cancel'), 'e-coord', 'traeger-e', 5));
select * from tests.each_count(array['b-coord', 'd-coord', 'e-coord'],
  $$select count(public.cover_cancel_reason((select id from req where ref = 'cancel')))::int$$, 0,
  'reads no cancel reason while the request is open');
select tests.authenticate_as('b-coord');
select lives_ok($$select public.cancel_cover_request((select id from req where ref = 'cancel'), 'Die Hilfe endet vorzeitig.')$$,
  'b-coord cancels with a reason');
select tests.clear_authentication();
select results_eq($$select i.cancel_reason, i.cancelled_by, r.status, r.cancelled_at is not null
                    from public.cover_requests r join public.cover_request_internals i on i.request_id = r.id
                    where r.id = (select id from req where ref = 'cancel')$$,
  $$values ('Die Hilfe endet vorzeitig.'::text, tests.user_id('b-coord'), 'cancelled'::text, true)$$,
  'the reason and the person are kept with the internals, the status and time on the request');
select * from tests.each_count(array['b-coord', 'b-member', 'd-coord', 'd-member', 'e-coord', 'e-member'],
  $$select count(*)::int from (select public.cover_cancel_reason((select id from req where ref = 'cancel')) as reason) x
      where reason = 'Die Hilfe endet vorzeitig.'$$, 1,
  'reads the reason: the requester, the accepted Träger and the Träger whose open offer the cancellation declined');
select * from tests.each_count(array['a-coord', 'a-owner', 'a-member', 'c-owner', 'stranger'],
  $$select count(public.cover_cancel_reason((select id from req where ref = 'cancel')))::int$$, 0,
  'reads no cancel reason (no offer on the request: the circle coordinator, the rest of the circle, others)');
select * from tests.each_count(array['a-coord', 'a-member'],
  $$select count(*) from public.cover_requests where id = (select id from req where ref = 'cancel') and status = 'cancelled'$$, 1,
  'sees that the request was cancelled');
select * from tests.each_throws(array['anon'],
  $$select public.cover_cancel_reason((select id from req where ref = 'cancel'))$$, '42501', 'cannot ask for a cancel reason');

select * from finish();
rollback;
