-- cover_request_recipients and cover_alert_preferences by persona. Addressees: the requesting
-- Träger reads all of them, an addressee only its own row; coordinators of the requesting Träger
-- add and remove addressees while the request is a draft, and only Träger of the same circle.
-- Alert preferences: each person reads and writes only their own.
begin;
\ir helpers/setup.psql
\ir helpers/cover.psql
select plan(53);
select tests.cover_world();

create temp table ids (ref text primary key, id uuid not null);
grant select on ids to anon, authenticated;
insert into ids values ('draft', tests.cover_draft('F-2026-060', 'addressed', now() + interval '1 day'));
insert into ids values ('pub', tests.cover_draft('F-2026-061', 'addressed', now() + interval '1 day'));
select tests.authenticate_as('b-coord');
insert into public.cover_request_recipients (request_id, org_id) values
  ((select id from ids where ref = 'pub'), tests.org_id('traeger-d')),
  ((select id from ids where ref = 'pub'), tests.org_id('traeger-e'));
select tests.clear_authentication();
select tests.cover_publish((select id from ids where ref = 'pub'));

-- select: a draft's addressee sees nothing of it before publication
select tests.authenticate_as('b-coord');
insert into public.cover_request_recipients (request_id, org_id) values ((select id from ids where ref = 'draft'), tests.org_id('traeger-d'));
select * from tests.each_count(array['d-coord', 'd-member'],
  $$select count(*) from public.cover_request_recipients where request_id = (select id from ids where ref = 'draft')$$, 0,
  'an addressee does not read its row of a draft');
select * from tests.each_count(array['b-coord', 'b-member'],
  $$select count(*) from public.cover_request_recipients where request_id = (select id from ids where ref = 'draft')$$, 1,
  'the requesting Träger reads the addressee of its draft');
select tests.authenticate_as('b-coord');
delete from public.cover_request_recipients where request_id = (select id from ids where ref = 'draft');
select tests.clear_authentication();
select is((select count(*)::int from public.cover_request_recipients where request_id = (select id from ids where ref = 'draft')), 0,
  'the draft has no addressee again');

-- select
select * from tests.each_count(array['b-coord', 'b-member'],
  'select count(*) from public.cover_request_recipients', 2, 'the requesting Träger reads whom it addressed');
select * from tests.each_count(array['d-coord', 'd-member', 'e-coord'],
  'select count(*) from public.cover_request_recipients', 1, 'an addressee reads only its own row');
