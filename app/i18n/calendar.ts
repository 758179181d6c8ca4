// German texts of the Kalender owned by the feature: the messages of its TK_* codes
// (supabase/migrations/20261207100000_create_calendar_feeds.sql), merged in app/.server/db/errors.ts.
export const CALENDAR_ERRORS: Record<string, string> = {
  TK_CALENDAR_TOKEN_INVALID: "Der Kalender-Link ist ungültig. Bitte erzeugen Sie einen neuen.",
  TK_CALENDAR_FEED_NOT_ADMIN: "Den Teamkalender des Trägers verwalten nur Inhaber:innen und Administrator:innen.",
};
