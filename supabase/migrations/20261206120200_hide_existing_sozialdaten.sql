-- Texts published before the hard Sozialdaten guard: run the strict screen over them once and
-- hide what fails (the owning Träger's coordinators are notified and revise it at
-- /sozialdaten/<hide id>). A Leitbild cannot be hidden without hiding the Träger: its owners are
-- told to revise it (owners, admins, coordinators), and the finding is in the audit log. Returns
-- how many texts fail (hidden now or before). The function stays for a later re-run
-- (e.g. after the patterns grow): `select private.screen_existing_sozialdaten();`.
create or replace function private.screen_existing_sozialdaten() returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  hidden int := 0;
  row record;
  kinds text[];
  person uuid;
begin
  for row in
    select r.id, private.sozialdaten_hard_kinds(r.description)
             || private.sozialdaten_hard_kinds(coalesce(r.gender_reason, ''))
             || private.sozialdaten_hard_kinds(coalesce(i.cancel_reason, '')) as kinds
    from public.cover_requests r left join public.cover_request_internals i on i.request_id = r.id
    where r.status <> 'draft'
  loop
    if cardinality(row.kinds) > 0 then
      perform private.hide_sozialdaten('cover_request', row.id, 'screen', null, row.kinds, null);
      hidden := hidden + 1;
    end if;
  end loop;
  for row in select o.id, private.sozialdaten_hard_kinds(o.message) as kinds from public.cover_offers o loop
    if cardinality(row.kinds) > 0 then
      perform private.hide_sozialdaten('cover_offer', row.id, 'screen', null, row.kinds, null);
      hidden := hidden + 1;
    end if;
  end loop;
  for row in
    select t.id, private.sozialdaten_hard_kinds(t.description)
             || private.sozialdaten_hard_kinds(coalesce(t.cancel_reason, '')) as kinds
    from public.trainings t where t.status <> 'draft'
  loop
    if cardinality(row.kinds) > 0 then
      perform private.hide_sozialdaten('training', row.id, 'screen', null, row.kinds, null);
      hidden := hidden + 1;
    end if;
  end loop;
  for row in select o.id, o.name, private.sozialdaten_hard_kinds(o.leitbild) as kinds from public.organizations o loop
    if cardinality(row.kinds) > 0 then
      perform private.audit('sozialdaten.found_in_leitbild', row.id, null, 'organization', row.id::text,
        jsonb_build_object('kinds', to_jsonb(row.kinds)));
      for person in select m.user_id from public.org_members m where m.org_id = row.id and m.role in ('owner', 'admin', 'coordinator') loop
        perform private.notify(person, 'sozialdaten.leitbild', jsonb_build_object('kinds', to_jsonb(row.kinds)), null);
      end loop;
    end if;
  end loop;
  return hidden;
end
$$;
grant execute on function private.screen_existing_sozialdaten() to service_role;

select private.screen_existing_sozialdaten();
