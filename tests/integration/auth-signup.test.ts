import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { signUp } from "~/.server/auth/service";
import { hashToken } from "~/.server/auth/tokens";
import { action as signUpAction, loader as signUpLoader } from "~/routes/registrieren._index";
import { action as resendAction, loader as confirmLoader } from "~/routes/registrieren.bestaetigen";
import { EMAIL_TAKEN } from "~/i18n/auth";
import { freshDatabase } from "../helpers/db";
import { createUser, outboxMails, requestAs } from "../helpers/fixtures";
import { anonRequest, callRoute } from "../helpers/routes";

const PASSWORD = "Ein-gutes-Passwort-42";

async function counts(database: Database, email: string) {
  const row = await sql<{ users: number; profiles: number; tokens: number; mails: number }>`
    select
      (select count(*)::int from auth.users where lower(email) = ${email}) as users,
      (select count(*)::int from public.profiles where lower(email) = ${email}) as profiles,
      (select count(*)::int from auth.one_time_tokens t join auth.users u on u.id = t.user_id
        where lower(u.email) = ${email}) as tokens,
      (select count(*)::int from private.outbox where payload ->> 'to' = ${email}) as mails
  `.execute(database.db);
  return row.rows[0]!;
}

function signUpForm(overrides: Record<string, string> = {}) {
  return {
    fullName: "Aylin Demir",
    email: "aylin@example.org",
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...overrides,
  };
}

async function confirmationToken(database: Database, email: string): Promise<string> {
  const mail = (await outboxMails(database)).filter((m) => m.template === "confirm-email" && m.to === email).at(-1);
  expect(mail).toBeDefined();
  return String(mail!.props.token);
}

