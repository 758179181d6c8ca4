// Forms and URL parameters of the Vertretungsbörse: the board's filters, the request form (draft
// and publish), the buttons of the detail page (one schema per intent), the ledger and the alert
// preferences. Shared by the browser (conform) and the server; the database checks everything
// again and its refusals come back as German messages at the field they concern.
import { z } from "zod";
import { COVER_DESCRIPTION_MAX, COVER_GENDERS, COVER_KINDS, COVER_URGENCIES } from "~/i18n/cover";
import { berlinDateTimeToInstant, isValidDate, isValidDateTimeLocal } from "~/utils/berlin-time";
import { multiLine, optionalMultiLine, optionalParam, optionalSingleLine, singleLine } from "./text";
import { publicText } from "./public-text";

export const COVER_PAGE_SIZE = 20;
export const COVER_VIEWS = ["offen", "anfragen", "angebote"] as const;
export type CoverView = (typeof COVER_VIEWS)[number];

const dateParam = z.string().refine(isValidDate);

/** /vertretungen?ansicht=offen&gemeinde=dinslaken&hilfeart=p31&dringlichkeit=notfall&von=…&bis=…&seite=2 */
export const CoverBoardFilterSchema = z.object({
  ansicht: z.enum(COVER_VIEWS).catch("offen"),
  gemeinde: optionalParam(z.string().regex(/^[a-z0-9-]{1,40}$/)),
  hilfeart: optionalParam(z.string().regex(/^[a-z0-9]{1,12}$/)),
  dringlichkeit: optionalParam(z.enum(COVER_URGENCIES)),
  von: optionalParam(dateParam),
  bis: optionalParam(dateParam),
  seite: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type CoverBoardFilters = z.infer<typeof CoverBoardFilterSchema>;

export function parseCoverBoardFilters(searchParams: URLSearchParams): CoverBoardFilters {
  return CoverBoardFilterSchema.parse({
    ansicht: searchParams.get("ansicht") ?? undefined,
    gemeinde: searchParams.get("gemeinde"),
    hilfeart: searchParams.get("hilfeart"),
    dringlichkeit: searchParams.get("dringlichkeit"),
    von: searchParams.get("von"),
    bis: searchParams.get("bis"),
    seite: searchParams.get("seite") ?? undefined,
  });
}

/** Hours as people type them ("20", "12,5", "7.25") → a number, or null when it is not one. */
export function parseHours(input: string): number | null {
  const text = input.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(text)) return null;
  return Number(text);
}

/** Hours per week: more than 0, at most 60, two decimals. */
const hoursPerWeek = (label = "Stunden pro Woche") =>
  z
    .string({ error: `Bitte geben Sie die ${label} an.` })
    .max(10, "Bitte geben Sie eine Zahl wie 20 oder 12,5 an.")
    .transform((value, ctx) => {
      const hours = parseHours(value);
      if (hours === null) {
        ctx.addIssue({ code: "custom", message: "Bitte geben Sie eine Zahl wie 20 oder 12,5 an." });
        return z.NEVER;
      }
      if (hours <= 0 || hours > 60) {
        ctx.addIssue({ code: "custom", message: "Bitte geben Sie mehr als 0 und höchstens 60 Stunden pro Woche an." });
        return z.NEVER;
      }
      return hours;
    });

/** "Türkisch, Arabisch" → ["Türkisch", "Arabisch"] (at most 10, each up to 40 characters). */
const languages = multiLine({ max: 400, tooLong: "Bitte nennen Sie höchstens 10 Sprachen." })
  .optional()
  .transform((value, ctx) => {
    const list = [
      ...new Set(
        (value ?? "")
          .split(/[,;\n]/)
          .map((l) => l.trim())
          .filter(Boolean),
      ),
    ];
    if (list.length > 10) {
      ctx.addIssue({ code: "custom", message: "Bitte nennen Sie höchstens 10 Sprachen." });
      return z.NEVER;
    }
    if (list.some((l) => l.length > 40)) {
      ctx.addIssue({ code: "custom", message: "Eine Sprache darf höchstens 40 Zeichen lang sein. Trennen Sie mehrere mit Komma." });
      return z.NEVER;
    }
    return list;
  });


const dateField = (required: string) =>
  z.string({ error: required }).trim().refine(isValidDate, "Bitte geben Sie ein gültiges Datum an.");

const uuid = (message: string) => z.uuid(message);

/** The pseudonymous case reference: "F-2026-014". Upper-cased; a name cannot match. */
export const CASE_REFERENCE_PATTERN = /^[A-Z]{1,5}(-[0-9]{1,6}){1,2}$/;
const caseReference = singleLine({ max: 30, tooLong: "Das Fallkürzel ist zu lang." })
  .transform((v) => v.toUpperCase())
  .refine(
    (v) => CASE_REFERENCE_PATTERN.test(v),
    "Bitte ein pseudonymes Fallkürzel wie „F-2026-014“ (Buchstaben, Bindestrich, Ziffern) – nie ein Name.",
  )
  .optional();

export const COVER_FORM_INTENTS = ["draft", "publish"] as const;

/** Who sees a request first: the circle, chosen Träger, or the favourites (then partners). */
export const COVER_FORM_ADDRESSINGS = ["circle", "addressed", "favourites"] as const;
export type CoverFormAddressing = (typeof COVER_FORM_ADDRESSINGS)[number];

const dateTimeField = z
  .string()
  .trim()
  .max(40, "Bitte geben Sie Datum und Uhrzeit an.")
  .refine(isValidDateTimeLocal, "Bitte geben Sie Datum und Uhrzeit an.")
  .transform((v) => v.slice(0, 16));

/** The request form (/vertretungen/neu and /vertretungen/:id/bearbeiten). */
export const CoverRequestFormSchema = z
  .object({
    intent: z.enum(COVER_FORM_INTENTS).default("draft"),
    orgId: uuid("Bitte wählen Sie den anfragenden Träger."),
    networkId: uuid("Bitte wählen Sie den Kreis."),
    urgency: z.enum(COVER_URGENCIES, { error: "Bitte wählen Sie die Dringlichkeit." }),
    hilfeart: z
      .string({ error: "Bitte wählen Sie die Hilfeart." })
      .regex(/^[a-z0-9]{1,12}$/, "Bitte wählen Sie eine Hilfeart aus der Liste."),
    gemeinde: z
      .string({ error: "Bitte wählen Sie die Gemeinde." })
      .regex(/^[a-z0-9-]{1,40}$/, "Bitte wählen Sie eine Gemeinde aus der Liste."),
    sozialraum: optionalSingleLine(120, "Der Sozialraum"),
    periodFrom: dateField("Bitte geben Sie an, ab wann die Vertretung gebraucht wird."),
    periodTo: dateField("Bitte geben Sie an, bis wann die Vertretung gebraucht wird."),
    hoursPerWeek: hoursPerWeek(),
    kind: z.enum(COVER_KINDS, { error: "Bitte wählen Sie die Art der Vertretung." }),
    qualification: optionalSingleLine(300, "Die Qualifikation"),
    languages,
    needsDrivingLicence: z.boolean().default(false),
    needsCar: z.boolean().default(false),
    genderRequirement: z.enum(COVER_GENDERS, { error: "Bitte wählen Sie aus der Liste." }).optional(),
    genderReason: publicText(optionalMultiLine(500, "Die Begründung"), "Die Begründung"),
    description: publicText(
      multiLine({
        max: COVER_DESCRIPTION_MAX,
        label: "Die Beschreibung",
        required: "Bitte beschreiben Sie den Bedarf.",
        min: { length: 10, message: "Bitte beschreiben Sie den Bedarf (mindestens 10 Zeichen)." },
      }),
      "Die Anfrage",
    ),
    caseReference,
    handoverNotes: optionalMultiLine(5000, "Die Übergabenotiz"),
    contactUserId: uuid("Bitte wählen Sie eine Ansprechperson aus der Liste.").optional(),
    // "favourites": three-step escalation (issue 12) — the Träger's favourites, from partnersAt
    // also the partner Träger, from widenAt the whole circle. Stored as addressing 'addressed'
    // with partners_at set.
    addressing: z.enum(COVER_FORM_ADDRESSINGS, { error: "Bitte wählen Sie, wer die Anfrage sieht." }).default("circle"),
    recipients: z.array(uuid("Unbekannter Träger.")).max(30, "Bitte wählen Sie höchstens 30 Träger.").default([]),
    widenAt: dateTimeField.optional(),
    partnersAt: dateTimeField.optional(),
    /** Offers must name a person with a Fachkraft qualification (§ 72 SGB VIII). */
    requiresFachkraft: z.boolean().default(false),
    noSozialdaten: z.boolean().default(false),
    /** The findings (screenSozialdaten) the person was shown, so a publish never skips the warning. */
    sozialdatenSeen: multiLine({ max: 4000 }).optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.periodTo < v.periodFrom) issue("periodTo", "Das Ende des Zeitraums liegt vor dem Beginn.");
    else {
      const days = (Date.parse(v.periodTo) - Date.parse(v.periodFrom)) / 86_400_000;
      if (days > 731) issue("periodTo", "Eine Vertretung darf höchstens zwei Jahre umfassen.");
    }
    if (v.genderRequirement && (v.genderReason ?? "").length < 3) {
      issue("genderReason", "Bitte begründen Sie die Anforderung an das Geschlecht der Fachkraft.");
    }
    if (v.addressing === "addressed" && v.recipients.length === 0) {
      issue("recipients", "Bitte wählen Sie mindestens einen Träger, an den sich die Anfrage zuerst richtet.");
    }
    if (v.addressing !== "circle") {
      if (!v.widenAt) issue("widenAt", "Bitte geben Sie an, ab wann der ganze Kreis die Anfrage sieht.");
      else if (v.intent === "publish" && berlinDateTimeToInstant(v.widenAt).getTime() <= Date.now()) {
        issue("widenAt", "Dieser Zeitpunkt liegt in der Vergangenheit. Bitte wählen Sie einen späteren.");
      }
    }
    if (v.addressing === "favourites") {
      if (!v.partnersAt) issue("partnersAt", "Bitte geben Sie an, ab wann die Partner-Träger die Anfrage sehen.");
      else if (v.intent === "publish" && berlinDateTimeToInstant(v.partnersAt).getTime() <= Date.now()) {
        issue("partnersAt", "Dieser Zeitpunkt liegt in der Vergangenheit. Bitte wählen Sie einen späteren.");
      } else if (v.widenAt && v.partnersAt > v.widenAt) {
        issue("partnersAt", "Die Partner-Träger kommen vor dem ganzen Kreis: Bitte wählen Sie einen Zeitpunkt vor „ganzer Kreis ab“.");
      }
    }
    if (v.recipients.includes(v.orgId)) issue("recipients", "Ihr eigener Träger kann nicht Empfänger sein.");
    if (v.intent === "publish" && !v.noSozialdaten) {
      issue(
        "noSozialdaten",
        "Zum Veröffentlichen bestätigen Sie bitte, dass die Beschreibung keine Sozialdaten enthält (§§ 61–65 SGB VIII).",
      );
    }
  });
