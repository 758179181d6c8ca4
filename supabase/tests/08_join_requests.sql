-- join_requests ("Interesse melden"): visitors and signed-in people file them with a circle that
-- has a public page, and only with the columns of the form; only the circle's coordinators read
-- them; deciding goes through admit/decline_join_request (see 23_); nobody edits or deletes.
begin;
\ir helpers/setup.psql
select plan(35);
select tests.seed_world();

-- insert: visitors, on a public circle, with the form's columns only
select tests.authenticate_anon();
select lives_ok($$insert into public.join_requests (network_id, org_name, contact_name, email, phone, message)
  values (tests.network_id('kreis-k'), 'Neuer Träger e. V.', 'Nina Neu', 'nina@test.example', '0203 1', 'Hallo')$$,
  'anon files a join request with kreis-k (public page)');
select throws_ok($$insert into public.join_requests (network_id, org_name, contact_name, email)
  values (tests.network_id('kreis-p'), 'Neuer Träger e. V.', 'Nina Neu', 'nina@test.example')$$,
  '42501', null, 'anon cannot file one with kreis-p (no public page)');
select throws_ok($$insert into public.join_requests (network_id, org_name, contact_name, email, status)
  values (tests.network_id('kreis-k'), 'Schon drin e. V.', 'Nina Neu', 'nina@test.example', 'admitted')$$,
  '42501', null, 'anon cannot file one that is already admitted');
select throws_ok($$insert into public.join_requests (network_id, org_name, contact_name, email, org_id)
  values (tests.network_id('kreis-k'), 'Übernahme e. V.', 'Nina Neu', 'nina@test.example', tests.org_id('traeger-b'))$$,
  '42501', null, 'anon cannot tie one to an existing Träger');
select throws_ok($$insert into public.join_requests (network_id, org_name, contact_name, email, decided_by)
  values (tests.network_id('kreis-k'), 'Übernahme e. V.', 'Nina Neu', 'nina@test.example', tests.user_id('a-coord'))$$,
  '42501', null, 'anon cannot set who decided');
select throws_ok($$insert into public.join_requests (network_id, org_name, contact_name, email)
  values (tests.network_id('kreis-k'), 'X', 'Nina Neu', 'nina@test.example')$$,
  '23514', null, 'a too short Träger name is refused by a check constraint');
-- three open requests per address and circle, then TK_JOIN_REQUEST_LIMIT
select lives_ok($$insert into public.join_requests (network_id, org_name, contact_name, email)
  values (tests.network_id('kreis-k'), 'Neuer Träger e. V.', 'Nina Neu', 'NINA@test.example')$$, 'a second request');
select lives_ok($$insert into public.join_requests (network_id, org_name, contact_name, email)
  values (tests.network_id('kreis-k'), 'Neuer Träger e. V.', 'Nina Neu', 'nina@test.example')$$, 'a third request');
select throws_ok($$insert into public.join_requests (network_id, org_name, contact_name, email)
  values (tests.network_id('kreis-k'), 'Neuer Träger e. V.', 'Nina Neu', 'nina@test.example')$$,
  'P0001', 'TK_JOIN_REQUEST_LIMIT', 'a fourth open request from one address is refused');
-- insert: signed-in people the same way
select * from tests.each_throws(array['stranger', 'b-member'],
  $$insert into public.join_requests (network_id, org_name, contact_name, email)
    values (tests.network_id('kreis-p'), 'Geheim e. V.', 'Sara Fremd', 'sara@test.example')$$,
  '42501', 'cannot file a join request with kreis-p (no public page)');
select tests.authenticate_as('stranger');
select lives_ok($$insert into public.join_requests (network_id, org_name, contact_name, email)
  values (tests.network_id('kreis-k'), 'Fremd gGmbH', 'Stefan Fremd', 'stranger@test.example')$$,
  'stranger (signed in, no Träger) files a join request with kreis-k');
select throws_ok($$insert into public.join_requests (network_id, org_name, contact_name, email, status)
  values (tests.network_id('kreis-k'), 'Fremd gGmbH', 'Stefan Fremd', 'stranger@test.example', 'admitted')$$,
  '42501', null, 'stranger cannot file one that is already admitted');
select tests.clear_authentication();
-- a join request filed with kreis-p by other means, which no one of kreis-k may see
insert into public.join_requests (network_id, org_name, contact_name, email)
values (tests.network_id('kreis-p'), 'Für P e. V.', 'Paula P', 'paula@test.example');

-- select: the coordinators of kreis-k see its requests, and only those
select * from tests.each_count(array['a-owner', 'a-coord'],
  'select count(*) from public.join_requests', 4, 'sees the four join requests of kreis-k');
select * from tests.each_count(array['c-owner'],
  'select count(*) from public.join_requests', 1, 'sees only the join request of kreis-p');
-- select: members who do not coordinate, and everyone else, see none; visitors cannot read
select * from tests.each_count(
  array['a-member', 'b-owner', 'b-admin', 'b-coord', 'b-member', 'stranger'],
  'select count(*) from public.join_requests', 0, 'sees no join request (not even their own)');
select * from tests.each_throws(array['anon'], 'select * from public.join_requests', '42501',
  'cannot read join requests (not even their own)');

-- update: nobody (decisions through admit/decline_join_request)
select * from tests.each_throws(array['a-coord', 'a-owner', 'b-owner', 'stranger', 'anon'],
  $$update public.join_requests set status = 'admitted'$$, '42501', 'cannot decide a join request by update');
-- delete: nobody
select * from tests.each_throws(array['a-coord', 'b-owner', 'stranger', 'anon'],
  'delete from public.join_requests', '42501', 'cannot delete join requests');

select tests.clear_authentication();
select is((select count(*)::int from public.join_requests where status = 'open'), 5,
  'all five join requests are still open');
select is((select count(*)::int from public.notifications
           where user_id in (tests.user_id('a-owner'), tests.user_id('a-coord'))), 8,
  'each of kreis-k''s two coordinators got a notification per request (4 each)');
select is((select count(*)::int from public.notifications where user_id = tests.user_id('a-member')), 0,
  'a-member (not a coordinator) got none');

select * from finish();
rollback;
