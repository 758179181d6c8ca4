// Gemeinsame Fortbildungen for the bench: 10,000 trainings and 200,000 registrations in the two
// circles of the shared circle seed (seed-circle.ts), written set-based in SQL as the owner.
// Consistent with what the seat functions of 20261127100100_create_training_registrations.sql
// leave behind (docs/decisions/006-training-seats.md):
//   - trainings from 180 days ago to a year ahead; past ones held (90 %) or cancelled, upcoming
//     ones published (92 %), drafts (5 %) or cancelled; 1–3 sessions (their rows in
//     training_sessions, starts_at/ends_at on the training); capacity mostly 8–30, a few 50/100;
//     15 % online; some with a minimum and go/no-go date, fees, deadlines, approvals, and 20 % with
//     a per-Träger contingent until two weeks before the start;
//   - registrations of people of the training's circle (one per person and training), more for
//     popular trainings; in arrival order the first `capacity` active ones hold a seat
//     (confirmed, or pending approval where approvals are needed; attended / no_show once held),
//     the rest wait at dense positions 1..n in arrival order; 8 % cancelled themselves; all
//     cancelled with a cancelled training; the ones still waiting when a training was held are
//     closed (training_held). People of a training come from different Träger in turn, so no
//     Träger holds more than its contingent;
//   - the counters on each training equal its rows; the arrival sequence continues after the
//     seeded arrival numbers.
// Checked after writing: counters = rows, seats ≤ capacity, positions dense, contingents kept.
import type { Database } from "../../app/.server/db/connection";
import { bulkLoad, seedSession } from "./bulk-load";
import { screenOnce } from "./screen-once";
import { BENCH_CIRCLES } from "./seed-cover";

export const TRAININGS = 10_000;
export const REGISTRATIONS = 200_000;

const circles = BENCH_CIRCLES.map((slug) => `'${slug}'`).join(", ");

export type TrainingSeedCounts = {
  trainings: number;
  upcoming: number;
  registrations: number;
  confirmed: number;
  waitlisted: number;
};

/** A step: its name, its SQL, and the tables it bulk-loads (bulk-load.ts). */
type Step = [string, string, string[]?];

