// One-time tokens (email confirmation, password recovery): 32 random bytes for the link, only
// their sha256 in auth.one_time_tokens, so a leaked database does not yield working links.
import { createHash, randomBytes } from "node:crypto";

export const CONFIRMATION_TTL_MS = 24 * 60 * 60 * 1000;
export const RECOVERY_TTL_MS = 60 * 60 * 1000;

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as newToken makes it; anything else is refused before touching the database. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
