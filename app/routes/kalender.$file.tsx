// /kalender/<token>.ics — a personal or Träger calendar feed for Outlook, Google Calendar and the
// iPhone. No session: the token opens the feed, and the entries are read as the feed's person
// under row-level security (app/.server/calendar/feed.ts). Unknown, revoked or malformed → 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedResponse } from "~/.server/calendar/feed";
import { env } from "~/.server/env";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return feedResponse(request, params.file ?? "", env().APP_URL);
}
