// Kooperationstreffen through the app's server modules, on PGlite and on the server: planning
// with invitations and their calendar file (Berlin time, stable UID, SEQUENCE raised on a move,
// METHOD:CANCEL), RSVPs and counts, guests by token, the date poll across the DST change, topic
// proposals, minutes with the Sozialdaten screen, approval into decisions and action items, and
// the reminder job.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { renderMail } from "~/.server/mail/render";
import {
  hostOptions,
  listActionItems,
  listDecisions,
  listMeetings,
  meetingDetail,
  pollDetail,
  rsvpLine,
} from "~/.server/meetings/read";
import {
  minutesFromForm,
  screenMinutes,
  diffLines,
} from "~/.server/meetings/minutes";
import { runMeetingJobs } from "~/.server/meetings/jobs";
import { asUser } from "~/.server/db/request";
import {
  approveMinutes,
  cancelMeeting,
  circulateMinutes,
  closePoll,
  createPoll,
  decideTopic,
  guestRsvp,
  guestView,
  nextPublicMeeting,
  proposeTopic,
  registerPublicGuest,
  saveMeeting,
  saveMinutes,
  setProtokollant,
  setRsvp,
  votePoll,
} from "~/.server/meetings/write";
import { freshDatabase } from "../helpers/db";
import { outboxMails } from "../helpers/fixtures";
import { events, parseIcs, prop, unescapeText } from "../helpers/ics";
import { inDays, meetingCircle, moveMeeting, refusal, type MeetingCircle } from "../helpers/meetings";

const appUrl = "https://traegerkreis.example";

