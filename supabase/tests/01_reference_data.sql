-- hilfearten and gemeinden: the fixed lists every signed-in person reads and nobody but the
-- service role (migrations) changes. Visitors get nothing.
begin;
\ir helpers/setup.psql
select plan(39);
select tests.seed_world();

-- select: every signed-in persona reads the full lists
select * from tests.each_count(
  array['b-owner', 'b-admin', 'b-coord', 'b-member', 'c-owner', 'a-coord', 'stranger'],
  'select count(*) from public.hilfearten', 16, 'reads every hilfeart');
select * from tests.each_count(
  array['b-owner', 'b-member', 'c-owner', 'stranger'],
  'select count(*) from public.gemeinden', 15, 'reads every gemeinde');

-- select: visitors are refused
select * from tests.each_throws(array['anon'], 'select * from public.hilfearten', '42501', 'cannot read hilfearten');
select * from tests.each_throws(array['anon'], 'select * from public.gemeinden', '42501', 'cannot read gemeinden');

-- insert / update / delete: refused for everyone (no grant)
select * from tests.each_throws(array['b-owner', 'a-coord', 'stranger', 'anon'],
  $$insert into public.hilfearten (code, paragraph, label, sort_order) values ('x', '§ 0', 'X', 1)$$,
  '42501', 'cannot add a hilfeart');
select * from tests.each_throws(array['b-owner', 'a-coord', 'stranger', 'anon'],
  $$update public.hilfearten set label = 'X' where code = 'p31'$$, '42501', 'cannot rename a hilfeart');
select * from tests.each_throws(array['b-owner', 'a-coord', 'stranger', 'anon'],
  $$delete from public.hilfearten where code = 'p31'$$, '42501', 'cannot delete a hilfeart');
select * from tests.each_throws(array['b-owner', 'a-coord', 'stranger', 'anon'],
  $$insert into public.gemeinden (code, name, kreis, sort_order) values ('x', 'X', 'X', 1)$$,
  '42501', 'cannot add a gemeinde');
select * from tests.each_throws(array['b-owner', 'a-coord', 'stranger', 'anon'],
  $$update public.gemeinden set name = 'X' where code = 'wesel'$$, '42501', 'cannot rename a gemeinde');
select * from tests.each_throws(array['b-owner', 'a-coord', 'stranger', 'anon'],
  $$delete from public.gemeinden where code = 'wesel'$$, '42501', 'cannot delete a gemeinde');

-- nothing changed
select is((select label from public.hilfearten where code = 'p31'),
  'Sozialpädagogische Familienhilfe (SPFH)', 'the hilfeart is unchanged');
select is((select count(*)::int from public.gemeinden), 15, 'the gemeinden are unchanged');

select * from finish();
rollback;
