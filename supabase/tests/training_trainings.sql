-- training_topics, trainings and training_co_organizers by persona: the circle reads published
-- trainings, drafts only the organising Träger (lead and co-organizers); owners, admins and
-- coordinators of the organising Träger create, edit and delete drafts; status, counters and
-- the organising Träger are never written directly; the lead adds co-organizers of the circle.
begin;
\ir helpers/setup.psql
\ir helpers/training.psql
select plan(90);
select tests.training_world();

create temp table tr (ref text primary key, id uuid not null);
grant select on tr to anon, authenticated;
insert into tr values ('draft', tests.training_draft('Entwurf Kinderschutz'));
insert into tr values ('published', tests.training_draft('Deeskalation im Alltag'));
select tests.training_publish((select id from tr where ref = 'published'));
insert into tr values ('co', tests.training_draft('Gemeinsamer Entwurf'));

-- training_topics: the fixed list, for every signed-in user
select * from tests.each_count(array['b-admin', 'b-member', 'd-member', 'a-coord', 'c-owner', 'stranger'],
  'select count(*) from public.training_topics', 16, 'reads the 16 training topics');
select * from tests.each_throws(array['anon'], 'select * from public.training_topics', '42501', 'cannot read topics');
select * from tests.each_throws(array['b-admin', 'a-coord'],
  $$insert into public.training_topics (code, label, sort_order) values ('x', 'X', 1)$$, '42501',
  'cannot add a topic');

-- trainings: select
select * from tests.each_count(array['b-admin', 'b-owner', 'b-coord', 'b-member'],
  $$select count(*) from public.trainings where id = (select id from tr where ref = 'draft')$$, 1,
  'sees the draft of its own Träger');
select * from tests.each_count(array['d-member', 'd-admin', 'a-member', 'a-coord', 'c-owner', 'stranger'],
  $$select count(*) from public.trainings where id = (select id from tr where ref = 'draft')$$, 0,
  'does not see another Träger''s draft (not even as circle coordinator)');
select * from tests.each_count(array['b-admin', 'b-member', 'd-member', 'd-admin', 'd-coord', 'a-member', 'a-coord'],
  $$select count(*) from public.trainings where id = (select id from tr where ref = 'published')$$, 1,
  'sees the training published in its circle');
select * from tests.each_count(array['c-owner', 'stranger'],
  'select count(*) from public.trainings', 0, 'sees no training of a circle it is not in');
select * from tests.each_throws(array['anon'], 'select * from public.trainings', '42501', 'cannot read trainings');

-- trainings: insert — owners, admins, coordinators of a Träger, for their Träger, into its circle
select * from tests.each_affected(array['b-coord', 'b-owner'],
  $$insert into public.trainings (network_id, org_id, title, topic, audience, online_url, capacity)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Online-Fortbildung', 'medien', 'gemischt',
            'https://meet.example.org/x', 20)$$, 1,
  'creates a training for its Träger');
select * from tests.each_throws(array['b-member', 'd-admin', 'a-coord', 'stranger'],
  $$insert into public.trainings (network_id, org_id, title, topic, audience, online_url, capacity)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Fremd', 'medien', 'gemischt',
            'https://meet.example.org/x', 20)$$, '42501',
  'cannot create a training for Träger B');
select tests.authenticate_as('c-owner');
select throws_ok($$insert into public.trainings (network_id, org_id, title, topic, audience, online_url, capacity)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-c'), 'Falscher Kreis', 'medien', 'gemischt',
            'https://meet.example.org/x', 20)$$, 'P0001', 'TK_TRAINING_ORG_NOT_IN_CIRCLE',
  'c-owner cannot offer a training in a circle Träger C is not in');
select tests.authenticate_as('b-admin');
select throws_ok($$insert into public.trainings (network_id, org_id, title, topic, audience, online_url, capacity, status)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Sofort veröffentlicht', 'medien', 'gemischt',
            'https://meet.example.org/x', 20, 'published')$$, '42501', null,
  'b-admin cannot set the status when creating (drafts only)');
select throws_ok($$insert into public.trainings (network_id, org_id, title, topic, audience, online_url, capacity, seats_confirmed)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Vorbelegt', 'medien', 'gemischt',
            'https://meet.example.org/x', 20, 5)$$, '42501', null,
  'b-admin cannot set seat counters');
select * from tests.each_throws(array['anon'],
  $$insert into public.trainings (network_id, org_id, title, topic, audience, online_url, capacity)
    values (tests.network_id('kreis-k'), tests.org_id('traeger-b'), 'Anonym', 'medien', 'gemischt',
            'https://meet.example.org/x', 20)$$, '42501', 'cannot create a training');
select tests.clear_authentication();
select is((select count(*)::int from public.trainings where title in ('Fremd', 'Falscher Kreis', 'Sofort veröffentlicht', 'Vorbelegt', 'Anonym')),
  0, 'none of the refused trainings was written');

-- trainings: update — the organizers only; never status, counters or the organising Träger
select * from tests.each_affected(array['b-admin', 'b-coord'],
  $$update public.trainings set description = 'Neu beschrieben' where id in (select id from tr)$$, 3,
  'edits the trainings of its Träger');
select * from tests.each_affected(array['b-member', 'd-admin', 'd-member', 'a-coord', 'a-owner', 'c-owner', 'stranger'],
  $$update public.trainings set title = 'Übernommen' where id in (select id from tr)$$, 0,
  'cannot edit Träger B''s trainings');
