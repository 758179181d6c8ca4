// The seat rule and the waitlist state machine of Gemeinsame Fortbildungen, through the SQL
// functions as the signed-in user (asUser): register → confirmed / pending_approval / waitlisted;
// cancel → the first in line gets an offer; offer accepted → confirmed; declined or expired → the
// next in line; the organizer moves someone with a reason; contingents cap a Träger until their
// release date; approvals gate confirmation (a pending approval holds its seat); go/no-go,
// reminders, cancelling a training, attendance and "held". And every bad input: a TK_* code with
// a German message, nothing written. Runs on PGlite and on the server (TEST_DB=postgres).
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { userMessageFor } from "~/.server/db/errors";
import { asUser } from "~/.server/db/request";
import { renderNotification } from "~/i18n/notifications";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, type TestUser } from "../helpers/fixtures";
import {
  call,
  countsOf,
  createTraining,
  defaultSessions,
  footprint,
  invariantViolations,
  register,
  registerSelf,
  registration,
  registrationsOf,
  runJob,
  sessionsJson,
  tkCode,
  trainingMails,
} from "../helpers/trainings";

const HOUR = 3600_000;

describe("training seats and the waitlist", () => {
  let database: Database;
  let network: { id: string };
  let organizerOrg: { id: string; name: string };
  let orgX: { id: string };
  let orgY: { id: string };
  let organizer: TestUser;
  let organizerMember: TestUser;
  let xAdmin: TestUser;
  let xCoord: TestUser;
  let yAdmin: TestUser;
  const xPeople: TestUser[] = [];
  const yPeople: TestUser[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    network = await createNetwork(database);
    organizerOrg = await createOrg(database, { name: "Bildungswerk Niederrhein" });
    orgX = await createOrg(database, { name: "Träger X" });
    orgY = await createOrg(database, { name: "Träger Y" });
    for (const org of [organizerOrg, orgX, orgY]) await joinNetwork(database, network.id, org.id);
    organizer = await createUser(database, { fullName: "Olga Organisatorin" });
    organizerMember = await createUser(database, { fullName: "Otto Mitglied" });
    await addMember(database, organizerOrg.id, organizer.id, "admin");
    await addMember(database, organizerOrg.id, organizerMember.id, "member");
    xAdmin = await createUser(database, { fullName: "Xenia Admin" });
    xCoord = await createUser(database, { fullName: "Xaver Koordination" });
    yAdmin = await createUser(database, { fullName: "Yvonne Admin" });
    await addMember(database, orgX.id, xAdmin.id, "admin");
    await addMember(database, orgX.id, xCoord.id, "coordinator");
    await addMember(database, orgY.id, yAdmin.id, "admin");
    for (let i = 1; i <= 6; i++) {
      const x = await createUser(database, { fullName: `X-Fachkraft ${i}` });
      await addMember(database, orgX.id, x.id, "member");
      xPeople.push(x);
      const y = await createUser(database, { fullName: `Y-Fachkraft ${i}` });
      await addMember(database, orgY.id, y.id, "member");
      yPeople.push(y);
    }
  });

  const training = (options: Parameters<typeof createTraining>[3] = {}) =>
    createTraining(organizer, organizerOrg.id, network.id, options);
  const statuses = async (trainingId: string) =>
    (await registrationsOf(database.db, trainingId)).map((r) => [r.status, r.waitlist_position]);
  const expectSound = async (trainingId: string) => expect(await invariantViolations(database.db, trainingId)).toEqual([]);

  describe("registering", () => {
    it("confirms while seats are free, then waitlists in arrival order, with mails", async () => {
      const t = await training({ capacity: 2 });
      const [a, b, c, d] = xPeople;
      await registerSelf(a!, t);
      await registerSelf(b!, t);
      await registerSelf(c!, t);
      await registerSelf(d!, t);
      expect(await statuses(t)).toEqual([
        ["confirmed", null],
        ["confirmed", null],
        ["waitlisted", 1],
        ["waitlisted", 2],
      ]);
      expect(await countsOf(database.db, t)).toMatchObject({ seats_confirmed: 2, seats_taken: 2, waitlist_count: 2 });
      const mails = await trainingMails(database.db, t);
      expect(mails.map((m) => [m.template, m.to])).toEqual([
        ["training-confirmed", a!.email],
        ["training-confirmed", b!.email],
        ["training-waitlisted", c!.email],
        ["training-waitlisted", d!.email],
      ]);
      expect(mails[3]!.props).toMatchObject({ position: 2, name: d!.fullName, trainingTitle: "Deeskalation im Alltag" });
      await expectSound(t);
    });

    it("puts into the confirmation mail what an .ics attachment needs", async () => {
      const sessions = defaultSessions();
      const t = await training({ capacity: 5, sessions });
      await registerSelf(yPeople[0]!, t);
      const [mail] = await trainingMails(database.db, t);
      expect(mail!.template).toBe("training-confirmed");
      expect(mail!.props).toMatchObject({
        trainingId: t,
        trainingTitle: "Deeskalation im Alltag",
        path: `/fortbildungen/${t}`,
        icsUid: `training-${t}@traegerkreis`,
        organizerName: "Bildungswerk Niederrhein",
        place: "Bildungshaus, Am Markt 1, 46483 Wesel",
        gemeinde: "Wesel",
        onlineUrl: null,
        feeCents: 4500,
        seats: 1,
        clientSeats: false,
        name: "Y-Fachkraft 1",
        orgName: "Träger Y",
      });
      const got = mail!.props.sessions as { position: number; startsAt: string; endsAt: string }[];
      expect(got.map((s) => [s.position, new Date(s.startsAt).getTime(), new Date(s.endsAt).getTime()])).toEqual(
        sessions.map((s, i) => [i + 1, s.startsAt.getTime(), s.endsAt.getTime()]),
      );
      const [note] = await asUser(yPeople[0]!, (tx) => tx.selectFrom("notifications").selectAll().where("kind", "=", "training.confirmed").execute());
      expect(note).toMatchObject({
        data: { trainingTitle: "Deeskalation im Alltag", seats: 1, clientSeats: false },
        link: `/fortbildungen/${t}`,
      });
      expect(renderNotification(note!.kind, note!.data)).toEqual({
        title: "Platz bestätigt: Deeskalation im Alltag",
        body: "Ihr Platz in „Deeskalation im Alltag“ ist bestätigt.",
      });
    });

    it("lets admins register colleagues and coordinators book anonymous client seats", async () => {
      const t = await training({ capacity: 6 });
      await register(xAdmin, t, xPeople[0]!.id);
      const clients = await register(xCoord, t, null, 3);
      const row = await registration(database.db, clients);
      expect(row).toMatchObject({ user_id: null, seats: 3, status: "confirmed", org_id: orgX.id });
      expect(await countsOf(database.db, t)).toMatchObject({ seats_confirmed: 4 });
      // The client seats' mail goes to the person who booked them; it names no client.
      const mail = (await trainingMails(database.db, t)).find((m) => m.props.registrationId === clients);
      expect(mail).toMatchObject({ to: xCoord.email, props: { clientSeats: true, seats: 3, participantName: null } });
      expect(await tkCode(register(xPeople[1]!, t, xPeople[2]!.id))).toBe("TK_TRAINING_NOT_ALLOWED");
      expect(await tkCode(register(xPeople[1]!, t, null, 2))).toBe("TK_TRAINING_NOT_ALLOWED");
    });

    it("gives client seats to the first in line who fits", async () => {
      const t = await training({ capacity: 3 });
      const first = await registerSelf(xPeople[0]!, t);
      await registerSelf(xPeople[1]!, t);
      await registerSelf(xPeople[2]!, t);
      const group = await register(yAdmin, t, null, 2); // waits at 1
      const single = await registerSelf(yPeople[0]!, t); // waits at 2
      await call(xPeople[0]!, sql`select public.cancel_training_registration(${first}::uuid)`);
      // One seat is free: the group of two does not fit, the single person behind it does.
      expect((await registration(database.db, group)).status).toBe("waitlisted");
      expect((await registration(database.db, group)).waitlist_position).toBe(1);
      expect((await registration(database.db, single)).status).toBe("offered");
      await expectSound(t);
    });
  });

  describe("move-up", () => {
    it("offers a freed seat to the first in line; accept confirms", async () => {
      const t = await training({ capacity: 1, offerHours: 24 });
      const a = await registerSelf(xPeople[0]!, t);
      const b = await registerSelf(xPeople[1]!, t);
      const c = await registerSelf(xPeople[2]!, t);
      await call(xPeople[0]!, sql`select public.cancel_training_registration(${a}::uuid)`);
      const offered = await registration(database.db, b);
      expect(offered.status).toBe("offered");
      expect(offered.offer_expires_at!.getTime()).toBeGreaterThan(Date.now() + 23.9 * HOUR);
      expect(offered.offer_expires_at!.getTime()).toBeLessThan(Date.now() + 24.1 * HOUR);
      expect((await registration(database.db, c)).waitlist_position).toBe(1);
      expect(await countsOf(database.db, t)).toMatchObject({ seats_confirmed: 0, seats_offered: 1, seats_taken: 1 });
      const offerMail = (await trainingMails(database.db, t)).find((m) => m.template === "training-offer");
      expect(offerMail).toMatchObject({ to: xPeople[1]!.email, props: { registrationId: b } });
      expect(new Date(String(offerMail!.props.offerExpiresAt)).getTime()).toBe(offered.offer_expires_at!.getTime());

      await call(xPeople[1]!, sql`select public.accept_training_offer(${b}::uuid)`);
      expect(await statuses(t)).toEqual([
        ["cancelled", null],
        ["confirmed", null],
        ["waitlisted", 1],
      ]);
      const mails = (await trainingMails(database.db, t)).map((m) => [m.template, m.to]);
      expect(mails.at(-1)).toEqual(["training-confirmed", xPeople[1]!.email]);
      expect(mails).toContainEqual(["training-registration-cancelled", xPeople[0]!.email]);
      await expectSound(t);
    });

    it("passes a declined offer to the next in line", async () => {
      const t = await training({ capacity: 1 });
      const a = await registerSelf(yPeople[0]!, t);
      const b = await registerSelf(yPeople[1]!, t);
      const c = await registerSelf(yPeople[2]!, t);
      await call(yAdmin, sql`select public.cancel_training_registration(${a}::uuid)`);
      await call(yPeople[1]!, sql`select public.decline_training_offer(${b}::uuid)`);
      expect(await registration(database.db, b)).toMatchObject({ status: "declined", closed_reason: "offer_declined" });
      expect((await registration(database.db, c)).status).toBe("offered");
      await expectSound(t);
    });

    it("lets an offer expire (worker job, idempotent) and offers the seat to the next in line", async () => {
      const t = await training({ capacity: 1 });
      const a = await registerSelf(xPeople[3]!, t);
      const b = await registerSelf(xPeople[4]!, t);
      const c = await registerSelf(xPeople[5]!, t);
      await call(xPeople[3]!, sql`select public.cancel_training_registration(${a}::uuid)`);
      expect((await registration(database.db, b)).status).toBe("offered");
      await sql`update public.training_registrations set offer_expires_at = now() - interval '1 minute' where id = ${b}::uuid`.execute(
        database.db,
      );
      // Accepting too late is refused and changes nothing.
      const before = await footprint(database.db);
      expect(await tkCode(call(xPeople[4]!, sql`select public.accept_training_offer(${b}::uuid)`))).toBe("TK_TRAINING_OFFER_EXPIRED");
      expect(await footprint(database.db)).toEqual(before);

      expect(await runJob(database, "expire_training_offers")).toBe(1);
      expect(await registration(database.db, b)).toMatchObject({ status: "declined", closed_reason: "offer_expired" });
      expect((await registration(database.db, c)).status).toBe("offered");
      const mails = (await trainingMails(database.db, t)).map((m) => [m.template, m.to, m.props.reason ?? null]);
      expect(mails.slice(-2)).toEqual([
        ["training-registration-cancelled", xPeople[4]!.email, "offer_expired"],
        ["training-offer", xPeople[5]!.email, null],
      ]);
      const again = await footprint(database.db);
      expect(await runJob(database, "expire_training_offers")).toBe(0);
      expect(await footprint(database.db)).toEqual(again);
      await expectSound(t);
    });

    it("ends overdue offers before a new registration takes a seat", async () => {
      const t = await training({ capacity: 1 });
      const a = await registerSelf(yPeople[3]!, t);
      const b = await registerSelf(yPeople[4]!, t);
      await call(yPeople[3]!, sql`select public.cancel_training_registration(${a}::uuid)`);
      await sql`update public.training_registrations set offer_expires_at = now() - interval '1 minute' where id = ${b}::uuid`.execute(
        database.db,
      );
      // No worker ran; the next registration still finds the seat free and takes it.
      const c = await registerSelf(yPeople[5]!, t);
      expect((await registration(database.db, b)).closed_reason).toBe("offer_expired");
      expect((await registration(database.db, c)).status).toBe("confirmed");
      await expectSound(t);
    });

    it("offers seats when the organizer raises the capacity", async () => {
      const t = await training({ capacity: 1 });
      await registerSelf(xPeople[0]!, t);
      const b = await registerSelf(xPeople[1]!, t);
      const c = await registerSelf(xPeople[2]!, t);
      await asUser(organizer, (tx) => tx.updateTable("trainings").set({ capacity: 2 }).where("id", "=", t).execute());
      expect((await registration(database.db, b)).status).toBe("offered");
      expect((await registration(database.db, c)).waitlist_position).toBe(1);
      await expectSound(t);
    });

    it("lets the organizer move someone in the waitlist, with a recorded reason", async () => {
      const t = await training({ capacity: 1 });
      const a = await registerSelf(yPeople[0]!, t);
      const b = await registerSelf(yPeople[1]!, t);
      const c = await registerSelf(yPeople[2]!, t);
      const d = await registerSelf(xPeople[0]!, t);
      await call(organizer, sql`select public.move_training_registration(${d}::uuid, 1, ${"  Braucht das Zertifikat bis März  "})`);
      expect((await registrationsOf(database.db, t)).map((r) => [r.id, r.waitlist_position])).toEqual([
        [a, null],
        [b, 2],
        [c, 3],
        [d, 1],
      ]);
      const moves = await asUser(organizer, (tx) => tx.selectFrom("training_queue_moves").selectAll().where("training_id", "=", t).execute());
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({ registration_id: d, from_position: 3, to_position: 1, reason: "Braucht das Zertifikat bis März", moved_by: organizer.id });
      // The person moved is told; the organizer's audit log has the move (without the reason).
      const note = await asUser(xPeople[0]!, (tx) => tx.selectFrom("notifications").select(["kind", "data"]).where("kind", "=", "training.moved").executeTakeFirst());
      expect(note?.data).toMatchObject({ position: 1 });
      expect(renderNotification(note!.kind, note!.data).body).toMatch(/Platz 1 der Warteliste/);

      await call(organizer, sql`select public.move_training_registration(${b}::uuid, 3, ${"Tausch mit Kollegin"})`);
      expect((await registrationsOf(database.db, t)).map((r) => r.waitlist_position)).toEqual([null, 3, 2, 1]);

      await call(yPeople[0]!, sql`select public.cancel_training_registration(${a}::uuid)`);
      expect((await registration(database.db, d)).status).toBe("offered");
      await expectSound(t);

      const before = await footprint(database.db);
      expect(await tkCode(call(organizer, sql`select public.move_training_registration(${c}::uuid, 1, ${" "})`))).toBe(
        "TK_TRAINING_MOVE_REASON_MISSING",
      );
      expect(await tkCode(call(organizer, sql`select public.move_training_registration(${c}::uuid, 3, ${"Grund"})`))).toBe(
        "TK_TRAINING_POSITION_INVALID",
      );
      expect(await tkCode(call(organizer, sql`select public.move_training_registration(${d}::uuid, 1, ${"Grund"})`))).toBe(
        "TK_TRAINING_NOT_WAITLISTED",
      );
      expect(await tkCode(call(yPeople[2]!, sql`select public.move_training_registration(${c}::uuid, 1, ${"Ich zuerst"})`))).toBe(
        "TK_TRAINING_NOT_ALLOWED",
      );
      expect(await footprint(database.db)).toEqual(before);
    });
  });

  describe("contingents", () => {
    it("caps a Träger until the release date; then the seats return to its waiting people (job, idempotent)", async () => {
      const t = await training({ capacity: 5, defaultContingent: 2, contingentReleaseAt: new Date(Date.now() + 1500) });
      const x = [];
      for (const person of xPeople.slice(0, 4)) x.push(await registerSelf(person, t));
      const y = await registerSelf(yPeople[0]!, t);
      expect((await registrationsOf(database.db, t)).map((r) => r.status)).toEqual([
        "confirmed",
        "confirmed",
        "waitlisted",
        "waitlisted",
        "confirmed",
      ]);
      const seats = await asUser(xPeople[0]!, (tx) =>
        sql<{ org_id: string; contingent: number | null; seats_held: number; seats_waitlisted: number }>`
          select * from public.training_org_seats(${t}::uuid)`.execute(tx),
      );
      expect(seats.rows).toEqual([{ org_id: orgX.id, contingent: 2, seats_held: 2, seats_waitlisted: 2, seats_confirmed: 2 }]);

      expect(await runJob(database, "release_training_contingents")).toBe(0); // not yet
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect(await runJob(database, "release_training_contingents")).toBe(2);
      expect((await registrationsOf(database.db, t)).map((r) => r.status)).toEqual([
        "confirmed",
        "confirmed",
        "offered",
        "offered",
        "confirmed",
      ]);
      expect(await runJob(database, "release_training_contingents")).toBe(0);
      expect((await registration(database.db, y)).status).toBe("confirmed");
      await expectSound(t);
    });

    it("returns seats at once when the organizer raises a Träger's own contingent", async () => {
      const t = await training({ capacity: 6 });
      await asUser(organizer, (tx) => tx.insertInto("training_contingents").values({ training_id: t, org_id: orgY.id, max_seats: 1 }).execute());
      await registerSelf(yPeople[0]!, t);
      const second = await registerSelf(yPeople[1]!, t);
      expect((await registration(database.db, second)).status).toBe("waitlisted");
      await asUser(organizer, (tx) =>
        tx.updateTable("training_contingents").set({ max_seats: 2 }).where("training_id", "=", t).where("org_id", "=", orgY.id).execute(),
      );
      expect((await registration(database.db, second)).status).toBe("offered");
      // Lowering it below what Träger Y holds is refused.
      expect(
        await tkCode(
          asUser(organizer, (tx) =>
            tx.updateTable("training_contingents").set({ max_seats: 1 }).where("training_id", "=", t).where("org_id", "=", orgY.id).execute(),
          ),
        ),
      ).toBe("TK_TRAINING_CONTINGENT_BELOW_SEATS");
    });
  });

  describe("approvals", () => {
    it("holds a seat while approvals are pending; the last approval confirms", async () => {
      const t = await training({ capacity: 2, needsOrgApproval: true, needsOrganizerApproval: true });
      const a = await registerSelf(xPeople[0]!, t);
      expect(await registration(database.db, a)).toMatchObject({ status: "pending_approval" });
      expect(await countsOf(database.db, t)).toMatchObject({ seats_pending: 1, seats_taken: 1, seats_confirmed: 0 });
      // The Träger's admin and the organizers are asked.
      const asked = (await trainingMails(database.db, t)).filter((m) => m.template === "training-approval-requested");
      expect(asked.map((m) => [m.to, m.props.approval])).toEqual([
        [xAdmin.email, "org"],
        [organizer.email, "organizer"],
      ]);
      await call(xAdmin, sql`select public.decide_training_approval(${a}::uuid, 'org', true)`);
      expect((await registration(database.db, a)).status).toBe("pending_approval");
      await call(organizer, sql`select public.decide_training_approval(${a}::uuid, 'organizer', true)`);
      expect((await registration(database.db, a)).status).toBe("confirmed");
      expect((await trainingMails(database.db, t)).at(-1)).toMatchObject({ template: "training-confirmed", to: xPeople[0]!.email });
      await expectSound(t);
    });

    it("gives the seat of a rejected registration to the next in line", async () => {
      const t = await training({ capacity: 1, needsOrgApproval: true });
      const a = await registerSelf(yPeople[0]!, t);
      const b = await registerSelf(yPeople[1]!, t);
      // Approving early, while waiting, means the offer confirms directly on acceptance.
      await call(yAdmin, sql`select public.decide_training_approval(${b}::uuid, 'org', true)`);
      await call(yAdmin, sql`select public.decide_training_approval(${a}::uuid, 'org', false)`);
      expect(await registration(database.db, a)).toMatchObject({ status: "declined", closed_reason: "approval_rejected" });
      expect((await registration(database.db, b)).status).toBe("offered");
      await call(yPeople[1]!, sql`select public.accept_training_offer(${b}::uuid)`);
      expect((await registration(database.db, b)).status).toBe("confirmed");
      expect((await trainingMails(database.db, t)).some((m) => m.template === "training-registration-cancelled" && m.props.reason === "approval_rejected")).toBe(true);
      await expectSound(t);
    });
  });

  describe("go/no-go, reminders, cancelling, attendance", () => {
    it("flags a training below its minimum on the go/no-go date, once", async () => {
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
      const t = await training({ capacity: 10, minParticipants: 5, goNoGoDate: today, title: "Traumapädagogik kompakt" });
      await registerSelf(xPeople[0]!, t);
      await registerSelf(yPeople[0]!, t);
      expect(await runJob(database, "check_training_go_no_go")).toBeGreaterThanOrEqual(1);
      const mail = (await trainingMails(database.db, t)).find((m) => m.template === "training-go-no-go");
      expect(mail).toMatchObject({ to: organizer.email, props: { confirmedSeats: 2, minParticipants: 5 } });
      const note = await asUser(organizer, (tx) => tx.selectFrom("notifications").selectAll().where("kind", "=", "training.go_no_go").execute());
      expect(note.map((n) => renderNotification(n.kind, n.data).title)).toContain("Mindestzahl nicht erreicht: Traumapädagogik kompakt");
      const before = await footprint(database.db);
      expect(await runJob(database, "check_training_go_no_go")).toBe(0);
      expect(await footprint(database.db)).toEqual(before);
    });

    it("queues reminders a day before, once, for confirmed registrations only", async () => {
      const start = Date.now() + 5 * HOUR;
      const t = await training({ capacity: 1, sessions: [{ startsAt: new Date(start), endsAt: new Date(start + 2 * HOUR) }] });
      await registerSelf(xPeople[1]!, t);
      await registerSelf(xPeople[2]!, t); // waiting: no reminder
      expect(await runJob(database, "queue_training_reminders")).toBe(1);
      const reminders = (await trainingMails(database.db, t)).filter((m) => m.template === "training-reminder");
      expect(reminders.map((m) => m.to)).toEqual([xPeople[1]!.email]);
      expect(await runJob(database, "queue_training_reminders")).toBe(0);
    });

    it("cancelling a training tells everyone and frees nothing twice", async () => {
      const t = await training({ capacity: 1 });
      await registerSelf(yPeople[0]!, t);
      await registerSelf(yPeople[1]!, t);
      await call(organizer, sql`select public.cancel_training(${t}::uuid, ${"Die Referentin ist erkrankt."})`);
      expect((await registrationsOf(database.db, t)).map((r) => [r.status, r.closed_reason])).toEqual([
        ["cancelled", "training_cancelled"],
        ["cancelled", "training_cancelled"],
      ]);
      const mails = (await trainingMails(database.db, t)).filter((m) => m.template === "training-cancelled");
      expect(mails.map((m) => m.to)).toEqual([yPeople[0]!.email, yPeople[1]!.email]);
      expect(mails[0]!.props.reason).toBe("Die Referentin ist erkrankt.");
      expect(await countsOf(database.db, t)).toMatchObject({ status: "cancelled", seats_taken: 0, waitlist_count: 0 });
      expect(await tkCode(registerSelf(yPeople[2]!, t))).toBe("TK_TRAINING_CANCELLED");
      expect(await tkCode(call(organizer, sql`select public.cancel_training(${t}::uuid, null)`))).toBe("TK_TRAINING_CLOSED");
    });

    it("records attendance per session; held turns confirmed into attended or no_show", async () => {
      const t = await training({ capacity: 5 });
      const a = await registerSelf(xPeople[0]!, t);
      const b = await registerSelf(xPeople[1]!, t);
      const clients = await register(xCoord, t, null, 3);
      const [first] = await database.db.selectFrom("training_sessions").select("id").where("training_id", "=", t).orderBy("position").execute();
      expect(await tkCode(call(organizer, sql`select public.set_training_attendance(${a}::uuid, ${first!.id}::uuid, 1)`))).toBe(
        "TK_TRAINING_NOT_STARTED",
      );
      expect(await tkCode(call(organizer, sql`select public.mark_training_held(${t}::uuid)`))).toBe("TK_TRAINING_NOT_STARTED");
      // The first session has begun.
      await sql`update public.training_sessions set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour'
                where training_id = ${t}::uuid and position = 1`.execute(database.db);
      await sql`update public.trainings set starts_at = now() - interval '2 hours' where id = ${t}::uuid`.execute(database.db);
      await call(organizer, sql`select public.set_training_attendance(${a}::uuid, ${first!.id}::uuid, 1)`);
      await call(organizer, sql`select public.set_training_attendance(${b}::uuid, ${first!.id}::uuid, 0)`);
      await call(organizer, sql`select public.set_training_attendance(${clients}::uuid, ${first!.id}::uuid, 2)`);
      expect(await tkCode(call(organizer, sql`select public.set_training_attendance(${clients}::uuid, ${first!.id}::uuid, 4)`))).toBe(
        "TK_TRAINING_ATTENDANCE_INVALID",
      );
      expect(await tkCode(call(xPeople[0]!, sql`select public.cancel_training_registration(${a}::uuid)`))).toBe("TK_TRAINING_PAST");
      await call(organizer, sql`select public.mark_training_held(${t}::uuid)`);
      expect((await registrationsOf(database.db, t)).map((r) => r.status)).toEqual(["attended", "no_show", "attended"]);
      // A late correction after "held" updates the outcome.
      await call(organizer, sql`select public.set_training_attendance(${b}::uuid, ${first!.id}::uuid, 1)`);
      expect((await registration(database.db, b)).status).toBe("attended");
      expect(await countsOf(database.db, t)).toMatchObject({ status: "held", seats_confirmed: 5 });
      expect(await tkCode(registerSelf(xPeople[3]!, t))).toBe("TK_TRAINING_PAST");
    });
  });

  describe("bad input: a German message, nothing written", () => {
    async function refuses(code: string, action: () => Promise<unknown>) {
      const before = await footprint(database.db);
      let caught: unknown;
      try {
        await action();
      } catch (error) {
        caught = error;
      }
      expect(caught, `expected ${code}`).toBeDefined();
      expect(await tkCode(Promise.reject(caught))).toBe(code);
      const message = userMessageFor(caught);
      expect(message).toBeDefined();
      expect(message).not.toBe("Die Aktion ist nicht möglich.");
      expect(await footprint(database.db)).toEqual(before);
    }

    it("refuses sessions out of order, a session ending before it starts, and none at all", async () => {
      const t = await training({ publish: false });
      const later = Date.now() + 20 * 24 * HOUR;
      await refuses("TK_TRAINING_SESSIONS_OUT_OF_ORDER", () =>
        call(
          organizer,
          sql`select public.set_training_sessions(${t}::uuid, ${sessionsJson([
            { startsAt: new Date(later), endsAt: new Date(later + 2 * HOUR) },
            { startsAt: new Date(later - 24 * HOUR), endsAt: new Date(later - 22 * HOUR) },
          ])}::text::jsonb)`,
        ),
      );
      await refuses("TK_TRAINING_SESSION_ENDS_BEFORE_START", () =>
        call(
          organizer,
          sql`select public.set_training_sessions(${t}::uuid, ${sessionsJson([{ startsAt: new Date(later), endsAt: new Date(later - HOUR) }])}::text::jsonb)`,
        ),
      );
      await refuses("TK_TRAINING_SESSIONS_MISSING", () => call(organizer, sql`select public.set_training_sessions(${t}::uuid, '[]'::jsonb)`));
    });

    it("refuses a capacity below the seats taken", async () => {
      const t = await training({ capacity: 3 });
      await registerSelf(xPeople[0]!, t);
      await registerSelf(xPeople[1]!, t);
      await refuses("TK_TRAINING_CAPACITY_BELOW_SEATS", () =>
        asUser(organizer, (tx) => tx.updateTable("trainings").set({ capacity: 1 }).where("id", "=", t).execute()),
      );
    });

    it("refuses deadlines after the first session", async () => {
      const t = await training({ capacity: 3 });
      const after = new Date(Date.now() + 30 * 24 * HOUR);
      await refuses("TK_TRAINING_REGISTRATION_DEADLINE_AFTER_START", () =>
        asUser(organizer, (tx) => tx.updateTable("trainings").set({ registration_deadline: after }).where("id", "=", t).execute()),
      );
      await refuses("TK_TRAINING_CANCELLATION_DEADLINE_AFTER_START", () =>
        asUser(organizer, (tx) => tx.updateTable("trainings").set({ cancellation_deadline: after }).where("id", "=", t).execute()),
      );
      // Moving the sessions before an existing deadline is refused the same way.
      await asUser(organizer, (tx) =>
        tx.updateTable("trainings").set({ registration_deadline: new Date(Date.now() + 5 * 24 * HOUR) }).where("id", "=", t).execute(),
      );
      const early = Date.now() + 2 * 24 * HOUR;
      await refuses("TK_TRAINING_REGISTRATION_DEADLINE_AFTER_START", () =>
        call(
          organizer,
          sql`select public.set_training_sessions(${t}::uuid, ${sessionsJson([{ startsAt: new Date(early), endsAt: new Date(early + HOUR) }])}::text::jsonb)`,
        ),
      );
    });

    it("refuses a negative fee and other bad details", async () => {
      await refuses("TK_TRAINING_NEGATIVE_FEE", () => training({ feeCents: -100 }));
      await refuses("TK_TRAINING_CAPACITY_INVALID", () => training({ capacity: 0 }));
      await refuses("TK_TRAINING_GO_NO_GO_INCOMPLETE", () => training({ minParticipants: 3 }));
      await refuses("TK_TRAINING_MINIMUM_INVALID", () => training({ capacity: 3, minParticipants: 5, goNoGoDate: "2030-01-01" }));
      await refuses("TK_TRAINING_OFFER_HOURS_INVALID", () => training({ offerHours: 0 }));
      await refuses("TK_TRAINING_CONTINGENT_INVALID", () => training({ capacity: 3, defaultContingent: 4 }));
      await refuses("TK_TRAINING_PLACE_MISSING", () =>
        asUser(organizer, (tx) =>
          tx
            .insertInto("trainings")
            .values({ network_id: network.id, org_id: organizerOrg.id, title: "Ohne Ort", topic: "deeskalation", audience: "eltern", capacity: 5 })
            .execute(),
        ),
      );
      await refuses("TK_TRAINING_ONLINE_URL_INVALID", () =>
        asUser(organizer, (tx) =>
          tx
            .insertInto("trainings")
            .values({
              network_id: network.id,
              org_id: organizerOrg.id,
              title: "Online",
              topic: "medien",
              audience: "jugendliche",
              capacity: 5,
              online_url: "javascript:alert(1)",
            })
            .execute(),
        ),
      );
      await refuses("TK_TRAINING_UNKNOWN_TOPIC", () =>
        asUser(organizer, (tx) =>
          tx
            .insertInto("trainings")
            .values({ network_id: network.id, org_id: organizerOrg.id, title: "Thema?", topic: "astrologie", audience: "eltern", capacity: 5, online_url: "https://x.example" })
            .execute(),
        ),
      );
    });

    it("refuses registering twice", async () => {
      const t = await training({ capacity: 1 });
      await registerSelf(yPeople[0]!, t);
      await registerSelf(yPeople[1]!, t); // waiting
      await refuses("TK_TRAINING_ALREADY_REGISTERED", () => registerSelf(yPeople[0]!, t));
      await refuses("TK_TRAINING_ALREADY_REGISTERED", () => registerSelf(yPeople[1]!, t));
      await refuses("TK_TRAINING_ALREADY_REGISTERED", () => register(yAdmin, t, yPeople[1]!.id));
    });

    it("refuses a cancelled, a past, an unpublished training and one after its registration deadline", async () => {
      const cancelled = await training({ capacity: 3 });
      await call(organizer, sql`select public.cancel_training(${cancelled}::uuid, null)`);
      await refuses("TK_TRAINING_CANCELLED", () => registerSelf(xPeople[0]!, cancelled));

      const past = await training({ capacity: 3 });
      await sql`update public.trainings set starts_at = now() - interval '1 hour' where id = ${past}::uuid`.execute(database.db);
      await refuses("TK_TRAINING_PAST", () => registerSelf(xPeople[0]!, past));

      const draft = await training({ capacity: 3, publish: false });
      await refuses("TK_NOT_FOUND", () => registerSelf(xPeople[0]!, draft));
      await refuses("TK_TRAINING_NOT_PUBLISHED", () => registerSelf(organizerMember, draft));

      const closed = await training({ capacity: 3, registrationDeadline: new Date(Date.now() + 2000) });
      await sql`update public.trainings set registration_deadline = now() - interval '1 minute' where id = ${closed}::uuid`.execute(database.db);
      await refuses("TK_TRAINING_REGISTRATION_CLOSED", () => registerSelf(xPeople[0]!, closed));
    });

    it("refuses client seats above the Träger's contingent or the capacity, and impossible counts", async () => {
      const t = await training({ capacity: 6, defaultContingent: 3, contingentReleaseAt: new Date(Date.now() + 24 * HOUR) });
      await refuses("TK_TRAINING_SEATS_ABOVE_CONTINGENT", () => register(xCoord, t, null, 4));
      await refuses("TK_TRAINING_SEATS_ABOVE_CAPACITY", () => register(xCoord, t, null, 7));
      await refuses("TK_TRAINING_SEATS_INVALID", () => register(xCoord, t, null, 0));
      await refuses("TK_TRAINING_SEATS_INVALID", () => register(xCoord, t, null, 51));
      await refuses("TK_TRAINING_SEATS_INVALID", () => register(xAdmin, t, xPeople[0]!.id, 2));
      // Within the contingent it works, and what does not fit any more waits.
      await register(xCoord, t, null, 2);
      const more = await register(xCoord, t, null, 2);
      expect((await registration(database.db, more)).status).toBe("waitlisted");
    });

    it("refuses cancelling a seat after the cancellation deadline (leaving the waitlist stays possible)", async () => {
      const t = await training({ capacity: 1, cancellationDeadline: new Date(Date.now() + 24 * HOUR) });
      const a = await registerSelf(xPeople[4]!, t);
      const b = await registerSelf(xPeople[5]!, t);
      await sql`update public.trainings set cancellation_deadline = now() - interval '1 minute' where id = ${t}::uuid`.execute(database.db);
      await refuses("TK_TRAINING_CANCELLATION_CLOSED", () => call(xPeople[4]!, sql`select public.cancel_training_registration(${a}::uuid)`));
      await refuses("TK_TRAINING_CANCELLATION_CLOSED", () => call(xAdmin, sql`select public.cancel_training_registration(${a}::uuid)`));
      await call(xPeople[5]!, sql`select public.cancel_training_registration(${b}::uuid)`);
      expect((await registration(database.db, b)).status).toBe("cancelled");
      // The organizer may still remove a participant.
      await call(organizer, sql`select public.cancel_training_registration(${a}::uuid)`);
      expect(await registration(database.db, a)).toMatchObject({ status: "cancelled", closed_reason: "removed_by_organizer" });
      await refuses("TK_TRAINING_REGISTRATION_NOT_ACTIVE", () => call(organizer, sql`select public.cancel_training_registration(${a}::uuid)`));
    });

    it("refuses what a stranger or another circle asks for with 'nicht gefunden'", async () => {
      const t = await training({ capacity: 3 });
      const stranger = await createUser(database);
      await refuses("TK_NOT_FOUND", () => registerSelf(stranger, t));
      const a = await registerSelf(yPeople[0]!, t);
      await refuses("TK_NOT_FOUND", () => call(xPeople[0]!, sql`select public.cancel_training_registration(${a}::uuid)`));
      await refuses("TK_NOT_FOUND", () => call(stranger, sql`select public.publish_training(${t}::uuid)`));
    });
  });
});