select * from tests.each_count(array['a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.cover_request_recipients', 0, 'reads no addressee');
select * from tests.each_throws(array['anon'], 'select * from public.cover_request_recipients', '42501', 'cannot read addressees');

-- insert: coordinators of the requesting Träger, drafts only, Träger of the circle only
select * from tests.each_throws(array['b-member', 'd-coord', 'a-coord', 'stranger', 'anon'],
  $$insert into public.cover_request_recipients (request_id, org_id) values ((select id from ids where ref = 'draft'), tests.org_id('traeger-d'))$$,
  '42501', 'cannot address Träger B''s draft');
select * from tests.each_throws(array['b-coord'],
  $$insert into public.cover_request_recipients (request_id, org_id) values ((select id from ids where ref = 'pub'), tests.org_id('traeger-a'))$$,
  '42501', 'cannot add an addressee after publishing');
select * from tests.each_throws(array['b-coord'],
  $$insert into public.cover_request_recipients (request_id, org_id) values ((select id from ids where ref = 'draft'), tests.org_id('traeger-c'))$$,
  'P0001', 'TK_COVER_RECIPIENT_INVALID');
select * from tests.each_throws(array['b-coord'],
  $$insert into public.cover_request_recipients (request_id, org_id) values ((select id from ids where ref = 'draft'), tests.org_id('traeger-b'))$$,
  'P0001', 'TK_COVER_RECIPIENT_INVALID');
select * from tests.each_throws(array['b-coord'],
  $$insert into public.cover_request_recipients (request_id, org_id, request_org_id) values ((select id from ids where ref = 'draft'), tests.org_id('traeger-a'), tests.org_id('traeger-a'))$$,
  '42501', 'cannot choose the requesting Träger of an addressee row');
select tests.authenticate_as('b-owner');
select lives_ok($$insert into public.cover_request_recipients (request_id, org_id) values ((select id from ids where ref = 'draft'), tests.org_id('traeger-a'))$$,
  'b-owner addresses the draft to Träger A');

-- update: nobody; delete: coordinators of the requesting Träger, drafts only
select * from tests.each_throws(array['b-coord'],
  $$update public.cover_request_recipients set org_id = tests.org_id('traeger-e')$$, '42501', 'cannot change an addressee');
select * from tests.each_affected(array['b-member', 'a-coord', 'd-coord'],
  $$delete from public.cover_request_recipients where request_id = (select id from ids where ref = 'draft')$$, 0,
  'cannot remove the addressee of Träger B''s draft');
select * from tests.each_affected(array['b-coord', 'd-coord'],
  $$delete from public.cover_request_recipients where request_id = (select id from ids where ref = 'pub')$$, 0,
  'cannot remove an addressee after publishing');
select * from tests.each_throws(array['anon'], 'delete from public.cover_request_recipients', '42501', 'cannot delete addressees');
select * from tests.each_affected(array['b-coord'],
  $$delete from public.cover_request_recipients where request_id = (select id from ids where ref = 'draft')$$, 1,
  'removes the addressee of the draft');

-- alert preferences: one's own only
select tests.authenticate_as('d-coord');
select lives_ok($$insert into public.cover_alert_preferences (user_id, urgencies, gemeinden, hilfearten, notfall_only, email_enabled)
  values (tests.user_id('d-coord'), '{notfall,dringend}', '{dinslaken,voerde}', '{p31}', false, true)$$,
  'd-coord saves alert preferences');
select throws_ok($$insert into public.cover_alert_preferences (user_id) values (tests.user_id('d-member'))$$,
  '42501', null, 'd-coord cannot save preferences for d-member');
select throws_ok($$update public.cover_alert_preferences set gemeinden = '{atlantis}' where user_id = tests.user_id('d-coord')$$,
  'P0001', 'TK_UNKNOWN_GEMEINDE', 'an unknown Gemeinde is refused');
select throws_ok($$update public.cover_alert_preferences set hilfearten = '{p99}' where user_id = tests.user_id('d-coord')$$,
  'P0001', 'TK_UNKNOWN_HILFEART', 'an unknown Hilfeart is refused');
select throws_ok($$update public.cover_alert_preferences set urgencies = '{sofort}' where user_id = tests.user_id('d-coord')$$,
  '23514', null, 'an unknown urgency is refused');
select throws_ok($$update public.cover_alert_preferences set user_id = tests.user_id('d-member')$$,
  '42501', null, 'd-coord cannot hand the preferences to someone else');
select is(tests.affected($$update public.cover_alert_preferences set notfall_only = true where user_id = tests.user_id('d-coord')$$), 1,
  'd-coord changes the preferences');
select * from tests.each_count(array['d-coord'],
  'select count(*) from public.cover_alert_preferences', 1, 'reads their own preferences');
select * from tests.each_count(array['d-member', 'b-coord', 'a-coord', 'stranger'],
  'select count(*) from public.cover_alert_preferences', 0, 'reads nobody else''s preferences');
select * from tests.each_throws(array['anon'], 'select * from public.cover_alert_preferences', '42501', 'cannot read preferences');
select * from tests.each_affected(array['d-member', 'b-coord', 'stranger'],
  $$update public.cover_alert_preferences set email_enabled = false$$, 0, 'cannot change d-coord''s preferences');
select * from tests.each_affected(array['d-member', 'b-coord'],
  $$delete from public.cover_alert_preferences$$, 0, 'cannot delete d-coord''s preferences');
select * from tests.each_throws(array['anon'], 'delete from public.cover_alert_preferences', '42501', 'cannot delete preferences');
select tests.clear_authentication();
select results_eq($$select urgencies, gemeinden, notfall_only, email_enabled from public.cover_alert_preferences$$,
  $$values ('{notfall,dringend}'::text[], '{dinslaken,voerde}'::text[], true, true)$$, 'only d-coord''s own changes took effect');
select tests.authenticate_as('d-coord');
select is(tests.affected('delete from public.cover_alert_preferences'), 1, 'd-coord deletes their preferences (back to the defaults)');

select * from finish();
rollback;