function steps(trainings: number, registrations: number): Step[] {
  return [
    ["seed", `select setseed(0.1127)`],
    [
      "circle people",
      `create temp table bt_circle_orgs as
       select nm.network_id, nm.org_id,
         (row_number() over (partition by nm.network_id order by o.slug))::int - 1 as pos
       from public.network_members nm
       join public.networks n on n.id = nm.network_id
       join public.organizations o on o.id = nm.org_id
       where n.slug in (${circles}) and nm.status = 'active';
       create temp table bt_orgs as
       select o.id as org_id, (row_number() over (order by o.slug))::int - 1 as idx, o.gemeinden,
         (select array_agg(c.network_id order by c.network_id) from bt_circle_orgs c where c.org_id = o.id) as networks,
         (select m.user_id from public.org_members m
          where m.org_id = o.id and m.role in ('owner', 'admin', 'coordinator')
          order by (m.role = 'coordinator') desc, m.user_id limit 1) as coordinator
       from public.organizations o
       where o.id in (select c.org_id from bt_circle_orgs c);
       create index on bt_orgs (idx);
       -- People of a circle in turns of Träger (the first person of every Träger, then the second
       -- of every Träger, …): any run of consecutive positions no longer than the number of Träger
       -- has each Träger at most once.
       create temp table bt_people as
       select x.network_id, x.user_id, x.org_id, x.full_name,
         (row_number() over (partition by x.network_id order by x.rank_in_org, x.org_pos))::int - 1 as pos
       from (select c.network_id, c.org_id, c.pos as org_pos, m.user_id, coalesce(p.full_name, 'Unbekannt') as full_name,
               row_number() over (partition by c.network_id, c.org_id order by m.user_id) as rank_in_org
             from bt_circle_orgs c
             join public.org_members m on m.org_id = c.org_id
             left join public.profiles p on p.user_id = m.user_id) x;
       create index on bt_people (network_id, pos);
       create temp table bt_circles as
       select network_id, count(*)::int as people from bt_people group by network_id`,
    ],
    [
      "trainings (plan)",
      `create temp table bt_tr as
       with raw as (
         select i, random() as r_org, random() as r_net, random() as r_day, random() as r_status, random() as r_topic,
           random() as r_aud, random() as r_online, random() as r_cap, random() as r_min, random() as r_fee,
           random() as r_dead, random() as r_appr, random() as r_cont, random() as r_sess, random() as r_off,
           random() as r_created
         from generate_series(0, ${trainings - 1}) i),
       picked as (
         select raw.*, o.org_id, o.coordinator,
           o.networks[1 + floor(raw.r_net * cardinality(o.networks))::int] as network_id,
           o.gemeinden[1 + raw.i % cardinality(o.gemeinden)] as home,
           current_date + (floor(raw.r_day * 545)::int - 180) as start_day,
           1 + (raw.r_sess < 0.3)::int + (raw.r_sess < 0.1)::int as sessions,
           case when raw.r_cap < 0.03 then 100 when raw.r_cap < 0.06 then 50
                else (array[8, 10, 12, 12, 15, 16, 18, 20, 20, 24, 25, 30])[1 + floor((raw.r_cap - 0.06) / 0.94 * 12)::int] end as capacity,
           (select tt.code from public.training_topics tt order by tt.sort_order
            offset floor(raw.r_topic * (select count(*) from public.training_topics))::int limit 1) as topic
         from raw
         -- Some Träger organise much more than others.
         join bt_orgs o on o.idx = floor(power(raw.r_org, 1.6) * (select count(*) from bt_orgs))::int)
       select gen_random_uuid() as id, p.*,
         (p.start_day + time '09:00') at time zone 'Europe/Berlin' as starts_at,
         (p.start_day + (p.sessions - 1) + time '16:00') at time zone 'Europe/Berlin' as ends_at,
         case when p.start_day < current_date then (case when p.r_status < 0.9 then 'held' else 'cancelled' end)
              when p.r_status < 0.05 then 'draft' when p.r_status < 0.08 then 'cancelled' else 'published' end as status,
         ((p.start_day + time '09:00') at time zone 'Europe/Berlin') - (30 + p.r_created * 90) * interval '1 day' as created_at
       from picked p;
       create index on bt_tr (id)`,
    ],
    [
      "registrations (plan)",
      `create temp table bt_nd as
       select t.id, t.network_id, t.status, t.capacity, t.r_appr, t.r_off, t.created_at, t.starts_at, t.ends_at,
         -- A shuffle that is the same in every run (the ids are random: shuffled by them, each
         -- seed gave the bench user other trainings, 15 or 32 in the calendar's weeks at 1×).
         (row_number() over (order by md5(t.i::text)))::int - 1 as ridx
       from bt_tr t where t.status <> 'draft';
       create index on bt_nd (ridx);
       create temp table bt_base as select nextval('private.training_arrival_seq') as base;
       create temp table bt_reg as
       with slots as (
         -- Popular trainings get many registrations, most get a handful.
         select slot, floor(power(random(), 1.25) * (select count(*) from bt_nd))::int as ridx
         from generate_series(1, ${registrations}) slot),
       ranked as (
         select s.slot, t.id as training_id, t.network_id, t.status as tstatus, t.capacity, t.r_appr,
           t.created_at, t.starts_at, t.ends_at, t.r_off,
           (row_number() over (partition by t.id order by s.slot))::int - 1 as k,
           random() as r_cancel, random() as r_x
         from slots s join bt_nd t on t.ridx = s.ridx),
       placed as (
         select r.*, (floor(r.r_off * c.people)::int + r.k) % c.people as person_pos,
           r.tstatus <> 'cancelled' and r.r_cancel < 0.08 as self_cancelled
         from ranked r join bt_circles c on c.network_id = r.network_id),
       active as (
         select x.*, case when x.self_cancelled or x.tstatus = 'cancelled' then null
                          else (row_number() over (partition by x.training_id, (x.self_cancelled or x.tstatus = 'cancelled')
                                                  order by x.k))::int - 1 end as a
         from placed x)
       select a.*, p.user_id, p.org_id, p.full_name,
         a.r_appr < 0.15 as org_approval_needed, a.r_appr >= 0.10 and a.r_appr < 0.20 as organizer_approval_needed,
         case when a.tstatus = 'cancelled' or a.self_cancelled then 'cancelled'
              when a.tstatus = 'held' then (case when a.a >= a.capacity then 'cancelled' when a.r_x < 0.85 then 'attended' else 'no_show' end)
              when a.a >= a.capacity then 'waitlisted'
              when a.r_appr < 0.20 and a.r_x < 0.3 then 'pending_approval'
              else 'confirmed' end as status,
         case when a.tstatus = 'cancelled' then 'training_cancelled' when a.self_cancelled then 'cancelled'
              when a.tstatus = 'held' and a.a >= a.capacity then 'training_held' end as closed_reason,
         case when a.tstatus = 'published' and a.a >= a.capacity then a.a - a.capacity + 1 end as waitlist_position,
         (select base from bt_base) + a.slot as arrival_no,
         least(now(), a.created_at + interval '2 days' + a.k * interval '2 hours') as registered_at
       from active a join bt_people p on p.network_id = a.network_id and p.pos = a.person_pos;
       create index on bt_reg (training_id)`,
    ],
    [
      "trainings",
      `insert into public.trainings (id, network_id, org_id, created_by, title, description, topic, audience, speaker,
         place, gemeinde, online_url, capacity, min_participants, go_no_go_date, fee_cents, registration_deadline,
         cancellation_deadline, needs_organizer_approval, needs_org_approval, default_contingent, contingent_release_at,
         status, starts_at, ends_at, seats_confirmed, seats_pending, seats_offered, waitlist_count, waitlist_seats,
         published_at, cancelled_at, cancel_reason, held_at, contingent_released_at, reminders_sent_at, created_at, updated_at)
       select t.id, t.network_id, t.org_id, t.coordinator,
         tt.label || ' – ' || (array['Grundlagen', 'Aufbaukurs', 'Praxistag', 'Fachtag', 'Workshop', 'Kompaktkurs'])[1 + t.i % 6],
         'Fortbildung für die Träger des Kreises. Mit Fallbeispielen aus der Praxis und Zeit für Austausch.',
         t.topic,
         case when t.r_aud < 0.55 then 'fachkraefte' when t.r_aud < 0.65 then 'leitungen' when t.r_aud < 0.77 then 'jugendliche'
              when t.r_aud < 0.85 then 'eltern' else 'gemischt' end,
         (array['Dr. Miriam Kessler', 'Jonas Albers', 'Team der Erziehungsberatung', 'Sabine Okafor', ''])[1 + t.i % 5],
         case when t.r_online >= 0.15 then 'Bildungshaus, Am Markt ' || (1 + t.i % 40) || ', ' || g.name end,
         case when t.r_online >= 0.15 then t.home end,
         case when t.r_online < 0.15 then 'https://meet.example/fortbildung-' || t.i end,
         t.capacity,
         case when t.r_min < 0.3 then greatest(1, t.capacity / 3) end,
         case when t.r_min < 0.3 then t.start_day - 14 end,
         case when t.r_fee < 0.4 then 0 else (array[2500, 4500, 6000, 9000, 12000, 19500])[1 + t.i % 6] end,
         case when t.r_dead < 0.5 then t.starts_at - interval '2 days' end,
         case when t.r_dead < 0.3 then t.starts_at - interval '7 days' end,
         t.r_appr >= 0.10 and t.r_appr < 0.20, t.r_appr < 0.15,
         case when t.r_cont < 0.2 then greatest(4, t.capacity / 4) end,
         case when t.r_cont < 0.2 then t.starts_at - interval '14 days' end,
         t.status, t.starts_at, t.ends_at,
         coalesce(c.confirmed, 0), coalesce(c.pending, 0), 0, coalesce(c.waiting, 0), coalesce(c.waiting, 0),
         case when t.status <> 'draft' then t.created_at + interval '2 days' end,
         case when t.status = 'cancelled' then least(now(), t.starts_at - interval '3 days') end,
         case when t.status = 'cancelled' then 'Zu wenige Anmeldungen für einen sinnvollen Ablauf.' end,
         case when t.status = 'held' then least(now(), t.ends_at + interval '1 day') end,
         case when t.r_cont < 0.2 and t.starts_at - interval '14 days' <= now() then t.starts_at - interval '14 days' end,
         case when t.status = 'held' then t.starts_at - interval '1 day' end,
         t.created_at, t.created_at
       from bt_tr t
       join public.training_topics tt on tt.code = t.topic
       join public.gemeinden g on g.code = t.home
       left join (select training_id,
                    count(*) filter (where status in ('confirmed', 'attended', 'no_show'))::int as confirmed,
                    count(*) filter (where status = 'pending_approval')::int as pending,
                    count(*) filter (where status = 'waitlisted')::int as waiting
                  from bt_reg group by training_id) c on c.training_id = t.id
       order by t.i;
       insert into public.training_sessions (training_id, position, starts_at, ends_at)
       select t.id, s, (t.start_day + (s - 1) + time '09:00') at time zone 'Europe/Berlin',
         (t.start_day + (s - 1) + time '16:00') at time zone 'Europe/Berlin'
       from bt_tr t, generate_series(1, t.sessions) s`,
      ["trainings", "training_sessions"],
    ],
    [
      "registrations",
      `insert into public.training_registrations (training_id, org_id, user_id, participant_name, seats, status, arrival_no,
         registered_at, waitlist_position, org_approval, org_decided_by, org_decided_at, organizer_approval,
         registered_by, confirmed_at, closed_at, closed_reason)
       select r.training_id, r.org_id, r.user_id, r.full_name, 1, r.status, r.arrival_no, r.registered_at, r.waitlist_position,
         case when not r.org_approval_needed then 'not_required' when r.status in ('pending_approval', 'waitlisted') then 'pending'
              else 'approved' end,
         null, case when r.org_approval_needed and r.status not in ('pending_approval', 'waitlisted') then r.registered_at end,
         case when not r.organizer_approval_needed then 'not_required' when r.status in ('pending_approval', 'waitlisted') then 'pending'
              else 'approved' end,
         r.user_id,
         case when r.status in ('confirmed', 'attended', 'no_show') then r.registered_at end,
         case r.closed_reason when 'cancelled' then least(now(), r.registered_at + interval '3 days')
                              when 'training_cancelled' then least(now(), r.starts_at - interval '3 days')
                              when 'training_held' then least(now(), r.ends_at + interval '1 day') end,
         r.closed_reason
       from bt_reg r order by r.training_id, r.k;
       select setval('private.training_arrival_seq', (select base from bt_base) + ${registrations} + 1)`,
      ["training_registrations", "private.training_registration_dates"],
    ],
  ];
}

