-- Foundation, part 2: the cross-cutting tables every domain writes to in the same transaction as
-- its change: the mail outbox (private), in-app notifications and the audit log.

-- Transactional outbox: a row per message to deliver. Written by security-definer functions in
-- the transaction of the change that causes it; read only by the worker (service_role), which
-- claims rows with `for update skip locked` so several app instances can run it.
create table private.outbox (
  id bigint generated always as identity primary key,
  -- 'mail' for the mail worker, 'push' for web push (20261207120000_create_push_subscriptions.sql).
  kind text not null check (kind in ('mail', 'push')),
  payload jsonb not null,
  -- A mail the worker gave up on after 72 hours is 'undeliverable' (kept, shown, can be queued
  -- again); one no longer meaningful is 'cancelled' (20261206100300_keep_undeliverable_mails.sql).
  status text not null default 'pending' check (status in ('pending', 'sent', 'undeliverable', 'cancelled')),
  attempts int not null default 0,
  run_after timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  processed_at timestamptz,
  first_attempt_at timestamptz,
  -- Derived from the payload (private.outbox_cancel_key): the domain cancels the mails with a key.
  cancel_key text,
  cancelled_reason text,
  -- Retention: address and content stripped 30 days after sending or cancelling.
  stripped_at timestamptz
);
create index outbox_pending_idx on private.outbox (run_after) where status = 'pending';
create index outbox_undeliverable_idx on private.outbox (created_at) where status = 'undeliverable';
create index outbox_cancel_key_idx on private.outbox (cancel_key) where status in ('pending', 'undeliverable');
create index outbox_retention_idx on private.outbox (processed_at) where status in ('sent', 'cancelled') and stripped_at is null;
revoke all on private.outbox from anon, authenticated;
grant select, insert, update, delete on private.outbox to service_role;

-- Queues a templated mail. Callable only from other definer functions and the service role.
create or replace function private.enqueue_mail(template text, to_email text, props jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into private.outbox (kind, payload)
  values ('mail', jsonb_build_object('template', template, 'to', to_email, 'props', props));
$$;
grant execute on function private.enqueue_mail(text, text, jsonb) to service_role;

-- In-app notifications (the bell). Written by the system, read and marked read by the recipient.
-- A notification stores what happened (kind) and the facts (data: names, dates, counts, titles);
-- the app turns them into German text (app/i18n/notifications.ts), as it does for mails.
create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null,
  data jsonb not null default '{}'::jsonb,
  link text,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user_id_idx on public.notifications (user_id, created_at desc);
alter table public.notifications enable row level security;
revoke all on public.notifications from anon, authenticated;
grant select, delete on public.notifications to authenticated;
grant update (read_at) on public.notifications to authenticated;
grant select, insert, update, delete on public.notifications to service_role;

create policy "users can read their own notifications"
  on public.notifications for select to authenticated
  using (user_id = (select auth.uid()));
create policy "users can mark their own notifications as read"
  on public.notifications for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "users can delete their own notifications"
  on public.notifications for delete to authenticated
  using (user_id = (select auth.uid()));

create or replace function private.notify(recipient uuid, kind text, data jsonb, link text)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.notifications (user_id, kind, data, link)
  values (recipient, kind, coalesce(data, '{}'::jsonb), link);
$$;
grant execute on function private.notify(uuid, text, jsonb, text) to service_role;

-- Audit log: who did what, for the Träger's admins (org entries) and the circle's coordinators
-- (network entries). Append-only; written by the system only.
create table public.audit_log (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  -- No foreign key: a deleted person's id stays as a pseudonym (nothing maps it to a person any
  -- more, but "the same person did these" stays readable); a reference would null it on delete.
  actor_id uuid,
  org_id uuid,
  network_id uuid,
  action text not null,
  target_type text,
  target_id text,
  details jsonb not null default '{}'::jsonb
);
create index audit_log_org_id_idx on public.audit_log (org_id, created_at desc);
create index audit_log_network_id_idx on public.audit_log (network_id, created_at desc);
create index audit_log_actor_id_idx on public.audit_log (actor_id);
alter table public.audit_log enable row level security;
revoke all on public.audit_log from anon, authenticated;
grant select on public.audit_log to authenticated;
grant select, insert on public.audit_log to service_role;

create or replace function private.audit(
  action text, org_id uuid, network_id uuid, target_type text, target_id text, details jsonb
) returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.audit_log (actor_id, org_id, network_id, action, target_type, target_id, details)
  values ((select auth.uid()), org_id, network_id, action, target_type, target_id, coalesce(details, '{}'::jsonb));
$$;
grant execute on function private.audit(text, uuid, uuid, text, text, jsonb) to service_role;
