// Forms and URL parameters of Gemeinsame Fortbildungen: the list filters, the organizer's form
// (one or more sessions, place or online link, seats, deadlines, contingent, approvals), and the
// buttons of the detail page (one schema per intent). Shared by the browser (conform) and the
// server; the database checks everything again and its refusals come back as German messages.
import { z } from "zod";
import { isValidDate, isValidDateTimeLocal, isValidTime } from "~/utils/berlin-time";
import { TRAINING_AUDIENCES } from "~/i18n/trainings";
import { multiLine, optionalMultiLine, optionalParam, optionalSingleLine, singleLine } from "./text";
import { publicText } from "./public-text";
import { numberText } from "~/utils/format";
import { MAX_SESSIONS } from "~/i18n/trainings";

export const TRAINING_PAGE_SIZE = 20;
/**
 * The tabs of /fortbildungen count up to one page ("20+" above): a count that stops stays as cheap
 * at any size, and one that stops at a page's worth reads no more rows than the page itself
 * (issue 14: at 99 the tabs read 760 buffers at 10× the bench, the list beside them 440). Exact
 * where it is small; above, the list itself pages by 20 ("Nächste").
 */
export const TRAINING_TAB_COUNT_CAP = TRAINING_PAGE_SIZE;
export const TRAINING_VIEWS = ["angebote", "meine", "organisiert"] as const;
export type TrainingView = (typeof TRAINING_VIEWS)[number];

/** /fortbildungen?thema=deeskalation&zielgruppe=fachkraefte&monat=2027-03&gemeinde=wesel&seite=2&ansicht=meine */
export const TrainingFilterSchema = z.object({
  thema: optionalParam(z.string().regex(/^[a-z_]{1,40}$/)),
  zielgruppe: optionalParam(z.enum(TRAINING_AUDIENCES)),
  monat: optionalParam(z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/)),
  gemeinde: optionalParam(z.string().regex(/^[a-z0-9-]{1,40}$/)),
  seite: z.coerce.number().int().min(1).max(10_000).catch(1),
  ansicht: z.enum(TRAINING_VIEWS).catch("angebote"),
});
export type TrainingFilters = z.infer<typeof TrainingFilterSchema>;

export function parseTrainingFilters(searchParams: URLSearchParams): TrainingFilters {
  return TrainingFilterSchema.parse({
    thema: searchParams.get("thema"),
    zielgruppe: searchParams.get("zielgruppe"),
    monat: searchParams.get("monat"),
    gemeinde: searchParams.get("gemeinde"),
    seite: searchParams.get("seite") ?? undefined,
    ansicht: searchParams.get("ansicht") ?? undefined,
  });
}

const uuid = (message: string) => z.uuid(message);


const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `Bitte geben Sie ${label} als ganze Zahl an.` })
    .int(`Bitte geben Sie ${label} als ganze Zahl an.`)
    .min(min, `Bitte geben Sie mindestens ${min} an.`)
    .max(max, `Bitte geben Sie höchstens ${numberText(max)} an.`);

const dateField = (required: string) =>
  z.string({ error: required }).trim().refine(isValidDate, "Bitte geben Sie ein gültiges Datum an.");
const timeField = (required: string) =>
  z.string({ error: required }).trim().refine(isValidTime, "Bitte geben Sie eine Uhrzeit wie 09:00 an.");
const dateTimeField = z
  .string()
  .trim()
  .refine(isValidDateTimeLocal, "Bitte geben Sie Datum und Uhrzeit an.")
  .transform((v) => v.slice(0, 16))
  .optional();

/** Euro as people type it ("45", "45,50", "1.200,00") → cents. */
export function parseEuro(input: string): number | "negative" | "invalid" {
  let text = input.replace(/\s|€/g, "");
  if (text.startsWith("-")) return "negative";
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(text)) text = text.replace(/\./g, "");
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!m) return "invalid";
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

const fee = z
  .string()
  .max(20, "Bitte geben Sie den Betrag in Euro an, z. B. 45 oder 45,50.")
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return 0;
    const cents = parseEuro(value);
    if (cents === "negative") {
      ctx.addIssue({ code: "custom", message: "Die Gebühr pro Platz darf nicht negativ sein." });
      return z.NEVER;
    }
    if (cents === "invalid" || cents > 100_000_000) {
      ctx.addIssue({ code: "custom", message: "Bitte geben Sie den Betrag in Euro an, z. B. 45 oder 45,50." });
      return z.NEVER;
    }
    return cents;
  });

