// Report and hide on the Kooperationstreffen through the app: a member of another Träger reports a
// meeting on its page (/sozialdaten/melden → back to /treffen), the meeting page answers 404 to
// other Träger at once, the host coordinator sees the notice, revises title and description on
// /sozialdaten/:id, and the meeting shows again. Minutes are sent to their editor.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { saveMeeting } from "~/.server/meetings/write";
import { action as reportAction } from "~/routes/sozialdaten.melden";
import { action as reviseAction, loader as reviseLoader } from "~/routes/sozialdaten.$id";
import { loader as meetingLoader } from "~/routes/treffen.$id._index/route";
import { berlinParts } from "~/utils/berlin-time";
import { freshDatabase } from "../helpers/db";
import { requestAs, type TestUser } from "../helpers/fixtures";
import { meetingCircle, type MeetingCircle } from "../helpers/meetings";
import { callRoute } from "../helpers/routes";

let database: Database;
let c: MeetingCircle;

beforeAll(async () => {
  database = await freshDatabase();
  c = await meetingCircle(database);
});

async function meetingPage(user: TestUser, id: string) {
  return callRoute(meetingLoader, await requestAs(database, user, `/treffen/${id}`), { id });
}

describe("report and hide on meetings", () => {
  it("hides a reported meeting from other Träger until the host Träger revises it", async () => {
    const id = await saveMeeting(c.coord, null, {
      host: `${c.network.id}:${c.host.id}`,
      title: "Fallbesprechung Familie Petrović",
      description: "Wir sprechen über Familie Petrović.",
      place: "Rathaus, Weseler Str. 2",
      gemeinde: "schermbeck",
      onlineUrl: null,
      date: berlinParts(new Date(Date.now() + 14 * 86400_000)).date,
      startTime: "15:00",
      endTime: "17:00",
      registrationDeadline: null,
      capacity: undefined,
      guestsWelcome: true,
    });
    const before = await meetingPage(c.otherMember, id);
    expect(before.status).toBe(200);
    expect(before.data.meeting).toMatchObject({ isOwnTraeger: false, hideId: null });

    const reported = await callRoute(
      reportAction,
      await requestAs(database, c.otherMember, "/sozialdaten/melden", {
        form: { subjectType: "meeting", subjectId: id, note: "Familienname im Titel" },
      }),
    );
    expect(reported.status).toBe(302);
    expect(reported.location).toBe("/treffen");

    expect((await meetingPage(c.otherMember, id)).status).toBe(404);
    expect((await meetingPage(c.thirdMember, id)).status).toBe(404);
    const own = await meetingPage(c.hostMember, id);
    expect(own.status).toBe(200);
    expect(own.data.meeting.hideId).toEqual(expect.any(String));
    const hideId = own.data.meeting.hideId as string;

    const page = await callRoute(reviseLoader, await requestAs(database, c.coord, `/sozialdaten/${hideId}`), { id: hideId });
    expect(page.data.hidden).toMatchObject({ own: true, canRevise: true, editorPath: null, path: `/treffen/${id}` });
    expect(page.data.hidden.texts).toMatchObject({ title: "Fallbesprechung Familie Petrović" });

    // Leaving the title out would empty it: refused, nothing changes.
    const emptied = await callRoute(
      reviseAction,
      await requestAs(database, c.coord, `/sozialdaten/${hideId}`, { form: { description: "Austausch" } }),
      { id: hideId },
    );
    expect(emptied.status).toBe(200);
    expect(JSON.stringify(emptied.data)).toMatch(/Titel mit mindestens 3 Zeichen/);
    expect((await meetingPage(c.otherMember, id)).status).toBe(404);

    const revised = await callRoute(
      reviseAction,
      await requestAs(database, c.coord, `/sozialdaten/${hideId}`, {
        form: { title: "Kooperationstreffen Winter", description: "Austausch der Träger." },
      }),
      { id: hideId },
    );
    expect(revised.status).toBe(302);
    expect(revised.location).toBe(`/treffen/${id}`);
    const after = await meetingPage(c.otherMember, id);
    expect(after.status).toBe(200);
    expect(after.data.meeting).toMatchObject({ title: "Kooperationstreffen Winter", hideId: null });

    const audit = await sql<{ action: string }>`
      select action from public.audit_log where target_id = ${id} and action like 'sozialdaten.%' order by id`.execute(database.db);
    expect(audit.rows.map((r) => r.action)).toEqual(["sozialdaten.reported", "sozialdaten.revised"]);
  });

  it("refuses to report one's own Träger's meeting and unknown kinds, with German messages", async () => {
    const [meeting] = (await sql<{ id: string }>`select id from public.meetings limit 1`.execute(database.db)).rows;
    const own = await callRoute(
      reportAction,
      await requestAs(database, c.hostMember, "/sozialdaten/melden", { form: { subjectType: "meeting", subjectId: meeting!.id } }),
    );
    expect(own.status).toBe(302);
    expect(own.location).toBe("/treffen");
    const unknown = await callRoute(
      reportAction,
      await requestAs(database, c.otherMember, "/sozialdaten/melden", { form: { subjectType: "protokoll", subjectId: meeting!.id } }),
    );
    expect(unknown.status).toBe(302);
    const hides = await sql<{ n: number }>`select count(*)::int as n from public.sozialdaten_hides where released_at is null`.execute(
      database.db,
    );
    expect(hides.rows[0]!.n).toBe(0);
  });
});
