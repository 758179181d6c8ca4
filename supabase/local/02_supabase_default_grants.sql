-- A Supabase project grants the API roles every privilege on new sequences in public by default
-- (`alter default privileges in schema public grant all on sequences to anon, authenticated,
-- service_role`), once, when the project is created. The shim does the same once, on a database
-- that has no migrations yet, so that the migrations are tested against the same defaults
-- (20261125100000_create_reference_data.sql takes them back) and a later start does not
-- grant them again.
do $$
begin
  if to_regclass('supabase_migrations.schema_migrations') is null then
    alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
  end if;
end
$$;
