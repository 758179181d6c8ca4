// Forms of the Kooperationstreffen (/treffen): one zod schema per form, used by the actions with
// parseWithZod. The database checks everything again and answers with TK_* codes.
import { z } from "zod";
import { isValidDate, isValidTime } from "~/utils/berlin-time";

// Control characters other than line breaks never belong in a form field; one-line fields also
// refuse line breaks (they would reach a mail subject or a calendar file).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const LINE_CONTROL = /[\u0000-\u001F\u007F]/;
const CONTROL_MESSAGE = "Bitte ohne Steuerzeichen oder Zeilenumbrüche.";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} darf höchstens ${max} Zeichen lang sein.`)
    .refine((v) => !CONTROL.test(v), CONTROL_MESSAGE)
    .optional()
    .transform((v) => v ?? "");
const line = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(min, message)
    .max(max, message)
    .refine((v) => !LINE_CONTROL.test(v), CONTROL_MESSAGE);
const optionalLine = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .refine((v) => !LINE_CONTROL.test(v), CONTROL_MESSAGE)
    .optional()
    .transform((v) => v || null);
const date = (message: string) =>
  z.string({ error: message }).refine(isValidDate, message);
const time = (message: string) =>
  z.string({ error: message }).refine(isValidTime, message);
const optionalInt = (min: number, max: number, message: string) =>
  z.coerce
    .number({ error: message })
    .int(message)
    .min(min, message)
    .max(max, message)
    .optional();

/** "<networkId>:<orgId>": the circle and the host Träger, from one select. */
const hostChoice = z
  .string({ error: "Bitte wählen Sie den einladenden Träger." })
  .regex(
    /^[0-9a-f-]{36}:[0-9a-f-]{36}$/,
    "Bitte wählen Sie den einladenden Träger.",
  );

export const MeetingFormSchema = z
  .object({
    host: hostChoice,
    title: line(
      3,
      200,
      "Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an.",
    ),
    description: optionalText(10000, "Die Beschreibung"),
    place: optionalLine(300, "Der Ort darf höchstens 300 Zeichen lang sein."),
    gemeinde: z
      .string()
      .optional()
      .transform((v) => v || null),
    onlineUrl: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine(
        (v) => v === null || (/^https:\/\/\S+$/.test(v) && v.length <= 500),
        "Der Online-Link muss mit https:// beginnen.",
      ),
    date: date("Bitte geben Sie das Datum an."),
    startTime: time("Bitte geben Sie den Beginn an (HH:MM)."),
    endTime: time("Bitte geben Sie das Ende an (HH:MM)."),
    registrationDeadline: z
      .string()
      .optional()
      .transform((v) => v || null)
      .refine(
        (v) => v === null || isValidDate(v),
        "Bitte geben Sie ein gültiges Datum an.",
      ),
    capacity: optionalInt(
      1,
      10000,
      "Die Zahl der Plätze muss zwischen 1 und 10.000 liegen.",
    ),
    guestsWelcome: z
      .string()
      .optional()
      .transform((v) => v === "on"),
    previousMeetingId: z.string().uuid().optional(),
  })
  .refine((v) => v.place || v.onlineUrl, {
    message: "Bitte geben Sie einen Ort oder einen Online-Link an.",
    path: ["place"],
  })
  .refine((v) => v.endTime > v.startTime, {
    message: "Das Treffen muss nach seinem Beginn enden.",
    path: ["endTime"],
  });
export type MeetingFormInput = z.infer<typeof MeetingFormSchema>;

export const RsvpSchema = z.object({
  answer: z.enum(["zusage", "vielleicht", "absage"], {
    error: "Bitte wählen Sie Zusage, vielleicht oder Absage.",
  }),
  comment: optionalText(500, "Der Kommentar"),
  delegate: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export const GuestSchema = z.object({
  name: line(2, 120, "Bitte geben Sie Ihren Namen an (2 bis 120 Zeichen)."),
  orgName: optionalLine(
    200,
    "Der Name des Trägers darf höchstens 200 Zeichen lang sein.",
  ).transform((v) => v ?? ""),
  email: z
    .string({ error: "Bitte geben Sie eine gültige E-Mail-Adresse an." })
    .trim()
    .max(254, "Bitte geben Sie eine gültige E-Mail-Adresse an.")
    .email("Bitte geben Sie eine gültige E-Mail-Adresse an."),
});

export const PublicGuestSchema = GuestSchema.extend({
  meetingId: z.string().uuid(),
});

export const TopicSchema = z.object({
  title: line(3, 200, "Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an."),
  description: optionalText(5000, "Die Beschreibung"),
  minutes: optionalInt(
    1,
    480,
    "Die geplante Dauer muss zwischen 1 und 480 Minuten liegen.",
  ),
});

export const AgendaItemSchema = TopicSchema.extend({
  itemId: z.string().uuid().optional(),
  presenterOrgId: z.string().uuid().optional(),
  position: optionalInt(
    1,
    50,
    "Bitte geben Sie eine Position zwischen 1 und 50 an.",
  ),
});

export const DecideTopicSchema = z.object({
  itemId: z.string().uuid(),
  decision: z.enum(["accept", "decline", "pool"]),
  position: optionalInt(
    1,
    50,
    "Bitte geben Sie eine Position zwischen 1 und 50 an.",
  ),
  minutes: optionalInt(
    1,
    480,
    "Die geplante Dauer muss zwischen 1 und 480 Minuten liegen.",
  ),
  reason: optionalText(1000, "Die Begründung"),
});

export const CancelSchema = z.object({
  reason: optionalText(2000, "Die Begründung"),
});

export const POLL_MAX_OPTIONS = 15;

export const PollFormSchema = z.object({
  host: hostChoice,
  title: line(3, 200, "Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an."),
  description: optionalText(10000, "Die Beschreibung"),
  place: optionalLine(300, "Der Ort darf höchstens 300 Zeichen lang sein."),
  gemeinde: z
    .string()
    .optional()
    .transform((v) => v || null),
  onlineUrl: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine(
      (v) => v === null || (/^https:\/\/\S+$/.test(v) && v.length <= 500),
      "Der Online-Link muss mit https:// beginnen.",
    ),
  durationMinutes: z.coerce
    .number({ error: "Bitte geben Sie die Dauer in Minuten an." })
    .int()
    .min(15, "Die Dauer muss zwischen 15 und 1440 Minuten liegen.")
    .max(1440, "Die Dauer muss zwischen 15 und 1440 Minuten liegen."),
  deadline: z
    .string()
    .optional()
    .transform((v) => v || null)
    .refine(
      (v) => v === null || isValidDate(v),
      "Bitte geben Sie ein gültiges Datum an.",
    ),
  previousMeetingId: z.string().uuid().optional(),
});

export type PollOptionInput = { day: string; start_time: string | null };

/** The option rows of the poll form (optionDay[i] + optionTime[i]); empty rows are skipped. */
export function parsePollOptions(formData: FormData): {
  options: PollOptionInput[];
  error?: string;
} {
  const days = formData.getAll("optionDay").map(String);
  const times = formData.getAll("optionTime").map(String);
  const options: PollOptionInput[] = [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!.trim();
    const startTime = (times[i] ?? "").trim();
    if (!day && !startTime) continue;
    if (!isValidDate(day))
      return {
        options,
        error: `Terminvorschlag ${i + 1}: Bitte geben Sie ein gültiges Datum an.`,
      };
    if (startTime && !isValidTime(startTime))
      return {
        options,
        error: `Terminvorschlag ${i + 1}: Bitte geben Sie die Uhrzeit als HH:MM an.`,
      };
    options.push({ day, start_time: startTime || null });
  }
  if (options.length < 2 || options.length > POLL_MAX_OPTIONS)
    return {
      options,
      error: "Eine Terminumfrage braucht 2 bis 15 Terminvorschläge.",
    };
  return { options };
}

export const ClosePollSchema = z.object({
  optionId: z
    .string({ error: "Bitte wählen Sie einen Termin." })
    .uuid("Bitte wählen Sie einen Termin."),
  startTime: z
    .string()
    .optional()
    .transform((v) => v || null)
    .refine(
      (v) => v === null || isValidTime(v),
      "Bitte geben Sie den Beginn als HH:MM an.",
    ),
});

export const CommentSchema = z.object({
  body: z
    .string({ error: "Bitte schreiben Sie eine Anmerkung." })
    .trim()
    .min(1, "Bitte schreiben Sie eine Anmerkung.")
    .max(2000, "Die Anmerkung darf höchstens 2000 Zeichen lang sein.")
    .refine((v) => !CONTROL.test(v), CONTROL_MESSAGE),
});

/** Minutes are capped in the database at 200,000 characters of JSON; the form refuses earlier. */
export const MINUTES_FIELD_MAX = 20000;