export const SessionSchema = z.object({
  date: dateField("Bitte geben Sie das Datum des Termins an."),
  start: timeField("Bitte geben Sie den Beginn an."),
  end: timeField("Bitte geben Sie das Ende an."),
});
export type SessionInput = z.infer<typeof SessionSchema>;

/** "2027-03-01T09:00": comparable as text within one time zone. */
const sessionStart = (s: SessionInput) => `${s.date}T${s.start}`;
const sessionEnd = (s: SessionInput) => `${s.date}T${s.end}`;

/** The organizer's form (create and edit). */
export const TrainingFormSchema = z
  .object({
    orgId: uuid("Bitte wählen Sie den veranstaltenden Träger."),
    networkId: uuid("Bitte wählen Sie den Kreis."),
    title: singleLine({
      max: 200,
      label: "Der Titel",
      required: "Bitte geben Sie einen Titel an.",
      min: { length: 3, message: "Der Titel ist zu kurz (mindestens 3 Zeichen)." },
    }),
    description: publicText(optionalMultiLine(10_000, "Die Beschreibung"), "Die Beschreibung der Fortbildung"),
    topic: z.string({ error: "Bitte wählen Sie ein Thema." }).regex(/^[a-z_]{1,40}$/, "Bitte wählen Sie ein Thema aus der Liste."),
    audience: z.enum(TRAINING_AUDIENCES, { error: "Bitte wählen Sie die Zielgruppe." }),
    speaker: optionalSingleLine(200, "Die Angabe zur Referentin / zum Referenten"),
    sessions: z
      .array(SessionSchema, { error: "Bitte geben Sie mindestens einen Termin an." })
      .min(1, "Bitte geben Sie mindestens einen Termin an.")
      .max(MAX_SESSIONS, `Bitte geben Sie höchstens ${MAX_SESSIONS} Termine an.`),
    place: optionalSingleLine(300, "Der Ort"),
    gemeinde: z.string().regex(/^[a-z0-9-]{1,40}$/, "Bitte wählen Sie eine Gemeinde aus der Liste.").optional(),
    onlineUrl: singleLine({ max: 500, tooLong: "Der Link ist zu lang (höchstens 500 Zeichen)." })
      .regex(/^https:\/\/\S+$/, "Der Online-Link muss mit https:// beginnen.")
      .optional(),
    capacity: whole("die Zahl der Plätze", 1, 10_000),
    minParticipants: whole("die Mindestzahl", 1, 10_000).optional(),
    goNoGoDate: dateField("Bitte geben Sie das Entscheidungsdatum an.").optional(),
    fee,
    registrationDeadline: dateTimeField,
    cancellationDeadline: dateTimeField,
    defaultContingent: whole("das Kontingent", 1, 10_000).optional(),
    contingentReleaseAt: dateTimeField,
    needsOrgApproval: z.boolean().default(false),
    needsOrganizerApproval: z.boolean().default(false),
    offerHours: whole("die Frist", 1, 336).default(48),
    teachingUnits: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().replace(",", ".") : v),
      z.coerce
      .number({ error: "Bitte geben Sie die Unterrichtseinheiten als Zahl an." })
      .min(0.5, "Bitte geben Sie mindestens 0,5 Unterrichtseinheiten an.")
      .max(999, "Bitte geben Sie höchstens 999 Unterrichtseinheiten an.")
      .multipleOf(0.5, "Bitte in halben Unterrichtseinheiten angeben (z. B. 7,5)."),
    ).optional(),
    coOrganizers: z.array(uuid("Unbekannter Träger.")).max(20, "Bitte wählen Sie höchstens 20 Träger.").default([]),
  })
  .superRefine((v, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    v.sessions.forEach((s, i) => {
      if (s.end <= s.start) issue(["sessions", i, "end"], "Das Ende muss nach dem Beginn liegen.");
      const previous = v.sessions[i - 1];
      if (previous && sessionStart(s) < sessionEnd(previous)) {
        issue(["sessions", i, "date"], "Dieser Termin beginnt, bevor der vorige endet. Bitte ordnen Sie die Termine zeitlich.");
      }
    });
    if (!v.onlineUrl && !v.place) issue(["place"], "Bitte geben Sie einen Ort mit Gemeinde oder einen Online-Link an.");
    if (v.place && !v.gemeinde) issue(["gemeinde"], "Bitte wählen Sie die Gemeinde des Orts.");
    if ((v.minParticipants === undefined) !== (v.goNoGoDate === undefined)) {
      issue(
        [v.minParticipants === undefined ? "minParticipants" : "goNoGoDate"],
        "Bitte geben Sie Mindestteilnehmendenzahl und Entscheidungsdatum zusammen an.",
      );
    }
    if (v.minParticipants !== undefined && v.minParticipants > v.capacity) {
      issue(["minParticipants"], "Die Mindestzahl darf nicht größer sein als die Zahl der Plätze.");
    }
    if (v.defaultContingent !== undefined && v.defaultContingent > v.capacity) {
      issue(["defaultContingent"], "Das Kontingent darf nicht größer sein als die Zahl der Plätze.");
    }
    if (v.contingentReleaseAt && v.defaultContingent === undefined) {
      issue(["contingentReleaseAt"], "Ein Freigabedatum braucht ein Kontingent pro Träger.");
    }
    const first = v.sessions[0];
    if (first) {
      const start = sessionStart(first);
      if (v.registrationDeadline && v.registrationDeadline > start) {
        issue(["registrationDeadline"], "Der Anmeldeschluss muss vor dem Beginn des ersten Termins liegen.");
      }
      if (v.cancellationDeadline && v.cancellationDeadline > start) {
        issue(["cancellationDeadline"], "Die Stornofrist muss vor dem Beginn des ersten Termins liegen.");
      }
      if (v.contingentReleaseAt && v.contingentReleaseAt > start) {
        issue(["contingentReleaseAt"], "Die Kontingente müssen vor dem Beginn des ersten Termins freigegeben werden.");
      }
      if (v.goNoGoDate && v.goNoGoDate > first.date) {
        issue(["goNoGoDate"], "Das Entscheidungsdatum darf nicht nach dem ersten Termin liegen.");
      }
    }
    if (v.coOrganizers.includes(v.orgId)) {
      issue(["coOrganizers"], "Der veranstaltende Träger kann nicht zugleich Mitveranstalter sein.");
    }
  });
