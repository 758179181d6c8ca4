// Lists the demo sign-ins in the dev server's start output (and after `npm run db:reset`), so a
// developer can sign in right away. Prints only when the demo accounts are in the database.
import { DEMO_PASSWORD, demoSignIns, signInOrgLabel } from "../../../scripts/demo-data";
import { env } from "../env";
import type { Database } from "./connection";

/** The address the dev server listens on: `--port` of `remix vite:dev`, else APP_URL, else PORT
 *  (`PORT=3001 npm run dev`; server/index.js listens there). The last `--port` wins, as it does
 *  for Vite (`npm run dev -- --port 3301` adds one after the script's). */
export function devServerUrl(argv: string[] = process.argv, environment: Record<string, string | undefined> = process.env): string {
  const index = argv.findLastIndex((a) => a === "--port" || a.startsWith("--port="));
  const port = index < 0 ? undefined : argv[index]!.includes("=") ? argv[index]!.split("=")[1] : argv[index + 1];
  if (port && /^\d+$/.test(port)) return `http://localhost:${port}`;
  if (!environment.APP_URL && environment.PORT && /^\d+$/.test(environment.PORT)) return `http://localhost:${environment.PORT}`;
  return env().APP_URL;
}

/** The block of text printed; empty when none of the demo accounts exists. */
export function demoSignInsText(existing: Set<string>, options: { seeded: boolean; url: string }): string {
  const accounts = demoSignIns().filter((a) => existing.has(a.email));
  if (accounts.length === 0) return "";
  const widths = {
    email: Math.max(...accounts.map((a) => a.email.length)),
    role: Math.max(...accounts.map((a) => a.role.length)),
  };
  const lines = accounts.map((a) => `  ${a.email.padEnd(widths.email)}  ${a.role.padEnd(widths.role)}  ${signInOrgLabel(a)}`);
  return [
    "",
    `  Trägerkreis: ${options.url}`,
    options.seeded ? "  Demo circle seeded. Sign in with:" : "  Demo sign-ins:",
    "",
    ...lines,
    "",
    `  Password for all: ${DEMO_PASSWORD}`,
    "  Start over with: npm run db:reset",
    "",
  ].join("\n");
}

export async function printDemoSignIns(database: Database, seeded: boolean, url: string = devServerUrl()) {
  try {
    const emails = demoSignIns().map((a) => a.email);
    const rows = await database.db.selectFrom("auth.users").select("email").where("email", "in", emails).execute();
    const text = demoSignInsText(new Set(rows.map((r) => r.email)), { seeded, url });
    if (text) console.log(text);
  } catch (error) {
    // Startup must not fail over a courtesy listing.
    console.warn(`[db] could not list the demo sign-ins: ${(error as Error).message}`);
  }
}
