// The Vertretungsbörse's history for the bench: 50,000 cover requests and 150,000 offers by the
// 200 Träger of the shared circle seed (seed-circle.ts), written set-based in SQL as the owner
// (a few seconds on the server). Deterministic in shape (setseed), consistent with the schema's
// rules and with what the functions of 20261126100100_add_cover_functions.sql would have left:
//   - status spread over a long history: 2 % draft, 8 % open, 20 % filled, 42 % completed,
//     16 % expired, 12 % cancelled; Notfall 20 %, dringend 35 %, planbar 45 %; Hilfeart and
//     Gemeinde from what the requesting Träger serves; 10 % addressed to two Träger first (their
//     cover_request_recipients rows), open ones widening a day after publishing;
//   - open requests published in the last 30 days with a period that has not ended; all others
//     started 90 to 1,090 days ago and their period is over;
//   - offers from other Träger of the request's circle, never two open ones of a Träger on one
//     request; filled and completed requests have one or two accepted offers that add up to the
//     hours asked (covered_hours = sum of accepted hours, for every request); open, expired and
//     cancelled ones sometimes one accepted offer for half the hours; the rest offered (open
//     requests only), withdrawn or declined with the message the functions write;
//   - a ledger row per accepted offer with its hours per month (completed: actual = planned).
// The requesting Träger's own details (case reference, author, cancel reason) go to
// cover_request_internals. Not written: cover_contacts, handover notes, notifications, audit rows
// (no page of the bench reads them).
import type { Database } from "../../app/.server/db/connection";
import { bulkLoad, seedSession } from "./bulk-load";
import { screenOnce } from "./screen-once";

export const COVER_REQUESTS = 50_000;
export const COVER_OFFERS = 150_000;
export const BENCH_CIRCLES = ["bench-kreis-niederrhein", "bench-kreis-ruhr"];

export type CoverSeedCounts = {
  requests: number;
  offers: number;
  openRequests: number;
  acceptedOffers: number;
  ledgerRows: number;
  ledgerMonths: number;
  recipients: number;
};

const circles = BENCH_CIRCLES.map((slug) => `'${slug}'`).join(", ");

/** A step: its name, its SQL, and the tables it bulk-loads (bulk-load.ts). */
type Step = [string, string, string[]?];

