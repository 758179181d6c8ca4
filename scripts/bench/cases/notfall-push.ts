// Notfall on the phone (issue 12): the time from publishing a Notfall to the last push handed to
// the push service, for 600 devices (the 200 Träger × 3 coordinators of cover-publish's Notfall
// circle, one device each). The push service is the local stand-in of the tests
// (tests/helpers/push-service.ts): it checks VAPID, decrypts every aes128gcm body and records it,
// over HTTPS on 127.0.0.1 — a real protocol peer, nothing leaves the machine.
// One sample = publish_cover_request as the requester (commit) + worker ticks
// (processOutboxOnce, back to back) until the stand-in has received all 600. The poll interval
// of the running worker (OUTBOX_POLL_MS, 1 s) comes on top in production: at most one interval.
// The mails of the same publish stay in the outbox behind the pushes (pushes are claimed first).
import { sql } from "kysely";
import webpush from "web-push";
import { publishCoverRequest } from "../../../app/.server/cover/functions";
import { asUser } from "../../../app/.server/db/request";
import { resetEnvCache } from "../../../app/.server/env";
import { processOutboxOnce } from "../../../app/.server/outbox/worker";
import { resetPushAgent } from "../../../app/.server/push/send";
import { startPushService, type PushServiceStandIn } from "../../../tests/helpers/push-service";
import { shared, type BenchCase, type BenchContext, type Measurement } from "../types";
import { seedNotfallCircle, type PublishWorld } from "./cover-publish";

const SAMPLES = 5;

type PushWorld = { world: PublishWorld; service: PushServiceStandIn; devices: number };

async function pushWorld(ctx: BenchContext): Promise<PushWorld> {
  const world = await shared(ctx, "cover-publish-notfall-circle", () => seedNotfallCircle(ctx.target.database));
  return shared(ctx, "notfall-push-devices", async () => {
    const service = await startPushService();
    const keys = webpush.generateVAPIDKeys();
    process.env.VAPID_PUBLIC_KEY = keys.publicKey;
    process.env.VAPID_PRIVATE_KEY = keys.privateKey;
    process.env.PUSH_TEST_SERVICE_CA = service.caFile;
    resetEnvCache();
    resetPushAgent();
    const { db } = ctx.target.database;
    const { rows: people } = await sql<{ user_id: string }>`
      select distinct m.user_id from public.org_members m
      join public.network_members nm on nm.org_id = m.org_id and nm.network_id = ${world.networkId}
      where m.org_id <> ${world.requesterOrgId} and m.role in ('owner', 'admin', 'coordinator')`.execute(db);
    for (let i = 0; i < people.length; i += 200) {
      const chunk = people.slice(i, i + 200).map((p) => {
        const device = service.createDevice();
        return { user_id: p.user_id, endpoint: device.endpoint, p256dh: device.p256dh, auth: device.auth };
      });
      await sql`insert into public.push_subscriptions (user_id, endpoint, p256dh, auth)
        select * from jsonb_to_recordset(${JSON.stringify(chunk)}::text::jsonb)
          as x(user_id uuid, endpoint text, p256dh text, auth text)`.execute(db);
    }
    return { world, service, devices: people.length };
  });
}

async function draft(ctx: BenchContext, world: PublishWorld): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const row = await ctx.target.database.db
    .insertInto("cover_requests")
    .values({
      network_id: world.networkId,
      org_id: world.requesterOrgId,
      urgency: "notfall",
      hilfeart: world.hilfeart,
      gemeinde: world.gemeinde,
      period_from: today,
      period_to: later,
      hours_per_week: 10,
      kind: "krisenintervention",
      description: "Kurzfristiger Ausfall, Hausbesuche.",
      no_sozialdaten_confirmed: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export const notfallPushCase: BenchCase = {
  name: "notfall-push",
  description: "publishing a Notfall until the last of 600 pushes is handed to the (local) push service",
  async seed(ctx) {
    await pushWorld(ctx);
  },
  async run(ctx) {
    const { world, service, devices } = await pushWorld(ctx);
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < SAMPLES; i++) {
      await sql`delete from private.outbox where status = 'pending'`.execute(ctx.target.database.db);
      const id = await draft(ctx, world);
      service.clear();
      const t0 = performance.now();
      await asUser(world.requester, (tx) => publishCoverRequest(tx, id));
      while (service.received.length < devices) {
        const result = await processOutboxOnce();
        if (result.claimed === 0 && service.received.length < devices) {
          throw new Error(`only ${service.received.length} of ${devices} pushes arrived (refused: ${service.refused.slice(0, 3).join("; ")})`);
        }
      }
      const last = Math.max(...service.received.map((r) => r.at));
      samples.push(last - t0);
      ctx.log(`notfall-push: sample ${i + 1}: ${(last - t0).toFixed(0)} ms for ${service.received.length} pushes`);
    }
    await sql`delete from private.outbox where status = 'pending'`.execute(ctx.target.database.db);
    await service.stop();
    ctx.cache.delete("notfall-push-devices");
    return [
      {
        kind: "latency",
        case: "Notfall → last push handed over",
        variant: `${devices} devices, local push service (HTTPS, VAPID, aes128gcm)`,
        samples,
        wallMs: performance.now() - started,
      } satisfies Measurement,
    ];
  },
};
