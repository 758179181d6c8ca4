// The Vertretungsbörse's board (/vertretungen) and its dashboard section (/), through the route
// loaders as the server calls them: open requests of the circle in urgency order then newest,
// the filters (Gemeinde, Hilfeart, urgency, period), addressed-first requests only for the
// addressed Träger until they widen, the "Unsere Anfragen" (drafts, offer counts) and "Unsere
// Angebote" (state) tabs, pagination; on PGlite and with TEST_DB=postgres on the server.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { loader as boardLoader } from "~/routes/vertretungen._index";
import { loader as indexLoader } from "~/routes/_index";
import { freshDatabase } from "../helpers/db";
import { acceptOffer, coverWorld, draftRequest, makeOffer, openRequest, publishRequest, type CoverWorld } from "../helpers/cover";
import { createUser, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type BoardData = Awaited<ReturnType<typeof boardLoader>>;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("the cover board", () => {
  let database: Database;
  let world: CoverWorld;
  const ids = {} as Record<
    "notfallOld" | "notfallNew" | "dringend" | "planbar" | "draft" | "addressed" | "filled" | "partly" | "offeredOnly",
    string
  >;

  async function board(user: TestUser, query = "") {
    const outcome = await callRoute<BoardData>(boardLoader, await requestAs(database, user, `/vertretungen${query}`));
    expect(outcome.status).toBe(200);
    return outcome.data.board;
  }

  /** Publishing times an hour apart, so "newest first" is deterministic. */
  async function publishedHoursAgo(id: string, hours: number) {
    await sql`update public.cover_requests set published_at = now() - make_interval(hours => ${hours}) where id = ${id}`.execute(
      database.db,
    );
  }

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 2 });
    ids.notfallOld = await openRequest(world, { urgency: "notfall", gemeinde: "dinslaken" });
    await publishedHoursAgo(ids.notfallOld, 5);
    ids.notfallNew = await openRequest(world, { urgency: "notfall", gemeinde: "wesel", hilfeart: "p34" });
    await publishedHoursAgo(ids.notfallNew, 1);
    ids.dringend = await openRequest(world, { urgency: "dringend", period_from: day(20), period_to: day(40) });
    await publishedHoursAgo(ids.dringend, 0);
    ids.planbar = await openRequest(world, { urgency: "planbar", hilfeart: "p34", gemeinde: "moers" });
    ids.draft = await draftRequest(world, { urgency: "notfall" });
    ids.addressed = await draftRequest(world, {
      urgency: "notfall",
      addressing: "addressed",
      widen_at: new Date(Date.now() + 3 * 3600_000),
    });
    await database.db
      .insertInto("cover_request_recipients")
      .values({ request_id: ids.addressed, org_id: world.offerers[0]!.org.id })
      .execute();
    await publishRequest(world.requester.coordinator, ids.addressed);
    ids.filled = await openRequest(world, { urgency: "notfall", hours_per_week: 10 });
    const offer = await makeOffer(world.offerers[0]!, ids.filled, 10);
    await acceptOffer(world.requester.coordinator, ids.filled, offer);
    ids.partly = await openRequest(world, { urgency: "dringend", hours_per_week: 20 });
    await publishedHoursAgo(ids.partly, 3);
    const part = await makeOffer(world.offerers[1]!, ids.partly, 12);
    await acceptOffer(world.requester.coordinator, ids.partly, part);
    ids.offeredOnly = await openRequest(world, { urgency: "planbar", hours_per_week: 8 });
    await makeOffer(world.offerers[1]!, ids.offeredOnly, 8);
  });

  it("shows the circle's open requests: Notfall first, then newest; no drafts, nothing filled", async () => {
    const data = await board(world.offerers[1]!.coordinator);
    const order = data.open.map((c) => c.id);
    expect(order.slice(0, 2)).toEqual([ids.notfallNew, ids.notfallOld]);
    expect(order).not.toContain(ids.draft);
    expect(order).not.toContain(ids.filled);
    const urgencies = data.open.map((c) => c.urgency);
    expect(urgencies).toEqual([...urgencies].sort((a, b) => ["notfall", "dringend", "planbar"].indexOf(a) - ["notfall", "dringend", "planbar"].indexOf(b)));
    // Among the dringend ones, the newest (published just now) comes first.
    expect(order.indexOf(ids.dringend)).toBeLessThan(order.indexOf(ids.partly));
  });

  it("shows how far a request is covered, without the offers behind it", async () => {
    const data = await board(world.offerers[1]!.coordinator);
    const partly = data.open.find((c) => c.id === ids.partly)!;
    expect(partly.coveredHours).toMatch(/^12(\.0+)?$/);
    expect(partly.hoursPerWeek).toMatch(/^20(\.0+)?$/);
    // Another Träger's request: no case reference and not ours (the page leaves both keys out).
    expect(partly.caseReference).toBeUndefined();
    expect(partly.own).toBeUndefined();
  });

  it("shows an addressed-first request only to the addressed Träger until it widens", async () => {
    const addressee = await board(world.offerers[0]!.coordinator);
    const card = addressee.open.find((c) => c.id === ids.addressed);
    expect(card).toMatchObject({ addressing: "addressed", addressedToUs: true, recipientCount: 1 });
    const other = await board(world.offerers[1]!.coordinator);
    expect(other.open.map((c) => c.id)).not.toContain(ids.addressed);
    await sql`update public.cover_requests set widen_at = now() - interval '1 minute' where id = ${ids.addressed}`.execute(database.db);
    const widened = await board(world.offerers[1]!.coordinator);
    const wide = widened.open.find((c) => c.id === ids.addressed);
    expect(wide).toMatchObject({ addressing: "addressed" });
    expect(wide?.addressedToUs).toBeUndefined(); // false is left out of the page's data
  });

  it("filters by Gemeinde, Hilfeart, urgency and period in the URL", async () => {
    const user = world.offerers[1]!.coordinator;
    expect((await board(user, "?gemeinde=wesel")).open.map((c) => c.id)).toEqual([ids.notfallNew]);
    expect((await board(user, "?hilfeart=p34")).open.map((c) => c.id)).toEqual([ids.notfallNew, ids.planbar]);
    const dringend = (await board(user, "?dringlichkeit=dringend")).open;
    expect(dringend.every((c) => c.urgency === "dringend")).toBe(true);
    expect(dringend.map((c) => c.id)).toEqual([ids.dringend, ids.partly]);
    // Period: requests whose period overlaps [von, bis].
    const later = (await board(user, `?von=${day(35)}`)).open.map((c) => c.id);
    expect(later).toEqual([ids.dringend]);
    const soon = (await board(user, `?bis=${day(5)}`)).open.map((c) => c.id);
    expect(soon).not.toContain(ids.dringend);
    expect(soon).toContain(ids.notfallNew);
  });

  it("ignores malformed filters instead of failing", async () => {
    const data = await board(world.offerers[1]!.coordinator, "?gemeinde=%27;drop&dringlichkeit=sofort&von=gestern&seite=-3&ansicht=x");
    expect(data.view).toBe("offen");
    expect(data.open.length).toBeGreaterThan(3);
  });

  it("lists our requests with drafts and offer counts, and our offers with their state", async () => {
    const mine = await board(world.requester.member, "?ansicht=anfragen");
    const byId = new Map(mine.requests.map((r) => [r.id, r]));
    expect(byId.get(ids.draft)?.status).toBe("draft");
    expect(byId.get(ids.filled)).toMatchObject({ status: "filled", acceptedOffers: 1, openOffers: 0 });
    expect(byId.get(ids.offeredOnly)).toMatchObject({ status: "open", openOffers: 1, acceptedOffers: 0 });
    expect(byId.get(ids.draft)?.caseReference).toBe("F-2026-014");
    expect(mine.canPost).toBe(false);

    const offers = await board(world.offerers[1]!.coordinator, "?ansicht=angebote");
    expect(offers.offers.map((o) => [o.request.id, o.offerStatus])).toEqual([
      [ids.offeredOnly, "offered"],
      [ids.partly, "accepted"],
    ]);
    expect(offers.offers[1]!.acceptedHours).toMatch(/^12(\.0+)?$/);
  });

  it("pages through many open requests", async () => {
    for (let i = 0; i < 22; i++) await openRequest(world, { urgency: "planbar", gemeinde: "xanten" });
    const first = await board(world.offerers[1]!.coordinator, "?gemeinde=xanten");
    expect(first.open).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    const second = await board(world.offerers[1]!.coordinator, "?gemeinde=xanten&seite=2");
    expect(second.open).toHaveLength(2);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.open, ...second.open].map((c) => c.id)).size).toBe(22);
  });

  it("shows a person without a Träger an empty board", async () => {
    const stranger = await createUser(database);
    const data = await board(stranger);
    expect(data).toMatchObject({ inCircle: false, canPost: false, open: [] });
  });

  it("counts open Notfälle of other Träger on the dashboard and lists our open requests", async () => {
    const outcome = await callRoute(indexLoader, await requestAs(database, world.offerers[1]!.coordinator, "/"));
    const data = outcome.data as { cover: { openNotfaelle: number; ownOpen: unknown[]; inCircle: boolean } };
    // notfallOld, notfallNew, addressed (widened above); not the draft, not the filled one.
    expect(data.cover).toMatchObject({ inCircle: true, openNotfaelle: 3, ownOpen: [] });
    const requester = await callRoute(indexLoader, await requestAs(database, world.requester.coordinator, "/"));
    const mine = (requester.data as { cover: { openNotfaelle: number; ownOpen: Array<{ id: string; status: string }> } }).cover;
    expect(mine.openNotfaelle).toBe(0);
    expect(mine.ownOpen).toHaveLength(5);
    expect(mine.ownOpen[0]!.status).toMatch(/open|draft/);
  });

  it("pages our offers by what the Träger can see: an offer on a request gone from view neither shortens a page nor repeats a row", async () => {
    const side = world.offerers[1]!;
    const before = (await board(side.coordinator, "?ansicht=angebote")).offers.map((o) => o.offerId);
    const visible: string[] = [];
    for (let i = 0; i < 21; i++) {
      visible.push(await makeOffer(side, await openRequest(world, { urgency: "planbar", gemeinde: "wesel" }), 5));
    }
    // The newest offer: on a request addressed to this Träger, which then loses sight of it
    // (its recipient entry removed before the request widens to the circle).
    const addressed = await draftRequest(world, {
      urgency: "dringend",
      addressing: "addressed",
      widen_at: new Date(Date.now() + 3 * 3600_000),
    });
    await database.db.insertInto("cover_request_recipients").values({ request_id: addressed, org_id: side.org.id }).execute();
    await publishRequest(world.requester.coordinator, addressed);
    const hidden = await makeOffer(side, addressed, 5);
    await sql`delete from public.cover_request_recipients where request_id = ${addressed}`.execute(database.db);

    const first = await board(side.coordinator, "?ansicht=angebote");
    const second = await board(side.coordinator, "?ansicht=angebote&seite=2");
    expect(first.hasMore).toBe(true);
    expect(first.offers.length).toBeLessThanOrEqual(20);
    expect(second.hasMore).toBe(false);
    const shown = [...first.offers, ...second.offers].map((o) => o.offerId);
    expect(shown).not.toContain(hidden);
    expect(new Set(shown).size).toBe(shown.length);
    expect(new Set(shown)).toEqual(new Set([...visible, ...before]));
  });
});