describe("sign-up", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it("writes the user, profile, token and confirmation mail in one go", async () => {
    const result = await callRoute(
      signUpAction,
      anonRequest("/registrieren", { form: signUpForm({ email: "  Aylin@Example.ORG ", redirectTo: "/einladung/abc" }) }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/registrieren/bestaetigen?email=aylin%40example.org");

    const user = await database.db
      .selectFrom("auth.users")
      .selectAll()
      .where("email", "=", "aylin@example.org")
      .executeTakeFirstOrThrow();
    expect(user.email_confirmed_at).toBeNull();
    expect(user.encrypted_password).toMatch(/^\$2[aby]\$10\$/);
    expect(user.raw_user_meta_data).toMatchObject({ full_name: "Aylin Demir", redirect_to: "/einladung/abc" });

    const profile = await database.db.selectFrom("profiles").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ full_name: "Aylin Demir", email: "aylin@example.org" });

    const token = await confirmationToken(database, "aylin@example.org");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await database.db
      .selectFrom("auth.one_time_tokens")
      .selectAll()
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_type).toBe("confirmation_token");
    expect(stored.token_hash).toBe(hashToken(token));
    expect(stored.token_hash).not.toContain(token);
    const hours = (new Date(stored.expires_at).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const mail = (await outboxMails(database)).find((m) => m.to === "aylin@example.org")!;
    expect(mail).toMatchObject({ template: "confirm-email", props: { name: "Aylin Demir" } });
  });

  it("refuses a duplicate email (any case) and writes nothing", async () => {
    const before = await counts(database, "aylin@example.org");
    const result = await callRoute(signUpAction, anonRequest("/registrieren", { form: signUpForm({ email: "AYLIN@example.org" }) }));
    expect(result.status).toBe(200);
    expect(result.data.duplicate).toBe(true);
    expect(result.data.result.error.email).toEqual([EMAIL_TAKEN]);
    // Passwords are never sent back to the browser.
    expect(JSON.stringify(result.data.result)).not.toContain(PASSWORD);
    expect(await counts(database, "aylin@example.org")).toEqual(before);
  });

  it("lets only one of two simultaneous sign-ups with the same email through", async () => {
    const input = { fullName: "Zwilling", email: "zwilling@example.org", password: PASSWORD };
    const outcomes = await Promise.all([signUp(input), signUp({ ...input, email: "Zwilling@example.org" })]);
    expect(outcomes.map((o) => o.ok).sort()).toEqual([false, true]);
    expect(await counts(database, "zwilling@example.org")).toEqual({ users: 1, profiles: 1, tokens: 1, mails: 1 });
  });

  it("pretends success for a filled honeypot and writes nothing", async () => {
    const result = await callRoute(
      signUpAction,
      anonRequest("/registrieren", { form: signUpForm({ email: "bot@example.org", website_url: "http://spam.example" }) }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/registrieren/bestaetigen?email=bot%40example.org");
    expect(await counts(database, "bot@example.org")).toEqual({ users: 0, profiles: 0, tokens: 0, mails: 0 });
  });

  it("refuses bad and oversized input with German field errors", async () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ email: "kein-at-zeichen" }, "email", /gültige E-Mail-Adresse/],
      [{ email: `${"a".repeat(250)}@example.org` }, "email", /zu lang/],
      [{ fullName: "x".repeat(121) }, "fullName", /höchstens 120/],
      [{ password: "kurz", confirmPassword: "kurz" }, "password", /mindestens 10/],
      [{ password: "a".repeat(73), confirmPassword: "a".repeat(73) }, "password", /höchstens 72/],
      [{ password: "ä".repeat(40), confirmPassword: "ä".repeat(40) }, "password", /72 Bytes/],
      [{ password: "x".repeat(100_000), confirmPassword: "x" }, "password", /höchstens 72/],
      [{ email: "same@example.org", password: "Same@Example.org", confirmPassword: "Same@Example.org" }, "password", /nicht Ihre E-Mail/],
      [{ confirmPassword: "etwas-anderes-123" }, "confirmPassword", /stimmen nicht überein/],
      [{ fullName: "" }, "fullName", /Namen/],
    ];
    for (const [overrides, field, message] of cases) {
      const form = signUpForm({ email: "input@example.org", ...overrides });
      const result = await callRoute(signUpAction, anonRequest("/registrieren", { form }));
      expect(result.status, JSON.stringify(overrides).slice(0, 80)).toBe(200);
      expect(result.data.result.error[field]?.join(" "), field).toMatch(message);
    }
    expect(await counts(database, "input@example.org")).toEqual({ users: 0, profiles: 0, tokens: 0, mails: 0 });
    expect(await counts(database, "same@example.org")).toEqual({ users: 0, profiles: 0, tokens: 0, mails: 0 });
  });

  it("keeps redirectTo and email from an invitation link, and only same-site paths", async () => {
    const page = await callRoute(
      signUpLoader,
      anonRequest("/registrieren?redirectTo=%2Feinladung%2Ftok&email=Neu%40Example.org"),
    );
    expect(page.data).toEqual({ redirectTo: "/einladung/tok", email: "neu@example.org", constraint: expect.any(Object) });
    for (const evil of ["//evil.com", "https://evil.com", "/\\evil.com"]) {
      const result = await callRoute(signUpLoader, anonRequest(`/registrieren?redirectTo=${encodeURIComponent(evil)}`));
      expect(result.data.redirectTo).toBe("");
    }
  });

  it("sends a signed-in user from the sign-up page to the start page", async () => {
    const user = await createUser(database);
    const result = await callRoute(signUpLoader, await requestAs(database, user, "/registrieren"));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    const posted = await callRoute(signUpAction, await requestAs(database, user, "/registrieren", { form: signUpForm({ email: "x@example.org" }) }));
    expect(posted.location).toBe("/");
    expect(await counts(database, "x@example.org")).toEqual({ users: 0, profiles: 0, tokens: 0, mails: 0 });
  });
});

