// Creating a Träger (/traeger/neu): the caller becomes its owner; bad input writes nothing; the
// slug never collides with the fixed page /traeger/neu.
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { Database } from "~/.server/db/connection";
import { action, loader } from "~/routes/traeger_.neu";
import { freshDatabase } from "../helpers/db";
import { createUser, requestAs } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

describe("/traeger/neu", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  async function orgCount() {
    const row = await sql<{ n: number }>`select count(*)::int as n from public.organizations`.execute(database.db);
    return row.rows[0]!.n;
  }

  it("sends visitors to the sign-in page", async () => {
    const outcome = await callRoute(loader, await requestAs(database, null, "/traeger/neu"));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/anmelden?redirectTo=%2Ftraeger%2Fneu");
  });

  it("creates the Träger with the caller as owner and continues to its settings", async () => {
    const user = await createUser(database);
    const outcome = await callRoute(
      action,
      await requestAs(database, user, "/traeger/neu", { form: { name: "Jugendhilfe Rheinberg e. V.", kind: "freier_traeger", legalForm: "e_v" } }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/traeger/jugendhilfe-rheinberg-e-v/einstellungen");
    expect(outcome.setCookies.some((c) => c.startsWith("tk_toast="))).toBe(true);

    const org = await database.db
      .selectFrom("organizations")
      .select(["id", "name", "kind", "legal_form"])
      .where("slug", "=", "jugendhilfe-rheinberg-e-v")
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: "Jugendhilfe Rheinberg e. V.", kind: "freier_traeger", legal_form: "e_v" });
    const members = await database.db.selectFrom("org_members").select(["user_id", "role"]).where("org_id", "=", org.id).execute();
    expect(members).toEqual([{ user_id: user.id, role: "owner" }]);
  });

  it("never gives out the slug 'neu'", async () => {
    const user = await createUser(database);
    const outcome = await callRoute(action, await requestAs(database, user, "/traeger/neu", { form: { name: "Neu", kind: "sonstige" } }));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/traeger/neu-2/einstellungen");
    await expect(
      database.db.insertInto("organizations").values({ name: "Direkt", slug: "neu" }).returning("slug").executeTakeFirstOrThrow(),
    ).resolves.toEqual({ slug: "neu-3" });
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const user = await createUser(database);
    const before = await orgCount();
    const forms: Array<Record<string, string>> = [
      { name: "X", kind: "freier_traeger" },
      { name: "A".repeat(161), kind: "freier_traeger" },
      { name: "Gute Hilfe", kind: "raumstation" },
      { name: "Gute Hilfe", kind: "freier_traeger", legalForm: "aktiengesellschaft" },
    ];
    for (const form of forms) {
      const outcome = await callRoute(action, await requestAs(database, user, "/traeger/neu", { form }));
      expect(outcome.status).toBe(200);
      expect(outcome.data.result.status).toBe("error");
      expect(Object.keys(outcome.data.result.error).length).toBeGreaterThan(0);
    }
    expect(await orgCount()).toBe(before);
  });
});
