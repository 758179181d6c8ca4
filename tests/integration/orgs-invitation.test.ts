// The invitation page (/einladung/:token): the preview for visitors (as anon), accepting with the
// invited address, and refusals for another address, an expired, a used and an unknown token.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action as membersAction } from "~/routes/traeger_.$slug_.mitglieder/route";
import { action, loader } from "~/routes/einladung.$token";
import { freshDatabase } from "../helpers/db";
import { addMember, createOrg, createUser, outboxMails, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

describe("/einladung/:token", () => {
  let database: Database;
  let org: { id: string; slug: string; name: string };
  let admin: TestUser;

  beforeAll(async () => {
    database = await freshDatabase();
    org = await createOrg(database, { name: "Du & Ich e. V." });
    admin = await createUser(database, { fullName: "Anna Admin" });
    await addMember(database, org.id, admin.id, "admin");
  });

  /** Invites through the member page and returns the token from the mail. */
  async function invite(email: string, role = "coordinator"): Promise<string> {
    const outcome = await callRoute(
      membersAction,
      await requestAs(database, admin, `/traeger/${org.slug}/mitglieder`, { form: { intent: "invite", email, role } }),
      { slug: org.slug },
    );
    expect(outcome.status).toBe(302);
    const mail = (await outboxMails(database)).filter((m) => m.to === email).at(-1);
    return String(mail!.props.token);
  }

  const page = async (user: TestUser | null, token: string) =>
    callRoute(loader, await requestAs(database, user, `/einladung/${token}`), { token });
  const accept = async (user: TestUser, token: string) =>
    callRoute(action, await requestAs(database, user, `/einladung/${token}`, { form: { intent: "accept" } }), { token });
  const roleOf = async (userId: string) =>
    (await database.db.selectFrom("org_members").select("role").where("org_id", "=", org.id).where("user_id", "=", userId).executeTakeFirst())
      ?.role;

  it("shows a visitor the Träger, the role and the address, with sign-in and sign-up links", async () => {
    const token = await invite("besuch@example.org");
    const outcome = await page(null, token);
    expect(outcome.status).toBe(200);
    expect(outcome.data).toMatchObject({
      state: "anonymous",
      invitation: { orgName: "Du & Ich e. V.", role: "coordinator", email: "besuch@example.org" },
    });
    const back = encodeURIComponent(`/einladung/${token}`);
    expect(outcome.data.links.signIn).toBe(`/anmelden?redirectTo=${back}&email=besuch%40example.org`);
    expect(outcome.data.links.signUp).toBe(`/registrieren?redirectTo=${back}&email=besuch%40example.org`);
  });

  it("adds the invited person with the role and sends them to the member page", async () => {
    const person = await createUser(database, { email: "kollegin@example.org" });
    const token = await invite("kollegin@example.org", "coordinator");
    expect((await page(person, token)).data.state).toBe("ready");
    const outcome = await accept(person, token);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/traeger/${org.slug}/mitglieder`);
    expect(await roleOf(person.id)).toBe("coordinator");
    const row = await database.db.selectFrom("invitations").select(["accepted_by"]).where("email", "=", "kollegin@example.org").executeTakeFirst();
    expect(row?.accepted_by).toBe(person.id);
  });

  it("refuses someone signed in with another address", async () => {
    const token = await invite("richtig@example.org");
    const wrong = await createUser(database, { email: "falsch@example.org" });
    const shown = await page(wrong, token);
    expect(shown.data).toMatchObject({ state: "other-email", signedInAs: "falsch@example.org" });
    const outcome = await accept(wrong, token);
    expect(outcome.status).toBe(200);
    expect(outcome.data.result.error[""]?.[0]).toMatch(/andere E-Mail-Adresse/);
    expect(await roleOf(wrong.id)).toBeUndefined();
  });

  it("signs the wrong account out and continues to sign-in with the invited address", async () => {
    const token = await invite("gemeint@example.org");
    const wrong = await createUser(database);
    const outcome = await callRoute(action, await requestAs(database, wrong, `/einladung/${token}`, { form: { intent: "sign-out" } }), {
      token,
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/anmelden?redirectTo=${encodeURIComponent(`/einladung/${token}`)}&email=gemeint%40example.org`);
    expect(outcome.setCookies.some((c) => c.startsWith("tk_session=;"))).toBe(true);
  });

  it("refuses an expired invitation", async () => {
    const person = await createUser(database, { email: "spaet@example.org" });
    const token = await invite("spaet@example.org");
    await database.db.updateTable("invitations").set({ expires_at: new Date(Date.now() - 60_000) }).where("email", "=", "spaet@example.org").execute();
    expect((await page(person, token)).data.state).toBe("expired");
    const outcome = await accept(person, token);
    expect(outcome.data.result.error[""]?.[0]).toMatch(/abgelaufen/);
    expect(await roleOf(person.id)).toBeUndefined();
  });

  it("refuses a used invitation", async () => {
    const person = await createUser(database, { email: "zweimal@example.org" });
    const token = await invite("zweimal@example.org", "member");
    expect((await accept(person, token)).status).toBe(302);
    await database.db.updateTable("org_members").set({ role: "admin" }).where("user_id", "=", person.id).execute();
    expect((await page(person, token)).data.state).toBe("used");
    const again = await accept(person, token);
    expect(again.data.result.error[""]?.[0]).toMatch(/bereits angenommen/);
    expect(await roleOf(person.id)).toBe("admin");
  });

  it("shows an unknown or malformed token as not found, for visitors and members", async () => {
    const person = await createUser(database);
    for (const token of ["0".repeat(64), "kaputt", "x".repeat(5000)]) {
      expect((await page(null, token)).status).toBe(404);
      expect((await page(person, token)).data.state).toBe("unknown");
      const outcome = await accept(person, token);
      expect(outcome.data.result.error[""]?.[0]).toMatch(/gibt es nicht/);
    }
  });

  it("sends a visitor who tries to accept to the sign-in page", async () => {
    const token = await invite("anonym@example.org");
    const outcome = await callRoute(action, await requestAs(database, null, `/einladung/${token}`, { form: { intent: "accept" } }), { token });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^\/anmelden\?redirectTo=/);
  });

  it("replaces an open invitation when the same address is invited again", async () => {
    const person = await createUser(database, { email: "erneut@example.org" });
    const first = await invite("erneut@example.org", "member");
    const second = await invite("erneut@example.org", "admin");
    expect((await page(person, first)).data.state).toBe("unknown");
    expect((await accept(person, second)).status).toBe(302);
    expect(await roleOf(person.id)).toBe("admin");
  });
});
