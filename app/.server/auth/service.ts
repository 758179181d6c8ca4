// The built-in auth service: our stand-in for Supabase Auth (GoTrue). It alone reads and writes
// the auth schema, as service_role (see db/privileged.ts), because it must find accounts by email
// before anyone is signed in. Each operation that sends a mail queues it in the outbox in the
// same transaction as the change, so a rolled-back sign-up never mails anybody.
import { sql } from "kysely";
import { asServiceRole } from "../db/privileged";
import type { Tx } from "../db/request";
import { enqueueMail } from "../outbox/enqueue";
import { passwordMatchesEmail } from "~/validation/auth";
import { hashPassword, verifyPassword } from "./password";
import { sessionCookie } from "./cookie";
import { createSession, destroyAllSessions, safeRedirect, type SessionUser } from "./session";
import { failureCounts, isThrottled, recordAttempt } from "./throttle";
import { CONFIRMATION_TTL_MS, RECOVERY_TTL_MS, hashToken, isWellFormedToken, newToken } from "./tokens";

/** Resending a confirmation or reset mail to one account at most this often. */
const MAIL_RESEND_INTERVAL_MS = 60 * 1000;

type TokenType = "confirmation_token" | "recovery_token";
export type TokenProblem = "invalid" | "expired" | "used";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function issueToken(tx: Tx, userId: string, type: TokenType, relatesTo: string, ttlMs: number): Promise<string> {
  // One live token per purpose: a new mail makes the older links stop working.
  await tx
    .updateTable("auth.one_time_tokens")
    .set({ used_at: new Date() })
    .where("user_id", "=", userId)
    .where("token_type", "=", type)
    .where("used_at", "is", null)
    .execute();
  const { token, hash } = newToken();
  await tx
    .insertInto("auth.one_time_tokens")
    .values({
      user_id: userId,
      token_type: type,
      token_hash: hash,
      relates_to: relatesTo,
      expires_at: new Date(Date.now() + ttlMs),
    })
    .execute();
  return token;
}

/** Finds a token row (locked when forUpdate) and says what is wrong with it, if anything. */
async function lookUpToken(tx: Tx, token: unknown, type: TokenType, forUpdate: boolean) {
  if (!isWellFormedToken(token)) return { problem: "invalid" as const };
  let query = tx
    .selectFrom("auth.one_time_tokens as t")
    .innerJoin("auth.users as u", "u.id", "t.user_id")
    .select([
      "t.id",
      "t.user_id as userId",
      "t.expires_at as expiresAt",
      "t.used_at as usedAt",
      "u.email",
      "u.email_confirmed_at as emailConfirmedAt",
      "u.raw_user_meta_data as meta",
    ])
    .where("t.token_hash", "=", hashToken(token))
    .where("t.token_type", "=", type);
  if (forUpdate) query = query.forUpdate("t");
  const row = await query.executeTakeFirst();
  if (!row) return { problem: "invalid" as const };
  if (row.usedAt) return { problem: "used" as const, row };
  if (new Date(row.expiresAt).getTime() <= Date.now()) return { problem: "expired" as const, row };
  return { problem: null, row };
}

function metaRedirect(meta: Record<string, unknown> | null | undefined): string | null {
  const value = meta?.redirect_to;
  return typeof value === "string" ? safeRedirect(value, "") || null : null;
}

// ---------------------------------------------------------------------------------------------
// Sign-up and email confirmation

