// German texts and formats of the Kooperationstreffen screens.
import { longDayText, shortCalendarDayText, shortDayText, timeText } from "~/utils/format";

/** The most dates a poll offers (the poll form says so; app/validation/meetings.ts checks it). */
export const POLL_MAX_OPTIONS = 15;

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

/** The German messages of the Kooperationstreffen's TK_* codes (raised in supabase/migrations/2026120613*). */
export const MEETING_ERRORS: Record<string, string> = {
  TK_MEETING_HOST_NOT_IN_CIRCLE: "Der einladende Träger gehört nicht zu diesem Kreis.",
  TK_MEETING_NOT_HOST: "Treffen planen können die Koordination des einladenden Trägers und die Koordination des Kreises.",
  TK_MEETING_TITLE_INVALID: "Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an.",
  TK_MEETING_TEXT_INVALID: "Die Eingabe enthält unzulässige Steuerzeichen (z. B. Zeilenumbrüche in einem einzeiligen Feld).",
  TK_MEETING_DESCRIPTION_TOO_LONG: "Die Beschreibung darf höchstens 10.000 Zeichen lang sein.",
  TK_MEETING_PLACE_MISSING: "Bitte geben Sie einen Ort oder einen Online-Link an.",
  TK_MEETING_PLACE_INVALID: "Der Ort darf höchstens 300 Zeichen lang sein.",
  TK_MEETING_ONLINE_URL_INVALID: "Der Online-Link muss mit https:// beginnen.",
  TK_MEETING_TIME_MISSING: "Bitte geben Sie Beginn und Ende an.",
  TK_MEETING_ENDS_BEFORE_START: "Das Treffen muss nach seinem Beginn enden.",
  TK_MEETING_TOO_LONG: "Ein Treffen dauert höchstens 24 Stunden.",
  TK_MEETING_DEADLINE_AFTER_START: "Der Anmeldeschluss muss vor dem Beginn liegen.",
  TK_MEETING_CAPACITY_INVALID: "Die Zahl der Plätze muss zwischen 1 und 10.000 liegen.",
  TK_MEETING_CAPACITY_BELOW_RSVPS: "Es gibt bereits mehr Zusagen, als die neue Platzzahl zulässt.",
  TK_MEETING_IN_PAST: "Der Beginn liegt in der Vergangenheit.",
  TK_MEETING_CANCELLED: "Dieses Treffen wurde abgesagt.",
  TK_MEETING_PAST: "Dieses Treffen ist vorbei.",
  TK_MEETING_REASON_TOO_LONG: "Die Begründung darf höchstens 2000 Zeichen lang sein.",
  TK_MEETING_STARTED: "Das Treffen hat bereits begonnen – Rückmeldungen sind nicht mehr möglich.",
  TK_MEETING_REGISTRATION_CLOSED: "Der Anmeldeschluss ist vorbei.",
  TK_MEETING_FULL: "Das Treffen ist voll: Alle Plätze sind vergeben. Sie können „vielleicht“ oder „Absage“ melden.",
  TK_RSVP_INVALID: "Bitte wählen Sie Zusage, vielleicht oder Absage.",
  TK_RSVP_COMMENT_TOO_LONG: "Der Kommentar darf höchstens 500 Zeichen lang sein.",
  TK_GUEST_NAME_INVALID: "Bitte geben Sie Ihren Namen an (2 bis 120 Zeichen).",
  TK_GUEST_ORG_INVALID: "Der Name des Trägers darf höchstens 200 Zeichen lang sein.",
  TK_GUEST_EMAIL_INVALID: "Bitte geben Sie eine gültige E-Mail-Adresse an.",
  TK_GUEST_EXISTS: "Diese E-Mail-Adresse ist für das Treffen bereits angemeldet. Den Link zum Ändern finden Sie in Ihrer Bestätigungs-E-Mail.",
  TK_GUEST_BUSY: "Gerade gehen sehr viele Anmeldungen ein. Bitte versuchen Sie es in einer Stunde noch einmal.",
  TK_GUEST_TOKEN_INVALID: "Dieser Link ist ungültig oder abgelaufen.",
  TK_POLL_DURATION_INVALID: "Die Dauer muss zwischen 15 Minuten und 24 Stunden liegen.",
  TK_POLL_OPTIONS_COUNT: "Eine Terminumfrage braucht 2 bis 15 Terminvorschläge.",
  TK_POLL_DEADLINE_PAST: "Die Abstimmungsfrist liegt in der Vergangenheit.",
  TK_POLL_OPTION_INVALID: "Ein Terminvorschlag ist ungültig.",
  TK_POLL_OPTION_PAST: "Ein Terminvorschlag liegt in der Vergangenheit.",
  TK_POLL_OPTION_DUPLICATE: "Ein Terminvorschlag steht doppelt in der Liste.",
  TK_POLL_VOTE_INVALID: "Bitte stimmen Sie für mindestens einen Termin mit Ja, wenn nötig oder Nein ab.",
  TK_POLL_CLOSED: "Die Abstimmung ist beendet.",
  TK_POLL_ALREADY_CLOSED: "Die Umfrage ist bereits abgeschlossen.",
  TK_POLL_TIME_REQUIRED: "Dieser Termin hat noch keine Uhrzeit. Bitte geben Sie den Beginn an.",
  TK_AGENDA_TITLE_INVALID: "Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an.",
  TK_AGENDA_DESCRIPTION_TOO_LONG: "Die Beschreibung darf höchstens 5000 Zeichen lang sein.",
  TK_AGENDA_MINUTES_INVALID: "Die geplante Dauer muss zwischen 1 und 480 Minuten liegen.",
  TK_AGENDA_PRESENTER_INVALID: "Der vortragende Träger gehört nicht zum Kreis.",
  TK_AGENDA_TOO_LONG: "Eine Tagesordnung hat höchstens 50 Punkte.",
  TK_AGENDA_TOO_MANY_PROPOSALS: "Sie haben bereits 10 offene Vorschläge für dieses Treffen.",
  TK_AGENDA_REASON_REQUIRED: "Bitte begründen Sie die Ablehnung (3 bis 1000 Zeichen).",
  TK_AGENDA_DECISION_INVALID: "Unbekannte Entscheidung.",
  TK_MINUTES_WRITER_INVALID: "Das Protokoll kann nur eine Person aus einem Träger des Kreises schreiben.",
  TK_MINUTES_TOO_EARLY: "Das Protokoll kann frühestens einen Tag vor dem Treffen begonnen werden.",
  TK_MINUTES_INVALID: "Das Protokoll ist unvollständig.",
  TK_MINUTES_TOO_LARGE: "Das Protokoll ist zu lang (höchstens 200.000 Zeichen).",
  TK_MINUTES_NOTE_TOO_LONG: "Die Anmerkung zur Fassung darf höchstens 500 Zeichen lang sein.",
  TK_MINUTES_LOCKED: "Das Protokoll ist genehmigt und kann so nicht mehr geändert werden.",
  TK_MINUTES_CHANGED: "Das Protokoll wurde inzwischen von jemand anderem gespeichert. Bitte laden Sie die Seite neu und übernehmen Sie Ihre Änderungen.",
  TK_MINUTES_EMPTY: "Es gibt noch kein gespeichertes Protokoll.",
  TK_MINUTES_COMMENT_DAYS_INVALID: "Die Frist für Anmerkungen muss zwischen 1 und 60 Tagen liegen.",
  TK_MINUTES_COMMENTS_CLOSED: "Die Frist für Anmerkungen ist vorbei.",
  TK_MINUTES_COMMENT_INVALID: "Bitte schreiben Sie eine Anmerkung (höchstens 2000 Zeichen).",
  TK_MINUTES_NOT_CIRCULATED: "Bitte verschicken Sie die aktuelle Fassung zuerst zur Durchsicht.",
  TK_MINUTES_ACTION_INVALID: "Eine Aufgabe braucht einen Träger des Kreises (und ggf. eine Person dieses Trägers).",
  TK_ACTION_STATUS_INVALID: "Unbekannter Status.",
};