function steps(requests: number, offers: number): Step[] {
  return [
    ["seed", `select setseed(0.2026)`],
    [
      "circle Träger",
      `create temp table bc_circle_orgs as
       select nm.network_id, nm.org_id,
         (row_number() over (partition by nm.network_id order by o.slug))::int - 1 as pos,
         (count(*) over (partition by nm.network_id))::int as n
       from public.network_members nm
       join public.networks n on n.id = nm.network_id
       join public.organizations o on o.id = nm.org_id
       where n.slug in (${circles}) and nm.status = 'active';
       create index on bc_circle_orgs (network_id, pos);
       create index on bc_circle_orgs (org_id);
       create temp table bc_orgs as
       select o.id as org_id, (row_number() over (order by o.slug))::int - 1 as idx, o.gemeinden, o.hilfearten,
         (select array_agg(c.network_id order by c.network_id) from bc_circle_orgs c where c.org_id = o.id) as networks,
         (select m.user_id from public.org_members m
          where m.org_id = o.id and m.role in ('owner', 'admin', 'coordinator')
          order by (m.role = 'coordinator') desc, m.user_id limit 1) as coordinator
       from public.organizations o
       where o.id in (select c.org_id from bc_circle_orgs c);
       create index on bc_orgs (idx);
       create index on bc_orgs (org_id)`,
    ],
    [
      "requests (plan)",
      `create temp table bc_req as
       with raw as (
         select i, random() as r_org, random() as r_net, random() as r_status, random() as r_urg, random() as r_h,
           random() as r_g, random() as r_age, random() as r_len, random() as r_hours, random() as r_kind,
           random() as r_addr, random() as r_x, random() as r_acc, random() as r_off
         from generate_series(0, ${requests - 1}) i),
       picked as (
         select raw.*, o.org_id, o.coordinator,
           o.networks[1 + floor(raw.r_net * cardinality(o.networks))::int] as network_id,
           o.hilfearten[1 + floor(raw.r_h * cardinality(o.hilfearten))::int] as hilfeart,
           o.gemeinden[1 + floor(raw.r_g * cardinality(o.gemeinden))::int] as gemeinde,
           case when raw.r_status < 0.02 then 'draft' when raw.r_status < 0.10 then 'open'
                when raw.r_status < 0.30 then 'filled' when raw.r_status < 0.72 then 'completed'
                when raw.r_status < 0.88 then 'expired' else 'cancelled' end as status,
           case when raw.r_urg < 0.20 then 'notfall' when raw.r_urg < 0.55 then 'dringend' else 'planbar' end as urgency,
           (array[4, 6, 8, 10, 12, 15, 20, 25, 30, 39])[1 + floor(raw.r_hours * 10)::int]::numeric as hours
         from raw join bc_orgs o on o.idx = floor(raw.r_org * (select count(*) from bc_orgs))::int),
       timed as (
         select p.*,
           case p.status when 'draft' then now() - p.r_age * interval '10 days'
                         when 'open' then now() - p.r_age * interval '30 days'
                         else now() - interval '90 days' - p.r_age * interval '1000 days' end as created_at,
           case when p.status = 'draft' then 0 when p.status in ('filled', 'completed') then (case when p.r_acc < 0.35 then 2 else 1 end)
                when p.status in ('open', 'expired') then (case when p.r_acc < 0.30 then 1 else 0 end)
                else (case when p.r_acc < 0.20 then 1 else 0 end) end as acc_n
         from picked p)
       select gen_random_uuid() as id, t.*,
         case when t.status = 'draft' then null else t.created_at + interval '30 minutes' end as published_at,
         case when t.status = 'draft' then current_date + floor(t.r_x * 30)::int
              else t.created_at::date + floor(t.r_x * 10)::int end as period_from,
         case when t.status in ('filled', 'completed') then t.hours
              when t.acc_n = 1 then floor(t.hours / 2) else 0 end as covered,
         case when t.acc_n = 2 or t.status not in ('filled', 'completed') then floor(t.hours / 2) else t.hours end as first_hours,
         t.hours - floor(t.hours / 2) as second_hours
       from timed t;
       alter table bc_req add column period_to date;
       update bc_req set period_to = case
         when status = 'open' then greatest(period_from + 7 * (1 + floor(r_len * 8))::int - 1, current_date + 3 + floor(r_x * 10)::int)
         else period_from + 7 * (1 + floor(r_len * 8))::int - 1 end;
       create index on bc_req (id)`,
    ],
    [
      // The internals rows, which a row trigger writes one by one with each request, are written
      // by the next step in one statement (at --scale 100 the trigger's 5 million single-row
      // inserts, each looking up its request again, took most of the cover seed).
      "requests",
      `alter table public.cover_requests disable trigger cover_requests_sync_internals;
       insert into public.cover_requests (id, network_id, org_id, status, urgency, hilfeart, gemeinde, sozialraum,
         period_from, period_to, hours_per_week, kind, qualification, languages, needs_driving_licence, needs_car,
         gender_requirement, gender_reason, description, no_sozialdaten_confirmed, addressing, widen_at, widened_at,
         covered_hours, cancelled_at, published_at, filled_at, closed_at, created_at, updated_at)
       select r.id, r.network_id, r.org_id, r.status, r.urgency, r.hilfeart, r.gemeinde,
         case when r.i % 7 = 0 then (array['Innenstadt', 'Nord', 'Süd', 'Hochfeld', 'Altstadt'])[1 + r.i % 5] end,
         r.period_from, r.period_to, r.hours,
         case when r.r_kind < 0.5 then 'vertretung' when r.r_kind < 0.7 then 'krisenintervention'
              when r.r_kind < 0.85 then 'umgangsbegleitung' else 'uebernahme' end,
         (array['', 'Staatlich anerkannte Sozialpädagogin/Sozialpädagoge', 'Erfahrung in der SPFH',
                'Insoweit erfahrene Fachkraft (§ 8a)', ''])[1 + r.i % 5],
         case r.i % 10 when 0 then array['Türkisch'] when 1 then array['Arabisch'] when 2 then array['Russisch', 'Polnisch']
                       else '{}'::text[] end,
         r.i % 5 < 2, r.i % 4 = 0,
         case when r.i % 40 = 0 then 'weiblich' end,
         case when r.i % 40 = 0 then 'Begleitung eines Mädchens in einer Mädchenwohngruppe.' end,
         (array['Ausfall der fallführenden Fachkraft, zwei Hausbesuche pro Woche, Termine vormittags.',
                'Krankheitsvertretung in einer laufenden Familienhilfe, Schwerpunkt Alltagsstruktur und Schule.',
                'Begleiteter Umgang am Wochenende, je zwei Stunden, Räume beim Träger vorhanden.',
                'Krisenintervention nach Eskalation in der Wohngruppe, Unterstützung im Spätdienst.',
                'Übernahme einer Erziehungsbeistandschaft für drei Monate wegen Elternzeit.',
                'Vertretung in der Tagesgruppe, Hausaufgabenbetreuung und Gruppenangebote.'])[1 + r.i % 6],
         r.status <> 'draft' or r.i % 2 = 0,
         case when r.status <> 'draft' and r.r_addr < 0.10 then 'addressed' else 'circle' end,
         case when r.status <> 'draft' and r.r_addr < 0.10 then r.published_at + interval '1 day' end,
         case when r.status <> 'draft' and r.r_addr < 0.10 and r.published_at + interval '1 day' <= now()
              then r.published_at + interval '1 day' end,
         r.covered,
         case when r.status = 'cancelled' then r.published_at + interval '2 days' end,
         r.published_at,
         case when r.status in ('filled', 'completed') then r.published_at + (1 + r.r_x * 47) * interval '1 hour' end,
         case r.status when 'completed' then r.period_to + interval '7 days'
                       when 'expired' then r.period_to + interval '1 day'
                       when 'cancelled' then r.published_at + interval '2 days' end,
         r.created_at, r.created_at
       from bc_req r order by r.i;
       alter table public.cover_requests enable trigger cover_requests_sync_internals`,
      ["cover_requests"],
    ],
    [
      // The requesting Träger's own details, one row per request as the trigger
      // (private.sync_cover_request_internals) writes it, with what the Träger then adds: who
      // posted and confirmed, the pseudonymous case reference (two thirds of the requests), why
      // cancelled. Its own checks (prepare_cover_request_internals) run for each row.
      "request internals",
      `insert into public.cover_request_internals (request_id, org_id, created_by, no_sozialdaten_confirmed_by,
         case_reference, cancel_reason, cancelled_by)
       select r.id, r.org_id, r.coordinator,
         case when r.status <> 'draft' or r.i % 2 = 0 then r.coordinator end,
         case when r.i % 3 <> 0 then
           (array['F', 'FH', 'EB', 'SPFH', 'HZE'])[1 + r.i % 5] || '-' || (2023 + r.i % 4) || '-' || lpad((1 + r.i % 999)::text, 3, '0') end,
         case when r.status = 'cancelled' then 'Die Hilfe wurde vom Jugendamt beendet.' end,
         case when r.status = 'cancelled' then r.coordinator end
       from bc_req r order by r.id`,
      ["cover_request_internals"],
    ],
    [
      "addressees",
      `create temp table bc_pub as
       select r.id, r.i, r.org_id, r.network_id, r.status, r.hours, r.covered, r.first_hours, r.second_hours, r.acc_n,
         r.period_from, r.period_to, r.published_at, r.coordinator, r.r_addr, r.r_off,
         (row_number() over (order by r.i))::int - 1 as pidx, c.pos as req_pos, c.n as circle_n
       from bc_req r join bc_circle_orgs c on c.network_id = r.network_id and c.org_id = r.org_id
       where r.status <> 'draft';
       create index on bc_pub (pidx);
       create index on bc_pub (id);
       insert into public.cover_request_recipients (request_id, org_id, request_org_id)
       select p.id, c.org_id, p.org_id
       from bc_pub p
       cross join generate_series(1, 2) g
       cross join lateral (select ((floor(p.r_off * (p.circle_n - 1))::int - g) % (p.circle_n - 1) + (p.circle_n - 1)) % (p.circle_n - 1) as j) x
       join bc_circle_orgs c on c.network_id = p.network_id and c.pos = x.j + (x.j >= p.req_pos)::int
       where p.r_addr < 0.10`,
      ["cover_request_recipients"],
    ],
    [
      "offers (plan)",
      `create temp table bc_offer as
       with slots as (
         select p.id as request_id, g - 1 as k, true as accepted
         from bc_pub p, generate_series(1, p.acc_n) g
         union all
         select p.id, p.acc_n + (row_number() over (partition by p.id order by s.slot))::int - 1, false
         from (select slot, floor(random() * (select count(*) from bc_pub))::int as pidx
               from generate_series(1, ${offers} - (select coalesce(sum(acc_n), 0) from bc_pub)::int) slot) s
         join bc_pub p on p.pidx = s.pidx),
       placed as (
         select s.*, p.org_id as request_org_id, p.network_id, p.status as request_status, p.hours, p.covered,
           p.first_hours, p.second_hours, p.period_from, p.period_to, p.published_at, p.coordinator as requester,
           p.req_pos, p.circle_n, (floor(p.r_off * (p.circle_n - 1))::int + s.k) % (p.circle_n - 1) as j,
           random() as r_status, random() as r_hours
         from slots s join bc_pub p on p.id = s.request_id)
       select gen_random_uuid() as id, x.*, c.org_id, o.coordinator as offerer,
         case when x.accepted then 'accepted'
              when x.request_status = 'open' then
                (case when x.r_status < 0.80 then 'offered' when x.r_status < 0.95 then 'withdrawn' else 'declined' end)
              else (case when x.r_status < 0.85 then 'declined' else 'withdrawn' end) end as status,
         (case when x.accepted then (case when x.k = 0 then x.first_hours else x.second_hours end)
               when x.request_status = 'open' then greatest(1, least(x.hours - x.covered, round((x.hours * (0.4 + 0.6 * x.r_hours))::numeric)))
               else greatest(1, least(x.hours, round((x.hours * (0.4 + 0.6 * x.r_hours))::numeric))) end)::numeric(5, 2) as offered_hours,
         least(now(), x.published_at + (x.k + 1) * interval '47 minutes') as created_at
       from placed x
       join bc_circle_orgs c on c.network_id = x.network_id and c.pos = x.j + (x.j >= x.req_pos)::int
       join bc_orgs o on o.org_id = c.org_id`,
    ],
    [
      "offers",
      `insert into public.cover_offers (id, request_id, request_org_id, org_id, created_by, status, hours_per_week,
         accepted_hours, available_from, qualification, languages, message, decline_message, decided_by, decided_at,
         withdrawn_at, created_at, updated_at)
       select o.id, o.request_id, o.request_org_id, o.org_id, o.offerer, o.status, o.offered_hours,
         case when o.status = 'accepted' then o.offered_hours end,
         least(o.period_from + o.k % 3, o.period_to),
         (array['', 'Sozialpädagogin (B.A.), 6 Jahre SPFH', 'Erzieher mit Zusatzqualifikation Traumapädagogik', ''])[1 + o.k % 4],
         case when o.k % 9 = 0 then array['Türkisch'] else '{}'::text[] end,
         (array['', 'Wir können kurzfristig übernehmen.', 'Eine Kollegin hat ab sofort Kapazität.'])[1 + o.k % 3],
         case when o.status = 'declined' then
           case o.request_status when 'open' then 'Wir haben inzwischen eine andere Lösung gefunden.'
                                 when 'expired' then 'Der Zeitraum der Anfrage ist abgelaufen.'
                                 when 'cancelled' then 'Die Anfrage wurde abgesagt: Die Hilfe wurde vom Jugendamt beendet.'
                                 else 'Die Anfrage ist inzwischen vollständig besetzt.' end end,
         case when o.status in ('accepted', 'declined') then o.requester end,
         case when o.status in ('accepted', 'declined') then least(now(), o.created_at + interval '2 hours') end,
         case when o.status = 'withdrawn' then least(now(), o.created_at + interval '1 hour') end,
         o.created_at, o.created_at
       from bc_offer o order by o.request_id, o.k`,
      ["cover_offers"],
    ],
    [
      "ledger",
      `create temp table bc_ledger as
       select o.id as offer_id, o.request_id, o.network_id, o.org_id as giver, o.request_org_id as taker,
         o.offered_hours as take, greatest(o.period_from, least(o.period_from + o.k % 3, o.period_to)) as from_date,
         o.period_to, o.request_status = 'completed' as completed, o.requester,
         case when o.request_status = 'completed' then now() - interval '1 day' end as completed_at
       from bc_offer o where o.status = 'accepted';
       create temp table bc_months as
       select l.offer_id, m.month, l.giver, l.taker, l.completed,
         round(l.take * ((least(l.period_to, (m.month + interval '1 month' - interval '1 day')::date)
                          - greatest(l.from_date, m.month) + 1)::numeric / 7), 2) as planned
       from bc_ledger l,
         lateral (select g::date as month
                  from generate_series(date_trunc('month', l.from_date::timestamp), date_trunc('month', l.period_to::timestamp),
                                       interval '1 month') g) m;
       insert into public.cover_ledger (offer_id, request_id, network_id, giver_org_id, taker_org_id, hours_per_week,
         period_from, period_to, planned_hours, actual_hours, completed_at, completed_by)
       select l.offer_id, l.request_id, l.network_id, l.giver, l.taker, l.take, l.from_date, l.period_to, s.planned,
         case when l.completed then s.planned end, l.completed_at, case when l.completed then l.requester end
       from bc_ledger l join (select offer_id, sum(planned) as planned from bc_months group by offer_id) s using (offer_id);
       insert into public.cover_ledger_months (offer_id, month, giver_org_id, taker_org_id, planned_hours, actual_hours)
       select m.offer_id, m.month, m.giver, m.taker, m.planned, case when m.completed then m.planned end from bc_months m`,
      ["cover_ledger", "cover_ledger_months"],
    ],
  ];
}

