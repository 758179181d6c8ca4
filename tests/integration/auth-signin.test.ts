import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { getSessionUser, safeRedirect } from "~/.server/auth/session";
import { asUser } from "~/.server/db/request";
import { action as signInAction, loader as signInLoader } from "~/routes/anmelden";
import { action as signOutAction, loader as signOutLoader } from "~/routes/abmelden";
import { EMAIL_NOT_CONFIRMED, INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS } from "~/i18n/auth";
import { freshDatabase } from "../helpers/db";
import { addMember, createOrg, createUser, requestAs, signedInCookie, TEST_PASSWORD } from "../helpers/fixtures";
import { anonRequest, callRoute, cookieHeader } from "../helpers/routes";

function signIn(email: string, password: string, options: { ip?: string; redirectTo?: string; cookie?: string } = {}) {
  const form: Record<string, string> = { email, password };
  if (options.redirectTo !== undefined) form.redirectTo = options.redirectTo;
  return callRoute(signInAction, anonRequest("/anmelden", { form, ip: options.ip ?? "198.51.100.1", cookie: options.cookie }));
}

/** The device cookie ("signed in here before") a successful sign-in set, as a Cookie header. */
function deviceCookieOf(setCookies: string[]): string {
  const cookie = setCookies.find((c) => c.startsWith("tk_device="));
  expect(cookie).toBeDefined();
  return cookie!.split(";")[0]!;
}

const sessionCount = async (database: Database, userId: string) =>
  (await database.db.selectFrom("auth.sessions").select("id").where("user_id", "=", userId).execute()).length;

