// Web push for Notfälle (issue 12), end to end against a local push service that is a real
// protocol peer (tests/helpers/push-service.ts): publishing a Notfall queues one push per device
// in the same transaction; the worker encrypts each per RFC 8291 (aes128gcm) and signs it with
// VAPID; the stand-in verifies, decrypts and records it. 404/410 removes the subscription; an
// outage is retried and nothing is lost. Malformed subscriptions are a German message and write
// nothing. Runs on PGlite and on the server (TEST_DB=postgres).
import { sql } from "kysely";
import webpush from "web-push";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { resetEnvCache } from "~/.server/env";
import { processOutboxOnce } from "~/.server/outbox/worker";
import { resetPushAgent } from "~/.server/push/send";
import {
  INVALID_SUBSCRIPTION,
  UNKNOWN_PUSH_SERVICE,
  answerPushPrompt,
  loadPushSettings,
  revokePushDevice,
  savePushPreferences,
  savePushSubscription,
} from "~/.server/push/subscriptions";
import { acceptOffer, coverWorld, makeOffer, openRequest, type CoverWorld } from "../helpers/cover";
import { freshDatabase } from "../helpers/db";
import { startPushService, type Device, type PushServiceStandIn } from "../helpers/push-service";

const DESCRIPTION = "Familie mit drei Kindern braucht Unterstützung im Alltag.";

