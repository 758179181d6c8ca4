import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { requestPasswordReset } from "~/.server/auth/service";
import { AuthLayout, Notice, linkClass } from "~/components/auth-layout";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Honeypot } from "~/components/ui/honeypot";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { paths } from "~/utils/links";
import { RESET_MAIL_SENT } from "~/i18n/auth";
import { EmailOnlySchema, prefilledEmail } from "~/validation/auth";
import { caughtByHoneypot } from "~/utils/honeypot";

export const meta: MetaFunction = () => [{ title: "Passwort vergessen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { email: prefilledEmail(new URL(request.url).searchParams.get("email")), constraint: getZodConstraint(EmailOnlySchema) };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: EmailOnlySchema });
  if (submission.status !== "success") return { result: submission.reply(), sent: false };
  // Same answer whether or not the account exists (and for the honeypot).
  if (!caughtByHoneypot(formData)) await requestPasswordReset(submission.value.email);
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const { email, constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/auth").then((m) => m.EmailOnlySchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    constraint,
    defaultValue: { email },
    ...validation,
  });
  return (
    <AuthLayout
      title="Passwort vergessen"
      description="Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen."
      footer={
        <p>
          <Link to={paths.signIn} className={linkClass}>
            Zurück zur Anmeldung
          </Link>
        </p>
      }
    >
      {actionData?.sent ? (
        <div className="mb-4">
          <Notice>
            {RESET_MAIL_SENT} Der Link gilt eine Stunde. Schauen Sie auch im Spam-Ordner nach.
          </Notice>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <Honeypot />
        <Field
          label="E-Mail-Adresse"
          field={fields.email}
          type="email"
          inputProps={{ autoComplete: "email" }}
        />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          {actionData?.sent ? "Link noch einmal senden" : "Link senden"}
        </Button>
      </Form>
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