describe("sign-in", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it("signs in: session cookie, last_sign_in_at, attempt and one audit row per Träger", async () => {
    const user = await createUser(database, { email: "ruth@example.org" });
    const a = await createOrg(database);
    const b = await createOrg(database);
    await addMember(database, a.id, user.id, "member");
    await addMember(database, b.id, user.id, "coordinator");
    const admin = await createUser(database);
    await addMember(database, a.id, admin.id, "admin");

    const result = await signIn(" Ruth@Example.org ", TEST_PASSWORD, { redirectTo: "/traeger", ip: "203.0.113.5" });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/traeger");
    const [cookie] = result.setCookies;
    expect(cookie).toMatch(/^tk_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const session = await getSessionUser(anonRequest("/", { cookie: cookieHeader(result.setCookies) }));
    expect(session).toMatchObject({ id: user.id, email: "ruth@example.org" });
    const row = await database.db.selectFrom("auth.sessions").selectAll().where("id", "=", session!.sessionId).executeTakeFirstOrThrow();
    expect(row.ip).toBe("203.0.113.5");

    const account = await database.db.selectFrom("auth.users").select("last_sign_in_at").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(account.last_sign_in_at).not.toBeNull();

    const audit = await database.db
      .selectFrom("audit_log")
      .select(["org_id", "actor_id", "action"])
      .where("actor_id", "=", user.id)
      .execute();
    expect(audit.map((r) => r.org_id).sort()).toEqual([a.id, b.id].sort());
    expect(audit.every((r) => r.action === "auth.sign_in")).toBe(true);

    // Träger A's admin reads it through row-level security; nobody sees B's row from A.
    const seenByAdmin = await asUser(admin, (tx) =>
      tx.selectFrom("audit_log").select("org_id").where("action", "=", "auth.sign_in").where("actor_id", "=", user.id).execute(),
    );
    expect(seenByAdmin).toEqual([{ org_id: a.id }]);

    const attempts = await database.db.selectFrom("auth.sign_in_attempts").selectAll().where("email", "=", "ruth@example.org").execute();
    expect(attempts.map((x) => x.succeeded)).toEqual([true]);
  });

  it("writes one audit row without Träger for a person without a Träger", async () => {
    const user = await createUser(database);
    const result = await signIn(user.email, TEST_PASSWORD);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    const audit = await database.db.selectFrom("audit_log").select(["org_id"]).where("actor_id", "=", user.id).execute();
    expect(audit).toEqual([{ org_id: null }]);
  });

  it("gives the same message for a wrong password and an unknown email, and sets no cookie", async () => {
    const user = await createUser(database);
    const wrong = await signIn(user.email, "Falsches-Passwort-1");
    const unknown = await signIn("gibt-es-nicht@example.org", TEST_PASSWORD);
    for (const result of [wrong, unknown]) {
      expect(result.status).toBe(200);
      expect(result.setCookies).toEqual([]);
      expect(result.data.result.error[""]).toEqual([INVALID_CREDENTIALS]);
      expect(JSON.stringify(result.data)).not.toContain(TEST_PASSWORD);
    }
    expect(await sessionCount(database, user.id)).toBe(0);
  });

  it("tells an unconfirmed person to confirm first, with a resend link, only after the right password", async () => {
    const user = await createUser(database, { confirmed: false });
    const wrong = await signIn(user.email, "Falsches-Passwort-1");
    expect(wrong.data.result.error[""]).toEqual([INVALID_CREDENTIALS]);
    const right = await signIn(user.email, TEST_PASSWORD);
    expect(right.status).toBe(200);
    expect(right.data.result.error[""]).toEqual([EMAIL_NOT_CONFIRMED]);
    expect(right.data.unconfirmedEmail).toBe(user.email);
    expect(right.setCookies).toEqual([]);
    expect(await sessionCount(database, user.id)).toBe(0);
  });

  it("stops an address + IP pair after 5 failures in 15 minutes, not the owner elsewhere", async () => {
    const user = await createUser(database);
    for (let i = 0; i < 5; i++) {
      const result = await signIn(user.email, `Falsch-${i}-xxxxxx`, { ip: "192.0.2.10" });
      expect(result.data.result.error[""]).toEqual([INVALID_CREDENTIALS]);
    }
    const blocked = await signIn(user.email, TEST_PASSWORD, { ip: "192.0.2.10" });
    expect(blocked.status).toBe(429);
    expect(blocked.data.result.error[""]).toEqual([TOO_MANY_ATTEMPTS]);
    expect(blocked.setCookies).toEqual([]);
    expect(await sessionCount(database, user.id)).toBe(0);

    // Five wrong passwords used to lock the owner out everywhere; from another address they sign in.
    expect((await signIn(user.email, TEST_PASSWORD, { ip: "192.0.2.99" })).status).toBe(302);

    // Another account from the stopped address is not affected.
    const other = await createUser(database);
    expect((await signIn(other.email, TEST_PASSWORD, { ip: "192.0.2.10" })).status).toBe(302);
  });

  it("does not count refused attempts, and the pair is free again after the window", async () => {
    const user = await createUser(database);
    for (let i = 0; i < 5; i++) await signIn(user.email, "Falsch-xxxxxxxx", { ip: "192.0.2.20" });
    const before = await database.db.selectFrom("auth.sign_in_attempts").select("id").where("email", "=", user.email).execute();
    for (let i = 0; i < 10; i++) expect((await signIn(user.email, "Falsch-xxxxxxxx", { ip: "192.0.2.20" })).status).toBe(429);
    const after = await database.db.selectFrom("auth.sign_in_attempts").select("id").where("email", "=", user.email).execute();
    expect(after.length).toBe(before.length);
    await sql`update auth.sign_in_attempts set created_at = now() - interval '16 minutes' where email = ${user.email}`.execute(
      database.db,
    );
    expect((await signIn(user.email, TEST_PASSWORD, { ip: "192.0.2.20" })).status).toBe(302);
  });

  it("locks the address itself only after 50 failures from many places; a known device still gets in", async () => {
    const user = await createUser(database);
    const first = await signIn(user.email, TEST_PASSWORD, { ip: "203.0.113.200" });
    expect(first.status).toBe(302);
    const device = deviceCookieOf(first.setCookies);

    // 49 failures from 13 addresses (under the pair and IP limits): the address is not locked.
    for (let i = 0; i < 49; i++) await signIn(user.email, `Falsch-${i}-xxxxxx`, { ip: `198.18.0.${Math.floor(i / 4)}` });
    expect((await signIn(user.email, TEST_PASSWORD, { ip: "198.18.1.1" })).status).toBe(302);

    for (let i = 0; i < 50; i++) await signIn(user.email, `Falsch-${i}-xxxxxx`, { ip: `198.18.2.${Math.floor(i / 4)}` });
    expect((await signIn(user.email, TEST_PASSWORD, { ip: "198.18.3.1" })).status).toBe(429);
    // The device that signed in before, with the right password: through.
    expect((await signIn(user.email, TEST_PASSWORD, { ip: "198.18.3.1", cookie: device })).status).toBe(302);
  });

  it("lets a known device through an address stopped by someone else's guessing", async () => {
    const user = await createUser(database);
    const device = deviceCookieOf((await signIn(user.email, TEST_PASSWORD, { ip: "203.0.113.201" })).setCookies);
    const office = "198.51.100.150";
    for (let i = 0; i < 20; i++) await signIn(`probe-office-${i}@example.org`, "Falsch-xxxxxxxx", { ip: office });
    for (let i = 0; i < 5; i++) await signIn(user.email, "Falsch-xxxxxxxx", { ip: office });
    expect((await signIn(user.email, TEST_PASSWORD, { ip: office })).status).toBe(429);
    expect((await signIn(user.email, TEST_PASSWORD, { ip: office, cookie: device })).status).toBe(302);
  });

  it("accepts the device cookie only for the address it was set for, and never a forged one", async () => {
    const user = await createUser(database);
    const other = await createUser(database);
    const otherDevice = deviceCookieOf((await signIn(other.email, TEST_PASSWORD, { ip: "203.0.113.202" })).setCookies);
    const ip = "198.51.100.160";
    for (let i = 0; i < 5; i++) await signIn(user.email, "Falsch-xxxxxxxx", { ip });
    expect((await signIn(user.email, TEST_PASSWORD, { ip, cookie: otherDevice })).status).toBe(429);
    const forged = `tk_device=${Buffer.from(JSON.stringify({ e: "x", t: Date.now() })).toString("base64")}.forged`;
    expect((await signIn(user.email, TEST_PASSWORD, { ip, cookie: forged })).status).toBe(429);
  });

  it("counts failures only since the last successful sign-in", async () => {
    const user = await createUser(database);
    for (let i = 0; i < 4; i++) await signIn(user.email, "Falsch-xxxxxxxx");
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    for (let i = 0; i < 4; i++) await signIn(user.email, "Falsch-xxxxxxxx");
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("throttles an IP address after 20 failures in 15 minutes", async () => {
    const ip = "198.51.100.77";
    for (let i = 0; i < 20; i++) {
      const result = await signIn(`probe-${i}@example.org`, "Falsch-xxxxxxxx", { ip });
      expect(result.status).toBe(200);
    }
    const user = await createUser(database);
    const blocked = await signIn(user.email, TEST_PASSWORD, { ip });
    expect(blocked.status).toBe(429);
    expect(blocked.data.result.error[""]).toEqual([TOO_MANY_ATTEMPTS]);
    // The same person from elsewhere is fine.
    expect((await signIn(user.email, TEST_PASSWORD, { ip: "198.51.100.78" })).status).toBe(302);
  });

  it("refuses redirects off the site", async () => {
    for (const evil of [
      "//evil.com",
      "https://evil.com",
      "/\\evil.com",
      "javascript:alert(1)",
      "evil.com",
      // Chromium drops the tab and follows //evil.example after a real sign-in.
      "/\t/evil.example/",
      "/%09/evil.example/",
      // A newline used to reach the Location header: a 500 after the password was accepted.
      "/\n/evil.example/",
      "/x%0d%0aSet-Cookie:%20a=b",
      "/%5Cevil.example",
      "/%2F%2Fevil.example",
    ]) {
      expect(safeRedirect(evil)).toBe("/");
      const user = await createUser(database);
      const result = await signIn(user.email, TEST_PASSWORD, { redirectTo: evil });
      expect(result.status).toBe(302);
      expect(result.location).toBe("/");
    }
    expect(safeRedirect("/traeger/abc?x=1")).toBe("/traeger/abc?x=1");
    const page = await callRoute(signInLoader, anonRequest("/anmelden?redirectTo=%2F%2Fevil.com&email=a%40b.de"));
    // The form's constraint (required, maxLength … on the inputs) comes from the loader: the page loads zod later.
    expect(page.data).toEqual({
      redirectTo: "",
      email: "a@b.de",
      constraint: expect.objectContaining({ email: expect.objectContaining({ required: true, maxLength: 254 }) }),
    });
  });

  it("refuses bad and oversized input without touching the database", async () => {
    const before = (await database.db.selectFrom("auth.sign_in_attempts").select("id").execute()).length;
    const cases: Array<Record<string, string>> = [
      { email: "", password: "" },
      { email: "kein-at", password: "x" },
      { email: `${"a".repeat(300)}@example.org`, password: "x" },
      { email: "a@example.org", password: "x".repeat(100_000) },
    ];
    for (const form of cases) {
      const result = await callRoute(signInAction, anonRequest("/anmelden", { form }));
      expect(result.status).toBe(200);
      expect(Object.keys(result.data.result.error ?? {}).length).toBeGreaterThan(0);
    }
    expect((await database.db.selectFrom("auth.sign_in_attempts").select("id").execute()).length).toBe(before);
  });

  it("sends a signed-in user from the sign-in page to the start page", async () => {
    const user = await createUser(database);
    const result = await callRoute(signInLoader, await requestAs(database, user, "/anmelden"));
    expect(result.location).toBe("/");
  });
});

describe("sign-out", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it("ends this session only and clears the cookie", async () => {
    const user = await createUser(database);
    const other = await signedInCookie(database, user);
    const request = await requestAs(database, user, "/abmelden", { method: "POST" });
    const result = await callRoute(signOutAction, request);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    expect(result.setCookies.some((c) => /^tk_session=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
    expect(await getSessionUser(request)).toBeNull();
    expect(await getSessionUser(anonRequest("/", { cookie: other }))).toMatchObject({ id: user.id });
  });

  it("does nothing on GET", async () => {
    const user = await createUser(database);
    const request = await requestAs(database, user, "/abmelden");
    const result = await callRoute(signOutLoader, request);
    expect(result.location).toBe("/");
    expect(await getSessionUser(request)).toMatchObject({ id: user.id });
  });
});
