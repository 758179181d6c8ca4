// The hidden idempotency key of a create form (see app/.server/forms/idempotency.ts). The root
// loader makes a fresh key with every render and after every action.
import { useRouteLoaderData } from "@remix-run/react";
import { FORM_KEY_FIELD } from "~/utils/form-key";

export function FormKeyField() {
  const root = useRouteLoaderData("root") as { formKey?: string } | undefined;
  return root?.formKey ? <input type="hidden" name={FORM_KEY_FIELD} value={root.formKey} /> : null;
}
