// Forms of the Gemeinsame Projekte (/projekte): one zod schema per form. Every free text goes
// through the shared helpers (trim, maximum length, control characters) and, since other Träger
// read it, publicText() (the Sozialdaten screen, decision 013). The database checks everything
// again (TK_* codes, triggers).
import { z } from "zod";
import { isValidDate, isValidDateTimeLocal } from "~/utils/berlin-time";
import { publicText } from "./public-text";
import { multiLine, optionalMultiLine, singleLine } from "./text";

const line = (min: number, max: number, message: string) =>
  singleLine({ max, tooLong: message, required: message, min: { length: min, message } });
const optionalText = (max: number, label: string, place: string) =>
  publicText(optionalMultiLine(max, label), place).transform((v) => v ?? "");
const optionalDate = (message: string) =>
  z
    .string()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isValidDate(v), message);
const optionalAge = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 0 && v <= 27), "Bitte geben Sie ein Alter zwischen 0 und 27 an.");
/** A list of codes from checkboxes (one value or several). */
const codes = (max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((v) => v.length <= max && v.every((c) => /^[a-z0-9_]{1,40}$/.test(c)), "Unbekannte Auswahl.");
const uuid = (message: string) => z.string({ error: message }).uuid(message);
const httpUrl = z
  .string()
  .trim()
  .max(500, "Der Link darf höchstens 500 Zeichen lang sein.")
  .refine((v) => /^https?:\/\/\S+$/.test(v), "Der Link muss mit https:// oder http:// beginnen.");

/** "<networkId>:<orgId>": the circle and the lead Träger, from one select. */
const leadChoice = z
  .string({ error: "Bitte wählen Sie den Träger, der das Projekt leitet." })
  .regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/, "Bitte wählen Sie den Träger, der das Projekt leitet.");

export const ProjectFormSchema = z
  .object({
    lead: leadChoice,
    title: publicText(line(3, 200, "Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an."), "Den Titel des Projekts"),
    goal: publicText(
      multiLine({
        max: 4000,
        label: "Das Ziel",
        required: "Bitte beschreiben Sie das Ziel des Projekts (mindestens 10 Zeichen).",
        min: { length: 10, message: "Bitte beschreiben Sie das Ziel des Projekts (mindestens 10 Zeichen)." },
      }),
      "Das Ziel des Projekts",
    ),
    targetGroup: optionalText(1000, "Die Zielgruppe", "Die Zielgruppe"),
    ageFrom: optionalAge,
    ageTo: optionalAge,
    hilfearten: codes(30),
    gemeinden: codes(60),
    periodStart: optionalDate("Bitte geben Sie ein gültiges Datum an."),
    periodEnd: optionalDate("Bitte geben Sie ein gültiges Datum an."),
    funding: optionalText(2000, "Die Finanzierungsidee", "Die Finanzierungsidee"),
    wanted: optionalText(4000, "„Gesucht“", "„Gesucht“"),
    publish: z
      .string()
      .optional()
      .transform((v) => v === "publish"),
  })
  .superRefine((v, ctx) => {
    if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart) {
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "Das Ende des Zeitraums liegt vor dem Beginn." });
    }
    if (v.ageFrom !== null && v.ageTo !== null && v.ageTo < v.ageFrom) {
      ctx.addIssue({ code: "custom", path: ["ageTo"], message: "Das Höchstalter liegt unter dem Mindestalter." });
    }
  });
export type ProjectFormInput = z.infer<typeof ProjectFormSchema>;

export const JoinSchema = z.object({
  orgId: uuid("Bitte wählen Sie Ihren Träger."),
  message: optionalText(2000, "Die Nachricht", "Die Nachricht an die Projektleitung"),
});

export const DecideSchema = z.object({
  orgId: uuid("Unbekannter Träger."),
  decision: z.enum(["accept", "decline"], { error: "Bitte wählen Sie Zusage oder Absage." }),
  answer: optionalText(2000, "Die Antwort", "Die Antwort"),
});

export const InviteSchema = z.object({
  orgId: uuid("Bitte wählen Sie einen Träger."),
  message: optionalText(2000, "Die Nachricht", "Die Einladung"),
});

