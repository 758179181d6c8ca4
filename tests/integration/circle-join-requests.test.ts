// Coordinators decide join requests (/kreis/anfragen) and edit the public page
// (/kreis/einstellungen). Admitting creates the Träger in the circle and invites its contact;
// declining mails the message; nobody else sees or decides anything.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { renderNotification } from "~/i18n/notifications";
import { action, loader } from "~/routes/kreis.anfragen";
import { action as settingsAction, loader as settingsLoader } from "~/routes/kreis.einstellungen";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, outboxMails, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type PageData = Awaited<ReturnType<typeof loader>>;
type ActionData = { formId: string; result: { status: string; error: Record<string, string[]> } };

describe("coordinators decide join requests", () => {
  let database: Database;
  let network: { id: string; slug: string; name: string };
  let otherNetwork: { id: string; slug: string; name: string };
  let coordinator: TestUser;
  let memberOfCoordinating: TestUser; // role 'member' in the coordinating Träger
  let ownerOfMember: TestUser; // owner of a Träger that is only a member of the circle
  let otherCoordinator: TestUser; // coordinates another circle

  beforeAll(async () => {
    database = await freshDatabase();
    network = await createNetwork(database, { name: "Kreis Wesel Test" });
    otherNetwork = await createNetwork(database, { name: "Anderer Kreis" });
    const coordinating = await createOrg(database, { name: "Koordinierender Träger" });
    const member = await createOrg(database, { name: "Mitglied-Träger" });
    const elsewhere = await createOrg(database, { name: "Träger anderswo" });
    await joinNetwork(database, network.id, coordinating.id, "coordinator");
    await joinNetwork(database, network.id, member.id);
    await joinNetwork(database, otherNetwork.id, elsewhere.id, "coordinator");
    coordinator = await createUser(database, { fullName: "Kim Koordination" });
    memberOfCoordinating = await createUser(database);
    ownerOfMember = await createUser(database);
    otherCoordinator = await createUser(database);
    await addMember(database, coordinating.id, coordinator.id, "admin");
    await addMember(database, coordinating.id, memberOfCoordinating.id, "member");
    await addMember(database, member.id, ownerOfMember.id, "owner");
    await addMember(database, elsewhere.id, otherCoordinator.id, "owner");
  });

  async function fileRequest(networkId: string, orgName: string, email: string) {
    // As the public page does it: an anonymous insert (fixtures write as the owner, same trigger).
    await database.db
      .insertInto("join_requests")
      .values({ network_id: networkId, org_name: orgName, contact_name: "Paula Kontakt", email, message: "Wir möchten mitmachen." })
      .execute();
    const row = await database.db
      .selectFrom("join_requests")
      .select("id")
      .where("org_name", "=", orgName)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function decide(user: TestUser, form: Record<string, string>) {
    return callRoute<ActionData>(action, await requestAs(database, user, "/kreis/anfragen", { form }));
  }

  it("shows open requests first and decided ones below", async () => {
    const first = await fileRequest(network.id, "Erster Träger", "erster@example.org");
    await fileRequest(otherNetwork.id, "Fremde Anfrage", "fremd@example.org");
    const outcome = await callRoute<PageData>(loader, await requestAs(database, coordinator, "/kreis/anfragen"));
    expect(outcome.status).toBe(200);
    expect(outcome.data.circles.map((c) => c.name)).toEqual(["Kreis Wesel Test"]);
    expect(outcome.data.open.map((r) => [r.id, r.orgName, r.email])).toEqual([[first, "Erster Träger", "erster@example.org"]]);
    expect(outcome.data.decided).toEqual([]);
  });

  it("answers 404 to everyone who does not coordinate the circle", async () => {
    const id = await fileRequest(network.id, "Geheime Anfrage", "geheim@example.org");
    for (const user of [memberOfCoordinating, ownerOfMember]) {
      expect((await callRoute(loader, await requestAs(database, user, "/kreis/anfragen"))).status).toBe(404);
      expect((await decide(user, { intent: "admit", requestId: id })).status).toBe(404);
      expect((await callRoute(settingsLoader, await requestAs(database, user, "/kreis/einstellungen"))).status).toBe(404);
    }
    // A coordinator of another circle sees their own page, but cannot decide this circle's request.
    const outcome = await decide(otherCoordinator, { intent: "admit", requestId: id, formId: `aufnehmen-${id}` });
    expect(outcome.status).toBe(200);
    // The answer belongs to the form that was sent, and says why above it.
    expect(outcome.data.formId).toBe(`aufnehmen-${id}`);
    expect(outcome.data.result.error[""]).toEqual(["Nicht gefunden."]);
    const row = await database.db.selectFrom("join_requests").select("status").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("open");
  });

  it("admits: creates the Träger in the circle and invites the contact as owner", async () => {
    const id = await fileRequest(network.id, "Neuer Träger Xanten", "Kontakt@Neu.example");
    const mailsBefore = (await outboxMails(database)).length;
    const outcome = await decide(coordinator, { intent: "admit", requestId: id });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/kreis/anfragen");

    const org = await database.db
      .selectFrom("organizations")
      .select(["id", "slug"])
      .where("name", "=", "Neuer Träger Xanten")
      .executeTakeFirstOrThrow();
    expect(org.slug).toBe("neuer-traeger-xanten");
    const membership = await database.db
      .selectFrom("network_members")
      .select(["network_id", "role", "status"])
      .where("org_id", "=", org.id)
      .execute();
    expect(membership).toEqual([{ network_id: network.id, role: "member", status: "active" }]);
    const invitation = await database.db
      .selectFrom("invitations")
      .select(["email", "role"])
      .where("org_id", "=", org.id)
      .executeTakeFirstOrThrow();
    expect(invitation).toEqual({ email: "kontakt@neu.example", role: "owner" });
    const mails = (await outboxMails(database)).slice(mailsBefore);
    expect(mails).toEqual([
      {
        template: "join-request-admitted",
        to: "kontakt@neu.example",
        props: expect.objectContaining({
          orgName: "Neuer Träger Xanten",
          networkName: "Kreis Wesel Test",
          contactName: "Paula Kontakt",
          role: "owner",
          inviterName: "Kim Koordination",
          token: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      },
    ]);

    const page = await callRoute<PageData>(loader, await requestAs(database, coordinator, "/kreis/anfragen"));
    expect(page.data.open.map((r) => r.id)).not.toContain(id);
    expect(page.data.decided).toContainEqual(expect.objectContaining({ id, status: "admitted", orgSlug: "neuer-traeger-xanten" }));

    // The circle hears of it: the owners and admins of its other Träger, not the coordinator who
    // admitted it, not a plain member, not another circle.
    const told = await database.db
      .selectFrom("notifications")
      .select(["user_id", "kind", "data", "link"])
      .where("kind", "=", "network.admitted")
      .execute();
    expect(told).toEqual([
      {
        user_id: ownerOfMember.id,
        kind: "network.admitted",
        data: { orgName: "Neuer Träger Xanten", networkName: network.name, ownOrg: false },
        link: "/traeger/neuer-traeger-xanten",
      },
    ]);
    expect(renderNotification(told[0]!.kind, told[0]!.data).title).toBe("Neu im Kreis: Neuer Träger Xanten");
  });

  it("says so when a request was already decided, and changes nothing", async () => {
    const id = await fileRequest(network.id, "Doppelt entschieden", "doppelt@example.org");
    expect((await decide(coordinator, { intent: "admit", requestId: id })).status).toBe(302);
    const orgsBefore = await sql<{ n: number }>`select count(*)::int as n from public.organizations`.execute(database.db);
    const mailsBefore = (await outboxMails(database)).length;
    const attempts: Array<Record<string, string>> = [
      { intent: "admit", requestId: id },
      { intent: "decline", requestId: id, message: "Doch nicht." },
    ];
    for (const form of attempts) {
      const again = await decide(coordinator, form);
      expect(again.status).toBe(200);
      expect(again.data.result.error[""]).toEqual(["Über diese Anfrage wurde bereits entschieden."]);
    }
    const orgsAfter = await sql<{ n: number }>`select count(*)::int as n from public.organizations`.execute(database.db);
    expect(orgsAfter.rows[0]!.n).toBe(orgsBefore.rows[0]!.n);
    expect((await outboxMails(database)).length).toBe(mailsBefore);
  });

  it("declines only with a message, and mails it to the requester", async () => {
    const id = await fileRequest(network.id, "Abgelehnter Träger", "abgelehnt@example.org");
    const mailsBefore = (await outboxMails(database)).length;

    const empty = await decide(coordinator, { intent: "decline", requestId: id, message: "   " });
    expect(empty.status).toBe(200);
    expect(empty.data.result.error.message).toEqual(["Bitte schreiben Sie dem Träger kurz, warum Sie die Anfrage ablehnen."]);
    const tooLong = await decide(coordinator, { intent: "decline", requestId: id, message: "x".repeat(4000) });
    expect(tooLong.data.result.error.message).toEqual(["Die Nachricht darf höchstens 3.000 Zeichen lang sein."]);
    expect((await outboxMails(database)).length).toBe(mailsBefore);

    const outcome = await decide(coordinator, {
      intent: "decline",
      requestId: id,
      message: "Unser Kreis arbeitet nur im Kreis Wesel.",
    });
    expect(outcome.status).toBe(302);
    const row = await database.db
      .selectFrom("join_requests")
      .select(["status", "decision_message", "decided_by"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "declined", decision_message: "Unser Kreis arbeitet nur im Kreis Wesel.", decided_by: coordinator.id });
    expect((await outboxMails(database)).slice(mailsBefore)).toEqual([
      {
        template: "join-request-declined",
        to: "abgelehnt@example.org",
        props: expect.objectContaining({
          networkName: "Kreis Wesel Test",
          orgName: "Abgelehnter Träger",
          contactName: "Paula Kontakt",
          message: "Unser Kreis arbeitet nur im Kreis Wesel.",
        }),
      },
    ]);
  });

  it("refuses malformed decisions without a 500", async () => {
    for (const form of [{ intent: "admit", requestId: "nope" }, { intent: "explode" }, {}]) {
      const outcome = await decide(coordinator, form as Record<string, string>);
      expect(outcome.status).toBe(200);
      expect(outcome.data.result.status).toBe("error");
    }
  });

  it("lets coordinators edit the public page and switch it off", async () => {
    const page = await callRoute<Awaited<ReturnType<typeof settingsLoader>>>(
      settingsLoader,
      await requestAs(database, coordinator, "/kreis/einstellungen"),
    );
    expect(page.data.circles.map((c) => c.id)).toEqual([network.id]);

    const bad = await callRoute<ActionData>(
      settingsAction,
      await requestAs(database, coordinator, "/kreis/einstellungen", {
        form: { networkId: network.id, contactEmail: "kaputt", description: "x".repeat(5001) },
      }),
    );
    expect(bad.status).toBe(200);
    expect(Object.keys(bad.data.result.error).sort()).toEqual(["contactEmail", "description"]);

    const saved = await callRoute(
      settingsAction,
      await requestAs(database, coordinator, "/kreis/einstellungen", {
        form: {
          networkId: network.id,
          region: "Kreis Wesel",
          description: "Wir suchen Träger mit Lust auf Kooperation.",
          contactEmail: "Info@Kreis.example",
          contactPhone: "02853/448044",
        },
      }),
    );
    expect(saved.status).toBe(302);
    const row = await database.db
      .selectFrom("networks")
      .select(["region", "description", "contact_email", "contact_phone", "public_page"])
      .where("id", "=", network.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      region: "Kreis Wesel",
      description: "Wir suchen Träger mit Lust auf Kooperation.",
      contact_email: "info@kreis.example",
      contact_phone: "02853/448044",
      public_page: false,
    });

    // Another circle's id is not theirs to edit.
    const foreign = await callRoute(
      settingsAction,
      await requestAs(database, coordinator, "/kreis/einstellungen", { form: { networkId: otherNetwork.id, publicPage: "on" } }),
    );
    expect(foreign.status).toBe(404);
  });
});
