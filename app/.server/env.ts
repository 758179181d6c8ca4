// Environment, validated once at boot. Only what is listed here is read from process.env.
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
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
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
