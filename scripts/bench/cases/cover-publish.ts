// Vertretungsbörse: the time from publishing a Notfall to all matching notifications written.
// publish_cover_request writes every alert (in-app notification + outbox mail) in its own
// transaction, set-based, so that time is the publishing call as the app makes it: asUser →
// publish_cover_request → commit. Measured one publish at a time, each on a fresh draft:
//   - "600 Koordinator:innen": a circle of 1 + 200 Träger that all serve the request's Gemeinde
//     and Hilfeart, 3 coordinating people each (owner, admin, coordinator), a third of them with
//     alert preferences that match — the worst case the issue names;
//   - "Bench-Kreis": the shared 200-Träger circle, where only the Träger serving § 31 in Duisburg
//     match (a realistic spread).
// Before timing, one publish is checked to reach exactly the expected people.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../../app/.server/db/connection";
import { publishCoverRequest } from "../../../app/.server/cover/functions";
import { asUser } from "../../../app/.server/db/request";
import { concurrentUsers } from "../load";
import { shared, type BenchCase, type BenchContext, type Measurement } from "../types";
import { circleSeed } from "./directory";

const OFFERING_TRAEGER = 200;
const COORDINATORS = ["owner", "admin", "coordinator"] as const;
const PASSWORD_HASH = "$2b$04$benchbenchbenchbenchbe8mOwTbn4W1bV8YJQa6NvNvzkG6tYp3S";

export type PublishWorld = {
  networkId: string;
  requesterOrgId: string;
  requester: { id: string; email: string };
  hilfeart: string;
  gemeinde: string;
  /** People who must get the alert. */
  expected: number;
};

