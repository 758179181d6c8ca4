// Sign-in throttling from auth.sign_in_attempts: a few wrong passwords per account, and a larger
// budget per IP address (an office behind one address), both over a sliding window.
import { sql } from "kysely";
import type { Tx } from "../db/request";
import { UNKNOWN_IP } from "./session";

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

/**
 * True when the email or the IP has used up its failures in the window. Failures for an email
 * count only since its last successful sign-in.
 */
export async function isThrottled(tx: Tx, email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MINUTES * 60 * 1000);
  const row = await sql<{ by_email: number; by_ip: number }>`
    select
      (select count(*)::int from auth.sign_in_attempts a
        where lower(a.email) = ${email} and a.created_at > ${since} and not a.succeeded
          and a.created_at > coalesce(
            (select max(s.created_at) from auth.sign_in_attempts s
              where lower(s.email) = ${email} and s.created_at > ${since} and s.succeeded),
            ${since})) as by_email,
      (select count(*)::int from auth.sign_in_attempts a
        where a.ip = ${ip} and ${ip} <> ${UNKNOWN_IP} and a.created_at > ${since} and not a.succeeded) as by_ip
  `.execute(tx);
  const counts = row.rows[0];
  if (!counts) return false;
  return counts.by_email >= MAX_FAILURES_PER_EMAIL || counts.by_ip >= MAX_FAILURES_PER_IP;
}

export async function recordAttempt(tx: Tx, email: string, ip: string, succeeded: boolean): Promise<void> {
  await tx
    .insertInto("auth.sign_in_attempts")
    .values({ email: email.slice(0, 254), ip: ip.slice(0, 64), succeeded })
    .execute();
}
