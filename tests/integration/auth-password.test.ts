import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { getSessionUser } from "~/.server/auth/session";
import { hashToken } from "~/.server/auth/tokens";
import { action as forgotAction } from "~/routes/passwort-vergessen";
import { action as resetAction, loader as resetLoader } from "~/routes/passwort-zuruecksetzen";
import { action as accountAction, loader as accountLoader } from "~/routes/konto";
import { action as signInAction } from "~/routes/anmelden";
import { PASSWORD_EQUALS_EMAIL, WRONG_CURRENT_PASSWORD } from "~/i18n/auth";
import { freshDatabase } from "../helpers/db";
import { createUser, outboxMails, requestAs, signedInCookie, TEST_PASSWORD } from "../helpers/fixtures";
import { anonRequest, callRoute, cookieHeader } from "../helpers/routes";

const NEW_PASSWORD = "Ganz-neues-Passwort-7";

const sessionCount = async (database: Database, userId: string) =>
  (await database.db.selectFrom("auth.sessions").select("id").where("user_id", "=", userId).execute()).length;

const storedHash = async (database: Database, userId: string) =>
  (await database.db.selectFrom("auth.users").select("encrypted_password").where("id", "=", userId).executeTakeFirstOrThrow())
    .encrypted_password!;

async function resetToken(database: Database, email: string): Promise<string> {
  const mail = (await outboxMails(database)).filter((m) => m.template === "reset-password" && m.to === email).at(-1);
  expect(mail).toBeDefined();
  return String(mail!.props.token);
}