export type SignUpInput = { fullName: string; email: string; password: string; redirectTo?: string | null };
export type SignUpResult = { ok: true; userId: string; email: string } | { ok: false; reason: "duplicate" };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** Creates the account, its profile and a confirmation token, and queues the mail: all or nothing. */
export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const email = normalizeEmail(input.email);
  const fullName = input.fullName.trim();
  const redirectTo = input.redirectTo ? safeRedirect(input.redirectTo, "") : "";
  const passwordHash = await hashPassword(input.password);
  try {
    return await asServiceRole("auth-service", async (tx) => {
      const existing = await tx
        .selectFrom("auth.users")
        .select("id")
        .where(sql<string>`lower(email)`, "=", email)
        .executeTakeFirst();
      if (existing) return { ok: false, reason: "duplicate" } as const;
      const meta = redirectTo ? { full_name: fullName, redirect_to: redirectTo } : { full_name: fullName };
      const user = await tx
        .insertInto("auth.users")
        .values({
          email,
          encrypted_password: passwordHash,
          confirmation_sent_at: new Date(),
          // Through text: postgres.js would encode a string cast straight to jsonb a second time.
          raw_user_meta_data: sql`${JSON.stringify(meta)}::text::jsonb`,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await tx.insertInto("profiles").values({ user_id: user.id, full_name: fullName, email }).execute();
      const token = await issueToken(tx, user.id, "confirmation_token", email, CONFIRMATION_TTL_MS);
      await enqueueMail(tx, "confirm-email", email, { token, name: fullName });
      return { ok: true, userId: user.id, email } as const;
    });
  } catch (error) {
    // Two sign-ups with the same address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate" };
    throw error;
  }
}

export type ConfirmResult =
  | { status: "confirmed"; email: string; redirectTo: string | null }
  | { status: "used"; email: string; redirectTo: string | null; confirmed: boolean }
  | { status: "expired" | "invalid" };

/** Confirms the email of the token's account. A wrong, expired or used token changes nothing. */
export async function confirmEmail(token: unknown): Promise<ConfirmResult> {
  return asServiceRole("auth-service", async (tx) => {
    const { problem, row } = await lookUpToken(tx, token, "confirmation_token", true);
    if (problem === "used" && row) {
      return {
        status: "used",
        email: row.email,
        redirectTo: metaRedirect(row.meta),
        confirmed: row.emailConfirmedAt !== null,
      };
    }
    if (problem || !row) return { status: problem ?? "invalid" };
    const now = new Date();
    await tx.updateTable("auth.one_time_tokens").set({ used_at: now }).where("id", "=", row.id).execute();
    await tx
      .updateTable("auth.users")
      .set({ email_confirmed_at: sql<Date>`coalesce(email_confirmed_at, now())`, updated_at: now })
      .where("id", "=", row.userId)
      .execute();
    return { status: "confirmed", email: row.email, redirectTo: metaRedirect(row.meta) };
  });
}

/**
 * Sends a new confirmation link if an unconfirmed account has this email. The caller answers the
 * same either way, so nobody learns which addresses have an account.
 */
export async function resendConfirmation(rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  await asServiceRole("auth-service", async (tx) => {
    const user = await tx
      .selectFrom("auth.users as u")
      .leftJoin("profiles as p", "p.user_id", "u.id")
      .select(["u.id", "u.email", "u.email_confirmed_at", "u.confirmation_sent_at", "p.full_name"])
      .where(sql<string>`lower(u.email)`, "=", email)
      .forUpdate("u")
      .executeTakeFirst();
    if (!user || user.email_confirmed_at) return;
    if (user.confirmation_sent_at && Date.now() - new Date(user.confirmation_sent_at).getTime() < MAIL_RESEND_INTERVAL_MS) {
      return;
    }
    const token = await issueToken(tx, user.id, "confirmation_token", user.email, CONFIRMATION_TTL_MS);
    await tx.updateTable("auth.users").set({ confirmation_sent_at: new Date() }).where("id", "=", user.id).execute();
    await enqueueMail(tx, "confirm-email", user.email, { token, name: user.full_name ?? user.email });
  });
}

// ---------------------------------------------------------------------------------------------
// Sign-in

export type SignInResult =
  | { status: "ok"; userId: string; setCookie: string }
  | { status: "throttled" | "invalid" | "unconfirmed" };

export async function signIn(input: {
  email: string;
  password: string;
  ip: string;
  userAgent?: string | null;
  /** The request carries a valid device cookie for this address (./device.ts). */
  knownDevice?: boolean;
}): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const found = await asServiceRole("auth-service", async (tx) => {
    // A refused attempt is not recorded: it must not count towards the address's own limit.
    if (isThrottled(await failureCounts(tx, email, input.ip), input.knownDevice ?? false)) {
      return { throttled: true } as const;
    }
    const user = await tx
      .selectFrom("auth.users")
      .select(["id", "encrypted_password", "email_confirmed_at", "banned_until", "deleted_at"])
      .where(sql<string>`lower(email)`, "=", email)
      .executeTakeFirst();
    return { throttled: false, user } as const;
  });
  if (found.throttled) return { status: "throttled" };

  // Outside the transaction: bcrypt takes ~70 ms and PGlite has a single connection.
  const user = found.user;
  const passwordOk = await verifyPassword(input.password, user?.encrypted_password);
  const blocked = user
    ? user.deleted_at !== null || (user.banned_until !== null && new Date(user.banned_until).getTime() > Date.now())
    : true;
  if (!user || !passwordOk || blocked) {
    await asServiceRole("auth-service", (tx) => recordAttempt(tx, email, input.ip, false));
    return { status: "invalid" };
  }
  if (!user.email_confirmed_at) {
    await asServiceRole("auth-service", (tx) => recordAttempt(tx, email, input.ip, false));
    return { status: "unconfirmed" };
  }

  await asServiceRole("auth-service", async (tx) => {
    await recordAttempt(tx, email, input.ip, true);
    await tx.updateTable("auth.users").set({ last_sign_in_at: new Date() }).where("id", "=", user.id).execute();
    // One audit row per Träger, so each Träger's admins see their colleague's sign-ins.
    const orgs = await tx.selectFrom("org_members").select("org_id").where("user_id", "=", user.id).execute();
    const orgIds: Array<string | null> = orgs.length ? orgs.map((o) => o.org_id) : [null];
    await tx
      .insertInto("audit_log")
      .values(
        orgIds.map((orgId) => ({
          actor_id: user.id,
          org_id: orgId,
          action: "auth.sign_in",
          target_type: "user",
          target_id: user.id,
        })),
      )
      .execute();
  });
  const setCookie = await createSession(user.id, { ip: input.ip, userAgent: input.userAgent });
  return { status: "ok", userId: user.id, setCookie };
}

