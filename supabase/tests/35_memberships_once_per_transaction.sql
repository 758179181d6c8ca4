-- The membership helpers read a person's memberships once per transaction (migration
-- 20261125100200_create_circle_and_traeger.sql): a change to org_members or network_members later in the same transaction,
-- and a switch to another person's claims, must be seen by the very next statement.
begin;
\ir helpers/setup.psql
select plan(14);
select tests.seed_world();

-- c-owner reads first (the memberships are now remembered for c-owner) …
select tests.authenticate_as('c-owner');
select is((select count(*)::int from public.organizations), 1, 'c-owner sees only Träger C');
select is((select count(*)::int from public.networks), 1, 'c-owner sees only kreis-p');
-- … another person in the same transaction reads their own, not c-owner's
select tests.authenticate_as('b-member');
select is((select count(*)::int from public.organizations), 2, 'b-member then sees the two Träger of kreis-k');
select tests.authenticate_as('c-owner');
select is((select count(*)::int from public.organizations), 1, 'c-owner again sees only Träger C');

-- c-owner joins Träger B (as the owner would write it): seen by the next statement
select tests.clear_authentication();
insert into public.org_members (org_id, user_id, role)
values (tests.org_id('traeger-b'), tests.user_id('c-owner@test.example'), 'member');
select tests.authenticate_as('c-owner');
select is((select count(*)::int from public.organizations), 3, 'c-owner, now also in Träger B, sees A, B and C');
select is((select count(*)::int from public.networks), 2, 'and both circles');

-- Träger C joins kreis-k: every Träger of kreis-k is then visible to c-owner's circle-mates
select tests.authenticate_as('a-member');
select is((select count(*)::int from public.organizations where slug = 'traeger-c'), 0, 'a-member does not see Träger C yet');
select tests.clear_authentication();
insert into public.network_members (network_id, org_id) values (tests.network_id('kreis-k'), tests.org_id('traeger-c'));
select tests.authenticate_as('a-member');
select is((select count(*)::int from public.organizations where slug = 'traeger-c'), 1, 'a-member sees Träger C once it joined kreis-k');

-- a role change is seen at once (coordinated circles, Träger by role)
select tests.authenticate_as('a-coord');
select is((select count(*)::int from private.coordinated_network_ids()), 1, 'a-coord coordinates kreis-k');
select is((select count(*)::int from private.user_org_ids_with_role(array['coordinator'])), 1, 'as coordinator of Träger A');
select tests.clear_authentication();
update public.org_members set role = 'member' where user_id = tests.user_id('a-coord@test.example');
select tests.authenticate_as('a-coord');
select is((select count(*)::int from private.coordinated_network_ids()), 0, 'a-coord, now a plain member, coordinates no circle');
select is((select count(*)::int from private.user_org_ids_with_role(array['coordinator'])), 0, 'and is no coordinator of Träger A');
-- leaving the Träger: nothing of kreis-k is visible any more
select tests.clear_authentication();
delete from public.org_members where user_id = tests.user_id('a-coord@test.example');
select tests.authenticate_as('a-coord');
select is((select count(*)::int from public.organizations), 0, 'a-coord, no longer in Träger A, sees no Träger');
select is((select count(*)::int from public.networks), 0, 'and no circle');

select * from finish();
rollback;
