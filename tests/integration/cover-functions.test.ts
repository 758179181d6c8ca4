// The Vertretungsbörse's SQL rules as the app meets them (asUser, on PGlite and on the server):
// bad input gets a stable TK_ code with a German message and writes nothing; the escalation and
// expiry timers (runCoverTimers, what the worker calls) widen and expire exactly once.
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { userMessageFor } from "~/.server/db/errors";
import { asUser } from "~/.server/db/request";
import { runCoverTimers } from "~/.server/cover/timers";
import {
  completeCover,
  coverContacts,
  declineCoverOffer,
  setCoverContact,
} from "~/.server/cover/functions";
import { freshDatabase } from "../helpers/db";
import {
  acceptOffer,
  cancelRequest,
  coverWorld,
  draftRequest,
  makeOffer,
  openRequest,
  publishRequest,
  tkCode,
  type CoverWorld,
} from "../helpers/cover";

async function counts(database: Database) {
  const row = await sql<{ requests: number; offers: number; ledger: number; notifications: number; mails: number }>`
    select (select count(*)::int from public.cover_requests) as requests,
           (select count(*)::int from public.cover_offers) as offers,
           (select count(*)::int from public.cover_ledger) as ledger,
           (select count(*)::int from public.notifications) as notifications,
           (select count(*)::int from private.outbox) as mails`.execute(database.db);
  return row.rows[0]!;
}

