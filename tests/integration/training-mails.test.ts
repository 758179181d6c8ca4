// The Fortbildungen's mails, end to end: the real SQL (register, cancel, offers, approvals,
// go/no-go, reminders, cancelling a training) writes outbox rows, and every one of them renders
// with its template (props exactly as the SQL sends them); the calendar files parse, with
// sessions in winter and summer time in UTC; the worker hands the .ics to Resend; and the
// periodic jobs run private.run_training_jobs(), so an offer that ran out moves on by itself.
// Runs on PGlite and on the server (TEST_DB=postgres).
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sessionUid, trainingIcs } from "~/.server/calendar/ics";
import type { Database } from "~/.server/db/connection";
import { resetEnvCache } from "~/.server/env";
import { renderMail, type RenderedMail } from "~/.server/mail/render";
import { runPeriodicJobsOnce, type PeriodicJob } from "~/.server/outbox/jobs";
import { processOutboxOnce, startOutboxWorker, stopOutboxWorker } from "~/.server/outbox/worker";
import { freshDatabase } from "../helpers/db";
import { extractLink, startFakeResend, type FakeResend } from "../helpers/fake-resend";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, type TestUser } from "../helpers/fixtures";
import { call, createTraining, register, registerSelf, registration, registrationsOf } from "../helpers/trainings";

const appUrl = "https://traegerkreis.example";
const HOUR = 3600_000;

type OutboxMail = { id: string; template: string; to: string; props: Record<string, unknown> };

/** The .ics as a list of components with their properties (lines unfolded; params kept in the name). */
function parseIcs(text: string) {
  expect(text.endsWith("\r\n") || text.endsWith("END:VCALENDAR")).toBe(true);
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
  // Every physical line: at most 75 octets (RFC 5545, 3.1), CRLF only.
  for (const physical of text.split("\r\n")) expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const calendar: Record<string, string> = {};
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      events.push(current!);
      current = null;
    } else {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1);
      (current ?? calendar)[name.split(";")[0]!] = value;
      if (name.includes(";")) (current ?? calendar)[`${name.split(";")[0]}@params`] = name;
    }
  }
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.at(-1)).toBe("END:VCALENDAR");
  return { calendar, events };
}

/** "20270114T080000Z" for an instant. */
function icsUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

