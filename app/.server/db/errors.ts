// Turns database errors a user can cause into German messages. Functions in the migrations raise
// stable codes (TK_*) with SQLSTATE P0001; constraint violations carry standard SQLSTATEs.
// Postgres' own error text never reaches a page.
import { CALENDAR_ERRORS } from "~/i18n/calendar";
import { COVER_ERRORS } from "~/i18n/cover";
import { MEETING_ERRORS } from "~/i18n/meetings";
import { PROJECT_ERRORS } from "~/i18n/projects";
import { TRAINING_ERRORS } from "~/i18n/trainings";

// Each feature owns the German messages of its TK_* codes (app/i18n/<feature>.ts); the codes of
// sign-in, Träger and circle and of the Sozialdaten guard stay here. One merged map below.
const coreMessages: Record<string, string> = {
  TK_NOT_SIGNED_IN: "Bitte melden Sie sich an.",
  TK_NOT_FOUND: "Nicht gefunden.",
  TK_FORM_KEY_INVALID: "Dieses Formular ist nicht mehr gültig. Bitte laden Sie die Seite neu und senden Sie es noch einmal.",
  TK_OWNER_ONLY: "Nur Inhaber:innen können die Rolle „Inhaber:in“ vergeben oder entziehen.",
  TK_LAST_OWNER: "Der Träger braucht mindestens eine Inhaberin oder einen Inhaber. Ernennen Sie zuerst eine weitere Person.",
  TK_UNKNOWN_HILFEART: "Unbekannte Hilfeart.",
  TK_UNKNOWN_GEMEINDE: "Unbekannte Gemeinde.",
  TK_INVALID_ROLE: "Unbekannte Rolle.",
  TK_ALREADY_MEMBER: "Diese Person gehört dem Träger bereits an.",
  TK_INVITATION_INVALID: "Diese Einladung gibt es nicht (mehr). Bitten Sie um eine neue Einladung.",
  TK_INVITATION_USED: "Diese Einladung wurde bereits angenommen.",
  TK_INVITATION_EXPIRED: "Diese Einladung ist abgelaufen. Bitten Sie um eine neue Einladung.",
  TK_INVITATION_OTHER_EMAIL:
    "Diese Einladung gilt für eine andere E-Mail-Adresse. Melden Sie sich mit der eingeladenen Adresse an.",
  TK_ALREADY_DECIDED: "Über diese Anfrage wurde bereits entschieden.",
  TK_CIRCLE_REMOVE_COORDINATOR:
    "Ein Träger, der den Kreis koordiniert, kann nicht entfernt werden. Übergeben Sie zuerst die Koordination.",
  TK_CIRCLE_REASON_REQUIRED: "Bitte geben Sie einen Grund an (mindestens 3 Zeichen).",
  TK_CIRCLE_REASON_TOO_LONG: "Der Grund darf höchstens 1.000 Zeichen lang sein.",
  TK_CIRCLE_ALREADY_COORDINATOR: "Dieser Träger koordiniert den Kreis bereits.",
  TK_ACCOUNT_LAST_OWNER:
    "Sie sind die einzige Inhaberin bzw. der einzige Inhaber eines Trägers. Ernennen Sie dort zuerst eine weitere Person zur Inhaber:in.",
  TK_ALREADY_IN_CIRCLE: "Ihr Träger gehört diesem Kreis bereits an.",
  TK_JOIN_REQUEST_PENDING: "Für Ihren Träger liegt dem Kreis schon eine offene Anfrage vor. Die Koordination meldet sich bei Ihnen.",
  TK_JOIN_REQUEST_LIMIT:
    "Von dieser E-Mail-Adresse liegen dem Kreis bereits drei offene Meldungen vor. Die Koordination meldet sich bei Ihnen.",
  TK_JOIN_REQUESTS_BUSY: "Gerade gehen sehr viele Meldungen ein. Bitte versuchen Sie es in einer Stunde noch einmal.",
  // Sozialdaten guard (supabase/migrations/2026120612*_…sozialdaten…)
  TK_SOZIALDATEN:
    "Der Text enthält Sozialdaten (§§ 61–65 SGB VIII), die andere Träger nicht lesen dürfen. Fallbezogene Angaben gehören in die " +
    "Übergabenotizen einer Vertretung (nur der Träger mit der Zusage sieht sie) oder ins Fallkürzel (nur Ihr eigener Träger sieht es).",
  TK_SOZIALDATEN_HIDDEN: "Dieser Text ist wegen Sozialdaten ausgeblendet, bis der Träger ihn überarbeitet hat.",
  TK_SOZIALDATEN_OWN_TEXT: "Das ist ein Text Ihres eigenen Trägers: Bitte überarbeiten Sie ihn, statt ihn zu melden.",
  TK_SOZIALDATEN_REVISE_NOT_ALLOWED:
    "Ausgeblendete Texte überarbeiten kann nur die Koordination, Administration oder Inhaber:in des Trägers.",
  TK_SOZIALDATEN_REVISE_IN_EDITOR:
    "Ein Protokoll überarbeiten Sie im Protokoll-Editor: Sobald die überarbeitete Fassung verteilt (und, wenn es schon freigegeben war, wieder freigegeben) ist, sehen die anderen Träger es wieder.",
  TK_SOZIALDATEN_TITLE_TOO_SHORT: "Bitte geben Sie einen Titel mit mindestens 3 Zeichen an.",
};