export const OrgOnlySchema = z.object({ orgId: uuid("Bitte wählen Sie einen Träger.") });

export const StatusSchema = z
  .object({
    status: z.enum(["running", "completed", "abandoned"], { error: "Unbekannter Status." }),
    summary: optionalText(4000, "Der Steckbrief", "Den Steckbrief"),
    reason: optionalText(1000, "Der Grund", "Den Grund"),
  })
  .superRefine((v, ctx) => {
    if (v.status === "completed" && v.summary.length < 20) {
      ctx.addIssue({ code: "custom", path: ["summary"], message: "Bitte schreiben Sie einen Steckbrief für den Kreis (mindestens 20 Zeichen)." });
    }
  });

export const UpdateSchema = z.object({
  body: publicText(
    multiLine({
      max: 5000,
      label: "Der Beitrag",
      required: "Bitte schreiben Sie einen Beitrag.",
      min: { length: 1, message: "Bitte schreiben Sie einen Beitrag." },
    }),
    "Der Beitrag",
  ),
  linkUrl: z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || (/^https?:\/\/\S+$/.test(v) && v.length <= 500), "Der Link muss mit https:// oder http:// beginnen."),
});

export const CommentSchema = z.object({
  updateId: uuid("Unbekannter Beitrag."),
  body: publicText(
    multiLine({
      max: 2000,
      label: "Der Kommentar",
      required: "Bitte schreiben Sie einen Kommentar.",
      min: { length: 1, message: "Bitte schreiben Sie einen Kommentar." },
    }),
    "Der Kommentar",
  ),
});

export const TaskSchema = z.object({
  title: publicText(line(3, 300, "Bitte geben Sie eine Aufgabe mit 3 bis 300 Zeichen an."), "Die Aufgabe"),
  owner: z
    .string({ error: "Bitte wählen Sie, wer die Aufgabe übernimmt." })
    .regex(/^[0-9a-f-]{36}(:[0-9a-f-]{36})?$/, "Bitte wählen Sie, wer die Aufgabe übernimmt."),
  dueDate: optionalDate("Bitte geben Sie ein gültiges Fälligkeitsdatum an."),
});

export const TaskStatusSchema = z.object({
  taskId: uuid("Unbekannte Aufgabe."),
  status: z.enum(["open", "in_progress", "done"], { error: "Unbekannter Status." }),
});

export const LinkSchema = z.object({
  title: publicText(line(2, 200, "Bitte geben Sie einen Titel mit 2 bis 200 Zeichen an."), "Der Titel des Links"),
  url: httpUrl,
});

export const DateSchema = z
  .object({
    title: publicText(line(2, 200, "Bitte geben Sie einen Titel mit 2 bis 200 Zeichen an."), "Der Titel des Termins"),
    startsAt: z.string({ error: "Bitte geben Sie Datum und Uhrzeit an." }).refine(isValidDateTimeLocal, "Bitte geben Sie Datum und Uhrzeit an."),
    endsAt: z
      .string()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isValidDateTimeLocal(v), "Bitte geben Sie ein gültiges Ende an."),
  })
  .superRefine((v, ctx) => {
    if (v.endsAt && v.endsAt < v.startsAt) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Das Ende liegt vor dem Beginn." });
    }
  });

export const IdSchema = z.object({ id: uuid("Unbekannter Eintrag.") });

/** /projekte filters from the query string; unknown values are dropped, not errors. */
/** Cards per page of /projekte, as on the cover board and the trainings (decision 019, eighth sitting). */
export const PROJECT_PAGE_SIZE = 20;

export const ProjectFilterSchema = z.object({
  hilfeart: z.string().regex(/^[a-z0-9_]{1,40}$/).optional().catch(undefined),
  gemeinde: z.string().regex(/^[a-z0-9_]{1,40}$/).optional().catch(undefined),
  status: z.enum(["idea", "running", "completed", "abandoned", "draft"]).optional().catch(undefined),
  passend: z.literal("1").optional().catch(undefined),
  seite: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
});
