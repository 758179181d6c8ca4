-- The API roles never use a sequence directly: identity columns draw their values without a
-- sequence privilege, and every other nextval runs inside a definer function. On Supabase they get
-- USAGE/SELECT/UPDATE on every sequence in public from the project's default privileges (UPDATE
-- means setval: anyone signed in could move audit_log's ids). Taken back here, for the sequences
-- there are and, as the default for this role, for those later migrations create.
revoke all on all sequences in schema public from anon, authenticated;
revoke all on all sequences in schema private from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema private revoke all on sequences from anon, authenticated;