export type TrainingFormInput = z.infer<typeof TrainingFormSchema>;

/** The buttons of the training form: save (draft or changes) or save and publish. */
export const TRAINING_FORM_INTENTS = ["save", "publish"] as const;

const registrationId = uuid("Unbekannte Anmeldung.");
const orgId = uuid("Bitte wählen Sie den Träger.");

/** The forms of the detail page, one schema per intent. */
export const TrainingIntentSchemas = {
  "register-self": z.object({ intent: z.literal("register-self"), orgId: orgId.optional() }),
  "register-colleague": z.object({
    intent: z.literal("register-colleague"),
    participantId: uuid("Bitte wählen Sie eine Kollegin oder einen Kollegen."),
    orgId,
  }),
  "book-client-seats": z.object({
    intent: z.literal("book-client-seats"),
    seats: whole("die Zahl der Plätze", 1, 50),
    orgId,
  }),
  "cancel-registration": z.object({ intent: z.literal("cancel-registration"), registrationId }),
  "accept-offer": z.object({ intent: z.literal("accept-offer"), registrationId }),
  "decline-offer": z.object({ intent: z.literal("decline-offer"), registrationId }),
  decide: z.object({
    intent: z.literal("decide"),
    registrationId,
    approval: z.enum(["org", "organizer"], { error: "Unbekannte Freigabe." }),
    decision: z.enum(["approve", "reject"], { error: "Bitte entscheiden Sie." }),
  }),
  move: z.object({
    intent: z.literal("move"),
    registrationId,
    position: whole("die neue Position", 1, 100_000),
    reason: publicText(multiLine({
      max: 500,
      label: "Der Grund",
      required: "Bitte geben Sie einen Grund an.",
      min: { length: 3, message: "Bitte geben Sie einen Grund an (mindestens 3 Zeichen)." },
    }), "Den Grund"),
  }),
  attendance: z.object({
    intent: z.literal("attendance"),
    sessionId: uuid("Unbekannter Termin."),
    entries: z
      .array(
        z.object({
          registrationId,
          present: z.number({ error: "Bitte geben Sie eine Zahl an." }).int().min(0).max(50).default(0),
        }),
      )
      .max(10_000)
      .default([]),
  }),
  publish: z.object({ intent: z.literal("publish") }),
  "cancel-training": z.object({
    intent: z.literal("cancel-training"),
    reason: publicText(optionalMultiLine(2000, "Die Begründung"), "Die Begründung der Absage"),
  }),
  "mark-held": z.object({ intent: z.literal("mark-held") }),
  "delete-draft": z.object({ intent: z.literal("delete-draft") }),
} as const;
export type TrainingIntent = keyof typeof TrainingIntentSchemas;

export function isTrainingIntent(value: unknown): value is TrainingIntent {
  return typeof value === "string" && Object.hasOwn(TrainingIntentSchemas, value);
}

/** Training ids in URLs: anything but a uuid is "not found" without asking the database. */
export const TrainingIdSchema = z.uuid();
