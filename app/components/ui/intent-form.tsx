// The small forms of a page with several actions (a button, or a few fields): each posts an
// `intent` and a form id; the action's answer (field errors, or the database's German refusal such
// as "bereits besetzt") is shown only in the form it belongs to. Plain forms: they work without
// JavaScript. The action answers `{ formId, result: submission.reply() }`. Each carries the page's
// idempotency key (FormKeyField); an action that creates something wraps its write in oncePerForm.
import type { SubmissionResult } from "@conform-to/react";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { FormKeyField } from "~/components/ui/form-key";
import { FormMessage } from "~/components/ui/layout";

type Answer = { formId: string; result: SubmissionResult<string[]> } | undefined;

/** The action's answer, if it belongs to the form with this id. */
export function useAnswerFor(formId: string) {
  const answer = useActionData() as Answer;
  return answer && answer.formId === formId ? answer.result : undefined;
}

/** The errors of one field of an answer ("" = the form-level errors). */
export function answerErrors(result: SubmissionResult<string[]> | undefined, name: string): string[] | undefined {
  return result?.error?.[name] ?? undefined;
}

/** The value the person sent, to fill the field again after a refusal. */
export function answerValue(result: SubmissionResult<string[]> | undefined, name: string): string | undefined {
  const value = (result?.initialValue as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : undefined;
}

/** Whether the form with this id is being sent. */
export function useBusy(formId: string) {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formData?.get("formId") === formId;
}

export function IntentForm({
  formId,
  intent,
  fields = {},
  visible = [],
  children,
  className = "",
}: {
  formId: string;
  intent: string;
  fields?: Record<string, string>;
  /** Names of the form's visible fields: their errors show under them, all others above. */
  visible?: string[];
  children: React.ReactNode;
  className?: string;
}) {
  const result = useAnswerFor(formId);
  const formErrors = Object.entries(result?.error ?? {})
    .filter(([name]) => !visible.includes(name))
    .flatMap(([, errors]) => errors ?? []);
  return (
    <Form method="post" className={className} preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="formId" value={formId} />
      <FormKeyField />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {formErrors.length ? (
        <div className="mb-2">
          <FormMessage errors={formErrors} />
        </div>
      ) : null}
      {children}
    </Form>
  );
}
