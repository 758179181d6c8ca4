-- Notfall on the phone, part 1: web push (issue 12). A person turns push on per device; each
-- device's subscription (endpoint and keys from the browser's PushManager) is a row here. Pushes
-- are written to the transactional outbox (kind 'push') in the same transaction as the in-app
-- notification that causes them, by a statement trigger on public.notifications, and delivered by
-- the worker with the web-push library (app/.server/push). A push carries what the circle sees
-- (urgency, Hilfeart, Gemeinde, period), never client data, and no Träger names.
--
-- Who sees what: a person reads and deletes only their own subscriptions and preferences. Rows
-- are written through public.save_push_subscription (a device moves to the person who signs in
-- on it); the worker (service_role) deletes a subscription when the push service answers 404/410.
-- (private.outbox takes kind 'push' in its table, 20261125100100.)

create table public.push_subscriptions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  -- The push service's URL for this device, https only. Which push services the worker talks
  -- to is decided in the app (app/.server/push/send.ts: the browsers' push services only).
  endpoint text not null unique
    check (length(endpoint) <= 1000 and endpoint ~ '^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/[!-~]*$'),
  -- The device's P-256 public key (65 bytes, uncompressed) and auth secret (16 bytes), base64url.
  p256dh text not null check (p256dh ~ '^B[A-Za-z0-9_-]{86}={0,1}$'),
  auth text not null check (auth ~ '^[A-Za-z0-9_-]{22}(==)?$'),
  label text not null default '' check (length(label) <= 120),
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);
create index push_subscriptions_user_id_idx on public.push_subscriptions (user_id);
alter table public.push_subscriptions enable row level security;
revoke all on public.push_subscriptions from anon, authenticated;
grant select, delete on public.push_subscriptions to authenticated;
grant select, insert, update, delete on public.push_subscriptions to service_role;
create policy "a person reads their own devices"
  on public.push_subscriptions for select to authenticated
  using (user_id = (select auth.uid()));
create policy "a person removes their own devices"
  on public.push_subscriptions for delete to authenticated
  using (user_id = (select auth.uid()));

-- What a person wants pushed: 'notfall' (only about Notfall requests), 'all' (every cover alert,
-- offer and acceptance) or 'off'; and quiet hours (Berlin time) in which nothing is pushed (the
-- in-app notification and the mail still come). No row: 'notfall', no quiet hours.
create table public.push_preferences (
  user_id uuid primary key references auth.users (id) on delete cascade,
  mode text not null default 'notfall' check (mode in ('notfall', 'all', 'off')),
  quiet_from time,
  quiet_to time,
  -- When the "Push einschalten?" prompt after the first Notfall was answered (shown once).
  prompt_answered_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint push_preferences_quiet_hours_pair check ((quiet_from is null) = (quiet_to is null)),
  constraint push_preferences_quiet_hours_differ check (quiet_from is distinct from quiet_to or quiet_from is null)
);
create trigger push_preferences_set_updated_at before update on public.push_preferences
  for each row execute function private.set_updated_at();
alter table public.push_preferences enable row level security;
revoke all on public.push_preferences from anon, authenticated;
grant select on public.push_preferences to authenticated;
grant insert (user_id, mode, quiet_from, quiet_to, prompt_answered_at) on public.push_preferences to authenticated;
grant update (mode, quiet_from, quiet_to, prompt_answered_at) on public.push_preferences to authenticated;
grant select, insert, update, delete on public.push_preferences to service_role;
create policy "a person reads their own push preferences"
  on public.push_preferences for select to authenticated
  using (user_id = (select auth.uid()));
create policy "a person writes their own push preferences"
  on public.push_preferences for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "a person changes their own push preferences"
  on public.push_preferences for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- Stores this device's subscription for the signed-in person. The same endpoint again (the
-- browser hands out the same one) updates the keys; a device someone else used before moves to
-- the current person. Returns the row's id. Malformed input raises TK_PUSH_SUBSCRIPTION_INVALID.
create or replace function public.save_push_subscription(endpoint text, p256dh text, auth text, label text default '')
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  new_id uuid;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if endpoint is null or p256dh is null or auth is null or length(endpoint) > 1000
     or not (endpoint ~ '^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/[!-~]*$')
     or not (p256dh ~ '^B[A-Za-z0-9_-]{86}={0,1}$')
     or not (auth ~ '^[A-Za-z0-9_-]{22}(==)?$') then
    raise exception 'TK_PUSH_SUBSCRIPTION_INVALID' using errcode = 'P0001';
  end if;
  if (select count(*) from public.push_subscriptions s where s.user_id = uid) >= 20
     and not exists (select 1 from public.push_subscriptions s where s.endpoint = save_push_subscription.endpoint) then
    raise exception 'TK_PUSH_TOO_MANY_DEVICES' using errcode = 'P0001';
  end if;
  insert into public.push_subscriptions as s (user_id, endpoint, p256dh, auth, label)
  values (uid, save_push_subscription.endpoint, save_push_subscription.p256dh, save_push_subscription.auth,
    left(btrim(coalesce(save_push_subscription.label, '')), 120))
  on conflict on constraint push_subscriptions_endpoint_key do update
    set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth, label = excluded.label,
        created_at = case when s.user_id = excluded.user_id then s.created_at else now() end
  returning s.id into new_id;
  return new_id;
