// Forms of the account pages: sign-up, sign-in, password reset and change, profile. Used by the
// browser (conform) and by the actions, so both refuse the same input with the same words.
import { z } from "zod";
import { PASSWORD_EQUALS_EMAIL, PASSWORD_MAX_BYTES, PASSWORD_MIN, PASSWORDS_DIFFER } from "~/i18n/auth";
import { hasControlCharacters, LINE_BREAK_NOT_ALLOWED, multiLine, singleLine } from "./text";

const utf8Length = (value: string) => new TextEncoder().encode(value).length;

export const EmailSchema = z
  .string({ error: "Bitte geben Sie Ihre E-Mail-Adresse ein." })
  .trim()
  .toLowerCase()
  .max(254, "Die E-Mail-Adresse ist zu lang.")
  .email("Bitte geben Sie eine gültige E-Mail-Adresse ein.");

/** The email from a query string (?email=, see app/utils/auth-links.ts) if it is a valid address, else "". */
export function prefilledEmail(value: string | null | undefined): string {
  const parsed = EmailSchema.safeParse(value ?? "");
  return parsed.success ? parsed.data : "";
}

export const NewPasswordSchema = z
  .string({ error: "Bitte wählen Sie ein Passwort." })
  .min(PASSWORD_MIN, `Das Passwort muss mindestens ${PASSWORD_MIN} Zeichen lang sein.`)
  .max(PASSWORD_MAX_BYTES, `Das Passwort darf höchstens ${PASSWORD_MAX_BYTES} Zeichen lang sein.`)
  .refine((value) => !hasControlCharacters(value), LINE_BREAK_NOT_ALLOWED)
  .refine(
    (value) => utf8Length(value) <= PASSWORD_MAX_BYTES,
    `Das Passwort ist zu lang: höchstens ${PASSWORD_MAX_BYTES} Bytes (Umlaute und Sonderzeichen zählen doppelt oder mehr).`,
  );

/** An existing password as typed at sign-in: no rules beyond a sane length. */
const GivenPasswordSchema = z
  .string({ error: "Bitte geben Sie Ihr Passwort ein." })
  .max(200, "Das Passwort ist zu lang.")
  .refine((value) => !hasControlCharacters(value), LINE_BREAK_NOT_ALLOWED);

/** Where to go after sign-in; checked for real by safeRedirect (app/utils/safe-redirect.ts). */
const RedirectToSchema = z.string().max(500).optional();

export const FullNameSchema = singleLine({
  max: 120,
  tooLong: "Der Name darf höchstens 120 Zeichen lang sein.",
  required: "Bitte geben Sie Ihren Namen ein.",
  min: { length: 1, message: "Bitte geben Sie Ihren Namen ein." },
});

export function passwordMatchesEmail(password: string, email: string | undefined): boolean {
  return Boolean(email) && password.trim().toLowerCase() === email!.trim().toLowerCase();
}

export const SignUpSchema = z
  .object({
    fullName: FullNameSchema,
    email: EmailSchema,
    password: NewPasswordSchema,
    confirmPassword: z.string({ error: "Bitte wiederholen Sie das Passwort." }).max(200),
    redirectTo: RedirectToSchema,
  })
  .superRefine((value, ctx) => {
    if (passwordMatchesEmail(value.password, value.email)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_EQUALS_EMAIL });
    }
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: PASSWORDS_DIFFER });
    }
  });

export const SignInSchema = z.object({
  email: EmailSchema,
  password: GivenPasswordSchema,
  redirectTo: RedirectToSchema,
});

export const EmailOnlySchema = z.object({ email: EmailSchema });

export const ResetPasswordSchema = z
  .object({
    token: z.string({ error: "Der Link ist unvollständig." }).max(100),
    password: NewPasswordSchema,
    confirmPassword: z.string({ error: "Bitte wiederholen Sie das Passwort." }).max(200),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: PASSWORDS_DIFFER });
    }
  });

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z
      .string({ error: "Bitte geben Sie Ihr aktuelles Passwort ein." })
      .max(200, "Das Passwort ist zu lang.")
      .refine((value) => !hasControlCharacters(value), LINE_BREAK_NOT_ALLOWED),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string({ error: "Bitte wiederholen Sie das neue Passwort." }).max(200),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: PASSWORDS_DIFFER });
    }
    if (value.newPassword === value.currentPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["newPassword"],
        message: "Das neue Passwort muss sich vom aktuellen unterscheiden.",
      });
    }
  });

/** "Deutsch, Türkisch, Arabisch" → ["Deutsch", "Türkisch", "Arabisch"], without duplicates. */
export function splitLanguages(value: string | undefined): string[] {
  if (!value) return [];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of value.split(/[,;\n]/)) {
    const language = part.trim();
    if (!language || seen.has(language.toLowerCase())) continue;
    seen.add(language.toLowerCase());
    result.push(language);
  }
  return result;
}

export const ProfileSchema = z.object({
  intent: z.literal("profile"),
  fullName: FullNameSchema,
  phone: singleLine({ max: 60, tooLong: "Die Telefonnummer darf höchstens 60 Zeichen lang sein." })
    .regex(/^[0-9+()/\-\s]*$/, "Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden.")
    .optional(),
  qualifications: multiLine({ max: 1000, tooLong: "Die Qualifikationen dürfen höchstens 1000 Zeichen lang sein." }).optional(),
  languages: multiLine({ max: 600, tooLong: "Die Angabe ist zu lang." })
    .optional()
    .superRefine((value, ctx) => {
      const list = splitLanguages(value);
      if (list.length > 20) ctx.addIssue({ code: "custom", message: "Bitte höchstens 20 Sprachen angeben." });
      if (list.some((l) => l.length > 40)) {
        ctx.addIssue({ code: "custom", message: "Jede Sprache darf höchstens 40 Zeichen lang sein." });
      }
    }),
});

export const SignOutEverywhereSchema = z.object({ intent: z.literal("signout-everywhere") });

/** "Konto löschen" on /konto: the password confirms it is the person. */
export const DeleteAccountSchema = z.object({
  password: z
    .string({ error: "Bitte geben Sie Ihr Passwort ein, um das Löschen zu bestätigen." })
    .min(1, "Bitte geben Sie Ihr Passwort ein, um das Löschen zu bestätigen.")
    .max(200, "Das Passwort ist zu lang."),
});
