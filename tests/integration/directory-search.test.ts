// One search field on the directory finds Träger by name, Hilfeart, Gemeinde and
// Leitbild words with German full-text search ("Familienhilfe" finds the SPFH providers), on
// PGlite and on PostgreSQL; an unknown filter code filters nothing and is not counted as active.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { loader as directoryLoader } from "~/routes/traeger._index";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type DirectoryData = Awaited<ReturnType<typeof directoryLoader>>;

describe("directory search", () => {
  let database: Database;
  let alice: TestUser;

  beforeAll(async () => {
    database = await freshDatabase();
    const n = await createNetwork(database, { name: "Kreis Nord" });
    const other = await createNetwork(database, { name: "Kreis Süd" });
    const a = await createOrg(database, { name: "Alpha Jugendhilfe", hilfearten: ["p31"], gemeinden: ["wesel"] });
    const b = await createOrg(database, { name: "Beta gGmbH", hilfearten: ["p34"], gemeinden: ["dinslaken"] });
    const c = await createOrg(database, { name: "Gamma e. V.", hilfearten: ["p30"], gemeinden: ["duisburg"] });
    const far = await createOrg(database, { name: "Fern Familienhilfe", hilfearten: ["p31"], gemeinden: ["wesel"] });
    await database.db
      .updateTable("organizations")
      .set({ leitbild: "Wir begleiten Jugendliche beim Übergang in die Ausbildung und stärken Familien im Sozialraum." })
      .where("id", "=", c.id)
      .execute();
    await joinNetwork(database, n.id, a.id, "coordinator");
    await joinNetwork(database, n.id, b.id);
    await joinNetwork(database, n.id, c.id);
    await joinNetwork(database, other.id, far.id, "coordinator");
    alice = await createUser(database);
    await addMember(database, a.id, alice.id, "member");
  });

  async function names(query: string) {
    const outcome = await callRoute<DirectoryData>(directoryLoader, await requestAs(database, alice, `/traeger${query}`));
    expect(outcome.status).toBe(200);
    return outcome.data!.entries.map((e) => e.name);
  }

  it("finds SPFH providers by „Familienhilfe“ (Hilfeart label, German stemming), only in the own circle", async () => {
    expect(await names("?q=Familienhilfe")).toEqual(["Alpha Jugendhilfe"]);
    expect(await names("?q=SPFH")).toEqual(["Alpha Jugendhilfe"]);
  });

  it("finds by Gemeinde name and by Leitbild words, inflected", async () => {
    expect(await names("?q=Dinslaken")).toEqual(["Beta gGmbH"]);
    expect(await names("?q=Jugendlicher%20Ausbildung")).toEqual(["Gamma e. V."]);
    expect(await names("?q=Familie")).toEqual(["Gamma e. V."]);
  });

  it("still finds a part of the name", async () => {
    expect(await names("?q=amm")).toEqual(["Gamma e. V."]);
  });

  it("treats search syntax as words, never as an error", async () => {
    expect(await names("?q=%22%26%7C!%3A*%28")).toEqual([]);
  });

  it("ignores an unknown Hilfeart or Gemeinde code instead of counting it as an active filter", async () => {
    const outcome = await callRoute<DirectoryData>(directoryLoader, await requestAs(database, alice, "/traeger?hilfeart=zzz&gemeinde=nirgendwo"));
    expect(outcome.data!.filters.hilfeart).toBeUndefined();
    expect(outcome.data!.filters.gemeinde).toBeUndefined();
    expect(outcome.data!.entries).toHaveLength(3);
  });
});
