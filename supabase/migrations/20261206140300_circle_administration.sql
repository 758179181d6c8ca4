-- Circle administration: the circle's coordinators remove a Träger from the circle
-- with a reason, and hand the coordination to another Träger of the circle. Both write the
-- circle's Protokoll and tell everyone involved, in the same transaction.

-- The owners and admins of one Träger get a circle notice (in app with `data`, and by mail).
create or replace function private.notify_org_leads(
  org uuid, kind text, data jsonb, link text, mail_props jsonb
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  person record;
begin
  for person in
    select m.user_id, u.email::text as email, coalesce(p.full_name, u.email::text) as full_name
    from public.org_members m
    join auth.users u on u.id = m.user_id
    left join public.profiles p on p.user_id = m.user_id
    where m.org_id = org and m.role in ('owner', 'admin') and u.email is not null
  loop
    perform private.notify(person.user_id, kind, data, link);
    perform private.enqueue_mail('circle-notice', person.email,
      mail_props || jsonb_build_object('recipientName', person.full_name));
  end loop;
end
$$;

-- Removing a Träger from a circle. Refused for a Träger that coordinates the circle (hand the
-- coordination over first, so a circle is never left without coordination). Closes what the
-- Träger has open in the circle: its open or filled cover requests are cancelled (offerers told,
-- open offers declined), its open offers on other requests withdrawn (requesters told), and its
-- people's registrations for the circle's published trainings that have not started are closed
-- (seats go to the waitlist, each person told). Accepted covers already running between Träger
-- stay in the ledger. The Träger's owners and admins get the reason by mail.
create or replace function public.remove_traeger_from_circle(network uuid, org uuid, reason text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  why text := btrim(coalesce(reason, ''));
  nm public.network_members%rowtype;
  net public.networks%rowtype;
  org_name text;
  req record;
  off record;
  reg record;
  n_requests int := 0;
  n_offers int := 0;
  n_registrations int := 0;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if network not in (select private.coordinated_network_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  select * into nm from public.network_members x where x.network_id = network and x.org_id = org for update;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if nm.role = 'coordinator' then
    raise exception 'TK_CIRCLE_REMOVE_COORDINATOR' using errcode = 'P0001';
  end if;
  if length(why) < 3 then
    raise exception 'TK_CIRCLE_REASON_REQUIRED' using errcode = 'P0001';
  end if;
  if length(why) > 1000 then
    raise exception 'TK_CIRCLE_REASON_TOO_LONG' using errcode = 'P0001';
  end if;
  select * into net from public.networks x where x.id = network;
  select o.name into org_name from public.organizations o where o.id = org;

  -- its cover requests in the circle
  for req in
    select r.id from public.cover_requests r
    where r.network_id = network and r.org_id = org and r.status in ('open', 'filled')
    for update
  loop
    update public.cover_requests r set status = 'cancelled', cancelled_at = now(), closed_at = now() where r.id = req.id;
    update public.cover_request_internals i
    set cancel_reason = 'Der Träger wurde aus dem Kreis entfernt: ' || why, cancelled_by = uid
    where i.request_id = req.id;
    for off in
      select o.id, o.org_id, o.status from public.cover_offers o
      where o.request_id = req.id and o.status in ('offered', 'accepted')
    loop
      perform private.notify_cover_side(off.org_id, private.cover_offerer_people(off.id), 'cover.request_cancelled',
        private.cover_mail_props(req.id) || jsonb_build_object(
          'reason', 'Der Träger wurde aus dem Kreis entfernt.', 'wasAccepted', off.status = 'accepted'),
        '/vertretungen/' || req.id, 'cover-request-cancelled', jsonb_build_object('removedFromCircle', true));
    end loop;
    update public.cover_offers o
    set status = 'declined', decline_message = 'Der anfragende Träger wurde aus dem Kreis entfernt.',
        decided_by = uid, decided_at = now()
    where o.request_id = req.id and o.status = 'offered';
    perform private.audit('cover.closed_by_removal', org, network, 'cover_request', req.id::text, '{}'::jsonb);
    n_requests := n_requests + 1;
  end loop;

  -- its open offers on the circle's other requests
  for off in
    select o.id, o.request_id, r.org_id as request_org from public.cover_offers o
    join public.cover_requests r on r.id = o.request_id
    where o.org_id = org and o.status = 'offered' and r.network_id = network
    for update of o
  loop
    update public.cover_offers o set status = 'withdrawn', withdrawn_at = now() where o.id = off.id;
    perform private.notify_cover_side(off.request_org, private.cover_requester_people(off.request_id), 'cover.offer_withdrawn',
      private.cover_mail_props(off.request_id) || jsonb_build_object('offerOrgName', org_name, 'caseReference', null),
      '/vertretungen/' || off.request_id, 'cover-offer-withdrawn', jsonb_build_object('removedFromCircle', true));
    n_offers := n_offers + 1;
  end loop;

  -- its registrations for the circle's trainings that have not started (lock each training first)
  for reg in
    select r.id, r.training_id from public.training_registrations r
    join public.trainings t on t.id = r.training_id
    where r.org_id = org and t.network_id = network and t.org_id <> org
      and t.status = 'published' and t.starts_at > now()
      and r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered')
    order by r.training_id, r.id
  loop
    perform 1 from public.trainings t where t.id = reg.training_id for update;
    if exists (select 1 from public.training_registrations r where r.id = reg.id
               and r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered')) then
      perform private.close_training_registration(reg.id, 'cancelled', 'removed_by_organizer');
      n_registrations := n_registrations + 1;
    end if;
  end loop;

  delete from public.network_members x where x.network_id = network and x.org_id = org;

  perform private.notify_org_leads(org, 'network.removed',
    jsonb_build_object('orgName', org_name, 'networkName', net.name, 'reason', why), '/',
    jsonb_build_object(
      'subject', org_name || ' gehört nicht mehr zum Kreis „' || net.name || '“',
      'heading', 'Nicht mehr im Kreis',
      'paragraphs', jsonb_build_array(
        'die Koordination von „' || net.name || '“ hat ' || org_name || ' aus dem Kreis entfernt. Sie schreibt dazu:'),
      'quote', why,
      'reason', 'Sie erhalten diese E-Mail als Inhaber:in oder Admin von ' || org_name || '.'));
  perform private.audit('network.removed', org, network, 'organization', org::text,
    jsonb_build_object('orgName', org_name, 'reason', why, 'closedRequests', n_requests,
                       'withdrawnOffers', n_offers, 'closedRegistrations', n_registrations));
end
$$;
grant execute on function public.remove_traeger_from_circle(uuid, uuid, text) to authenticated;

-- Handing the coordination to another active Träger of the circle: it becomes the coordinating
-- Träger; the caller's own Träger steps back unless `keep_own` (several may coordinate together,
-- decision 004). Both Träger's owners and admins are told.
create or replace function public.hand_over_circle_coordination(network uuid, to_org uuid, keep_own boolean default false)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  net public.networks%rowtype;
  from_org uuid;
  from_name text;
  to_name text;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if network not in (select private.coordinated_network_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  select * into net from public.networks x where x.id = network for update;
  if not exists (select 1 from public.network_members x
                 where x.network_id = network and x.org_id = to_org and x.status = 'active') then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.network_members x
             where x.network_id = network and x.org_id = to_org and x.role = 'coordinator') then
    raise exception 'TK_CIRCLE_ALREADY_COORDINATOR' using errcode = 'P0001';
  end if;
  -- the caller's coordinating Träger in this circle (the first, if they act for several)
  select nm.org_id into from_org from public.network_members nm
  join public.org_members m on m.org_id = nm.org_id
  where nm.network_id = network and nm.role = 'coordinator' and nm.status = 'active'
    and m.user_id = uid and m.role in ('owner', 'admin', 'coordinator')
  order by nm.joined_at limit 1;
  select o.name into from_name from public.organizations o where o.id = from_org;
  select o.name into to_name from public.organizations o where o.id = to_org;

  update public.network_members x set role = 'coordinator' where x.network_id = network and x.org_id = to_org;
  if not keep_own then
    update public.network_members x set role = 'member' where x.network_id = network and x.org_id = from_org;
  end if;

  perform private.notify_org_leads(to_org, 'network.coordination_changed',
    jsonb_build_object('networkName', net.name, 'fromOrgName', from_name, 'toOrgName', to_name, 'side', 'to'),
    '/kreis/anfragen',
    jsonb_build_object(
      'subject', to_name || ' koordiniert jetzt den Kreis „' || net.name || '“',
      'heading', 'Sie koordinieren jetzt den Kreis',
      'paragraphs', jsonb_build_array(
        from_name || ' hat die Koordination von „' || net.name || '“ an ' || to_name || ' übergeben.',
        'Inhaber:innen, Admins und Koordinator:innen Ihres Trägers entscheiden jetzt über Interessensmeldungen, pflegen die öffentliche Seite und sehen das Protokoll des Kreises.'),
      'linkPath', '/kreis/anfragen', 'linkLabel', 'Zur Verwaltung des Kreises',
      'reason', 'Sie erhalten diese E-Mail als Inhaber:in oder Admin von ' || to_name || '.'));
  if not keep_own then
    perform private.notify_org_leads(from_org, 'network.coordination_changed',
      jsonb_build_object('networkName', net.name, 'fromOrgName', from_name, 'toOrgName', to_name, 'side', 'from'),
      '/',
      jsonb_build_object(
        'subject', 'Koordination von „' || net.name || '“ an ' || to_name || ' übergeben',
        'heading', 'Koordination übergeben',
        'paragraphs', jsonb_build_array(
          'die Koordination von „' || net.name || '“ liegt jetzt bei ' || to_name || '. ' || from_name || ' bleibt Mitglied des Kreises.'),
        'reason', 'Sie erhalten diese E-Mail als Inhaber:in oder Admin von ' || from_name || '.'));
  end if;
  perform private.audit('network.coordination_changed', to_org, network, 'organization', to_org::text,
    jsonb_build_object('toOrgName', to_name, 'fromOrgName', from_name, 'keepOwn', keep_own));
end
$$;
grant execute on function public.hand_over_circle_coordination(uuid, uuid, boolean) to authenticated;
