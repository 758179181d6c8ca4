-- 20261207130200 (policies read membership arrays) rewrote the select policy of cover_requests
-- from the one before 20261207120100 and so dropped step 2 of three-step escalation: partner
-- Träger could not read a request once partners_at had passed until the timer added them
-- (supabase/tests/notfall_phone.sql, "step 2: the partner sees it once partners_at has passed").
-- The same policy in the array style, with the partner clause back.
alter policy "own Träger reads its requests, circle/addressees once published" on public.cover_requests
  using (
    org_id = any ((select private.user_org_id_array())::uuid[])
    or (status <> 'draft' and network_id = any ((select private.user_network_id_array())::uuid[])
        and (addressing = 'circle' or widen_at <= now()))
    or (status <> 'draft' and id in (select private.addressed_cover_request_ids()))
    -- step 2: partner Träger once partners_at has passed
    or (status <> 'draft' and partners_at <= now() and id in (select private.partner_cover_request_ids()))
  );
