// Gives each test file its own freshly migrated database and installs it as the app's database.
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { openPglite, openPostgres, type Database } from "../../app/.server/db/connection";
import { useDatabaseForTests } from "../../app/.server/db/index";
import { adminUrl, testDbKind } from "./db-config";

// freshDatabase() is called from a test file's beforeAll, where registering another hook does
// nothing (the file's suites are already collected): the databases stayed open (keeping vitest
// from exiting) and the server databases were never dropped. So the clean-up is registered here,
// when the test file imports this module, and runs after all of the file's tests.
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function freshDatabase(): Promise<Database> {
  let database: Database;
  if (testDbKind() === "postgres") {
    const name = `tk_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const admin = openPostgres(adminUrl(), { max: 1 });
    await admin.withScriptRunner((r) => r.exec(`create database ${name} template ${inject("templateDb")}`));
    await admin.close();
    const opened = openPostgres(adminUrl(name), { max: 20 });
    database = opened;
    cleanups.push(async () => {
      await opened.close();
      const cleanup = openPostgres(adminUrl(), { max: 1 });
      await cleanup.withScriptRunner((r) => r.exec(`drop database if exists ${name} with (force)`));
      await cleanup.close();
    });
  } else {
    const blob = new Blob([fs.readFileSync(inject("templateDump"))]);
    const opened = await openPglite({ loadDataDir: blob });
    database = opened;
    cleanups.push(() => opened.close());
  }
  useDatabaseForTests(database);
  return database;
}
