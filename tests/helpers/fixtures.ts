// Personas for tests: users, Träger, circles and signed-in requests, written directly with the
// owner connection (not through the app), so tests start from a known state quickly.
import { randomBytes, randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { sql } from "kysely";
import type { Database } from "../../app/.server/db/connection";
import type { OrgRole } from "../../app/.server/db/schema";
import { sessionCookie } from "../../app/.server/auth/cookie";
import type { SessionUser } from "../../app/.server/auth/session";

export const TEST_PASSWORD = "Sicheres-Passwort-2026";
const passwordHash = bcrypt.hashSync(TEST_PASSWORD, 4);

export type TestUser = SessionUser & { password: string };

export async function createUser(
  database: Database,
  options: { email?: string; fullName?: string; confirmed?: boolean } = {},
): Promise<TestUser> {
  const id = randomUUID();
  const email = (options.email ?? `person-${id.slice(0, 8)}@example.org`).toLowerCase();
  const fullName = options.fullName ?? `Person ${id.slice(0, 4)}`;
  await database.db
    .insertInto("auth.users")
    .values({
      id,
      email,
      encrypted_password: passwordHash,
      email_confirmed_at: options.confirmed === false ? null : new Date(),
    })
    .execute();
  await database.db.insertInto("profiles").values({ user_id: id, full_name: fullName, email }).execute();
  return { id, email, fullName, sessionId: "", password: TEST_PASSWORD };
}

export async function createOrg(
  database: Database,
  options: { name?: string; slug?: string; hilfearten?: string[]; gemeinden?: string[] } = {},
): Promise<{ id: string; slug: string; name: string }> {
  const suffix = randomUUID().slice(0, 8);
  const name = options.name ?? `Träger ${suffix}`;
  const slug = options.slug ?? `traeger-${suffix}`;
  const row = await database.db
    .insertInto("organizations")
    .values({ name, slug, hilfearten: options.hilfearten ?? [], gemeinden: options.gemeinden ?? [] })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, slug, name };
}

export async function addMember(
  database: Database,
  orgId: string,
  userId: string,
  role: OrgRole,
  options: { contact?: boolean } = {},
) {
  await database.db
    .insertInto("org_members")
    .values({ org_id: orgId, user_id: userId, role, is_contact_person: options.contact ?? false })
    .execute();
}

export async function createNetwork(
  database: Database,
  options: { name?: string; slug?: string; publicPage?: boolean } = {},
): Promise<{ id: string; slug: string; name: string }> {
  const suffix = randomUUID().slice(0, 8);
  const name = options.name ?? `Kreis ${suffix}`;
  const slug = options.slug ?? `kreis-${suffix}`;
  const row = await database.db
    .insertInto("networks")
    .values({ name, slug, public_page: options.publicPage ?? true })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, slug, name };
}

export async function joinNetwork(
  database: Database,
  networkId: string,
  orgId: string,
  role: "member" | "coordinator" = "member",
) {
  await database.db.insertInto("network_members").values({ network_id: networkId, org_id: orgId, role }).execute();
}

/** A session row and the Cookie header a browser of this user would send. */
export async function signedInCookie(database: Database, user: { id: string }, validHours = 1): Promise<string> {
  const row = await database.db
    .insertInto("auth.sessions")
    .values({ user_id: user.id, not_after: new Date(Date.now() + validHours * 3600_000) })
    .returning("id")
    .executeTakeFirstOrThrow();
  const setCookie = await sessionCookie().serialize(row.id);
  return setCookie.split(";")[0]!;
}

/** A Request as a signed-in browser would send it. */
export async function requestAs(
  database: Database,
  user: { id: string } | null,
  path: string,
  init: { method?: string; form?: Record<string, string | string[]> } = {},
): Promise<Request> {
  const headers = new Headers();
  if (user) headers.set("Cookie", await signedInCookie(database, user));
  let body: URLSearchParams | undefined;
  if (init.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(init.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`http://localhost:3000${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}

/** Rows the outbox holds, newest last (what the app would mail). */
export async function outboxMails(database: Database) {
  const rows = await sql<{ payload: { template: string; to: string; props: Record<string, unknown> } }>`
    select payload from private.outbox order by id
  `.execute(database.db);
  return rows.rows.map((r) => r.payload);
}

/** A random marker of letters only, to make a text unique: a UUID's digits can look like a phone
 * number ("0495-4886") and be refused by the Sozialdaten screen. */
export function uniqueWord(length = 10): string {
  return Array.from(randomBytes(length), (b) => String.fromCharCode(97 + (b % 26))).join("");
}
