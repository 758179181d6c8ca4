-- Vertretungsbörse, part 2: every step of a cover that must hold under concurrency or tells
-- somebody, as security-definer functions. Each raises a stable TK_* code (SQLSTATE P0001) that
-- app/.server/db/errors.ts turns into German; nothing is written when one is raised.
--
-- Locking: every function that changes a published request or its offers first locks the
-- request row (`for update`), then the offer. Accepting, withdrawing, declining, cancelling,
-- expiring and completing are therefore serialised per request, and each one re-reads the state
-- after the lock: two accepts at once, or a withdrawal during an accept, have exactly one outcome.
--
-- Mails (private.enqueue_mail templates, props in addition to the request props of
-- private.cover_mail_props):
--   cover-request-alert     {recipientName, occasion: addressed|published|widened, widenAt}
--   cover-offer-received    {recipientName, caseReference, offerOrgName, offeredHours, availableFrom, message}
--   cover-offer-withdrawn   {recipientName, caseReference, offerOrgName}
--   cover-offer-accepted    {recipientName, acceptedHours, requestFilled}
--   cover-offer-declined    {recipientName, reason: declined|filled, message}
--   cover-request-cancelled {recipientName, reason, wasAccepted}
--   cover-request-expired   {recipientName}

-- Today in the circle's time zone (dates of a period are local dates).
create or replace function private.cover_today() returns date
language sql stable security definer set search_path = ''
as $$
  select (now() at time zone 'Europe/Berlin')::date
$$;

create or replace function private.cover_urgency_label(urgency text) returns text
language sql immutable security definer set search_path = ''
as $$
  select case urgency when 'notfall' then 'Notfall' when 'dringend' then 'Dringend' else 'Planbar' end
$$;

-- The request as every cover mail describes it (no description, no case reference: mails leave
-- the platform; the case reference is added only for mails to the requesting Träger).
create or replace function private.cover_mail_props(request_id uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'requestId', r.id,
    'networkName', n.name,
    'requesterOrgName', o.name,
    'urgency', r.urgency,
    'kind', r.kind,
    'hilfeart', r.hilfeart,
    'hilfeartLabel', h.label,
    'gemeinde', r.gemeinde,
    'gemeindeName', g.name,
    'sozialraum', r.sozialraum,
    'periodFrom', to_char(r.period_from, 'YYYY-MM-DD'),
    'periodTo', to_char(r.period_to, 'YYYY-MM-DD'),
    'hoursPerWeek', r.hours_per_week)
  from public.cover_requests r
  join public.networks n on n.id = r.network_id
  join public.organizations o on o.id = r.org_id
  join public.hilfearten h on h.code = r.hilfeart
  join public.gemeinden g on g.code = r.gemeinde
  where r.id = cover_mail_props.request_id
$$;

