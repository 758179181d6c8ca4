-- What visitors may see: public.network_public_page (one circle's public page) and
-- public.public_networks (the list of circles that take join requests) show only circles with a
-- public page, and of those only what the page shows: no people, no emails of members, no
-- suspended Träger.
begin;
\ir helpers/setup.psql
select plan(14);
select tests.seed_world();
insert into public.organizations (slug, name) values ('traeger-s', 'Träger S (ruht)');
insert into public.network_members (network_id, org_id, status)
values (tests.network_id('kreis-k'), tests.org_id('traeger-s'), 'suspended');

select tests.authenticate_anon();
select results_eq($$select name, description, member_names from public.network_public_page('kreis-k')$$,
  $$values ('Kreis K', 'Öffentlicher Testkreis', array['Träger A', 'Träger B'])$$,
  'anon sees kreis-k''s public page with its active Träger only');
select is_empty($$select * from public.network_public_page('kreis-p')$$,
  'anon sees nothing of kreis-p (no public page)');
select is_empty($$select * from public.network_public_page('gibt-es-nicht')$$, 'nor of an unknown circle');
select results_eq($$select slug, member_count from public.public_networks()$$,
  $$values ('kreis-k', 2)$$, 'public_networks lists only kreis-k, counting active Träger');

select * from tests.each_count(array['stranger', 'c-owner', 'b-member'],
  $$select count(*) from public.network_public_page('kreis-k')$$, 1, 'sees kreis-k''s public page');
select * from tests.each_count(array['stranger', 'c-owner'],
  $$select count(*) from public.network_public_page('kreis-p')$$, 0,
  'sees no public page of kreis-p (not even its own members)');
select * from tests.each_count(array['stranger'],
  'select count(*) from public.public_networks()', 1, 'lists only the public circle');

-- a circle that closes its page disappears from both
select tests.authenticate_as('a-coord');
select is(tests.affected($$update public.networks set public_page = false where slug = 'kreis-k'$$), 1,
  'a-coord closes kreis-k''s public page');
select tests.authenticate_anon();
select is_empty($$select * from public.network_public_page('kreis-k')$$, 'anon no longer sees kreis-k');
select is_empty($$select * from public.public_networks()$$, 'and no circle is listed');
select throws_ok($$insert into public.join_requests (network_id, org_name, contact_name, email)
  values (tests.network_id('kreis-k'), 'Zu spät e. V.', 'Zora Spät', 'zora@test.example')$$, '42501', null,
  'and a join request with the closed circle is refused');

select * from finish();
rollback;
