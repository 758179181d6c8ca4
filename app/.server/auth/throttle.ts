// Sign-in throttling from auth.sign_in_attempts (docs/decisions/009-sign-in-throttle-per-pair.md).
// Guessing is slowed where it comes from, so that nobody can lock another person out:
//   - per address + IP pair: 5 failures in 15 minutes stop that pair (the owner elsewhere is fine);
//   - per IP: 20 failures in 15 minutes, whatever the addresses (one machine trying many accounts);
//   - per address: only after 50 failures in 15 minutes — many places at once — is the address
//     itself stopped;
//   - a device that signed in to this address before (a signed device cookie, ./device.ts) is let
//     through all three with the right password; only a hard cap of 200 failures per address in
//     15 minutes applies to it, so even a stolen device cookie cannot guess without end.
// Failures count since the address's last successful sign-in. Refused (throttled) attempts are not
// counted, so hammering a stopped pair does not push the address towards its own limit.
import { sql } from "kysely";
import type { Tx } from "../db/request";
import { UNKNOWN_IP } from "./session";

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_PAIR = 5;
export const MAX_FAILURES_PER_IP = 20;
export const MAX_FAILURES_PER_EMAIL = 50;
export const MAX_FAILURES_KNOWN_DEVICE = 200;

export type ThrottleCounts = { byPair: number; byIp: number; byEmail: number };

export async function failureCounts(tx: Tx, email: string, ip: string): Promise<ThrottleCounts> {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MINUTES * 60 * 1000);
  const row = await sql<{ by_pair: number; by_ip: number; by_email: number }>`
    with last_success as (
      select coalesce(max(s.created_at), ${since}) as at from auth.sign_in_attempts s
      where lower(s.email) = ${email} and s.created_at > ${since} and s.succeeded
    ), failures as (
      select a.ip from auth.sign_in_attempts a, last_success l
      where lower(a.email) = ${email} and a.created_at > ${since} and a.created_at > l.at and not a.succeeded
    )
    select
      (select count(*)::int from failures f where f.ip = ${ip}) as by_pair,
      (select count(*)::int from failures) as by_email,
      (select count(*)::int from auth.sign_in_attempts a
        where a.ip = ${ip} and ${ip} <> ${UNKNOWN_IP} and a.created_at > ${since} and not a.succeeded) as by_ip
  `.execute(tx);
  const counts = row.rows[0];
  return { byPair: counts?.by_pair ?? 0, byIp: counts?.by_ip ?? 0, byEmail: counts?.by_email ?? 0 };
}

/** Whether an attempt with these counts is refused before the password is looked at. */
export function isThrottled(counts: ThrottleCounts, knownDevice: boolean): boolean {
  if (knownDevice) return counts.byEmail >= MAX_FAILURES_KNOWN_DEVICE;
  return counts.byPair >= MAX_FAILURES_PER_PAIR || counts.byIp >= MAX_FAILURES_PER_IP || counts.byEmail >= MAX_FAILURES_PER_EMAIL;
}

export async function recordAttempt(tx: Tx, email: string, ip: string, succeeded: boolean): Promise<void> {
  await tx
    .insertInto("auth.sign_in_attempts")
    .values({ email: email.slice(0, 254), ip: ip.slice(0, 64), succeeded })
    .execute();
}