// ---------------------------------------------------------------------------------------------
// Password reset and change

/** Sends a reset link if an account has this email; the caller answers the same either way. */
export async function requestPasswordReset(rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  await asServiceRole("auth-service", async (tx) => {
    const user = await tx
      .selectFrom("auth.users as u")
      .leftJoin("profiles as p", "p.user_id", "u.id")
      .select(["u.id", "u.email", "u.recovery_sent_at", "u.deleted_at", "p.full_name"])
      .where(sql<string>`lower(u.email)`, "=", email)
      .forUpdate("u")
      .executeTakeFirst();
    if (!user || user.deleted_at) return;
    if (user.recovery_sent_at && Date.now() - new Date(user.recovery_sent_at).getTime() < MAIL_RESEND_INTERVAL_MS) {
      return;
    }
    const token = await issueToken(tx, user.id, "recovery_token", user.email, RECOVERY_TTL_MS);
    await tx.updateTable("auth.users").set({ recovery_sent_at: new Date() }).where("id", "=", user.id).execute();
    await enqueueMail(tx, "reset-password", user.email, { token, name: user.full_name ?? user.email });
  });
}

/** Whether a reset link still works (for the page that asks for the new password). */
export async function checkResetToken(token: unknown): Promise<{ status: "valid"; email: string } | { status: TokenProblem }> {
  return asServiceRole("auth-service", async (tx) => {
    const { problem, row } = await lookUpToken(tx, token, "recovery_token", false);
    if (problem || !row) return { status: problem ?? "invalid" };
    return { status: "valid", email: row.email };
  });
}

export type ResetResult =
  | { status: "ok"; userId: string; setCookie: string }
  | { status: TokenProblem }
  | { status: "password-equals-email" };

/**
 * Sets a new password from a reset link, ends every session of the account (whoever knew the old
 * password is out), confirms the email (the link proved the mailbox) and signs this browser in.
 */
export async function resetPassword(
  token: unknown,
  newPassword: string,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<ResetResult> {
  const peek = await checkResetToken(token);
  if (peek.status !== "valid") return peek;
  if (passwordMatchesEmail(newPassword, peek.email)) return { status: "password-equals-email" };
  const passwordHash = await hashPassword(newPassword);
  const outcome = await asServiceRole("auth-service", async (tx) => {
    const { problem, row } = await lookUpToken(tx, token, "recovery_token", true);
    if (problem || !row) return { status: problem ?? "invalid" } as const;
    const now = new Date();
    await tx.updateTable("auth.one_time_tokens").set({ used_at: now }).where("id", "=", row.id).execute();
    await tx
      .updateTable("auth.users")
      .set({
        encrypted_password: passwordHash,
        email_confirmed_at: sql<Date>`coalesce(email_confirmed_at, now())`,
        updated_at: now,
      })
      .where("id", "=", row.userId)
      .execute();
    await tx.deleteFrom("auth.sessions").where("user_id", "=", row.userId).execute();
    return { status: "ok", userId: row.userId } as const;
  });
  if (outcome.status !== "ok") return outcome;
  const setCookie = await createSession(outcome.userId, meta);
  return { status: "ok", userId: outcome.userId, setCookie };
}

export type ChangePasswordResult = { status: "ok" } | { status: "wrong-current" | "password-equals-email" };

/** Changes the password after checking the current one; keeps this session and ends all others. */
export async function changePassword(
  user: SessionUser,
  currentPassword: string,
  newPassword: string,
): Promise<ChangePasswordResult> {
  const stored = await asServiceRole("auth-service", (tx) =>
    tx.selectFrom("auth.users").select(["encrypted_password", "email"]).where("id", "=", user.id).executeTakeFirst(),
  );
  if (!(await verifyPassword(currentPassword, stored?.encrypted_password))) return { status: "wrong-current" };
  if (passwordMatchesEmail(newPassword, stored?.email ?? user.email)) return { status: "password-equals-email" };
  const passwordHash = await hashPassword(newPassword);
  await asServiceRole("auth-service", async (tx) => {
    await tx
      .updateTable("auth.users")
      .set({ encrypted_password: passwordHash, updated_at: new Date() })
      .where("id", "=", user.id)
      .execute();
    await tx.deleteFrom("auth.sessions").where("user_id", "=", user.id).where("id", "!=", user.sessionId).execute();
  });
  return { status: "ok" };
}

/** "Überall abmelden": ends every session of the user; returns the Set-Cookie that clears this one. */
export async function signOutEverywhere(user: SessionUser): Promise<string> {
  await destroyAllSessions(user.id);
  return sessionCookie().serialize("", { maxAge: 0 });
}