describe("training mails", () => {
  let database: Database;
  let network: { id: string };
  let organizerOrg: { id: string; name: string };
  let orgX: { id: string; name: string };
  let organizer: TestUser;
  let xAdmin: TestUser;
  let xCoord: TestUser;
  const people: TestUser[] = [];

  async function outbox(trainingId: string): Promise<OutboxMail[]> {
    const { rows } = await sql<OutboxMail>`
      select id::text as id, payload->>'template' as template, payload->>'to' as to, payload->'props' as props
      from private.outbox where payload->'props'->>'trainingId' = ${trainingId} order by id
    `.execute(database.db);
    return rows;
  }

  /** The training's mails of one template, rendered. */
  async function rendered(trainingId: string, template: string): Promise<Array<OutboxMail & { mail: RenderedMail }>> {
    const rows = (await outbox(trainingId)).filter((r) => r.template === template);
    return Promise.all(rows.map(async (r) => ({ ...r, mail: await renderMail(r.template, r.props, { appUrl }) })));
  }

  function expectTrainingLink(mail: RenderedMail, trainingId: string) {
    const link = `${appUrl}/fortbildungen/${trainingId}`;
    expect(extractLink({ html: mail.html, text: "" }, "/fortbildungen/")).toBe(link);
    expect(extractLink({ html: "", text: mail.text }, "/fortbildungen/")).toBe(link);
  }

  async function expireOffer(registrationId: string) {
    await sql`update public.training_registrations set offer_expires_at = now() - interval '1 minute' where id = ${registrationId}::uuid`.execute(
      database.db,
    );
  }

  beforeAll(async () => {
    database = await freshDatabase();
    network = await createNetwork(database);
    organizerOrg = await createOrg(database, { name: "Bildungswerk Niederrhein" });
    await sql`update public.organizations set email = 'fortbildung@bildungswerk.example' where id = ${organizerOrg.id}::uuid`.execute(
      database.db,
    );
    orgX = await createOrg(database, { name: "Du & Ich e. V." });
    for (const org of [organizerOrg, orgX]) await joinNetwork(database, network.id, org.id);
    organizer = await createUser(database, { fullName: "Olga Organisatorin" });
    await addMember(database, organizerOrg.id, organizer.id, "admin");
    xAdmin = await createUser(database, { fullName: "Xenia Admin" });
    xCoord = await createUser(database, { fullName: "Xaver Koordination" });
    await addMember(database, orgX.id, xAdmin.id, "admin");
    await addMember(database, orgX.id, xCoord.id, "coordinator");
    for (const name of ["Anna Berger", "Bernd Cosic", "Carla Demir", "Dieter Engel"]) {
      const person = await createUser(database, { fullName: name });
      await addMember(database, orgX.id, person.id, "member");
      people.push(person);
    }
  });

  const training = (options: Parameters<typeof createTraining>[3] = {}) =>
    createTraining(organizer, organizerOrg.id, network.id, options);

  describe("every template renders from what the SQL sends", () => {
    const seen = new Set<string>();
    afterAll(() => {
      // Together, the cases below render all eight training templates from real rows.
      expect([...seen].sort()).toEqual([
        "training-approval-requested",
        "training-cancelled",
        "training-confirmed",
        "training-go-no-go",
        "training-offer",
        "training-registration-cancelled",
        "training-reminder",
        "training-waitlisted",
      ]);
    });
    const note = (template: string) => seen.add(template);

    it("confirmed, waitlisted, cancelled by the person, offer, offer expired (through the job tick)", async () => {
      const [anna, bernd, carla] = people as [TestUser, TestUser, TestUser];
      const t = await training({ title: "Deeskalation im Alltag", capacity: 1, feeCents: 4500, offerHours: 48 });
      const a = await registerSelf(anna, t);
      const b = await registerSelf(bernd, t);
      const c = await registerSelf(carla, t);

      const [confirmed] = await rendered(t, "training-confirmed");
      note("training-confirmed");
      expect(confirmed!.to).toBe(anna.email);
      expect(confirmed!.mail.subject).toBe("Anmeldung bestätigt: Deeskalation im Alltag");
      expect(confirmed!.mail.text).toContain("Guten Tag Anna Berger,");
      expect(confirmed!.mail.text).toContain("Ihr Platz in der Fortbildung „Deeskalation im Alltag“ ist bestätigt.");
      expect(confirmed!.mail.text).toContain("Bildungshaus, Am Markt 1, 46483 Wesel");
      expect(confirmed!.mail.text).toContain("45,00\u00a0€ je Platz");
      expect(confirmed!.mail.text).toContain("Bildungswerk Niederrhein");
      expect(confirmed!.mail.text).toMatch(/2 Termine\n(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. \S+ \d{4}, \d\d:\d\d–\d\d:\d\d Uhr/);
      expectTrainingLink(confirmed!.mail, t);
      expect(confirmed!.mail.attachments).toHaveLength(1);
      expect(confirmed!.mail.attachments![0]).toMatchObject({
        filename: "deeskalation-im-alltag.ics",
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
      });

      const waitlisted = await rendered(t, "training-waitlisted");
      note("training-waitlisted");
      expect(waitlisted.map((w) => [w.to, w.props.position])).toEqual([
        [bernd.email, 1],
        [carla.email, 2],
      ]);
      expect(waitlisted[1]!.mail.subject).toBe("Warteliste, Platz 2: Deeskalation im Alltag");
      expect(waitlisted[1]!.mail.text).toContain("Platz 2");
      expect(waitlisted[1]!.mail.attachments).toBeUndefined();
      expectTrainingLink(waitlisted[1]!.mail, t);

      // Anna cancels: she is told (with a calendar file that removes the entry), Bernd gets the offer.
      await call(anna, sql`select public.cancel_training_registration(${a}::uuid)`);
      const [cancelled] = await rendered(t, "training-registration-cancelled");
      note("training-registration-cancelled");
      expect(cancelled!.to).toBe(anna.email);
      expect(cancelled!.props.reason).toBe("cancelled");
      expect(cancelled!.mail.subject).toBe("Anmeldung storniert: Deeskalation im Alltag");
      expect(cancelled!.mail.text).toContain("Ihre Anmeldung zur Fortbildung „Deeskalation im Alltag“ ist storniert.");
      expect(cancelled!.mail.attachments?.map((x) => x.filename)).toEqual(["absage-deeskalation-im-alltag.ics"]);
      expect(String(cancelled!.mail.attachments![0]!.content)).toContain("METHOD:CANCEL");

      const [offer] = await rendered(t, "training-offer");
      note("training-offer");
      expect(offer!.to).toBe(bernd.email);
      const expires = new Date(String(offer!.props.offerExpiresAt));
      expect(Math.abs(expires.getTime() - (Date.now() + 48 * HOUR))).toBeLessThan(5 * 60_000);
      const expiresText = new Intl.DateTimeFormat("de-DE", {
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "Europe/Berlin",
      }).format(expires);
      expect(offer!.mail.subject).toContain(`Platz frei – bitte bis ${expiresText}, `);
      expect(offer!.mail.text).toContain(`Bitte nehmen Sie den Platz bis ${expiresText}, `);
      expect(offer!.mail.text).toContain("Platz jetzt annehmen");
      expect(offer!.mail.attachments).toBeUndefined();
      expectTrainingLink(offer!.mail, t);

      // Bernd lets the offer run out; one tick of the periodic jobs moves it on to Carla.
      await expireOffer(b);
      const outcome = await runPeriodicJobsOnce();
      expect(outcome["training-jobs"]).toMatchObject({ status: "ok", result: { offersExpired: 1 } });
      expect((await registration(database.db, b)).status).toBe("declined");
      expect((await registration(database.db, c)).status).toBe("offered");
      const expired = (await rendered(t, "training-registration-cancelled")).find((m) => m.to === bernd.email)!;
      expect(expired.props.reason).toBe("offer_expired");
      expect(expired.mail.subject).toBe("Platzangebot verfallen: Deeskalation im Alltag");
      expect(expired.mail.text).toContain("das Platzangebot für „Deeskalation im Alltag“ ist abgelaufen");
      expect(expired.mail.attachments).toBeUndefined();
      expect((await rendered(t, "training-offer")).map((o) => o.to)).toEqual([bernd.email, carla.email]);

      // Carla accepts: her confirmation carries the calendar file.
      await call(carla, sql`select public.accept_training_offer(${c}::uuid)`);
      expect((await rendered(t, "training-confirmed")).map((m) => m.to)).toEqual([anna.email, carla.email]);
    });

    it("client seats, approvals by the Träger and the organizer, rejection, removal by the organizer", async () => {
      const [anna] = people as [TestUser];
      const t = await training({ title: "Kinderschutz nach § 8a", capacity: 10, needsOrgApproval: true, needsOrganizerApproval: true });
      const seats = await register(xCoord, t, null, 3);
      const approvals = await rendered(t, "training-approval-requested");
      note("training-approval-requested");
      const byApproval = (kind: string) => approvals.filter((m) => m.props.approval === kind);
      expect(byApproval("org").map((m) => m.to)).toEqual([xAdmin.email]);
      expect(byApproval("organizer").map((m) => m.to)).toEqual([organizer.email]);
      const toAdmin = byApproval("org")[0]!.mail;
      expect(toAdmin.subject).toBe("Freigabe erbeten: 3 Plätze für Klient:innen (Du & Ich e. V.) für Kinderschutz nach § 8a");
      expect(toAdmin.text).toContain("Guten Tag Xenia Admin,");
      expect(toAdmin.text).toContain("Freigabe durch den eigenen Träger");
      expect(toAdmin.text).toContain("für 3 Plätze 135,00\u00a0€");
      expect(byApproval("organizer")[0]!.mail.text).toContain("Als Veranstalter entscheiden Sie");
      expectTrainingLink(toAdmin, t);

      // Anna's own registration: the organizer refuses it.
      const mine = await registerSelf(anna, t);
      const forAnna = (await rendered(t, "training-approval-requested")).find(
        (m) => m.props.registrationId === mine && m.props.approval === "org",
      )!;
      expect(forAnna.mail.subject).toBe("Freigabe erbeten: Anna Berger (Du & Ich e. V.) für Kinderschutz nach § 8a");
      await call(organizer, sql`select public.decide_training_approval(${mine}::uuid, 'organizer', false)`);
      const rejected = (await rendered(t, "training-registration-cancelled")).find((m) => m.props.reason === "approval_rejected")!;
      expect(rejected.to).toBe(anna.email);
      expect(rejected.mail.subject).toBe("Anmeldung nicht freigegeben: Kinderschutz nach § 8a");
      expect(rejected.mail.text).toContain("wurde nicht freigegeben");
      expect(rejected.mail.attachments).toBeUndefined();

      // The client seats are approved by both and confirmed: the mail goes to the coordinator who booked.
      await call(xAdmin, sql`select public.decide_training_approval(${seats}::uuid, 'org', true)`);
      await call(organizer, sql`select public.decide_training_approval(${seats}::uuid, 'organizer', true)`);
      const [confirmed] = await rendered(t, "training-confirmed");
      expect(confirmed!.to).toBe(xCoord.email);
      expect(confirmed!.props).toMatchObject({ clientSeats: true, seats: 3, participantName: null });
      expect(confirmed!.mail.text).toContain("die 3 Plätze für Klient:innen von Du & Ich e. V. in der Fortbildung „Kinderschutz nach § 8a“ sind bestätigt.");

      // The organizer removes them.
      await call(organizer, sql`select public.cancel_training_registration(${seats}::uuid)`);
      const removed = (await rendered(t, "training-registration-cancelled")).find((m) => m.props.reason === "removed_by_organizer")!;
      expect(removed.to).toBe(xCoord.email);
      expect(removed.mail.subject).toBe("Anmeldung vom Veranstalter storniert: Kinderschutz nach § 8a");
      expect(removed.mail.text).toContain("der Veranstalter Bildungswerk Niederrhein hat die Anmeldung von 3 Plätzen für Klient:innen");
      expect(removed.mail.attachments).toHaveLength(1);
    });

    it("go/no-go and reminders come from the job tick; cancelling a training tells everyone", async () => {
      const [anna, bernd] = people as [TestUser, TestUser];
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
      const start = Date.now() + 5 * HOUR;
      const t = await training({
        title: "Traumapädagogik kompakt",
        capacity: 5,
        minParticipants: 5,
        goNoGoDate: today,
        sessions: [{ startsAt: new Date(start), endsAt: new Date(start + 2 * HOUR) }],
      });
      // An online training: the link instead of (here: as well as) the place.
      await sql`update public.trainings set online_url = 'https://meet.example/traumapaedagogik' where id = ${t}::uuid`.execute(database.db);
      await registerSelf(anna, t);
      await registerSelf(bernd, t);

      const outcome = await runPeriodicJobsOnce();
      expect(outcome["training-jobs"]).toMatchObject({ status: "ok", result: { goNoGoFlagged: 1, remindersQueued: 2 } });

      const [goNoGo] = await rendered(t, "training-go-no-go");
      note("training-go-no-go");
      expect(goNoGo!.to).toBe(organizer.email);
      expect(goNoGo!.mail.subject).toBe("Mindestteilnehmerzahl nicht erreicht: Traumapädagogik kompakt");
      expect(goNoGo!.mail.text).toMatch(/zum Stichtag \(\d{1,2}\. \S+ \d{4}\) erst 2 Plätze bestätigt – die Mindestzahl liegt bei 5\./);
      expect(goNoGo!.mail.text).toContain("Guten Tag Olga Organisatorin,");
      expectTrainingLink(goNoGo!.mail, t);

      const [reminder] = await rendered(t, "training-reminder");
      note("training-reminder");
      expect((await rendered(t, "training-reminder")).map((m) => m.to)).toEqual([anna.email, bernd.email]);
      expect(reminder!.to).toBe(anna.email);
      expect(reminder!.mail.subject).toMatch(/^Erinnerung: Traumapädagogik kompakt beginnt am \w+, \d{1,2}\. \S+ \d{4}, \d\d:\d\d Uhr$/);
      expect(reminder!.mail.text).toContain("https://meet.example/traumapaedagogik");
      expect(reminder!.mail.html).toContain('href="https://meet.example/traumapaedagogik"');
      expect(reminder!.mail.attachments?.[0]?.filename).toBe("traumapaedagogik-kompakt.ics");
      expectTrainingLink(reminder!.mail, t);

      // Nothing twice on the next tick.
      expect((await runPeriodicJobsOnce())["training-jobs"]).toMatchObject({
        status: "ok",
        result: { goNoGoFlagged: 0, remindersQueued: 0 },
      });

      await call(organizer, sql`select public.cancel_training(${t}::uuid, ${"Zu wenige Anmeldungen.\nWir planen neu für das Frühjahr."})`);
      const cancelled = await rendered(t, "training-cancelled");
      note("training-cancelled");
      expect(cancelled.map((m) => m.to)).toEqual([anna.email, bernd.email]);
      const mail = cancelled[0]!.mail;
      expect(mail.subject).toMatch(/^Abgesagt: Traumapädagogik kompakt am \w+, \d{1,2}\. \S+ \d{4}$/);
      expect(mail.text).toContain("Bildungswerk Niederrhein hat sie abgesagt");
      expect(mail.text).toContain("Zu wenige Anmeldungen.\nWir planen neu für das Frühjahr.");
      expect(mail.attachments?.[0]?.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
      const { calendar, events } = parseIcs(String(mail.attachments![0]!.content));
      expect(calendar.METHOD).toBe("CANCEL");
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ STATUS: "CANCELLED", SEQUENCE: "1", UID: `training-${t}-1@traegerkreis` });
      expectTrainingLink(mail, t);
    });
  });

  describe("the calendar file", () => {
    it("has one event per session, in Berlin time for winter (CET) and summer (CEST) sessions", async () => {
      const year = new Date().getUTCFullYear() + 1;
      // 09:00–12:00 in Wesel: 08:00Z in January, 07:00Z in June.
      const winter = { startsAt: new Date(Date.UTC(year, 0, 14, 8)), endsAt: new Date(Date.UTC(year, 0, 14, 11)) };
      const summer = { startsAt: new Date(Date.UTC(year, 5, 17, 7)), endsAt: new Date(Date.UTC(year, 5, 17, 10)) };
      const t = await training({ title: "Systemische Gesprächsführung: Grundlagen & Übungen", sessions: [winter, summer] });
      const [anna] = people as [TestUser];
      await registerSelf(anna, t);
      const [confirmed] = await rendered(t, "training-confirmed");
      // The mail says the Berlin times.
      expect(confirmed!.mail.text).toContain(`14. Januar ${year}, 09:00–12:00 Uhr`);
      expect(confirmed!.mail.text).toContain(`17. Juni ${year}, 09:00–12:00 Uhr`);

      const ics = String(confirmed!.mail.attachments![0]!.content);
      const { calendar, events } = parseIcs(ics);
      expect(calendar).toMatchObject({ VERSION: "2.0", PRODID: "-//Traegerkreis//Fortbildungen//DE", METHOD: "PUBLISH" });
      expect(events).toHaveLength(2);
      const url = `${appUrl}/fortbildungen/${t}`;
      expect(events[0]).toMatchObject({
        UID: `training-${t}-1@traegerkreis`,
        DTSTART: `${year}0114T090000`,
        DTEND: `${year}0114T120000`,
        SUMMARY: "Systemische Gesprächsführung: Grundlagen & Übungen (Termin 1/2)",
        LOCATION: "Bildungshaus\\, Am Markt 1\\, 46483 Wesel",
        URL: url,
        STATUS: "CONFIRMED",
        SEQUENCE: "0",
        ORGANIZER: "mailto:fortbildung@bildungswerk.example",
      });
      expect(events[0]!["DTSTART@params"]).toBe("DTSTART;TZID=Europe/Berlin");
      expect(icsUtc(winter.startsAt)).toBe(`${year}0114T080000Z`);
      expect(events[1]).toMatchObject({ UID: `training-${t}-2@traegerkreis`, DTSTART: `${year}0617T090000`, DTEND: `${year}0617T120000` });
      expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin");
      expect(events[0]!["ORGANIZER@params"]).toContain('CN="Bildungswerk Niederrhein"');
      expect(events[0]!.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(events[0]!.DESCRIPTION).toContain(`Details im Trägerkreis: ${url}`);
      expect(events[0]!.DESCRIPTION).toContain("Termin 1 von 2.");
    });

    it("folds long lines by octets and leaves out the organizer without an address", () => {
      const ics = trainingIcs({
        title: "Ä".repeat(120),
        sessions: [{ position: 3, startsAt: "2030-03-01T09:00:00+01:00", endsAt: "2030-03-01T12:00:00+01:00" }],
        onlineUrl: "https://meet.example/raum",
        organizerName: "KIZ Niederrhein",
        organizerEmail: null,
        url: "https://traegerkreis.example/fortbildungen/x",
        uid: "training-x@traegerkreis",
      });
      const { events } = parseIcs(ics);
      expect(events[0]).toMatchObject({
        UID: "training-x-3@traegerkreis",
        SUMMARY: "Ä".repeat(120),
        DTSTART: "20300301T090000",
        LOCATION: "https://meet.example/raum",
      });
      expect(events[0]!.ORGANIZER).toBeUndefined();
      expect(sessionUid("plain", 2)).toBe("plain-2");
      expect(() => trainingIcs({ title: "x", sessions: [], url: "https://x.example", uid: "u" })).toThrow(/sessions/);
    });
  });

  describe("the worker", () => {
    let fake: FakeResend;
    const saved = { ...process.env };

    beforeAll(async () => {
      fake = await startFakeResend();
    });
    beforeEach(async () => {
      process.env.RESEND_API_KEY = "re_test_key";
      process.env.RESEND_BASE_URL = fake.url;
      process.env.APP_URL = appUrl;
      resetEnvCache();
      fake.clear();
      await sql`delete from private.outbox`.execute(database.db);
    });
    afterEach(() => {
      process.env = { ...saved };
      resetEnvCache();
    });
    afterAll(async () => {
      await fake.stop();
    });

    it("sends the confirmation with its .ics attachment through Resend", async () => {
      const [, , , dieter] = people as [TestUser, TestUser, TestUser, TestUser];
      const t = await training({ title: "Erste Hilfe am Kind" });
      await registerSelf(dieter, t);
      const [row] = await outbox(t);
      const expected = await renderMail(row!.template, row!.props, { appUrl });

      expect(await processOutboxOnce()).toMatchObject({ sent: 1, failed: 0 });

      expect(fake.mails).toHaveLength(1);
      const sent = fake.mails[0]!;
      expect(sent).toMatchObject({ to: [dieter.email], subject: "Anmeldung bestätigt: Erste Hilfe am Kind" });
      expect(sent.attachments).toHaveLength(1);
      const attachment = sent.attachments[0]!;
      expect(attachment).toMatchObject({
        filename: "erste-hilfe-am-kind.ics",
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
      });
      // The same file (apart from its time stamp), bytes intact across base64.
      const withoutStamp = (s: string) => s.replace(/DTSTAMP:\d{8}T\d{6}Z/g, "");
      expect(withoutStamp(attachment.text)).toBe(withoutStamp(String(expected.attachments![0]!.content)));
      expect(attachment.text).toContain(`UID:training-${t}-1@traegerkreis`);
      expect(parseIcs(attachment.text).events).toHaveLength(2);
      // A mail without attachments sends none.
      const full = await training({ title: "Voll", capacity: 1 });
      await registerSelf(people[0]!, full);
      await registerSelf(dieter, full);
      await processOutboxOnce();
      const waitlisted = fake.mails.find((m) => m.subject.startsWith("Warteliste"))!;
      expect(waitlisted.attachments).toEqual([]);
    });
  });

  describe("the periodic jobs", () => {
    it("runs each job once at a time, logs failures and keeps going", async () => {
      const error = vi.spyOn(console, "error").mockImplementation(() => {});
      let release!: () => void;
      let runs = 0;
      const slow: PeriodicJob = {
        name: "slow",
        run: () =>
          new Promise((resolve) => {
            runs += 1;
            release = () => resolve(1);
          }),
      };
      const broken: PeriodicJob = { name: "broken", run: () => Promise.reject(new Error("database gone")) };
      const fine: PeriodicJob = { name: "fine", run: async () => ({ done: 2 }) };

      const first = runPeriodicJobsOnce([slow, broken, fine]);
      await new Promise((r) => setTimeout(r, 10));
      // The slow job is still going: a second tick skips it, runs the others.
      const second = await runPeriodicJobsOnce([slow, broken, fine]);
      expect(second).toEqual({
        slow: { status: "skipped" },
        broken: { status: "failed", error: "Error: database gone" },
        fine: { status: "ok", result: { done: 2 } },
      });
      release();
      expect((await first).slow).toEqual({ status: "ok", result: 1 });
      expect(runs).toBe(1);
      expect(error).toHaveBeenCalledTimes(2);
      expect(error.mock.calls[0]?.[0]).toContain("[jobs] broken failed: Error: database gone");
      // After it finished, it runs again.
      const third = runPeriodicJobsOnce([slow]);
      await new Promise((r) => setTimeout(r, 10));
      release();
      expect(await third).toEqual({ slow: { status: "ok", result: 1 } });
      expect(runs).toBe(2);
    });

    it("the worker runs the jobs as soon as it starts", async () => {
      const saved = { ...process.env };
      process.env.OUTBOX_POLL_MS = "600000"; // no mail poll during this test
      process.env.JOBS_INTERVAL_MS = "600000";
      resetEnvCache();
      const [, , carla, dieter] = people as [TestUser, TestUser, TestUser, TestUser];
      const t = await training({ capacity: 1, title: "Medienkompetenz" });
      const c = await registerSelf(carla, t);
      const d = await registerSelf(dieter, t);
      await call(carla, sql`select public.cancel_training_registration(${c}::uuid)`);
      await expireOffer(d);
      try {
        startOutboxWorker();
        const deadline = Date.now() + 10_000;
        while ((await registration(database.db, d)).status !== "declined" && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 50));
        }
        expect((await registration(database.db, d)).closed_reason).toBe("offer_expired");
      } finally {
        stopOutboxWorker();
        process.env = saved;
        resetEnvCache();
      }
    });

    it("the registered training job runs as service_role and leaves sound counts", async () => {
      const [anna, bernd] = people as [TestUser, TestUser];
      const t = await training({ capacity: 1, title: "Datenschutz kompakt" });
      const a = await registerSelf(anna, t);
      const b = await registerSelf(bernd, t);
      await call(anna, sql`select public.cancel_training_registration(${a}::uuid)`);
      await expireOffer(b);
      const outcome = await runPeriodicJobsOnce();
      expect(outcome["training-jobs"]).toMatchObject({ status: "ok" });
      expect((await registrationsOf(database.db, t)).map((r) => [r.status, r.closed_reason])).toEqual([
        ["cancelled", "cancelled"],
        ["declined", "offer_expired"],
      ]);
    });
  });
});
