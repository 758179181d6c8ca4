// German texts and formats of the Kooperationstreffen screens.
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

const day = new Intl.DateTimeFormat("de-DE", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Berlin",
});
const shortDay = new Intl.DateTimeFormat("de-DE", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "Europe/Berlin",
});
const time = new Intl.DateTimeFormat("de-DE", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Berlin",
});

/** "Mittwoch, 19. August 2026, 15:00–17:30 Uhr" */
export function meetingWhen(
  startsAt: Date | string,
  endsAt: Date | string,
): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  return day.format(s) === day.format(e)
    ? `${day.format(s)}, ${time.format(s)}–${time.format(e)} Uhr`
    : `${day.format(s)}, ${time.format(s)} Uhr bis ${day.format(e)}, ${time.format(e)} Uhr`;
}

export function shortDayText(value: Date | string): string {
  return shortDay.format(new Date(value));
}

export function timeText(value: Date | string): string {
  return time.format(new Date(value));
}

/** A poll option: "Mi., 21. Okt. 2026, 10:00 Uhr" (Berlin wall-clock, no conversion). */
export function pollOptionText(
  dayIso: string,
  startTime: string | null,
): string {
  const [y, m, d] = dayIso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  const text = new Intl.DateTimeFormat("de-DE", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
  return startTime ? `${text}, ${startTime} Uhr` : `${text} (Uhrzeit offen)`;
}

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
