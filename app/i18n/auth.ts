// Words and limits of the account pages that the pages show themselves (hints, outcomes of the
// auth service). Without zod, so a page can import them without loading its schema
// (app/validation/auth.ts, which uses the same texts).

export const PASSWORD_MIN = 10;
/** bcrypt reads at most 72 bytes; longer passwords would be cut off silently, so we refuse them. */
export const PASSWORD_MAX_BYTES = 72;
/** The hint under every field that sets a new password. */
export const NEW_PASSWORD_HINT = `Mindestens ${PASSWORD_MIN} Zeichen, nicht Ihre E-Mail-Adresse.`;

export const PASSWORD_EQUALS_EMAIL = "Das Passwort darf nicht Ihre E-Mail-Adresse sein.";
export const PASSWORDS_DIFFER = "Die Passwörter stimmen nicht überein.";

// Messages the account pages show for outcomes of the auth service.
export const INVALID_CREDENTIALS = "E-Mail-Adresse oder Passwort ist falsch.";
export const TOO_MANY_ATTEMPTS = "Zu viele Anmeldeversuche. Bitte warten Sie 15 Minuten.";
export const EMAIL_NOT_CONFIRMED =
  "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in unserer E-Mail.";
export const EMAIL_TAKEN = "Für diese E-Mail-Adresse gibt es bereits ein Konto.";
export const RESET_MAIL_SENT = "Wenn ein Konto existiert, haben wir Ihnen einen Link geschickt.";
export const CONFIRMATION_RESENT =
  "Wenn es ein unbestätigtes Konto mit dieser Adresse gibt, haben wir Ihnen einen neuen Link geschickt.";
export const WRONG_CURRENT_PASSWORD = "Das aktuelle Passwort ist falsch.";
