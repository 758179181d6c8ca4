// The notifications of meetings (the bell): each kind's facts schema and German text (supabase/migrations/20261206130100_add_meeting_functions.sql).
// Apart from the labels in ./meetings.ts because these build zod schemas when the module loads: a page
// that shows a label must not load zod with it (first-load JavaScript, decision 019). Merged into the
// one registry in ./notifications.ts.
import { z } from "zod";
import { dayText, formatDateTime } from "~/utils/format";
import { dayFact, excerpt, instantFact, notificationText, optionalText, textFact } from "./notification-text";

const MeetingNoticeFacts = z.object({ title: textFact, startsAt: instantFact, place: optionalText });
/** "03.12.2026, 14:00 Uhr · Rathaus Wesel", or "· online". */
const whenAndWhere = (d: z.infer<typeof MeetingNoticeFacts>) => `${formatDateTime(d.startsAt)} · ${d.place ?? "online"}`;
const PollFacts = z.object({ title: textFact, deadline: instantFact.nullish() });
/** Titles of action items run long (500 characters); the bell shows the first 120. */
const taskLine = (title: string) => excerpt(title, 120);

export const meetingNotificationTexts = {
  "meeting.invitation": notificationText(MeetingNoticeFacts, (d) => ({ title: `Einladung: ${d.title}`, body: whenAndWhere(d) })),
  "meeting.update": notificationText(MeetingNoticeFacts, (d) => ({ title: `Geändert: ${d.title}`, body: whenAndWhere(d) })),
  "meeting.cancel": notificationText(MeetingNoticeFacts, (d) => ({ title: `Abgesagt: ${d.title}`, body: whenAndWhere(d) })),
  "meeting.reminder": notificationText(MeetingNoticeFacts, (d) => ({ title: `Morgen: ${d.title}`, body: whenAndWhere(d) })),
  "poll.opened": notificationText(PollFacts, (d) => ({
    title: `Terminumfrage: ${d.title}`,
    body: d.deadline ? `Bitte stimmen Sie ab bis ${formatDateTime(d.deadline)}.` : "Bitte stimmen Sie ab.",
  })),
  "poll.reminder": notificationText(PollFacts, (d) => ({
    title: `Noch nicht abgestimmt: ${d.title}`,
    body: d.deadline ? `Abstimmung bis ${formatDateTime(d.deadline)}` : null,
  })),
  "poll.closed": notificationText(z.object({ title: textFact, startsAt: instantFact }), (d) => ({
    title: `Termin steht fest: ${d.title}`,
    body: formatDateTime(d.startsAt),
  })),
  "agenda.proposed": notificationText(z.object({ topic: textFact, meetingTitle: textFact }), (d) => ({
    title: `Themenvorschlag: ${d.topic}`,
    body: d.meetingTitle,
  })),
  "agenda.accepted": notificationText(z.object({ topic: textFact }), (d) => ({
    title: "Ihr Thema steht auf der Tagesordnung",
    body: d.topic,
  })),
  "agenda.declined": notificationText(z.object({ topic: textFact, reason: optionalText }), (d) => ({
    title: "Ihr Thema wurde nicht aufgenommen",
    body: d.reason ? `${d.topic}: ${d.reason}` : d.topic,
  })),
  "minutes.writer": notificationText(z.object({ meetingTitle: textFact }), (d) => ({
    title: "Sie schreiben das Protokoll",
    body: d.meetingTitle,
  })),
  "minutes.circulated": notificationText(z.object({ meetingTitle: textFact, commentsUntil: instantFact }), (d) => ({
    title: `Protokoll zur Durchsicht: ${d.meetingTitle}`,
    body: `Anmerkungen bis ${formatDateTime(d.commentsUntil)}`,
  })),
  "action_item.assigned": notificationText(z.object({ taskTitle: textFact, meetingTitle: textFact }), (d) => ({
    title: `Neue Aufgabe: ${taskLine(d.taskTitle)}`,
    body: `Aus dem Protokoll: ${d.meetingTitle}`,
  })),
  "action_item.due": notificationText(z.object({ taskTitle: textFact, dueDate: dayFact }), (d) => ({
    title: `Aufgabe fällig: ${taskLine(d.taskTitle)}`,
    body: `Fällig am ${dayText(d.dueDate)}`,
  })),
};
