// The circle's public page (/k/:slug) and "Interesse melden": anonymous visitors read it and file
// a join request, which notifies the coordinators in the same transaction; the honeypot, bad
// input and floods write nothing.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { renderNotification } from "~/i18n/notifications";
import { action, loader } from "~/routes/k.$slug";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, outboxMails, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type PageData = Awaited<ReturnType<typeof loader>>;

const validForm = {
  orgName: "Kinderleben Moers gGmbH",
  contactName: "Maria Beispiel",
  email: "Maria@Kinderleben.example ",
  phone: "02841 12345",
  message: "Wir bieten SPFH und ISE in Moers an und möchten mitmachen.",
  website_url: "",
};

describe("the circle's public page", () => {
  let database: Database;
  let network: { id: string; slug: string; name: string };
  let coordinator: TestUser;
  let plainMember: TestUser;

  beforeAll(async () => {
    database = await freshDatabase();
    network = await createNetwork(database, { name: "Kooperationskreis Test" });
    await database.db
      .updateTable("networks")
      .set({ region: "Kreis Wesel", description: "Freie Träger, die zusammenarbeiten.", contact_email: "info@kreis.example" })
      .where("id", "=", network.id)
      .execute();
    const coordinating = await createOrg(database, { name: "Zeta Koordination" });
    const other = await createOrg(database, { name: "Ypsilon Hilfen" });
    await joinNetwork(database, network.id, coordinating.id, "coordinator");
    await joinNetwork(database, network.id, other.id);
    coordinator = await createUser(database, { fullName: "Karla Koordinatorin" });
    plainMember = await createUser(database);
    await addMember(database, coordinating.id, coordinator.id, "coordinator");
    await addMember(database, coordinating.id, plainMember.id, "member");
  });

  async function joinRequestCount(email?: string) {
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from public.join_requests
      where network_id = ${network.id} and (${email ?? null}::text is null or email = ${email ?? null})`.execute(database.db);
    return rows.rows[0]!.n;
  }

  async function post(form: Record<string, string>, user: TestUser | null = null) {
    return callRoute<{ result: { status: string; error: Record<string, string[]> } }>(
      action,
      await requestAs(database, user, `/k/${network.slug}`, { form }),
      { slug: network.slug },
    );
  }

  it("shows anonymous visitors what the circle is and who is in it", async () => {
    const outcome = await callRoute<PageData>(loader, await requestAs(database, null, `/k/${network.slug}`), { slug: network.slug });
    expect(outcome.status).toBe(200);
    expect(outcome.data.circle).toEqual({
      name: "Kooperationskreis Test",
      region: "Kreis Wesel",
      description: "Freie Träger, die zusammenarbeiten.",
      contactEmail: "info@kreis.example",
      contactPhone: null,
      memberNames: ["Ypsilon Hilfen", "Zeta Koordination"],
    });
    expect(outcome.data.sent).toBe(false);
  });

  it("answers 404 for unknown circles and circles without a public page", async () => {
    const hidden = await createNetwork(database, { publicPage: false });
    for (const slug of [hidden.slug, "gibt-es-nicht", "../etc"]) {
      expect((await callRoute(loader, await requestAs(database, null, `/k/${slug}`), { slug })).status).toBe(404);
      expect((await callRoute(action, await requestAs(database, null, `/k/${slug}`, { form: validForm }), { slug })).status).toBe(404);
    }
  });

  it("files a join request and tells the coordinators by notification and mail", async () => {
    const mailsBefore = (await outboxMails(database)).length;
    const outcome = await post(validForm);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/k/${network.slug}?gesendet=1`);

    const row = await database.db
      .selectFrom("join_requests")
      .selectAll()
      .where("network_id", "=", network.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      org_name: "Kinderleben Moers gGmbH",
      contact_name: "Maria Beispiel",
      email: "maria@kinderleben.example",
      phone: "02841 12345",
      status: "open",
    });

    const notes = await database.db.selectFrom("notifications").select(["user_id", "kind", "data", "link"]).execute();
    expect(notes).toEqual([
      {
        user_id: coordinator.id,
        kind: "join_request.created",
        data: expect.objectContaining({ orgName: "Kinderleben Moers gGmbH", contactName: expect.any(String) }),
        link: "/kreis/anfragen",
      },
    ]);
    expect(renderNotification(notes[0]!.kind, notes[0]!.data).title).toBe("Neue Interessensmeldung: Kinderleben Moers gGmbH");
    const mails = (await outboxMails(database)).slice(mailsBefore);
    expect(mails).toEqual([
      {
        template: "join-request-received",
        to: coordinator.email,
        props: expect.objectContaining({ orgName: "Kinderleben Moers gGmbH", recipientName: "Karla Koordinatorin" }),
      },
    ]);

    const thanks = await callRoute<PageData>(loader, await requestAs(database, null, `/k/${network.slug}?gesendet=1`), {
      slug: network.slug,
    });
    expect(thanks.data.sent).toBe(true);
  });

  it("pretends success to a bot that fills the honeypot and writes nothing", async () => {
    const before = await joinRequestCount();
    const mailsBefore = (await outboxMails(database)).length;
    const outcome = await post({ ...validForm, email: "bot@spam.example", website_url: "http://spam.example" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/k/${network.slug}?gesendet=1`);
    expect(await joinRequestCount()).toBe(before);
    expect((await outboxMails(database)).length).toBe(mailsBefore);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const before = await joinRequestCount();
    const outcome = await post({ ...validForm, email: "keine-adresse", message: "x".repeat(4000), orgName: "" });
    expect(outcome.status).toBe(200);
    expect(outcome.data.result.status).toBe("error");
    expect(outcome.data.result.error).toMatchObject({
      email: ["Bitte geben Sie eine gültige E-Mail-Adresse an."],
      message: ["Die Nachricht darf höchstens 3.000 Zeichen lang sein."],
      orgName: ["Bitte geben Sie den Namen des Trägers an."],
    });
    const phone = await post({ ...validForm, phone: "<script>" });
    expect(phone.data.result.error.phone).toBeDefined();
    expect(await joinRequestCount()).toBe(before);
  });

  it("takes at most three open requests from one address", async () => {
    const form = { ...validForm, email: "eifrig@traeger.example" };
    for (let i = 0; i < 3; i++) expect((await post(form)).status).toBe(302);
    const fourth = await post({ ...form, email: "EIFRIG@traeger.example" });
    expect(fourth.status).toBe(200);
    expect(fourth.data.result.error[""]).toEqual([
      "Von dieser E-Mail-Adresse liegen dem Kreis bereits drei offene Meldungen vor. Die Koordination meldet sich bei Ihnen.",
    ]);
    expect(await joinRequestCount("eifrig@traeger.example")).toBe(3);
  });

  it("lets a signed-in visitor file a request, too", async () => {
    const outcome = await post({ ...validForm, email: "angemeldet@traeger.example" }, plainMember);
    expect(outcome.status).toBe(302);
    expect(await joinRequestCount("angemeldet@traeger.example")).toBe(1);
  });
});
