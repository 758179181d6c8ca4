-- "Koordination benachrichtigen": a plain member who needs cover cannot post a request (only
-- owners, admins and coordinators can); instead they tell their Träger's coordinators, who get a
-- notification linking to the request form. At most once per person and Träger in 10 minutes
-- (the audit log is the record), so a double tap never sends twice.
create or replace function public.ask_coordination_for_cover(org uuid, note text default null) returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  my_name text;
  person uuid;
  told int := 0;
begin
  if me is null or not exists (select 1 from public.org_members m where m.org_id = org and m.user_id = me) then
    raise exception 'TK_NOT_FOUND' using errcode = 'P0001';
  end if;
  if length(coalesce(note, '')) > 500 then
    raise exception 'TK_COVER_MESSAGE_TOO_LONG' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.audit_log a
             where a.action = 'cover.posting_requested' and a.org_id = org and a.actor_id = me
               and a.created_at > now() - interval '10 minutes') then
    raise exception 'TK_COVER_ASK_TOO_SOON' using errcode = 'P0001';
  end if;
  select coalesce(p.full_name, p.email) into my_name from public.profiles p where p.user_id = me;
  for person in
    select m.user_id from public.org_members m
    where m.org_id = org and m.role in ('owner', 'admin', 'coordinator') and m.user_id <> me
  loop
    perform private.notify(person, 'cover.posting_requested',
      jsonb_build_object('memberName', my_name, 'note', nullif(btrim(note), '')),
      '/vertretungen/neu');
    told := told + 1;
  end loop;
  perform private.audit('cover.posting_requested', org, null, 'organization', org::text,
    jsonb_build_object('notified', told));
  return told;
end
$$;
grant execute on function public.ask_coordination_for_cover(uuid, text) to authenticated;
