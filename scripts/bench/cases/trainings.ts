// Gemeinsame Fortbildungen with 10,000 trainings and 200,000 registrations (seed-trainings.ts):
//   - the list page /fortbildungen (loader as the server runs it) for N signed-in users at once:
//     "Angebote im Kreis" without and with filters, and "Meine Anmeldungen";
//   - the seat function's throughput: 20 clients (different signed-in people, each in its own
//     asUser transaction, on a pool of 20 connections on the server) call
//     public.register_for_training for --seat-seconds seconds against trainings with 3–10 seats
//     (some with a contingent of 2 per Träger, some needing their Träger's approval), five clients
//     on the same training at a time. Reported: registrations per second (thrpt) and the latency
//     of one call. Afterwards the seat invariant is checked over every one of those trainings —
//     counters = rows, seats ≤ capacity, waitlist positions dense 1..n in arrival order,
//     contingents kept, nobody waiting while a seat is free for them — and the bench FAILS if any
//     of it breaks.
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { loader } from "../../../app/routes/fortbildungen._index";
import { readMyRegistrations, readTrainingList, type TrainingList } from "../../../app/.server/trainings/list";
import type { Database } from "../../../app/.server/db/connection";
import { useDatabaseForTests } from "../../../app/.server/db/index";
import { asUser, type Tx } from "../../../app/.server/db/request";
import { callRoute } from "../../../tests/helpers/routes";
import { parseTrainingFilters } from "../../../app/validation/trainings";
import { alternate, asServiceRoleFor, concurrentUsers, timed } from "../load";
import type { BenchUser, CircleSeed } from "../seed-circle";
import { invariantSql, seedTrainings, violations, REGISTRATIONS, TRAININGS, type InvariantReport } from "../seed-trainings";
import { shared, type BenchCase, type BenchContext, type Measurement } from "../types";
import { circleSeed } from "./directory";

const TOPICS = ["kinderschutz", "deeskalation", "traumapaedagogik", "systemisch", "datenschutz", "elternarbeit"];

/** "2027-03" for the month after next, in Berlin (the month filter's format). */
function monthAhead(months: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 15));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

type LoaderData = { list: TrainingList | null; mine: unknown[] };
type Variant = { label: string; query: (i: number) => Record<string, string>; count: (d: LoaderData) => number };

const VARIANTS: Variant[] = [
  { label: "/fortbildungen (Angebote im Kreis, Seite 1)", query: () => ({}), count: (d) => d.list?.entries.length ?? 0 },
  {
    label: "/fortbildungen?thema&monat",
    query: (i) => ({ thema: TOPICS[i % TOPICS.length]!, monat: monthAhead(1 + (i % 3)) }),
    count: () => 1,
  },
  { label: "/fortbildungen?ansicht=meine (Meine Anmeldungen)", query: () => ({ ansicht: "meine" }), count: () => 1 },
];

async function callList(user: BenchUser, params: Record<string, string>): Promise<LoaderData> {
  const search = new URLSearchParams(params).toString();
  const request = new Request(`http://localhost:3000/fortbildungen${search ? `?${search}` : ""}`, {
    headers: { Cookie: user.cookie },
  });
  const outcome = await callRoute<LoaderData>(loader, request);
  if (outcome.status !== 200) throw new Error(`/fortbildungen answered ${outcome.status} (${outcome.location ?? ""}) for ${user.email}`);
  return outcome.data;
}

export const trainingsSeed = (ctx: BenchContext) =>
  shared(ctx, "trainings", async () => {
    await circleSeed(ctx);
    return seedTrainings(ctx.target.database, { scale: ctx.options.scale, log: ctx.log });
  });

// ---------------------------------------------------------------------------------------------
// Seat throughput

type Person = { id: string; email: string };

/** 20 people from 7 Träger of circle A (three each: a contingent of 2 per Träger then binds),
 *  and the coordinator of Träger 0 who organises the trainings. Emails from seed-circle.ts. */