/** The seat invariants over the given trainings (null: every training of the bench circles), in one statement. */
export function invariantSql(trainingFilter: string): string {
  return `
    with t as (select * from public.trainings t where ${trainingFilter}),
    r as (select r.* from public.training_registrations r join t on t.id = r.training_id),
    agg as (
      select t.id,
        coalesce(sum(r.seats) filter (where r.status in ('confirmed', 'attended', 'no_show')), 0)::int as confirmed,
        coalesce(sum(r.seats) filter (where r.status = 'pending_approval'), 0)::int as pending,
        coalesce(sum(r.seats) filter (where r.status = 'offered'), 0)::int as offered,
        count(r.id) filter (where r.status = 'waitlisted')::int as waiting,
        coalesce(sum(r.seats) filter (where r.status = 'waitlisted'), 0)::int as waiting_seats,
        coalesce(array_agg(r.waitlist_position order by r.waitlist_position) filter (where r.status = 'waitlisted'), '{}') as by_position,
        coalesce(array_agg(r.waitlist_position order by r.arrival_no) filter (where r.status = 'waitlisted'), '{}') as by_arrival
      from t left join r on r.training_id = t.id group by t.id),
    held_by_org as (
      select r.training_id, r.org_id, sum(r.seats)::int as held from r
      where r.status in ('confirmed', 'pending_approval', 'offered') group by r.training_id, r.org_id),
    checked as (
      select t.*, agg.confirmed, agg.pending, agg.offered, agg.waiting, agg.waiting_seats, agg.by_position, agg.by_arrival
      from t join agg on agg.id = t.id)
    select
      count(*)::int as trainings,
      count(*) filter (where (c.seats_confirmed, c.seats_pending, c.seats_offered, c.waitlist_count, c.waitlist_seats)
                             <> (c.confirmed, c.pending, c.offered, c.waiting, c.waiting_seats))::int as counters_differ_from_rows,
      count(*) filter (where c.confirmed + c.pending + c.offered > c.capacity)::int as over_capacity,
      count(*) filter (where c.by_position <> coalesce(array(select generate_series(1, c.waiting)), '{}'))::int as positions_not_dense,
      count(*) filter (where c.by_arrival <> c.by_position)::int as queue_not_in_arrival_order,
      (select count(*)::int from held_by_org h join t on t.id = h.training_id
       where t.contingent_release_at > now()
         and h.held > coalesce((select x.max_seats from public.training_contingents x
                                where x.training_id = t.id and x.org_id = h.org_id), t.default_contingent, t.capacity)) as over_contingent,
      -- Nobody waits while a seat is free for them (the queue is served first).
      (select count(*)::int from r w join checked c on c.id = w.training_id
       left join held_by_org h on h.training_id = w.training_id and h.org_id = w.org_id
       where w.status = 'waitlisted' and c.status = 'published' and c.starts_at > now()
         and c.capacity - (c.confirmed + c.pending + c.offered) >= w.seats
         and (c.contingent_release_at is null or c.contingent_release_at <= now()
              or coalesce(h.held, 0) + w.seats <= coalesce((select x.max_seats from public.training_contingents x
                  where x.training_id = c.id and x.org_id = w.org_id), c.default_contingent, c.capacity))) as waiting_with_a_free_seat
    from checked c`;
}

