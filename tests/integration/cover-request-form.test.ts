// The request form (/vertretungen/neu, /vertretungen/:id/bearbeiten) through its loader and action:
// only coordinators may post (members get a page that names who can post for them and notifies
// those people on request; people without a Träger a 403); bad input comes back as German
// errors at the field and writes nothing, also when the database refuses (unknown Gemeinde or
// Hilfeart); publishing needs the "enthält keine Sozialdaten" confirmation and, when the screen
// finds something, that the person was shown the warning; a draft is saved, edited and published.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { screenSozialdaten } from "~/utils/sozialdaten";
import { berlinDateTimeLocal } from "~/utils/berlin-time";
import { sozialdatenKey } from "~/utils/sozialdaten";
import { action as newAction, loader as newLoader } from "~/routes/vertretungen.neu";
import { action as editAction, loader as editLoader } from "~/routes/vertretungen.$id.bearbeiten";
import { renderNotification } from "~/i18n/notifications";
import { freshDatabase } from "../helpers/db";
import { coverWorld, type CoverWorld } from "../helpers/cover";
import { outboxMails, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type ActionData = { result: { status?: string; error?: Record<string, string[] | null> } };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function counts(database: Database) {
  const row = await sql<{ requests: number; recipients: number; notes: number; contacts: number }>`
    select (select count(*)::int from public.cover_requests) as requests,
           (select count(*)::int from public.cover_request_recipients) as recipients,
           (select count(*)::int from public.cover_handover_notes) as notes,
           (select count(*)::int from public.cover_contacts) as contacts`.execute(database.db);
  return row.rows[0]!;
}

describe("the cover request form", () => {
  let database: Database;
  let world: CoverWorld;

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 2 });
  });

  function validForm(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> {
    const form: Record<string, string | string[] | undefined> = {
      intent: "publish",
      orgId: world.requester.org.id,
      networkId: world.network.id,
      urgency: "notfall",
      hilfeart: "p31",
      gemeinde: "dinslaken",
      sozialraum: "Lohberg",
      periodFrom: day(0),
      periodTo: day(14),
      hoursPerWeek: "12,5",
      kind: "vertretung",
      qualification: "Sozialpädagogin",
      languages: "Türkisch, Arabisch",
      needsDrivingLicence: "on",
      needsCar: "on",
      description: "Familie mit drei Kindern braucht Unterstützung im Alltag, zwei Termine pro Woche.",
      caseReference: "f-2026-014",
      handoverNotes: "Familie Yılmaz, Hünxer Straße 12. Termine vormittags.",
      contactUserId: world.requester.coordinator.id,
      addressing: "circle",
      noSozialdaten: "on",
      ...overrides,
    };
    return Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
  }

  async function post(user: TestUser, form: Record<string, string | string[]>) {
    return callRoute<ActionData>(newAction, await requestAs(database, user, "/vertretungen/neu", { form }));
  }

  it("shows a plain member who can post for their Träger instead of a bare 403", async () => {
    const outcome = await callRoute<Awaited<ReturnType<typeof newLoader>>>(
      newLoader,
      await requestAs(database, world.requester.member, "/vertretungen/neu"),
    );
    expect(outcome.status).toBe(200);
    expect(outcome.data).toMatchObject({
      allowed: false,
      orgs: [
        {
          orgId: world.requester.org.id,
          posters: [{ userId: world.requester.coordinator.id, name: "Koordination R", roleLabel: "Koordination" }],
        },
      ],
    });
  });

  it("notifies the member's coordinators on 'Koordination benachrichtigen', once in ten minutes", async () => {
    const form = { intent: "ask-coordination", orgId: world.requester.org.id, note: "SPFH in Dinslaken ab Montag" };
    const asked = await callRoute(newAction, await requestAs(database, world.requester.member, "/vertretungen/neu", { form }));
    expect(asked.status).toBe(302);
    const notes = await sql<{ user_id: string; kind: string; data: unknown; link: string }>`
      select user_id, kind, data, link from public.notifications where kind = 'cover.posting_requested'`.execute(database.db);
    expect(notes.rows).toEqual([
      {
        user_id: world.requester.coordinator.id,
        kind: "cover.posting_requested",
        data: { memberName: "Mitglied R", note: "SPFH in Dinslaken ab Montag" },
        link: "/vertretungen/neu",
      },
    ]);
    expect(renderNotification(notes.rows[0]!.kind, notes.rows[0]!.data)).toEqual({
      title: "Mitglied R braucht eine Vertretung",
      body: "SPFH in Dinslaken ab Montag",
    });
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from public.audit_log where action = 'cover.posting_requested' and org_id = ${world.requester.org.id}`.execute(database.db);
    expect(audit.rows[0]!.n).toBe(1);
    const again = await callRoute<ActionData>(newAction, await requestAs(database, world.requester.member, "/vertretungen/neu", { form }));
    expect(again.status).toBe(200);
    expect(again.data.result.error?.[""]?.join(" ")).toMatch(/gerade erst benachrichtigt/);
    const other = await callRoute<ActionData>(
      newAction,
      await requestAs(database, world.requester.member, "/vertretungen/neu", { form: { ...form, orgId: world.offerers[0]!.org.id } }),
    );
    expect(other.data.result.error?.[""]?.join(" ")).toMatch(/Nicht gefunden/);
  });

  it("refuses people without a Träger with a 403 that explains who may post", async () => {
    const { createUser } = await import("../helpers/fixtures");
    const loner = await createUser(database, { fullName: "Ohne Träger" });
    const outcome = await callRoute(newLoader, await requestAs(database, loner, "/vertretungen/neu"));
    expect(outcome.status).toBe(403);
    expect(outcome.data).toMatch(/Koordinator:innen, Administrator:innen und Inhaber:innen/);
  });

  it("offers coordinators their Träger, the lists, the circle's Träger and their colleagues", async () => {
    const outcome = await callRoute<Awaited<ReturnType<typeof newLoader>>>(
      newLoader,
      await requestAs(database, world.requester.coordinator, "/vertretungen/neu"),
    );
    expect(outcome.status).toBe(200);
    if (!outcome.data.allowed) throw new Error("coordinators may post");
    const { options } = outcome.data;
    expect(options.posters).toEqual([
      expect.objectContaining({ orgId: world.requester.org.id, networkId: world.network.id }),
    ]);
    expect(options.hilfearten.map((h) => h.code)).toContain("p31");
    expect(options.gemeinden.map((g) => g.code)).toContain("dinslaken");
    expect(options.circleOrgs.map((o) => o.id)).toEqual(expect.arrayContaining(world.offerers.map((o) => o.org.id)));
    expect(options.colleagues.map((c) => c.userId).sort()).toEqual(
      [world.requester.coordinator.id, world.requester.member.id].sort(),
    );
    expect(options.widenDefaults.notfall < options.widenDefaults.other).toBe(true);
  });

  it.each([
    ["end before start", { periodFrom: day(10), periodTo: day(2) }, "periodTo", /Ende des Zeitraums liegt vor dem Beginn/],
    ["0 hours", { hoursPerWeek: "0" }, "hoursPerWeek", /mehr als 0 und höchstens 60/],
    ["61 hours", { hoursPerWeek: "61" }, "hoursPerWeek", /mehr als 0 und höchstens 60/],
    ["hours that are no number", { hoursPerWeek: "zwanzig" }, "hoursPerWeek", /Zahl wie 20/],
    ["a name as case reference", { caseReference: "Müller" }, "caseReference", /nie ein Name/],
    ["a gender requirement without reason", { genderRequirement: "weiblich" }, "genderReason", /begründen/],
    // The reason is read by the whole circle with the requirement: no client data, not even in a draft.
    ["a gender reason that names the client", { genderRequirement: "weiblich", genderReason: "Frau Yilmaz akzeptiert nur Frauen." }, "genderReason", /sieht der ganze Kreis.*„Frau Yilmaz“/],
    ["a draft whose gender reason names the child", { intent: "draft", noSozialdaten: undefined, genderRequirement: "weiblich", genderReason: "Kind Anna spricht nur mit Frauen." }, "genderReason", /„Kind Anna“/],
    ["addressed without Träger", { addressing: "addressed", widenAt: berlinDateTimeLocal(new Date(Date.now() + 7200_000)) }, "recipients", /mindestens einen Träger/],
    ["a widening time in the past", { addressing: "addressed", recipients: [], widenAt: "2020-01-01T10:00" }, "widenAt", /Vergangenheit/],
    ["an overlong description", { description: "x".repeat(2001) }, "description", /höchstens 2.000 Zeichen/],
    ["no urgency", { urgency: undefined }, "urgency", /Dringlichkeit/],
  ])("answers %s with a German error at the field and writes nothing", async (_label, overrides, field, message) => {
    const before = await counts(database);
    const outcome = await post(world.requester.coordinator, validForm(overrides));
    expect(outcome.status).toBe(200);
    expect(outcome.data.result.error?.[field]?.join(" ")).toMatch(message);
    expect(await counts(database)).toEqual(before);
  });

  it.each([
    ["an unknown Gemeinde", { gemeinde: "atlantis" }, "gemeinde", "Unbekannte Gemeinde."],
    ["an unknown Hilfeart", { hilfeart: "p99" }, "hilfeart", "Unbekannte Hilfeart."],
  ])("maps the database's refusal of %s to the field, and writes nothing", async (_label, overrides, field, message) => {
    const before = await counts(database);
    const outcome = await post(world.requester.coordinator, validForm(overrides));
    expect(outcome.status).toBe(200);
    expect(outcome.data.result.error?.[field]).toEqual([message]);
    expect(await counts(database)).toEqual(before);
  });

  it("needs the 'keine Sozialdaten' confirmation to publish", async () => {
    const before = await counts(database);
    const outcome = await post(world.requester.coordinator, validForm({ noSozialdaten: undefined }));
    expect(outcome.data.result.error?.noSozialdaten?.join(" ")).toMatch(/keine Sozialdaten enthält/);
    expect(await counts(database)).toEqual(before);
  });

  it.each([
    ["publish", "on"],
    ["draft", undefined],
  ])("refuses hard identifiers on %s, even confirmed and shown, and says where they belong", async (intent, confirmed) => {
    const description = "Familie Yilmaz, Sohn Deniz (8), Hauptstraße 12 in Dinslaken, Tel. 0151 2345678";
    const findings = screenSozialdaten(description).filter((f) => f.severity === "warn");
    const before = await counts(database);
    const outcome = await post(
      world.requester.coordinator,
      validForm({ intent, noSozialdaten: confirmed, description, sozialdatenSeen: sozialdatenKey(findings) }),
    );
    expect(outcome.status).toBe(200);
    const errors = (outcome.data.result.error?.description ?? []).join(" ");
    expect(errors).toMatch(/„Deniz \(8\)“ ist ein Name mit Alter/);
    expect(errors).toMatch(/„Hauptstraße 12“ ist eine Anschrift/);
    expect(errors).toMatch(/„0151 2345678“ ist eine Telefonnummer/);
    expect(errors).toMatch(/Übergabenotizen.*nur der Träger mit der Zusage/);
    expect(errors).toMatch(/Fallkürzel \(nur Ihr eigener Träger/);
    expect(await counts(database)).toEqual(before);
  });

  it("refuses to publish a description with a name the person was not shown, and explains §§ 61–65", async () => {
    const description = "Familie Yılmaz braucht Hilfe im Alltag, zwei Termine pro Woche.";
    const before = await counts(database);
    const outcome = await post(world.requester.coordinator, validForm({ description }));
    const errors = outcome.data.result.error?.description ?? [];
    expect(errors.join(" ")).toMatch(/„Familie Yılmaz“ sieht nach einem Namen aus/);
    expect(errors.join(" ")).toMatch(/§§ 61–65 SGB VIII/);
    expect(await counts(database)).toEqual(before);
  });

  it("lets a confirmed publish through once the warning was shown (the screen is a heuristic)", async () => {
    const description = "Kind Schulbegleitung dringend, Familie Sonnenschein-Projekt bekannt.";
    const findings = screenSozialdaten(description);
    expect(findings.length).toBeGreaterThan(0);
    const outcome = await post(world.requester.coordinator, validForm({ description, sozialdatenSeen: sozialdatenKey(findings) }));
    expect(outcome.status).toBe(302);
  });

  it("saves a draft without the confirmation; only the requesting Träger sees it", async () => {
    const outcome = await post(world.requester.coordinator, validForm({ intent: "draft", noSozialdaten: undefined }));
    expect(outcome.status).toBe(302);
    const id = outcome.location!.split("/").pop()!;
    const row = await database.db.selectFrom("cover_requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "draft", no_sozialdaten_confirmed: false });
    expect(row).not.toHaveProperty("case_reference");
    // The case reference is kept apart, readable only by the requesting Träger (docs/decisions/007).
    const internals = await database.db
      .selectFrom("cover_request_internals")
      .selectAll()
      .where("request_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(internals).toMatchObject({
      org_id: world.requester.org.id,
      case_reference: "F-2026-014",
      created_by: world.requester.coordinator.id,
      no_sozialdaten_confirmed_by: null,
    });
    expect(Number(row.hours_per_week)).toBe(12.5);
    expect(row.languages).toEqual(["Türkisch", "Arabisch"]);
  });

  it("publishes a request addressed first to one Träger, with handover notes and contact person", async () => {
    const before = await outboxMails(database);
    const widenAt = berlinDateTimeLocal(new Date(Date.now() + 2 * 3600_000 + 60_000));
    const outcome = await post(
      world.requester.coordinator,
      validForm({ addressing: "addressed", recipients: [world.offerers[0]!.org.id], widenAt, contactUserId: world.requester.member.id }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^\/vertretungen\/[0-9a-f-]{36}$/);
    const id = outcome.location!.split("/").pop()!;
    const row = await database.db.selectFrom("cover_requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "open", addressing: "addressed", no_sozialdaten_confirmed: true });
    expect(row.widen_at).not.toBeNull();
    const recipients = await database.db.selectFrom("cover_request_recipients").select("org_id").where("request_id", "=", id).execute();
    expect(recipients.map((r) => r.org_id)).toEqual([world.offerers[0]!.org.id]);
    const notes = await database.db.selectFrom("cover_handover_notes").select("notes").where("request_id", "=", id).executeTakeFirst();
    expect(notes?.notes).toMatch(/Yılmaz/);
    const contact = await database.db
      .selectFrom("cover_contacts")
      .select("user_id")
      .where("request_id", "=", id)
      .where("org_id", "=", world.requester.org.id)
      .executeTakeFirst();
    expect(contact?.user_id).toBe(world.requester.member.id);
    // The addressed Träger's coordinator is alerted; the other Träger not yet.
    const mails = (await outboxMails(database)).slice(before.length).filter((m) => m.template === "cover-request-alert");
    expect(mails.map((m) => m.to)).toEqual([world.offerers[0]!.coordinator.email]);
  });

  it("edits a draft, keeps its Träger, and publishes it", async () => {
    const created = await post(world.requester.coordinator, validForm({ intent: "draft", noSozialdaten: undefined }));
    const id = created.location!.split("/").pop()!;
    const page = await callRoute<Awaited<ReturnType<typeof editLoader>>>(
      editLoader,
      await requestAs(database, world.requester.coordinator, `/vertretungen/${id}/bearbeiten`),
      { id },
    );
    expect(page.status).toBe(200);
    expect(page.data.defaults).toMatchObject({ hoursPerWeek: "12,5", languages: "Türkisch, Arabisch", caseReference: "F-2026-014" });

    const memberPage = await callRoute(editLoader, await requestAs(database, world.requester.member, `/vertretungen/${id}/bearbeiten`), { id });
    expect(memberPage.status).toBe(403);
    const otherPage = await callRoute(editLoader, await requestAs(database, world.offerers[0]!.coordinator, `/vertretungen/${id}/bearbeiten`), { id });
    expect(otherPage.status).toBe(404);

    const refused = await callRoute<ActionData>(
      editAction,
      await requestAs(database, world.requester.coordinator, `/vertretungen/${id}/bearbeiten`, {
        form: validForm({ hoursPerWeek: "70" }),
      }),
      { id },
    );
    expect(refused.data.result.error?.hoursPerWeek).toBeTruthy();

    const saved = await callRoute(
      editAction,
      await requestAs(database, world.requester.coordinator, `/vertretungen/${id}/bearbeiten`, {
        form: validForm({ hoursPerWeek: "30", orgId: world.offerers[0]!.org.id }),
      }),
      { id },
    );
    expect(saved.status).toBe(302);
    const row = await database.db.selectFrom("cover_requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "open", org_id: world.requester.org.id });
    expect(Number(row.hours_per_week)).toBe(30);
    const again = await callRoute(editLoader, await requestAs(database, world.requester.coordinator, `/vertretungen/${id}/bearbeiten`), { id });
    expect(again.status).toBe(404);
  });
});
