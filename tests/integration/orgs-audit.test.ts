// The audit log page (/traeger/:slug/protokoll): the Träger's admins read its own entries, newest
// first, 50 per page, in German; members get 403 and other Träger 404.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action as membersAction } from "~/routes/traeger_.$slug_.mitglieder/route";
import { action as createAction } from "~/routes/traeger_.neu";
import { loader } from "~/routes/traeger_.$slug_.protokoll";
import { freshDatabase } from "../helpers/db";
import { addMember, createOrg, createUser, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Entry = { label: string; summary: string; actor: string };

describe("/traeger/:slug/protokoll", () => {
  let database: Database;
  let owner: TestUser, member: TestUser;
  let slug: string;

  beforeAll(async () => {
    database = await freshDatabase();
    owner = await createUser(database, { fullName: "Olga Owner" });
    member = await createUser(database, { fullName: "Mia Mitglied", email: "mia@example.org" });
    const created = await callRoute(
      createAction,
      await requestAs(database, owner, "/traeger/neu", { form: { name: "Kinderleicht", kind: "freier_traeger" } }),
    );
    slug = created.location!.split("/")[2]!;
    const org = await database.db.selectFrom("organizations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
    await addMember(database, org.id, member.id, "member");
    const post = async (form: Record<string, string>) =>
      callRoute(membersAction, await requestAs(database, owner, `/traeger/${slug}/mitglieder`, { form }), { slug });
    await post({ intent: "invite", email: "neu@example.org", role: "admin" });
    await post({ intent: "change-role", userId: member.id, role: "coordinator" });
    await post({ intent: "contact", userId: member.id, isContactPerson: "on", contactTitle: "Teamleitung" });
    await post({ intent: "remove", userId: member.id });
  });

  const page = async (user: TestUser, query = "") =>
    callRoute(loader, await requestAs(database, user, `/traeger/${slug}/protokoll${query}`), { slug });

  it("shows the owner the Träger's history, newest first, in German", async () => {
    const outcome = await page(owner);
    expect(outcome.status).toBe(200);
    const entries: Entry[] = outcome.data.entries;
    expect(entries.map((e) => e.label)).toEqual([
      "Mitglied entfernt",
      "Ansprechperson geändert",
      "Rolle geändert",
      "Einladung verschickt",
      "Mitglied aufgenommen",
      "Träger angelegt",
      "Mitglied aufgenommen",
    ]);
    expect(entries[0]).toMatchObject({ summary: "Mia Mitglied (Koordinator:in) wurde entfernt.", actor: "Olga Owner" });
    expect(entries[1]!.summary).toBe("Mia Mitglied ist jetzt Ansprechperson („Teamleitung“).");
    expect(entries[2]!.summary).toBe("Mia Mitglied: Mitglied → Koordinator:in.");
    expect(entries[3]!.summary).toBe("Einladung an neu@example.org als Administrator:in.");
    expect(entries[4]).toMatchObject({ summary: "Mia Mitglied wurde als Mitglied aufgenommen.", actor: "System" });
    expect(entries[5]!.summary).toBe("Der Träger „Kinderleicht“ wurde angelegt.");
    expect(outcome.data.hasMore).toBe(false);
  });

  it("refuses members (403) and other Träger's admins (404)", async () => {
    const colleague = await createUser(database);
    const org = await database.db.selectFrom("organizations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
    await addMember(database, org.id, colleague.id, "coordinator");
    expect((await page(colleague)).status).toBe(403);
    const stranger = await createUser(database);
    const elsewhere = await createOrg(database);
    await addMember(database, elsewhere.id, stranger.id, "owner");
    expect((await page(stranger)).status).toBe(404);
  });

  it("pages by 50", async () => {
    const org = await database.db.selectFrom("organizations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
    const rows = Array.from({ length: 120 }, (_, i) => ({
      org_id: org.id,
      action: "auth.sign_in",
      actor_id: owner.id,
      created_at: new Date(Date.UTC(2020, 0, 1, 0, i)),
    }));
    await database.db.insertInto("audit_log").values(rows).execute();
    const first = await page(owner);
    expect(first.data.entries).toHaveLength(50);
    expect(first.data.hasMore).toBe(true);
    expect(first.data.entries[0].label).toBe("Mitglied aufgenommen");
    const third = await page(owner, "?seite=3");
    expect(third.data.entries).toHaveLength(128 - 100);
    expect(third.data.hasMore).toBe(false);
    expect(third.data.entries.at(-1)).toMatchObject({ label: "Anmeldung", summary: "", actor: "Olga Owner" });
    expect((await page(owner, "?seite=abc")).data.page).toBe(1);
    expect((await page(owner, "?seite=99")).data.entries).toEqual([]);
  });
});
