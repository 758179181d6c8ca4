// Leaving the Träger.
import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { useAnswerFor as useResultFor, useBusy } from "~/components/ui/intent-form";
import { FormMessage } from "~/components/ui/layout";

export function LeaveForm({ orgName, lastOwner }: { orgName: string; lastOwner: boolean }) {
  const formId = "leave";
  const [form] = useForm({ id: formId, lastResult: useResultFor(formId) });
  const busy = useBusy(formId);
  return (
    <section aria-labelledby="leave-heading" className="border-t border-slate-200 pt-6">
      <h2 id="leave-heading" className="text-lg font-semibold text-slate-900">
        Träger verlassen
      </h2>
      {lastOwner ? (
        <p className="mt-1 text-sm text-slate-600">
          Sie sind die einzige Inhaberin bzw. der einzige Inhaber. Ernennen Sie zuerst eine weitere Person zur Inhaber:in, dann können Sie gehen.
        </p>
      ) : (
        <details className="mt-1" open={Boolean(form.errors?.length)}>
          <summary className="flex min-h-11 cursor-pointer list-none items-center text-sm font-semibold text-red-800">
            {orgName} verlassen …
          </summary>
          <Form method="post" {...getFormProps(form)} className="mt-2 space-y-2 rounded-lg border border-red-200 bg-red-50 p-3">
            <input type="hidden" name="formId" value={formId} />
            <input type="hidden" name="intent" value="leave" />
            <p className="text-sm text-red-900">
              Sie verlieren den Zugang zu allem, was nur Mitglieder von {orgName} sehen. Zurück kommen Sie nur mit einer neuen Einladung.
            </p>
            <FormMessage id={form.errorId} errors={form.errors} />
            <Button type="submit" variant="danger" disabled={busy}>
              Ja, {orgName} verlassen
            </Button>
          </Form>
        </details>
      )}
    </section>
  );
}