describe("Kooperationstreffen", () => {
  let database: Database;
  let c: MeetingCircle;

  beforeAll(async () => {
    database = await freshDatabase();
    c = await meetingCircle(database);
  });

  const form = (overrides: Record<string, unknown> = {}) => ({
    host: `${c.network.id}:${c.host.id}`,
    title: "Kooperationstreffen Herbst",
    description: "Austausch der Träger.\nBitte Themen vorschlagen.",
    place: "Rathaus, Weseler Str. 2",
    gemeinde: "schermbeck",
    onlineUrl: null,
    date: inDays(14),
    startTime: "15:00",
    endTime: "17:30",
    registrationDeadline: null,
    capacity: undefined,
    guestsWelcome: true,
    ...overrides,
  });

  it("invites the circle with a REQUEST .ics in Berlin time, moves it with a higher SEQUENCE, cancels with CANCEL", async () => {
    await sql`delete from private.outbox`.execute(database.db);
    const id = await saveMeeting(c.coord, null, form());
    const invitations = (await outboxMails(database)).filter(
      (m) => m.template === "meeting-notice",
    );
    expect(invitations.map((m) => m.to).sort()).toEqual(
      [c.coord, c.hostMember, c.otherMember, c.thirdMember]
        .map((u) => u.email)
        .sort(),
    );
    const mail = await renderMail("meeting-notice", invitations[0]!.props, {
      appUrl,
    });
    expect(mail.subject).toMatch(/^Einladung: Kooperationstreffen Herbst am /);
    expect(mail.text).toContain("15:00–17:30 Uhr");
    const attachment = mail.attachments![0]!;
    expect(attachment.contentType).toBe(
      "text/calendar; charset=utf-8; method=REQUEST",
    );
    const cal = parseIcs(String(attachment.content));
    expect(prop(cal, "METHOD")!.value).toBe("REQUEST");
    const [event] = events(cal);
    expect(prop(event!, "UID")!.value).toBe(`meeting-${id}@traegerkreis`);
    expect(prop(event!, "SEQUENCE")!.value).toBe("0");
    expect(prop(event!, "DTSTART")).toMatchObject({
      params: { TZID: "Europe/Berlin" },
      value: `${inDays(14).replace(/-/g, "")}T150000`,
    });
    expect(prop(event!, "ORGANIZER")!.params.CN).toBe("KIZ Niederrhein");
    expect(unescapeText(prop(event!, "LOCATION")!.value)).toBe(
      "Rathaus, Weseler Str. 2, Schermbeck",
    );

    // Same time and place: no new notice. A new time: SEQUENCE 1, same UID, to everyone.
    await sql`delete from private.outbox`.execute(database.db);
    await saveMeeting(
      c.coord,
      id,
      form({ title: "Kooperationstreffen Herbst (mit Jugendamt)" }),
    );
    expect(await outboxMails(database)).toEqual([]);
    await setRsvp(c.thirdMember, id, "absage", "", false);
    await saveMeeting(
      c.coord,
      id,
      form({ startTime: "16:00", endTime: "18:00" }),
    );
    const updates = (await outboxMails(database)).filter(
      (m) => m.template === "meeting-notice",
    );
    expect(updates.map((m) => m.to)).not.toContain(c.thirdMember.email);
    expect(updates).toHaveLength(3);
    const update = await renderMail("meeting-notice", updates[0]!.props, {
      appUrl,
    });
    expect(update.subject).toMatch(/^Geändert: /);
    const updated = events(
      parseIcs(String(update.attachments![0]!.content)),
    )[0]!;
    expect(prop(updated, "UID")!.value).toBe(`meeting-${id}@traegerkreis`);
    expect(prop(updated, "SEQUENCE")!.value).toBe("1");
    expect(prop(updated, "DTSTART")!.value).toBe(
      `${inDays(14).replace(/-/g, "")}T160000`,
    );

    await sql`delete from private.outbox`.execute(database.db);
    await cancelMeeting(c.coord, id, "Raum nicht verfügbar.");
    const cancels = (await outboxMails(database)).filter(
      (m) => m.template === "meeting-notice",
    );
    const cancel = await renderMail("meeting-notice", cancels[0]!.props, {
      appUrl,
    });
    expect(cancel.attachments![0]!.contentType).toContain("method=CANCEL");
    const cancelCal = parseIcs(String(cancel.attachments![0]!.content));
    expect(prop(cancelCal, "METHOD")!.value).toBe("CANCEL");
    const cancelled = events(cancelCal)[0]!;
    expect(prop(cancelled, "STATUS")!.value).toBe("CANCELLED");
    expect(prop(cancelled, "SEQUENCE")!.value).toBe("2");
    expect(prop(cancelled, "UID")!.value).toBe(`meeting-${id}@traegerkreis`);
  });

  it("refuses bad input with German messages and writes nothing", async () => {
    const before = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from public.meetings`.execute(database.db)
    ).rows[0]!.n;
    expect(await refusal(saveMeeting(c.hostMember, null, form()))).toMatch(
      /Treffen planen können/,
    );
    expect(
      await refusal(saveMeeting(c.coord, null, form({ date: inDays(-3) }))),
    ).toBe("Der Beginn liegt in der Vergangenheit.");
    expect(
      await refusal(
        saveMeeting(c.coord, null, form({ title: "Titel\r\nX-EVIL:1" })),
      ),
    ).toMatch(/Steuerzeichen/);
    expect(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from public.meetings`.execute(database.db)
      ).rows[0]!.n,
    ).toBe(before);
  });

  it("counts RSVPs per Träger, shows names only to hosts and the own Träger, and takes guests by token", async () => {
    const id = await saveMeeting(c.coord, null, form({ capacity: 3 }));
    await setRsvp(c.hostMember, id, "zusage", "", true);
    await setRsvp(c.otherMember, id, "zusage", "", false);
    await setRsvp(c.thirdMember, id, "vielleicht", "", false);
    await setRsvp(c.coord, id, "absage", "Urlaub", false);
    const asOther = (await meetingDetail(c.otherMember, id))!;
    expect(
      rsvpLine(
        asOther,
        asOther.summary.filter((s) => s.zusagen > 0 && !s.isGuest).length,
      ),
    ).toBe("2 Zusagen aus 2 Trägern · 1 vielleicht · 1 Absage");
    expect(asOther.names.map((n) => n.fullName)).toEqual(["Otto Anders"]);
    expect(
      asOther.summary.find((s) => s.orgName === "KIZ Niederrhein"),
    ).toMatchObject({ zusagen: 1, absagen: 1, delegateName: "Hanna Host" });
    const asHost = (await meetingDetail(c.coord, id))!;
    expect(asHost.names).toHaveLength(4);
    expect(await meetingDetail(c.stranger, id)).toBeNull();

    // The public page shows it; a guest registers (zusage fills the 3rd seat), answers by token.
    expect((await nextPublicMeeting(c.network.slug))?.id).toBeDefined();
    await registerPublicGuest(id, {
      name: "Gerda Gast",
      orgName: "Jugendhilfe Hünxe",
      email: "gerda@gast.example",
    });
    expect(
      await refusal(
        registerPublicGuest(id, {
          name: "Gerda Gast",
          orgName: "",
          email: "gerda@gast.example",
        }),
      ),
    ).toMatch(/bereits angemeldet/);
    expect(
      await refusal(setRsvp(c.thirdMember, id, "zusage", "", false)),
    ).toMatch(/voll/);
    const token = (await outboxMails(database))
      .filter((m) => m.to === "gerda@gast.example")
      .at(-1)!.props.guestToken as string;
    const view = (await guestView(token))!;
    expect(view.meeting.title).toBe("Kooperationstreffen Herbst");
    expect(JSON.stringify(view)).not.toMatch(
      /Otto Anders|Hanna Host|@example\.org/,
    );
    await guestRsvp(token, id, "absage", "");
    expect(await refusal(guestRsvp(token, c.network.id, "zusage", ""))).toMatch(
      /ungültig oder abgelaufen/,
    );
    expect(await guestView("0".repeat(64))).toBeNull();
    const list = await listMeetings(c.otherMember, false);
    expect(list.meetings.find((m) => m.id === id)).toMatchObject({
      rsvpYes: 2,
      orgsComing: 2,
    });
  });

  it("closes a date poll into a meeting at the Berlin wall-clock time across the DST change", async () => {
    const year = new Date().getUTCFullYear() + 1;
    const pollId = await createPoll(
      c.coord,
      {
        host: `${c.network.id}:${c.host.id}`,
        title: "Frühjahrstreffen",
        description: "",
        place: "Wesel",
        gemeinde: null,
        onlineUrl: null,
        durationMinutes: 120,
        deadline: null,
      },
      [
        { day: `${year}-03-24`, start_time: "10:00" },
        { day: `${year}-04-07`, start_time: "10:00" },
        { day: `${year}-04-14`, start_time: null },
      ],
    );
    const opened = (await outboxMails(database)).filter((m) => m.template === "meeting-news" && m.props.kind === "poll_opened" && m.to === c.otherMember.email).at(-1)!;
    const openedMail = await renderMail("meeting-news", opened.props, { appUrl });
    expect(openedMail.subject).toBe("Terminumfrage: Frühjahrstreffen");
    expect(openedMail.text).toContain(`${appUrl}/treffen/umfragen/${pollId}`);
    const poll = (await pollDetail(c.otherMember, pollId))!;
    await votePoll(c.otherMember, pollId, {
      [poll.options[0]!.id]: "ja",
      [poll.options[1]!.id]: "wenn_noetig",
    });
    await votePoll(c.thirdMember, pollId, { [poll.options[1]!.id]: "ja" });
    const seen = (await pollDetail(c.hostMember, pollId))!;
    expect(seen.votes.map((v) => v.fullName).sort()).toEqual([
      "Otto Anders",
      "Otto Anders",
      "Tina Dritte",
    ]);
    expect(
      await refusal(closePoll(c.coord, pollId, poll.options[2]!.id, null)),
    ).toMatch(/Uhrzeit/);
    const meetingId = await closePoll(
      c.coord,
      pollId,
      poll.options[1]!.id,
      null,
    );
    const meeting = (await meetingDetail(c.coord, meetingId))!;
    // 7 April is summer time: 10:00 Berlin = 08:00 UTC (24 March would be 09:00 UTC).
    expect(meeting.startsAt.toISOString()).toBe(`${year}-04-07T08:00:00.000Z`);
    expect(
      await refusal(
        votePoll(c.thirdMember, pollId, { [poll.options[0]!.id]: "nein" }),
      ),
    ).toBe("Die Abstimmung ist beendet.");
  });

  it("runs a meeting to approved minutes: proposal accepted, Sozialdaten screened, decisions numbered, action items on the owner's list", async () => {
    const id = await saveMeeting(c.coord, null, form({ date: inDays(2) }));
    const topic = await proposeTopic(c.otherMember, id, {
      title: "Fachkräftemangel",
      description: "",
      minutes: 20,
    });
    await decideTopic(c.coord, id, {
      itemId: topic,
      decision: "accept",
      position: 1,
      minutes: 25,
      reason: "",
    });
    const detail = (await meetingDetail(c.otherMember, id))!;
    expect(detail.agenda.map((a) => a.title)).toContain("Fachkräftemangel");
    await moveMeeting(
      database,
      id,
      new Date(Date.now() - 3 * 3600_000),
      new Date(Date.now() - 3600_000),
    );
    await setProtokollant(c.coord, id, c.otherMember.id);

    const agenda = detail.agenda.map((a) => ({ id: a.id, title: a.title }));
    const fields = new FormData();
    fields.set("attendance", "KIZ Niederrhein, Du & Ich");
    fields.set(
      `notes_${topic}`,
      "Fallbesprechung: Kevin Müller, geb. 03.04.2012, wohnt Hauptstraße 5.",
    );
    fields.set(
      `decisions_${topic}`,
      "Gemeinsame Stellenbörse.\nAG Ausbildung.",
    );
    fields.set(`action_${topic}_0_title`, "Stellenbörse entwerfen");
    fields.set(`action_${topic}_0_org`, c.other.id);
    fields.set(`action_${topic}_0_due`, inDays(20));
    const parsed = minutesFromForm(fields, agenda, {});
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const findings = screenMinutes(parsed.content);
    expect(findings.map((f) => f.field)).toEqual([`notes_${topic}`]);
    expect(findings[0]!.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(["birthdate"]),
    );

    parsed.content.items.find((i) => i.agenda_item_id === topic)!.notes =
      "Anonymisierte Fallberatung: Jugendlicher (14–16 J.), § 34.";
    expect(screenMinutes(parsed.content)).toEqual([]);
    const v1 = await saveMinutes(c.otherMember, id, parsed.content, 0, "");
    expect(v1).toBe(1);
    expect(
      await refusal(saveMinutes(c.hostMember, id, parsed.content, 1, "")),
    ).toBe("Nicht gefunden.");
    expect(await refusal(approveMinutes(c.coord, id))).toMatch(
      /zuerst zur Durchsicht/,
    );
    await circulateMinutes(c.otherMember, id, 7);
    await approveMinutes(c.coord, id);
    const news = (await outboxMails(database)).filter((m) => m.template === "meeting-news");
    const circulated = news.find((m) => m.props.kind === "minutes_circulated" && m.props.path === `/treffen/${id}/protokoll`)!;
    expect((await renderMail("meeting-news", circulated.props, { appUrl })).subject).toBe("Protokoll zur Durchsicht: Kooperationstreffen Herbst");
    const assigned = news.find((m) => m.props.kind === "action_item_assigned" && m.props.title === "Stellenbörse entwerfen")!;
    const assignedMail = await renderMail("meeting-news", assigned.props, { appUrl });
    expect(assignedMail.subject).toBe("Neue Aufgabe: Stellenbörse entwerfen");
    expect(assignedMail.text).toContain("fällig am");
    const decisions = await listDecisions(c.thirdMember, "Stellenbörse");
    expect(decisions.map((d) => d.body)).toEqual(["Gemeinsame Stellenbörse."]);
    const mine = await asUser(c.otherMember, (tx) =>
      listActionItems(tx, c.otherMember, true),
    );
    expect(mine.map((a) => a.title)).toEqual(["Stellenbörse entwerfen"]);
    expect(
      await asUser(c.thirdMember, (tx) =>
        listActionItems(tx, c.thirdMember, true),
      ),
    ).toEqual([]);

    // The next meeting carries the open action items and the approval of these minutes.
    const next = await saveMeeting(
      c.coord,
      null,
      form({ date: inDays(30), previousMeetingId: id }),
    );
    const nextDetail = (await meetingDetail(c.otherMember, next))!;
    expect(nextDetail.agenda.map((a) => a.kind).slice(0, 2)).toEqual([
      "minutes_approval",
      "action_items",
    ]);
    expect(nextDetail.openActions.map((a) => a.title)).toContain(
      "Stellenbörse entwerfen",
    );
    expect(diffLines("a\nb\nc", "a\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });

  it("reminds the day before, once", async () => {
    const id = await saveMeeting(c.coord, null, form({ date: inDays(3) }));
    await setRsvp(c.otherMember, id, "zusage", "", false);
    await moveMeeting(
      database,
      id,
      new Date(Date.now() + 20 * 3600_000),
      new Date(Date.now() + 22 * 3600_000),
    );
    await sql`delete from private.outbox`.execute(database.db);
    const first = await runMeetingJobs();
    expect(first.meetingsReminded).toBeGreaterThanOrEqual(1);
    const reminders = (await outboxMails(database)).filter(
      (m) =>
        m.template === "meeting-notice" &&
        m.props.kind === "reminder" &&
        m.props.meetingId === id,
    );
    expect(reminders.map((m) => m.to)).toEqual([c.otherMember.email]);
    const rendered = await renderMail("meeting-notice", reminders[0]!.props, {
      appUrl,
    });
    expect(rendered.subject).toBe("Morgen: Kooperationstreffen Herbst");
    expect((await runMeetingJobs()).meetingsReminded).toBe(0);
  });

  it("offers a circle coordinator their own Träger first as host, then the circle's others", async () => {
    await sql`update public.network_members set role = 'coordinator' where network_id = ${c.network.id}::uuid and org_id = ${c.host.id}::uuid`.execute(
      database.db,
    );
    const options = await asUser(c.coord, (tx) => hostOptions(tx, c.coord.id));
    expect(options.map((o) => o.label)).toEqual([
      "KIZ Niederrhein",
      'Du & Ich "e. V."',
      "Kinderleicht",
    ]);
  });

  it("lists running meetings with the coming ones and ended ones as past, each in order of their start", async () => {
    const insert = async (title: string, from: string, to: string) =>
      (
        await sql<{ id: string }>`
          insert into public.meetings (network_id, host_org_id, title, place, starts_at, ends_at)
          values (${c.network.id}, ${c.host.id}, ${title}, 'Rathaus', now() + ${from}::interval, now() + ${to}::interval)
          returning id`.execute(database.db)
      ).rows[0]!.id;
    const running = await insert("Läuft gerade", "-1 hour", "1 hour");
    const soon = await insert("Gleich danach", "2 hours", "3 hours");
    const ended = await insert("Gerade vorbei", "-3 hours", "-2 hours");
    const coming = (await listMeetings(c.hostMember, false)).meetings.map((m) => m.id);
    expect(coming.indexOf(running)).toBeGreaterThanOrEqual(0);
    expect(coming.indexOf(running)).toBeLessThan(coming.indexOf(soon));
    expect(coming).not.toContain(ended);
    const past = (await listMeetings(c.hostMember, true)).meetings.map((m) => m.id);
    expect(past[0]).toBe(ended);
    expect(past).not.toContain(running);
  });
});