describe("email confirmation", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  async function signUpAs(email: string, redirectTo?: string) {
    const form = signUpForm({ email, ...(redirectTo ? { redirectTo } : {}) });
    await callRoute(signUpAction, anonRequest("/registrieren", { form }));
    return confirmationToken(database, email);
  }

  const confirmedAt = async (email: string) =>
    (await database.db.selectFrom("auth.users").select("email_confirmed_at").where("email", "=", email).executeTakeFirstOrThrow())
      .email_confirmed_at;

  it("confirms with a good token and links to sign-in with the invitation's redirectTo", async () => {
    const token = await signUpAs("gut@example.org", "/einladung/xyz");
    const result = await callRoute(confirmLoader, anonRequest(`/registrieren/bestaetigen?token=${token}`));
    expect(result.data).toEqual({
      kind: "confirmed",
      signInUrl: "/anmelden?redirectTo=%2Feinladung%2Fxyz&email=gut%40example.org",
      constraint: expect.any(Object),
    });
    expect(await confirmedAt("gut@example.org")).not.toBeNull();
    const stored = await database.db.selectFrom("auth.one_time_tokens").select("used_at").where("token_hash", "=", hashToken(token)).executeTakeFirstOrThrow();
    expect(stored.used_at).not.toBeNull();

    // Opening the link again (a reload) says it is done, and changes nothing.
    const again = await callRoute(confirmLoader, anonRequest(`/registrieren/bestaetigen?token=${token}`));
    expect(again.data.kind).toBe("already-confirmed");
  });

  it("refuses a wrong token and writes nothing", async () => {
    await signUpAs("falsch@example.org");
    for (const token of ["nonsense", "A".repeat(43), "", "'; drop table auth.users; --"]) {
      const result = await callRoute(confirmLoader, anonRequest(`/registrieren/bestaetigen?token=${encodeURIComponent(token)}`));
      expect(result.data.kind).toBe("invalid");
    }
    expect(await confirmedAt("falsch@example.org")).toBeNull();
  });

  it("refuses an expired token and writes nothing", async () => {
    const token = await signUpAs("alt@example.org");
    await database.db
      .updateTable("auth.one_time_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("token_hash", "=", hashToken(token))
      .execute();
    const result = await callRoute(confirmLoader, anonRequest(`/registrieren/bestaetigen?token=${token}`));
    expect(result.data.kind).toBe("expired");
    expect(await confirmedAt("alt@example.org")).toBeNull();
    const stored = await database.db.selectFrom("auth.one_time_tokens").select("used_at").where("token_hash", "=", hashToken(token)).executeTakeFirstOrThrow();
    expect(stored.used_at).toBeNull();
  });

  it("refuses a token replaced by a newer one and writes nothing", async () => {
    const first = await signUpAs("zweimal@example.org");
    // The resend limit is one mail a minute: pretend the first was sent earlier.
    await database.db
      .updateTable("auth.users")
      .set({ confirmation_sent_at: new Date(Date.now() - 120_000) })
      .where("email", "=", "zweimal@example.org")
      .execute();
    const resent = await callRoute(resendAction, anonRequest("/registrieren/bestaetigen", { form: { email: "zweimal@example.org" } }));
    expect(resent.status).toBe(302);
    const second = await confirmationToken(database, "zweimal@example.org");
    expect(second).not.toBe(first);
    const old = await callRoute(confirmLoader, anonRequest(`/registrieren/bestaetigen?token=${first}`));
    expect(old.data.kind).toBe("invalid");
    expect(await confirmedAt("zweimal@example.org")).toBeNull();
    const fresh = await callRoute(confirmLoader, anonRequest(`/registrieren/bestaetigen?token=${second}`));
    expect(fresh.data.kind).toBe("confirmed");
  });

  it("answers a resend the same whether or not the account exists, and mails only unconfirmed accounts", async () => {
    await signUpAs("resend@example.org");
    const before = (await outboxMails(database)).length;
    const known = await callRoute(resendAction, anonRequest("/registrieren/bestaetigen", { form: { email: "resend@example.org" } }));
    const unknown = await callRoute(resendAction, anonRequest("/registrieren/bestaetigen", { form: { email: "niemand@example.org" } }));
    expect(known.status).toBe(unknown.status);
    expect(known.location).toBe("/registrieren/bestaetigen?email=resend%40example.org");
    expect(unknown.location).toBe("/registrieren/bestaetigen?email=niemand%40example.org");
    // Within a minute of the sign-up mail nothing new is sent (no mail bombing through the form).
    expect((await outboxMails(database)).length).toBe(before);

    const confirmed = await createUser(database, { email: "fertig@example.org" });
    await callRoute(resendAction, anonRequest("/registrieren/bestaetigen", { form: { email: confirmed.email } }));
    expect((await outboxMails(database)).filter((m) => m.to === confirmed.email)).toEqual([]);
  });
});
