// The browser's copy of the reference tables (app/utils/reference-data.ts) must say what the
// migrations insert: list pages label codes with it instead of sending the lists with every page.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { GEMEINDEN, HILFEARTEN, TRAINING_TOPICS } from "~/utils/reference-data";
import { freshDatabase } from "../helpers/db";

describe("the reference lists in the browser", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it("are the reference tables, in their order", async () => {
    const { db } = database;
    expect(await db.selectFrom("hilfearten").select(["code", "paragraph", "label"]).orderBy("sort_order").execute()).toEqual(HILFEARTEN);
    expect(await db.selectFrom("gemeinden").select(["code", "name", "kreis"]).orderBy("sort_order").orderBy("name").execute()).toEqual(GEMEINDEN);
    expect(await db.selectFrom("training_topics").select(["code", "label"]).orderBy("sort_order").execute()).toEqual(TRAINING_TOPICS);
  });
});
