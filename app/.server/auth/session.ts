// Sessions: a row in auth.sessions per signed-in browser, referenced by a signed cookie. Deleting
// the row ends the session ("überall abmelden" deletes all of a user's rows).
import { redirect } from "@remix-run/node";
import { asServiceRole } from "../db/privileged";
import { actAsUserInTransaction } from "../db/transaction";
import { currentRequestScope } from "../http/request-scope";
import { readHeaderData } from "../orgs/header";
import { env } from "../env";
import { rememberedClientAddress } from "../http/client-address";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "./cookie";
import { safeRedirect as safeRedirectTo } from "~/utils/safe-redirect";

export type SessionUser = {
  id: string;
  email: string;
  fullName: string;
  sessionId: string;
};

/**
 * Reads the signed cookie and the live session row; null when absent, expired or revoked.
 * Inside a GET request (serve.ts's request scope) the lookup runs once and every loader shares it,
 * and the same transaction reads the header's data as the user (headerInfo finds it there).
 */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  const scope = currentRequestScope();
  if (!scope?.readsOnly) return lookUpSession(request, false);
  const cacheKey = request.headers.get("Cookie") ?? "";
  let lookup = scope.sessions.get(cacheKey) as Promise<SessionUser | null> | undefined;
  if (!lookup) {
    lookup = lookUpSession(request, scope.wantsHeader);
    scope.sessions.set(cacheKey, lookup);
    // A failed lookup (database lost) is not remembered: another loader may try again.
    lookup.catch(() => scope.sessions.delete(cacheKey));
  }
  return lookup;
}

async function lookUpSession(request: Request, withHeader: boolean): Promise<SessionUser | null> {
  const sessionId = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof sessionId !== "string" || !/^[0-9a-f-]{36}$/.test(sessionId)) return null;
  const scope = withHeader ? currentRequestScope() : undefined;
  const found = await asServiceRole(
    "auth-service",
    async (tx) => {
      const row = await tx
        .selectFrom("auth.sessions as s")
        .innerJoin("auth.users as u", "u.id", "s.user_id")
        .leftJoin("profiles as p", "p.user_id", "u.id")
        .select(["s.id as sessionId", "u.id", "u.email", "p.full_name as fullName"])
        .where("s.id", "=", sessionId)
        .where("s.not_after", ">", new Date())
        .where("u.email_confirmed_at", "is not", null)
        .executeTakeFirst();
      if (!row || !scope) return { row, header: null };
      // The header's data, as the user (row-level security applies), in this same transaction.
      await actAsUserInTransaction(tx, { id: row.id, email: row.email });
      return { row, header: await readHeaderData(tx, row.id) };
    },
    { readOnly: true },
  );
  const row = found.row;
  if (!row) return null;
  if (scope && found.header && !scope.headers.has(row.id)) scope.headers.set(row.id, Promise.resolve(found.header));
  return { id: row.id, email: row.email, fullName: row.fullName ?? row.email, sessionId: row.sessionId };
}

/** Forgets this request's session lookups (after the session changed). */
function forgetSessionLookups() {
  const scope = currentRequestScope();
  scope?.sessions.clear();
  scope?.headers.clear();
}

/** Only paths on this site (app/utils/safe-redirect.ts, against APP_URL); anything else is `fallback`. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  return safeRedirectTo(to, fallback, env().APP_URL);
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    const params = new URLSearchParams({ redirectTo });
    throw redirect(`/anmelden?${params}`);
  }
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getSessionUser(request)) throw redirect("/");
}

/** Creates a session row and returns the Set-Cookie header value for it. */
export async function createSession(
  userId: string,
  meta: { userAgent?: string | null; ip?: string | null } = {},
): Promise<string> {
  forgetSessionLookups();
  const notAfter = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  const row = await asServiceRole("auth-service", (tx) =>
    tx
      .insertInto("auth.sessions")
      .values({
        user_id: userId,
        not_after: notAfter,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
        ip: meta.ip ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  return sessionCookie().serialize(row.id);
}

/** Ends this browser's session; returns the Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  forgetSessionLookups();
  const sessionId = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof sessionId === "string" && /^[0-9a-f-]{36}$/.test(sessionId)) {
    await asServiceRole("auth-service", (tx) => tx.deleteFrom("auth.sessions").where("id", "=", sessionId).execute());
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Ends every session of the user, on every device. */
export async function destroyAllSessions(userId: string): Promise<void> {
  forgetSessionLookups();
  await asServiceRole("auth-service", (tx) => tx.deleteFrom("auth.sessions").where("user_id", "=", userId).execute());
}

/** Marks a request whose client address the server cannot know (no trusted proxy in front). */
export const UNKNOWN_IP = "unknown";

/**
 * The client's address, for the sign-in throttle and the session list. The app's server knows it
 * (the socket, or X-Forwarded-For behind TRUST_PROXY=true). A request that did not pass the server
 * (a test, a bare `remix vite:dev`) reads X-Forwarded-For only with TRUST_PROXY=true, else the
 * address is unknown and the pair limit acts per address (decision 009).
 */
export function clientIp(request: Request): string {
  // Through the app's HTTP server (server/index.js): the socket's address, or behind a trusted
  // proxy the first X-Forwarded-For entry (app/.server/http/serve.ts).
  const remembered = rememberedClientAddress(request);
  if (remembered) return remembered;
  if (env().TRUST_PROXY !== "true") return UNKNOWN_IP;
  const forwarded = request.headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim().slice(0, 64) || UNKNOWN_IP;
  return request.headers.get("x-real-ip")?.slice(0, 64) ?? UNKNOWN_IP;
}
