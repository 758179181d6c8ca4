// NUL and other control characters, in forms, query parameters and route parameters, are refused
// by validation before any SQL (Postgres refuses NUL in text with an error: these were 500s).
// Called as the server calls the routes, without the HTTP server's own check in front
// (app/.server/http/guards.ts refuses them too; tests/e2e/http.spec.ts).
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action as joinAction } from "~/routes/k.$slug";
import { loader as directoryLoader } from "~/routes/traeger._index";
import { loader as settingsLoader } from "~/routes/traeger_.$slug_.einstellungen";
import { action as newOrgAction } from "~/routes/traeger_.neu";
import { action as newTrainingAction } from "~/routes/fortbildungen.neu";
import { action as profileAction } from "~/routes/konto";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, requestAs, type TestUser } from "../helpers/fixtures";
import { anonRequest, callRoute } from "../helpers/routes";

type Reply = { result?: { error?: Record<string, string[] | null> } };
const errorsOf = (data: unknown) => (data as Reply).result?.error ?? {};

describe("control characters", () => {
  let database: Database;
  let user: TestUser;
  let org: { id: string; slug: string };

  beforeAll(async () => {
    database = await freshDatabase();
    user = await createUser(database);
    org = await createOrg(database);
    await addMember(database, org.id, user.id, "owner");
  });

  it("Interesse melden (anonymous): NUL in any field is a field error, nothing written", async () => {
    const network = await createNetwork(database);
    const form = { orgName: "Neu\u0000er Träger", contactName: "Eva\u0000", email: "eva@example.org", phone: "0201\u0000", message: "Hallo\u0000" };
    const outcome = await callRoute(joinAction, anonRequest(`/k/${network.slug}`, { form, ip: "198.51.100.3" }), { slug: network.slug });
    expect(outcome.status).toBe(200);
    expect(Object.keys(errorsOf(outcome.data)).sort()).toEqual(["contactName", "message", "orgName", "phone"]);
    const rows = await sql<{ n: number }>`select count(*)::int as n from public.join_requests`.execute(database.db);
    expect(rows.rows[0]!.n).toBe(0);
  });

  it("a search with NUL shows the directory unfiltered", async () => {
    const outcome = await callRoute(directoryLoader, await requestAs(database, user, "/traeger?q=a%00b"));
    expect(outcome.status).toBe(200);
  });

  it("a route parameter with NUL is not found, without asking the database", async () => {
    const outcome = await callRoute(settingsLoader, await requestAs(database, user, "/traeger/%00/einstellungen"), { slug: "\u0000" });
    expect(outcome.status).toBe(404);
  });

  it("a Träger name with a line break or NUL is refused at the field", async () => {
    for (const name of ["Böser\r\nATTENDEE:mailto:x@evil.example", "Träger\u0000"]) {
      const outcome = await callRoute(newOrgAction, await requestAs(database, user, "/traeger/neu", { form: { name, kind: "freier_traeger" } }));
      expect(outcome.status).toBe(200);
      expect(errorsOf(outcome.data).name).toBeTruthy();
    }
  });

  it("a training title with a bare CR is refused at the field", async () => {
    const outcome = await callRoute(newTrainingAction, await requestAs(database, user, "/fortbildungen/neu", { form: { title: "Kurs\rX-EVIL:1", intent: "save" } }));
    expect(errorsOf(outcome.data).title?.[0]).toMatch(/Zeilenumbrüche/);
  });

  it("the profile refuses NUL in name, phone, qualifications and languages", async () => {
    const form = { intent: "profile", fullName: "Eva\u0000", phone: "0201\u0000", qualifications: "x\u0000", languages: "Deutsch\u0000" };
    const outcome = await callRoute(profileAction, await requestAs(database, user, "/konto", { form }));
    expect(Object.keys(errorsOf(outcome.data)).sort()).toEqual(["fullName", "languages", "phone", "qualifications"]);
  });
});
