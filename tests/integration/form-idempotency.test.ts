// Double submit: two identical posts of one form render (the same hidden form key) write once,
// and the second gets the first one's answer (the same redirect). On the server (TEST_DB=postgres)
// the posts run at the same time on separate connections; on PGlite they queue on its one.
// Covers the create forms: cover request (draft and publish), cover offer, training, the three
// registrations of a training (self, colleague, client seats), a new Träger.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action as newCoverAction } from "~/routes/vertretungen.neu";
import { action as coverDetailAction } from "~/routes/vertretungen.$id._index/route";
import { action as newTrainingAction } from "~/routes/fortbildungen.neu";
import { action as trainingDetailAction } from "~/routes/fortbildungen.$id._index/route";
import { action as newOrgAction } from "~/routes/traeger_.neu";
import { action as membersAction } from "~/routes/traeger_.$slug_.mitglieder/route";
import { berlinParts } from "~/utils/berlin-time";
import { FORM_KEY_FIELD } from "~/utils/form-key";
import { freshDatabase } from "../helpers/db";
import { coverWorld, draftRequest, publishRequest, type CoverWorld } from "../helpers/cover";
import { addMember, createOrg, createUser, outboxMails, requestAs, uniqueWord } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";
import { call, trainingCircle, type TrainingCircle } from "../helpers/training-circle";
import { createTraining } from "../helpers/trainings";

const DAY = 86_400_000;
const isoDay = (n: number) => berlinParts(new Date(Date.now() + n * DAY)).date;

const count = async (database: Database, query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(database.db)).rows[0]!.n;