async function seatPeople(database: Database, clients: number) {
  const orgIndexes = [10, 30, 50, 70, 90, 110, 130, 150, 160, 20, 40, 60, 80, 100];
  const emails: string[] = [];
  for (let k = 0; emails.length < clients; k++) {
    const orgIndex = orgIndexes[Math.floor(k / 3) % orgIndexes.length]!;
    const slot = 5 + (k % 3) + 3 * Math.floor(k / (3 * orgIndexes.length));
    if (slot >= 10) throw new Error(`--seat-clients ${clients}: not enough bench people`);
    emails.push(`bench-${orgIndex}-${slot}@bench.example`);
  }
  const rows = await database.db.selectFrom("auth.users").select(["id", "email"]).where("email", "in", [...emails, "bench-0-2@bench.example"]).execute();
  const byEmail = new Map(rows.map((r) => [String(r.email), { id: r.id, email: String(r.email) }]));
  const person = (email: string): Person => {
    const found = byEmail.get(email);
    if (!found) throw new Error(`bench person ${email} is missing`);
    return found;
  };
  return { clients: emails.map(person), organizer: person("bench-0-2@bench.example") };
}

/** Published trainings a month ahead, 3–10 seats; every third with a contingent of 2 per Träger
 *  (released only in 20 days), every fifth needing the participant's Träger's approval. */
async function createSeatTrainings(database: Database, organizer: Person, count: number): Promise<{ orgId: string; ids: string[] }> {
  const { rows } = await sql<{ id: string; org_id: string }>`
    with org as (
      select m.org_id, nm.network_id from public.org_members m
      join public.network_members nm on nm.org_id = m.org_id
      join public.networks n on n.id = nm.network_id and n.slug = 'bench-kreis-niederrhein'
      where m.user_id = ${organizer.id}::uuid)
    insert into public.trainings (network_id, org_id, created_by, title, topic, audience, place, gemeinde, capacity,
      default_contingent, contingent_release_at, needs_org_approval, status, starts_at, ends_at, published_at)
    select org.network_id, org.org_id, ${organizer.id}::uuid, 'Platzvergabe ' || g, 'deeskalation', 'fachkraefte',
      'Bildungshaus, Am Markt 1, Wesel', 'wesel', (array[3, 5, 8, 10])[1 + g % 4],
      case when g % 3 = 0 then 2 end, case when g % 3 = 0 then now() + interval '20 days' end,
      g % 5 = 0, 'published', now() + interval '30 days', now() + interval '30 days 7 hours', now()
    from org, generate_series(1, ${count}::int) g
    order by g
    returning id, org_id`.execute(database.db);
  await sql`
    insert into public.training_sessions (training_id, position, starts_at, ends_at)
    select t.id, 1, t.starts_at, t.ends_at from public.trainings t where t.id = any(${rows.map((r) => r.id)}::uuid[])`.execute(database.db);
  return { orgId: rows[0]!.org_id, ids: rows.map((r) => r.id) };
}

const GROUPS = 4; // clients c and c+4, c+8, … start on the same training: five at a time

async function seatThroughput(ctx: BenchContext): Promise<Measurement[]> {
  const { options, target } = ctx;
  const { clients, organizer } = await seatPeople(target.database, options.seatClients);
  // Enough trainings that no client runs out within the time (each registers once per training).
  const count = Math.max(200, Math.ceil(options.seatSeconds * 150));
  const { orgId, ids } = await createSeatTrainings(target.database, organizer, count);
  const filter = `t.org_id = '${orgId}' and t.title like 'Platzvergabe %'`;

  // On the server: one connection per client (the app's pool has 10; 20 clients are 20 app
  // instances or a bigger pool). On PGlite: its one connection, calls queue.
  const pool = target.connect?.(clients.length) ?? null;
  if (pool) useDatabaseForTests(pool);
  let calls = 0;
  let failure: unknown = null;
  let exhausted = 0;
  const samples: number[] = [];
  const register = (client: Person, training: string) =>
    asUser(client, (tx) => sql`select public.register_for_training(${training}::uuid, ${client.id}::uuid) as id`.execute(tx));
  let wallMs = 0;
  try {
    // Warm-up: every client registers for its first trainings (counted in the check, not timed).
    let step = 0;
    for (; step < Math.min(options.warmup, 5); step++) {
      await Promise.all(clients.map((client, c) => register(client, ids[(step + (c % GROUPS)) % ids.length]!)));
      calls += clients.length;
    }
    const started = performance.now();
    const deadline = started + options.seatSeconds * 1000;
    await Promise.all(
      clients.map(async (client, c) => {
        for (let j = step; failure === null; j++) {
          if (performance.now() >= deadline) return;
          if (j >= ids.length) {
            exhausted++;
            return;
          }
          const t0 = performance.now();
          try {
            await register(client, ids[(j + (c % GROUPS)) % ids.length]!);
          } catch (error) {
            failure ??= error;
            throw error;
          }
          samples.push(performance.now() - t0);
          calls++;
        }
      }),
    );
    wallMs = performance.now() - started;
  } finally {
    if (pool) {
      useDatabaseForTests(target.database);
      await pool.close();
    }
  }
  if (exhausted > 0) ctx.log(`[bench]   seat throughput: ${exhausted} client(s) ran out of trainings before the time was up`);

  // The invariant, over every training the clients registered for (one snapshot).
  const [report] = await target.database.withScriptRunner((r) => r.query<InvariantReport>(invariantSql(filter)));
  const { rows } = await sql<{ n: number; confirmed: number; pending: number; waitlisted: number }>`
    select count(*)::int as n, count(*) filter (where r.status = 'confirmed')::int as confirmed,
      count(*) filter (where r.status = 'pending_approval')::int as pending,
      count(*) filter (where r.status = 'waitlisted')::int as waitlisted
    from public.training_registrations r join public.trainings t on t.id = r.training_id
    where ${sql.raw(filter)}`.execute(target.database.db);
  const written = rows[0]!;
  const broken = violations(report!);
  if (written.n !== calls) broken.push(`registrations written: ${written.n}, successful calls: ${calls}`);
  if (broken.length > 0) {
    throw new Error(`SEAT INVARIANT BROKEN on ${target.label} after ${calls} registrations: ${broken.join("; ")}`);
  }
  ctx.log(
    `[bench]   seat throughput: ${calls} registrations on ${report!.trainings} trainings ` +
      `(${written.confirmed} confirmed, ${written.pending} pending approval, ${written.waitlisted} waitlisted); invariant holds`,
  );
  return [
    {
      kind: "latency",
      case: "training seats",
      variant: `register_for_training, ${clients.length} clients × ${options.seatSeconds} s (3–10 seats)`,
      samples,
      wallMs,
    },
  ];
}

