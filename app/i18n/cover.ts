// German labels of the Vertretungsbörse: urgencies, kinds, statuses, hours and dates as the board,
// the detail page, the ledger and the CSV show them. One place, so every screen says the same.
import { hoursText } from "~/utils/format";
import type { CoverGenderRequirement, CoverKind, CoverOfferStatus, CoverRequestStatus, CoverUrgency } from "~/.server/db/schema";

/** The longest description of a cover request (the form screens it for Sozialdaten as people type). */
export const COVER_DESCRIPTION_MAX = 2000;

export const COVER_URGENCIES = ["notfall", "dringend", "planbar"] as const satisfies readonly CoverUrgency[];
export const COVER_KINDS = ["vertretung", "krisenintervention", "umgangsbegleitung", "uebernahme"] as const satisfies
  readonly CoverKind[];
export const COVER_GENDERS = ["weiblich", "maennlich", "divers"] as const satisfies readonly CoverGenderRequirement[];

export const URGENCY_LABELS: Record<CoverUrgency, string> = {
  notfall: "Notfall",
  dringend: "Dringend",
  planbar: "Planbar",
};

/** What each urgency means, for the form and the filters. */
export const URGENCY_HINTS: Record<CoverUrgency, string> = {
  notfall: "heute oder morgen",
  dringend: "diese Woche",
  planbar: "mit Vorlauf",
};

export const URGENCY_TONES: Record<CoverUrgency, "red" | "amber" | "slate"> = {
  notfall: "red",
  dringend: "amber",
  planbar: "slate",
};

export const KIND_LABELS: Record<CoverKind, string> = {
  vertretung: "Vertretung laufender Hilfe",
  krisenintervention: "Krisenintervention",
  umgangsbegleitung: "Umgangsbegleitung",
  uebernahme: "Übernahme",
};

export const REQUEST_STATUS_LABELS: Record<CoverRequestStatus, string> = {
  draft: "Entwurf",
  open: "Offen",
  filled: "Besetzt",
  cancelled: "Abgesagt",
  expired: "Abgelaufen",
  completed: "Erledigt",
};

export const REQUEST_STATUS_TONES: Record<CoverRequestStatus, "slate" | "brand" | "amber" | "red" | "green"> = {
  draft: "amber",
  open: "brand",
  filled: "green",
  cancelled: "slate",
  expired: "slate",
  completed: "green",
};

export const OFFER_STATUS_LABELS: Record<CoverOfferStatus, string> = {
  offered: "Angeboten",
  accepted: "Angenommen",
  declined: "Abgelehnt",
  withdrawn: "Zurückgezogen",
};

export const OFFER_STATUS_TONES: Record<CoverOfferStatus, "slate" | "brand" | "amber" | "red" | "green"> = {
  offered: "brand",
  accepted: "green",
  declined: "slate",
  withdrawn: "slate",
};

export const GENDER_LABELS: Record<CoverGenderRequirement, string> = {
  weiblich: "weiblich",
  maennlich: "männlich",
  divers: "divers",
};

/** The 403 text for members who open the request form. */
export const COVER_POST_NOT_ALLOWED =
  "Vertretungen anfragen können Koordinator:innen, Administrator:innen und Inhaber:innen eines Trägers, der einem Kreis angehört. Bitten Sie die Koordination Ihres Trägers, die Anfrage einzustellen.";

/** The AÜG note every cover carries (the ledger's column default says the same). */
export const AUEG_NOTE = "gelegentliche Arbeitnehmerüberlassung (§ 1 Abs. 3 Nr. 2a AÜG)";

/** "12 von 20 Std./Woche zugesagt" */
export function fillText(covered: string | number, total: string | number): string {
  return `${hoursText(covered)} von ${hoursText(total)} Std./Woche zugesagt`;
}

// Dates, hours and months are written by the one format module; re-exported for the pages that
// import them from here.
export { dayText, hoursText, momentText, monthText, periodText } from "~/utils/format";