describe("double submit of a create form", () => {
  let database: Database;
  let world: CoverWorld;
  let circle: TrainingCircle;

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 1 });
    circle = await trainingCircle(database);
  });

  function coverForm(intent: "draft" | "publish", key: string | null) {
    const form: Record<string, string> = {
      intent,
      orgId: world.requester.org.id,
      networkId: world.network.id,
      urgency: "notfall",
      hilfeart: "p31",
      gemeinde: "dinslaken",
      periodFrom: isoDay(0),
      periodTo: isoDay(14),
      hoursPerWeek: "10",
      kind: "vertretung",
      description: `Unterstützung im Alltag gesucht, zwei Termine pro Woche (${uniqueWord()}).`,
      addressing: "circle",
      noSozialdaten: "on",
    };
    if (key) form[FORM_KEY_FIELD] = key;
    return form;
  }

  const postCover = async (user: { id: string }, form: Record<string, string>) =>
    callRoute(newCoverAction, await requestAs(database, user, "/vertretungen/neu", { form }));

  const coverRequestsWith = (description: string) =>
    count(database, sql<{ n: number }>`select count(*)::int as n from public.cover_requests where description = ${description}`);

  for (const intent of ["draft", "publish"] as const) {
    it(`"${intent === "draft" ? "Entwurf speichern" : "Veröffentlichen"}" twice at once creates one cover request`, async () => {
      const form = coverForm(intent, randomUUID());
      const [first, second] = await Promise.all([postCover(world.requester.coordinator, form), postCover(world.requester.coordinator, form)]);
      expect(await coverRequestsWith(form.description!)).toBe(1);
      expect(first.status).toBe(302);
      expect(second.status).toBe(302);
      expect(second.location).toBe(first.location);
      // A third post later still answers with the first request.
      expect((await postCover(world.requester.coordinator, form)).location).toBe(first.location);
      expect(await coverRequestsWith(form.description!)).toBe(1);
    });
  }

  it("without a key (an old page), each post writes, as before", async () => {
    const form = coverForm("draft", null);
    await postCover(world.requester.coordinator, form);
    await postCover(world.requester.coordinator, form);
    expect(await coverRequestsWith(form.description!)).toBe(2);
  });

  it("a new render (a new key) creates a new request", async () => {
    const form = coverForm("draft", randomUUID());
    await postCover(world.requester.coordinator, form);
    await postCover(world.requester.coordinator, { ...form, [FORM_KEY_FIELD]: randomUUID() });
    expect(await coverRequestsWith(form.description!)).toBe(2);
  });

  it("a refused write keeps nothing, so the corrected form goes through with the same key", async () => {
    const key = randomUUID();
    const refused = await postCover(world.requester.coordinator, { ...coverForm("draft", key), hilfeart: "zzz" });
    expect(refused.status).toBe(200);
    const form = coverForm("draft", key);
    expect((await postCover(world.requester.coordinator, form)).status).toBe(302);
    expect(await coverRequestsWith(form.description!)).toBe(1);
  });

  it("another person's key is refused with a German message, never replayed", async () => {
    const form = coverForm("draft", randomUUID());
    const first = await postCover(world.requester.coordinator, form);
    expect(first.status).toBe(302);
    const other = await createUser(database);
    await sql`insert into public.org_members (org_id, user_id, role) values (${world.requester.org.id}, ${other.id}, 'coordinator')`.execute(
      database.db,
    );
    const stolen = await postCover(other, form);
    expect(stolen.status).toBe(200);
    expect(JSON.stringify(stolen.data)).toContain("Dieses Formular ist nicht mehr gültig");
    expect(await coverRequestsWith(form.description!)).toBe(1);
  });

  it("an offer sent twice at once is one offer", async () => {
    const requestId = await draftRequest(world);
    await publishRequest(world.requester.coordinator, requestId);
    const form = {
      intent: "offer",
      formId: "offer",
      orgId: world.offerers[0]!.org.id,
      hoursPerWeek: "8",
      availableFrom: isoDay(1),
      [FORM_KEY_FIELD]: randomUUID(),
    };
    const post = async () =>
      callRoute(coverDetailAction, await requestAs(database, world.offerers[0]!.coordinator, `/vertretungen/${requestId}`, { form }), {
        id: requestId,
      });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(
      await count(database, sql<{ n: number }>`select count(*)::int as n from public.cover_offers where request_id = ${requestId}`),
    ).toBe(1);
  });

  it("a training saved twice at once is one training", async () => {
    const title = `Deeskalation ${uniqueWord(8)}`;
    const form = {
      orgId: circle.organizerOrg.id,
      networkId: circle.network.id,
      title,
      topic: "deeskalation",
      audience: "fachkraefte",
      "sessions[0].date": isoDay(20),
      "sessions[0].start": "09:00",
      "sessions[0].end": "16:00",
      place: "Bürgerhaus, Am Markt 1, 46483 Wesel",
      gemeinde: "wesel",
      capacity: "12",
      offerHours: "48",
      intent: "publish",
      [FORM_KEY_FIELD]: randomUUID(),
    };
    const post = () => call(database, newTrainingAction, circle.organizer, "/fortbildungen/neu", { form });
    const [a, b] = await Promise.all([post(), post()]);
    expect(a.status).toBe(302);
    expect(b.location).toBe(a.location);
    expect(await count(database, sql<{ n: number }>`select count(*)::int as n from public.trainings where title = ${title}`)).toBe(1);
  });

  it("client seats, a colleague and oneself booked twice at once are booked once", async () => {
    const trainingId = await createTraining(circle.organizer, circle.organizerOrg.id, circle.network.id, { capacity: 20 });
    const post = (user: { id: string }, form: Record<string, string>) =>
      call(database, trainingDetailAction, user, `/fortbildungen/${trainingId}`, {
        form: { ...form, [FORM_KEY_FIELD]: form[FORM_KEY_FIELD] ?? randomUUID() },
        params: { id: trainingId },
      });
    const seats = { intent: "book-client-seats", formId: "client-seats", seats: "3", orgId: circle.orgX.id, [FORM_KEY_FIELD]: randomUUID() };
    const colleague = {
      intent: "register-colleague",
      formId: "colleague",
      participantId: circle.xMembers[0]!.id,
      orgId: circle.orgX.id,
      [FORM_KEY_FIELD]: randomUUID(),
    };
    const self = { intent: "register-self", formId: "register-self", orgId: circle.orgY.id, [FORM_KEY_FIELD]: randomUUID() };
    const outcomes = await Promise.all([
      post(circle.xCoord, seats),
      post(circle.xCoord, seats),
      post(circle.xAdmin, colleague),
      post(circle.xAdmin, colleague),
      post(circle.yAdmin, self),
      post(circle.yAdmin, self),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([302, 302, 302, 302, 302, 302]);
    const rows = await sql<{ user_id: string | null; seats: number; org_id: string }>`
      select user_id, seats, org_id from public.training_registrations
      where training_id = ${trainingId} and status <> 'cancelled' order by seats desc`.execute(database.db);
    expect(rows.rows).toHaveLength(3);
    expect(rows.rows[0]).toMatchObject({ user_id: null, seats: 3 });
  });

  it("a new Träger created twice at once is one Träger", async () => {
    const owner = await createUser(database);
    const name = `Neuer Träger ${uniqueWord(8)}`;
    const form = { name, kind: "freier_traeger", [FORM_KEY_FIELD]: randomUUID() };
    const post = async () => callRoute(newOrgAction, await requestAs(database, owner, "/traeger/neu", { form }));
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(b.location).toBe(a.location);
    expect(await count(database, sql<{ n: number }>`select count(*)::int as n from public.organizations where name = ${name}`)).toBe(1);
  });

  it("an invitation sent twice at once is one invitation and one mail", async () => {
    const org = await createOrg(database);
    const admin = await createUser(database);
    await addMember(database, org.id, admin.id, "admin");
    const email = `neu-${randomUUID().slice(0, 8)}@example.org`;
    const form = { intent: "invite", formId: "invite", email, role: "member", [FORM_KEY_FIELD]: randomUUID() };
    const post = async () =>
      callRoute(membersAction, await requestAs(database, admin, `/traeger/${org.slug}/mitglieder`, { form }), { slug: org.slug });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(await count(database, sql<{ n: number }>`select count(*)::int as n from public.invitations where email = ${email}`)).toBe(1);
    expect((await outboxMails(database)).filter((m) => m.to === email)).toHaveLength(1);
  });
});