export type InvariantReport = {
  trainings: number;
  counters_differ_from_rows: number;
  over_capacity: number;
  positions_not_dense: number;
  queue_not_in_arrival_order: number;
  over_contingent: number;
  waiting_with_a_free_seat: number;
};

export function violations(report: InvariantReport): string[] {
  return Object.entries(report)
    .filter(([key, n]) => key !== "trainings" && n !== 0)
    .map(([key, n]) => `${key}: ${n}`);
}

export async function seedTrainings(
  database: Database,
  options: { scale?: number; log?: (message: string) => void } = {},
): Promise<TrainingSeedCounts> {
  return screenOnce(database, ["trainings"], () => writeTrainings(database, options));
}

async function writeTrainings(
  database: Database,
  options: { scale?: number; log?: (message: string) => void },
): Promise<TrainingSeedCounts> {
  const scale = options.scale ?? 1;
  const trainings = Math.max(50, Math.round(TRAININGS * scale));
  const registrations = Math.max(1000, Math.round(REGISTRATIONS * scale));
  return database.withScriptRunner((runner) =>
    seedSession(runner, async () => {
    for (const [name, script, tables] of steps(trainings, registrations)) {
      const t0 = Date.now();
      await bulkLoad(runner, tables ?? [], () => runner.exec(script));
      options.log?.(`[bench]   trainings seed: ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
    const [counts] = await runner.query<TrainingSeedCounts>(`
      select (select count(*)::int from bt_tr) as trainings,
             (select count(*)::int from bt_tr where status = 'published' and starts_at > now()) as upcoming,
             (select count(*)::int from bt_reg) as registrations,
             (select count(*)::int from bt_reg where status = 'confirmed') as confirmed,
             (select count(*)::int from bt_reg where status = 'waitlisted') as waitlisted`);
    await runner.exec(`drop table bt_reg, bt_base, bt_nd, bt_tr, bt_circles, bt_people, bt_orgs, bt_circle_orgs; analyze`);
    // The check groups registrations per training, which the planner estimates at 200 groups: it
    // then joins the trainings to them in a nested loop, quadratic at --scale 10 (still running
    // after 10 minutes). Hash and merge joins check 100,000 trainings in seconds.
    await runner.exec("set enable_nestloop = off");
    const [report] = await runner.query<InvariantReport>(
      invariantSql(`t.network_id in (select n.id from public.networks n where n.slug in (${circles}))`),
    );
    await runner.exec("reset enable_nestloop");
    const broken = violations(report!);
    if (broken.length > 0) throw new Error(`trainings seed breaks the seat invariant: ${broken.join(", ")}`);
    return counts!;
  }));
}
