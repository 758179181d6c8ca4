-- notifications (the bell): written only by the system (private.notify); each person reads,
-- marks read and deletes only their own.
begin;
\ir helpers/setup.psql
select plan(29);
select tests.seed_world();

insert into public.notifications (user_id, kind, data) values
  (tests.user_id('b-member'), 'test', '{"note": "Für b-member 1"}'),
  (tests.user_id('b-member'), 'test', '{"note": "Für b-member 2"}'),
  (tests.user_id('b-owner'), 'test', '{"note": "Für b-owner"}');

-- select: own only
select * from tests.each_count(array['b-member'],
  'select count(*) from public.notifications', 2, 'reads their own two notifications');
select * from tests.each_count(array['b-owner'],
  'select count(*) from public.notifications', 1, 'reads only their own notification');
select * from tests.each_count(array['b-admin', 'b-coord', 'a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.notifications', 0, 'reads no one else''s notifications');
select * from tests.each_throws(array['anon'], 'select * from public.notifications', '42501',
  'cannot read notifications');

-- insert: nobody (the system writes them in the transaction of the change)
select * from tests.each_throws(array['b-member', 'b-owner', 'stranger', 'anon'],
  $$insert into public.notifications (user_id, kind, data) values (tests.user_id('b-member'), 'x', '{"note": "Gefälscht"}')$$,
  '42501', 'cannot insert a notification');
select * from tests.each_throws(array['b-owner'],
  $$select private.notify(tests.user_id('b-member'), 'x', '{"note": "Gefälscht"}', null)$$,
  '42501', 'cannot call private.notify');

-- update: only read_at, only one's own
select tests.authenticate_as('b-member');
select is(tests.affected($$update public.notifications set read_at = now() where data ->> 'note' = 'Für b-member 1'$$), 1,
  'b-member marks their notification read');
select throws_ok($$update public.notifications set data = '{"note": "Anders"}' where data ->> 'note' = 'Für b-member 2'$$, '42501', null,
  'b-member cannot change the facts of a notification');
select throws_ok($$update public.notifications set kind = 'anders' where data ->> 'note' = 'Für b-member 2'$$, '42501', null,
  'b-member cannot change the kind of a notification');
select throws_ok($$update public.notifications set user_id = tests.user_id('b-owner')$$, '42501', null,
  'b-member cannot pass a notification on to someone else');
select * from tests.each_affected(array['b-owner', 'b-admin', 'a-coord', 'stranger'],
  $$update public.notifications set read_at = now() where data ->> 'note' = 'Für b-member 2'$$, 0,
  'cannot mark b-member''s notification read');
select * from tests.each_throws(array['anon'],
  'update public.notifications set read_at = now()', '42501', 'cannot update notifications');

-- delete: only one's own
select * from tests.each_affected(array['b-owner', 'b-admin', 'a-coord', 'stranger'],
  $$delete from public.notifications where data ->> 'note' = 'Für b-member 2'$$, 0,
  'cannot delete b-member''s notification');
select * from tests.each_throws(array['anon'], 'delete from public.notifications', '42501',
  'cannot delete notifications');
select tests.authenticate_as('b-member');
select is(tests.affected($$delete from public.notifications where data ->> 'note' = 'Für b-member 2'$$), 1,
  'b-member deletes their own notification');

select tests.clear_authentication();
select results_eq($$select data ->> 'note', read_at is not null from public.notifications order by 1$$,
  $$values ('Für b-member 1', true), ('Für b-owner', false)$$,
  'exactly b-member''s own read mark and delete took effect');

select * from finish();
rollback;
