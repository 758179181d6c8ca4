// A transaction's BEGIN and its claims go to the PostgreSQL server with its first statement, in
// one write (GuardedConnection.defer, decision 019 "Tenth sitting"): every round trip costs the
// app's process CPU and the request its latency. What must still hold: the claims apply to that
// first statement, the session lookup's switch to the user applies to the next one, an error is
// the statement's own, and a transaction that sent nothing leaves nothing behind.
import net from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { asServiceRole } from "~/.server/db/privileged";
import { asUserReadOnly, asUser } from "~/.server/db/request";
import { actAsUserInTransaction } from "~/.server/db/transaction";
import { freshDatabase } from "../helpers/db";
import { testDbKind } from "../helpers/db-config";
import { createUser, type TestUser } from "../helpers/fixtures";

describe.skipIf(testDbKind() !== "postgres")("a transaction's first write (PostgreSQL server)", () => {
  let database: Database;
  let person: TestUser;
  const write = net.Socket.prototype.write;
  let writes = 0;

  beforeAll(async () => {
    database = await freshDatabase();
    person = await createUser(database);
    net.Socket.prototype.write = function (this: net.Socket, ...args: Parameters<typeof write>) {
      writes += 1;
      return write.apply(this, args);
    } as typeof write;
  });
  afterAll(() => {
    net.Socket.prototype.write = write;
  });

  /** Socket writes while fn runs (its statements prepared on the connection by a run before). */
  async function writesOf<T>(fn: () => Promise<T>): Promise<{ writes: number; result: T }> {
    await fn();
    await fn();
    writes = 0;
    const result = await fn();
    return { writes, result };
  }

  const whoAmI = (tx: Parameters<Parameters<typeof asUser>[1]>[0]) =>
    sql<{ uid: string | null; role: string }>`select auth.uid()::text as uid, current_user::text as role where ${1}::int = 1`
      .execute(tx)
      .then((r) => r.rows[0]!);

  it("sends BEGIN, the claims and the first statement in one write, and COMMIT in another", async () => {
    const { writes: sent, result } = await writesOf(() => asUserReadOnly(person, whoAmI));
    expect(result).toEqual({ uid: person.id, role: "authenticated" });
    expect(sent).toBe(2);
  });

  it("the session lookup: the switch to the user rides with the next statement and applies to it", async () => {
    const { writes: sent, result } = await writesOf(() =>
      asServiceRole(
        "auth-service",
        async (tx) => {
          const before = await whoAmI(tx);
          await actAsUserInTransaction(tx, person);
          return { before, after: await whoAmI(tx) };
        },
        { readOnly: true },
      ),
    );
    expect(result.before.role).toBe("service_role");
    expect(result.after).toEqual({ uid: person.id, role: "authenticated" });
    expect(sent).toBe(3);
  });

  it("a first statement that fails gives its own error, and the connection serves the next transaction", async () => {
    const failing = asUser(person, async (tx) => sql`select * from public.no_such_table where ${1}::int = 1`.execute(tx));
    await expect(failing).rejects.toMatchObject({ code: "42P01" });
    expect(await asUserReadOnly(person, whoAmI)).toEqual({ uid: person.id, role: "authenticated" });
  });

  it("a transaction that sends no statement sends nothing, whether it returns or throws", async () => {
    writes = 0;
    expect(await asUser(person, async () => "nichts")).toBe("nichts");
    await expect(asUser(person, async () => Promise.reject(new Error("vorher abgebrochen")))).rejects.toThrow("vorher abgebrochen");
    expect(writes).toBe(0);
    expect(await asUserReadOnly(person, whoAmI)).toEqual({ uid: person.id, role: "authenticated" });
  });

  it("statements side by side after the first still run in order, with the claims", async () => {
    const seen = await asUserReadOnly(person, (tx) => Promise.all([whoAmI(tx), whoAmI(tx), whoAmI(tx)]));
    expect(seen).toEqual(Array.from({ length: 3 }, () => ({ uid: person.id, role: "authenticated" })));
  });
});
