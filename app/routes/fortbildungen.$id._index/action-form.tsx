// The small forms of the training page (a button, or a few fields): each posts an `intent` and
// a form id; the action's answer is shown only in the form it belongs to.
import type { SubmissionResult } from "@conform-to/react";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { FormMessage } from "~/components/ui/layout";

type Answer = { formId: string; result: SubmissionResult<string[]> } | undefined;

/** The action's answer, if it belongs to the form with this id. */
export function useAnswerFor(formId: string) {
  const answer = useActionData() as Answer;
  return answer && answer.formId === formId ? answer.result : undefined;
}

/** Errors of one field of the answer ("" = the form-level errors). */
export function answerErrors(result: SubmissionResult<string[]> | undefined, name: string): string[] | undefined {
  const errors = result?.error?.[name];
  return errors ?? undefined;
}

export function useBusy(formId: string) {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formData?.get("formId") === formId;
}

export function ActionForm({
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
