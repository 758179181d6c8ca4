// The German text of in-app notifications. SQL stores a notification's kind and facts
// (public.notifications.data, written by private.notify); each feature owns the texts of its
// kinds in its own module (app/i18n/<feature>-notifications.ts, or <feature>.ts where the feature
// has no other texts: they build zod schemas, which a page's labels must not pull into its first
// load), merged here into the one registry, and renderNotification()
// turns a row into its title and body for the bell, the dashboard and "Meine Daten" alike.
// Like the mail registry (app/.server/mail/render.ts), the data is checked per kind before
// anything is written; unlike a mail, a notification is always shown: an unknown kind or
// unreadable facts give a plain text instead of an error.
import type { z } from "zod";
import { circleNotificationTexts } from "./circle";
import { coverNotificationTexts } from "./cover-notifications";
import { meetingNotificationTexts } from "./meetings-notifications";
import type { NotificationKind, NotificationText } from "./notification-text";
import { projectNotificationTexts } from "./projects-notifications";
import { sozialdatenNotificationTexts } from "./sozialdaten";
import { staffNotificationTexts } from "./staff";
import { trainingNotificationTexts } from "./trainings-notifications";

export const notificationTexts = {
  ...circleNotificationTexts,
  ...coverNotificationTexts,
  ...trainingNotificationTexts,
  ...meetingNotificationTexts,
  ...projectNotificationTexts,
  ...sozialdatenNotificationTexts,
  ...staffNotificationTexts,
} satisfies Record<string, NotificationKind>;

export type NotificationKindName = keyof typeof notificationTexts;

/** The facts each kind carries: kind → data shape, from the kinds' schemas. */
export type NotificationDataMap = {
  [K in NotificationKindName]: z.input<(typeof notificationTexts)[K]["schema"]>;
};

export type { NotificationText };

export function isNotificationKind(kind: string): kind is NotificationKindName {
  return Object.hasOwn(notificationTexts, kind);
}

/** What a notification says when its kind or facts cannot be read: at least where it is from. */
const FALLBACK_TITLES: Array<[prefix: string, title: string]> = [
  ["cover.", "Neues zu einer Vertretung"],
  ["training.", "Neues zu einer Fortbildung"],
  ["meeting.", "Neues zu einem Treffen"],
  ["poll.", "Neues zu einer Terminumfrage"],
  ["agenda.", "Neues zur Tagesordnung eines Treffens"],
  ["minutes.", "Neues zu einem Protokoll"],
  ["action_item.", "Neues zu einer Aufgabe"],
  ["project.", "Neues aus einem Projekt"],
  ["network.", "Neues aus Ihrem Kreis"],
  ["join_request.", "Neues aus Ihrem Kreis"],
  ["sozialdaten.", "Hinweis zu Sozialdaten"],
  ["staff.", "Hinweis zu Ihrem Personal"],
];

export function fallbackNotificationText(kind: string): NotificationText {
  const match = FALLBACK_TITLES.find(([prefix]) => kind.startsWith(prefix));
  return { title: match?.[1] ?? "Neue Benachrichtigung", body: null };
}

/** A notification's German title and body; never throws. */
export function renderNotification(kind: string, data: unknown): NotificationText {
  if (!isNotificationKind(kind)) return fallbackNotificationText(kind);
  const entry: NotificationKind = notificationTexts[kind];
  const parsed = entry.schema.safeParse(data ?? {});
  if (!parsed.success) return fallbackNotificationText(kind);
  try {
    return entry.text(parsed.data);
  } catch {
    // A value the schema let through but a formatter refused (an impossible date): say less.
    return fallbackNotificationText(kind);
  }
}

/** Typed use from TypeScript (tests, previews): the data must match the kind. */
export function notificationTextOf<K extends NotificationKindName>(kind: K, data: NotificationDataMap[K]): NotificationText {
  return renderNotification(kind, data);
}