export type CoverRequestFormInput = z.infer<typeof CoverRequestFormSchema>;

const offerId = uuid("Unbekanntes Angebot.");

/** The forms of the detail page (/vertretungen/:id), one schema per intent. */
export const CoverIntentSchemas = {
  offer: z.object({
    intent: z.literal("offer"),
    orgId: uuid("Bitte wählen Sie den anbietenden Träger."),
    hoursPerWeek: hoursPerWeek(),
    availableFrom: dateField("Bitte geben Sie an, ab wann Ihr Träger übernehmen kann."),
    qualification: optionalSingleLine(300, "Die Qualifikation"),
    languages,
    message: publicText(optionalMultiLine(2000, "Die Nachricht"), "Die Nachricht zum Angebot"),
    // The offered person (qualification gate, issue 12); required when the request needs a Fachkraft.
    staffId: z.uuid("Bitte wählen Sie eine Person aus der Personalliste.").optional(),
  }),
  "widen-now": z.object({ intent: z.literal("widen-now") }),
  withdraw: z.object({ intent: z.literal("withdraw"), offerId }),
  accept: z.object({
    intent: z.literal("accept"),
    offerId,
    hours: z
      .string()
      .max(10)
      .optional()
      .transform((value, ctx) => {
        if (!value?.trim()) return null;
        const hours = parseHours(value);
        if (hours === null || hours <= 0 || hours > 60) {
          ctx.addIssue({ code: "custom", message: "Bitte geben Sie eine Zahl wie 8 oder 12,5 an (mehr als 0)." });
          return z.NEVER;
        }
        return hours;
      }),
  }),
  decline: z.object({
    intent: z.literal("decline"),
    offerId,
    message: publicText(optionalMultiLine(1000, "Die Nachricht"), "Die Nachricht zur Absage"),
  }),
  cancel: z.object({
    intent: z.literal("cancel"),
    reason: publicText(
      multiLine({
        max: 1000,
        label: "Der Grund",
        required: "Bitte geben Sie einen Grund an.",
        min: { length: 3, message: "Bitte geben Sie einen Grund an (mindestens 3 Zeichen)." },
      }),
      "Den Grund der Absage",
    ),
  }),
  complete: z.object({
    intent: z.literal("complete"),
    offerId,
    actualHours: z
      .string({ error: "Bitte geben Sie die tatsächlich geleisteten Stunden an." })
      .max(10)
      .transform((value, ctx) => {
        const hours = parseHours(value);
        if (hours === null) {
          ctx.addIssue({ code: "custom", message: "Bitte geben Sie eine Zahl wie 80 oder 42,5 an." });
          return z.NEVER;
        }
        return hours;
      }),
  }),
  contact: z.object({
    intent: z.literal("contact"),
    orgId: uuid("Unbekannter Träger."),
    userId: uuid("Bitte wählen Sie eine Person aus der Liste."),
  }),
  handover: z.object({ intent: z.literal("handover"), notes: optionalMultiLine(5000, "Die Übergabenotiz") }),
  publish: z.object({ intent: z.literal("publish") }),
  "delete-draft": z.object({ intent: z.literal("delete-draft") }),
} as const;
export type CoverIntent = keyof typeof CoverIntentSchemas;

