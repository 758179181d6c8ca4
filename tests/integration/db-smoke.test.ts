import { beforeAll, describe, expect, it } from "vitest";
import { asUser } from "~/.server/db/request";
import type { Database } from "~/.server/db/connection";
import { freshDatabase } from "../helpers/db";
import { addMember, createOrg, createUser } from "../helpers/fixtures";

describe("requests run as the signed-in user", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it("sees its own Träger's members and not another's", async () => {
    const alice = await createUser(database);
    const bob = await createUser(database);
    const a = await createOrg(database);
    const b = await createOrg(database);
    await addMember(database, a.id, alice.id, "owner");
    await addMember(database, b.id, bob.id, "owner");
    const seen = await asUser(alice, (tx) => tx.selectFrom("org_members").select(["org_id", "user_id"]).execute());
    expect(seen).toEqual([{ org_id: a.id, user_id: alice.id }]);
  });
});
