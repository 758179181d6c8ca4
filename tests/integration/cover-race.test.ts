// Accepting a cover offer under real concurrency: many coordinators' clicks arrive at once, each
// in its own transaction on its own connection (asUser), and public.accept_cover_offer must give
// exactly one consistent outcome (the request row is locked `for update`, the offer re-read).
//
// Only on the PostgreSQL server (TEST_DB=postgres DATABASE_URL=…): PGlite is a single connection
// that runs one transaction at a time, so nothing there can race. The suite says so when skipped.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { dbErrorCode } from "~/.server/db/errors";
import { freshDatabase } from "../helpers/db";
import { testDbKind } from "../helpers/db-config";
import { acceptOffer, coverWorld, makeOffer, openRequest, withdrawOffer, type CoverWorld } from "../helpers/cover";
import { addMember, createUser } from "../helpers/fixtures";

const onServer = testDbKind() === "postgres";
if (!onServer) {
  console.info(
    "cover-race: skipped on PGlite (one connection, no concurrent transactions). " +
      "Run with TEST_DB=postgres DATABASE_URL=postgres://postgres@127.0.0.1:5432/test.",
  );
}

type Outcome = { ok: true; value: string } | { ok: false; code: string };

/** Settles every promise and turns each into a value or a TK_ code (anything else fails the test). */
async function outcomes(promises: Promise<string | void>[]): Promise<Outcome[]> {
  const settled = await Promise.allSettled(promises);
  return settled.map((s) => {
    if (s.status === "fulfilled") return { ok: true, value: String(s.value ?? "") };
    const code = dbErrorCode(s.reason);
    if (!code) throw s.reason;
    return { ok: false, code };
  });
}

function codes(results: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) if (!r.ok) counts[r.code] = (counts[r.code] ?? 0) + 1;
  return counts;
}

async function requestState(database: Database, requestId: string) {
  const request = await database.db
    .selectFrom("cover_requests")
    .select(["status", "covered_hours", "hours_per_week"])
    .where("id", "=", requestId)
    .executeTakeFirstOrThrow();
  const offers = await database.db
    .selectFrom("cover_offers")
    .select(["id", "status", "accepted_hours"])
    .where("request_id", "=", requestId)
    .execute();
  const ledger = await database.db
    .selectFrom("cover_ledger")
    .select(["offer_id", "hours_per_week"])
    .where("request_id", "=", requestId)
    .execute();
  const acceptedHours = offers.reduce((sum, o) => sum + Number(o.accepted_hours ?? 0), 0);
  return { request, offers, ledger, acceptedHours };
}