const messages: Record<string, string> = {
  ...coreMessages,
  ...TRAINING_ERRORS,
  ...COVER_ERRORS,
  ...MEETING_ERRORS,
  ...PROJECT_ERRORS,
  ...CALENDAR_ERRORS,
};

export type DbErrorInfo = { code: string; message: string; known: boolean };

function pgFields(error: unknown): { code?: string; message?: string; constraint?: string; hint?: string } {
  if (typeof error !== "object" || error === null) return {};
  const e = error as Record<string, unknown>;
  return {
    code: typeof e.code === "string" ? e.code : undefined,
    message: typeof e.message === "string" ? e.message : undefined,
    hint: typeof e.hint === "string" ? e.hint : undefined,
    constraint:
      typeof e.constraint === "string"
        ? e.constraint
        : typeof e.constraint_name === "string"
          ? e.constraint_name
          : undefined,
  };
}

/** The app code (TK_*) if the error is one of ours. */
export function dbErrorCode(error: unknown): string | undefined {
  const { code, message } = pgFields(error);
  if (code === "P0001" && message && message in messages) return message;
  if (code === "P0001" && message?.startsWith("TK_")) return message.split(/\s/)[0];
  return undefined;
}

/**
 * The German message for an error a user can cause, or undefined when the error is a bug
 * (then the caller rethrows and the error boundary shows a generic page).
 */
export function userMessageFor(error: unknown): string | undefined {
  const code = dbErrorCode(error);
  // The Sozialdaten guard names what it found in German in HINT ("Telefonnummer, Anschrift mit Hausnummer").
  const { hint } = pgFields(error);
  if (code === "TK_SOZIALDATEN" && hint && /^[\p{L} ,-]{1,200}$/u.test(hint)) {
    return `${messages.TK_SOZIALDATEN} Gefunden: ${hint}.`;
  }
  if (code) return messages[code] ?? "Die Aktion ist nicht möglich.";
  const { code: sqlstate } = pgFields(error);
  switch (sqlstate) {
    case "23505":
      return "Diesen Eintrag gibt es bereits.";
    case "23514":
    case "22001":
    case "22P02":
      return "Die Eingabe ist ungültig.";
    case "42501":
      return "Dazu fehlt Ihnen die Berechtigung.";
    default:
      return undefined;
  }
}

export function isDbError(error: unknown, tkCode: string): boolean {
  return dbErrorCode(error) === tkCode;
}
