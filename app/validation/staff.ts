// The staff list of a Träger for the qualification gate (§§ 72, 72a SGB VIII): the fixed list of
// Fachkraft qualifications (their labels: app/i18n/labels.ts) and the form of one person, shared by
// the page and the server module.
import { z } from "zod";
import { QUALIFICATIONS } from "~/i18n/labels";
import { singleLine } from "./text";

export const StaffSchema = z.object({
  fullName: singleLine({ max: 120, label: "Der Name", required: "Bitte geben Sie den Namen an.", min: { length: 2, message: "Bitte geben Sie den Namen an." } }),
  qualification: z.enum(Object.keys(QUALIFICATIONS) as [keyof typeof QUALIFICATIONS]).optional(),
  note: singleLine({ max: 200, label: "Die Beschreibung" }).optional(),
  fuehrungszeugnisOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte ein Datum angeben.")
    .refine((v) => !Number.isNaN(Date.parse(v)), "Bitte ein gültiges Datum angeben.")
    .refine((v) => v > "1990-01-01", "Bitte ein Datum nach 1990 angeben.")
    .refine((v) => v <= new Date().toISOString().slice(0, 10), "Das Datum des Führungszeugnisses darf nicht in der Zukunft liegen.")
    .optional(),
});
