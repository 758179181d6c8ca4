// Create a Träger: the signed-in user becomes its owner and continues on the settings page.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { createOrganization } from "~/.server/orgs/profile";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { LEGAL_FORM_OPTIONS, ORG_KIND_OPTIONS } from "~/i18n/labels";
import { paths } from "~/utils/links";
import { CreateOrgSchema } from "~/validation/orgs";
import { oncePerForm } from "~/.server/forms/idempotency";
import { FormKeyField } from "~/components/ui/form-key";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [{ title: "Träger anlegen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { constraint: getZodConstraint(CreateOrgSchema) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: CreateOrgSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  let slug: string;
  try {
    slug = await oncePerForm(formData, "org.create", () => createOrganization(user, submission.value));
  } catch (error) {
    return { result: replyToRefusal(submission, error) };
  }
  return redirectWithToast(paths.orgSettings(slug), {
    title: `„${submission.value.name}“ ist angelegt.`,
    description: "Sie sind Inhaber:in. Ergänzen Sie jetzt das Profil, damit der Kreis Sie findet.",
  });
}

export default function NewOrganization() {
  const { constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/orgs").then((m) => m.CreateOrgSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: "create-organization",
    lastResult: actionData?.result,
    constraint,
    defaultValue: { kind: "freier_traeger" },
    ...validation,
  });
  const busy = navigation.state !== "idle" && navigation.formAction === paths.newOrg;

  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="Träger anlegen"
        description="Legen Sie Ihren Träger an. Sie werden seine Inhaberin bzw. sein Inhaber und können danach das Profil ergänzen und Kolleg:innen einladen."
      />
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-5">
          <FormKeyField />
          <FormMessage id={form.errorId} errors={form.errors} />
          <Field
            key={fields.name.key}
            label="Name des Trägers"
            hint="So, wie der Kreis Sie kennt, z. B. „KIZ Niederrhein“."
            field={fields.name}
            inputProps={{ autoComplete: "organization" }}
          />
          <SelectField
            key={fields.kind.key}
            label="Art"
            field={fields.kind}
            options={ORG_KIND_OPTIONS}
          />
          <SelectField
            key={fields.legalForm.key}
            label="Rechtsform (optional)"
            field={fields.legalForm}
            options={LEGAL_FORM_OPTIONS}
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="submit" disabled={busy}>
              {busy ? "Wird angelegt …" : "Träger anlegen"}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
