// The request page (/vertretungen/:id) through its loader and action: an offer on one's own
// request is refused with a German message; an offer and its acceptance through the action; after
// acceptance both sides see each other's contact person and the accepted Träger the handover
// notes; a third Träger sees "besetzt" and no offer; members read but cannot accept; a hidden
// request is a 404; the atomic outcomes of the database come back as messages in the right form.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action, loader } from "~/routes/vertretungen.$id._index/route";
import { freshDatabase } from "../helpers/db";
import { acceptOffer, coverWorld, draftRequest, makeOffer, openRequest, publishRequest, type CoverWorld, type Side } from "../helpers/cover";
import { createUser, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Detail = Awaited<ReturnType<typeof loader>>;
type Answer = { formId: string; result: { error?: Record<string, string[] | null> } };

describe("the cover request page", () => {
  let database: Database;
  let world: CoverWorld;

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 2 });
  });

  async function view(user: TestUser, id: string) {
    return callRoute<Detail>(loader, await requestAs(database, user, `/vertretungen/${id}`), { id });
  }

  async function step(user: TestUser, id: string, form: Record<string, string>) {
    return callRoute<Answer>(action, await requestAs(database, user, `/vertretungen/${id}`, { form }), { id });
  }

  const offerForm = (orgId: string, hours = "20") => ({
    intent: "offer",
    formId: "offer",
    orgId,
    hoursPerWeek: hours,
    availableFrom: new Date().toISOString().slice(0, 10),
    qualification: "Sozialpädagoge",
    languages: "Arabisch",
    message: "Können sofort übernehmen.",
  });

  it("refuses an offer on one's own request with a German message and writes nothing", async () => {
    const id = await openRequest(world);
    const page = await view(world.requester.coordinator, id);
    expect(page.data).toMatchObject({ isRequester: true, canManage: true, offerOrgs: [] });
    const outcome = await step(world.requester.coordinator, id, offerForm(world.requester.org.id));
    expect(outcome.status).toBe(200);
    expect(outcome.data.formId).toBe("offer");
    expect(outcome.data.result.error?.[""]).toEqual(["Auf eine Anfrage des eigenen Trägers können Sie kein Angebot abgeben."]);
    expect(await database.db.selectFrom("cover_offers").select("id").where("request_id", "=", id).execute()).toEqual([]);
  });

  it("answers bad offer input at the field, and the database's limits too", async () => {
    const id = await openRequest(world, { hours_per_week: 10 });
    const tooMany = await step(world.offerers[0]!.coordinator, id, offerForm(world.offerers[0]!.org.id, "12"));
    expect(tooMany.data.result.error?.hoursPerWeek?.[0]).toMatch(/nicht mehr offen/);
    const zero = await step(world.offerers[0]!.coordinator, id, offerForm(world.offerers[0]!.org.id, "0"));
    expect(zero.data.result.error?.hoursPerWeek?.[0]).toMatch(/mehr als 0/);
    const late = await step(world.offerers[0]!.coordinator, id, { ...offerForm(world.offerers[0]!.org.id, "5"), availableFrom: "2099-01-01" });
    expect(late.data.result.error?.availableFrom?.[0]).toMatch(/spätestens am letzten Tag/);
    expect(await database.db.selectFrom("cover_offers").select("id").where("request_id", "=", id).execute()).toEqual([]);
  });

  it("offers, accepts; then both see the contact persons and the accepted Träger the handover notes; a third Träger sees 'besetzt' and no offer", async () => {
    const id = await openRequest(world, { hours_per_week: 20 });
    const notes = await step(world.requester.coordinator, id, { intent: "handover", formId: "handover", notes: "Familie Yılmaz, Termine vormittags." });
    expect(notes.status).toBe(302);

    const before = await view(world.offerers[0]!.coordinator, id);
    expect(before.data.offerOrgs).toEqual([{ orgId: world.offerers[0]!.org.id, name: world.offerers[0]!.org.name }]);
    expect(before.data.handoverNotes).toBeNull();

    const offered = await step(world.offerers[0]!.coordinator, id, offerForm(world.offerers[0]!.org.id));
    expect(offered.status).toBe(302);
    expect(offered.location).toBe(`/vertretungen/${id}`);
    const offerId = (await database.db.selectFrom("cover_offers").select("id").where("request_id", "=", id).executeTakeFirstOrThrow()).id;

    // Before acceptance: the offerer sees its own contact only, no handover notes.
    const waiting = await view(world.offerers[0]!.coordinator, id);
    expect(waiting.data.contacts.map((c) => c.org_id)).toEqual([world.offerers[0]!.org.id]);
    expect(waiting.data.handoverNotes).toBeNull();
    expect(waiting.data.offers.map((o) => [o.orgId, o.status, o.own])).toEqual([[world.offerers[0]!.org.id, "offered", true]]);

    // A member of the requesting Träger reads the offer, but may not accept.
    const memberView = await view(world.requester.member, id);
    expect(memberView.data).toMatchObject({ isRequester: true, canManage: false });
    expect(memberView.data.offers).toHaveLength(1);
    const memberAccept = await step(world.requester.member, id, { intent: "accept", formId: `accept-${offerId}`, offerId });
    expect(memberAccept.data.result.error?.[""]?.[0]).toMatch(/nur die Koordination des anfragenden Trägers/);

    const accepted = await step(world.requester.coordinator, id, { intent: "accept", formId: `accept-${offerId}`, offerId, hours: "" });
    expect(accepted.status).toBe(302);
    expect(accepted.setCookies.join(";")).toMatch(/tk_toast/);

    const requester = await view(world.requester.coordinator, id);
    expect(requester.data.request.status).toBe("filled");
    expect(requester.data.contacts.map((c) => c.full_name).sort()).toEqual(
      [world.requester.coordinator.fullName, world.offerers[0]!.coordinator.fullName].sort(),
    );
    const offerer = await view(world.offerers[0]!.coordinator, id);
    expect(offerer.data.contacts.map((c) => c.full_name).sort()).toEqual(
      [world.requester.coordinator.fullName, world.offerers[0]!.coordinator.fullName].sort(),
    );
    expect(offerer.data.handoverNotes?.notes).toMatch(/Yılmaz/);
    expect(offerer.data.offers[0]!.ledger).toMatchObject({ completedAt: null });

    const third = await view(world.offerers[1]!.coordinator, id);
    expect(third.status).toBe(200);
    expect(third.data.request.status).toBe("filled");
    expect(third.data.request.coveredHours).toMatch(/^20(\.0+)?$/);
    expect(third.data.offers).toEqual([]);
    expect(third.data.contacts).toEqual([]);
    expect(third.data.handoverNotes).toBeNull();
    expect(third.data.recipients).toEqual([]);
    const thirdMember = await view(world.offerers[1]!.member, id);
    expect(thirdMember.data.offers).toEqual([]);
  });

  it("tells the second accept that the request is already besetzt, in that offer's form", async () => {
    const id = await openRequest(world, { hours_per_week: 8 });
    const first = await makeOffer(world.offerers[0]!, id, 8);
    const second = await makeOffer(world.offerers[1]!, id, 8);
    await acceptOffer(world.requester.coordinator, id, first);
    const outcome = await step(world.requester.coordinator, id, { intent: "accept", formId: `accept-${second}`, offerId: second });
    expect(outcome.status).toBe(200);
    expect(outcome.data.formId).toBe(`accept-${second}`);
    expect(outcome.data.result.error?.[""]).toEqual(["Diese Anfrage ist bereits vollständig besetzt."]);
  });

  it("accepts part of an offer and keeps the request open for the rest", async () => {
    const id = await openRequest(world, { hours_per_week: 20 });
    const offer = await makeOffer(world.offerers[0]!, id, 20);
    const tooMuch = await step(world.requester.coordinator, id, { intent: "accept", formId: `accept-${offer}`, offerId: offer, hours: "25" });
    expect(tooMuch.data.result.error?.hours?.[0]).toMatch(/Zahl wie 8|mehr als 0|Std|Angebot/);
    const part = await step(world.requester.coordinator, id, { intent: "accept", formId: `accept-${offer}`, offerId: offer, hours: "7,5" });
    expect(part.status).toBe(302);
    const row = await database.db.selectFrom("cover_requests").select(["status", "covered_hours"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("open");
    expect(Number(row.covered_hours)).toBe(7.5);
  });

  it("declines with a message, lets the offerer withdraw until accepted, cancels with a reason", async () => {
    const id = await openRequest(world, { hours_per_week: 20 });
    const a = await makeOffer(world.offerers[0]!, id, 10);
    const b = await makeOffer(world.offerers[1]!, id, 10);
    const declined = await step(world.requester.coordinator, id, { intent: "decline", formId: `decline-${a}`, offerId: a, message: "Danke, intern gelöst." });
    expect(declined.status).toBe(302);
    const withdrawn = await step(world.offerers[1]!.coordinator, id, { intent: "withdraw", formId: `withdraw-${b}`, offerId: b });
    expect(withdrawn.status).toBe(302);
    const offers = await database.db.selectFrom("cover_offers").select(["id", "status", "decline_message"]).where("request_id", "=", id).execute();
    expect(Object.fromEntries(offers.map((o) => [o.id, o.status]))).toEqual({ [a]: "declined", [b]: "withdrawn" });
    // An offer id of another request is refused.
    const other = await openRequest(world);
    const foreign = await step(world.requester.coordinator, other, { intent: "accept", formId: `accept-${a}`, offerId: a });
    expect(foreign.data.result.error?.[""]).toEqual(["Dieses Angebot gehört nicht zu dieser Anfrage."]);

    const short = await step(world.requester.coordinator, id, { intent: "cancel", formId: "cancel", reason: "x" });
    expect(short.data.result.error?.reason?.[0]).toMatch(/mindestens 3 Zeichen/);
    const cancelled = await step(world.requester.coordinator, id, { intent: "cancel", formId: "cancel", reason: "Kollegin ist zurück." });
    expect(cancelled.status).toBe(302);
    const page = await view(world.requester.coordinator, id);
    expect(page.data.request).toMatchObject({ status: "cancelled", cancelReason: "Kollegin ist zurück." });
    // Neither the Träger declined before nor the one that withdrew was told, so they read no reason.
    for (const side of world.offerers) {
      expect((await view(side.coordinator, id)).data.request).toMatchObject({ status: "cancelled", cancelReason: null });
    }
    // Accepting an offer of a cancelled request: a message, nothing written.
    const late = await step(world.requester.coordinator, id, { intent: "accept", formId: `accept-${a}`, offerId: a });
    expect(late.data.result.error?.[""]).toEqual(["Diese Anfrage wurde abgesagt."]);
  });

  it("shows the reason of a cancellation to the requester and the Träger that had an offer then, not to the circle", async () => {
    const three = await coverWorld(database, { offerers: 3 });
    const [accepted, open, third] = three.offerers as [Side, Side, Side];
    const id = await openRequest(three, { hours_per_week: 20 });
    await acceptOffer(three.requester.coordinator, id, await makeOffer(accepted, id, 10));
    await makeOffer(open, id, 5);
    const cancelled = await step(three.requester.coordinator, id, { intent: "cancel", formId: "cancel", reason: "Die Hilfe endet vorzeitig." });
    expect(cancelled.status).toBe(302);
    for (const user of [three.requester.coordinator, three.requester.member, accepted.coordinator, accepted.member, open.coordinator]) {
      expect((await view(user, id)).data.request).toMatchObject({ status: "cancelled", cancelReason: "Die Hilfe endet vorzeitig." });
    }
    const circle = (await view(third.coordinator, id)).data.request;
    expect(circle).toMatchObject({ status: "cancelled", cancelReason: null, caseReference: null });
    expect(circle.cancelledAt).not.toBeNull();
  });

  it("marks an accepted cover as completed with the hours actually given (either side)", async () => {
    const id = await openRequest(world, { hours_per_week: 10 });
    const offer = await makeOffer(world.offerers[0]!, id, 10);
    await acceptOffer(world.requester.coordinator, id, offer);
    const bad = await step(world.offerers[0]!.coordinator, id, { intent: "complete", formId: `complete-${offer}`, offerId: offer, actualHours: "viele" });
    expect(bad.data.result.error?.actualHours?.[0]).toMatch(/Zahl/);
    const done = await step(world.offerers[0]!.coordinator, id, { intent: "complete", formId: `complete-${offer}`, offerId: offer, actualHours: "38,5" });
    expect(done.status).toBe(302);
    const page = await view(world.requester.coordinator, id);
    expect(page.data.request.status).toBe("completed");
    expect(Number(page.data.offers[0]!.ledger?.actualHours)).toBe(38.5);
    const again = await step(world.requester.coordinator, id, { intent: "complete", formId: `complete-${offer}`, offerId: offer, actualHours: "40" });
    expect(again.data.result.error?.[""]).toEqual(["Für diese Vertretung sind die geleisteten Stunden bereits erfasst."]);
  });

  it("is a 404 for whoever may not see the request, and for a malformed id", async () => {
    const stranger = await createUser(database);
    const id = await openRequest(world);
    expect((await view(stranger, id)).status).toBe(404);
    const draft = await draftRequest(world);
    expect((await view(world.offerers[0]!.coordinator, draft)).status).toBe(404);
    expect((await view(world.requester.member, draft)).status).toBe(200);
    expect((await view(world.requester.coordinator, "nicht-eine-id")).status).toBe(404);
    // Addressed first to offerer 1: offerer 2 sees nothing until it widens.
    const addressed = await draftRequest(world, { addressing: "addressed", widen_at: new Date(Date.now() + 3600_000) });
    await database.db
      .insertInto("cover_request_recipients")
      .values({ request_id: addressed, org_id: world.offerers[0]!.org.id })
      .execute();
    await publishRequest(world.requester.coordinator, addressed);
    expect((await view(world.offerers[1]!.coordinator, addressed)).status).toBe(404);
    const addressee = await view(world.offerers[0]!.coordinator, addressed);
    expect(addressee.status).toBe(200);
    expect(addressee.data.request.addressedToUs).toBe(true);
    expect(addressee.data.recipients.map((r) => r.orgId)).toEqual([world.offerers[0]!.org.id]);
    const requester = await view(world.requester.coordinator, addressed);
    expect(requester.data.request.recipientCount).toBe(1);
    await sql`update public.cover_requests set widen_at = now() - interval '1 second' where id = ${addressed}`.execute(database.db);
    expect((await view(world.offerers[1]!.coordinator, addressed)).status).toBe(200);
    // A step on a request the person cannot see is "Nicht gefunden", never a 500.
    const hidden = await step(stranger, id, offerForm(world.offerers[0]!.org.id));
    expect(hidden.data.result.error?.[""]).toEqual(["Nicht gefunden."]);
  });

  it("publishes and deletes drafts from the page; unknown intents are a 400", async () => {
    const draft = await draftRequest(world);
    const published = await step(world.requester.coordinator, draft, { intent: "publish", formId: "publish" });
    expect(published.status).toBe(302);
    const another = await draftRequest(world);
    const memberDelete = await step(world.requester.member, another, { intent: "delete-draft", formId: "delete-draft" });
    expect(memberDelete.status).toBe(404);
    const deleted = await step(world.requester.coordinator, another, { intent: "delete-draft", formId: "delete-draft" });
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe("/vertretungen?ansicht=anfragen");
    const unknown = await step(world.requester.coordinator, draft, { intent: "hack" });
    expect(unknown.status).toBe(400);
  });
});
