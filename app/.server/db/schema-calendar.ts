// Kysely types of the calendar feeds (supabase/migrations/20261207100000_create_calendar_feeds.sql).
// Written only through the SQL functions; the token's hash is not readable by the API roles.
import type { ColumnType } from "kysely";

type Read<T> = ColumnType<T, never, never>;

export interface CalendarFeedTable {
  id: Read<string>;
  kind: Read<"person" | "traeger">;
  user_id: Read<string>;
  org_id: Read<string | null>;
  created_at: Read<Date>;
}

export interface CalendarTables {
  calendar_feeds: CalendarFeedTable;
}
