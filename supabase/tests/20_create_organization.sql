-- public.create_organization: any signed-in person creates a Träger and becomes its owner in one
-- step; visitors cannot; slugs are unique and never a reserved page name.
begin;
\ir helpers/setup.psql
select plan(16);
select tests.seed_world();

select tests.authenticate_as('stranger');
select lives_ok($$select public.create_organization('Neuer Weg e. V.', 'freier_traeger', 'e_v')$$,
  'stranger creates a Träger');
select is((select count(*)::int from public.organizations where slug = 'neuer-weg-e-v'), 1,
  'stranger sees the new Träger (slug from the name)');
select results_eq($$select role from public.org_members where user_id = (select auth.uid())$$,
  array['owner'], 'stranger is its owner');
select is(tests.affected($$update public.organizations set leitbild = 'Unser Leitbild' where slug = 'neuer-weg-e-v'$$), 1,
  'and can edit its profile');
select lives_ok($$select public.create_organization('Neuer Weg e. V.')$$, 'a second Träger with the same name');
select is((select count(*)::int from public.organizations where slug = 'neuer-weg-e-v-2'), 1,
  'gets the next free slug');
select lives_ok($$select public.create_organization('Neu')$$, 'a Träger named like a reserved page');
select is((select count(*)::int from public.organizations where slug = 'neu'), 0,
  'does not get the reserved slug "neu"');
select is((select count(*)::int from public.organizations where slug like 'neu-%'), 1,
  'but a numbered one');
select is((select count(*)::int from public.audit_log where action = 'organization.created'), 3,
  'each creation is in the audit log the owner can read');

select tests.authenticate_as('b-member');
select lives_ok($$select public.create_organization('Zweitträger gGmbH')$$,
  'a member of another Träger may create one too');
select is((select count(*)::int from public.organizations where slug = 'zweittraeger-ggmbh'), 1,
  'umlauts are spelled out in the slug');

select throws_ok($$select public.create_organization('X')$$, '23514', null,
  'a one-letter name is refused by the table''s check');
select throws_ok($$select public.create_organization('Schlechter Typ', 'erfunden')$$, '23514', null,
  'an unknown kind is refused');

-- no claims: the role alone is not a person
select tests.clear_authentication();
set local role authenticated;
select throws_ok($$select public.create_organization('Ohne Person e. V.')$$, 'P0001', 'TK_NOT_SIGNED_IN',
  'authenticated without a user id is refused');
reset role;

select * from tests.each_throws(array['anon'], $$select public.create_organization('Anonym e. V.')$$,
  '42501', 'cannot create a Träger');

select * from finish();
rollback;
