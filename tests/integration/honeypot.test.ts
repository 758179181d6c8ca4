// The one honeypot check (app/utils/honeypot.ts) on each public form: a filled-in hidden field
// gets the same answer as a person and writes nothing; an empty one does the real work.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action as joinAction } from "~/routes/k.$slug";
import { action as forgotAction } from "~/routes/passwort-vergessen";
import { action as resendAction } from "~/routes/registrieren.bestaetigen";
import { action as signUpAction } from "~/routes/registrieren._index";
import { caughtByHoneypot, HONEYPOT_FIELD } from "~/utils/honeypot";
import { freshDatabase } from "../helpers/db";
import { createNetwork, createUser, outboxMails } from "../helpers/fixtures";
import { anonRequest, callRoute } from "../helpers/routes";

const count = async (database: Database, table: "join_requests" | "auth.users") =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe("caughtByHoneypot", () => {
  it("is true only for a filled-in hidden field", () => {
    expect(HONEYPOT_FIELD).toBe("website_url");
    expect(caughtByHoneypot(form({}))).toBe(false);
    expect(caughtByHoneypot(form({ website_url: "" }))).toBe(false);
    expect(caughtByHoneypot(form({ website_url: "http://spam.example" }))).toBe(true);
  });
});

describe("the public forms with a honeypot", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it("Interesse melden", async () => {
    const network = await createNetwork(database);
    const values = {
      orgName: "Kinderleben Moers gGmbH",
      contactName: "Maria Beispiel",
      email: "maria@kinderleben.example",
      message: "Wir möchten mitmachen.",
    };
    const post = (extra: Record<string, string>) =>
      callRoute(joinAction, anonRequest(`/k/${network.slug}`, { form: { ...values, ...extra }, ip: "198.51.100.9" }), {
        slug: network.slug,
      });
    const before = await count(database, "join_requests");
    const bot = await post({ [HONEYPOT_FIELD]: "http://spam.example" });
    expect(await count(database, "join_requests")).toBe(before);
    const person = await post({ [HONEYPOT_FIELD]: "" });
    expect(await count(database, "join_requests")).toBe(before + 1);
    expect(bot.status).toBe(person.status);
    expect(bot.location).toBe(person.location);
  });

  it("Registrieren", async () => {
    const values = { fullName: "Eva Muster", email: "eva@example.org", password: "Sicheres-Passwort-1", confirmPassword: "Sicheres-Passwort-1" };
    const before = await count(database, "auth.users");
    const bot = await callRoute(signUpAction, anonRequest("/registrieren", { form: { ...values, [HONEYPOT_FIELD]: "x" } }));
    expect(await count(database, "auth.users")).toBe(before);
    const person = await callRoute(signUpAction, anonRequest("/registrieren", { form: { ...values, [HONEYPOT_FIELD]: "" } }));
    expect(await count(database, "auth.users")).toBe(before + 1);
    expect(bot.status).toBe(person.status);
    expect(bot.location).toBe(person.location);
  });

  it("Passwort vergessen", async () => {
    const user = await createUser(database);
    const mails = async () => (await outboxMails(database)).filter((m) => m.to === user.email).length;
    const bot = await callRoute(forgotAction, anonRequest("/passwort-vergessen", { form: { email: user.email, [HONEYPOT_FIELD]: "x" } }));
    expect(await mails()).toBe(0);
    const person = await callRoute(forgotAction, anonRequest("/passwort-vergessen", { form: { email: user.email } }));
    expect(await mails()).toBe(1);
    expect(bot.data.sent).toBe(person.data.sent);
  });

  it("Bestätigungslink erneut senden", async () => {
    const user = await createUser(database, { confirmed: false });
    const mails = async () => (await outboxMails(database)).filter((m) => m.to === user.email).length;
    const bot = await callRoute(
      resendAction,
      anonRequest("/registrieren/bestaetigen", { form: { email: user.email, [HONEYPOT_FIELD]: "x" } }),
    );
    expect(await mails()).toBe(0);
    const person = await callRoute(resendAction, anonRequest("/registrieren/bestaetigen", { form: { email: user.email } }));
    expect(await mails()).toBe(1);
    expect(bot.location).toBe(person.location);
  });
});