async function chunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** A circle in which every Träger but the requester serves Dinslaken and § 31, 3 coordinators each. */
export async function seedNotfallCircle(database: Database): Promise<PublishWorld> {
  const { db } = database;
  const network = await db
    .insertInto("networks")
    .values({ slug: "bench-notfall-kreis", name: "Bench-Notfall-Kreis", region: "Dinslaken" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const orgs = Array.from({ length: OFFERING_TRAEGER + 1 }, (_, i) => ({
    id: randomUUID(),
    slug: `bench-notfall-${i}`,
    name: i === 0 ? "Bench Anfragender Träger" : `Bench Familienhilfe Dinslaken ${i}`,
    kind: "freier_traeger" as const,
    legal_form: "e_v" as const,
    hilfearten: i === 0 ? ["p34"] : ["p31", "p27", "p30"],
    gemeinden: i === 0 ? ["wesel"] : ["dinslaken", "voerde", "huenxe"],
  }));
  await chunked(orgs, 100, (chunk) => db.insertInto("organizations").values(chunk).execute());
  await chunked(orgs, 200, (chunk) =>
    db
      .insertInto("network_members")
      .values(chunk.map((o) => ({ network_id: network.id, org_id: o.id, role: o.id === orgs[0]!.id ? "coordinator" : "member" })))
      .execute(),
  );
  const people = orgs.flatMap((org, orgIndex) =>
    COORDINATORS.map((role, slot) => ({
      id: randomUUID(),
      email: `notfall-${orgIndex}-${slot}@bench.example`,
      fullName: `Koordination ${orgIndex}-${slot}`,
      orgId: org.id,
      role,
      orgIndex,
      slot,
    })),
  );
  const now = new Date();
  await chunked(people, 250, (chunk) =>
    db
      .insertInto("auth.users")
      .values(chunk.map((p) => ({ id: p.id, email: p.email, encrypted_password: PASSWORD_HASH, email_confirmed_at: now })))
      .execute(),
  );
  await chunked(people, 250, (chunk) =>
    db.insertInto("profiles").values(chunk.map((p) => ({ user_id: p.id, full_name: p.fullName, email: p.email }))).execute(),
  );
  await chunked(people, 250, (chunk) =>
    db.insertInto("org_members").values(chunk.map((p) => ({ org_id: p.orgId, user_id: p.id, role: p.role }))).execute(),
  );
  // A third chose their alerts (all of them still match a Notfall in Dinslaken, § 31).
  const choosers = people.filter((p) => p.orgIndex > 0 && p.slot === p.orgIndex % 3);
  await chunked(choosers, 250, (chunk) =>
    db
      .insertInto("cover_alert_preferences")
      .values(
        chunk.map((p, i) => ({
          user_id: p.id,
          urgencies: ["notfall", "dringend"],
          gemeinden: i % 2 === 0 ? ["dinslaken"] : [],
          hilfearten: i % 2 === 0 ? [] : ["p31"],
          notfall_only: i % 4 === 0,
        })),
      )
      .execute(),
  );
  await sql`analyze`.execute(db);
  const requester = people.find((p) => p.orgIndex === 0 && p.role === "coordinator")!;
  return {
    networkId: network.id,
    requesterOrgId: orgs[0]!.id,
    requester: { id: requester.id, email: requester.email },
    hilfeart: "p31",
    gemeinde: "dinslaken",
    expected: OFFERING_TRAEGER * COORDINATORS.length,
  };
}

/** In the shared circle: a coordinator of Träger 3 asks for § 31 in Duisburg. */
async function benchCircleWorld(ctx: BenchContext): Promise<PublishWorld> {
  const seed = await circleSeed(ctx);
  const { db } = ctx.target.database;
  const requester = seed.users.find((u) => u.role === "coordinator" || u.role === "owner" || u.role === "admin")!;
  const org = await db
    .selectFrom("org_members")
    .innerJoin("network_members", "network_members.org_id", "org_members.org_id")
    .select(["org_members.org_id as orgId", "network_members.network_id as networkId"])
    .where("org_members.user_id", "=", requester.id)
    .executeTakeFirstOrThrow();
  // Everyone with a coordinating role in another active Träger of the circle serving both.
  const { rows } = await sql<{ n: number }>`
    select count(distinct m.user_id)::int as n
    from public.network_members nm
    join public.organizations o on o.id = nm.org_id
    join public.org_members m on m.org_id = nm.org_id and m.role in ('owner', 'admin', 'coordinator')
    where nm.network_id = ${org.networkId} and nm.status = 'active' and nm.org_id <> ${org.orgId}
      and o.gemeinden @> array['duisburg'] and o.hilfearten @> array['p31']
      and m.user_id not in (select x.user_id from public.org_members x where x.org_id = ${org.orgId})`.execute(db);
  return {
    networkId: org.networkId,
    requesterOrgId: org.orgId,
    requester: { id: requester.id, email: requester.email },
    hilfeart: "p31",
    gemeinde: "duisburg",
    expected: rows[0]!.n,
  };
}

async function draft(database: Database, world: PublishWorld): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const row = await database.db
    .insertInto("cover_requests")
    .values({
      network_id: world.networkId,
      org_id: world.requesterOrgId,
      urgency: "notfall",
      hilfeart: world.hilfeart,
      gemeinde: world.gemeinde,
      period_from: today,
      period_to: later,
      hours_per_week: 15,
      kind: "krisenintervention",
      description: "Kurzfristiger Ausfall, zwei Hausbesuche pro Woche.",
      no_sozialdaten_confirmed: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function alertsOf(database: Database, requestId: string): Promise<{ notifications: number; mails: number }> {
  const { rows } = await sql<{ notifications: number; mails: number }>`
    select (select count(*)::int from public.notifications where link = ${`/vertretungen/${requestId}`} and kind = 'cover.alert') as notifications,
           (select count(*)::int from private.outbox where payload->>'template' = 'cover-request-alert'
              and payload->'props'->>'requestId' = ${requestId}) as mails`.execute(database.db);
  return rows[0]!;
}

const VARIANTS: Array<{ label: (w: PublishWorld) => string; world: (ctx: BenchContext) => Promise<PublishWorld> }> = [
  {
    label: (w) => `Notfall → ${w.expected} Koordinator:innen (200 Träger × 3)`,
    world: (ctx) => shared(ctx, "cover-publish-notfall-circle", () => seedNotfallCircle(ctx.target.database)),
  },
  {
    label: (w) => `Notfall im Bench-Kreis → ${w.expected} (§ 31, Duisburg)`,
    world: (ctx) => shared(ctx, "cover-publish-bench-circle", () => benchCircleWorld(ctx)),
  },
];

export const coverPublishCase: BenchCase = {
  name: "cover-publish",
  description: "publishing a Notfall: publish_cover_request with every alert (notification + mail) written, until commit",
  async seed(ctx) {
    for (const variant of VARIANTS) {
      const world = await variant.world(ctx);
      // Sanity, before anything is timed: one publish alerts exactly the matching people.
      const id = await draft(ctx.target.database, world);
      await asUser(world.requester, (tx) => publishCoverRequest(tx, id));
      const written = await alertsOf(ctx.target.database, id);
      if (written.notifications !== world.expected || written.mails !== world.expected) {
        throw new Error(
          `publishing alerted ${written.notifications} people (${written.mails} mails), expected ${world.expected}`,
        );
      }
    }
  },
  async run(ctx) {
    const rows: Measurement[] = [];
    const iterations = Math.min(ctx.options.iterations, 50);
    for (const variant of VARIANTS) {
      const world = await variant.world(ctx);
      // Drafts are written beforehand, so only the publishing transaction is timed.
      const drafts: string[] = [];
      for (let i = 0; i < ctx.options.warmup + iterations; i++) drafts.push(await draft(ctx.target.database, world));
      const { samples, wallMs } = await concurrentUsers([world.requester], { iterations, warmup: ctx.options.warmup }, async (user, i) => {
        await asUser(user, (tx) => publishCoverRequest(tx, drafts[i]!));
      });
      rows.push({ kind: "latency", case: "cover publish, 1 at a time", variant: variant.label(world), samples, wallMs });
    }
    return rows;
  },
};