describe("password reset", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it("answers the same for known and unknown emails and mails only existing accounts", async () => {
    const user = await createUser(database, { email: "vergessen@example.org", fullName: "Vera Gessen" });
    const known = await callRoute(forgotAction, anonRequest("/passwort-vergessen", { form: { email: "Vergessen@example.org" } }));
    const unknown = await callRoute(forgotAction, anonRequest("/passwort-vergessen", { form: { email: "unbekannt@example.org" } }));
    expect(known.status).toBe(unknown.status);
    expect(known.data.sent).toBe(true);
    expect(unknown.data.sent).toBe(true);
    const mails = (await outboxMails(database)).filter((m) => m.template === "reset-password");
    expect(mails.map((m) => m.to)).toEqual([user.email]);
    expect(mails[0]!.props.name).toBe("Vera Gessen");
    const token = await resetToken(database, user.email);
    const row = await database.db.selectFrom("auth.one_time_tokens").selectAll().where("token_hash", "=", hashToken(token)).executeTakeFirstOrThrow();
    expect(row.token_type).toBe("recovery_token");
    const minutes = (new Date(row.expires_at).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
  });

  it("sets the new password, ends all sessions, confirms the email and signs this browser in", async () => {
    const user = await createUser(database, { confirmed: false });
    await signedInCookie(database, user);
    await signedInCookie(database, user);
    await callRoute(forgotAction, anonRequest("/passwort-vergessen", { form: { email: user.email } }));
    const token = await resetToken(database, user.email);

    const page = await callRoute(resetLoader, anonRequest(`/passwort-zuruecksetzen?token=${token}`));
    expect(page.data).toEqual({ token, email: user.email, problem: null, constraint: expect.any(Object) });

    const result = await callRoute(
      resetAction,
      anonRequest("/passwort-zuruecksetzen", { form: { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    expect(await bcrypt.compare(NEW_PASSWORD, await storedHash(database, user.id))).toBe(true);
    // The two old sessions are gone; the only one left is the new one of this browser.
    expect(await sessionCount(database, user.id)).toBe(1);
    const session = await getSessionUser(anonRequest("/", { cookie: cookieHeader(result.setCookies) }));
    expect(session?.id).toBe(user.id);
    const account = await database.db.selectFrom("auth.users").select("email_confirmed_at").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(account.email_confirmed_at).not.toBeNull();

    // The link works once.
    const again = await callRoute(
      resetAction,
      anonRequest("/passwort-zuruecksetzen", { form: { token, password: "Noch-ein-Passwort-9", confirmPassword: "Noch-ein-Passwort-9" } }),
    );
    expect(again.status).toBe(200);
    expect(again.data.result.error[""]?.[0]).toMatch(/bereits verwendet/);
    expect(await bcrypt.compare(NEW_PASSWORD, await storedHash(database, user.id))).toBe(true);
    const usedPage = await callRoute(resetLoader, anonRequest(`/passwort-zuruecksetzen?token=${token}`));
    expect(usedPage.data.problem).toMatch(/bereits verwendet/);

    // Signing in works with the new password only.
    const signIn = (password: string) =>
      callRoute(signInAction, anonRequest("/anmelden", { form: { email: user.email, password }, ip: "192.0.2.200" }));
    expect((await signIn(TEST_PASSWORD)).status).toBe(200);
    expect((await signIn(NEW_PASSWORD)).status).toBe(302);
  });

  it("refuses wrong and expired links and writes nothing", async () => {
    const user = await createUser(database);
    const before = await storedHash(database, user.id);
    await signedInCookie(database, user);
    const form = (token: string) => ({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });

    const wrong = await callRoute(resetAction, anonRequest("/passwort-zuruecksetzen", { form: form("B".repeat(43)) }));
    expect(wrong.data.result.error[""]?.[0]).toMatch(/ungültig/);
    const wrongPage = await callRoute(resetLoader, anonRequest("/passwort-zuruecksetzen?token=quatsch"));
    expect(wrongPage.data.problem).toMatch(/ungültig/);

    await database.db.updateTable("auth.users").set({ recovery_sent_at: null }).where("id", "=", user.id).execute();
    await callRoute(forgotAction, anonRequest("/passwort-vergessen", { form: { email: user.email } }));
    const token = await resetToken(database, user.email);
    await database.db
      .updateTable("auth.one_time_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("token_hash", "=", hashToken(token))
      .execute();
    const expired = await callRoute(resetAction, anonRequest("/passwort-zuruecksetzen", { form: form(token) }));
    expect(expired.data.result.error[""]?.[0]).toMatch(/abgelaufen/);

    expect(await storedHash(database, user.id)).toBe(before);
    expect(await sessionCount(database, user.id)).toBe(1);
  });

  it("refuses a new password equal to the email, too short or too long, and keeps the link usable", async () => {
    const user = await createUser(database, { email: "gleich@example.org" });
    await callRoute(forgotAction, anonRequest("/passwort-vergessen", { form: { email: user.email } }));
    const token = await resetToken(database, user.email);
    const before = await storedHash(database, user.id);
    const attempt = (password: string) =>
      callRoute(resetAction, anonRequest("/passwort-zuruecksetzen", { form: { token, password, confirmPassword: password } }));
    expect((await attempt("GLEICH@example.org")).data.result.error.password).toEqual([PASSWORD_EQUALS_EMAIL]);
    expect((await attempt("kurz")).data.result.error.password?.[0]).toMatch(/mindestens 10/);
    expect((await attempt("x".repeat(73))).data.result.error.password?.[0]).toMatch(/höchstens 72/);
    expect(await storedHash(database, user.id)).toBe(before);
    expect((await callRoute(resetLoader, anonRequest(`/passwort-zuruecksetzen?token=${token}`))).data.problem).toBeNull();
  });

  it("honeypot and bad input send nothing", async () => {
    const user = await createUser(database);
    const before = (await outboxMails(database)).length;
    const bot = await callRoute(
      forgotAction,
      anonRequest("/passwort-vergessen", { form: { email: user.email, website_url: "spam" } }),
    );
    expect(bot.data.sent).toBe(true);
    const bad = await callRoute(forgotAction, anonRequest("/passwort-vergessen", { form: { email: "x".repeat(5000) } }));
    expect(bad.data.sent).toBe(false);
    expect((await outboxMails(database)).length).toBe(before);
  });
});

describe("account page", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it("changes the password: checks the current one, keeps this session, ends the others", async () => {
    const user = await createUser(database);
    const otherDevice = await signedInCookie(database, user);
    const request = await requestAs(database, user, "/konto", {
      form: { intent: "password", currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    const result = await callRoute(accountAction, request);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/konto");
    expect(await bcrypt.compare(NEW_PASSWORD, await storedHash(database, user.id))).toBe(true);
    expect(await getSessionUser(request)).toMatchObject({ id: user.id });
    expect(await getSessionUser(anonRequest("/", { cookie: otherDevice }))).toBeNull();
  });

  it("refuses a wrong current password or a new one equal to the email, and changes nothing", async () => {
    const user = await createUser(database, { email: "konto@example.org" });
    const before = await storedHash(database, user.id);
    const otherDevice = await signedInCookie(database, user);
    const wrong = await callRoute(
      accountAction,
      await requestAs(database, user, "/konto", {
        form: { intent: "password", currentPassword: "Falsch-xxxxxx", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      }),
    );
    expect(wrong.data).toMatchObject({ intent: "password" });
    expect(wrong.data.result.error.currentPassword).toEqual([WRONG_CURRENT_PASSWORD]);
    const same = await callRoute(
      accountAction,
      await requestAs(database, user, "/konto", {
        form: { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "konto@example.org", confirmPassword: "konto@example.org" },
      }),
    );
    expect(same.data.result.error.newPassword).toEqual([PASSWORD_EQUALS_EMAIL]);
    expect(JSON.stringify([wrong.data, same.data])).not.toContain(TEST_PASSWORD);
    expect(await storedHash(database, user.id)).toBe(before);
    expect(await getSessionUser(anonRequest("/", { cookie: otherDevice }))).toMatchObject({ id: user.id });
  });

  it("signs out everywhere: deletes every session and clears the cookie", async () => {
    const user = await createUser(database);
    await signedInCookie(database, user);
    await signedInCookie(database, user);
    const request = await requestAs(database, user, "/konto", { form: { intent: "signout-everywhere" } });
    expect(await sessionCount(database, user.id)).toBe(3);
    const result = await callRoute(accountAction, request);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/anmelden");
    expect(result.setCookies.some((c) => /^tk_session=;/.test(c))).toBe(true);
    expect(result.setCookies.some((c) => /^tk_toast=/.test(c))).toBe(true);
    expect(await sessionCount(database, user.id)).toBe(0);
    const after = await callRoute(accountLoader, request);
    expect(after.location).toBe("/anmelden?redirectTo=%2Fkonto");
  });

  it("edits the own profile through row-level security", async () => {
    const user = await createUser(database, { fullName: "Alt Name" });
    const result = await callRoute(
      accountAction,
      await requestAs(database, user, "/konto", {
        form: {
          intent: "profile",
          fullName: "  Neue Name ",
          phone: "+49 281 12345",
          qualifications: "Dipl. Sozialpädagogin",
          languages: "Deutsch, Türkisch, deutsch,  Arabisch ",
        },
      }),
    );
    expect(result.status).toBe(302);
    const profile = await database.db.selectFrom("profiles").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(profile).toMatchObject({
      full_name: "Neue Name",
      phone: "+49 281 12345",
      qualifications: "Dipl. Sozialpädagogin",
      languages: ["Deutsch", "Türkisch", "Arabisch"],
    });
    const page = await callRoute(accountLoader, await requestAs(database, user, "/konto"));
    expect(page.data.profile).toEqual({
      fullName: "Neue Name",
      phone: "+49 281 12345",
      qualifications: "Dipl. Sozialpädagogin",
      languages: "Deutsch, Türkisch, Arabisch",
    });
  });

  it("refuses bad and oversized profile input and unknown intents", async () => {
    const user = await createUser(database, { fullName: "Bleibt So" });
    const cases: Array<[Record<string, string>, string]> = [
      [{ fullName: "" }, "fullName"],
      [{ fullName: "x".repeat(500) }, "fullName"],
      [{ phone: "ruf mich an" }, "phone"],
      [{ qualifications: "q".repeat(1001) }, "qualifications"],
      [{ languages: Array.from({ length: 21 }, (_, i) => `Sprache${i}`).join(",") }, "languages"],
      [{ languages: "l".repeat(5000) }, "languages"],
    ];
    for (const [overrides, field] of cases) {
      const result = await callRoute(
        accountAction,
        await requestAs(database, user, "/konto", { form: { intent: "profile", fullName: "Bleibt So", ...overrides } }),
      );
      expect(result.status).toBe(200);
      expect(result.data.result.error[field], field).toBeDefined();
    }
    const unknown = await callRoute(accountAction, await requestAs(database, user, "/konto", { form: { intent: "delete-everything" } }));
    expect(unknown.status).toBe(400);
    const profile = await database.db.selectFrom("profiles").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(profile.full_name).toBe("Bleibt So");
    expect(profile.languages).toEqual([]);
  });

  it("is only for signed-in people", async () => {
    const result = await callRoute(accountAction, anonRequest("/konto", { form: { intent: "signout-everywhere" } }));
    expect(result.location).toBe("/anmelden?redirectTo=%2Fkonto");
  });
});
