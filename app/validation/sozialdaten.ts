// Forms of report and hide: "Enthält Sozialdaten melden" on a text of another Träger, and the
// author's revision of a hidden text.
import { z } from "zod";
import { SOZIALDATEN_TEXT_LABELS } from "~/utils/sozialdaten";
import { publicText } from "./public-text";
import { optionalMultiLine, optionalSingleLine } from "./text";

export const SOZIALDATEN_SUBJECT_TYPES = [
  "cover_request",
  "cover_offer",
  "training",
  "meeting",
  "agenda_item",
  "minutes",
  "project",
  "project_update",
] as const;

export const SozialdatenReportSchema = z.object({
  subjectType: z.enum(SOZIALDATEN_SUBJECT_TYPES, { error: "Unbekannter Text." }),
  subjectId: z.uuid("Unbekannter Text."),
  note: publicText(optionalMultiLine(500, "Der Hinweis"), "Den Hinweis"),
});

const revisedText = (label: string, max: number) => publicText(optionalMultiLine(max, label), label);

export const SozialdatenRevisionSchema = z.object({
  title: publicText(optionalSingleLine(200, "Der Titel"), "Den Titel"),
  description: revisedText("Die Beschreibung", 10_000),
  gender_reason: revisedText("Die Begründung", 500),
  cancel_reason: revisedText("Der Grund der Absage", 2000),
  decline_reason: revisedText("Die Begründung der Ablehnung", 1000),
  message: revisedText("Die Nachricht", 2000),
  goal: revisedText("Das Ziel", 4000),
  target_group: revisedText("Die Zielgruppe", 1000),
  funding: revisedText("Die Finanzierungsidee", 2000),
  wanted: revisedText("„Gesucht“", 4000),
  summary: revisedText("Der Steckbrief", 4000),
  body: revisedText("Der Beitrag", 5000),
});

// Every text of the schema has its label on the page (app/utils/sozialdaten.ts).
SOZIALDATEN_TEXT_LABELS satisfies Record<keyof z.infer<typeof SozialdatenRevisionSchema>, string>;