export function isCoverIntent(value: unknown): value is CoverIntent {
  return typeof value === "string" && Object.hasOwn(CoverIntentSchemas, value);
}

/** Request ids in URLs: anything but a uuid is "not found" without asking the database. */
export const CoverIdSchema = z.uuid();

/** /vertretungen/bilanz?traeger=slug&jahr=2026 (and the CSV with the same parameters). */
export const CoverLedgerFilterSchema = z.object({
  traeger: optionalParam(z.string().regex(/^[a-z0-9-]{1,80}$/)),
  partner: optionalParam(z.string().regex(/^[a-z0-9-]{1,80}$/)),
  jahr: optionalParam(z.coerce.number().int().min(2000).max(2100)),
});
export type CoverLedgerFilters = z.infer<typeof CoverLedgerFilterSchema>;

export function parseCoverLedgerFilters(searchParams: URLSearchParams): CoverLedgerFilters {
  return CoverLedgerFilterSchema.parse({
    traeger: searchParams.get("traeger"),
    partner: searchParams.get("partner"),
    jahr: searchParams.get("jahr"),
  });
}

/** The cooperation agreement a cover rests on (ledger page). */
export const CoverAgreementSchema = z.object({
  intent: z.literal("agreement"),
  offerId,
  reference: optionalSingleLine(300, "Der Verweis auf die Kooperationsvereinbarung"),
});