describe.skipIf(!onServer)("accepting cover offers concurrently (PostgreSQL server)", () => {
  let database: Database;
  let world: CoverWorld;

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 50 });
  }, 120_000);

  it("50 concurrent accepts of 50 offers that each fill the request: exactly one succeeds", async () => {
    const requestId = await openRequest(world, { hours_per_week: 10 });
    const offerIds = await Promise.all(world.offerers.map((side) => makeOffer(side, requestId, 10)));

    const results = await outcomes(offerIds.map((offerId) => acceptOffer(world.requester.coordinator, requestId, offerId)));

    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, value: "filled" }]);
    expect(codes(results)).toEqual({ TK_COVER_FILLED: 49 });
    const state = await requestState(database, requestId);
    expect(state.request).toMatchObject({ status: "filled", covered_hours: "10.00" });
    expect(state.acceptedHours).toBe(10);
    expect(state.offers.filter((o) => o.status === "accepted")).toHaveLength(1);
    expect(state.offers.filter((o) => o.status === "declined")).toHaveLength(49);
    expect(state.ledger).toHaveLength(1);
    const accepted = await sql<{ n: number }>`
      select count(*)::int as n from public.notifications where kind = 'cover.offer_accepted'
        and link = ${`/vertretungen/${requestId}`}`.execute(database.db);
    expect(accepted.rows[0]!.n).toBe(1);
  }, 60_000);

  it("50 concurrent accepts of the same offer by two coordinators: exactly one succeeds", async () => {
    const second = await createUser(database);
    await addMember(database, world.requester.org.id, second.id, "admin");
    const requestId = await openRequest(world, { hours_per_week: 8 });
    const offerId = await makeOffer(world.offerers[0]!, requestId, 8);

    const results = await outcomes(
      Array.from({ length: 50 }, (_, i) =>
        acceptOffer(i % 2 === 0 ? world.requester.coordinator : second, requestId, offerId),
      ),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(codes(results)).toEqual({ TK_COVER_FILLED: 49 });
    const state = await requestState(database, requestId);
    expect(state.request).toMatchObject({ status: "filled", covered_hours: "8.00" });
    expect(state.ledger).toHaveLength(1);
  }, 60_000);

  it("concurrent withdraw and accept of one offer: one consistent outcome, every time", async () => {
    const seen = { accepted: 0, withdrawn: 0 };
    for (let round = 0; round < 20; round++) {
      const offerer = world.offerers[round % world.offerers.length]!;
      const requestId = await openRequest(world, { hours_per_week: 6 });
      const offerId = await makeOffer(offerer, requestId, 6);

      const calls = [
        acceptOffer(world.requester.coordinator, requestId, offerId),
        withdrawOffer(offerer.coordinator, offerId).then(() => "withdrawn"),
      ];
      if (round % 2 === 1) calls.reverse();
      const results = await outcomes(calls);

      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const state = await requestState(database, requestId);
      const offer = state.offers[0]!;
      if (offer.status === "accepted") {
        seen.accepted++;
        expect(codes(results)).toEqual({ TK_COVER_OFFER_ACCEPTED: 1 });
        expect(state.request).toMatchObject({ status: "filled", covered_hours: "6.00" });
        expect(state.ledger).toHaveLength(1);
      } else {
        seen.withdrawn++;
        expect(offer.status).toBe("withdrawn");
        expect(codes(results)).toEqual({ TK_COVER_OFFER_WITHDRAWN: 1 });
        expect(state.request).toMatchObject({ status: "open", covered_hours: "0.00" });
        expect(state.ledger).toHaveLength(0);
      }
    }
    expect(seen.accepted + seen.withdrawn).toBe(20);
    console.info(`cover-race: withdraw vs accept — accept won ${seen.accepted}×, withdraw won ${seen.withdrawn}×`);
  }, 120_000);

  it("many partial offers accepted concurrently never exceed the request's hours", async () => {
    // 20 hours, ten offers of 6: three fit (18 hours), the other seven would exceed what is open.
    const requestId = await openRequest(world, { hours_per_week: 20 });
    const offerIds = await Promise.all(world.offerers.slice(0, 10).map((side) => makeOffer(side, requestId, 6)));
    const results = await outcomes(offerIds.map((id) => acceptOffer(world.requester.coordinator, requestId, id)));

    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(codes(results)).toEqual({ TK_COVER_ACCEPT_TOO_MANY_HOURS: 7 });
    let state = await requestState(database, requestId);
    expect(state.request).toMatchObject({ status: "open", covered_hours: "18.00" });
    expect(state.acceptedHours).toBe(18);

    // The last 2 hours, taken from several remaining offers at once: one gets them.
    const open = state.offers.filter((o) => o.status === "offered").map((o) => o.id);
    const rest = await outcomes(open.map((id) => acceptOffer(world.requester.coordinator, requestId, id, 2)));
    expect(rest.filter((r) => r.ok)).toEqual([{ ok: true, value: "filled" }]);
    expect(codes(rest)).toEqual({ TK_COVER_FILLED: open.length - 1 });
    state = await requestState(database, requestId);
    expect(state.request).toMatchObject({ status: "filled", covered_hours: "20.00" });
    expect(state.acceptedHours).toBe(20);
    expect(state.ledger).toHaveLength(4);
  }, 60_000);

  it("twelve offers of 5 hours on 20 hours, all accepted at once: exactly four, exactly 20 hours", async () => {
    const requestId = await openRequest(world, { hours_per_week: 20 });
    const offerIds = await Promise.all(world.offerers.slice(10, 22).map((side) => makeOffer(side, requestId, 5)));
    const results = await outcomes(offerIds.map((id) => acceptOffer(world.requester.coordinator, requestId, id)));

    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(codes(results)).toEqual({ TK_COVER_FILLED: 8 });
    const state = await requestState(database, requestId);
    expect(state.request).toMatchObject({ status: "filled", covered_hours: "20.00" });
    expect(state.acceptedHours).toBe(20);
  }, 60_000);
});