describe("cover functions refuse bad input with a German message and write nothing", () => {
  let database: Database;
  let world: CoverWorld;

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 2 });
  });

  it.each([
    ["period end before start", { period_from: "2027-03-10", period_to: "2027-03-01" }, "TK_COVER_PERIOD_INVALID"],
    ["0 hours", { hours_per_week: 0 }, "TK_COVER_HOURS_INVALID"],
    ["negative hours", { hours_per_week: -4 }, "TK_COVER_HOURS_INVALID"],
    ["over 60 hours", { hours_per_week: 60.5 }, "TK_COVER_HOURS_INVALID"],
    ["an unknown Gemeinde", { gemeinde: "atlantis" }, "TK_UNKNOWN_GEMEINDE"],
    ["an unknown Hilfeart", { hilfeart: "p99" }, "TK_UNKNOWN_HILFEART"],
    ["a name as case reference", { case_reference: "Familie Yılmaz" }, "TK_COVER_CASE_REFERENCE_INVALID"],
    ["a gender requirement without reason", { gender_requirement: "weiblich" as const }, "TK_COVER_GENDER_REASON_REQUIRED"],
    ["addressed without widening time", { addressing: "addressed" as const }, "TK_COVER_ADDRESSING_INVALID"],
  ])("drafting with %s", async (_label, values, code) => {
    const before = await counts(database);
    const error = await draftRequest(world, values).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(await tkCode(Promise.reject(error))).toBe(code);
    expect(userMessageFor(error)).toMatch(/[äöüÄÖÜß]|\w{3,}/);
    expect(userMessageFor(error)).not.toMatch(/TK_|violates|constraint/);
    expect(await counts(database)).toEqual(before);
  });

  it("hours 60 are the most a week may ask for", async () => {
    const id = await draftRequest(world, { hours_per_week: 60 });
    expect(id).toBeTruthy();
  });

  it("publishing without the 'enthält keine Sozialdaten' confirmation is refused", async () => {
    const id = await draftRequest(world, { no_sozialdaten_confirmed: false });
    const before = await counts(database);
    expect(await tkCode(publishRequest(world.requester.coordinator, id))).toBe("TK_COVER_SOZIALDATEN_UNCONFIRMED");
    expect(await counts(database)).toEqual(before);
  });

  it("a member of the requesting Träger cannot post", async () => {
    const error = await draftRequest(world, {}, world.requester.member).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(userMessageFor(error)).toBe("Dazu fehlt Ihnen die Berechtigung.");
  });

  it("offering on one's own request, out of range hours, or twice", async () => {
    const requestId = await openRequest(world, { hours_per_week: 10 });
    const requesterSide = { ...world.requester, coordinator: world.requester.coordinator };
    const before = await counts(database);
    expect(await tkCode(makeOffer(requesterSide, requestId, 5))).toBe("TK_COVER_OWN_REQUEST");
    expect(await tkCode(makeOffer(world.offerers[0]!, requestId, 0))).toBe("TK_COVER_HOURS_INVALID");
    expect(await tkCode(makeOffer(world.offerers[0]!, requestId, 61))).toBe("TK_COVER_HOURS_INVALID");
    expect(await tkCode(makeOffer(world.offerers[0]!, requestId, 10.5))).toBe("TK_COVER_OFFER_TOO_MANY_HOURS");
    expect(await tkCode(makeOffer(world.offerers[0]!, requestId, 5, world.offerers[0]!.member))).toBe(
      "TK_COVER_COORDINATORS_ONLY",
    );
    expect(await counts(database)).toEqual(before);
    await makeOffer(world.offerers[0]!, requestId, 5);
    expect(await tkCode(makeOffer(world.offerers[0]!, requestId, 5))).toBe("TK_COVER_OFFER_EXISTS");
  });

  it("accepting an offer of a cancelled request", async () => {
    const requestId = await openRequest(world);
    const offerId = await makeOffer(world.offerers[0]!, requestId, 10);
    await cancelRequest(world.requester.coordinator, requestId, "Die Kollegin ist wieder gesund.");
    const before = await counts(database);
    expect(await tkCode(acceptOffer(world.requester.coordinator, requestId, offerId))).toBe("TK_COVER_CANCELLED");
    expect(await counts(database)).toEqual(before);
  });

  it("accepting with an offer id of another request, or on behalf of another Träger", async () => {
    const first = await openRequest(world);
    const second = await openRequest(world);
    const offerOnSecond = await makeOffer(world.offerers[0]!, second, 10);
    const before = await counts(database);
    expect(await tkCode(acceptOffer(world.requester.coordinator, first, offerOnSecond))).toBe("TK_COVER_OFFER_NOT_FOUND");
    expect(await tkCode(acceptOffer(world.offerers[0]!.coordinator, second, offerOnSecond))).toBe("TK_COVER_REQUESTER_ONLY");
    expect(await tkCode(acceptOffer(world.offerers[1]!.coordinator, second, offerOnSecond))).toBe("TK_COVER_REQUESTER_ONLY");
    expect(await tkCode(acceptOffer(world.requester.member, second, offerOnSecond))).toBe("TK_COVER_REQUESTER_ONLY");
    expect(await counts(database)).toEqual(before);
    const status = await database.db.selectFrom("cover_offers").select("status").where("id", "=", offerOnSecond).executeTakeFirstOrThrow();
    expect(status.status).toBe("offered");
  });

  it("every TK_ code the cover migrations raise has a German message", () => {
    const dir = path.join(process.cwd(), "supabase", "migrations");
    const codes = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => f.includes("cover"))) {
      for (const m of fs.readFileSync(path.join(dir, file), "utf8").matchAll(/'(TK_[A-Z_]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(25);
    for (const code of codes) {
      const message = userMessageFor({ code: "P0001", message: code });
      expect(message, code).toBeDefined();
      expect(message, code).not.toBe("Die Aktion ist nicht möglich.");
    }
  });
});

