-- An index on every foreign-key column (Supabase's advisor: unindexed foreign keys). Without one,
-- deleting or re-keying the referenced row (a user account, a Träger, a Gemeinde) scans the whole
-- referencing table under lock. The schema pgTAP test (00_schema.sql) fails on any foreign key
-- in public or private without an index whose leading columns are its columns, so new tables
-- keep this true.
create index if not exists audit_log_actor_id_idx on public.audit_log (actor_id);
create index if not exists cover_ledger_completed_by_idx on public.cover_ledger (completed_by);
create index if not exists cover_ledger_network_id_idx on public.cover_ledger (network_id);
create index if not exists cover_offers_decided_by_idx on public.cover_offers (decided_by);
create index if not exists cover_requests_gemeinde_idx on public.cover_requests (gemeinde);
create index if not exists cover_requests_hilfeart_idx on public.cover_requests (hilfeart);
create index if not exists invitations_accepted_by_idx on public.invitations (accepted_by);
create index if not exists invitations_invited_by_idx on public.invitations (invited_by);
create index if not exists join_requests_decided_by_idx on public.join_requests (decided_by);
create index if not exists join_requests_org_id_idx on public.join_requests (org_id);
create index if not exists training_attendance_recorded_by_idx on public.training_attendance (recorded_by);
create index if not exists training_queue_moves_moved_by_idx on public.training_queue_moves (moved_by);
create index if not exists training_registrations_closed_by_idx on public.training_registrations (closed_by);
create index if not exists training_registrations_org_decided_by_idx on public.training_registrations (org_decided_by);
create index if not exists training_registrations_organizer_decided_by_idx on public.training_registrations (organizer_decided_by);
create index if not exists training_registrations_registered_by_idx on public.training_registrations (registered_by);
create index if not exists trainings_created_by_idx on public.trainings (created_by);
