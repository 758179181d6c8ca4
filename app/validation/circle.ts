// Forms and URL parameters of the circle: directory filters, "Interesse melden", the
// coordinators' decisions, the circle's public settings, notifications.
import { z } from "zod";
import { multiLine, optionalParam, searchParam, singleLine } from "./text";
import { publicText } from "./public-text";

/** Träger per page of /traeger, as on the cover board and the trainings (decision 019, eighth sitting). */
export const DIRECTORY_PAGE_SIZE = 20;

/** /traeger?hilfeart=p31&gemeinde=wesel&q=kinder&seite=2 */
export const DirectoryFilterSchema = z.object({
  hilfeart: optionalParam(z.string().regex(/^[a-z0-9]{1,12}$/)),
  gemeinde: optionalParam(z.string().regex(/^[a-z0-9-]{1,40}$/)),
  q: searchParam(100),
  seite: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type DirectoryFilters = z.infer<typeof DirectoryFilterSchema>;

export function parseDirectoryFilters(searchParams: URLSearchParams): DirectoryFilters {
  return DirectoryFilterSchema.parse({
    hilfeart: searchParams.get("hilfeart"),
    gemeinde: searchParams.get("gemeinde"),
    q: searchParams.get("q"),
    seite: searchParams.get("seite") ?? undefined,
  });
}

const phone = singleLine({ max: 60, tooLong: "Die Telefonnummer darf höchstens 60 Zeichen lang sein." })
  .regex(/^[0-9+()/\s.-]*$/, "Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden.");

const email = z
  .string({ error: "Bitte geben Sie eine E-Mail-Adresse an." })
  .trim()
  .toLowerCase()
  .max(254, "Die E-Mail-Adresse ist zu lang.")
  .pipe(z.email("Bitte geben Sie eine gültige E-Mail-Adresse an."));

/** "Interesse melden" on the circle's public page. */
export const JoinRequestSchema = z.object({
  orgName: singleLine({
    max: 160,
    tooLong: "Der Name darf höchstens 160 Zeichen lang sein.",
    required: "Bitte geben Sie den Namen des Trägers an.",
    min: { length: 2, message: "Der Name muss mindestens 2 Zeichen lang sein." },
  }),
  contactName: singleLine({
    max: 120,
    tooLong: "Der Name darf höchstens 120 Zeichen lang sein.",
    required: "Bitte geben Sie eine Ansprechperson an.",
    min: { length: 2, message: "Der Name muss mindestens 2 Zeichen lang sein." },
  }),
  email,
  phone: phone.optional(),
  message: publicText(multiLine({
    max: 3000,
    tooLong: "Die Nachricht darf höchstens 3.000 Zeichen lang sein.",
    required: "Bitte schreiben Sie kurz, wer Sie sind und was Sie sich vom Kreis wünschen.",
    min: { length: 1, message: "Bitte schreiben Sie kurz, wer Sie sind und was Sie sich vom Kreis wünschen." },
  }), "Die Nachricht"),
});

/** "Interesse melden" by a signed-in owner/admin for their existing Träger. */
export const JoinWithExistingSchema = z.object({
  intent: z.literal("existing"),
  orgId: z.guid("Bitte wählen Sie Ihren Träger."),
  message: z.string().trim().max(3000, "Die Nachricht darf höchstens 3.000 Zeichen lang sein.").default(""),
});

const requestId = z.guid("Unbekannte Anfrage.");

export const AdmitJoinRequestSchema = z.object({ intent: z.literal("admit"), requestId });

export const DeclineJoinRequestSchema = z.object({
  intent: z.literal("decline"),
  requestId,
  message: publicText(multiLine({
    max: 3000,
    tooLong: "Die Nachricht darf höchstens 3.000 Zeichen lang sein.",
    required: "Bitte schreiben Sie dem Träger kurz, warum Sie die Anfrage ablehnen.",
    min: { length: 1, message: "Bitte schreiben Sie dem Träger kurz, warum Sie die Anfrage ablehnen." },
  }), "Die Nachricht"),
});

/** The coordinators' decision on a join request (/kreis/anfragen). */
export const JoinRequestDecisionSchema = z.discriminatedUnion("intent", [AdmitJoinRequestSchema, DeclineJoinRequestSchema]);

/** What coordinators edit about their circle's public page (/kreis/einstellungen). */
export const CircleSettingsSchema = z.object({
  networkId: z.guid("Unbekannter Kreis."),
  region: singleLine({ max: 200, tooLong: "Die Region darf höchstens 200 Zeichen lang sein." }).optional(),
  description: publicText(
    multiLine({ max: 5000, tooLong: "Die Beschreibung darf höchstens 5.000 Zeichen lang sein." }).optional(),
    "Die Beschreibung des Kreises",
  ),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "Die E-Mail-Adresse ist zu lang.")
    .pipe(z.email("Bitte geben Sie eine gültige E-Mail-Adresse an."))
    .optional(),
  contactPhone: phone.optional(),
  publicPage: z.boolean().default(false),
  /** § 72a SGB VIII: how old an erweitertes Führungszeugnis may be for offers in this circle (issue 12). */
  fuehrungszeugnisMaxYears: z
    .string()
    .trim()
    .max(10, "Bitte geben Sie eine ganze Zahl von 1 bis 5 an.")
    .transform((value, ctx) => {
      if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 5) {
        ctx.addIssue({ code: "custom", message: "Bitte geben Sie eine ganze Zahl von 1 bis 5 an (Jahre; üblich sind 5)." });
        return z.NEVER;
      }
      return Number(value);
    })
    .optional(),
});

export const NotificationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), id: z.guid() }),
  z.object({ intent: z.literal("read-all") }),
]);

/** /kreis/traeger: remove a Träger from the circle (with the reason the Träger is told). */
export const RemoveTraegerSchema = z.object({
  intent: z.literal("remove"),
  networkId: z.guid("Unbekannter Kreis."),
  orgId: z.guid("Unbekannter Träger."),
  reason: z
    .string({ error: "Bitte geben Sie einen Grund an; der Träger bekommt ihn per E-Mail." })
    .trim()
    .min(3, "Bitte geben Sie einen Grund an; der Träger bekommt ihn per E-Mail.")
    .max(1000, "Der Grund darf höchstens 1.000 Zeichen lang sein."),
});

/** /kreis/traeger: hand the circle's coordination to another Träger. */
export const HandOverCoordinationSchema = z.object({
  intent: z.literal("handover"),
  networkId: z.guid("Unbekannter Kreis."),
  toOrgId: z.guid("Bitte wählen Sie einen Träger."),
  keepOwn: z.boolean().default(false),
});

export const CircleTraegerActionSchema = z.discriminatedUnion("intent", [RemoveTraegerSchema, HandOverCoordinationSchema]);
