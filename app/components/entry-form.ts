// The form of the pages one enters by (sign-in, sign-up): its loader is `anonymousEntry`
// (.server/auth/entry.ts), which hands it where to go afterwards, an email to prefill and the
// schema's constraint; it validates in the browser once the schema is loaded.
import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import type { z } from "zod";
import { useLazyValidation, type FormConstraint } from "~/components/ui/lazy-validation";

type Fields<Schema extends z.ZodType> = z.input<Schema> & Record<string, unknown>;

export function useEntryForm<Schema extends z.ZodType>(
  id: string,
  load: () => Promise<Schema>,
  entry: { redirectTo: string; email: string; constraint: FormConstraint },
  lastResult: SubmissionResult<string[]> | undefined,
) {
  const validation = useLazyValidation(load, { shouldValidate: "onBlur", shouldRevalidate: "onInput" });
  return useForm<Fields<Schema>, z.output<Schema>>({
    id,
    lastResult,
    constraint: entry.constraint,
    // Both entry schemas have these two fields.
    defaultValue: { email: entry.email, redirectTo: entry.redirectTo } as unknown as DefaultValue<Fields<Schema>>,
    ...validation,
  });
}
