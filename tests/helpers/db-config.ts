/** `TEST_DB=postgres` runs the suite on the server named by DATABASE_URL; PGlite otherwise. */
export function testDbKind(): "pglite" | "postgres" {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

/** DATABASE_URL with its database name replaced. */
export function adminUrl(database?: string): string {
  const raw = process.env.DATABASE_URL;
  if (!raw) throw new Error("TEST_DB=postgres needs DATABASE_URL");
  const url = new URL(raw);
  if (database) url.pathname = `/${database}`;
  return url.toString();
}
