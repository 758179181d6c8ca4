// The database's Sozialdaten guard (supabase/migrations/20261206120000_guard_sozialdaten.sql)
// agrees with the TypeScript screen on the whole example corpus, is linear, and refuses hard
// identifiers in every table whose texts others read — also for writes that skip the form.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { dbErrorCode, userMessageFor } from "~/.server/db/errors";
import { asAnon, asUser } from "~/.server/db/request";
import { hardSozialdaten, SOZIALDATEN_COMMON_WORDS } from "~/utils/sozialdaten";
import { freshDatabase } from "../helpers/db";
import { coverWorld, draftRequest, type CoverWorld } from "../helpers/cover";
import { mustPass, mustRefuse, mustWarn } from "../fixtures/sozialdaten-corpus";

let database: Database;
let world: CoverWorld;

async function sqlKinds(text: string): Promise<string[]> {
  const r = await sql<{ kinds: string[] }>`select private.sozialdaten_hard_kinds(${text}) as kinds`.execute(database.db);
  return r.rows[0]!.kinds;
}

beforeAll(async () => {
  database = await freshDatabase();
  world = await coverWorld(database, { offerers: 1 });
});

describe("the SQL guard agrees with the TypeScript screen", () => {
  it("holds the same list of words that are never names", async () => {
    const r = await sql<{ words: string[] }>`select private.sozialdaten_common_words() as words`.execute(database.db);
    expect([...r.rows[0]!.words].sort()).toEqual([...SOZIALDATEN_COMMON_WORDS].sort());
  });

  it("finds the same kinds of hard identifiers in every example of the corpus", async () => {
    const texts = [...new Set([...mustRefuse.map(([t]) => t), ...mustWarn.map(([t]) => t), ...mustPass])];
    const disagreements: string[] = [];
    for (const text of texts) {
      const ts = [...new Set(hardSozialdaten(text).map((f) => f.kind))].sort();
      const db = [...(await sqlKinds(text))].sort();
      // Both refuse the same texts; the SQL names every kind it sees, where the screen shows one
      // finding per stretch of text ("512/0815/2025" is an Aktenzeichen, not also a phone number).
      if (ts.length > 0 !== db.length > 0 || ts.some((k) => !db.includes(k))) disagreements.push(`${text}: ts ${ts} / sql ${db}`);
    }
    expect(disagreements).toEqual([]);
    // And the corpus really exercises it.
    expect((await sqlKinds(mustRefuse[13]![0])).sort()).toEqual(["address", "name_age", "phone"]);
  });

  // A guard against catastrophic backtracking, not a speed measurement: a pattern that backtracks
  // on these inputs takes minutes, a linear one a few milliseconds; the bound leaves room for a
  // machine under load.
  it("screens 100 KB of letters, digits and person words without backtracking", async () => {
    for (const text of ["a".repeat(100_000), "Familie Yılmaz ".repeat(7_000), "0 1-2/".repeat(17_000), "Deniz (".repeat(15_000)]) {
      const started = performance.now();
      await sqlKinds(text);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });
});

describe("the tables refuse hard identifiers, whatever writes them", () => {
  it("refuses a cover request whose description holds a phone number, with a German message", async () => {
    const error = await draftRequest(world, {
      description: "Familie Yilmaz, Sohn Deniz (8), Hauptstraße 12 in Dinslaken, Tel. 0151 2345678",
    }).catch((e: unknown) => e);
    expect(dbErrorCode(error)).toBe("TK_SOZIALDATEN");
    const message = userMessageFor(error)!;
    expect(message).toContain("Übergabenotizen");
    expect(message).toContain("Fallkürzel");
    expect(message).toMatch(/Gefunden: .*Telefonnummer/);
    expect(message).not.toMatch(/TK_|sozialdaten_hard_kinds/);
  });

  it("lets a name alone through (the form warns, the person confirms)", async () => {
    await expect(draftRequest(world, { description: "Familie Yilmaz braucht Unterstützung im Alltag." })).resolves.toBeTruthy();
  });

  it("refuses a Leitbild with an e-mail address and an anonymous join request with an address", async () => {
    const leitbild = await asUser(world.requester.coordinator, (tx) =>
      tx.updateTable("organizations").set({ leitbild: "Kontakt Familie: mama@example.org" }).where("id", "=", world.requester.org.id).execute(),
    ).catch((e: unknown) => e);
    // The coordinator may not edit the profile at all, or the guard refuses: either way nothing changes.
    const row = await sql<{ leitbild: string }>`select leitbild from public.organizations where id = ${world.requester.org.id}`.execute(database.db);
    expect(row.rows[0]!.leitbild).not.toContain("mama@example.org");
    void leitbild;
    const join = await asAnon((tx) =>
      sql`insert into public.join_requests (network_id, org_name, contact_name, email, message)
          values (${world.network.id}, 'Neuer Träger', 'Anna Beispiel', 'anna@example.org', 'Wir betreuen Deniz (8) in der Musterstraße 12.')`.execute(tx),
    ).catch((e: unknown) => e);
    expect(dbErrorCode(join)).toBe("TK_SOZIALDATEN");
  });

  it("screens only changed columns on update, so an old text never blocks a status change", async () => {
    const id = await draftRequest(world);
    // A text from before the guard (triggers off for this one write).
    await database.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await sql`update public.cover_requests set description = 'Alt: Tel. 0151 2345678' where id = ${id}`.execute(tx);
    });
    await expect(
      sql`update public.cover_requests set sozialraum = 'Lohberg' where id = ${id}`.execute(database.db),
    ).resolves.toBeTruthy();
  });
});
