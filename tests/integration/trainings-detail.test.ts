// /fortbildungen/:id — what each person sees and what the buttons do, through the route's loader
// and action as the server would call them: register, waitlist, cancel, offer and accept; a
// colleague and anonymous client seats; approvals; the organizer's waitlist move and attendance.
// Another Träger sees counts, never names; a hidden training is a 404. Runs on PGlite and on the
// server (TEST_DB=postgres).
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { action, loader } from "~/routes/fortbildungen.$id._index/route";
import { freshDatabase } from "../helpers/db";
import { call, trainingCircle, type TrainingCircle } from "../helpers/training-circle";
import { countsOf, createTraining, footprint, invariantViolations, registerSelf, registration, registrationsOf, trainingMails } from "../helpers/trainings";

type Detail = Awaited<ReturnType<typeof loader>>;

describe("the training page", () => {
  let database: Database;
  let c: TrainingCircle;

  beforeAll(async () => {
    database = await freshDatabase();
    c = await trainingCircle(database);
  });

  const view = async (user: { id: string }, id: string) => {
    const outcome = await call<Detail>(database, loader, user, `/fortbildungen/${id}`, { params: { id } });
    return outcome;
  };
  const act = (user: { id: string }, id: string, form: Record<string, string>) =>
    call(database, action, user, `/fortbildungen/${id}`, { params: { id }, form });
  const toastOf = (outcome: { setCookies: string[] }) => outcome.setCookies.some((cookie) => cookie.startsWith("tk_toast="));
  const training = (options: Parameters<typeof createTraining>[3] = {}) =>
    createTraining(c.organizer, c.organizerOrg.id, c.network.id, options);
  const myRegistration = async (user: { id: string }, id: string) =>
    (await registrationsOf(database.db, id)).find((r) => r.user_id === user.id && !["cancelled", "declined"].includes(r.status))!;

  it("is a 404 for a training the user may not see, and for a malformed id", async () => {
    const draft = await training({ publish: false });
    expect((await view(c.yAdmin, draft)).status).toBe(404);
    expect((await view(c.outsider, await training())).status).toBe(404);
    expect((await view(c.yAdmin, "kein-uuid")).status).toBe(404);
    expect((await view(c.yAdmin, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("walks the waitlist: two seats, a third waits, one cancels, the third is offered the seat and accepts", async () => {
    const id = await training({ capacity: 2 });
    const [a, b] = [c.xMembers[0]!, c.yMembers[0]!];
    const third = c.xMembers[1]!;

    const first = await act(a, id, { intent: "register-self", formId: "register-self" });
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/fortbildungen/${id}`);
    expect(toastOf(first)).toBe(true);
    await act(b, id, { intent: "register-self", formId: "register-self" });
    await act(third, id, { intent: "register-self", formId: "register-self" });
    expect((await myRegistration(third, id))).toMatchObject({ status: "waitlisted", waitlist_position: 1 });

    const seen = (await view(third, id)).data;
    expect(seen.training).toMatchObject({ capacity: 2, seatsTaken: 2, waitlistCount: 1 });
    expect(seen.registrations.map((r) => [r.participantName, r.status, r.waitlistPosition])).toEqual([
      [third.fullName, "waitlisted", 1],
    ]);
    expect(seen.clock.registrationOpen).toBe(true);

    // Registering twice is refused with a German message, and nothing changes.
    const before = await footprint(database.db);
    const twice = await act(a, id, { intent: "register-self", formId: "register-self" });
    expect(twice.data).toEqual({
      formId: "register-self",
      result: expect.objectContaining({ error: { "": ["Diese Person ist bereits angemeldet oder steht auf der Warteliste."] } }),
    });
    expect(await footprint(database.db)).toEqual(before);

    const aReg = await myRegistration(a, id);
    const cancelled = await act(a, id, { intent: "cancel-registration", formId: `cancel-${aReg.id.slice(0, 8)}`, registrationId: aReg.id });
    expect(cancelled.status).toBe(302);
    const offered = await myRegistration(third, id);
    expect(offered.status).toBe("offered");
    const offerMail = (await trainingMails(database.db, id)).find((m) => m.template === "training-offer");
    expect(offerMail).toMatchObject({ to: third.email, props: { path: `/fortbildungen/${id}`, offerExpiresAt: expect.any(String) } });

    // Only the person (or their Träger's admins) can accept; someone else gets "not found".
    const stranger = await act(b, id, { intent: "accept-offer", formId: "accept-x", registrationId: offered.id });
    expect(stranger.data.result.error[""]).toEqual(["Nicht gefunden."]);
    const accepted = await act(third, id, { intent: "accept-offer", formId: "accept-x", registrationId: offered.id });
    expect(accepted.status).toBe(302);
    expect((await registration(database.db, offered.id)).status).toBe("confirmed");
    expect(await invariantViolations(database.db, id)).toEqual([]);
  });

  it("declines an offer: the next in line gets it", async () => {
    const id = await training({ capacity: 1 });
    await registerSelf(c.xMembers[2]!, id);
    await registerSelf(c.yMembers[1]!, id);
    await registerSelf(c.yMembers[2]!, id);
    const holder = await myRegistration(c.xMembers[2]!, id);
    await act(c.xMembers[2]!, id, { intent: "cancel-registration", formId: "c", registrationId: holder.id });
    const first = await myRegistration(c.yMembers[1]!, id);
    expect(first.status).toBe("offered");
    const declined = await act(c.yMembers[1]!, id, { intent: "decline-offer", formId: "d", registrationId: first.id });
    expect(declined.status).toBe(302);
    expect((await myRegistration(c.yMembers[2]!, id)).status).toBe("offered");
  });

  it("shows another Träger counts, never names; the organizers see every name", async () => {
    const id = await training({ capacity: 10 });
    await registerSelf(c.xMembers[0]!, id);
    await registerSelf(c.xMembers[1]!, id);
    await registerSelf(c.yMembers[0]!, id);

    const y = (await view(c.yAdmin, id)).data;
    expect(y.training.seatsTaken).toBe(3);
    expect(y.registrations.map((r) => r.participantName)).toEqual([c.yMembers[0]!.fullName]);
    expect(y.orgSeats.map((s) => [s.orgName, s.seatsHeld])).toEqual([["Träger Ysselstein", 1]]);
    expect(y.viewer.isOrganizer).toBe(false);

    const member = (await view(c.organizerMember, id)).data;
    expect(member.training.seatsTaken).toBe(3);
    expect(member.registrations).toEqual([]);

    const organizer = (await view(c.organizer, id)).data;
    expect(organizer.viewer).toMatchObject({ isOrganizer: true, isLead: true });
    expect(organizer.registrations.map((r) => r.participantName).sort()).toEqual(
      [c.xMembers[0]!.fullName, c.xMembers[1]!.fullName, c.yMembers[0]!.fullName].sort(),
    );
    expect(organizer.orgSeats.map((s) => [s.orgName, s.seatsHeld])).toEqual([
      ["Bildungswerk Niederrhein", 0],
      ["Träger Xanten", 2],
      ["Träger Ysselstein", 1],
    ]);
  });

  it("lets an admin register a colleague and a coordinator book anonymous client seats", async () => {
    const id = await training({ capacity: 10, defaultContingent: 4 });
    const admin = (await view(c.xAdmin, id)).data;
    expect(admin.colleagues).toEqual([
      expect.objectContaining({ orgId: c.orgX.id, people: expect.arrayContaining([expect.objectContaining({ userId: c.xMembers[3]!.id, registered: false })]) }),
    ]);
    const colleague = await act(c.xAdmin, id, { intent: "register-colleague", formId: "colleague-x", participantId: c.xMembers[3]!.id, orgId: c.orgX.id });
    expect(colleague.status).toBe(302);
    expect((await myRegistration(c.xMembers[3]!, id)).status).toBe("confirmed");

    const seats = await act(c.xCoord, id, { intent: "book-client-seats", formId: "client-seats", seats: "3", orgId: c.orgX.id });
    expect(seats.status).toBe(302);
    const rows = await registrationsOf(database.db, id);
    const clients = rows.find((r) => r.user_id === null)!;
    expect(clients).toMatchObject({ seats: 3, status: "confirmed", org_id: c.orgX.id });
    const stored = await database.db.selectFrom("training_registrations").select(["participant_name", "user_id"]).where("id", "=", clients.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ participant_name: null, user_id: null });

    // Above the contingent (4 per Träger): refused, nothing written.
    const before = await footprint(database.db);
    const tooMany = await act(c.yAdmin, id, { intent: "book-client-seats", formId: "client-seats", seats: "5", orgId: c.orgY.id });
    expect(tooMany.data.result.error[""]).toEqual(["So viele Plätze sieht das Kontingent Ihres Trägers nicht vor."]);
    const bad = await act(c.yAdmin, id, { intent: "book-client-seats", formId: "client-seats", seats: "0", orgId: c.orgY.id });
    expect(bad.data.result.error.seats).toEqual(["Bitte geben Sie mindestens 1 an."]);
    // A plain member may not book client seats or register colleagues.
    const member = await act(c.yMembers[3]!, id, { intent: "book-client-seats", formId: "client-seats", seats: "1", orgId: c.orgY.id });
    expect(member.data.result.error[""]).toEqual(["Dazu ist Ihre Rolle im Träger nicht berechtigt."]);
    expect(await footprint(database.db)).toEqual(before);

    // The coordinator sees the client seats they booked; a plain member of X does not.
    const coordinator = (await view(c.xCoord, id)).data;
    expect(coordinator.registrations.filter((r) => r.userId === null).map((r) => [r.seats, r.participantName, r.registeredByMe])).toEqual([[3, null, true]]);
    const xMember = (await view(c.xMembers[0]!, id)).data;
    expect(xMember.registrations.filter((r) => r.userId === null)).toEqual([]);
  });

  it("asks the Träger's admin to approve, who approves through the page", async () => {
    const id = await training({ capacity: 5, needsOrgApproval: true });
    await act(c.yMembers[2]!, id, { intent: "register-self", formId: "register-self" });
    const pending = await myRegistration(c.yMembers[2]!, id);
    expect(pending.status).toBe("pending_approval");
    const mine = (await view(c.yMembers[2]!, id)).data;
    expect(mine.registrations[0]).toMatchObject({ status: "pending_approval", orgApproval: "pending" });

    // The organizer cannot give the Träger's approval; another Träger's admin does not see it at all.
    const organizer = await act(c.organizer, id, { intent: "decide", formId: "o", registrationId: pending.id, approval: "org", decision: "approve" });
    expect(organizer.data.result.error[""]).toEqual(["Dazu ist Ihre Rolle im Träger nicht berechtigt."]);
    const other = await act(c.xAdmin, id, { intent: "decide", formId: "o", registrationId: pending.id, approval: "org", decision: "approve" });
    expect(other.data.result.error[""]).toEqual(["Nicht gefunden."]);

    const approved = await act(c.yAdmin, id, { intent: "decide", formId: "o", registrationId: pending.id, approval: "org", decision: "approve" });
    expect(approved.status).toBe(302);
    expect((await registration(database.db, pending.id)).status).toBe("confirmed");
  });

  it("lets the organizer move someone on the waitlist, with a reason that is kept", async () => {
    const id = await training({ capacity: 1 });
    for (const person of [c.xMembers[0]!, c.xMembers[1]!, c.yMembers[0]!, c.yMembers[1]!]) await registerSelf(person, id);
    const last = await myRegistration(c.yMembers[1]!, id);
    expect(last.waitlist_position).toBe(3);

    const before = await footprint(database.db);
    const noReason = await act(c.organizer, id, { intent: "move", formId: "move-x", registrationId: last.id, position: "1", reason: "x" });
    expect(noReason.data.result.error.reason).toEqual(["Bitte geben Sie einen Grund an (mindestens 3 Zeichen)."]);
    const byParticipant = await act(c.yMembers[1]!, id, { intent: "move", formId: "move-x", registrationId: last.id, position: "1", reason: "Ich will vor" });
    expect(byParticipant.data.result.error[""]).toEqual(["Dazu ist Ihre Rolle im Träger nicht berechtigt."]);
    const outOfRange = await act(c.organizer, id, { intent: "move", formId: "move-x", registrationId: last.id, position: "9", reason: "Zu weit" });
    expect(outOfRange.data.result.error[""]).toEqual(["Diese Position gibt es auf der Warteliste nicht."]);
    expect(await footprint(database.db)).toEqual(before);

    const moved = await act(c.organizer, id, { intent: "move", formId: "move-x", registrationId: last.id, position: "1", reason: "Leitet das Folgeprojekt" });
    expect(moved.status).toBe(302);
    expect((await registration(database.db, last.id)).waitlist_position).toBe(1);
    const organizer = (await view(c.organizer, id)).data;
    expect(organizer.moves).toEqual([expect.objectContaining({ registrationId: last.id, from: 3, to: 1, reason: "Leitet das Folgeprojekt" })]);
    expect(await invariantViolations(database.db, id)).toEqual([]);
  });

  it("records attendance per session once it started; then the person may download a certificate", async () => {
    const id = await training({ capacity: 5 });
    await registerSelf(c.xMembers[0]!, id);
    await act(c.xCoord, id, { intent: "book-client-seats", formId: "client-seats", seats: "2", orgId: c.orgX.id });
    const person = await myRegistration(c.xMembers[0]!, id);
    const clients = (await registrationsOf(database.db, id)).find((r) => r.user_id === null)!;
    const sessions = await database.db.selectFrom("training_sessions").select(["id", "position"]).where("training_id", "=", id).orderBy("position").execute();

    const early = await act(c.organizer, id, {
      intent: "attendance",
      formId: "attendance-1",
      sessionId: sessions[0]!.id,
      "entries[0].registrationId": person.id,
      "entries[0].present": "1",
    });
    expect(early.data.result.error[""]).toEqual(["Die Fortbildung hat noch nicht begonnen."]);

    await sql`update public.training_sessions set starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days'
      where training_id = ${id}`.execute(database.db);
    await sql`update public.trainings set starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days'
      where id = ${id}`.execute(database.db);
    const loaded = (await view(c.organizer, id)).data;
    expect(loaded.clock.startedSessions).toEqual(sessions.map((s) => s.id));

    const tooMany = await act(c.organizer, id, {
      intent: "attendance",
      formId: "attendance-1",
      sessionId: sessions[0]!.id,
      "entries[0].registrationId": person.id,
      "entries[0].present": "1",
      "entries[1].registrationId": clients.id,
      "entries[1].present": "3",
    });
    expect(tooMany.data.result.error[""]).toEqual(["Die Zahl der Anwesenden passt nicht zur Anmeldung."]);
    expect(await database.db.selectFrom("training_attendance").select("registration_id").execute()).toEqual([]);

    const saved = await act(c.organizer, id, {
      intent: "attendance",
      formId: "attendance-1",
      sessionId: sessions[0]!.id,
      "entries[0].registrationId": person.id,
      "entries[0].present": "1",
      "entries[1].registrationId": clients.id,
      "entries[1].present": "2",
    });
    expect(saved.status).toBe(302);
    // Session 2: the person missed it (unchecked box = absent).
    await act(c.organizer, id, {
      intent: "attendance",
      formId: "attendance-2",
      sessionId: sessions[1]!.id,
      "entries[0].registrationId": person.id,
      "entries[1].registrationId": clients.id,
      "entries[1].present": "1",
    });
    const mine = (await view(c.xMembers[0]!, id)).data;
    expect(mine.certificate).toBe(true);
    expect(mine.registrations[0]!.attendance).toEqual({ [sessions[0]!.id]: 1, [sessions[1]!.id]: 0 });
    expect((await view(c.xMembers[1]!, id)).data.certificate).toBe(false);

    const held = await act(c.organizer, id, { intent: "mark-held", formId: "mark-held" });
    expect(held.status).toBe(302);
    expect((await registration(database.db, person.id)).status).toBe("attended");
    expect((await countsOf(database.db, id)).status).toBe("held");
  });

  it("refuses registrations for a cancelled training with a German message", async () => {
    const id = await training({ capacity: 5 });
    await act(c.organizer, id, { intent: "cancel-training", formId: "cancel-training", reason: "" });
    const outcome = await act(c.yMembers[3]!, id, { intent: "register-self", formId: "register-self" });
    expect(outcome.data.result.error[""]).toEqual(["Diese Fortbildung wurde abgesagt."]);
    const page = (await view(c.yMembers[3]!, id)).data;
    expect(page.clock.registrationOpen).toBe(false);
  });

  it("answers an unknown button with 400", async () => {
    const id = await training();
    const outcome = await act(c.yAdmin, id, { intent: "drop-table", formId: "x" });
    expect(outcome.status).toBe(400);
  });
});
