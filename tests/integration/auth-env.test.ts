import { afterEach, describe, expect, it } from "vitest";
import { sessionCookie } from "~/.server/auth/cookie";
import { env, resetEnvCache } from "~/.server/env";

describe("environment at boot", () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, SESSION_SECRET: process.env.SESSION_SECRET };
  afterEach(() => {
    process.env.NODE_ENV = saved.NODE_ENV;
    if (saved.SESSION_SECRET === undefined) delete process.env.SESSION_SECRET;
    else process.env.SESSION_SECRET = saved.SESSION_SECRET;
    resetEnvCache();
  });

  it("refuses production without SESSION_SECRET, with a clear message", () => {
    process.env.NODE_ENV = "production";
    delete process.env.SESSION_SECRET;
    resetEnvCache();
    expect(() => env()).toThrow(/SESSION_SECRET is not set/);
  });

  it("marks the session cookie Secure, HttpOnly and SameSite=Lax in production", async () => {
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "a-long-enough-production-secret";
    resetEnvCache();
    const cookie = sessionCookie();
    const header = await cookie.serialize("00000000-0000-0000-0000-000000000000");
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
  });
});