/** Writes the requests and offers (one connection, temporary tables) and checks the counters. */
export async function seedCoverBoard(
  database: Database,
  options: { scale?: number; log?: (message: string) => void } = {},
): Promise<CoverSeedCounts> {
  return screenOnce(database, ["cover_requests", "cover_request_internals", "cover_offers"], () => writeCoverBoard(database, options));
}

async function writeCoverBoard(
  database: Database,
  options: { scale?: number; log?: (message: string) => void },
): Promise<CoverSeedCounts> {
  const scale = options.scale ?? 1;
  const requests = Math.max(100, Math.round(COVER_REQUESTS * scale));
  const offers = Math.max(300, Math.round(COVER_OFFERS * scale));
  return database.withScriptRunner((runner) =>
    seedSession(runner, async () => {
    for (const [name, script, tables] of steps(requests, offers)) {
      const t0 = Date.now();
      await bulkLoad(runner, tables ?? [], () => runner.exec(script));
      options.log?.(`[bench]   cover seed: ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
    const [counts] = await runner.query<Record<keyof CoverSeedCounts, number>>(`
      select (select count(*)::int from bc_req) as requests,
             (select count(*)::int from bc_offer) as offers,
             (select count(*)::int from bc_req where status = 'open') as "openRequests",
             (select count(*)::int from bc_offer where status = 'accepted') as "acceptedOffers",
             (select count(*)::int from bc_ledger) as "ledgerRows",
             (select count(*)::int from bc_months) as "ledgerMonths",
             (select count(*)::int from public.cover_request_recipients x where x.request_id in (select id from bc_req)) as recipients`);
    // The counters the functions keep, over every request of the bench circles.
    const [check] = await runner.query<{ covered: number; filled: number; open: number; offered: number; ledger: number }>(`
      with req as (
        select r.* from public.cover_requests r
        where r.network_id in (select n.id from public.networks n where n.slug in (${circles})))
      select
        (select count(*)::int from req r where r.covered_hours <> coalesce((select sum(o.accepted_hours) from public.cover_offers o
           where o.request_id = r.id and o.status = 'accepted'), 0)) as covered,
        (select count(*)::int from req r where r.status in ('filled', 'completed') and r.covered_hours <> r.hours_per_week) as filled,
        (select count(*)::int from req r where r.status = 'open' and r.covered_hours >= r.hours_per_week) as open,
        (select count(*)::int from public.cover_offers o join req r on r.id = o.request_id
           where o.status = 'offered' and r.status <> 'open') as offered,
        (select count(*)::int from public.cover_ledger l
           where l.request_id in (select id from req)
             and l.planned_hours <> (select sum(m.planned_hours) from public.cover_ledger_months m where m.offer_id = l.offer_id)) as ledger`);
    const broken = Object.entries(check!).filter(([, n]) => n !== 0);
    if (broken.length > 0) throw new Error(`cover seed is inconsistent: ${broken.map(([k, n]) => `${k}: ${n}`).join(", ")}`);
    await runner.exec(`drop table bc_months, bc_ledger, bc_offer, bc_pub, bc_req, bc_orgs, bc_circle_orgs; analyze`);
    return counts!;
  }));
}