describe("a cover from request to completion, through app/.server/cover/functions.ts", () => {
  let database: Database;
  let world: CoverWorld;

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 3 });
  });

  it("offers, accepts partly, fills, shows contacts, declines the rest and completes", async () => {
    const [o1, o2, o3] = world.offerers as [CoverWorld["requester"], CoverWorld["requester"], CoverWorld["requester"]];
    const requestId = await openRequest(world, { hours_per_week: "12.5" });
    const offer1 = await makeOffer(o1, requestId, "7.5");
    const offer2 = await makeOffer(o2, requestId, 10);
    const offer3 = await makeOffer(o3, requestId, 3);

    const seen = await asUser(world.requester.member, (tx) =>
      tx.selectFrom("cover_offers").select(["id", "hours_per_week", "languages", "status"]).where("request_id", "=", requestId).orderBy("hours_per_week").execute(),
    );
    expect(seen).toEqual([
      { id: offer3, hours_per_week: "3.00", languages: ["Türkisch", "Englisch"], status: "offered" },
      { id: offer1, hours_per_week: "7.50", languages: ["Türkisch", "Englisch"], status: "offered" },
      { id: offer2, hours_per_week: "10.00", languages: ["Türkisch", "Englisch"], status: "offered" },
    ]);
    expect(await asUser(o2.coordinator, (tx) => coverContacts(tx, requestId))).toEqual([
      expect.objectContaining({ org_id: o2.org.id, side: "offerer", full_name: "Koordination O2" }),
    ]);

    expect(await acceptOffer(world.requester.coordinator, requestId, offer1)).toBe("open");
    await asUser(world.requester.coordinator, (tx) => declineCoverOffer(tx, requestId, offer3, "Drei Stunden reichen uns nicht."));
    expect(await acceptOffer(world.requester.coordinator, requestId, offer2, 5)).toBe("filled");

    const request = await asUser(o3.member, (tx) =>
      tx.selectFrom("cover_requests").select(["status", "covered_hours", "hours_per_week"]).where("id", "=", requestId).executeTakeFirstOrThrow(),
    );
    expect(request).toEqual({ status: "filled", covered_hours: "12.50", hours_per_week: "12.50" });

    await asUser(world.requester.coordinator, (tx) =>
      setCoverContact(tx, requestId, world.requester.org.id, world.requester.member.id),
    );
    const contacts = await asUser(o2.coordinator, (tx) => coverContacts(tx, requestId));
    expect(contacts.map((c) => [c.side, c.full_name])).toEqual([
      ["requester", "Mitglied R"],
      ["offerer", "Koordination O2"],
    ]);
    // A plain member of the accepting Träger who is not its contact sees only its own side.
    expect((await asUser(o2.member, (tx) => coverContacts(tx, requestId))).map((c) => c.side)).toEqual(["offerer"]);
    expect(await asUser(o3.coordinator, (tx) => coverContacts(tx, requestId))).toEqual([
      expect.objectContaining({ org_id: o3.org.id }),
    ]);

    await asUser(o1.coordinator, (tx) => completeCover(tx, offer1, 30));
    await asUser(world.requester.coordinator, (tx) => completeCover(tx, offer2, "21.25"));
    const ledger = await asUser(world.requester.member, (tx) =>
      tx.selectFrom("cover_ledger").select(["giver_org_id", "hours_per_week", "actual_hours", "aueg_note"]).orderBy("hours_per_week").execute(),
    );
    expect(ledger).toEqual([
      { giver_org_id: o2.org.id, hours_per_week: "5.00", actual_hours: "21.25", aueg_note: "gelegentlich, § 1 Abs. 3 Nr. 2a AÜG" },
      { giver_org_id: o1.org.id, hours_per_week: "7.50", actual_hours: "30.00", aueg_note: "gelegentlich, § 1 Abs. 3 Nr. 2a AÜG" },
    ]);
    const done = await database.db.selectFrom("cover_requests").select("status").where("id", "=", requestId).executeTakeFirstOrThrow();
    expect(done.status).toBe("completed");
  });
});

