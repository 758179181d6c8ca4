-- Mails are never dropped silently.
--   * The worker keeps retrying a mail for at least 72 hours after its first attempt (backoff
--     30 s doubling to at most 1 h: app/.server/outbox/worker.ts); after that the mail is
--     'undeliverable' (not 'failed': it is kept, shown and can be queued again).
--   * Who can do something about it sees it: the admins of a Träger the addressee belongs to (or
--     was invited to), and the coordinators of a circle that Träger is in (or that the addressee
--     asked to join) — public.undeliverable_mails(); public.requeue_mail() queues one again.
--   * A mail that is no longer meaningful is cancelled by the domain and recorded as cancelled:
--     outbox rows carry a cancel_key derived from their payload (an alert about a cover request,
--     a seat offer), and triggers on the domain tables cancel the pending or undeliverable rows
--     with that key when the request is filled, cancelled, expired or completed, or when the seat
--     offer is accepted, declined or has run out. The big cover and training functions stay as
--     they are.
--   * Retention: 30 days after a mail was sent or cancelled, a periodic job strips the address
--     and the rendered content (payload keeps only the template name); the id (the idempotency
--     key `outbox-<id>`) and the status stay.
-- The outbox's statuses, columns and indexes for this are in its table
-- (20261125100100_create_outbox_notifications_audit.sql).

-- The cancellation key of a mail, from its template and props.
create or replace function private.outbox_cancel_key(payload jsonb) returns text
language sql immutable set search_path = ''
as $$
  select case payload ->> 'template'
    when 'cover-request-alert' then 'cover-request:' || (payload -> 'props' ->> 'requestId')
    when 'training-offer' then 'training-offer:' || (payload -> 'props' ->> 'registrationId')
  end
$$;

create or replace function private.set_outbox_cancel_key() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.cancel_key := coalesce(new.cancel_key, private.outbox_cancel_key(new.payload));
  return new;
end
$$;
create trigger outbox_set_cancel_key before insert on private.outbox
  for each row execute function private.set_outbox_cancel_key();

-- Cancels the mails with this key that are still waiting (or undeliverable); returns how many.
create or replace function private.cancel_outbox_mails(key text, reason text) returns int
language plpgsql security definer set search_path = ''
as $$
declare
  n int;
begin
  update private.outbox
  set status = 'cancelled', cancelled_reason = reason, processed_at = now()
  where cancel_key = key and status in ('pending', 'undeliverable');
  get diagnostics n = row_count;
  return n;
end
$$;
revoke all on function private.cancel_outbox_mails(text, text) from public;
grant execute on function private.cancel_outbox_mails(text, text) to service_role;

-- A cover request that is no longer open needs no more alerts.
create or replace function private.cancel_cover_request_mails() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.cancel_outbox_mails('cover-request:' || new.id, 'cover_request_' || new.status);
  return null;
end
$$;
create trigger cover_requests_cancel_mails after update of status on public.cover_requests
  for each row when (old.status = 'open' and new.status <> 'open')
  execute function private.cancel_cover_request_mails();

-- A seat offer that was accepted, declined or ran out needs no more offer mail.
create or replace function private.cancel_training_offer_mails() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.cancel_outbox_mails('training-offer:' || new.id,
    case when new.status = 'confirmed' or new.status = 'pending_approval' then 'training_offer_accepted'
         else 'training_offer_' || new.status end);
  return null;
end
$$;
create trigger training_registrations_cancel_offer_mails after update of status on public.training_registrations
  for each row when (old.status = 'offered' and new.status <> 'offered')
  execute function private.cancel_training_offer_mails();

