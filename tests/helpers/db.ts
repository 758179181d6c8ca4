// Gives each test file its own freshly migrated database and installs it as the app's database.
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { openPglite, openPostgres, type Database } from "../../app/.server/db/connection";
import { useDatabaseForTests } from "../../app/.server/db/index";
import { adminUrl, testDbKind } from "./db-config";

export async function freshDatabase(): Promise<Database> {
  let database: Database;
  if (testDbKind() === "postgres") {
    const name = `tk_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const admin = openPostgres(adminUrl(), { max: 1 });
    await admin.withScriptRunner((r) => r.exec(`create database ${name} template ${inject("templateDb")}`));
    await admin.close();
    database = openPostgres(adminUrl(name), { max: 20 });
    afterAll(async () => {
      await database.close();
      const cleanup = openPostgres(adminUrl(), { max: 1 });
      await cleanup.withScriptRunner((r) => r.exec(`drop database if exists ${name} with (force)`));
      await cleanup.close();
    });
  } else {
    const blob = new Blob([fs.readFileSync(inject("templateDump"))]);
    database = await openPglite({ loadDataDir: blob });
    afterAll(async () => {
      await database.close();
    });
  }
  useDatabaseForTests(database);
  return database;
}
