// The circle's directory (/traeger) and a Träger's profile (/traeger/:slug): only Träger of the
// user's circles, filters in SQL, Ansprechpersonen visible and other members not.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { loader as directoryLoader } from "~/routes/traeger._index";
import { loader as profileLoader } from "~/routes/traeger.$slug._index";
import { hilfeartShortLabel } from "~/i18n/hilfearten";
import { hilfeartOf } from "~/utils/reference-data";
import { DIRECTORY_PAGE_SIZE } from "~/validation/circle";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type DirectoryData = Awaited<ReturnType<typeof directoryLoader>>;
type ProfileData = Awaited<ReturnType<typeof profileLoader>>;

describe("the circle's directory and profiles", () => {
  let database: Database;
  let alice: TestUser; // member of Träger A (circle N)
  let contactB: TestUser;
  let colleagueB: TestUser;
  let carol: TestUser; // owner of Träger C (circle M only)
  let loner: TestUser; // owner of a Träger in no circle
  let a: { id: string; slug: string; name: string };
  let b: { id: string; slug: string; name: string };
  let c: { id: string; slug: string; name: string };

  beforeAll(async () => {
    database = await freshDatabase();
    const n = await createNetwork(database, { name: "Kreis Nord" });
    const m = await createNetwork(database, { name: "Kreis Süd" });
    a = await createOrg(database, { name: "Alpha Jugendhilfe", hilfearten: ["p31", "p30"], gemeinden: ["wesel", "dinslaken"] });
    b = await createOrg(database, { name: "Beta Familienhilfe 100%", hilfearten: ["p30"], gemeinden: ["duisburg"] });
    c = await createOrg(database, { name: "Gamma Hilfen", hilfearten: ["p31"], gemeinden: ["wesel"] });
    const lonely = await createOrg(database, { name: "Delta allein" });
    await joinNetwork(database, n.id, a.id, "coordinator");
    await joinNetwork(database, n.id, b.id);
    await joinNetwork(database, m.id, c.id, "coordinator");

    alice = await createUser(database, { fullName: "Alice Arnold" });
    contactB = await createUser(database, { fullName: "Bea Kontakt" });
    colleagueB = await createUser(database, { fullName: "Ben Intern" });
    carol = await createUser(database);
    loner = await createUser(database);
    await addMember(database, a.id, alice.id, "member");
    await addMember(database, b.id, contactB.id, "admin", { contact: true });
    await addMember(database, b.id, colleagueB.id, "member");
    await addMember(database, c.id, carol.id, "owner", { contact: true });
    await addMember(database, lonely.id, loner.id, "owner");
    await database.db
      .updateTable("org_members")
      .set({ contact_title: "Bereichsleitung" })
      .where("user_id", "=", contactB.id)
      .execute();
    await database.db.updateTable("profiles").set({ phone: "02853 448044" }).where("user_id", "=", contactB.id).execute();
  });

  async function directory(user: TestUser, query = "") {
    const outcome = await callRoute<DirectoryData>(directoryLoader, await requestAs(database, user, `/traeger${query}`));
    expect(outcome.status).toBe(200);
    return outcome.data;
  }

  it("sends visitors to sign in", async () => {
    const outcome = await callRoute(directoryLoader, await requestAs(database, null, "/traeger"));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/anmelden?redirectTo=%2Ftraeger");
  });

  it("shows only the Träger of the user's circles", async () => {
    const data = await directory(alice);
    expect(data.entries.map((e) => e.name)).toEqual(["Alpha Jugendhilfe", "Beta Familienhilfe 100%"]);
    expect(data.total).toBe(2);
    const alpha = data.entries[0]!;
    // Codes only on the card (the page's list of Hilfearten names them), in the list's order.
    expect(alpha.hilfearten.map((code) => hilfeartOf(code).paragraph)).toEqual(["§ 30", "§ 31"]);
    expect(alpha.gemeinden).toEqual(["Dinslaken", "Wesel"]);
    expect(alpha.moreGemeinden).toBe(0);

    const other = await directory(carol);
    expect(other.entries.map((e) => e.name)).toEqual(["Gamma Hilfen"]);
  });

  it("filters by Hilfeart, Gemeinde and name", async () => {
    expect((await directory(alice, "?hilfeart=p31")).entries.map((e) => e.name)).toEqual(["Alpha Jugendhilfe"]);
    expect((await directory(alice, "?hilfeart=p30")).total).toBe(2);
    expect((await directory(alice, "?gemeinde=duisburg")).entries.map((e) => e.name)).toEqual(["Beta Familienhilfe 100%"]);
    expect((await directory(alice, "?hilfeart=p31&gemeinde=duisburg")).entries).toEqual([]);
    expect((await directory(alice, "?q=familien")).entries.map((e) => e.name)).toEqual(["Beta Familienhilfe 100%"]);
    // % and _ are matched literally, not as wildcards.
    expect((await directory(alice, "?q=100%25")).total).toBe(1);
    expect((await directory(alice, "?q=%25")).total).toBe(1);
    expect((await directory(alice, "?q=_")).total).toBe(0);
  });

  it("ignores malformed parameters instead of failing", async () => {
    const data = await directory(alice, `?hilfeart=${"x".repeat(500)}&gemeinde=%27;drop&seite=-3&q=${"a".repeat(300)}`);
    expect(data.filters).toEqual({ hilfeart: undefined, gemeinde: undefined, q: undefined, seite: 1 });
    expect(data.total).toBe(2);
  });

  it("tells a user whose Träger is in no circle so", async () => {
    const data = await directory(loner);
    expect(data.entries).toEqual([]);
    expect(data.inCircle).toBe(false);
  });

  it("opens the profile of a Träger in the circle with its Ansprechpersonen only", async () => {
    const outcome = await callRoute<ProfileData>(profileLoader, await requestAs(database, alice, `/traeger/${b.slug}`), { slug: b.slug });
    expect(outcome.status).toBe(200);
    expect(outcome.data.org.name).toBe("Beta Familienhilfe 100%");
    expect(outcome.data.hilfearten.map((h) => h.label)).toEqual(["Erziehungsbeistand, Betreuungshelfer"]);
    expect(outcome.data.gemeinden).toEqual(["Duisburg"]);
    expect(outcome.data.contacts).toEqual([
      { userId: contactB.id, fullName: "Bea Kontakt", title: "Bereichsleitung", email: contactB.email, phone: "02853 448044" },
    ]);
    expect(outcome.data.myRole).toBeNull();
  });

  it("shows a colleague only the Ansprechpersonen on the profile, too", async () => {
    const outcome = await callRoute<ProfileData>(profileLoader, await requestAs(database, colleagueB, `/traeger/${b.slug}`), {
      slug: b.slug,
    });
    expect(outcome.data.contacts.map((p) => p.fullName)).toEqual(["Bea Kontakt"]);
    expect(outcome.data.myRole).toBe("member");
  });

  it("answers 404 for a Träger outside the user's circles, and for unknown slugs", async () => {
    for (const slug of [c.slug, "gibt-es-nicht", "UPPER"]) {
      const outcome = await callRoute(profileLoader, await requestAs(database, alice, `/traeger/${slug}`), { slug });
      expect(outcome.status).toBe(404);
    }
  });

  it("shows members their own Träger with their role and its circles", async () => {
    const outcome = await callRoute<ProfileData>(profileLoader, await requestAs(database, carol, `/traeger/${c.slug}`), { slug: c.slug });
    expect(outcome.status).toBe(200);
    expect(outcome.data.myRole).toBe("owner");
    expect(outcome.data.circles).toEqual([expect.objectContaining({ name: "Kreis Süd", role: "coordinator" })]);
  });

  it("names every Hilfeart on the cards in words, not only by its paragraph", async () => {
    const hilfearten = await database.db.selectFrom("hilfearten").select(["code", "paragraph", "label"]).execute();
    expect(hilfearten.length).toBeGreaterThan(0);
    // Short enough for a badge on a 360 px card (a Hilfeart without a short name shows its long label).
    expect(hilfearten.filter((h) => hilfeartShortLabel(h).length > 20).map((h) => h.code)).toEqual([]);
    const outcome = await callRoute<DirectoryData>(directoryLoader, await requestAs(database, alice, "/traeger"));
    const alpha = outcome.data.entries.find((e) => e.name === "Alpha Jugendhilfe")!;
    const named = alpha.hilfearten.map(hilfeartOf);
    expect(named.map((h) => `${h.paragraph} ${hilfeartShortLabel(h)}`)).toEqual(["§ 30 Erziehungsbeistand", "§ 31 SPFH"]);
  });

  it("pages by DIRECTORY_PAGE_SIZE (20, like the other lists): a full first page, the rest on the second", async () => {
    const west = await createNetwork(database, { name: "Kreis West" });
    const reader = await createUser(database);
    const own = await createOrg(database, { name: "Aa Westhilfe" });
    await joinNetwork(database, west.id, own.id, "coordinator");
    await addMember(database, own.id, reader.id, "member");
    for (let i = 0; i < DIRECTORY_PAGE_SIZE; i++) {
      await joinNetwork(database, west.id, (await createOrg(database, { name: `West ${String(i).padStart(2, "0")}` })).id);
    }
    expect(DIRECTORY_PAGE_SIZE).toBe(20);
    const first = await directory(reader);
    expect(first.entries).toHaveLength(DIRECTORY_PAGE_SIZE);
    expect(first).toMatchObject({ total: DIRECTORY_PAGE_SIZE + 1, page: 1, pageCount: 2 });
    const second = await directory(reader, "?seite=2");
    expect(second.entries.map((e) => e.name)).toEqual(["West 19"]);
    expect(second).toMatchObject({ page: 2, pageCount: 2 });
    expect(new Set([...first.entries, ...second.entries].map((e) => e.slug)).size).toBe(DIRECTORY_PAGE_SIZE + 1);
  });
});
