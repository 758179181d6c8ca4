// The organizer's screens of Gemeinsame Fortbildungen: /fortbildungen/neu and
// /fortbildungen/:id/bearbeiten (loaders and actions called as the server would), and the
// organizer's buttons on the detail page (publish, cancel, mark as held, delete a draft).
// Good input creates the row, its sessions and co-organizers in one transaction; bad input gives
// German messages at the right field and writes nothing, whether zod or the database refuses it.
// Runs on PGlite and on the server (TEST_DB=postgres).
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action as newAction, loader as newLoader } from "~/routes/fortbildungen.neu";
import { action as editAction, loader as editLoader } from "~/routes/fortbildungen.$id.bearbeiten";
import { action as detailAction, loader as detailLoader } from "~/routes/fortbildungen.$id._index/route";
import { berlinParts, berlinToInstant } from "~/utils/berlin-time";
import { freshDatabase } from "../helpers/db";
import { call, trainingCircle, type TrainingCircle } from "../helpers/training-circle";
import { countsOf, createTraining, defaultSessions, footprint, registerSelf, trainingMails } from "../helpers/trainings";

const DAY = 86_400_000;
const day = (n: number) => berlinParts(new Date(Date.now() + n * DAY)).date;

describe("organising a training", () => {
  let database: Database;
  let c: TrainingCircle;

  beforeAll(async () => {
    database = await freshDatabase();
    c = await trainingCircle(database);
  });

  function form(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
    return {
      orgId: c.organizerOrg.id,
      networkId: c.network.id,
      title: "Deeskalation im Alltag",
      description: "Frühwarnzeichen, Haltung, sichere Wege aus der Situation.",
      topic: "deeskalation",
      audience: "fachkraefte",
      speaker: "Mehmet Yıldız",
      "sessions[0].date": day(20),
      "sessions[0].start": "09:00",
      "sessions[0].end": "16:00",
      "sessions[1].date": day(21),
      "sessions[1].start": "09:00",
      "sessions[1].end": "12:30",
      place: "Bürgerhaus, Am Markt 1, 46483 Wesel",
      gemeinde: "wesel",
      capacity: "12",
      fee: "45,50",
      registrationDeadline: `${day(10)}T18:00`,
      cancellationDeadline: `${day(14)}T12:00`,
      defaultContingent: "3",
      contingentReleaseAt: `${day(12)}T08:00`,
      needsOrgApproval: "on",
      offerHours: "48",
      coOrganizers: [c.orgX.id],
      intent: "save",
      ...overrides,
    };
  }

  const create = (user: { id: string }, overrides: Record<string, string | string[]> = {}) =>
    call(database, newAction, user, "/fortbildungen/neu", { form: form(overrides) });
  const idFrom = (location: string | null) => location!.split("/").pop()!;

  it("offers the form to admins and coordinators only", async () => {
    const ok = await call(database, newLoader, c.organizer, "/fortbildungen/neu");
    expect(ok.status).toBe(200);
    expect(ok.data.options.organizers).toEqual([
      expect.objectContaining({ orgId: c.organizerOrg.id, networkId: c.network.id }),
    ]);
    expect(ok.data.options.circleOrgs.map((o: { name: string }) => o.name)).toEqual([
      "Bildungswerk Niederrhein",
      "Träger Xanten",
      "Träger Ysselstein",
    ]);
    const member = await call(database, newLoader, c.organizerMember, "/fortbildungen/neu");
    expect(member.status).toBe(403);
    const anonymous = await call(database, newLoader, null, "/fortbildungen/neu");
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/anmelden");
  });

  it("saves a draft: the row, both sessions in Berlin time, the fee in cents, co-organizer and contingent", async () => {
    const outcome = await create(c.organizer);
    expect(outcome.status).toBe(302);
    const id = idFrom(outcome.location);
    expect(outcome.location).toBe(`/fortbildungen/${id}`);
    const row = await database.db.selectFrom("trainings").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: "draft",
      title: "Deeskalation im Alltag",
      fee_cents: 4550,
      capacity: 12,
      default_contingent: 3,
      needs_org_approval: true,
      needs_organizer_approval: false,
      gemeinde: "wesel",
      created_by: c.organizer.id,
    });
    expect(new Date(row.registration_deadline!).getTime()).toBe(berlinToInstant(day(10), "18:00").getTime());
    const sessions = await database.db.selectFrom("training_sessions").selectAll().where("training_id", "=", id).orderBy("position").execute();
    expect(sessions.map((s) => [s.position, new Date(s.starts_at).getTime(), new Date(s.ends_at).getTime()])).toEqual([
      [1, berlinToInstant(day(20), "09:00").getTime(), berlinToInstant(day(20), "16:00").getTime()],
      [2, berlinToInstant(day(21), "09:00").getTime(), berlinToInstant(day(21), "12:30").getTime()],
    ]);
    const co = await database.db.selectFrom("training_co_organizers").select("org_id").where("training_id", "=", id).execute();
    expect(co.map((r) => r.org_id)).toEqual([c.orgX.id]);

    // A draft: the co-organizer's admin sees it, another Träger of the circle does not (404).
    expect((await call(database, detailLoader, c.xAdmin, `/fortbildungen/${id}`, { params: { id } })).status).toBe(200);
    expect((await call(database, detailLoader, c.yAdmin, `/fortbildungen/${id}`, { params: { id } })).status).toBe(404);
    expect((await call(database, detailLoader, c.outsider, `/fortbildungen/${id}`, { params: { id } })).status).toBe(404);
  });

  it("publishes at once when asked", async () => {
    const outcome = await create(c.organizer, { intent: "publish", title: "Sofort veröffentlicht", coOrganizers: [] });
    const id = idFrom(outcome.location);
    const row = await database.db.selectFrom("trainings").select(["status", "published_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("published");
    expect(row.published_at).not.toBeNull();
    expect((await call(database, detailLoader, c.yAdmin, `/fortbildungen/${id}`, { params: { id } })).status).toBe(200);
  });

  describe("bad input: a German message at the field, nothing written", () => {
    const cases: Array<[string, Record<string, string | string[]>, string, RegExp]> = [
      ["sessions out of order", { "sessions[1].date": day(19) }, "sessions[1].date", /beginnt, bevor der vorige endet/],
      ["a session ending before it starts", { "sessions[0].end": "08:00" }, "sessions[0].end", /Ende muss nach dem Beginn/],
      ["a deadline after the first session", { registrationDeadline: `${day(25)}T12:00` }, "registrationDeadline", /vor dem Beginn des ersten Termins/],
      ["a negative fee", { fee: "-5" }, "fee", /nicht negativ/],
      ["a fee that is no amount", { fee: "viel" }, "fee", /Betrag in Euro/],
      ["neither place nor online link", { place: "", gemeinde: "", onlineUrl: "" }, "place", /Ort mit Gemeinde oder einen Online-Link/],
      ["an online link without https", { onlineUrl: "http://meet.example" }, "onlineUrl", /https:\/\//],
      ["no seats", { capacity: "0" }, "capacity", /mindestens 1/],
      ["a minimum without a decision date", { minParticipants: "5" }, "goNoGoDate", /zusammen an/],
      ["a contingent above the capacity", { defaultContingent: "20" }, "defaultContingent", /nicht größer/],
      ["a title that is too long", { title: "x".repeat(201) }, "title", /zu lang/],
      ["a session without its date", { "sessions[0].date": "" }, "sessions[0].date", /Datum des Termins/],
      ["a date that does not exist", { "sessions[0].date": "2027-02-30" }, "sessions[0].date", /gültiges Datum/],
    ];
    for (const [name, overrides, field, message] of cases) {
      it(`refuses ${name}`, async () => {
        const before = await footprint(database.db);
        const outcome = await create(c.organizer, overrides);
        expect(outcome.status).toBe(200);
        const errors = outcome.data.result.error as Record<string, string[]>;
        expect(errors[field]?.join(" ")).toMatch(message);
        expect(await footprint(database.db)).toEqual(before);
      });
    }

    it("shows the database's refusal at its field: a topic or Gemeinde it does not know", async () => {
      const before = await footprint(database.db);
      const topic = await create(c.organizer, { topic: "astrologie" });
      expect(topic.data.result.error).toEqual({ topic: ["Unbekanntes Thema."] });
      const gemeinde = await create(c.organizer, { gemeinde: "atlantis" });
      expect(gemeinde.data.result.error).toEqual({ gemeinde: ["Unbekannte Gemeinde."] });
      expect(await footprint(database.db)).toEqual(before);
    });

    it("rolls back the row and its sessions when publishing is refused (first session in the past)", async () => {
      const before = await footprint(database.db);
      const outcome = await create(c.organizer, {
        intent: "publish",
        "sessions[0].date": day(-3),
        "sessions[1].date": day(-2),
        registrationDeadline: "",
        cancellationDeadline: "",
        contingentReleaseAt: "",
      });
      expect(outcome.data.result.error).toEqual({ sessions: ["Der erste Termin liegt in der Vergangenheit."] });
      expect(await footprint(database.db)).toEqual(before);
    });

    it("refuses a Träger outside the circle at the organizer field", async () => {
      const other = await database.db.selectFrom("networks").select("id").where("name", "=", "Anderer Kreis").executeTakeFirstOrThrow();
      const before = await footprint(database.db);
      const outcome = await create(c.organizer, { networkId: other.id });
      expect(outcome.data.result.error).toEqual({ orgId: ["Dieser Träger gehört nicht zum Kreis der Fortbildung."] });
      expect(await footprint(database.db)).toEqual(before);
    });

    it("refuses a member who is not admin or coordinator, writing nothing", async () => {
      const before = await footprint(database.db);
      const outcome = await create(c.organizerMember);
      expect(outcome.status).toBe(200);
      expect(outcome.data.result.error[""]).toEqual(["Dazu fehlt Ihnen die Berechtigung."]);
      expect(await footprint(database.db)).toEqual(before);
    });

    it("adds a session row without JavaScript (conform's list intent) and writes nothing", async () => {
      const before = await footprint(database.db);
      const outcome = await create(c.organizer, { __intent__: JSON.stringify({ type: "insert", payload: { name: "sessions" } }) });
      expect(outcome.status).toBe(200);
      expect((outcome.data.result.initialValue.sessions as unknown[]).length).toBe(3);
      expect(await footprint(database.db)).toEqual(before);
    });
  });

  describe("editing", () => {
    it("shows the organizer the saved values in Berlin time, and is a 404 for everyone else", async () => {
      const id = idFrom((await create(c.organizer, { title: "Zum Bearbeiten" })).location);
      const outcome = await call(database, editLoader, c.organizer, `/fortbildungen/${id}/bearbeiten`, { params: { id } });
      expect(outcome.status).toBe(200);
      expect(outcome.data.defaults).toMatchObject({
        title: "Zum Bearbeiten",
        fee: "45,50",
        capacity: "12",
        registrationDeadline: `${day(10)}T18:00`,
        sessions: [
          { date: day(20), start: "09:00", end: "16:00" },
          { date: day(21), start: "09:00", end: "12:30" },
        ],
        coOrganizers: [c.orgX.id],
      });
      for (const user of [c.organizerMember, c.yAdmin, c.outsider]) {
        const refused = await call(database, editLoader, user, `/fortbildungen/${id}/bearbeiten`, { params: { id } });
        expect(refused.status).toBe(404);
      }
      // The co-organizer's admin organises too; the form does not let them change co-organizers.
      const co = await call(database, editLoader, c.xAdmin, `/fortbildungen/${id}/bearbeiten`, { params: { id } });
      expect(co.status).toBe(200);
      expect(co.data.lead).toBe(false);
    });

    it("saves changes and moves the sessions later together with the deadlines", async () => {
      const id = idFrom((await create(c.organizer, { title: "Verschieben" })).location);
      const outcome = await call(database, editAction, c.organizer, `/fortbildungen/${id}/bearbeiten`, {
        params: { id },
        form: form({
          title: "Verschoben",
          "sessions[0].date": day(40),
          "sessions[1].date": day(41),
          registrationDeadline: `${day(35)}T18:00`,
          coOrganizers: [c.orgX.id, c.orgY.id],
        }),
      });
      expect(outcome.status).toBe(302);
      const row = await database.db.selectFrom("trainings").select(["title", "starts_at"]).where("id", "=", id).executeTakeFirstOrThrow();
      expect(row.title).toBe("Verschoben");
      expect(new Date(row.starts_at!).getTime()).toBe(berlinToInstant(day(40), "09:00").getTime());
      const co = await database.db.selectFrom("training_co_organizers").select("org_id").where("training_id", "=", id).execute();
      expect(co.map((r) => r.org_id).sort()).toEqual([c.orgX.id, c.orgY.id].sort());
    });

    it("refuses a capacity below the seats already taken at the capacity field, changing nothing", async () => {
      const sessions = defaultSessions();
      const id = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, { capacity: 3, sessions });
      for (const person of c.xMembers.slice(0, 3)) await registerSelf(person, id);
      const before = await footprint(database.db);
      const outcome = await call(database, editAction, c.organizer, `/fortbildungen/${id}/bearbeiten`, {
        params: { id },
        form: form({
          capacity: "2",
          defaultContingent: "",
          contingentReleaseAt: "",
          registrationDeadline: "",
          cancellationDeadline: "",
          "sessions[0].date": berlinParts(sessions[0]!.startsAt).date,
          "sessions[0].start": berlinParts(sessions[0]!.startsAt).time,
          "sessions[0].end": berlinParts(sessions[0]!.endsAt).time,
          "sessions[1].date": berlinParts(sessions[1]!.startsAt).date,
          "sessions[1].start": berlinParts(sessions[1]!.startsAt).time,
          "sessions[1].end": berlinParts(sessions[1]!.endsAt).time,
        }),
      });
      expect(outcome.status).toBe(200);
      expect(outcome.data.result.error).toEqual({
        capacity: ["Es sind bereits mehr Plätze vergeben (bestätigt, angeboten oder in Freigabe), als die neue Platzzahl zulässt."],
      });
      expect(await footprint(database.db)).toEqual(before);
      expect((await countsOf(database.db, id)).capacity).toBe(3);
    });
  });

  describe("publish, cancel, mark as held, delete", () => {
    const detail = (user: { id: string }, id: string, form: Record<string, string>) =>
      call(database, detailAction, user, `/fortbildungen/${id}`, { params: { id }, form });

    it("publishes a draft; members of the organising Träger cannot", async () => {
      const id = idFrom((await create(c.organizer, { title: "Entwurf zum Veröffentlichen" })).location);
      const refused = await detail(c.organizerMember, id, { intent: "publish", formId: "publish" });
      expect(refused.data.result.error[""]).toEqual(["Nicht gefunden."]);
      const outcome = await detail(c.organizer, id, { intent: "publish", formId: "publish" });
      expect(outcome.status).toBe(302);
      expect((await countsOf(database.db, id)).status).toBe("published");
      const again = await detail(c.organizer, id, { intent: "publish", formId: "publish" });
      expect(again.data).toMatchObject({ formId: "publish", result: { error: { "": ["Diese Fortbildung ist bereits veröffentlicht."] } } });
    });

    it("cancels with a reason; everyone registered is told", async () => {
      const id = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, { capacity: 1 });
      await registerSelf(c.yMembers[0]!, id);
      await registerSelf(c.yMembers[1]!, id);
      const outcome = await detail(c.organizer, id, { intent: "cancel-training", formId: "cancel-training", reason: "Die Referentin ist erkrankt." });
      expect(outcome.status).toBe(302);
      const row = await database.db.selectFrom("trainings").select(["status", "cancel_reason"]).where("id", "=", id).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: "cancelled", cancel_reason: "Die Referentin ist erkrankt." });
      const mails = (await trainingMails(database.db, id)).filter((m) => m.template === "training-cancelled");
      expect(mails.map((m) => m.to).sort()).toEqual([c.yMembers[0]!.email, c.yMembers[1]!.email].sort());
      expect(mails[0]!.props.reason).toBe("Die Referentin ist erkrankt.");
      // A cancelled training cannot be edited any more.
      const edit = await call(database, editLoader, c.organizer, `/fortbildungen/${id}/bearbeiten`, { params: { id } });
      expect(edit.status).toBe(302);
      expect(edit.location).toBe(`/fortbildungen/${id}`);
    });

    it("marks as held only after the training started", async () => {
      const id = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, {});
      const early = await detail(c.organizer, id, { intent: "mark-held", formId: "mark-held" });
      expect(early.data.result.error[""]).toEqual(["Die Fortbildung hat noch nicht begonnen."]);
      await sql`update public.trainings set starts_at = now() - interval '1 hour' where id = ${id}`.execute(database.db);
      const held = await detail(c.organizer, id, { intent: "mark-held", formId: "mark-held" });
      expect(held.status).toBe(302);
      expect((await countsOf(database.db, id)).status).toBe("held");
    });

    it("deletes a draft for the lead organizer, not a published training", async () => {
      const draft = idFrom((await create(c.organizer, { title: "Wegwerf-Entwurf", coOrganizers: [] })).location);
      const outcome = await detail(c.organizer, draft, { intent: "delete-draft", formId: "delete-draft" });
      expect(outcome.status).toBe(302);
      expect(outcome.location).toBe("/fortbildungen?ansicht=organisiert");
      expect(await database.db.selectFrom("trainings").select("id").where("id", "=", draft).execute()).toEqual([]);
      const published = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, {});
      const refused = await detail(c.organizer, published, { intent: "delete-draft", formId: "delete-draft" });
      expect(refused.data.result.error[""]).toEqual(["Nur Entwürfe können gelöscht werden, und nur vom veranstaltenden Träger."]);
    });
  });
});
