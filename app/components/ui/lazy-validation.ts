// conform's validation in the browser without zod in the page's first load (issue 14: zod is
// ~25 KB gzip of the form pages' JavaScript). The form's constraint (required, maxLength, pattern…
// on the inputs) comes from the loader, computed on the server with `getZodConstraint(Schema)`, so
// the markup is the same with and without JavaScript. The schema itself is loaded after hydration:
// from then on the form validates in the browser as before (German messages from the same schema);
// a submit before it is loaded (or if the chunk cannot be loaded) goes to the action, which always
// validates with the schema — the server stays the authority.
//
//   const validation = useLazyValidation(() => import("~/validation/cover").then((m) => m.CoverRequestFormSchema),
//     { shouldValidate: "onBlur", shouldRevalidate: "onInput" });
//   const [form, fields] = useForm({ id, lastResult, constraint, ...validation });
import type { Submission } from "@conform-to/react";
import type { getZodConstraint } from "@conform-to/zod/v4";
import { useEffect, useState } from "react";
import type { z } from "zod";

/** What the loader hands the form: `getZodConstraint(Schema)`, computed on the server. */
export type FormConstraint = ReturnType<typeof getZodConstraint>;

type Timing = "onSubmit" | "onBlur" | "onInput";

type Validate<Schema extends z.ZodType> = (formData: FormData) => Submission<z.input<Schema>, string[], z.output<Schema>>;

export function useLazyValidation<Schema extends z.ZodType>(
  load: () => Promise<Schema>,
  timing: { shouldValidate?: Timing; shouldRevalidate?: Timing } = {},
) {
  const [validate, setValidate] = useState<Validate<Schema> | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([load(), import("@conform-to/zod/v4")]).then(
      ([schema, { parseWithZod }]) => {
        if (live) setValidate(() => (formData: FormData) => parseWithZod(formData, { schema }));
      },
      // Offline or a stale deployment: the action validates.
      () => undefined,
    );
    return () => {
      live = false;
    };
    // The schema is fixed per form; loading it once is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Until the schema is there, nothing validates in the browser: a blur or input that would
  // validate must not send the form to the action.
  return validate
    ? { ...timing, onValidate: ({ formData }: { formData: FormData }) => validate(formData) }
    : { shouldValidate: "onSubmit" as const, shouldRevalidate: "onSubmit" as const, onValidate: undefined };
}
