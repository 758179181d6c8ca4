-- Tables of the app's built-in auth service (our stand-in for Supabase Auth / GoTrue).
-- Only that service reads and writes them, as service_role; the API roles get nothing here.

-- Revocable sessions: the cookie holds a signed session id; deleting the row ends the session.
create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  not_after timestamptz not null,
  user_agent text,
  ip text
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

-- One-time tokens for email confirmation and password recovery, stored as sha256 hashes.
create table if not exists auth.one_time_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_type text not null check (token_type in ('confirmation_token', 'recovery_token')),
  token_hash text not null,
  relates_to text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create unique index if not exists one_time_tokens_token_hash_key on auth.one_time_tokens (token_hash);
create index if not exists one_time_tokens_user_id_idx on auth.one_time_tokens (user_id);

-- Sign-in attempts for throttling per email and per IP address.
create table if not exists auth.sign_in_attempts (
  id bigint generated always as identity primary key,
  email text not null,
  ip text not null,
  succeeded boolean not null,
  created_at timestamptz not null default now()
);
create index if not exists sign_in_attempts_email_idx on auth.sign_in_attempts (lower(email), created_at);
create index if not exists sign_in_attempts_ip_idx on auth.sign_in_attempts (ip, created_at);

revoke all on auth.users, auth.sessions, auth.one_time_tokens, auth.sign_in_attempts
  from anon, authenticated;
grant select, insert, update, delete on auth.users, auth.sessions, auth.one_time_tokens,
  auth.sign_in_attempts to service_role;
