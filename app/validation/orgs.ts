// Forms of a Träger's own pages: create a Träger, edit its profile, manage members and
// invitations. Shared by the browser (conform) and the server; the database checks again.
import { z } from "zod";
import { LEGAL_FORMS, LEITBILD_MAX, ORG_KINDS, ORG_ROLES } from "~/i18n/labels";
import { multiLine, optionalSingleLine, singleLine } from "./text";
import { publicText } from "./public-text";

const name = singleLine({
  max: 160,
  label: "Der Name",
  required: "Bitte geben Sie den Namen des Trägers an.",
  min: { length: 2, message: "Der Name ist zu kurz (mindestens 2 Zeichen)." },
});
const kind = z.enum(ORG_KINDS, { error: "Bitte wählen Sie die Art des Trägers." });
const legalForm = z.enum(LEGAL_FORMS, { error: "Bitte wählen Sie eine Rechtsform aus der Liste." }).optional();

export const CreateOrgSchema = z.object({ name, kind, legalForm });


/** A code from a fixed list (Hilfearten, Gemeinden); the server passes the list it knows. */
function codeList(codes: readonly string[] | undefined, message: string) {
  const known = (c: string) => /^[a-z0-9-]{1,40}$/.test(c) && (!codes || codes.includes(c));
  return z
    .array(z.string())
    .max(30, "Bitte wählen Sie höchstens 30 Einträge.")
    .refine((list) => list.every(known), message)
    .default([]);
}

/** Adds https:// when someone types "www.example.de"; anything but https is refused. */
function normaliseWebsite(value: unknown) {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

function isHttpsWebsite(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password && z.regexes.domain.test(url.hostname);
  } catch {
    return false;
  }
}

export function orgProfileSchema(options: { hilfeartCodes?: readonly string[]; gemeindeCodes?: readonly string[] } = {}) {
  return z.object({
    name,
    kind,
    legalForm,
    leitbild: publicText(multiLine({ max: LEITBILD_MAX, label: "Das Leitbild" }).optional(), "Das Leitbild"),
    hilfearten: codeList(options.hilfeartCodes, "Bitte wählen Sie nur Hilfearten aus der Liste."),
    gemeinden: codeList(options.gemeindeCodes, "Bitte wählen Sie nur Gemeinden aus der Liste."),
    street: optionalSingleLine(200, "Die Straße"),
    postalCode: z
      .string()
      .trim()
      .regex(/^[0-9]{5}$/, "Bitte geben Sie eine fünfstellige Postleitzahl an.")
      .optional(),
    city: optionalSingleLine(120, "Der Ort"),
    phone: singleLine({ max: 60, tooLong: "Die Telefonnummer ist zu lang (höchstens 60 Zeichen)." })
      .regex(/^[0-9+()/\s.-]+$/, "Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden.")
      .optional(),
    email: z
      .email("Bitte geben Sie eine gültige E-Mail-Adresse an.")
      .max(254, "Die E-Mail-Adresse ist zu lang.")
      .optional(),
    website: z.preprocess(
      normaliseWebsite,
      singleLine({ max: 300, tooLong: "Die Webadresse ist zu lang (höchstens 300 Zeichen)." })
        .refine(isHttpsWebsite, "Bitte geben Sie eine Webadresse an, die mit https:// beginnt, z. B. https://www.beispiel.de.")
        .optional(),
    ),
  });
}
export type OrgProfileInput = z.infer<ReturnType<typeof orgProfileSchema>>;

const email = z
  .email("Bitte geben Sie eine gültige E-Mail-Adresse an.")
  .max(254, "Die E-Mail-Adresse ist zu lang.")
  .transform((v) => v.toLowerCase());
const role = z.enum(ORG_ROLES, { error: "Bitte wählen Sie eine Rolle." });
const userId = z.uuid("Unbekannte Person.");

/** The forms of the member page, one schema per intent. */
export const MemberIntentSchemas = {
  invite: z.object({ intent: z.literal("invite"), email, role }),
  "change-role": z.object({ intent: z.literal("change-role"), userId, role }),
  remove: z.object({ intent: z.literal("remove"), userId }),
  contact: z
    .object({
      intent: z.literal("contact"),
      userId,
      isContactPerson: z.boolean().default(false),
      contactTitle: singleLine({ max: 120, tooLong: "Die Funktion ist zu lang (höchstens 120 Zeichen)." }).optional(),
    })
    .refine((v) => !v.isContactPerson || Boolean(v.contactTitle), {
      message: "Bitte geben Sie die Funktion an, z. B. „Bereichsleitung ambulante Hilfen“.",
      path: ["contactTitle"],
    }),
  withdraw: z.object({ intent: z.literal("withdraw"), invitationId: z.uuid("Unbekannte Einladung.") }),
  leave: z.object({ intent: z.literal("leave") }),
} as const;
export type MemberIntent = keyof typeof MemberIntentSchemas;

export function isMemberIntent(value: unknown): value is MemberIntent {
  return typeof value === "string" && Object.hasOwn(MemberIntentSchemas, value);
}

/** Invitation tokens are 64 hex characters; anything else is unknown without asking the database. */
export const InvitationTokenSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** The buttons of the invitation page. */
export const InvitationActionSchema = z.object({
  intent: z.enum(["accept", "sign-out"], { error: "Diese Aktion gibt es hier nicht." }),
});
