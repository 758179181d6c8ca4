// The Kooperationstreffen on the shared mechanisms: the Sozialdaten guard (decision 013: hard
// identifiers refused in the schema, in the minutes editor and by the database trigger; names in
// the minutes warn and may be confirmed) and the idempotent create form ("Treffen planen" posted
// twice at once creates one meeting; on the server the posts run on separate connections).
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import type { MinutesContent } from "~/.server/meetings/minutes";
import { saveMeeting, saveMinutes } from "~/.server/meetings/write";
import { action as meetingAction } from "~/routes/treffen.$id._index/route";
import { action as minutesAction } from "~/routes/treffen.$id.protokoll";
import { action as newMeetingAction } from "~/routes/treffen.neu";
import { FORM_KEY_FIELD } from "~/utils/form-key";
import { CommentSchema, MeetingFormSchema, RsvpSchema } from "~/validation/meetings";
import { freshDatabase } from "../helpers/db";
import { requestAs, uniqueWord } from "../helpers/fixtures";
import { inDays, meetingCircle, moveMeeting, refusal, type MeetingCircle } from "../helpers/meetings";
import { callRoute } from "../helpers/routes";

const PHONE = "Rückfragen bitte unter 0281 1234567.";
const NAME = "KIZ Niederrhein, Frau Yilmaz hat berichtet.";

