// Editing a Träger's profile (/traeger/:slug/einstellungen): owners and admins only; a member gets
// 403, anyone outside the Träger 404; bad input gives field errors and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action, loader } from "~/routes/traeger_.$slug_.einstellungen";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

const validForm = {
  name: "KIZ Niederrhein",
  kind: "freier_traeger",
  legalForm: "ggmbh",
  leitbild: "Wir begleiten Familien am Niederrhein.",
  hilfearten: ["p31", "p30"],
  gemeinden: ["wesel", "duisburg"],
  street: "Hauptstraße 1",
  postalCode: "46483",
  city: "Wesel",
  phone: "0281 123456",
  email: "info@kiz.example",
  website: "www.kiz.example",
};

describe("/traeger/:slug/einstellungen", () => {
  let database: Database;
  let org: { id: string; slug: string; name: string };
  let other: { id: string; slug: string; name: string };
  let owner: TestUser, admin: TestUser, member: TestUser, otherAdmin: TestUser;

  beforeAll(async () => {
    database = await freshDatabase();
    org = await createOrg(database, { name: "KIZ" });
    other = await createOrg(database, { name: "Anderer Träger" });
    owner = await createUser(database);
    admin = await createUser(database);
    member = await createUser(database);
    otherAdmin = await createUser(database);
    await addMember(database, org.id, owner.id, "owner");
    await addMember(database, org.id, admin.id, "admin");
    await addMember(database, org.id, member.id, "member");
    await addMember(database, other.id, otherAdmin.id, "admin");
    // Same circle: the other admin can see the profile, but must not edit it.
    const circle = await createNetwork(database);
    await joinNetwork(database, circle.id, org.id);
    await joinNetwork(database, circle.id, other.id);
  });

  const path = () => `/traeger/${org.slug}/einstellungen`;
  const profile = () => database.db.selectFrom("organizations").selectAll().where("id", "=", org.id).executeTakeFirstOrThrow();

  it("shows admins the form with the fixed lists", async () => {
    const outcome = await callRoute(loader, await requestAs(database, admin, path()), { slug: org.slug });
    expect(outcome.status).toBe(200);
    expect(outcome.data.profile.name).toBe("KIZ");
    expect(outcome.data.lists.hilfearten).toContainEqual({ code: "p31", paragraph: "§ 31", label: "Sozialpädagogische Familienhilfe (SPFH)" });
    expect(outcome.data.lists.gemeinden.map((g: { code: string }) => g.code)).toContain("oberhausen");
  });

  it("saves the profile for an admin", async () => {
    const outcome = await callRoute(action, await requestAs(database, admin, path(), { form: validForm }), { slug: org.slug });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(path());
    expect(await profile()).toMatchObject({
      name: "KIZ Niederrhein",
      legal_form: "ggmbh",
      leitbild: "Wir begleiten Familien am Niederrhein.",
      hilfearten: ["p31", "p30"],
      gemeinden: ["wesel", "duisburg"],
      postal_code: "46483",
      website: "https://www.kiz.example",
    });
  });

  it("clears optional fields and lists when they are left empty", async () => {
    const outcome = await callRoute(
      action,
      await requestAs(database, owner, path(), { form: { name: "KIZ Niederrhein", kind: "freier_traeger", website: "", postalCode: "" } }),
      { slug: org.slug },
    );
    expect(outcome.status).toBe(302);
    expect(await profile()).toMatchObject({ hilfearten: [], gemeinden: [], website: null, postal_code: null, leitbild: "", legal_form: null });
    await callRoute(action, await requestAs(database, owner, path(), { form: validForm }), { slug: org.slug });
  });

  it("refuses a plain member with 403 and changes nothing", async () => {
    const before = await profile();
    const page = await callRoute(loader, await requestAs(database, member, path()), { slug: org.slug });
    expect(page.status).toBe(403);
    const write = await callRoute(action, await requestAs(database, member, path(), { form: { ...validForm, name: "Gekapert" } }), {
      slug: org.slug,
    });
    expect(write.status).toBe(403);
    expect(await profile()).toEqual(before);
  });

  it("answers another Träger's admin with 404 and changes nothing", async () => {
    const before = await profile();
    const page = await callRoute(loader, await requestAs(database, otherAdmin, path()), { slug: org.slug });
    expect(page.status).toBe(404);
    const write = await callRoute(action, await requestAs(database, otherAdmin, path(), { form: { ...validForm, name: "Gekapert" } }), {
      slug: org.slug,
    });
    expect(write.status).toBe(404);
    expect(await profile()).toEqual(before);
  });

  it("answers an unknown slug with 404", async () => {
    const page = await callRoute(loader, await requestAs(database, admin, "/traeger/gibt-es-nicht/einstellungen"), { slug: "gibt-es-nicht" });
    expect(page.status).toBe(404);
  });

  it.each([
    ["an unknown Hilfeart", { hilfearten: ["p31", "p99"] }, "hilfearten"],
    ["an unknown Gemeinde", { gemeinden: ["atlantis"] }, "gemeinden"],
    ["a four-digit postal code", { postalCode: "4648" }, "postalCode"],
    ["a 6000-character Leitbild", { leitbild: "x".repeat(6000) }, "leitbild"],
    ["an http website", { website: "http://kiz.example" }, "website"],
    ["a bad email", { email: "kein-at-zeichen" }, "email"],
    ["an empty name", { name: "" }, "name"],
  ])("refuses %s with a field error and writes nothing", async (_label, change, field) => {
    const before = await profile();
    const outcome = await callRoute(action, await requestAs(database, admin, path(), { form: { ...validForm, ...change } }), {
      slug: org.slug,
    });
    expect(outcome.status).toBe(200);
    expect(outcome.data.result.status).toBe("error");
    expect(outcome.data.result.error[field]?.[0]).toMatch(/\w/);
    expect(await profile()).toEqual(before);
  });
});

describe("the database's own check of Hilfearten and Gemeinden", () => {
  it("refuses unknown codes even when the form check is bypassed", async () => {
    const database = await freshDatabase();
    const { updateProfile } = await import("~/.server/orgs/profile");
    const { dbErrorCode, userMessageFor } = await import("~/.server/db/errors");
    const org = await createOrg(database);
    const admin = await createUser(database);
    await addMember(database, org.id, admin.id, "admin");
    const input = { name: "Träger", kind: "freier_traeger" as const, hilfearten: ["p99"], gemeinden: [] };
    const error = await updateProfile(admin, org.id, input).catch((e: unknown) => e);
    expect(dbErrorCode(error)).toBe("TK_UNKNOWN_HILFEART");
    expect(userMessageFor(error)).toBe("Unbekannte Hilfeart.");
    const gemeindeError = await updateProfile(admin, org.id, { ...input, hilfearten: [], gemeinden: ["atlantis"] }).catch((e: unknown) => e);
    expect(dbErrorCode(gemeindeError)).toBe("TK_UNKNOWN_GEMEINDE");
  });
});
