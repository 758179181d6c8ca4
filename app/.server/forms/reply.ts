// The one way a form answers a refusal of the database: the TK_* code's German message goes under
// the field it concerns — looked up in the feature's code→field map (e.g. COVER_FIELDS,
// TRAINING_FIELDS) — or above the form when the map does not name one. An error without a
// TK_* code or known SQLSTATE is a bug, not the user's: it is rethrown for the error boundary.
import { dbErrorCode, userMessageFor } from "../db/errors";

/** TK_* code → the form field its message belongs under. */
export type RefusalFields = Readonly<Record<string, string>>;

type Submission<R> = {
  reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }) => R;
};

/** The form's reply to a refused write (see the file comment). */
export function replyToRefusal<R>(
  submission: Submission<R>,
  error: unknown,
  fields: RefusalFields = {},
  options: { hideFields?: string[] } = {},
): R {
  const message = userMessageFor(error);
  if (!message) throw error;
  const code = dbErrorCode(error);
  const field = code ? fields[code] : undefined;
  return field
    ? submission.reply({ ...options, fieldErrors: { [field]: [message] } })
    : submission.reply({ ...options, formErrors: [message] });
}

/** The field a refusal belongs under, or undefined (a form-level message). */
export function refusalField(error: unknown, fields: RefusalFields): string | undefined {
  const code = dbErrorCode(error);
  return code ? fields[code] : undefined;
}
