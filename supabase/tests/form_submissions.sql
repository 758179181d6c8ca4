-- Form idempotency keys (private.form_submissions, public.claim_form_submission /
-- complete_form_submission / forget_old_form_submissions) by persona: a signed-in person claims a
-- key once and gets the stored result back on a repeat; another person (same Träger, other
-- Träger, stranger) cannot claim or read it; anon can call nothing; nobody reads the table.
begin;
\ir helpers/setup.psql
select plan(17);
select tests.seed_world();

create temp table k (ref text primary key, id uuid not null);
grant select on k to anon, authenticated;
insert into k values ('key', gen_random_uuid());

-- The owner of the key
select tests.authenticate_as('b-coord');
select is(public.claim_form_submission((select id from k), 'cover.request.create'), null,
  'b-coord: the first claim of a key goes ahead (null)');
select lives_ok($$select public.complete_form_submission((select id from k), 'cover.request.create', '"abc"'::jsonb)$$,
  'b-coord: stores the result of the write');
select is(public.claim_form_submission((select id from k), 'cover.request.create'), '{"result": "abc"}'::jsonb,
  'b-coord: a repeat gets the stored result');
select is(public.claim_form_submission((select id from k), 'training.create'), null,
  'b-coord: the same render key for another form is a separate claim');
select throws_ok($$select public.claim_form_submission((select id from k), 'Not A Form!')$$, 'P0001', 'TK_FORM_KEY_INVALID',
  'b-coord: a malformed form name is refused');

-- Everyone else
select * from tests.each_throws(array['b-member', 'a-owner', 'c-owner', 'stranger'],
  $$select public.claim_form_submission((select id from k), 'cover.request.create')$$,
  'P0001', 'another person cannot claim (or replay) the key');
select tests.authenticate_as('a-owner');
select lives_ok($$select public.complete_form_submission((select id from k), 'cover.request.create', '"evil"'::jsonb)$$,
  'a-owner: completing another person''s key changes nothing (no error, no row)');
select tests.clear_authentication();
select is((select result from private.form_submissions where key = (select id from k) and form = 'cover.request.create'),
  '"abc"'::jsonb, 'the stored result is still the owner''s');

select tests.authenticate_as('b-coord');
select throws_ok($$select * from private.form_submissions$$, '42501', null, 'b-coord cannot read the table');
select throws_ok($$select public.forget_old_form_submissions()$$, '42501', null, 'b-coord cannot run the cleanup');
select tests.authenticate_anon();
select throws_ok($$select public.claim_form_submission((select id from k), 'cover.request.create')$$, '42501', null,
  'anon cannot claim');
select throws_ok($$select * from private.form_submissions$$, '42501', null, 'anon cannot read the table');

-- The periodic job (service_role) forgets keys older than a day.
select tests.clear_authentication();
update private.form_submissions set created_at = now() - interval '2 days' where form = 'training.create';
set local role service_role;
select is(public.forget_old_form_submissions(), 1, 'service_role forgets keys older than a day');
reset role;
select is((select count(*)::int from private.form_submissions), 1, 'the recent key stays');

select * from finish();
rollback;
