-- The circle's own Protokoll: changes to a circle's public details are written to the
-- audit log as network entries, which the circle's coordinators read. A trigger, so every way of
-- changing the row (the settings page, a later function) is recorded; only changed fields are
-- named, and the texts themselves are not copied into the log. The maximum age of the
-- erweitertes Führungszeugnis (networks.fuehrungszeugnis_max_years, 1–5) is a number, no text of
-- anyone's: its new value is recorded with it.
create or replace function private.audit_network_settings() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  changed text[] := '{}';
  meta jsonb;
begin
  if new.region is distinct from old.region then changed := array_append(changed, 'region'); end if;
  if new.description is distinct from old.description then changed := array_append(changed, 'description'); end if;
  if new.contact_email is distinct from old.contact_email then changed := array_append(changed, 'contact_email'); end if;
  if new.contact_phone is distinct from old.contact_phone then changed := array_append(changed, 'contact_phone'); end if;
  if new.public_page is distinct from old.public_page then changed := array_append(changed, 'public_page'); end if;
  if new.fuehrungszeugnis_max_years is distinct from old.fuehrungszeugnis_max_years then
    changed := array_append(changed, 'fuehrungszeugnis_max_years');
  end if;
  if cardinality(changed) > 0 then
    meta := jsonb_build_object('fields', to_jsonb(changed), 'publicPage', new.public_page);
    if 'fuehrungszeugnis_max_years' = any(changed) then
      meta := meta || jsonb_build_object('fuehrungszeugnisMaxYears', new.fuehrungszeugnis_max_years);
    end if;
    perform private.audit('network.settings_changed', null, new.id, 'network', new.id::text, meta);
  end if;
  return new;
end
$$;
create trigger networks_audit_settings after update on public.networks
  for each row execute function private.audit_network_settings();