/** The German messages of the Vertretungsbörse's TK_* codes (raised in supabase/migrations/20261126100*). */
export const COVER_ERRORS: Record<string, string> = {
  TK_COVER_PERIOD_INVALID: "Das Ende des Zeitraums liegt vor dem Beginn.",
  TK_COVER_PERIOD_TOO_LONG: "Eine Vertretung darf höchstens zwei Jahre umfassen.",
  TK_COVER_PERIOD_PAST: "Der Zeitraum dieser Anfrage ist bereits vorbei. Bitte passen Sie ihn an.",
  TK_COVER_HOURS_INVALID: "Bitte geben Sie mehr als 0 und höchstens 60 Stunden pro Woche an.",
  TK_COVER_CASE_REFERENCE_INVALID:
    "Das Fallkürzel muss pseudonym sein, z. B. „F-2026-014“ (Großbuchstaben, Bindestrich, Ziffern) – niemals ein Name.",
  TK_COVER_GENDER_REASON_REQUIRED: "Bitte begründen Sie die Anforderung an das Geschlecht der Fachkraft.",
  TK_COVER_ADDRESSING_INVALID:
    "Bitte geben Sie an, ab wann die Anfrage für den ganzen Kreis sichtbar wird, wenn sie sich zuerst an einzelne Träger richtet.",
  TK_COVER_NO_RECIPIENTS: "Bitte wählen Sie mindestens einen Träger, an den sich die Anfrage zuerst richtet.",
  TK_COVER_RECIPIENT_INVALID: "Die Anfrage kann sich nur an andere Träger desselben Kreises richten.",
  TK_COVER_WIDEN_AT_PAST:
    "Der Zeitpunkt, ab dem der ganze Kreis die Anfrage sieht, liegt in der Vergangenheit. Bitte wählen Sie einen späteren.",
  TK_COVER_SOZIALDATEN_UNCONFIRMED:
    "Bitte bestätigen Sie, dass die Beschreibung keine Sozialdaten enthält (§§ 61–65 SGB VIII). Angaben zum Fall gehören in die Übergabenotizen.",
  TK_COVER_NOT_DRAFT: "Diese Anfrage ist bereits veröffentlicht.",
  TK_COVER_NOT_PUBLISHED: "Diese Anfrage ist noch nicht veröffentlicht.",
  TK_COVER_NOT_IN_CIRCLE: "Ihr Träger gehört diesem Kreis nicht (mehr) an.",
  TK_COVER_COORDINATORS_ONLY:
    "Vertretungen anfragen, anbieten und abschließen können nur Koordination, Administration und Inhaber:innen eines Trägers.",
  TK_COVER_REQUESTER_ONLY: "Angebote annehmen, ablehnen oder die Anfrage absagen kann nur die Koordination des anfragenden Trägers.",
  TK_COVER_OWN_REQUEST: "Auf eine Anfrage des eigenen Trägers können Sie kein Angebot abgeben.",
  TK_COVER_FILLED: "Diese Anfrage ist bereits vollständig besetzt.",
  TK_COVER_CANCELLED: "Diese Anfrage wurde abgesagt.",
  TK_COVER_EXPIRED: "Der Zeitraum dieser Anfrage ist abgelaufen.",
  TK_COVER_COMPLETED: "Diese Vertretung ist bereits abgeschlossen.",
  TK_COVER_OFFER_TOO_MANY_HOURS: "So viele Stunden sind nicht mehr offen. Bitte bieten Sie höchstens die noch offenen Stunden an.",
  TK_COVER_ACCEPT_TOO_MANY_HOURS:
    "Das Angebot übersteigt die noch offenen Stunden. Nehmen Sie es nur teilweise an – höchstens mit den offenen Stunden.",
  TK_COVER_OFFER_FROM_INVALID: "Das Angebot muss spätestens am letzten Tag des Zeitraums beginnen.",
  TK_COVER_OFFER_EXISTS: "Ihr Träger hat zu dieser Anfrage bereits ein offenes Angebot.",
  TK_COVER_OFFER_NOT_FOUND: "Dieses Angebot gehört nicht zu dieser Anfrage.",
  TK_COVER_OFFER_WITHDRAWN: "Das Angebot wurde inzwischen zurückgezogen.",
  TK_COVER_OFFER_ACCEPTED: "Das Angebot wurde bereits angenommen.",
  TK_COVER_OFFER_DECLINED: "Das Angebot wurde bereits abgelehnt.",
  TK_COVER_REASON_REQUIRED: "Bitte geben Sie einen Grund an (mindestens 3 Zeichen).",
  TK_COVER_MESSAGE_TOO_LONG: "Die Nachricht darf höchstens 1000 Zeichen lang sein.",
  TK_COVER_NOT_ACCEPTED: "Nur angenommene Vertretungen können abgeschlossen werden.",
  TK_COVER_ALREADY_COMPLETED: "Für diese Vertretung sind die geleisteten Stunden bereits erfasst.",
  TK_COVER_ACTUAL_HOURS_INVALID: "Bitte geben Sie die tatsächlich geleisteten Stunden an (0 bis 60 pro Woche des Zeitraums).",
  TK_COVER_CONTACT_INVALID: "Die Ansprechperson muss Ihrem Träger angehören.",
  TK_COVER_ASK_TOO_SOON: "Sie haben die Koordination gerade erst benachrichtigt. Sie meldet sich bei Ihnen.",
  // Notfall on the phone: push devices, the three-step escalation and the qualification gate
  TK_PUSH_SUBSCRIPTION_INVALID:
    "Dieses Gerät hat keine gültige Push-Anmeldung geschickt. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
  TK_PUSH_TOO_MANY_DEVICES: "Sie haben Push bereits auf 20 Geräten eingeschaltet. Bitte entfernen Sie zuerst ein altes Gerät.",
  TK_COVER_FAVOURITE_OUTSIDE_CIRCLE: "Als Favoriten können Sie nur Träger wählen, die mit Ihrem Träger in einem Kreis sind.",
  TK_COVER_NO_FAVOURITES: "Ihr Träger hat in diesem Kreis noch keine Favoriten. Bitte wählen Sie die Träger selbst oder legen Sie Favoriten an.",
  TK_COVER_PARTNERS_AT_INVALID: "Die Partner-Stufe muss vor dem Zeitpunkt liegen, ab dem der ganze Kreis die Anfrage sieht.",
  TK_COVER_ALREADY_WIDENED: "Der ganze Kreis sieht diese Anfrage bereits.",
  TK_COVER_STAFF_REQUIRED: "Diese Anfrage verlangt eine Fachkraft: Bitte wählen Sie die Person, die Sie anbieten.",
  TK_COVER_STAFF_UNKNOWN: "Diese Person steht nicht auf der Personalliste Ihres Trägers.",
  TK_COVER_STAFF_NOT_FACHKRAFT:
    "Diese Anfrage verlangt eine Fachkraft (§ 72 SGB VIII). Für die gewählte Person ist keine Fachkraft-Qualifikation eingetragen.",
  TK_COVER_STAFF_FUEHRUNGSZEUGNIS_EXPIRED:
    "Das erweiterte Führungszeugnis der gewählten Person ist älter, als der Kreis erlaubt (§ 72a SGB VIII). Bitte tragen Sie zuerst das Datum eines aktuellen ein.",
  TK_STAFF_FUEHRUNGSZEUGNIS_IN_FUTURE: "Das Datum des Führungszeugnisses darf nicht in der Zukunft liegen.",
  TK_STAFF_QUALIFICATION_NOTE_REQUIRED: "Bitte beschreiben Sie die andere Qualifikation in ein paar Worten.",
};
