// The forms of issue 12 ("Notfall on the phone") through their loaders and actions: a Träger's
// favourites (/traeger/:slug/favoriten), the request form's "Fachkraft erforderlich" and
// "zuerst an unsere Favoriten" (three-step escalation), the circle's maximum age of the
// Führungszeugnis (/kreis/einstellungen), and a Fachkraft request refusing an offer of a person
// without the qualification through the offer form. Bad input: German message, nothing written.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { berlinDateTimeLocal } from "~/utils/berlin-time";
import { action as favouritesAction, loader as favouritesLoader } from "~/routes/traeger_.$slug_.favoriten";
import { action as newAction } from "~/routes/vertretungen.neu";
import { action as editAction, loader as editLoader } from "~/routes/vertretungen.$id.bearbeiten";
import { action as detailAction } from "~/routes/vertretungen.$id._index/route";
import { action as settingsAction, loader as settingsLoader } from "~/routes/kreis.einstellungen";
import { freshDatabase } from "../helpers/db";
import { coverWorld, type CoverWorld } from "../helpers/cover";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Reply = { result: { status?: string; error?: Record<string, string[] | null> } };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const inHours = (hours: number) => berlinDateTimeLocal(new Date(Date.now() + hours * 3600_000));

describe("the Notfall forms (issue 12)", () => {
  let database: Database;
  let world: CoverWorld;
  let outsider: { id: string; slug: string; name: string };

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 2 });
    const elsewhere = await createNetwork(database, { name: "Anderer Kreis" });
    outsider = await createOrg(database, { name: "Träger im anderen Kreis" });
    await joinNetwork(database, elsewhere.id, outsider.id);
  });

  async function favourites() {
    const rows = await sql<{ favourite_org_id: string }>`
      select favourite_org_id from public.cover_favourites where org_id = ${world.requester.org.id}`.execute(database.db);
    return rows.rows.map((r) => r.favourite_org_id);
  }

  async function postFavourite(user: TestUser, form: Record<string, string>) {
    const path = `/traeger/${world.requester.org.slug}/favoriten`;
    return callRoute<Reply>(favouritesAction, await requestAs(database, user, path, { form }), { slug: world.requester.org.slug });
  }

  describe("favourites", () => {
    it("lets a coordinator add a Träger of the circle and lists it", async () => {
      const before = await callRoute(
        favouritesLoader,
        await requestAs(database, world.requester.coordinator, `/traeger/${world.requester.org.slug}/favoriten`),
        { slug: world.requester.org.slug },
      );
      expect(before.status).toBe(200);
      expect(before.data.canEdit).toBe(true);
      expect(before.data.candidates.map((c: { id: string }) => c.id).sort()).toEqual(world.offerers.map((o) => o.org.id).sort());
      expect(before.data.candidates.map((c: { id: string }) => c.id)).not.toContain(outsider.id);

      const added = await postFavourite(world.requester.coordinator, { intent: "add", favouriteOrgId: world.offerers[0]!.org.id });
      expect(added.status).toBe(302);
      expect(await favourites()).toEqual([world.offerers[0]!.org.id]);

      const after = await callRoute(
        favouritesLoader,
        await requestAs(database, world.requester.member, `/traeger/${world.requester.org.slug}/favoriten`),
        { slug: world.requester.org.slug },
      );
      expect(after.data.canEdit).toBe(false);
      expect(after.data.favourites).toEqual([expect.objectContaining({ id: world.offerers[0]!.org.id, name: world.offerers[0]!.org.name })]);
    });

    it("refuses a Träger outside the circle with a German message at the field and writes nothing", async () => {
      const outcome = await postFavourite(world.requester.coordinator, { intent: "add", favouriteOrgId: outsider.id });
      expect(outcome.status).toBe(200);
      expect(outcome.data.result.error?.favouriteOrgId).toEqual([
        "Als Favoriten können Sie nur Träger wählen, die mit Ihrem Träger in einem Kreis sind.",
      ]);
      expect(await favourites()).toEqual([world.offerers[0]!.org.id]);
    });

    it("answers bad input in German, and lets no plain member change the list", async () => {
      const bad = await postFavourite(world.requester.coordinator, { intent: "add", favouriteOrgId: "kein-träger\u0000" });
      expect(bad.status).toBe(200);
      expect(bad.data.result.error?.favouriteOrgId).toEqual(["Bitte wählen Sie einen Träger aus der Liste."]);
      const own = await postFavourite(world.requester.coordinator, { intent: "add", favouriteOrgId: world.requester.org.id });
      expect(own.data.result.error?.favouriteOrgId?.[0]).toMatch(/nur Träger wählen/);
      const member = await postFavourite(world.requester.member, { intent: "add", favouriteOrgId: world.offerers[1]!.org.id });
      expect(member.status).toBe(403);
      expect(await favourites()).toEqual([world.offerers[0]!.org.id]);
    });

    it("removes a favourite", async () => {
      await postFavourite(world.requester.coordinator, { intent: "add", favouriteOrgId: world.offerers[1]!.org.id });
      expect((await favourites()).length).toBe(2);
      const removed = await postFavourite(world.requester.coordinator, { intent: "remove", favouriteOrgId: world.offerers[1]!.org.id });
      expect(removed.status).toBe(302);
      expect(await favourites()).toEqual([world.offerers[0]!.org.id]);
    });
  });

  function requestForm(overrides: Record<string, string | undefined> = {}): Record<string, string> {
    const form: Record<string, string | undefined> = {
      intent: "publish",
      orgId: world.requester.org.id,
      networkId: world.network.id,
      urgency: "notfall",
      hilfeart: "p31",
      gemeinde: "dinslaken",
      periodFrom: day(0),
      periodTo: day(14),
      hoursPerWeek: "10",
      kind: "vertretung",
      description: "Zwei Termine pro Woche zur Unterstützung im Alltag, ab sofort.",
      contactUserId: world.requester.coordinator.id,
      addressing: "favourites",
      requiresFachkraft: "on",
      partnersAt: inHours(1),
      widenAt: inHours(3),
      noSozialdaten: "on",
      ...overrides,
    };
    return Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined)) as Record<string, string>;
  }

  async function requestCount() {
    return (await sql<{ n: number }>`select count(*)::int as n from public.cover_requests`.execute(database.db)).rows[0]!.n;
  }

  describe("the request form's Fachkraft and favourites steps", () => {
    it("refuses a partner step without a time, after the whole circle, or in the past, and writes nothing", async () => {
      const before = await requestCount();
      const post = async (form: Record<string, string>) =>
        callRoute<Reply>(newAction, await requestAs(database, world.requester.coordinator, "/vertretungen/neu", { form }));
      const missing = await post(requestForm({ partnersAt: undefined }));
      expect(missing.data.result.error?.partnersAt).toEqual(["Bitte geben Sie an, ab wann die Partner-Träger die Anfrage sehen."]);
      const late = await post(requestForm({ partnersAt: inHours(5) }));
      expect(late.data.result.error?.partnersAt?.[0]).toMatch(/vor dem ganzen Kreis/);
      const past = await post(requestForm({ partnersAt: inHours(-1) }));
      expect(past.data.result.error?.partnersAt?.[0]).toMatch(/in der Vergangenheit/);
      const unknown = await post(requestForm({ addressing: "alle" }));
      expect(unknown.data.result.error?.addressing).toEqual(["Bitte wählen Sie, wer die Anfrage sieht."]);
      expect(await requestCount()).toBe(before);
    });

    it("maps 'no favourites' from the database to the addressing field and writes nothing", async () => {
      const lonely = await createOrg(database, { name: "Träger ohne Favoriten" });
      await joinNetwork(database, world.network.id, lonely.id);
      const coordinator = await createUser(database, { fullName: "Koordination ohne Favoriten" });
      await addMember(database, lonely.id, coordinator.id, "coordinator");
      const before = await requestCount();
      const outcome = await callRoute<Reply>(
        newAction,
        await requestAs(database, coordinator, "/vertretungen/neu", {
          form: requestForm({ orgId: lonely.id, contactUserId: coordinator.id }),
        }),
      );
      expect(outcome.status).toBe(200);
      expect(outcome.data.result.error?.addressing?.[0]).toMatch(/noch keine Favoriten/);
      expect(await requestCount()).toBe(before);
    });

    it("saves a draft to the favourites with both times and shows it again in the edit form", async () => {
      const partnersAt = inHours(2);
      const widenAt = inHours(4);
      const saved = await callRoute(
        newAction,
        await requestAs(database, world.requester.coordinator, "/vertretungen/neu", {
          form: requestForm({ intent: "draft", partnersAt, widenAt }),
        }),
      );
      expect(saved.status).toBe(302);
      const id = saved.location!.split("/").pop()!;
      const edit = await callRoute(editLoader, await requestAs(database, world.requester.coordinator, `/vertretungen/${id}/bearbeiten`), { id });
      expect(edit.data.defaults).toMatchObject({ addressing: "favourites", partnersAt, widenAt, requiresFachkraft: true });
      // Editing the draft to "an einzelne Träger" drops the partner step.
      const edited = await callRoute(
        editAction,
        await requestAs(database, world.requester.coordinator, `/vertretungen/${id}/bearbeiten`, {
          form: requestForm({ intent: "draft", addressing: "addressed", recipients: world.offerers[1]!.org.id, requiresFachkraft: undefined }),
        }),
        { id },
      );
      expect(edited.status).toBe(302);
      const row = await sql<{ partners_at: Date | null; requires_fachkraft: boolean; recipients: string[] }>`
        select partners_at, requires_fachkraft,
          array(select org_id from public.cover_request_recipients where request_id = r.id) as recipients
        from public.cover_requests r where id = ${id}::uuid`.execute(database.db);
      expect(row.rows[0]).toEqual({ partners_at: null, requires_fachkraft: false, recipients: [world.offerers[1]!.org.id] });
    });

    it("publishes a Fachkraft request to the favourites, and the offer form refuses a person without the qualification", async () => {
      const published = await callRoute(
        newAction,
        await requestAs(database, world.requester.coordinator, "/vertretungen/neu", { form: requestForm() }),
      );
      expect(published.status).toBe(302);
      const id = published.location!.split("/").pop()!;
      const row = await sql<{ addressing: string; requires_fachkraft: boolean; partners_at: Date; widen_at: Date; recipients: string[] }>`
        select addressing, requires_fachkraft, partners_at, widen_at,
          array(select org_id from public.cover_request_recipients where request_id = r.id) as recipients
        from public.cover_requests r where id = ${id}::uuid`.execute(database.db);
      expect(row.rows[0]).toMatchObject({ addressing: "addressed", requires_fachkraft: true, recipients: [world.offerers[0]!.org.id] });
      expect(row.rows[0]!.partners_at.getTime()).toBeLessThan(row.rows[0]!.widen_at.getTime());

      const favourite = world.offerers[0]!;
      const staff = (
        await sql<{ id: string; full_name: string }>`
          insert into public.staff_members (org_id, full_name, qualification, fuehrungszeugnis_on)
          values (${favourite.org.id}::uuid, 'Ohne Abschluss', null, ${day(-100)}::date),
                 (${favourite.org.id}::uuid, 'Sara Sozialarbeit', 'sozialarbeit', ${day(-100)}::date)
          returning id, full_name`.execute(database.db)
      ).rows;
      const unqualified = staff.find((s) => s.full_name === "Ohne Abschluss")!.id;
      const qualified = staff.find((s) => s.full_name === "Sara Sozialarbeit")!.id;
      const offer = (staffId?: string) => ({
        intent: "offer",
        formId: "offer",
        orgId: favourite.org.id,
        hoursPerWeek: "10",
        availableFrom: day(0),
        message: "Können sofort übernehmen.",
        ...(staffId ? { staffId } : {}),
      });
      const step = async (form: Record<string, string>) =>
        callRoute<Reply>(detailAction, await requestAs(database, favourite.coordinator, `/vertretungen/${id}`, { form }), { id });
      const offers = async () =>
        (await sql<{ n: number }>`select count(*)::int as n from public.cover_offers where request_id = ${id}::uuid`.execute(database.db)).rows[0]!.n;

      const nobody = await step(offer());
      expect(nobody.status).toBe(200);
      expect(nobody.data.result.error?.staffId?.[0] ?? nobody.data.result.error?.[""]?.[0]).toMatch(/verlangt eine Fachkraft/);
      const noQualification = await step(offer(unqualified));
      expect(noQualification.status).toBe(200);
      expect(JSON.stringify(noQualification.data.result.error)).toMatch(/keine Fachkraft-Qualifikation eingetragen/);
      expect(await offers()).toBe(0);

      const accepted = await step(offer(qualified));
      expect(accepted.status).toBeLessThan(400);
      expect(await offers()).toBe(1);
      // A Träger of the circle that is neither a favourite nor a partner cannot offer yet.
      const other = world.offerers[1]!;
      const early = await callRoute<Reply>(
        detailAction,
        await requestAs(database, other.coordinator, `/vertretungen/${id}`, { form: { ...offer(), orgId: other.org.id } }),
        { id },
      );
      expect(early.status).toBe(200);
      expect(JSON.stringify(early.data.result.error)).toMatch(/nicht gefunden|Nicht gefunden/);
      expect(await offers()).toBe(1);
    });
  });

  describe("the circle's maximum age of the Führungszeugnis", () => {
    let coordinator: TestUser;
    let network: { id: string };

    beforeAll(async () => {
      network = await createNetwork(database, { name: "Kreis mit Einstellungen" });
      const coordinating = await createOrg(database, { name: "Koordinierender Träger FZ" });
      await joinNetwork(database, network.id, coordinating.id, "coordinator");
      coordinator = await createUser(database, { fullName: "Kim Koordination FZ" });
      await addMember(database, coordinating.id, coordinator.id, "admin");
    });

    async function years() {
      return (await database.db.selectFrom("networks").select("fuehrungszeugnis_max_years").where("id", "=", network.id).executeTakeFirstOrThrow())
        .fuehrungszeugnis_max_years;
    }

    async function save(value: string) {
      return callRoute<Reply>(
        settingsAction,
        await requestAs(database, coordinator, "/kreis/einstellungen", {
          form: { networkId: network.id, region: "Kreis Wesel", fuehrungszeugnisMaxYears: value },
        }),
      );
    }

    it("shows 5 years by default and saves a new value, written to the circle's Protokoll", async () => {
      const page = await callRoute(settingsLoader, await requestAs(database, coordinator, "/kreis/einstellungen"));
      expect(page.data.circles).toEqual([expect.objectContaining({ id: network.id, fuehrungszeugnisMaxYears: 5 })]);
      const saved = await save("3");
      expect(saved.status).toBe(302);
      expect(await years()).toBe(3);
      const audit = await sql<{ details: { fields: string[]; fuehrungszeugnisMaxYears?: number } }>`
        select details from public.audit_log where action = 'network.settings_changed' and network_id = ${network.id}::uuid
        order by id desc limit 1`.execute(database.db);
      expect(audit.rows[0]!.details.fields).toContain("fuehrungszeugnis_max_years");
      expect(audit.rows[0]!.details.fuehrungszeugnisMaxYears).toBe(3);
    });

    it.each(["0", "6", "2,5", "fünf", "9".repeat(50)])("refuses %s with a German message and keeps the value", async (value) => {
      const outcome = await save(value);
      expect(outcome.status).toBe(200);
      expect(outcome.data.result.error?.fuehrungszeugnisMaxYears?.[0]).toMatch(/ganze Zahl von 1 bis 5/);
      expect(await years()).toBe(3);
    });
  });
});
