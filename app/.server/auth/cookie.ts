// The session cookie: a signed session id, HttpOnly, SameSite=Lax, Secure in production.
import { createCookie } from "@remix-run/node";
import { env } from "../env";

const DEV_SECRET = "dev-only-secret-not-for-production";

export function sessionSecrets(): string[] {
  const secret = env().SESSION_SECRET;
  return secret ? secret.split(",") : [DEV_SECRET];
}

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

export function sessionCookie() {
  return createCookie("tk_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    path: "/",
    secrets: sessionSecrets(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
