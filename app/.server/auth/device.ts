// The "this device signed in here before" cookie of the sign-in throttle (./throttle.ts): set at
// every successful sign-in, signed with SESSION_SECRET, HttpOnly, for 180 days. It names the
// address by a hash only (the cookie is readable on the device, the address need not be), so a
// device remembers the last address that signed in on it.
import { createHash } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { env } from "../env";
import { sessionSecrets } from "./cookie";

const MAX_AGE_SECONDS = 60 * 60 * 24 * 180;

function deviceCookie() {
  return createCookie("tk_device", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    // "/" and not "/anmelden": with JavaScript the form posts to /anmelden.data.
    path: "/",
    secrets: sessionSecrets(),
    maxAge: MAX_AGE_SECONDS,
  });
}

function emailTag(email: string): string {
  return createHash("sha256").update(`tk-device:${email.trim().toLowerCase()}`).digest("base64url").slice(0, 22);
}

/** The Set-Cookie value that marks this device as known for `email`. */
export async function knownDeviceCookie(email: string): Promise<string> {
  return deviceCookie().serialize({ e: emailTag(email), t: Date.now() });
}

/** Whether the request carries a valid device cookie for `email` (a forged or old one is not). */
export async function isKnownDevice(request: Request, email: string): Promise<boolean> {
  const value = (await deviceCookie().parse(request.headers.get("Cookie"))) as { e?: unknown; t?: unknown } | null;
  if (!value || typeof value !== "object" || typeof value.t !== "number") return false;
  if (Date.now() - value.t > MAX_AGE_SECONDS * 1000) return false;
  return value.e === emailTag(email);
}
