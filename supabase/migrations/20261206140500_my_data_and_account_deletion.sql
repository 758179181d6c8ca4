-- My data (DSGVO Art. 15, 17, 20): a person downloads everything stored about them and
-- deletes their account. Both are security-definer functions acting only on the caller.
-- What deletion leaves is prepared where the tables are created: audit_log.actor_id is no foreign
-- key (the id stays as a pseudonym), and a training registration keeps its seat as
-- "ehemaliges Mitglied" (training_registrations_person_or_clients).

-- Everything stored about the caller, as one JSON document (Art. 15 and 20).
create or replace function public.my_data_export() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  mail text;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select u.email::text into mail from auth.users u where u.id = uid;
  return jsonb_build_object(
    'exportedAt', now(),
    'account', (select jsonb_build_object('id', u.id, 'email', u.email, 'createdAt', u.created_at,
                  'emailConfirmedAt', u.email_confirmed_at, 'lastSignInAt', u.last_sign_in_at)
                from auth.users u where u.id = uid),
    'profile', (select jsonb_build_object('fullName', p.full_name, 'email', p.email, 'phone', p.phone,
                  'qualifications', p.qualifications, 'languages', p.languages, 'createdAt', p.created_at,
                  'updatedAt', p.updated_at)
                from public.profiles p where p.user_id = uid),
    'sessions', coalesce((select jsonb_agg(jsonb_build_object('createdAt', s.created_at, 'validUntil', s.not_after,
                  'browser', s.user_agent, 'ip', s.ip) order by s.created_at)
                from auth.sessions s where s.user_id = uid), '[]'::jsonb),
    'signInAttempts', coalesce((select jsonb_agg(jsonb_build_object('at', a.created_at, 'ip', a.ip,
                  'succeeded', a.succeeded) order by a.created_at)
                from auth.sign_in_attempts a where lower(a.email) = lower(mail)), '[]'::jsonb),
    'memberships', coalesce((select jsonb_agg(jsonb_build_object('traeger', o.name, 'role', m.role,
                  'contactPerson', m.is_contact_person, 'contactTitle', m.contact_title, 'since', m.created_at)
                  order by o.name)
                from public.org_members m join public.organizations o on o.id = m.org_id where m.user_id = uid), '[]'::jsonb),
    'trainingRegistrations', coalesce((select jsonb_agg(jsonb_build_object('training', t.title, 'startsAt', t.starts_at,
                  'traeger', o.name, 'status', r.status, 'seats', r.seats, 'registeredAt', r.registered_at,
                  'closedReason', r.closed_reason) order by r.registered_at)
                from public.training_registrations r join public.trainings t on t.id = r.training_id
                join public.organizations o on o.id = r.org_id where r.user_id = uid), '[]'::jsonb),
    'coverRequestsCreated', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'hilfeart', c.hilfeart,
                  'gemeinde', c.gemeinde, 'status', c.status, 'createdAt', c.created_at) order by c.created_at)
                from public.cover_requests c join public.cover_request_internals i on i.request_id = c.id
                where i.created_by = uid), '[]'::jsonb),
    'coverOffersCreated', coalesce((select jsonb_agg(jsonb_build_object('id', f.id, 'requestId', f.request_id,
                  'status', f.status, 'hoursPerWeek', f.hours_per_week, 'createdAt', f.created_at) order by f.created_at)
                from public.cover_offers f where f.created_by = uid), '[]'::jsonb),
    'coverContactPerson', coalesce((select jsonb_agg(jsonb_build_object('requestId', c.request_id, 'side', c.side,
                  'since', c.updated_at)) from public.cover_contacts c where c.user_id = uid), '[]'::jsonb),
    'coverAlertPreferences', (select to_jsonb(a) - 'user_id' from public.cover_alert_preferences a where a.user_id = uid),
    'notifications', coalesce((select jsonb_agg(jsonb_build_object('at', n.created_at, 'kind', n.kind,
                  'data', n.data, 'link', n.link, 'readAt', n.read_at) order by n.created_at)
                from public.notifications n where n.user_id = uid), '[]'::jsonb),
    'invitationsToMe', coalesce((select jsonb_agg(jsonb_build_object('traeger', o.name, 'role', i.role,
                  'createdAt', i.created_at, 'acceptedAt', i.accepted_at) order by i.created_at)
                from public.invitations i join public.organizations o on o.id = i.org_id
                where lower(i.email) = lower(mail)), '[]'::jsonb),
    'joinRequests', coalesce((select jsonb_agg(jsonb_build_object('circle', nw.name, 'traeger', j.org_name,
                  'contactName', j.contact_name, 'phone', j.phone, 'message', j.message, 'status', j.status,
                  'createdAt', j.created_at) order by j.created_at)
                from public.join_requests j join public.networks nw on nw.id = j.network_id
                where lower(j.email) = lower(mail)), '[]'::jsonb),
    'auditEntriesAboutMyActions', coalesce((select jsonb_agg(jsonb_build_object('at', a.created_at,
                  'action', a.action, 'traeger', o.name) order by a.created_at)
                from public.audit_log a left join public.organizations o on o.id = a.org_id
                where a.actor_id = uid), '[]'::jsonb)
  );
end
$$;
grant execute on function public.my_data_export() to authenticated;

-- Deleting one's own account (Art. 17). Refused while the person is the last owner of a Träger
-- (hand it over first). Memberships end; registrations others keep say "ehemaliges Mitglied";
-- join requests lose name, address and phone; audit rows keep only the id (no name or address
-- in their details); sessions, tokens, sign-in attempts, notifications, preferences and the
-- profile are deleted with the account.
create or replace function public.delete_my_account() returns void
language plpgsql security definer set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  mail text;
  stuck text;
begin
  if uid is null then
    raise exception 'TK_NOT_SIGNED_IN' using errcode = 'P0001';
  end if;
  select u.email::text into mail from auth.users u where u.id = uid for update;
  select string_agg(o.name, ', ' order by o.name) into stuck
  from public.org_members m join public.organizations o on o.id = m.org_id
  where m.user_id = uid and m.role = 'owner'
    and not exists (select 1 from public.org_members x where x.org_id = m.org_id and x.role = 'owner' and x.user_id <> uid);
  if stuck is not null then
    raise exception 'TK_ACCOUNT_LAST_OWNER' using errcode = 'P0001', detail = stuck;
  end if;

  -- seats: a waiting or held seat is given up (the queue moves up), the history stays anonymous
  perform private.close_training_registration(r.id, 'cancelled', 'cancelled')
  from public.training_registrations r
  join public.trainings t on t.id = r.training_id
  where r.user_id = uid and r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered')
    and t.status = 'published' and t.starts_at > now();
  update public.training_registrations r
  set user_id = null, participant_name = 'ehemaliges Mitglied', seats = 1
  where r.user_id = uid;

  update public.join_requests j
  set contact_name = 'ehemaliges Mitglied', email = 'geloescht', phone = null
  where lower(j.email) = lower(mail);
  delete from auth.sign_in_attempts a where lower(a.email) = lower(mail);

  -- memberships end (the guard writes "member.removed", scrubbed below like every other row)
  delete from public.org_members m where m.user_id = uid;
  update public.audit_log a
  set details = a.details - 'name' - 'email' - 'fullName'
  where (a.target_type = 'user' and a.target_id = uid::text) or lower(a.details->>'email') = lower(mail);
  perform private.audit('account.deleted', null, null, 'user', uid::text, '{}'::jsonb);
  delete from auth.users u where u.id = uid;
end
$$;
grant execute on function public.delete_my_account() to authenticated;
