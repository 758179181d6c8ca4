// /treffen/:id/kalender.ics — the meeting as a calendar file, with the same UID and SEQUENCE as
// the invitation mails (app/.server/calendar/meeting.ts), so a download never adds a second entry.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth/session";
import {
  meetingIcs,
  meetingIcsFilename,
  senderAddress,
} from "~/.server/calendar/meeting";
import { env } from "~/.server/env";
import { meetingDetail } from "~/.server/meetings/read";
import { absoluteUrl } from "~/utils/links";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await meetingDetail(user, params.id ?? "");
  if (!m) throw new Response("Nicht gefunden", { status: 404 });
  const body = meetingIcs({
    uid: `meeting-${m.id}@traegerkreis`,
    sequence: m.sequence,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    gemeinde: m.gemeinde,
    onlineUrl: m.onlineUrl,
    description: m.description,
    hostName: m.hostName,
    networkName: m.networkName,
    url: absoluteUrl(env().APP_URL, `/treffen/${m.id}`),
    organizerEmail: senderAddress(env().MAIL_FROM),
    cancelled: m.status === "cancelled",
    method: "publish",
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${meetingIcsFilename(m.title, m.status === "cancelled")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