describe("meetings on the shared mechanisms", () => {
  let database: Database;
  let c: MeetingCircle;

  beforeAll(async () => {
    database = await freshDatabase();
    c = await meetingCircle(database);
  });

  const form = (overrides: Record<string, string> = {}): Record<string, string> => ({
    host: `${c.network.id}:${c.host.id}`,
    title: "Kooperationstreffen Winter",
    description: "Austausch der Träger.",
    place: "Rathaus, Weseler Str. 2",
    gemeinde: "schermbeck",
    date: inDays(10),
    startTime: "15:00",
    endTime: "17:00",
    ...overrides,
  });

  it("refuses a phone number in a meeting description in the schema, with a German message", () => {
    const parsed = MeetingFormSchema.safeParse(form({ description: PHONE }));
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.filter((i) => i.path[0] === "description").map((i) => i.message);
    expect(messages[0]).toBe("Die Beschreibung des Treffens lesen andere Träger. Diese Angaben können dort nicht gespeichert werden:");
    expect(messages.join(" ")).toMatch(/Telefonnummer/);
    // The place is an address on purpose and stays allowed; shapes are kept ("" and null).
    const ok = MeetingFormSchema.parse(form({ description: "", place: "Am Markt 3" }));
    expect(ok.description).toBe("");
    expect(ok.onlineUrl).toBeNull();
    expect(RsvpSchema.parse({ answer: "zusage" }).comment).toBe("");
    expect(RsvpSchema.safeParse({ answer: "absage", comment: "Bitte rufen Sie 0171 9876543 an" }).success).toBe(false);
    expect(CommentSchema.safeParse({ body: "Mail an max@example.org" }).success).toBe(false);
    // Control characters: the shared German message.
    const control = MeetingFormSchema.safeParse(form({ title: "Treffen\u0000Winter" }));
    expect(control.error!.issues.map((i) => i.message)).toContain(
      "Hier sind keine Zeilenumbrüche, Tabulatoren oder Steuerzeichen erlaubt.",
    );
  });

  it("refuses a phone number in a meeting description in the database", async () => {
    const input = MeetingFormSchema.parse(form());
    const message = await refusal(saveMeeting(c.coord, null, { ...input, description: PHONE }));
    expect(message).toMatch(/^Der Text enthält Sozialdaten .* Gefunden: Telefonnummer\.$/);
    const n = await sql<{ n: number }>`select count(*)::int as n from public.meetings where description = ${PHONE}`.execute(database.db);
    expect(n.rows[0]!.n).toBe(0);
  });

  describe("minutes", () => {
    let meetingId: string;

    beforeAll(async () => {
      meetingId = await saveMeeting(c.coord, null, MeetingFormSchema.parse(form({ date: inDays(2) })));
      await moveMeeting(database, meetingId, new Date(Date.now() - 3 * 3600_000), new Date(Date.now() - 3600_000));
    });

    const post = async (fields: Record<string, string>) =>
      callRoute(
        minutesAction,
        await requestAs(database, c.coord, `/treffen/${meetingId}/protokoll`, {
          form: { intent: "save", expectedVersion: "0", ...fields },
        }),
        { id: meetingId },
      );
    const versions = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from public.minutes_versions where meeting_id = ${meetingId}`.execute(database.db)).rows[0]!.n;

    it("refuses a phone number even when the writer confirms, and offers no confirmation", async () => {
      const first = await post({ attendance: PHONE });
      expect(first.data.findingsKey).toBeUndefined();
      expect(first.data.result.error.attendance[0]).toBe(
        "Das Protokoll lesen andere Träger. Diese Angaben können dort nicht gespeichert werden:",
      );
      expect(first.data.result.error.attendance.join(" ")).toMatch(/Telefonnummer/);
      // A forged confirmation does not help: hard identifiers are not confirmable.
      const forged = await post({ attendance: PHONE, noSozialdaten: "on", sozialdatenSeen: `attendance=phone:0281 1234567` });
      expect(forged.status).toBe(200);
      expect(forged.data.result.error.attendance).toBeDefined();
      expect(await versions()).toBe(0);
    });

    it("still only warns about a name, and saves once the writer confirms what they were shown", async () => {
      const first = await post({ attendance: NAME });
      expect(first.data.findingsKey).toEqual(expect.any(String));
      expect(first.data.result.error.attendance[0]).toBe("Bitte prüfen Sie dieses Feld auf Sozialdaten:");
      const confirmed = await post({ attendance: NAME, noSozialdaten: "on", sozialdatenSeen: first.data.findingsKey });
      expect(confirmed.status).toBe(302);
      expect(await versions()).toBe(1);
    });

    it("refuses a phone number in the minutes in the database, in any text of the content", async () => {
      const content = (patch: Partial<MinutesContent>): MinutesContent => ({ attendance: "KIZ Niederrhein", items: [], ...patch });
      expect(await refusal(saveMinutes(c.coord, meetingId, content({ attendance: `Anwesend:\n${PHONE}` }), 1, ""))).toMatch(
        /Gefunden: Telefonnummer\.$/,
      );
      const item = { agenda_item_id: randomUUID(), title: "Themen", notes: "", decisions: ["Kontakt: 0281 1234567"], actions: [] };
      expect(await refusal(saveMinutes(c.coord, meetingId, content({ items: [item] }), 1, ""))).toMatch(/Gefunden: Telefonnummer\.$/);
      expect(await refusal(saveMinutes(c.coord, meetingId, content({}), 1, PHONE))).toMatch(/Gefunden: Telefonnummer\.$/);
      expect(await versions()).toBe(1);
      // Ids and dates of the structure are not mistaken for numbers; a name alone passes.
      const owner = { title: "Stellenbörse", owner_org_id: c.other.id, owner_user_id: c.otherMember.id, due_date: inDays(20) };
      const clean = { ...item, decisions: ["Gemeinsame Stellenbörse."], notes: NAME, actions: [owner] };
      expect(await saveMinutes(c.coord, meetingId, content({ items: [clean] }), 1, "")).toBe(2);
    });
  });

  it('"Treffen planen" posted twice at once creates one meeting', async () => {
    const title = `Treffen ${uniqueWord(8)}`;
    const fields = { ...form({ title }), [FORM_KEY_FIELD]: randomUUID() };
    const postMeeting = async () => callRoute(newMeetingAction, await requestAs(database, c.coord, "/treffen/neu", { form: fields }));
    const [first, second] = await Promise.all([postMeeting(), postMeeting()]);
    const meetings = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from public.meetings where title = ${title}`.execute(database.db)).rows[0]!.n;
    expect(await meetings()).toBe(1);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.location).toBe(first.location);
    // Without a key (an old page) every post writes, as before.
    const { [FORM_KEY_FIELD]: _key, ...withoutKey } = fields;
    await callRoute(newMeetingAction, await requestAs(database, c.coord, "/treffen/neu", { form: withoutKey }));
    expect(await meetings()).toBe(2);
  });

  it("a topic proposal and a guest invitation posted twice at once are written once", async () => {
    const meetingId = await saveMeeting(c.coord, null, MeetingFormSchema.parse(form()));
    const post = async (user: { id: string }, fields: Record<string, string>) =>
      callRoute(meetingAction, await requestAs(database, user, `/treffen/${meetingId}`, { form: fields }), { id: meetingId });
    const topic = { intent: "propose", title: `Thema ${uniqueWord(8)}`, description: "", [FORM_KEY_FIELD]: randomUUID() };
    const answers = await Promise.all([post(c.otherMember, topic), post(c.otherMember, topic)]);
    expect(answers.map((a) => a.data.ok)).toEqual([true, true]);
    const topics = await sql<{ n: number }>`select count(*)::int as n from public.agenda_items where title = ${topic.title}`.execute(database.db);
    expect(topics.rows[0]!.n).toBe(1);
    const guest = { intent: "guest", name: "Jan Jugendamt", orgName: "", email: `jan-${randomUUID().slice(0, 8)}@jugendamt.example`, [FORM_KEY_FIELD]: randomUUID() };
    const invited = await Promise.all([post(c.coord, guest), post(c.coord, guest)]);
    expect(invited.map((a) => a.data.ok)).toEqual([true, true]);
    const guests = await sql<{ n: number }>`select count(*)::int as n from public.meeting_guests where email = ${guest.email}`.execute(database.db);
    expect(guests.rows[0]!.n).toBe(1);
  });
});