describe("web push", () => {
  let database: Database;
  let world: CoverWorld;
  let service: PushServiceStandIn;
  const saved = { ...process.env };
  const devices: Record<string, Device> = {};

  async function pushRows(): Promise<{ id: string; status: string; attempts: number; subscription: string }[]> {
    const { rows } = await sql<{ id: string; status: string; attempts: number; subscription: string }>`
      select id::text as id, status, attempts, payload->>'subscriptionId' as subscription
      from private.outbox where kind = 'push' order by id`.execute(database.db);
    return rows;
  }

  /** The cover mails of the same steps are another test's business (cover-mails.test.ts). */
  async function dropMails(): Promise<void> {
    await sql`delete from private.outbox where kind = 'mail'`.execute(database.db);
  }

  async function subscriptionCount(): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from public.push_subscriptions`.execute(database.db);
    return rows[0]!.n;
  }

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 3 });
    service = await startPushService();
    const keys = webpush.generateVAPIDKeys();
    process.env.VAPID_PUBLIC_KEY = keys.publicKey;
    process.env.VAPID_PRIVATE_KEY = keys.privateKey;
    process.env.VAPID_SUBJECT = "mailto:betrieb@traegerkreis.example";
    process.env.PUSH_TEST_SERVICE_CA = service.caFile;
    resetEnvCache();
    resetPushAgent();
    for (const [name, side] of [["o1", world.offerers[0]!], ["o2", world.offerers[1]!], ["o3", world.offerers[2]!]] as const) {
      const device = service.createDevice();
      devices[name] = device;
      const saved = await savePushSubscription(side.coordinator, {
        endpoint: device.endpoint,
        keys: { p256dh: device.p256dh, auth: device.auth },
        label: `Telefon ${name}`,
      });
      expect(saved).toMatchObject({ ok: true });
    }
    const requesterDevice = service.createDevice();
    devices.requester = requesterDevice;
    expect(
      await savePushSubscription(world.requester.coordinator, {
        endpoint: requesterDevice.endpoint,
        keys: { p256dh: requesterDevice.p256dh, auth: requesterDevice.auth },
      }),
    ).toMatchObject({ ok: true });
  });

  beforeEach(async () => {
    service.clear();
    service.setOutage(false);
    await sql`delete from private.outbox`.execute(database.db);
  });

  afterAll(async () => {
    process.env = { ...saved };
    resetEnvCache();
    resetPushAgent();
    await service.stop();
  });

  afterEach(() => {
    for (const device of Object.values(devices)) service.setAnswer(device.id, 201);
  });

  it("pushes a published Notfall to every subscribed device, encrypted and signed, without client data", async () => {
    const requestId = await openRequest(world);
    await dropMails();
    const queued = await pushRows();
    expect(queued).toHaveLength(3);

    const result = await processOutboxOnce();
    expect(result).toMatchObject({ sent: 3, retried: 0, failed: 0 });
    expect(service.refused).toEqual([]);
    expect(service.received.map((r) => r.deviceId).sort()).toEqual([devices.o1!.id, devices.o2!.id, devices.o3!.id].sort());
    for (const push of service.received) {
      expect(push.headers["content-encoding"]).toBe("aes128gcm");
      expect(push.headers.urgency).toBe("high");
      expect(push.payload).toEqual({
        title: "Notfall: Sozialpädagogische Familienhilfe (SPFH) in Dinslaken",
        body: expect.stringMatching(/^Neue Anfrage · \d{2}\.\d{2}\.\d{4}–\d{2}\.\d{2}\.\d{4}$/),
        url: `/vertretungen/${requestId}`,
        tag: `cover-${requestId}-cover.alert`,
        urgency: "notfall",
      });
      const text = JSON.stringify(push.payload);
      expect(text).not.toContain("F-2026-014");
      expect(text).not.toContain(DESCRIPTION.slice(0, 20));
      expect(text).not.toContain(world.requester.org.name);
    }
    expect((await pushRows()).every((r) => r.status === "sent")).toBe(true);
  });

  it("pushes 'your request got an offer' and 'your offer was accepted'", async () => {
    const requestId = await openRequest(world);
    await processOutboxOnce();
    service.clear();
    const offerId = await makeOffer(world.offerers[0]!, requestId, 20);
    await acceptOffer(world.requester.coordinator, requestId, offerId);
    await dropMails();
    await processOutboxOnce();
    const bodies = service.received.map((r) => [r.deviceId, (r.payload as { body: string }).body.split(" · ")[0]]);
    expect(bodies).toEqual(
      expect.arrayContaining([
        [devices.requester!.id, "Ihre Anfrage hat ein Angebot"],
        [devices.o1!.id, "Ihr Angebot wurde angenommen"],
      ]),
    );
  });

  it("follows the preferences: off, and 'all' for a request that is not a Notfall", async () => {
    await savePushPreferences(world.offerers[1]!.coordinator, { mode: "off" });
    await savePushPreferences(world.offerers[2]!.coordinator, { mode: "all" });
    await openRequest(world, { urgency: "dringend", case_reference: "F-2026-015" });
    await processOutboxOnce();
    expect(service.received.map((r) => r.deviceId)).toEqual([devices.o3!.id]);
    await savePushPreferences(world.offerers[1]!.coordinator, { mode: "notfall" });
    await savePushPreferences(world.offerers[2]!.coordinator, { mode: "notfall" });
  });

  it("removes a subscription when the push service answers 410 or 404", async () => {
    const gone410 = service.createDevice();
    const gone404 = service.createDevice();
    const extra = await createExtraCoordinator();
    for (const device of [gone410, gone404]) {
      await savePushSubscription(extra, { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } });
    }
    service.setAnswer(gone410.id, 410);
    service.setAnswer(gone404.id, 404);
    const before = await subscriptionCount();
    await openRequest(world);
    await dropMails();
    const result = await processOutboxOnce();
    expect(result).toMatchObject({ sent: 3, failed: 2 });
    expect(await subscriptionCount()).toBe(before - 2);
    const settings = await loadPushSettings(extra);
    expect(settings.devices).toEqual([]);
    const rows = await pushRows();
    expect(rows.filter((r) => r.status === "cancelled")).toHaveLength(2);
  });

  it("retries through an outage and loses nothing", async () => {
    await openRequest(world);
    await dropMails();
    service.setOutage(true);
    const first = await processOutboxOnce();
    expect(first).toMatchObject({ sent: 0, retried: 3 });
    const pending = await pushRows();
    expect(pending.every((r) => r.status === "pending" && r.attempts === 1)).toBe(true);
    // Not due yet: the backoff holds them back.
    expect(await processOutboxOnce()).toMatchObject({ claimed: 0 });
    service.setOutage(false);
    await sql`update private.outbox set run_after = now() where kind = 'push' and status = 'pending'`.execute(database.db);
    const second = await processOutboxOnce();
    expect(second).toMatchObject({ sent: 3 });
    expect(service.received).toHaveLength(3);
    expect((await pushRows()).every((r) => r.status === "sent" && r.attempts === 2)).toBe(true);
  });

  it("refuses malformed subscriptions with a German message and writes nothing", async () => {
    const person = world.offerers[0]!.coordinator;
    const before = await subscriptionCount();
    const good = service.createDevice();
    const cases: unknown[] = [
      null,
      "nicht json",
      { endpoint: "http://127.0.0.1/push/x", keys: { p256dh: good.p256dh, auth: good.auth } },
      { endpoint: "javascript:alert(1)", keys: { p256dh: good.p256dh, auth: good.auth } },
      { endpoint: good.endpoint, keys: { p256dh: "B" + "A".repeat(86), auth: good.auth } },
      { endpoint: good.endpoint, keys: { p256dh: good.p256dh, auth: "kurz" } },
      { endpoint: good.endpoint, keys: { p256dh: good.p256dh } },
      { endpoint: good.endpoint + "\u0000", keys: { p256dh: good.p256dh, auth: good.auth } },
      { endpoint: `${good.endpoint}${"x".repeat(1_000_000)}`, keys: { p256dh: good.p256dh, auth: good.auth } },
      { endpoint: good.endpoint, keys: { p256dh: good.p256dh, auth: good.auth }, label: "Telefon\u0000" },
    ];
    for (const raw of cases) {
      const result = await savePushSubscription(person, raw);
      expect(result).toMatchObject({ ok: false });
      expect((result as { message: string }).message).toMatch(/[äöüÄÖÜß]|Gerät|Push/);
    }
    expect(
      await savePushSubscription(person, { endpoint: "https://push.example.org/abc", keys: { p256dh: good.p256dh, auth: good.auth } }),
    ).toEqual({ ok: false, message: UNKNOWN_PUSH_SERVICE });
    expect(await savePushSubscription(person, { endpoint: good.endpoint, keys: { p256dh: "B" + "A".repeat(86), auth: good.auth } })).toEqual({
      ok: false,
      message: INVALID_SUBSCRIPTION,
    });
    expect(await subscriptionCount()).toBe(before);
  });

  it("keeps a person's settings: quiet hours, the first answer to the prompt, removing only their own device", async () => {
    const person = await createExtraCoordinator();
    const other = world.offerers[0]!.coordinator;
    expect((await loadPushSettings(person)).preferences).toEqual({ mode: "notfall", quietFrom: null, quietTo: null, promptAnswered: false });
    await savePushPreferences(person, { mode: "all", quietFrom: "22:00", quietTo: "07:00" });
    await savePushPreferences(person, { mode: "notfall", quietFrom: "21:30", quietTo: "06:45" });
    expect((await loadPushSettings(person)).preferences).toEqual({ mode: "notfall", quietFrom: "21:30", quietTo: "06:45", promptAnswered: false });

    const answered = async () =>
      (
        await sql<{ at: Date | null }>`select prompt_answered_at as at from public.push_preferences where user_id = ${person.id}::uuid`.execute(
          database.db,
        )
      ).rows[0]!.at;
    await answerPushPrompt(person);
    const first = await answered();
    expect(first).toBeInstanceOf(Date);
    await answerPushPrompt(person);
    expect(await answered()).toEqual(first);
    expect((await loadPushSettings(person)).preferences).toMatchObject({ mode: "notfall", quietFrom: "21:30", promptAnswered: true });

    const device = service.createDevice();
    const saved = await savePushSubscription(person, { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } });
    expect(saved).toMatchObject({ ok: true });
    const id = (saved as { id: string }).id;
    expect((await loadPushSettings(person)).devices.map((d) => d.id)).toEqual([id]);
    expect(await revokePushDevice(other, id)).toBe(false);
    expect(await revokePushDevice(person, "kein-uuid")).toBe(false);
    expect(await revokePushDevice(person, id)).toBe(true);
    expect(await revokePushDevice(person, id)).toBe(false);
    expect((await loadPushSettings(person)).devices).toEqual([]);
  });

  async function createExtraCoordinator() {
    const { addMember, createUser } = await import("../helpers/fixtures");
    const user = await createUser(database, { fullName: "Koordination Extra" });
    await addMember(database, world.offerers[0]!.org.id, user.id, "coordinator");
    return user;
  }
});
