// Turns database errors a user can cause into German messages. Functions in the migrations raise
// stable codes (TK_*) with SQLSTATE P0001; constraint violations carry standard SQLSTATEs.
// Postgres' own error text never reaches a page.

const messages: Record<string, string> = {
  TK_NOT_SIGNED_IN: "Bitte melden Sie sich an.",
  TK_NOT_FOUND: "Nicht gefunden.",
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
};

export type DbErrorInfo = { code: string; message: string; known: boolean };

function pgFields(error: unknown): { code?: string; message?: string; constraint?: string } {
  if (typeof error !== "object" || error === null) return {};
  const e = error as Record<string, unknown>;
  return {
    code: typeof e.code === "string" ? e.code : undefined,
    message: typeof e.message === "string" ? e.message : undefined,
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
