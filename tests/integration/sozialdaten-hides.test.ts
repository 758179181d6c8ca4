// Report and hide through the app (/sozialdaten/melden, /sozialdaten/:id, the cover detail page)
// and the one-off screen of texts published before the guard (private.screen_existing_sozialdaten,
// what migration 20261206120200 runs): hidden at once for everyone but the author's Träger, the
// author's coordinators notified and alone able to revise, every step in the audit log.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action as reportAction } from "~/routes/sozialdaten.melden";
import { action as reviseAction, loader as reviseLoader } from "~/routes/sozialdaten.$id";
import { loader as detailLoader } from "~/routes/vertretungen.$id._index/route";
import { freshDatabase } from "../helpers/db";
import { coverWorld, openRequest, type CoverWorld } from "../helpers/cover";
import { requestAs } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

let database: Database;
let world: CoverWorld;

beforeAll(async () => {
  database = await freshDatabase();
  world = await coverWorld(database, { offerers: 2 });
});

async function detailStatus(user: Parameters<typeof requestAs>[1], id: string) {
  return (await callRoute(detailLoader, await requestAs(database, user, `/vertretungen/${id}`), { id })).status;
}

describe("report and hide", () => {
  it("hides a reported request at once from other Träger; its coordinators revise it and it shows again", async () => {
    const id = await openRequest(world, { description: "Familie Yilmaz braucht Unterstützung im Alltag, Sohn Deniz." });
    const reporter = world.offerers[0]!.member;
    const third = world.offerers[1]!.coordinator;
    expect(await detailStatus(third, id)).toBe(200);

    const reported = await callRoute(
      reportAction,
      await requestAs(database, reporter, "/sozialdaten/melden", {
        form: { subjectType: "cover_request", subjectId: id, note: "Vor- und Nachname der Familie" },
      }),
    );
    expect(reported.status).toBe(302);
    expect(reported.location).toBe("/vertretungen");

    expect(await detailStatus(third, id)).toBe(404);
    expect(await detailStatus(reporter, id)).toBe(404);
    const own = await callRoute(detailLoader, await requestAs(database, world.requester.member, `/vertretungen/${id}`), { id });
    expect(own.status).toBe(200);
    expect(own.data.hide).toMatchObject({ source: "report" });

    const note = await sql<{ link: string }>`
      select link from public.notifications where kind = 'sozialdaten.hidden' and user_id = ${world.requester.coordinator.id}`.execute(database.db);
    expect(note.rows).toHaveLength(1);
    const hideId = note.rows[0]!.link.split("/").pop()!;

    // A plain member of the author's Träger sees the page, not the form; another Träger a 404.
    const memberPage = await callRoute(reviseLoader, await requestAs(database, world.requester.member, `/sozialdaten/${hideId}`), { id: hideId });
    expect(memberPage.data.hidden).toMatchObject({ own: true, canRevise: false });
    const thirdPage = await callRoute(reviseLoader, await requestAs(database, third, `/sozialdaten/${hideId}`), { id: hideId });
    expect(thirdPage.status).toBe(404);
    const page = await callRoute(reviseLoader, await requestAs(database, world.requester.coordinator, `/sozialdaten/${hideId}`), { id: hideId });
    expect(page.data.hidden).toMatchObject({ own: true, canRevise: true, note: "Vor- und Nachname der Familie" });
    expect(page.data.hidden.texts.description).toContain("Familie Yilmaz");

    const refused = await callRoute(
      reviseAction,
      await requestAs(database, world.requester.coordinator, `/sozialdaten/${hideId}`, {
        form: { description: "Familie braucht Hilfe, Rückruf 0151 2345678." },
      }),
      { id: hideId },
    );
    expect(refused.status).toBe(200);
    expect(JSON.stringify(refused.data)).toMatch(/ist eine Telefonnummer/);
    expect(await detailStatus(third, id)).toBe(404);

    const revised = await callRoute(
      reviseAction,
      await requestAs(database, world.requester.coordinator, `/sozialdaten/${hideId}`, {
        form: { description: "Familie mit zwei Kindern braucht Unterstützung im Alltag." },
      }),
      { id: hideId },
    );
    expect(revised.status).toBe(302);
    expect(await detailStatus(third, id)).toBe(200);

    const audit = await sql<{ action: string }>`
      select action from public.audit_log where target_id = ${id} and action like 'sozialdaten.%' order by id`.execute(database.db);
    expect(audit.rows.map((r) => r.action)).toEqual(["sozialdaten.reported", "sozialdaten.revised"]);
  });

  it("refuses to report one's own Träger's text, with a German message", async () => {
    const id = await openRequest(world);
    const outcome = await callRoute(
      reportAction,
      await requestAs(database, world.requester.member, "/sozialdaten/melden", { form: { subjectType: "cover_request", subjectId: id } }),
    );
    expect(outcome.status).toBe(302);
    expect(await detailStatus(world.offerers[1]!.member, id)).toBe(200);
  });
});

describe("the screen of texts published before the guard", () => {
  it("hides what fails the strict screen, notifies the owning Träger, and leaves clean texts alone", async () => {
    const bad = await openRequest(world);
    const clean = await openRequest(world);
    // Texts from before the guard: written with the triggers off.
    await database.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await sql`update public.cover_requests set description = 'Familie Yilmaz, Sohn Deniz (8), Tel. 0151 2345678' where id = ${bad}`.execute(tx);
      await sql`update public.organizations set leitbild = 'Kontakt: familie.yilmaz@example.org' where id = ${world.offerers[1]!.org.id}`.execute(tx);
    });
    const before = await sql<{ n: number }>`select count(*)::int as n from public.notifications where kind = 'sozialdaten.hidden'`.execute(database.db);
    const hidden = await sql<{ n: number }>`select private.screen_existing_sozialdaten() as n`.execute(database.db);
    expect(hidden.rows[0]!.n).toBe(1);
    expect(await detailStatus(world.offerers[0]!.member, bad)).toBe(404);
    expect(await detailStatus(world.offerers[0]!.member, clean)).toBe(200);
    const hide = await sql<{ source: string; kinds: string[] }>`
      select source, kinds from public.sozialdaten_hides where subject_id = ${bad}`.execute(database.db);
    expect(hide.rows).toEqual([{ source: "screen", kinds: expect.arrayContaining(["phone", "name_age"]) }]);
    const after = await sql<{ n: number }>`select count(*)::int as n from public.notifications where kind = 'sozialdaten.hidden'`.execute(database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n + 1);
    const leitbild = await sql<{ n: number }>`
      select count(*)::int as n from public.notifications where kind = 'sozialdaten.leitbild'`.execute(database.db);
    expect(leitbild.rows[0]!.n).toBeGreaterThan(0);
    // Run again: nothing new.
    expect((await sql<{ n: number }>`select private.screen_existing_sozialdaten() as n`.execute(database.db)).rows[0]!.n).toBe(1);
  });
});
