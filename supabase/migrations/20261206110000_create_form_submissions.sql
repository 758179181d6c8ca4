-- Idempotent form posts. Every create form carries a key made when the page was rendered (a
-- hidden field); the action claims (key, form) in the same transaction as its write and stores
-- the write's result there. A second post of the same render — a double click, a resent form —
-- waits on the first (the primary key), then finds it and gets the first result back instead of a
-- second cover request, training or booking. A claim whose transaction rolls back (a refused
-- write) leaves nothing, so the corrected form can be sent with the same key.
--
-- The table lives in `private` (never exposed by the API); only the two definer functions below
-- touch it, and only for the signed-in caller's own keys.
create table private.form_submissions (
  key uuid not null,
  form text not null check (form ~ '^[a-z0-9._-]{1,60}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  -- What the first post's transaction returned (an id, or a small object), replayed to a repeat.
  result jsonb,
  created_at timestamptz not null default now(),
  primary key (key, form)
);
comment on table private.form_submissions is
  'Keys of form posts already written (idempotency); rows older than a day are deleted by the periodic job.';
create index form_submissions_created_at_idx on private.form_submissions (created_at);
create index form_submissions_user_id_idx on private.form_submissions (user_id);
alter table private.form_submissions enable row level security;
revoke all on private.form_submissions from public, anon, authenticated;

-- Claims (key, form) for the caller. NULL: claimed now, go ahead and write. Otherwise the post was
-- written before (by a transaction that committed): {"result": <what it returned>}. A key that
-- belongs to another person is refused (TK_FORM_KEY_INVALID), never replayed to them.
create function public.claim_form_submission(p_key uuid, p_form text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_user uuid := (select auth.uid());
  v_row private.form_submissions;
begin
  if v_user is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  if p_key is null or p_form is null or p_form !~ '^[a-z0-9._-]{1,60}$' then
    raise exception 'TK_FORM_KEY_INVALID' using errcode = 'P0001';
  end if;
  -- A concurrent claim of the same key waits here until the first transaction ends.
  insert into private.form_submissions (key, form, user_id) values (p_key, p_form, v_user)
  on conflict (key, form) do nothing;
  if found then
    return null;
  end if;
  select * into v_row from private.form_submissions s where s.key = p_key and s.form = p_form;
  if v_row.user_id is distinct from v_user then
    raise exception 'TK_FORM_KEY_INVALID' using errcode = 'P0001';
  end if;
  return jsonb_build_object('result', v_row.result);
end;
$$;

-- Stores what the claiming transaction wrote, for the repeats.
create function public.complete_form_submission(p_key uuid, p_form text, p_result jsonb)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  update private.form_submissions s set result = p_result
  where s.key = p_key and s.form = p_form and s.user_id = (select auth.uid());
end;
$$;

-- The periodic job (service_role) forgets keys after a day: a repeat comes within seconds.
create function public.forget_old_form_submissions()
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_count integer;
begin
  delete from private.form_submissions where created_at < now() - interval '1 day';
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

revoke all on function public.claim_form_submission(uuid, text) from public, anon;
revoke all on function public.complete_form_submission(uuid, text, jsonb) from public, anon;
revoke all on function public.forget_old_form_submissions() from public, anon, authenticated;
grant execute on function public.claim_form_submission(uuid, text) to authenticated;
grant execute on function public.complete_form_submission(uuid, text, jsonb) to authenticated;
grant execute on function public.forget_old_form_submissions() to service_role;