select tests.authenticate_as('b-admin');
select throws_ok($$update public.trainings set status = 'held' where id = (select id from tr where ref = 'published')$$,
  '42501', null, 'b-admin cannot set the status directly (publish_training, cancel_training, mark_training_held do)');
select throws_ok($$update public.trainings set seats_confirmed = 0 where id = (select id from tr where ref = 'published')$$,
  '42501', null, 'b-admin cannot change the seat counters');
select throws_ok($$update public.trainings set org_id = tests.org_id('traeger-d') where id = (select id from tr where ref = 'draft')$$,
  '42501', null, 'b-admin cannot hand the training to another Träger');
select throws_ok($$update public.trainings set network_id = tests.network_id('kreis-p') where id = (select id from tr where ref = 'draft')$$,
  '42501', null, 'b-admin cannot move the training to another circle');
select throws_ok($$update public.trainings set starts_at = now() where id = (select id from tr where ref = 'draft')$$,
  '42501', null, 'b-admin cannot set starts_at (set_training_sessions does)');
select * from tests.each_throws(array['anon'], $$update public.trainings set title = 'x'$$, '42501', 'cannot edit trainings');
select tests.clear_authentication();
select is((select count(*)::int from public.trainings where title = 'Übernommen'), 0, 'no training was renamed by an outsider');

-- training_co_organizers: the lead adds Träger of the circle; co-organizers then see the draft
select * from tests.each_count(array['d-admin', 'd-member'],
  $$select count(*) from public.trainings where id = (select id from tr where ref = 'co')$$, 0,
  'does not see the draft before Träger D co-organises it');
select * from tests.each_throws(array['b-member', 'd-admin', 'a-coord', 'stranger'],
  $$insert into public.training_co_organizers (training_id, org_id)
    values ((select id from tr where ref = 'co'), tests.org_id('traeger-d'))$$, '42501',
  'cannot add a co-organizer to Träger B''s training');
select tests.authenticate_as('b-admin');
select throws_ok($$insert into public.training_co_organizers (training_id, org_id)
    values ((select id from tr where ref = 'co'), tests.org_id('traeger-b'))$$, 'P0001', 'TK_TRAINING_CO_ORGANIZER_INVALID',
  'b-admin cannot make the lead Träger its own co-organizer');
select throws_ok($$insert into public.training_co_organizers (training_id, org_id)
    values ((select id from tr where ref = 'co'), tests.org_id('traeger-c'))$$, 'P0001', 'TK_TRAINING_ORG_NOT_IN_CIRCLE',
  'b-admin cannot add a Träger of another circle');
select is(tests.affected($$insert into public.training_co_organizers (training_id, org_id)
    values ((select id from tr where ref = 'co'), tests.org_id('traeger-d'))$$), 1,
  'b-admin adds Träger D as co-organizer');
select * from tests.each_count(array['d-admin', 'd-member', 'd-coord'],
  $$select count(*) from public.trainings where id = (select id from tr where ref = 'co')$$, 1,
  'sees the draft its Träger co-organises');
select * from tests.each_count(array['a-member', 'a-coord', 'c-owner'],
  $$select count(*) from public.trainings where id = (select id from tr where ref = 'co')$$, 0,
  'still does not see the co-organised draft');
select * from tests.each_count(array['b-member', 'd-member'],
  $$select count(*) from public.training_co_organizers where training_id = (select id from tr where ref = 'co')$$, 1,
  'sees the co-organizer of a training it sees');
select * from tests.each_count(array['a-member', 'stranger'],
  'select count(*) from public.training_co_organizers', 0, 'sees no co-organizer of drafts it cannot see');
select * from tests.each_affected(array['d-admin'],
  $$update public.trainings set speaker = 'Dr. Doris Admin' where id = (select id from tr where ref = 'co')$$, 1,
  'as co-organizer, edits the training');
select * from tests.each_affected(array['d-member'],
  $$update public.trainings set speaker = 'Dieter' where id = (select id from tr where ref = 'co')$$, 0,
  'as a member of the co-organizer, cannot edit the training');
select * from tests.each_affected(array['d-admin', 'b-member', 'a-coord'],
  $$delete from public.training_co_organizers where training_id = (select id from tr where ref = 'co')$$, 0,
  'cannot remove the co-organizer (the lead does)');
select * from tests.each_throws(array['anon'], 'select * from public.training_co_organizers', '42501',
  'cannot read co-organizers');

-- trainings: delete — drafts only, by the lead's organizers
select * from tests.each_affected(array['b-member', 'd-admin', 'a-coord', 'c-owner', 'stranger'],
  $$delete from public.trainings where id in (select id from tr)$$, 0, 'cannot delete Träger B''s trainings');
select * from tests.each_affected(array['b-admin'],
  $$delete from public.trainings where id = (select id from tr where ref = 'published')$$, 0,
  'cannot delete a published training (cancel it instead)');
select * from tests.each_affected(array['b-admin'],
  $$delete from public.trainings where id = (select id from tr where ref = 'draft')$$, 1,
  'deletes a draft of its Träger');
select * from tests.each_throws(array['anon'], 'delete from public.trainings', '42501', 'cannot delete trainings');
select is((select count(*)::int from public.trainings where id = (select id from tr where ref = 'published')), 1,
  'the published training is still there');

select * from finish();
rollback;