end
$$;
revoke all on function public.save_push_subscription(text, text, text, text) from public;
grant execute on function public.save_push_subscription(text, text, text, text) to authenticated;

-- Whether a Berlin wall-clock time lies in the quiet hours [from, to) (which may span midnight).
create or replace function private.in_quiet_hours(at_time time, quiet_from time, quiet_to time) returns boolean
language sql immutable set search_path = ''
as $$
  select case
    when quiet_from is null or quiet_to is null then false
    when quiet_from < quiet_to then at_time >= quiet_from and at_time < quiet_to
    else at_time >= quiet_from or at_time < quiet_to
  end
$$;

-- The kinds of in-app notification that also go out as a push.
create or replace function private.push_kind(kind text) returns boolean
language sql immutable set search_path = ''
as $$
  select kind in ('cover.alert', 'cover.offer_received', 'cover.offer_accepted')
$$;

-- For every new cover notification of a person with push turned on: one outbox row per device,
-- set-based (a Notfall reaches 600 people in one statement). The push carries only what the
-- circle sees (urgency, Hilfeart, Gemeinde, period: no case reference, no Träger, no text); the
-- worker writes the German text ("Notfall: Sozialpädagogische Familienhilfe (SPFH) in Dinslaken",
-- app/i18n/cover.ts).
create or replace function private.push_for_notifications() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.outbox (kind, payload, cancel_key)
  select 'push',
    jsonb_build_object(
      'subscriptionId', s.id,
      'requestId', r.id,
      'push', jsonb_build_object(
        'kind', n.kind,
        'data', jsonb_build_object('urgency', r.urgency, 'hilfeartLabel', h.label, 'gemeindeName', g.name,
          'periodFrom', to_char(r.period_from, 'YYYY-MM-DD'), 'periodTo', to_char(r.period_to, 'YYYY-MM-DD')),
        'url', '/vertretungen/' || r.id,
        'tag', 'cover-' || r.id || '-' || n.kind,
        'urgency', r.urgency)),
    case when n.kind = 'cover.alert' then 'cover-request:' || r.id end
  from inserted n
  join public.push_subscriptions s on s.user_id = n.user_id
  join public.cover_requests r
    on n.link ~ '^/vertretungen/[0-9a-f-]{36}$' and r.id = substr(n.link, 15)::uuid
  join public.hilfearten h on h.code = r.hilfeart
  join public.gemeinden g on g.code = r.gemeinde
  left join public.push_preferences p on p.user_id = n.user_id
  where private.push_kind(n.kind)
    and coalesce(p.mode, 'notfall') <> 'off'
    and (coalesce(p.mode, 'notfall') = 'all' or r.urgency = 'notfall')
    and not private.in_quiet_hours((now() at time zone 'Europe/Berlin')::time, p.quiet_from, p.quiet_to);
  return null;
end
$$;
create trigger notifications_push after insert on public.notifications
  referencing new table as inserted
  for each statement execute function private.push_for_notifications();

-- Called by the worker when the push service says the subscription is gone (404/410).
create or replace function private.forget_push_subscription(subscription uuid) returns void
language sql security definer set search_path = ''
as $$
  delete from public.push_subscriptions s where s.id = subscription;
$$;
revoke all on function private.forget_push_subscription(uuid) from public;
grant execute on function private.forget_push_subscription(uuid) to service_role;

-- "Überall abmelden" ends every session and removes every device's subscription.
create or replace function public.forget_my_push_subscriptions() returns int
language plpgsql security definer set search_path = ''
as $$
declare
  n int;
begin
  delete from public.push_subscriptions s where s.user_id = (select auth.uid());
  get diagnostics n = row_count;
  return n;
end
$$;
revoke all on function public.forget_my_push_subscriptions() from public;
grant execute on function public.forget_my_push_subscriptions() to authenticated;
