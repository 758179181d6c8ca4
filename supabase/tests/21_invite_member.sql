-- public.invite_member: owners and admins invite colleagues (only owners invite owners); the
-- invitation and its mail are written together; everyone else gets TK_NOT_FOUND (a Träger they
-- may not manage is, to them, not there); visitors cannot call it.
begin;
\ir helpers/setup.psql
select plan(21);
select tests.seed_world();

-- allowed: admin invites a member, owner invites an owner
select tests.authenticate_as('b-admin');
select lives_ok($$select public.invite_member(tests.org_id('traeger-b'), ' Neue.Kollegin@Test.Example ', 'member')$$,
  'b-admin invites a member');
select results_eq($$select email, role from public.invitations$$,
  $$values ('neue.kollegin@test.example', 'member')$$, 'b-admin sees the invitation, email normalised');
select throws_ok($$select public.invite_member(tests.org_id('traeger-b'), 'chefin@test.example', 'owner')$$,
  'P0001', 'TK_OWNER_ONLY', 'b-admin cannot invite an owner');
select throws_ok($$select public.invite_member(tests.org_id('traeger-b'), 'b-member@test.example', 'admin')$$,
  'P0001', 'TK_ALREADY_MEMBER', 'b-admin cannot invite someone already in Träger B');
select throws_ok($$select public.invite_member(tests.org_id('traeger-b'), 'x@test.example', 'king')$$,
  'P0001', 'TK_INVALID_ROLE', 'an unknown role is refused');
select lives_ok($$select public.invite_member(tests.org_id('traeger-b'), 'neue.kollegin@test.example', 'coordinator')$$,
  'inviting the same address again');
select results_eq($$select role from public.invitations where email = 'neue.kollegin@test.example'$$,
  array['coordinator'], 'replaces the open invitation');

select tests.authenticate_as('b-owner');
select lives_ok($$select public.invite_member(tests.org_id('traeger-b'), 'chefin@test.example', 'owner')$$,
  'b-owner invites an owner');

-- refused: not an owner/admin of the Träger (same Träger, same circle, other circle, stranger)
select * from tests.each_throws(array['b-coord', 'b-member', 'a-owner', 'a-coord', 'c-owner', 'stranger'],
  $$select public.invite_member(tests.org_id('traeger-b'), 'eindringling@test.example', 'member')$$,
  'P0001', 'TK_NOT_FOUND');
select * from tests.each_throws(array['anon'],
  $$select public.invite_member(tests.org_id('traeger-b'), 'eindringling@test.example', 'member')$$,
  '42501', 'cannot invite');
-- and nobody can reach the internal helper that skips these checks
select * from tests.each_throws(array['b-member', 'anon'],
  $$select private.create_invitation(tests.org_id('traeger-b'), 'eindringling@test.example', 'owner', null, 'invitation', null)$$,
  '42501', 'cannot call private.create_invitation');

-- what happened: two invitations, two mails with the token, audit entries; nothing for intruders
select tests.clear_authentication();
select results_eq($$select email, role, invited_by from public.invitations order by email$$,
  $$values ('chefin@test.example', 'owner', tests.user_id('b-owner')),
           ('neue.kollegin@test.example', 'coordinator', tests.user_id('b-admin'))$$,
  'the invitations of Träger B are exactly the two allowed ones');
select results_eq($$select payload->>'template', payload->>'to', payload->'props'->>'orgName', payload->'props'->>'role'
                    from private.outbox order by id$$,
  $$values ('invitation', 'neue.kollegin@test.example', 'Träger B', 'member'),
           ('invitation', 'neue.kollegin@test.example', 'Träger B', 'coordinator'),
           ('invitation', 'chefin@test.example', 'Träger B', 'owner')$$,
  'one invitation mail per invite, none for refused ones');
select ok((select bool_and(length(payload->'props'->>'token') >= 32
                           and i.token_hash = encode(sha256(convert_to(payload->'props'->>'token', 'UTF8')), 'hex'))
           from private.outbox o join public.invitations i on i.email = o.payload->>'to'
           where o.id = (select max(id) from private.outbox)),
  'the mail carries the token; the table keeps only its sha256');
select is((select count(*)::int from public.audit_log where action = 'invitation.created'), 3,
  'every invitation is in the audit log');

select * from finish();
rollback;
