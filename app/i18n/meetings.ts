// German texts and formats of the Kooperationstreffen screens.
import { longDayText, shortCalendarDayText, shortDayText, timeText } from "~/utils/format";

export const RSVP_LABELS = {
  zusage: "Zusage",
  vielleicht: "Vielleicht",
  absage: "Absage",
} as const;
export const POLL_ANSWER_LABELS = {
  ja: "Ja",
  wenn_noetig: "Wenn nötig",
  nein: "Nein",
} as const;
export const MINUTES_STATUS_LABELS = {
  draft: "Entwurf",
  circulated: "Zur Durchsicht verschickt",
  approved: "Genehmigt",
  locked: "Genehmigt und abgeschlossen",
} as const;

/** "Mittwoch, 19. August 2026, 15:00–17:30 Uhr" */
export function meetingWhen(startsAt: Date | string, endsAt: Date | string): string {
  const sameDay = longDayText(startsAt) === longDayText(endsAt);
  return sameDay
    ? `${longDayText(startsAt)}, ${timeText(startsAt)}–${timeText(endsAt)} Uhr`
    : `${longDayText(startsAt)}, ${timeText(startsAt)} Uhr bis ${longDayText(endsAt)}, ${timeText(endsAt)} Uhr`;
}

/** A poll option: "Mi., 21. Okt. 2026, 10:00 Uhr" (Berlin wall-clock, no conversion). */
export function pollOptionText(dayIso: string, startTime: string | null): string {
  const text = shortCalendarDayText(dayIso);
  return startTime ? `${text}, ${startTime} Uhr` : `${text} (Uhrzeit offen)`;
}

export { shortDayText, timeText };

export function whereText(m: {
  place: string | null;
  gemeinde: string | null;
  onlineUrl?: string | null;
  online?: boolean;
}): string {
  const place = [m.place, m.gemeinde].filter(Boolean).join(", ");
  const online = m.onlineUrl || m.online;
  if (place && online) return `${place} und online`;
  return place || (online ? "Online" : "—");
}

/** "14 Zusagen aus 6 Trägern · 2 vielleicht · 3 Absagen" */
export function rsvpLine(
  m: { rsvpYes: number; rsvpMaybe: number; rsvpNo: number },
  orgs: number,
): string {
  const yes = `${m.rsvpYes} ${m.rsvpYes === 1 ? "Zusage" : "Zusagen"}`;
  const from =
    orgs > 0 ? ` aus ${orgs} ${orgs === 1 ? "Träger" : "Trägern"}` : "";
  return `${yes}${from} · ${m.rsvpMaybe} vielleicht · ${m.rsvpNo} ${m.rsvpNo === 1 ? "Absage" : "Absagen"}`;
}