-- Short text of a request for the audit log: "Notfall: Sozialpädagogische Familienhilfe (SPFH) in Dinslaken"
-- (notifications carry the facts, private.cover_mail_props, and the app writes the text).
create or replace function private.cover_title(request_id uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select private.cover_urgency_label(r.urgency) || ': ' || h.label || ' in ' || g.name
  from public.cover_requests r
  join public.hilfearten h on h.code = r.hilfeart
  join public.gemeinden g on g.code = r.gemeinde
  where r.id = cover_title.request_id
$$;

-- Raises the code that says why a request that is not open cannot take this step.
create or replace function private.raise_cover_not_open(status text) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  case status
    when 'draft' then raise exception 'TK_COVER_NOT_PUBLISHED' using errcode = 'P0001';
    when 'filled', 'completed' then raise exception 'TK_COVER_FILLED' using errcode = 'P0001';
    when 'cancelled' then raise exception 'TK_COVER_CANCELLED' using errcode = 'P0001';
    when 'expired' then raise exception 'TK_COVER_EXPIRED' using errcode = 'P0001';
    else null;
  end case;
end
$$;

-- The contact person a Träger named for a request, if any.
create or replace function private.cover_contact_user(request_id uuid, org_id uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  select c.user_id from public.cover_contacts c
  where c.request_id = cover_contact_user.request_id and c.org_id = cover_contact_user.org_id
$$;

-- Who of a Träger hears about a step of a cover: the people named in `preferred` (the author and
-- the contact person of that side) while they still coordinate for the Träger; when none does,
-- every owner, admin and coordinator of the Träger.
create or replace function private.cover_side_recipients(side_org uuid, preferred uuid[])
returns table (user_id uuid, email text, full_name text)
language sql stable security definer set search_path = ''
as $$
  with coordinators as (
    select m.user_id, u.email::text as email, coalesce(p.full_name, u.email::text) as full_name
    from public.org_members m
    join auth.users u on u.id = m.user_id
    left join public.profiles p on p.user_id = m.user_id
    where m.org_id = side_org and m.role in ('owner', 'admin', 'coordinator') and u.email is not null
  )
  select c.user_id, c.email, c.full_name from coordinators c where c.user_id = any (preferred)
  union all
  select c.user_id, c.email, c.full_name from coordinators c
  where not exists (select 1 from coordinators x where x.user_id = any (preferred))
$$;

-- Tells one side of a cover, in app and (with a template) by mail: the same facts (`props`,
-- private.cover_mail_props and the step's own) are the notification's data and the mail's props;
-- `facts` only the notification's (which side it tells, why), as the mails' props are exact.
create or replace function private.notify_cover_side(
  side_org uuid, preferred uuid[], kind text, props jsonb, link text, template text, facts jsonb default '{}'
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  person record;
begin
  for person in select * from private.cover_side_recipients(side_org, preferred) loop
    perform private.notify(person.user_id, kind, coalesce(props, '{}'::jsonb) || coalesce(facts, '{}'::jsonb), link);
    if template is not null then
      perform private.enqueue_mail(template, person.email,
        coalesce(props, '{}'::jsonb) || jsonb_build_object('recipientName', person.full_name));
    end if;
  end loop;
end
$$;

-- The requesting side of a request: its author and its contact person.
create or replace function private.cover_requester_people(request_id uuid) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select array_remove(array[i.created_by, private.cover_contact_user(r.id, r.org_id)], null)
  from public.cover_requests r
  left join public.cover_request_internals i on i.request_id = r.id
  where r.id = cover_requester_people.request_id
$$;

-- The offering side of an offer: its author and the Träger's contact person for the request.
create or replace function private.cover_offerer_people(offer_id uuid) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select array_remove(array[o.created_by, private.cover_contact_user(o.request_id, o.org_id)], null)
  from public.cover_offers o where o.id = cover_offerer_people.offer_id
$$;

-- Alerts the circle about a request, set-based (a Notfall must reach everyone at once):
--   addressed  coordinators of the addressed Träger (they were asked by name: no area filter);
--   published  coordinators of the circle's Träger that serve the request's Gemeinde and
--   / widened  Hilfeart, if their alert preferences match (urgencies, Notfall only, Gemeinden,
--              Hilfearten); when widening, without the addressed Träger (told before).
-- Never the requesting Träger's own people. One notification per person; mail unless the
-- person turned mail off. Returns the number of people notified.
create or replace function private.alert_cover_request(request_id uuid, occasion text) returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  req public.cover_requests%rowtype;
  props jsonb;
  link text;
  n int;
begin
  select * into req from public.cover_requests r where r.id = alert_cover_request.request_id;
  props := private.cover_mail_props(req.id)
    || jsonb_build_object('occasion', occasion, 'widenAt', req.widen_at);
  link := '/vertretungen/' || req.id;

  with recipients as materialized (
    select distinct on (m.user_id) m.user_id, u.email::text as email,
      coalesce(p.full_name, u.email::text) as full_name, coalesce(ap.email_enabled, true) as wants_email
    from public.network_members nm
    join public.organizations o on o.id = nm.org_id
    join public.org_members m on m.org_id = nm.org_id and m.role in ('owner', 'admin', 'coordinator')
    join auth.users u on u.id = m.user_id
    left join public.profiles p on p.user_id = m.user_id
    left join public.cover_alert_preferences ap on ap.user_id = m.user_id
    where nm.network_id = req.network_id and nm.status = 'active' and nm.org_id <> req.org_id
      and u.email is not null
      and not exists (select 1 from public.org_members x where x.org_id = req.org_id and x.user_id = m.user_id)
      and case when occasion = 'addressed' then
            exists (select 1 from public.cover_request_recipients rr
                    where rr.request_id = req.id and rr.org_id = nm.org_id)
          else
            o.gemeinden @> array[req.gemeinde] and o.hilfearten @> array[req.hilfeart]
            and (ap.user_id is null or (
                  req.urgency = any (ap.urgencies)
                  and (not ap.notfall_only or req.urgency = 'notfall')
                  and (cardinality(ap.gemeinden) = 0 or req.gemeinde = any (ap.gemeinden))
                  and (cardinality(ap.hilfearten) = 0 or req.hilfeart = any (ap.hilfearten))))
            and (occasion <> 'widened' or not exists (
                  select 1 from public.cover_request_recipients rr
                  join public.org_members x on x.org_id = rr.org_id
                  where rr.request_id = req.id and x.user_id = m.user_id))
          end
    order by m.user_id
  ),
  notified as (
    insert into public.notifications (user_id, kind, data, link)
    select c.user_id, 'cover.alert', props, link from recipients c
    returning 1
  ),
  mailed as (
    insert into private.outbox (kind, payload)
    select 'mail', jsonb_build_object('template', 'cover-request-alert', 'to', c.email,
      'props', props || jsonb_build_object('recipientName', c.full_name))
    from recipients c where c.wants_email
    returning 1
  )
  select count(*)::int into n from notified;
  return n;
end
$$;

-- Declines every open offer of a request with a message and tells each offering Träger.
create or replace function private.decline_open_cover_offers(request_id uuid, message text, reason text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  off record;
begin
  for off in
    update public.cover_offers o
    set status = 'declined', decline_message = decline_open_cover_offers.message,
        decided_by = (select auth.uid()), decided_at = now()
    where o.request_id = decline_open_cover_offers.request_id and o.status = 'offered'
    returning o.id, o.org_id
  loop
    perform private.notify_cover_side(off.org_id, private.cover_offerer_people(off.id), 'cover.offer_declined',
      private.cover_mail_props(decline_open_cover_offers.request_id)
        || jsonb_build_object('reason', decline_open_cover_offers.reason,
             'message', decline_open_cover_offers.message),
      '/vertretungen/' || decline_open_cover_offers.request_id, 'cover-offer-declined');
  end loop;
end
$$;

-- Publishing a draft: only its Träger's coordinators, only with the "enthält keine Sozialdaten"
-- confirmation, only while the period has not ended; an addressed request needs addressees and a
-- widening time in the future. Names the publishing person as the requester's contact person
-- and alerts the circle (or the addressees).
create or replace function public.publish_cover_request(request_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  req public.cover_requests%rowtype;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = publish_cover_request.request_id for update;
  if not found or req.org_id not in (select private.user_org_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_COORDINATORS_ONLY' using errcode = 'P0001';
  end if;
  if req.status <> 'draft' then
    raise exception 'TK_COVER_NOT_DRAFT' using errcode = 'P0001';
  end if;
  if not exists (select 1 from public.network_members nm
                 where nm.network_id = req.network_id and nm.org_id = req.org_id and nm.status = 'active') then
    raise exception 'TK_COVER_NOT_IN_CIRCLE' using errcode = 'P0001';
  end if;
  if not req.no_sozialdaten_confirmed then
    raise exception 'TK_COVER_SOZIALDATEN_UNCONFIRMED' using errcode = 'P0001';
  end if;
  if req.period_to < private.cover_today() then
    raise exception 'TK_COVER_PERIOD_PAST' using errcode = 'P0001';
  end if;
  if req.addressing = 'addressed' then
    if not exists (select 1 from public.cover_request_recipients rr where rr.request_id = req.id) then
      raise exception 'TK_COVER_NO_RECIPIENTS' using errcode = 'P0001';
    end if;
    if req.widen_at <= now() then
      raise exception 'TK_COVER_WIDEN_AT_PAST' using errcode = 'P0001';
    end if;
  end if;

  update public.cover_requests r set status = 'open', published_at = now() where r.id = req.id;
  insert into public.cover_contacts (request_id, org_id, side, user_id)
  values (req.id, req.org_id, 'requester', uid)
  on conflict on constraint cover_contacts_pkey do nothing;
  perform private.alert_cover_request(req.id, case req.addressing when 'addressed' then 'addressed' else 'published' end);
  perform private.audit('cover.published', req.org_id, null, 'cover_request', req.id::text,
    jsonb_build_object('urgency', req.urgency, 'addressing', req.addressing, 'caseReference',
      (select i.case_reference from public.cover_request_internals i where i.request_id = req.id)));
end
$$;
grant execute on function public.publish_cover_request(uuid) to authenticated;

-- public.make_cover_offer (an offer on a request) is defined in 20261207120200_qualification_gate.sql:
-- it names the offered person, whose table (staff_members) that migration creates.

-- Withdrawing an offer: its Träger's coordinators, only while it is still open (an accepted offer
-- is a promise). Locks the request first, like accept, so the two cannot both succeed.
create or replace function public.withdraw_cover_offer(offer_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  off public.cover_offers%rowtype;
  offer_org_name text;
  req public.cover_requests%rowtype;
  case_ref text;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into off from public.cover_offers o where o.id = withdraw_cover_offer.offer_id;
  if not found or off.org_id not in (select private.user_org_ids()) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if off.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_COORDINATORS_ONLY' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = off.request_id for update;
  select * into off from public.cover_offers o where o.id = withdraw_cover_offer.offer_id for update;
  case off.status
    when 'accepted' then raise exception 'TK_COVER_OFFER_ACCEPTED' using errcode = 'P0001';
    when 'withdrawn' then raise exception 'TK_COVER_OFFER_WITHDRAWN' using errcode = 'P0001';
    when 'declined' then raise exception 'TK_COVER_OFFER_DECLINED' using errcode = 'P0001';
    else null;
  end case;

  update public.cover_offers o set status = 'withdrawn', withdrawn_at = now() where o.id = off.id;
  select o.name into offer_org_name from public.organizations o where o.id = off.org_id;
  select i.case_reference into case_ref from public.cover_request_internals i where i.request_id = req.id;
  perform private.notify_cover_side(req.org_id, private.cover_requester_people(req.id), 'cover.offer_withdrawn',
    private.cover_mail_props(req.id) || jsonb_build_object(
      'caseReference', case_ref, 'offerOrgName', offer_org_name),
    '/vertretungen/' || req.id, 'cover-offer-withdrawn');
  perform private.audit('cover.offer_withdrawn', off.org_id, null, 'cover_offer', off.id::text,
    jsonb_build_object('requestId', req.id));
end
$$;
grant execute on function public.withdraw_cover_offer(uuid) to authenticated;

-- Accepting an offer, atomically. Only coordinators (and admins, owners) of the REQUESTING Träger;
-- the request row is locked, then the offer is re-read: it must still be open and belong to this
-- request, and the hours taken (all of the offer, or `hours` of it) never exceed the hours still
-- open. When the request is fully covered it becomes 'filled' and every other open offer is
-- declined with a message. Writes the ledger row (hours per month), releases the handover notes
-- and the contact persons to the offering Träger (audit log) and tells it. Returns the request's
-- status afterwards ('open' while hours remain, 'filled').
create or replace function public.accept_cover_offer(request_id uuid, offer_id uuid, hours numeric default null)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  req public.cover_requests%rowtype;
  off public.cover_offers%rowtype;
  take numeric;
  new_covered numeric;
  new_status text;
  from_date date;
  offer_org_name text;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = accept_cover_offer.request_id for update;
  if not found or not private.can_see_cover_request(req.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_REQUESTER_ONLY' using errcode = 'P0001';
  end if;
  if req.status <> 'open' then
    perform private.raise_cover_not_open(req.status);
  end if;
  select * into off from public.cover_offers o where o.id = accept_cover_offer.offer_id for update;
  if not found or off.request_id <> req.id then
    raise exception 'TK_COVER_OFFER_NOT_FOUND' using errcode = 'P0001';
  end if;
  case off.status
    when 'withdrawn' then raise exception 'TK_COVER_OFFER_WITHDRAWN' using errcode = 'P0001';
    when 'accepted' then raise exception 'TK_COVER_OFFER_ACCEPTED' using errcode = 'P0001';
    when 'declined' then raise exception 'TK_COVER_OFFER_DECLINED' using errcode = 'P0001';
    else null;
  end case;
  take := coalesce(accept_cover_offer.hours, off.hours_per_week);
  if take <= 0 or take > off.hours_per_week then
    raise exception 'TK_COVER_HOURS_INVALID' using errcode = 'P0001';
  end if;
  if take > req.hours_per_week - req.covered_hours then
    raise exception 'TK_COVER_ACCEPT_TOO_MANY_HOURS' using errcode = 'P0001';
  end if;

  new_covered := req.covered_hours + take;
  new_status := case when new_covered >= req.hours_per_week then 'filled' else 'open' end;
  update public.cover_offers o
  set status = 'accepted', accepted_hours = take, decided_by = uid, decided_at = now()
  where o.id = off.id;
  update public.cover_requests r
  set covered_hours = new_covered, status = new_status,
      filled_at = case when new_status = 'filled' then now() else r.filled_at end
  where r.id = req.id;

  -- Ledger: hours a week over the part of the period the offer covers, spread over the months.
  from_date := greatest(req.period_from, off.available_from);
  insert into public.cover_ledger (offer_id, request_id, network_id, giver_org_id, taker_org_id,
    hours_per_week, period_from, period_to)
  values (off.id, req.id, req.network_id, off.org_id, req.org_id, take, from_date, req.period_to);
  insert into public.cover_ledger_months (offer_id, month, giver_org_id, taker_org_id, planned_hours)
  select off.id, m.month, off.org_id, req.org_id,
    round(take * ((least(req.period_to, (m.month + interval '1 month' - interval '1 day')::date)
                   - greatest(from_date, m.month) + 1)::numeric / 7), 2)
  from (select g::date as month
        from generate_series(date_trunc('month', from_date::timestamp), date_trunc('month', req.period_to::timestamp),
                             interval '1 month') g) m;
  update public.cover_ledger l
  set planned_hours = (select coalesce(sum(lm.planned_hours), 0) from public.cover_ledger_months lm where lm.offer_id = off.id)
  where l.offer_id = off.id;

  -- Both sides have a contact person from now on (the accepting person if none was named).
  insert into public.cover_contacts (request_id, org_id, side, user_id)
  values (req.id, req.org_id, 'requester', uid)
  on conflict on constraint cover_contacts_pkey do nothing;

  select o.name into offer_org_name from public.organizations o where o.id = off.org_id;
  perform private.audit('cover.handover_released', req.org_id, null, 'cover_request', req.id::text,
    jsonb_build_object('offerId', off.id, 'offerOrgId', off.org_id, 'offerOrgName', offer_org_name,
      'acceptedHours', take, 'handoverNotes',
      exists (select 1 from public.cover_handover_notes hn where hn.request_id = req.id)));
  perform private.audit('cover.offer_accepted', off.org_id, null, 'cover_offer', off.id::text,
    jsonb_build_object('requestId', req.id, 'acceptedHours', take));
  perform private.notify_cover_side(off.org_id, private.cover_offerer_people(off.id), 'cover.offer_accepted',
    private.cover_mail_props(req.id) || jsonb_build_object('acceptedHours', take, 'requestFilled', new_status = 'filled'),
    '/vertretungen/' || req.id, 'cover-offer-accepted');

  if new_status = 'filled' then
    perform private.decline_open_cover_offers(req.id, 'Die Anfrage ist inzwischen vollständig besetzt.', 'filled');
  end if;
  return new_status;
end
$$;
grant execute on function public.accept_cover_offer(uuid, uuid, numeric) to authenticated;

-- Declining one open offer, with a message, by the requesting Träger's coordinators.
create or replace function public.decline_cover_offer(request_id uuid, offer_id uuid, message text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  req public.cover_requests%rowtype;
  off public.cover_offers%rowtype;
  text_sent text := coalesce(nullif(btrim(decline_cover_offer.message), ''), 'Das Angebot wird nicht benötigt.');
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = decline_cover_offer.request_id for update;
  if not found or not private.can_see_cover_request(req.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_REQUESTER_ONLY' using errcode = 'P0001';
  end if;
  select * into off from public.cover_offers o where o.id = decline_cover_offer.offer_id for update;
  if not found or off.request_id <> req.id then
    raise exception 'TK_COVER_OFFER_NOT_FOUND' using errcode = 'P0001';
  end if;
  case off.status
    when 'withdrawn' then raise exception 'TK_COVER_OFFER_WITHDRAWN' using errcode = 'P0001';
    when 'accepted' then raise exception 'TK_COVER_OFFER_ACCEPTED' using errcode = 'P0001';
    when 'declined' then raise exception 'TK_COVER_OFFER_DECLINED' using errcode = 'P0001';
    else null;
  end case;
  if length(text_sent) > 1000 then
    raise exception 'TK_COVER_MESSAGE_TOO_LONG' using errcode = 'P0001';
  end if;

  update public.cover_offers o
  set status = 'declined', decline_message = text_sent, decided_by = uid, decided_at = now()
  where o.id = off.id;
  perform private.notify_cover_side(off.org_id, private.cover_offerer_people(off.id), 'cover.offer_declined',
    private.cover_mail_props(req.id) || jsonb_build_object('reason', 'declined', 'message', text_sent),
    '/vertretungen/' || req.id, 'cover-offer-declined');
  perform private.audit('cover.offer_declined', req.org_id, null, 'cover_offer', off.id::text,
    jsonb_build_object('requestId', req.id));
end
$$;
grant execute on function public.decline_cover_offer(uuid, uuid, text) to authenticated;

-- Cancelling a published request (open or filled) with a reason, by its Träger's coordinators.
-- Open offers are declined; everyone with an open or accepted offer is told.
create or replace function public.cancel_cover_request(request_id uuid, reason text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  req public.cover_requests%rowtype;
  why text := btrim(coalesce(cancel_cover_request.reason, ''));
  off record;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = cancel_cover_request.request_id for update;
  if not found or not private.can_see_cover_request(req.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if req.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_REQUESTER_ONLY' using errcode = 'P0001';
  end if;
  if req.status = 'completed' then
    raise exception 'TK_COVER_COMPLETED' using errcode = 'P0001';
  end if;
  if req.status not in ('open', 'filled') then
    perform private.raise_cover_not_open(req.status);
  end if;
  if length(why) < 3 then
    raise exception 'TK_COVER_REASON_REQUIRED' using errcode = 'P0001';
  end if;
  if length(why) > 1000 then
    raise exception 'TK_COVER_MESSAGE_TOO_LONG' using errcode = 'P0001';
  end if;

  update public.cover_requests r
  set status = 'cancelled', cancelled_at = now(), closed_at = now()
  where r.id = req.id;
  update public.cover_request_internals i
  set cancel_reason = why, cancelled_by = uid
  where i.request_id = req.id;
  for off in
    select o.id, o.org_id, o.status from public.cover_offers o
    where o.request_id = req.id and o.status in ('offered', 'accepted')
    order by o.created_at
  loop
    perform private.notify_cover_side(off.org_id, private.cover_offerer_people(off.id), 'cover.request_cancelled',
      private.cover_mail_props(req.id) || jsonb_build_object('reason', why, 'wasAccepted', off.status = 'accepted'),
      '/vertretungen/' || req.id, 'cover-request-cancelled');
  end loop;
  update public.cover_offers o
  set status = 'declined', decline_message = 'Die Anfrage wurde abgesagt: ' || why, decided_by = uid, decided_at = now()
  where o.request_id = req.id and o.status = 'offered';
  perform private.audit('cover.cancelled', req.org_id, null, 'cover_request', req.id::text,
    jsonb_build_object('reason', why));
end
$$;
grant execute on function public.cancel_cover_request(uuid, text) to authenticated;

-- Why a request was cancelled, for those who were told: the requesting Träger, and a Träger whose
-- offer was open or accepted when it was cancelled (cancel_cover_request declines open offers at
-- the moment of cancelling, so their decided_at equals cancelled_at). Null for everybody else,
-- and for a request that is not cancelled.
create or replace function public.cover_cancel_reason(request_id uuid) returns text
language sql
stable
security definer
set search_path = ''
as $$
  select i.cancel_reason
  from public.cover_request_internals i
  join public.cover_requests r on r.id = i.request_id
  where i.request_id = cover_cancel_reason.request_id and r.status = 'cancelled'
    and (i.org_id in (select private.user_org_ids())
         or exists (select 1 from public.cover_offers o
                    where o.request_id = r.id and o.org_id in (select private.user_org_ids())
                      and (o.status = 'accepted' or (o.status = 'declined' and o.decided_at >= r.cancelled_at))))
$$;
grant execute on function public.cover_cancel_reason(uuid) to authenticated;

-- Completing a cover: a coordinator of either Träger records the hours actually given (in total;
-- spread over the months like the plan). When every accepted cover of a filled or expired request
-- is completed, the request is 'completed'. The other side is told in the app.
create or replace function public.complete_cover(offer_id uuid, actual_hours numeric) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  off public.cover_offers%rowtype;
  req public.cover_requests%rowtype;
  led public.cover_ledger%rowtype;
  limit_hours numeric;
  acting_org uuid;
  other_org uuid;
  last_month date;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into off from public.cover_offers o where o.id = complete_cover.offer_id;
  if not found or (off.org_id not in (select private.user_org_ids())
                   and off.request_org_id not in (select private.user_org_ids())) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if off.org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    acting_org := off.org_id;
    other_org := off.request_org_id;
  elsif off.request_org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    acting_org := off.request_org_id;
    other_org := off.org_id;
  else
    raise exception 'TK_COVER_COORDINATORS_ONLY' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = off.request_id for update;
  select * into off from public.cover_offers o where o.id = complete_cover.offer_id for update;
  if off.status <> 'accepted' then
    raise exception 'TK_COVER_NOT_ACCEPTED' using errcode = 'P0001';
  end if;
  select * into led from public.cover_ledger l where l.offer_id = off.id for update;
  if led.completed_at is not null then
    raise exception 'TK_COVER_ALREADY_COMPLETED' using errcode = 'P0001';
  end if;
  -- At most 60 hours for each started week of the covered period.
  limit_hours := 60 * ceil((led.period_to - led.period_from + 1)::numeric / 7);
  if actual_hours is null or actual_hours < 0 or actual_hours > limit_hours then
    raise exception 'TK_COVER_ACTUAL_HOURS_INVALID' using errcode = 'P0001';
  end if;

  update public.cover_ledger l
  set actual_hours = round(complete_cover.actual_hours, 2), completed_at = now(), completed_by = uid
  where l.offer_id = off.id;
  -- Spread like the plan; the last month takes the rounding remainder.
  update public.cover_ledger_months lm
  set actual_hours = case when led.planned_hours > 0
                          then round(complete_cover.actual_hours * lm.planned_hours / led.planned_hours, 2)
                          else 0 end
  where lm.offer_id = off.id;
  select max(lm.month) into last_month from public.cover_ledger_months lm where lm.offer_id = off.id;
  update public.cover_ledger_months lm
  set actual_hours = lm.actual_hours + (round(complete_cover.actual_hours, 2)
        - (select sum(x.actual_hours) from public.cover_ledger_months x where x.offer_id = off.id))
  where lm.offer_id = off.id and lm.month = last_month;

  if req.status in ('filled', 'expired') and not exists (
    select 1 from public.cover_offers o join public.cover_ledger l on l.offer_id = o.id
    where o.request_id = req.id and o.status = 'accepted' and l.completed_at is null
  ) then
    update public.cover_requests r set status = 'completed', closed_at = now() where r.id = req.id;
  end if;

  perform private.audit('cover.completed', acting_org, null, 'cover_offer', off.id::text,
    jsonb_build_object('requestId', req.id, 'actualHours', round(complete_cover.actual_hours, 2)));
  perform private.notify_cover_side(other_org,
    case when other_org = off.org_id then private.cover_offerer_people(off.id) else private.cover_requester_people(req.id) end,
    'cover.completed',
    private.cover_mail_props(req.id) || jsonb_build_object('actualHours', round(complete_cover.actual_hours, 2)),
    '/vertretungen/' || req.id, null);
end
$$;
grant execute on function public.complete_cover(uuid, numeric) to authenticated;

-- Naming a Träger's contact person for a request: a coordinator of that Träger picks one of its
-- members. The requesting Träger, or a Träger with an open or accepted offer on the request.
create or replace function public.set_cover_contact(request_id uuid, org_id uuid, user_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  req public.cover_requests%rowtype;
  contact_side text;
begin
  if (select auth.uid()) is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into req from public.cover_requests r where r.id = set_cover_contact.request_id;
  if not found or set_cover_contact.org_id not in (select private.user_org_ids())
     or not private.can_see_cover_request(req.id) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if set_cover_contact.org_id not in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])) then
    raise exception 'TK_COVER_COORDINATORS_ONLY' using errcode = 'P0001';
  end if;
  if req.org_id = set_cover_contact.org_id then
    contact_side := 'requester';
  elsif exists (select 1 from public.cover_offers o
                where o.request_id = req.id and o.org_id = set_cover_contact.org_id
                  and o.status in ('offered', 'accepted')) then
    contact_side := 'offerer';
  else
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if not exists (select 1 from public.org_members m
                 where m.org_id = set_cover_contact.org_id and m.user_id = set_cover_contact.user_id) then
    raise exception 'TK_COVER_CONTACT_INVALID' using errcode = 'P0001';
  end if;
  insert into public.cover_contacts as c (request_id, org_id, side, user_id)
  values (req.id, set_cover_contact.org_id, contact_side, set_cover_contact.user_id)
  on conflict on constraint cover_contacts_pkey
  do update set user_id = excluded.user_id, updated_at = now();
end
$$;
grant execute on function public.set_cover_contact(uuid, uuid, uuid) to authenticated;

-- The contact persons of a request the caller may see (own Träger's, and the other side's once an
-- offer between the two is accepted, for the people who may read the handover notes:
-- private.cover_confidential_request_ids), with name, email and phone. A function, because the contact
-- person need not be one of the Träger's public Ansprechpersonen (profiles' policy would hide them).
create or replace function public.cover_request_contacts(request_id uuid)
returns table (org_id uuid, org_name text, side text, user_id uuid, full_name text, email text, phone text)
language sql
stable
security definer
set search_path = ''
as $$
  select c.org_id, o.name, c.side, c.user_id, coalesce(p.full_name, u.email::text),
    coalesce(p.email, u.email::text), p.phone
  from public.cover_contacts c
  join public.organizations o on o.id = c.org_id
  join auth.users u on u.id = c.user_id
  left join public.profiles p on p.user_id = c.user_id
  where c.request_id = cover_request_contacts.request_id
    and (c.org_id in (select private.user_org_ids())
         or ((c.request_id, c.org_id) in (select x.request_id, x.org_id from private.cover_partner_pairs() x)
             and c.request_id in (select private.cover_confidential_request_ids())))
  order by c.side desc, o.name
$$;
grant execute on function public.cover_request_contacts(uuid) to authenticated;

-- Escalation timer (called by the worker as service_role; idempotent, several workers may run
-- it): every open addressed request whose widen_at has passed and whose circle was not yet told
-- is marked widened and the circle alerted, once. Visibility itself follows widen_at in the
-- policy, not this timer. Returns the number of requests widened.
create or replace function private.widen_due_requests() returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  due record;
  n int := 0;
begin
  for due in
    select r.id, r.org_id from public.cover_requests r
    where r.status = 'open' and r.addressing = 'addressed' and r.widened_at is null and r.widen_at <= now()
    order by r.widen_at
    for update skip locked
  loop
    update public.cover_requests r set widened_at = now() where r.id = due.id;
    perform private.alert_cover_request(due.id, 'widened');
    perform private.notify_cover_side(due.org_id, private.cover_requester_people(due.id), 'cover.request_widened',
      private.cover_mail_props(due.id), '/vertretungen/' || due.id, null);
    n := n + 1;
  end loop;
  return n;
end
$$;
grant execute on function private.widen_due_requests() to service_role;

-- Expiry timer (worker, service_role; idempotent): open requests whose period has ended expire;
-- their open offers are declined and the offering Träger told by mail; the requester in the app.
-- Accepted covers stay in the ledger and can still be completed.
create or replace function private.expire_cover_requests() returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  due record;
  off record;
  n int := 0;
begin
  for due in
    select r.id, r.org_id from public.cover_requests r
    where r.status = 'open' and r.period_to < private.cover_today()
    order by r.period_to
    for update skip locked
  loop
    update public.cover_requests r set status = 'expired', closed_at = now() where r.id = due.id;
    for off in
      update public.cover_offers o
      set status = 'declined', decline_message = 'Der Zeitraum der Anfrage ist abgelaufen.', decided_at = now()
      where o.request_id = due.id and o.status = 'offered'
      returning o.id, o.org_id
    loop
      perform private.notify_cover_side(off.org_id, private.cover_offerer_people(off.id), 'cover.request_expired',
        private.cover_mail_props(due.id), '/vertretungen/' || due.id, 'cover-request-expired',
        jsonb_build_object('side', 'offerer'));
    end loop;
    perform private.notify_cover_side(due.org_id, private.cover_requester_people(due.id), 'cover.request_expired',
      private.cover_mail_props(due.id), '/vertretungen/' || due.id, null, jsonb_build_object('side', 'requester'));
    n := n + 1;
  end loop;
  return n;
end
$$;
grant execute on function private.expire_cover_requests() to service_role;