-- Which undeliverable mails the current user may see and queue again: the admins (owner/admin) of
-- a Träger the addressee is a member of or was invited to; the coordinators of a circle such a
-- Träger is active in, or that the addressee asked to join.
create or replace function private.visible_undeliverable_mail_ids() returns setof bigint
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select o.id from private.outbox o
  where o.status = 'undeliverable'
    and (
      exists (
        select 1 from auth.users u
        join public.org_members m on m.user_id = u.id
        where lower(u.email) = lower(o.payload ->> 'to')
          and (m.org_id in (select private.user_org_ids_with_role(array['owner', 'admin']))
               or exists (select 1 from public.network_members nm
                          where nm.org_id = m.org_id and nm.status = 'active'
                            and nm.network_id in (select private.coordinated_network_ids()))))
      or exists (
        select 1 from public.invitations i
        where lower(i.email) = lower(o.payload ->> 'to')
          and i.org_id in (select private.user_org_ids_with_role(array['owner', 'admin'])))
      or exists (
        select 1 from public.join_requests j
        where lower(j.email) = lower(o.payload ->> 'to')
          and j.network_id in (select private.coordinated_network_ids()))
    );
end
$$;
revoke all on function private.visible_undeliverable_mail_ids() from public;
grant execute on function private.visible_undeliverable_mail_ids() to authenticated, service_role;

-- The undeliverable mails the current user may see, newest first (no rendered content, no error
-- text of the provider: the template, the address, since when and how often it was tried).
create or replace function public.undeliverable_mails()
returns table (id bigint, template text, recipient text, first_attempt_at timestamptz, given_up_at timestamptz, attempts int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select o.id, o.payload ->> 'template', o.payload ->> 'to', o.first_attempt_at, o.processed_at, o.attempts
  from private.outbox o
  where o.id in (select private.visible_undeliverable_mail_ids())
  order by o.processed_at desc nulls last, o.id desc
  limit 200;
end
$$;
revoke all on function public.undeliverable_mails() from public;
grant execute on function public.undeliverable_mails() to authenticated, service_role;

-- Queues an undeliverable mail again (a fresh 72-hour window), recorded in the audit log.
create or replace function public.requeue_mail(mail_id bigint) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  mail private.outbox%rowtype;
  audit_org uuid;
  audit_network uuid;
begin
  if (select auth.uid()) is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select * into mail from private.outbox o
  where o.id = mail_id and o.id in (select private.visible_undeliverable_mail_ids())
  for update;
  if not found then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  update private.outbox
  set status = 'pending', attempts = 0, first_attempt_at = null, run_after = now(),
      processed_at = null, last_error = null
  where id = mail.id;
  -- Logged where the person who queued it reads the log: their Träger, else their circle.
  select m.org_id into audit_org from auth.users u join public.org_members m on m.user_id = u.id
  where lower(u.email) = lower(mail.payload ->> 'to')
    and m.org_id in (select private.user_org_ids_with_role(array['owner', 'admin']))
  limit 1;
  if audit_org is null then
    select i.org_id into audit_org from public.invitations i
    where lower(i.email) = lower(mail.payload ->> 'to')
      and i.org_id in (select private.user_org_ids_with_role(array['owner', 'admin']))
    limit 1;
  end if;
  if audit_org is null then
    select n into audit_network from private.coordinated_network_ids() n limit 1;
  end if;
  perform private.audit('mail.requeued', audit_org, audit_network, 'mail', mail.id::text,
    jsonb_build_object('template', mail.payload ->> 'template', 'to', mail.payload ->> 'to'));
end
$$;
revoke all on function public.requeue_mail(bigint) from public;
grant execute on function public.requeue_mail(bigint) to authenticated;

-- Retention: strips address and content of mails sent or cancelled more than `older_than` ago.
create or replace function private.strip_old_outbox_mails(older_than interval default interval '30 days') returns int
language plpgsql security definer set search_path = ''
as $$
declare
  n int;
begin
  update private.outbox
  set payload = jsonb_build_object('template', payload ->> 'template', 'stripped', true),
      last_error = null, stripped_at = now()
  where status in ('sent', 'cancelled') and stripped_at is null and processed_at < now() - older_than;
  get diagnostics n = row_count;
  return n;
end
$$;
revoke all on function private.strip_old_outbox_mails(interval) from public;
grant execute on function private.strip_old_outbox_mails(interval) to service_role;
