// One kind of in-app notification as the app writes it: the schema of its data (the facts SQL
// stores with private.notify(recipient, kind, data, link), checked before anything is written)
// and its German title and body. Each feature lists its kinds with notificationText() next to its
// other texts; the one registry and renderNotification() are in app/i18n/notifications.ts.
import { z } from "zod";

// No `new Function` in zod (the Content-Security-Policy allows no eval; see app/validation/text.ts).
// Said here too: these schemas are built when a page's module loads, in the browser as well, and
// a bare import of text.ts would be dropped ("sideEffects": false).
z.config({ jitless: true });

export type NotificationText = { title: string; body: string | null };

export type NotificationKind<S extends z.ZodType = z.ZodType> = {
  schema: S;
  text: (data: z.infer<S>) => NotificationText;
};

export function notificationText<S extends z.ZodType>(
  schema: S,
  text: (data: z.infer<S>) => NotificationText,
): NotificationKind<S> {
  return { schema, text };
}

// The shapes facts arrive in from jsonb.

/** A timestamptz as jsonb writes it ("2026-12-03T14:00:00+00:00"). */
export const instantFact = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not an instant");
/** A date as jsonb writes it ("2026-12-03"). */
export const dayFact = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Hours and counts: numeric comes as a number, but a string is read too. */
export const numberFact = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);
/** A name or title the user typed; null when not given. */
export const textFact = z.string();
export const optionalText = z.string().nullish().transform((value) => (value && value.trim() ? value : null));

/** "„Titel“" */
export const quoted = (value: string) => `„${value}“`;

/** A long text cut for a notification line, with an ellipsis. */
export function excerpt(value: string, max: number): string {
  const text = value.trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
