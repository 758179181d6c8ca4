// The one way text enters the app: every free-text field of every form schema and every query
// or route parameter goes through these helpers, so that
//   - control characters (NUL above all, which Postgres refuses with an error) are refused with a
//     German message at the field, before any SQL;
//   - every field has a maximum length, checked before anything else looks at the text (the
//     Sozialdaten screen, the database).
// Single-line fields (names, titles, places) refuse every control character, tab and line breaks
// included; multi-line fields (descriptions, messages, notes) allow tab, CR and LF.
import { z } from "zod";
import { numberText } from "~/utils/format";

// No `new Function` in zod: the Content-Security-Policy allows no eval, and zod's probe for it is
// reported as a violation in the browser even when caught. Every schema imports this module.
z.config({ jitless: true });

// C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators (line breaks in disguise).
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// The same without tab (\u0009), LF (\u000a) and CR (\u000d).
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

export const CONTROL_CHARACTERS = "Der Text enthält unsichtbare Steuerzeichen. Bitte entfernen Sie sie.";
export const LINE_BREAK_NOT_ALLOWED = "Hier sind keine Zeilenumbrüche, Tabulatoren oder Steuerzeichen erlaubt.";

export function hasControlCharacters(value: string, multiLine = false): boolean {
  return (multiLine ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value);
}

type TextOptions = {
  /** Most characters accepted (after trimming). Required: no field is unbounded. */
  max: number;
  /** "Der Titel" → "Der Titel ist zu lang (höchstens 200 Zeichen)." */
  label?: string;
  /** Message for a value over `max`, instead of the one built from `label`. */
  tooLong?: string;
  /** Message when the field is missing (zod's `error` for a non-string). */
  required?: string;
  /** Fewest characters (after trimming), with its message. */
  min?: { length: number; message: string };
};

function tooLongMessage({ max, label, tooLong }: TextOptions): string {
  if (tooLong) return tooLong;
  return `${label ?? "Der Text"} ist zu lang (höchstens ${numberText(max)} Zeichen).`;
}

function text(options: TextOptions, multiLine: boolean): z.ZodString {
  const base = options.required ? z.string({ error: options.required }) : z.string();
  // Length first, then control characters; both checks are linear, and the schema's own
  // refinements (patterns, the Sozialdaten screen in the action) only see a valid value.
  const trimmed = base.trim();
  return (options.min ? trimmed.min(options.min.length, options.min.message) : trimmed)
    .max(options.max, tooLongMessage(options))
    .refine((value) => !hasControlCharacters(value, multiLine), multiLine ? CONTROL_CHARACTERS : LINE_BREAK_NOT_ALLOWED);
}

/** A one-line text field: name, title, place, reference. No control characters, no line breaks. */
export function singleLine(options: TextOptions) {
  return text(options, false);
}

/** A multi-line text field (textarea): description, message, notes. Tab and line breaks allowed. */
export function multiLine(options: TextOptions) {
  return text(options, true);
}

/** Optional variants: an empty or missing field is `undefined`. */
export const optionalSingleLine = (max: number, label: string) => singleLine({ max, label }).optional();
export const optionalMultiLine = (max: number, label: string) => multiLine({ max, label }).optional();

/**
 * An optional query parameter: "" means "not set"; a malformed value — control characters
 * included — is ignored, never an error (a list page with a bad filter shows the unfiltered list).
 */
export function optionalParam<T extends z.ZodType>(schema: T) {
  return z
    .preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional())
    .catch(undefined);
}

/** A free-text query parameter (a search box): one line, at most `max` characters. */
export function searchParam(max: number) {
  return optionalParam(singleLine({ max, min: { length: 1, message: "" } }));
}

/** A slug in a route (`/traeger/:slug`, `/k/:slug`): lower-case letters, digits, hyphens. */
export const SlugParamSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);

export function isSlugParam(value: string | undefined): value is string {
  return SlugParamSchema.safeParse(value).success;
}
