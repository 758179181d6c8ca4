-- Indexes for the foreign keys of the form keys and the Kooperationstreffen tables that no
-- index covered yet (00_schema.sql asserts that every foreign key has one): deleting an account
-- or a meeting then finds the referencing rows without a scan, and policies that join on these
-- columns can use them.
create index if not exists form_submissions_user_id_idx on private.form_submissions (user_id);
create index if not exists meetings_created_by_idx on public.meetings (created_by);
create index if not exists meetings_protokollant_id_idx on public.meetings (protokollant_id);
create index if not exists date_polls_created_by_idx on public.date_polls (created_by);
create index if not exists meeting_guests_invited_by_idx on public.meeting_guests (invited_by);
create index if not exists minutes_approved_by_idx on public.minutes (approved_by);
create index if not exists agenda_items_proposed_by_idx on public.agenda_items (proposed_by);
create index if not exists minutes_versions_created_by_idx on public.minutes_versions (created_by);