/** /vertretungen/benachrichtigungen */
export const CoverAlertPreferencesSchema = z.object({
  intent: z.enum(["save", "reset"]).default("save"),
  urgencies: z.array(z.enum(COVER_URGENCIES, { error: "Unbekannte Dringlichkeit." })).max(3).default([]),
  notfallOnly: z.boolean().default(false),
  gemeinden: z
    .array(z.string().regex(/^[a-z0-9-]{1,40}$/, "Unbekannte Gemeinde."))
    .max(30, "Bitte wählen Sie höchstens 30 Gemeinden.")
    .default([]),
  hilfearten: z
    .array(z.string().regex(/^[a-z0-9]{1,12}$/, "Unbekannte Hilfeart."))
    .max(30, "Bitte wählen Sie höchstens 30 Hilfearten.")
    .default([]),
  emailEnabled: z.boolean().default(false),
});
export type CoverAlertPreferencesInput = z.infer<typeof CoverAlertPreferencesSchema>;

/** /traeger/:slug/favoriten: add or remove a favourite partner Träger. */
export const CoverFavouriteSchema = z.object({
  intent: z.enum(["add", "remove"], { error: "Unbekannte Aktion." }),
  favouriteOrgId: z.uuid("Bitte wählen Sie einen Träger aus der Liste."),
});
