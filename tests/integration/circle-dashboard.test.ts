// The dashboard (/) and the notifications page (/benachrichtigungen): real data per person, the
// landing page for visitors, notifications only for their recipient.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { loader as indexLoader } from "~/routes/_index";
import { action as notificationsAction, loader as notificationsLoader } from "~/routes/benachrichtigungen";
import { loader as joinRequestsLoader } from "~/routes/kreis.anfragen";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type IndexData = Awaited<ReturnType<typeof indexLoader>>;
type Dashboard = Extract<IndexData, { kind: "dashboard" }>;
type Landing = Extract<IndexData, { kind: "landing" }>;
type NotificationsData = Awaited<ReturnType<typeof notificationsLoader>>;
type JoinRequestsData = Awaited<ReturnType<typeof joinRequestsLoader>>;

describe("the dashboard and notifications", () => {
  let database: Database;
  let network: { id: string; slug: string; name: string };
  let coordinator: TestUser;
  let member: TestUser;
  let newcomer: TestUser;

  beforeAll(async () => {
    database = await freshDatabase();
    network = await createNetwork(database, { name: "Kreis Dashboard" });
    await createNetwork(database, { name: "Versteckter Kreis", publicPage: false });
    const coordinating = await createOrg(database, { name: "Koordinator e. V." });
    const old = await createOrg(database, { name: "Alter Träger" });
    const fresh = await createOrg(database, { name: "Frischer Träger" });
    await joinNetwork(database, network.id, coordinating.id, "coordinator");
    await joinNetwork(database, network.id, old.id);
    await joinNetwork(database, network.id, fresh.id);
    await sql`update public.network_members set joined_at = now() - interval '200 days'
      where org_id in (${old.id}, ${coordinating.id})`.execute(database.db);
    coordinator = await createUser(database, { fullName: "Clara Koordination" });
    member = await createUser(database, { fullName: "Mo Mitglied" });
    newcomer = await createUser(database, { fullName: "Nina Neu" });
    await addMember(database, coordinating.id, coordinator.id, "owner");
    await addMember(database, old.id, member.id, "member");
    await database.db
      .insertInto("join_requests")
      .values({ network_id: network.id, org_name: "Wartender Träger", contact_name: "Wanda", email: "w@example.org", message: "Hallo" })
      .execute();
  });

  async function dashboard(user: TestUser) {
    const outcome = await callRoute<IndexData>(indexLoader, await requestAs(database, user, "/"));
    expect(outcome.status).toBe(200);
    expect(outcome.data.kind).toBe("dashboard");
    return outcome.data as Dashboard;
  }

  it("shows visitors the landing page with the public circles", async () => {
    const outcome = await callRoute<Landing>(indexLoader, await requestAs(database, null, "/"));
    expect(outcome.data.kind).toBe("landing");
    expect(outcome.data.publicCircles).toEqual([{ slug: network.slug, name: "Kreis Dashboard", region: "", memberCount: 3 }]);
  });

  it("shows a coordinator their Träger, the circle, what is new and the open join requests", async () => {
    const data = await dashboard(coordinator);
    expect(data.memberships.map((m) => [m.name, m.role])).toEqual([["Koordinator e. V.", "owner"]]);
    expect(data.circles).toEqual([{ id: network.id, name: "Kreis Dashboard", memberCount: 3, coordinates: true }]);
    expect(data.newInCircle.map((t) => t.name)).toEqual(["Frischer Träger"]);
    expect(data.openJoinRequests).toEqual({ count: 1, oldest: [expect.objectContaining({ orgName: "Wartender Träger" })] });
    expect(data.unreadCount).toBe(1);
    expect(data.unread[0]!.title).toBe("Neue Interessensmeldung: Wartender Träger");
    expect(data.publicCircles).toEqual([]);
  });

  it("shows a member no join requests", async () => {
    const data = await dashboard(member);
    expect(data.memberships.map((m) => [m.name, m.role])).toEqual([["Alter Träger", "member"]]);
    expect(data.openJoinRequests).toBeNull();
    expect(data.newInCircle.map((t) => t.name)).toEqual(["Frischer Träger"]);
    expect(data.unreadCount).toBe(0);
  });

  it("shows a user without a Träger the ways in and the public circles", async () => {
    const data = await dashboard(newcomer);
    expect(data.memberships).toEqual([]);
    expect(data.circles).toEqual([]);
    expect(data.newInCircle).toEqual([]);
    expect(data.publicCircles.map((c) => c.name)).toEqual(["Kreis Dashboard"]);
  });

  it("lists notifications newest first; opening one marks it read and follows its link", async () => {
    const list = await callRoute<NotificationsData>(notificationsLoader, await requestAs(database, coordinator, "/benachrichtigungen"));
    expect(list.data.notifications).toEqual([
      expect.objectContaining({ title: "Neue Interessensmeldung: Wartender Träger", read: false, link: "/kreis/anfragen" }),
    ]);
    const id = list.data.notifications[0]!.id;

    // Someone else cannot open (or learn about) it.
    const foreign = await callRoute(
      notificationsAction,
      await requestAs(database, member, "/benachrichtigungen", { form: { intent: "open", id } }),
    );
    expect(foreign.status).toBe(404);

    const opened = await callRoute(
      notificationsAction,
      await requestAs(database, coordinator, "/benachrichtigungen", { form: { intent: "open", id } }),
    );
    expect(opened.status).toBe(302);
    expect(opened.location).toBe("/kreis/anfragen");
    const after = await callRoute<NotificationsData>(notificationsLoader, await requestAs(database, coordinator, "/benachrichtigungen"));
    expect(after.data.notifications[0]!.read).toBe(true);
  });

  it("marks all as read", async () => {
    for (const title of ["Erste", "Zweite"]) {
      await database.db.insertInto("notifications").values({ user_id: member.id, kind: "test", data: { title }, link: "https://evil.example" }).execute();
    }
    await database.db.insertInto("notifications").values({ user_id: coordinator.id, kind: "test", data: { title: "Fremd" } }).execute();
    const done = await callRoute(
      notificationsAction,
      await requestAs(database, member, "/benachrichtigungen", { form: { intent: "read-all" } }),
    );
    expect(done.status).toBe(302);
    const mine = await database.db.selectFrom("notifications").select("read_at").where("user_id", "=", member.id).execute();
    expect(mine.every((n) => n.read_at !== null)).toBe(true);
    const theirs = await database.db
      .selectFrom("notifications")
      .select("read_at")
      .where(sql<boolean>`data ->> 'title' = 'Fremd'`)
      .executeTakeFirstOrThrow();
    expect(theirs.read_at).toBeNull();

    // A link that leaves the site is never followed; a kind the app does not know still reads as German.
    const list = await callRoute<NotificationsData>(notificationsLoader, await requestAs(database, member, "/benachrichtigungen"));
    expect(list.data.notifications[0]).toMatchObject({ title: "Neue Benachrichtigung", body: null });
    const opened = await callRoute(
      notificationsAction,
      await requestAs(database, member, "/benachrichtigungen", { form: { intent: "open", id: list.data.notifications[0]!.id } }),
    );
    expect(opened.location).toBe("/benachrichtigungen");
  });

  it("lists open join requests oldest first, on the dashboard as on /kreis/anfragen", async () => {
    for (const [name, daysAgo] of [["Zweitältester Träger", 2], ["Ältester Träger", 5]] as const) {
      await database.db
        .insertInto("join_requests")
        .values({ network_id: network.id, org_name: name, contact_name: "Olga", email: `${daysAgo}@example.org`, message: "Hallo" })
        .execute();
      await sql`update public.join_requests set created_at = now() - make_interval(days => ${daysAgo}) where org_name = ${name}`.execute(
        database.db,
      );
    }
    const expected = ["Ältester Träger", "Zweitältester Träger", "Wartender Träger"];
    const data = await dashboard(coordinator);
    expect(data.openJoinRequests?.oldest.map((r) => r.orgName)).toEqual(expected);
    const page = await callRoute<JoinRequestsData>(joinRequestsLoader, await requestAs(database, coordinator, "/kreis/anfragen"));
    expect(page.data.open.map((r) => r.orgName)).toEqual(expected);
  });

  it("answers a malformed action with 400, not 500", async () => {
    const outcome = await callRoute(
      notificationsAction,
      await requestAs(database, member, "/benachrichtigungen", { form: { intent: "open", id: "1; drop table" } }),
    );
    expect(outcome.status).toBe(400);
  });
});
