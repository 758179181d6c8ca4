// Starts the production app the way `npm start` starts it (the command is read from package.json,
// so a different server behind `npm start` is picked up without changes), in its own process
// group, against a database of our choosing; and signs demo people in by writing session rows.
// Used by tests/server/*.test.ts and scripts/bench-db-recovery.ts.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createCookie } from "@remix-run/node";
import postgres from "postgres";

const root = path.resolve(import.meta.dirname, "..", "..");
export const TEST_SESSION_SECRET = "server-test-secret-0123456789abcdef";

export type AppProcess = {
  url: string;
  child: ChildProcess;
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
};

/** DATABASE_URL with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createDatabase(adminUrl: string, prefix = "tk_srv"): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    name,
    url: withDatabase(adminUrl, name),
    async drop() {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await cleanup.end();
    },
  };
}

/** Starts `npm start`'s command with the given environment; resolves once it answers HTTP. */
export async function startApp(options: {
  port: number;
  env: Record<string, string>;
  /** Wait until GET path answers (any status); default "/anmelden". */
  readyPath?: string;
  readyTimeoutMs?: number;
  waitUntilReady?: boolean;
}): Promise<AppProcess> {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const command = pkg.scripts.start;
  if (!command) throw new Error("package.json has no start script");
  if (!fs.existsSync(path.join(root, "build", "server"))) throw new Error("No production build: run `npm run build` first");
  const mailbox = fs.mkdtempSync(path.join(os.tmpdir(), "tk-srv-mail-"));
  const url = `http://127.0.0.1:${options.port}`;
  let output = "";
  const child = spawn("sh", ["-c", command], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: `${path.join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: "production",
      PORT: String(options.port),
      HOST: "127.0.0.1",
      APP_URL: url,
      SESSION_SECRET: TEST_SESSION_SECRET,
      MAILBOX_DIR: mailbox,
      SEED_DEMO: "always",
      ...options.env,
    },
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  let exited = false;
  child.on("exit", () => (exited = true));
  const app: AppProcess = {
    url,
    child,
    output: () => output,
    alive: () => !exited && child.exitCode === null && child.signalCode === null,
    async stop() {
      if (!exited && child.pid) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // already gone
        }
        const deadline = Date.now() + 5000;
        while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        if (!exited) {
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {
            // already gone
          }
        }
      }
      fs.rmSync(mailbox, { recursive: true, force: true });
    },
  };
  if (options.waitUntilReady === false) return app;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (!app.alive()) throw new Error(`The app exited before it answered:\n${output}`);
    try {
      await fetch(`${url}${options.readyPath ?? "/anmelden"}`, { signal: AbortSignal.timeout(5000) });
      return app;
    } catch {
      if (Date.now() > deadline) {
        await app.stop();
        throw new Error(`The app did not answer within the time:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Session cookies for the given demo addresses: a session row each, signed like the app signs. */
export async function sessionCookies(databaseUrl: string, emails: string[]): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const cookie = createCookie("tk_session", { secrets: [TEST_SESSION_SECRET], path: "/" });
    const cookies: string[] = [];
    for (const email of emails) {
      const [row] = await sql<{ id: string }[]>`
        insert into auth.sessions (user_id, not_after)
        select id, now() + interval '1 day' from auth.users where email = ${email}
        returning id::text`;
      if (!row) throw new Error(`No user ${email}`);
      const header = await cookie.serialize(row.id);
      cookies.push(header.split(";")[0]!);
    }
    return cookies;
  } finally {
    await sql.end();
  }
}

/** Terminates every backend of the database except the caller's; returns how many. */
export async function terminateBackends(sql: postgres.Sql, database: string): Promise<number> {
  const rows = await sql<{ terminated: boolean }[]>`
    select pg_terminate_backend(pid) as terminated from pg_stat_activity
    where datname = ${database} and pid <> pg_backend_pid()`;
  return rows.filter((r) => r.terminated).length;
}
