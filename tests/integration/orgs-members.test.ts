// The member page (/traeger/:slug/mitglieder): who sees it, inviting, role changes under the owner
// rules, Ansprechpersonen, removing, leaving and withdrawing invitations. Every refusal leaves the
// data as it was.
import { beforeEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action, loader } from "~/routes/traeger_.$slug_.mitglieder/route";
import { freshDatabase } from "../helpers/db";
import { addMember, createOrg, createUser, outboxMails, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

describe("/traeger/:slug/mitglieder", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  let org: { id: string; slug: string; name: string };
  let owner: TestUser, admin: TestUser, coordinator: TestUser, member: TestUser;
  beforeEach(async () => {
    org = await createOrg(database);
    owner = await createUser(database, { fullName: "Olga Owner" });
    admin = await createUser(database, { fullName: "Adam Admin" });
    coordinator = await createUser(database, { fullName: "Cora Koordination" });
    member = await createUser(database, { fullName: "Mia Mitglied" });
    await addMember(database, org.id, owner.id, "owner");
    await addMember(database, org.id, admin.id, "admin");
    await addMember(database, org.id, coordinator.id, "coordinator");
    await addMember(database, org.id, member.id, "member");
  });

  const path = () => `/traeger/${org.slug}/mitglieder`;
  const post = async (user: TestUser, form: Record<string, string>) =>
    callRoute(action, await requestAs(database, user, path(), { form }), { slug: org.slug });
  const members = () =>
    database.db
      .selectFrom("org_members")
      .select(["user_id", "role", "is_contact_person", "contact_title"])
      .where("org_id", "=", org.id)
      .orderBy("user_id")
      .execute();
  const invitations = () =>
    database.db.selectFrom("invitations").select(["id", "email", "role", "accepted_at"]).where("org_id", "=", org.id).execute();

  it("shows every member the list, and invitations only to admins", async () => {
    const asMember = await callRoute(loader, await requestAs(database, member, path()), { slug: org.slug });
    expect(asMember.status).toBe(200);
    expect(asMember.data.members.map((m: { fullName: string }) => m.fullName)).toEqual([
      "Olga Owner",
      "Adam Admin",
      "Cora Koordination",
      "Mia Mitglied",
    ]);
    expect(asMember.data.invitations).toEqual([]);
    await post(admin, { intent: "invite", email: "neu@example.org", role: "member" });
    const asAdmin = await callRoute(loader, await requestAs(database, admin, path()), { slug: org.slug });
    expect(asAdmin.data.invitations).toMatchObject([{ email: "neu@example.org", role: "member", expired: false }]);
  });

  it("answers a member of another Träger with 404", async () => {
    const stranger = await createUser(database);
    const elsewhere = await createOrg(database);
    await addMember(database, elsewhere.id, stranger.id, "owner");
    const page = await callRoute(loader, await requestAs(database, stranger, path()), { slug: org.slug });
    expect(page.status).toBe(404);
    expect(page.data).toBe("Nicht gefunden");
    const write = await post(stranger, { intent: "remove", userId: member.id });
    expect(write.status).toBe(404);
    expect(await members()).toHaveLength(4);
  });

  it("invites by email: an invitation row and a mail with the token", async () => {
    const outcome = await post(admin, { intent: "invite", email: "Neue.Kollegin@Example.org", role: "coordinator" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(path());
    expect(await invitations()).toMatchObject([{ email: "neue.kollegin@example.org", role: "coordinator", accepted_at: null }]);
    const mail = (await outboxMails(database)).filter((m) => m.to === "neue.kollegin@example.org").at(-1);
    expect(mail).toMatchObject({ template: "invitation", props: { orgName: org.name, role: "coordinator", inviterName: "Adam Admin" } });
    expect(String(mail?.props.token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lets only owners invite owners", async () => {
    const refused = await post(admin, { intent: "invite", email: "chefin@example.org", role: "owner" });
    expect(refused.status).toBe(200);
    expect(refused.data.result.error.role).toEqual(["Nur Inhaber:innen können weitere Inhaber:innen einladen."]);
    expect(await invitations()).toEqual([]);
    const allowed = await post(owner, { intent: "invite", email: "chefin@example.org", role: "owner" });
    expect(allowed.status).toBe(302);
    expect(await invitations()).toMatchObject([{ email: "chefin@example.org", role: "owner" }]);
  });

  it("refuses to invite someone who already belongs to the Träger", async () => {
    const outcome = await post(admin, { intent: "invite", email: member.email, role: "admin" });
    expect(outcome.status).toBe(200);
    expect(outcome.data.formId).toBe("invite");
    expect(outcome.data.result.error[""]).toEqual(["Diese Person gehört dem Träger bereits an."]);
    expect(await invitations()).toEqual([]);
  });

  it("refuses a bad email or role with field errors", async () => {
    const outcome = await post(admin, { intent: "invite", email: "keine-adresse", role: "kaiser" });
    expect(outcome.data.result.error.email?.[0]).toMatch(/E-Mail/);
    expect(outcome.data.result.error.role?.[0]).toMatch(/Rolle/);
    expect(await invitations()).toEqual([]);
  });

  it("keeps members and coordinators out of admin actions (403)", async () => {
    for (const user of [member, coordinator]) {
      const invite = await post(user, { intent: "invite", email: "x@example.org", role: "member" });
      expect(invite.status).toBe(403);
      const promote = await post(user, { intent: "change-role", userId: user.id, role: "admin" });
      expect(promote.status).toBe(403);
    }
    expect(await invitations()).toEqual([]);
    expect((await members()).find((m) => m.user_id === member.id)?.role).toBe("member");
  });

  it("lets an admin change roles below owner", async () => {
    const outcome = await post(admin, { intent: "change-role", userId: member.id, role: "coordinator" });
    expect(outcome.status).toBe(302);
    expect((await members()).find((m) => m.user_id === member.id)?.role).toBe("coordinator");
  });

  it("does not let an admin make or unmake an owner", async () => {
    const promote = await post(admin, { intent: "change-role", userId: member.id, role: "owner" });
    expect(promote.status).toBe(200);
    expect(promote.data.formId).toBe(`change-role-${member.id}`);
    expect(promote.data.result.error[""]?.[0]).toMatch(/Nur Inhaber:innen/);
    const demote = await post(admin, { intent: "change-role", userId: owner.id, role: "member" });
    expect(demote.data.result.error[""]?.[0]).toMatch(/Nur Inhaber:innen/);
    const remove = await post(admin, { intent: "remove", userId: owner.id });
    expect(remove.data.result.error[""]?.[0]).toMatch(/Nur Inhaber:innen/);
    const roles = Object.fromEntries((await members()).map((m) => [m.user_id, m.role]));
    expect(roles[member.id]).toBe("member");
    expect(roles[owner.id]).toBe("owner");
  });

  it("never demotes, removes or lets go the last owner", async () => {
    const demote = await post(owner, { intent: "change-role", userId: owner.id, role: "admin" });
    expect(demote.status).toBe(200);
    expect(demote.data.result.error[""]?.[0]).toMatch(/mindestens eine Inhaberin oder einen Inhaber/);
    const leave = await post(owner, { intent: "leave" });
    expect(leave.data.result.error[""]?.[0]).toMatch(/mindestens eine Inhaberin oder einen Inhaber/);
    expect((await members()).find((m) => m.user_id === owner.id)?.role).toBe("owner");

    // With a second owner, the first may step down.
    expect((await post(owner, { intent: "change-role", userId: admin.id, role: "owner" })).status).toBe(302);
    expect((await post(owner, { intent: "change-role", userId: owner.id, role: "admin" })).status).toBe(302);
    const roles = Object.fromEntries((await members()).map((m) => [m.user_id, m.role]));
    expect(roles[owner.id]).toBe("admin");
    expect(roles[admin.id]).toBe("owner");
  });

  it("keeps one owner when two owners step down at the same moment", async () => {
    await database.db.updateTable("org_members").set({ role: "owner" }).where("user_id", "=", admin.id).execute();
    const outcomes = await Promise.all([
      post(owner, { intent: "change-role", userId: owner.id, role: "admin" }),
      post(admin, { intent: "change-role", userId: admin.id, role: "admin" }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 302]);
    expect((await members()).filter((m) => m.role === "owner")).toHaveLength(1);
  });

  it("lets owners remove an owner when another remains", async () => {
    await database.db.updateTable("org_members").set({ role: "owner" }).where("user_id", "=", admin.id).execute();
    expect((await post(owner, { intent: "remove", userId: admin.id })).status).toBe(302);
    expect((await members()).map((m) => m.user_id)).not.toContain(admin.id);
  });

  it("lets an admin remove a member", async () => {
    const outcome = await post(admin, { intent: "remove", userId: member.id });
    expect(outcome.status).toBe(302);
    expect((await members()).map((m) => m.user_id)).not.toContain(member.id);
    const gone = await post(admin, { intent: "remove", userId: member.id });
    expect(gone.data.result.error[""]).toEqual(["Diese Person oder Einladung gibt es hier nicht (mehr)."]);
  });

  it("lets a member leave, and then the page is 404 for them", async () => {
    const outcome = await post(member, { intent: "leave" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/");
    expect((await members()).map((m) => m.user_id)).not.toContain(member.id);
    expect((await callRoute(loader, await requestAs(database, member, path()), { slug: org.slug })).status).toBe(404);
  });

  it("marks and unmarks an Ansprechperson with a title, also for an owner", async () => {
    const mark = await post(admin, { intent: "contact", userId: owner.id, isContactPerson: "on", contactTitle: "Bereichsleitung ambulante Hilfen" });
    expect(mark.status).toBe(302);
    expect((await members()).find((m) => m.user_id === owner.id)).toMatchObject({
      is_contact_person: true,
      contact_title: "Bereichsleitung ambulante Hilfen",
    });
    const page = await callRoute(loader, await requestAs(database, member, path()), { slug: org.slug });
    expect(page.data.members.find((m: { userId: string }) => m.userId === owner.id)).toMatchObject({
      isContactPerson: true,
      contactTitle: "Bereichsleitung ambulante Hilfen",
    });
    const unmark = await post(admin, { intent: "contact", userId: owner.id, contactTitle: "egal" });
    expect(unmark.status).toBe(302);
    expect((await members()).find((m) => m.user_id === owner.id)).toMatchObject({ is_contact_person: false, contact_title: null });
  });

  it("asks for a title when marking an Ansprechperson", async () => {
    const outcome = await post(admin, { intent: "contact", userId: member.id, isContactPerson: "on", contactTitle: "" });
    expect(outcome.data.result.error.contactTitle?.[0]).toMatch(/Funktion/);
    const tooLong = await post(admin, { intent: "contact", userId: member.id, isContactPerson: "on", contactTitle: "x".repeat(121) });
    expect(tooLong.data.result.error.contactTitle?.[0]).toMatch(/zu lang/);
    expect((await members()).find((m) => m.user_id === member.id)?.is_contact_person).toBe(false);
  });

  it("withdraws an invitation", async () => {
    await post(admin, { intent: "invite", email: "weg@example.org", role: "member" });
    const [invitation] = await invitations();
    const outcome = await post(admin, { intent: "withdraw", invitationId: invitation!.id });
    expect(outcome.status).toBe(302);
    expect(await invitations()).toEqual([]);
    const again = await post(admin, { intent: "withdraw", invitationId: invitation!.id });
    expect(again.data.result.error[""]).toEqual(["Diese Person oder Einladung gibt es hier nicht (mehr)."]);
  });

  it("does not withdraw another Träger's invitation", async () => {
    const elsewhere = await createOrg(database);
    const otherAdmin = await createUser(database);
    await addMember(database, elsewhere.id, otherAdmin.id, "admin");
    await callRoute(action, await requestAs(database, otherAdmin, `/traeger/${elsewhere.slug}/mitglieder`, {
      form: { intent: "invite", email: "fremd@example.org", role: "member" },
    }), { slug: elsewhere.slug });
    const foreign = await database.db.selectFrom("invitations").select("id").where("org_id", "=", elsewhere.id).executeTakeFirstOrThrow();
    const outcome = await post(admin, { intent: "withdraw", invitationId: foreign.id });
    expect(outcome.data.result.error[""]).toEqual(["Diese Person oder Einladung gibt es hier nicht (mehr)."]);
    expect(await database.db.selectFrom("invitations").select("id").where("id", "=", foreign.id).execute()).toHaveLength(1);
  });

  it("answers an unknown intent with 400", async () => {
    const outcome = await post(admin, { intent: "drop-table" });
    expect(outcome.status).toBe(400);
  });

  it("records role changes and removals in the audit log with the person's name", async () => {
    await post(admin, { intent: "change-role", userId: member.id, role: "coordinator" });
    await post(admin, { intent: "remove", userId: member.id });
    const rows = await database.db
      .selectFrom("audit_log")
      .select(["action", "actor_id", "details"])
      .where("org_id", "=", org.id)
      .where("target_id", "=", member.id)
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.action)).toEqual(["member.added", "member.role_changed", "member.removed"]);
    expect(rows[1]).toMatchObject({ actor_id: admin.id, details: { from: "member", to: "coordinator", name: "Mia Mitglied" } });
    expect(rows[2]).toMatchObject({ actor_id: admin.id, details: { role: "coordinator", name: "Mia Mitglied", email: member.email } });
  });
});
