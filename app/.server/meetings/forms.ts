// Helpers the /treffen actions share: parse a form with its schema, call the database, and turn
// a TK_* refusal into the form's German error (or rethrow a bug).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { replyToRefusal } from "../forms/reply";

type Reply = SubmissionResult<string[]>;

/** The form's answer after a refusal of the database: its German message above the form. */
export function refusalReply(submission: { reply: (o?: { formErrors?: string[] }) => Reply }, error: unknown): Reply {
  return replyToRefusal(submission, error);
}

/** Runs `fn` with the parsed value; answers `{ formId, result }` for an IntentForm. */
export async function handleIntent<S extends z.ZodType>(
  formData: FormData,
  formId: string,
  schema: S,
  fn: (value: z.infer<S>) => Promise<unknown>,
): Promise<{ formId: string; result: Reply; ok: boolean }> {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return { formId, result: submission.reply(), ok: false };
  try {
    await fn(submission.value as z.infer<S>);
  } catch (error) {
    return { formId, result: refusalReply(submission, error), ok: false };
  }
  return { formId, result: submission.reply({ resetForm: true }), ok: true };
}