describe("the escalation and expiry timers (runCoverTimers)", () => {
  let database: Database;
  let world: CoverWorld;

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 3 });
  });

  async function addressedTo(orgId: string): Promise<string> {
    const id = await draftRequest(world, {
      addressing: "addressed",
      widen_at: new Date(Date.now() + 3600_000),
    });
    await asUser(world.requester.coordinator, (tx) =>
      tx.insertInto("cover_request_recipients").values({ request_id: id, org_id: orgId }).execute(),
    );
    await publishRequest(world.requester.coordinator, id);
    return id;
  }

  const sees = (user: CoverWorld["requester"]["coordinator"], id: string) =>
    asUser(user, (tx) => tx.selectFrom("cover_requests").select("id").where("id", "=", id).executeTakeFirst()).then(Boolean);

  const alerts = async (id: string) =>
    (
      await database.db
        .selectFrom("notifications")
        .select(["user_id", "kind"])
        .where("link", "=", `/vertretungen/${id}`)
        .execute()
    ).map((n) => `${n.kind}:${n.user_id}`);

  it("widens a request whose widen_at passed, once; leaves one whose time has not come", async () => {
    const [o1, o2, o3] = world.offerers as [CoverWorld["requester"], CoverWorld["requester"], CoverWorld["requester"]];
    const due = await addressedTo(o1.org.id);
    const notYet = await addressedTo(o1.org.id);
    expect(await alerts(due)).toEqual([`cover.alert:${o1.coordinator.id}`]);

    // Before widen_at only the addressed Träger sees them.
    expect(await sees(o1.member, due)).toBe(true);
    expect(await sees(o2.coordinator, due)).toBe(false);
    expect(await sees(o3.member, notYet)).toBe(false);

    await database.db.updateTable("cover_requests").set({ widen_at: new Date(Date.now() - 60_000) }).where("id", "=", due).execute();
    // Visible as soon as the time has passed, before the timer ran.
    expect(await sees(o2.coordinator, due)).toBe(true);
    expect(await sees(o2.coordinator, notYet)).toBe(false);

    expect(await runCoverTimers()).toEqual({ partners: 0, widened: 1, expired: 0, fuehrungszeugnisReminders: 0 });
    expect(await runCoverTimers()).toEqual({ partners: 0, widened: 0, expired: 0, fuehrungszeugnisReminders: 0 });

    expect((await alerts(due)).sort()).toEqual(
      [
        `cover.alert:${o1.coordinator.id}`,
        `cover.alert:${o2.coordinator.id}`,
        `cover.alert:${o3.coordinator.id}`,
        `cover.request_widened:${world.requester.coordinator.id}`,
      ].sort(),
    );
    expect(await alerts(notYet)).toEqual([`cover.alert:${o1.coordinator.id}`]);
    const mails = await sql<{ to: string }>`
      select payload->>'to' as to from private.outbox
      where payload->>'template' = 'cover-request-alert' and payload->'props'->>'occasion' = 'widened'
        and payload->'props'->>'requestId' = ${due} order by 1`.execute(database.db);
    expect(mails.rows.map((r) => r.to)).toEqual([o2.coordinator.email, o3.coordinator.email].sort());
    const row = await database.db.selectFrom("cover_requests").select(["widened_at"]).where("id", "=", notYet).executeTakeFirstOrThrow();
    expect(row.widened_at).toBeNull();
  });

  it("expires an open request whose period ended, once, and tells the offerer", async () => {
    const requestId = await openRequest(world);
    const offerId = await makeOffer(world.offerers[0]!, requestId, 5);
    expect(await runCoverTimers()).toEqual({ partners: 0, widened: 0, expired: 0, fuehrungszeugnisReminders: 0 });
    await database.db
      .updateTable("cover_requests")
      .set({ period_from: "2020-01-01", period_to: "2020-01-31" })
      .where("id", "=", requestId)
      .execute();
    expect(await runCoverTimers()).toEqual({ partners: 0, widened: 0, expired: 1, fuehrungszeugnisReminders: 0 });
    expect(await runCoverTimers()).toEqual({ partners: 0, widened: 0, expired: 0, fuehrungszeugnisReminders: 0 });
    const offer = await database.db.selectFrom("cover_offers").select(["status"]).where("id", "=", offerId).executeTakeFirstOrThrow();
    expect(offer.status).toBe("declined");
    const mail = await sql<{ to: string }>`
      select payload->>'to' as to from private.outbox where payload->>'template' = 'cover-request-expired'`.execute(database.db);
    expect(mail.rows.map((r) => r.to)).toEqual([world.offerers[0]!.coordinator.email]);
  });
});
