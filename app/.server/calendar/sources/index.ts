// The registry of calendar sources: the page and both feeds ask each of these, in this order.
// A new kind of entry is one module in this folder exporting a CalendarSource (kind, German
// label, load(tx, scope, range) → CalendarEntry[] read under RLS, and loadDays for /kalender's
// views: the first ENTRIES_PER_DAY of each day in dayOrder and the day's count) and one line here.
import type { CalendarSource } from "../entries";
import { actionItemSource } from "./action-items";
import { coverSource } from "./covers";
import { meetingSource } from "./meetings";
import { pollSource } from "./polls";
import { projectDateSource } from "./projects";
import { trainingSource } from "./trainings";

export const CALENDAR_SOURCES: CalendarSource[] = [
  meetingSource,
  trainingSource,
  coverSource,
  pollSource,
  actionItemSource,
  projectDateSource,
];
