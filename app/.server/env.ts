// Environment, validated once at boot. Only what is listed here is read from process.env.
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  // Statements with parameters as prepared statements (app/.server/db/connection.ts): auto = on,
  // except behind a transaction-mode pooler (port 6543), where they would not be found.
  DATABASE_PREPARE: z.enum(["auto", "on", "off"]).default("auto"),
  // Prepared statements keep one (generic) plan from their first run; auto: PostgreSQL decides
  // per statement after five runs (it kept planning the pages' RLS-laden statements each time).
  DATABASE_PLANS: z.enum(["generic", "auto"]).default("generic"),
  PGLITE_DIR: z.string().default(".data/pglite"),
  SESSION_SECRET: z.string().min(16).optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
  // Where the HTTP server (server/index.js) listens; HOST unset: every interface.
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().optional(),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Trägerkreis <noreply@traegerkreis.de>"),
  MAILBOX_DIR: z.string().default(".data/mailbox"),
  // Web push (issue 12): the VAPID key pair (base64url, `npm run push:keys` makes one) and the
  // contact the push services may use. Without the keys, push is off (the /konto section says so).
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, "a P-256 public key, base64url (npm run push:keys)").optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "a P-256 private key, base64url (npm run push:keys)").optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, "mailto:… or https://…").default("mailto:noreply@traegerkreis.de"),
  // Tests and benchmarks only: also accept push endpoints on 127.0.0.1/localhost and trust the CA
  // in this PEM file for them (the local push-service stand-in).
  PUSH_TEST_SERVICE_CA: z.string().optional(),
  // Behind a reverse proxy that sets X-Forwarded-For, "true" lets the per-IP sign-in throttle use it.
  // Without a proxy the header is whatever the client sends, so it is ignored.
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  // How often the worker runs the periodic jobs (app/.server/outbox/jobs.ts: expiring waitlist
  // offers, go/no-go, reminders, …). Slower than mail polling: they look at deadlines and days.
  JOBS_INTERVAL_MS: z.coerce.number().int().min(1000).default(30_000),
  // auto: demo data on a fresh embedded database outside production; always: on any fresh
  // database in any NODE_ENV (the Playwright server runs the production build on the demo circle).
  SEED_DEMO: z.enum(["auto", "never", "always"]).default("auto"),
  // Impressum (§ 5 DDG) and Datenschutzerklärung (Art. 13 DSGVO) of this installation
  // (app/.server/legal.ts). Unset: the pages show the template with a visible "bitte ergänzen".
  // Line breaks in the address as "\n" or " | ".
  LEGAL_OPERATOR_NAME: z.string().trim().min(2).max(200).optional(),
  LEGAL_OPERATOR_ADDRESS: z.string().trim().min(5).max(500).optional(),
  LEGAL_REPRESENTATIVE: z.string().trim().min(2).max(300).optional(),
  LEGAL_CONTACT_EMAIL: z.string().trim().email().max(254).optional(),
  LEGAL_CONTACT_PHONE: z.string().trim().max(60).regex(/^[0-9+()/\s.-]+$/, "digits, spaces and + ( ) / - only").optional(),
  LEGAL_REGISTER: z.string().trim().max(300).optional(),
  LEGAL_DPO_CONTACT: z.string().trim().max(500).optional(),
  LEGAL_SUPERVISORY_AUTHORITY: z
    .string()
    .trim()
    .max(500)
    .default("Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, Kavalleriestraße 2–4, 40213 Düsseldorf"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    RESEND_API_KEY: process.env.RESEND_API_KEY || undefined,
    RESEND_BASE_URL: process.env.RESEND_BASE_URL || undefined,
    SESSION_SECRET: process.env.SESSION_SECRET || undefined,
    HOST: process.env.HOST || undefined,
    VAPID_PUBLIC_KEY: process.env.VAPID_PUBLIC_KEY || undefined,
    VAPID_PRIVATE_KEY: process.env.VAPID_PRIVATE_KEY || undefined,
    VAPID_SUBJECT: process.env.VAPID_SUBJECT || undefined,
    PUSH_TEST_SERVICE_CA: process.env.PUSH_TEST_SERVICE_CA || undefined,
    // An empty legal variable means "not set" (the template shows what is missing).
    ...Object.fromEntries(
      Object.entries(process.env)
        .filter(([key]) => key.startsWith("LEGAL_"))
        .map(([key, value]) => [key, value?.trim() ? value : undefined]),
    ),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.SESSION_SECRET) {
    throw new Error(
      "SESSION_SECRET is not set. In production the server refuses to start without it: " +
        "set SESSION_SECRET to a random string of at least 16 characters (e.g. `openssl rand -hex 32`).",
    );
  }
  if (Boolean(parsed.data.VAPID_PUBLIC_KEY) !== Boolean(parsed.data.VAPID_PRIVATE_KEY)) {
    throw new Error("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both (npm run push:keys) or neither.");
  }
  if (parsed.data.NODE_ENV === "production" && parsed.data.PUSH_TEST_SERVICE_CA) {
    throw new Error("PUSH_TEST_SERVICE_CA is for tests only and must not be set in production.");
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
