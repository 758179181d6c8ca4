// Every free text another Träger (or the public) reads is declared with publicText(): the form
// schemas refuse hard identifiers in each of them, in the browser and in the action alike.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CircleSettingsSchema, DeclineJoinRequestSchema, JoinRequestSchema } from "./circle";
import { CoverIntentSchemas, CoverRequestFormSchema } from "./cover";
import { orgProfileSchema } from "./orgs";
import { SozialdatenReportSchema, SozialdatenRevisionSchema } from "./sozialdaten";
import { TrainingFormSchema, TrainingIntentSchemas } from "./trainings";

const fields: Array<[place: string, schema: z.ZodType]> = [
  ["cover request: description", CoverRequestFormSchema.shape.description],
  ["cover request: gender reason", CoverRequestFormSchema.shape.genderReason],
  ["offer: message", CoverIntentSchemas.offer.shape.message],
  ["decline: message", CoverIntentSchemas.decline.shape.message],
  ["cancel: reason", CoverIntentSchemas.cancel.shape.reason],
  ["training: description", TrainingFormSchema.shape.description],
  ["training: move reason", TrainingIntentSchemas.move.shape.reason],
  ["training: cancel reason", TrainingIntentSchemas["cancel-training"].shape.reason],
  ["join request: message", JoinRequestSchema.shape.message],
  ["join request decline: message", DeclineJoinRequestSchema.shape.message],
  ["circle: description", CircleSettingsSchema.shape.description],
  ["Träger: Leitbild", orgProfileSchema().shape.leitbild],
  ["report: note", SozialdatenReportSchema.shape.note],
  ["revision: description", SozialdatenRevisionSchema.shape.description],
];

describe("publicText on every text others read", () => {
  it.each(fields)("%s refuses a phone number and says where it belongs", (_place, schema) => {
    const result = schema.safeParse("Rückruf bitte unter Tel. 0151 2345678, danke.");
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message).join(" ");
    expect(messages).toContain("„0151 2345678“ ist eine Telefonnummer");
    expect(messages).toContain("Übergabenotizen");
  });

  it.each(fields)("%s lets a text without client data through", (_place, schema) => {
    expect(schema.safeParse("Familie mit zwei Kindern, Termine vormittags in Dinslaken.").success).toBe(true);
  });
});
