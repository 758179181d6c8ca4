// The demo circle's Vertretungsbörse (scripts/demo-data.ts → supabase/seed.sql): an open Notfall
// addressed first to one Träger, a partly covered request with an offer waiting, a completed cover
// in the Bilanz — as the seeded database holds them and as the board shows them; the demo
// descriptions pass the Sozialdaten screen.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { migrate } from "~/.server/db/migrate";
import { loadCoverBoard } from "~/.server/cover/board";
import { loadCoverLedger } from "~/.server/cover/ledger";
import { screenSozialdaten } from "~/utils/sozialdaten";
import { parseCoverBoardFilters } from "~/validation/cover";
import { DEMO_COVERS, demoOrg, demoUser } from "../../scripts/demo-data";
import { freshDatabase } from "../helpers/db";

const sessionUser = (email: string) => {
  const u = demoUser(email);
  return { id: u.id, email: u.email, fullName: u.fullName, sessionId: "" };
};

describe("the demo circle's Vertretungsbörse", () => {
  let database: Database;
  const [notfall, partly, completed] = DEMO_COVERS;

  beforeAll(async () => {
    database = await freshDatabase();
    await migrate(database, { seed: "always" });
  });

  it("describes needs, not families", () => {
    for (const cover of DEMO_COVERS) expect(screenSozialdaten(cover.description), cover.id).toEqual([]);
  });

  it("has an open Notfall addressed first, a partly covered request and a completed cover", async () => {
    const rows = await database.db
      .selectFrom("cover_requests")
      .select(["id", "status", "urgency", "addressing", "widen_at", "covered_hours", "hours_per_week"])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [notfall!.id, "open"],
      [partly!.id, "open"],
      [completed!.id, "completed"],
    ]);
    expect(new Date(rows[0]!.widen_at!).getTime()).toBeGreaterThan(Date.now());
    expect(Number(rows[1]!.covered_hours)).toBe(12);
    const offers = await database.db.selectFrom("cover_offers").select(["request_id", "status"]).where("request_id", "=", partly!.id).execute();
    expect(offers.map((o) => o.status).sort()).toEqual(["accepted", "offered"]);
    const ledger = await database.db.selectFrom("cover_ledger").select(["request_id", "actual_hours", "completed_at"]).execute();
    expect(ledger.find((l) => l.request_id === completed!.id)).toMatchObject({ actual_hours: expect.stringMatching(/^24(\.0+)?$/) });
    const mails = await sql<{ n: number }>`select count(*)::int as n from private.outbox where payload->>'template' like 'cover-%'`.execute(database.db);
    expect(mails.rows[0]!.n).toBe(0);
  });

  it("shows the addressed Notfall to freiraumwohnung and not yet to KIZ Niederrhein", async () => {
    const filters = parseCoverBoardFilters(new URLSearchParams());
    const addressee = await loadCoverBoard(sessionUser("koordination@freiraumwohnung.example"), filters);
    expect(addressee.open.map((c) => c.id)).toEqual([notfall!.id, partly!.id]);
    expect(addressee.open[0]).toMatchObject({ addressedToUs: true, urgency: "notfall" });
    const other = await loadCoverBoard(sessionUser("team@kiz-niederrhein.example"), filters);
    expect(other.open.map((c) => c.id)).toEqual([partly!.id]);
  });

  it("has the completed cover in both Träger's Bilanz", async () => {
    const giver = await loadCoverLedger(sessionUser("team@du-und-ich.example"), {});
    expect(giver?.partners.map((p) => p.slug)).toEqual([demoOrg("richtungswechsel").slug]);
    expect(giver?.partners[0]!.totals.givenActual).toBe(24);
    const taker = await loadCoverLedger(sessionUser("koordination@richtungswechsel.example"), {});
    expect(taker?.partners[0]!.covers[0]).toMatchObject({ given: false, caseReference: "RW-2026-112" });
  });
});
