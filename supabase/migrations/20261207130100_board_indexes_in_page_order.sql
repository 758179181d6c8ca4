-- The board's indexes in the page's full order (issue 14, flat with data). "Offen im Kreis" is
-- ordered by urgency_rank, published_at desc, id; the indexes ended before id, so Postgres read
-- every open request of the circle (3,544 in the bench), joined them and sorted, and the page got
-- slower with every request in the circle. With id as the last key the index yields the page's
-- order itself and the scan stops after the page (21 rows). Same names, same predicates.
drop index if exists public.cover_requests_board_idx;
create index cover_requests_board_idx on public.cover_requests (network_id, urgency_rank, published_at desc, id)
  where status = 'open';
drop index if exists public.cover_requests_board_gemeinde_idx;
create index cover_requests_board_gemeinde_idx
  on public.cover_requests (network_id, gemeinde, urgency_rank, published_at desc, id) where status = 'open';
drop index if exists public.cover_requests_board_hilfeart_idx;
create index cover_requests_board_hilfeart_idx
  on public.cover_requests (network_id, hilfeart, urgency_rank, published_at desc, id) where status = 'open';
