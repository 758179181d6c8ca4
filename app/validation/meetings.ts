// Forms of the Kooperationstreffen (/treffen): one zod schema per form, used by the actions with
// parseWithZod. The database checks everything again and answers with TK_* codes.
import { z } from "zod";
import { POLL_MAX_OPTIONS } from "~/i18n/meetings";
import { isValidDate, isValidTime } from "~/utils/berlin-time";
import { publicText } from "./public-text";
import { multiLine, optionalMultiLine, optionalSingleLine, singleLine } from "./text";

// Every free text goes through the shared helpers (app/validation/text.ts: trim, maximum length,
// control characters refused); texts other Träger read are declared with publicText() and refuse
// hard identifiers (decision 013). The database refuses them once more (trigger per table).

/** A required one-line text with one message for missing, too short and too long. */
const line = (min: number, max: number, message: string) =>
  singleLine({ max, tooLong: message, required: message, min: { length: min, message } });
/** An optional one-line text; null when empty. */
const optionalLine = (max: number, label: string) =>
  optionalSingleLine(max, label).transform((v) => v || null);
/** An optional multi-line text other Träger (or guests) read; "" when empty. */
const publicOptionalText = (max: number, label: string, place: string) =>
  publicText(optionalMultiLine(max, label), place).transform((v) => v ?? "");
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

/** A title other Träger read (meeting, topic, poll); `place` names it in the refusal of hard identifiers. */
const title = (place: string) => publicText(line(3, 200, "Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an."), place);
const optionalDate = z
  .string()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isValidDate(v), "Bitte geben Sie ein gültiges Datum an.");
const agendaPosition = optionalInt(1, 50, "Bitte geben Sie eine Position zwischen 1 und 50 an.");
const topicMinutes = optionalInt(1, 480, "Die geplante Dauer muss zwischen 1 und 480 Minuten liegen.");

/** Where a meeting (or the meeting a poll plans) takes place: an address, its Gemeinde, a link. */
const placeFields = {
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
    .refine((v) => v === null || (/^https:\/\/\S+$/.test(v) && v.length <= 500), "Der Online-Link muss mit https:// beginnen."),
};

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
    title: title("Den Titel des Treffens"),
    description: publicOptionalText(
      10000,
      "Die Beschreibung",
      "Die Beschreibung des Treffens",
    ),
    ...placeFields,
    date: date("Bitte geben Sie das Datum an."),
    startTime: time("Bitte geben Sie den Beginn an (HH:MM)."),
    endTime: time("Bitte geben Sie das Ende an (HH:MM)."),
    registrationDeadline: optionalDate,
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
  comment: publicOptionalText(500, "Der Kommentar", "Den Kommentar zur Antwort"),
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
  title: title("Den Titel des Themas"),
  description: publicOptionalText(5000, "Die Beschreibung", "Die Beschreibung des Themas"),
  minutes: topicMinutes,
});

export const AgendaItemSchema = TopicSchema.extend({
  itemId: z.string().uuid().optional(),
  presenterOrgId: z.string().uuid().optional(),
  position: agendaPosition,
});

export const DecideTopicSchema = z.object({
  itemId: z.string().uuid(),
  decision: z.enum(["accept", "decline", "pool"]),
  position: agendaPosition,
  minutes: topicMinutes,
  reason: publicOptionalText(1000, "Die Begründung", "Die Begründung"),
});

export const CancelSchema = z.object({
  reason: publicOptionalText(2000, "Die Begründung", "Die Begründung der Absage"),
});

export const PollFormSchema = z.object({
  host: hostChoice,
  title: title("Den Titel der Umfrage"),
  description: publicOptionalText(10000, "Die Beschreibung", "Die Beschreibung der Umfrage"),
  ...placeFields,
  durationMinutes: z.coerce
    .number({ error: "Bitte geben Sie die Dauer in Minuten an." })
    .int()
    .min(15, "Die Dauer muss zwischen 15 und 1440 Minuten liegen.")
    .max(1440, "Die Dauer muss zwischen 15 und 1440 Minuten liegen."),
  deadline: optionalDate,
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
  body: publicText(
    multiLine({
      max: 2000,
      label: "Die Anmerkung",
      required: "Bitte schreiben Sie eine Anmerkung.",
      min: { length: 1, message: "Bitte schreiben Sie eine Anmerkung." },
    }),
    "Die Anmerkung zum Protokoll",
  ),
});

/** Minutes are capped in the database at 200,000 characters of JSON; the form refuses earlier. */
export const MINUTES_FIELD_MAX = 20000;