export const trainingsCase: BenchCase = {
  name: "trainings",
  description: `Fortbildungen with ${TRAININGS.toLocaleString("en")} trainings and ${REGISTRATIONS.toLocaleString("en")} registrations: list page under concurrent users; register_for_training throughput with the seat invariant checked`,
  async seed(ctx) {
    const counts = await trainingsSeed(ctx);
    ctx.log(
      `[bench]   ${counts.trainings.toLocaleString("en")} trainings (${counts.upcoming.toLocaleString("en")} upcoming), ` +
        `${counts.registrations.toLocaleString("en")} registrations (${counts.confirmed.toLocaleString("en")} confirmed, ` +
        `${counts.waitlisted.toLocaleString("en")} waitlisted); seat invariant holds`,
    );
    const seed: CircleSeed = await circleSeed(ctx);
    for (const user of seed.users) {
      const data = await callList(user, {});
      if ((data.list?.total ?? 0) === 0) throw new Error(`/fortbildungen lists nothing for ${user.email}`);
    }
  },
  async run(ctx) {
    const seed = await circleSeed(ctx);
    const { options } = ctx;
    const users = seed.users.slice(0, options.concurrency);
    const rows: Measurement[] = [];
    for (const variant of VARIANTS) {
      const { samples, wallMs } = await concurrentUsers(users, options, async (user, i) => {
        const data = await callList(user, variant.query(i));
        if (variant.count(data) === 0) throw new Error(`${variant.label} is empty for ${user.email}`);
      });
      rows.push({ kind: "latency", case: "trainings", variant: variant.label, samples, wallMs });
    }
    // The page's SQL as the user (RLS) vs as service_role with the same claims: the loader's
    // reads of "Angebote" (reference data, page, capped count) and of "Meine Anmeldungen".
    const session = (user: BenchUser) => ({ id: user.id, email: user.email, fullName: "", sessionId: "" });
    for (const variant of VARIANTS) {
      const read = (tx: Tx, user: BenchUser, i: number) =>
        variant.query(i).ansicht === "meine"
          ? readMyRegistrations(tx, session(user))
          : readTrainingList(tx, session(user), parseTrainingFilters(new URLSearchParams(variant.query(i))));
      const { a, b } = await alternate(
        options.sqlIterations,
        Math.min(20, options.sqlIterations),
        (i) => {
          const user = users[i % users.length]!;
          return asUser(user, (tx) => timed(() => read(tx, user, i)));
        },
        (i) => {
          const user = users[i % users.length]!;
          return asServiceRoleFor(user, (tx) => timed(() => read(tx, user, i)));
        },
      );
      rows.push({ kind: "ratio", case: "trainings SQL", variant: variant.label, withRls: a, withoutRls: b });
    }
    rows.push(...(await seatThroughput(ctx)));
    return rows;
  },
};
