import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { signUp } from "~/.server/auth/service";
import { anonymousEntry } from "~/.server/auth/entry";
import { requireAnonymous } from "~/.server/auth/session";
import { AuthLayout, linkClass } from "~/components/auth-layout";
import { useEntryForm } from "~/components/entry-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NewPasswordFields } from "~/components/new-password-fields";
import { Button } from "~/components/ui/button";
import { Field, inputPropsOf } from "~/components/ui/field";
import { Honeypot } from "~/components/ui/honeypot";
import { FormMessage } from "~/components/ui/layout";
import { carryParams } from "~/utils/auth-links";
import { paths } from "~/utils/links";
import { EMAIL_TAKEN } from "~/i18n/auth";
import { prefilledEmail, SignUpSchema } from "~/validation/auth";
import { caughtByHoneypot } from "~/utils/honeypot";

export const meta: MetaFunction = () => [{ title: "Registrieren · Trägerkreis" }];

const checkInbox = (email: string) => `/registrieren/bestaetigen${carryParams("", email)}`;

export function loader({ request }: LoaderFunctionArgs) {
  return anonymousEntry(request, SignUpSchema);
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  // A bot filled the hidden field: answer as if it worked, write nothing.
  if (caughtByHoneypot(formData)) {
    return redirect(checkInbox(prefilledEmail(String(formData.get("email") ?? ""))));
  }
  const submission = parseWithZod(formData, { schema: SignUpSchema });
  const hideFields = ["password", "confirmPassword"];
  if (submission.status !== "success") {
    return { result: submission.reply({ hideFields }), duplicate: false };
  }
  const outcome = await signUp(submission.value);
  if (!outcome.ok) {
    return { result: submission.reply({ fieldErrors: { email: [EMAIL_TAKEN] }, hideFields }), duplicate: true };
  }
  return redirect(checkInbox(outcome.email));
}

export default function SignUp() {
  const entry = useLoaderData<typeof loader>();
  const { redirectTo, email } = entry;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useEntryForm("sign-up", () => import("~/validation/auth").then((m) => m.SignUpSchema), entry, actionData?.result);
  const duplicate = actionData?.duplicate && fields.email.errors?.includes(EMAIL_TAKEN);
  return (
    <AuthLayout
      title="Konto anlegen"
      description="Nach der Registrierung schicken wir Ihnen eine E-Mail, mit der Sie Ihre Adresse bestätigen."
      footer={
        <p>
          Schon ein Konto?{" "}
          <Link to={`${paths.signIn}${carryParams(redirectTo, fields.email.value ?? email)}`} className={linkClass}>
            Anmelden
          </Link>
        </p>
      }
    >
      <Form method="post" {...getFormProps(form)} className="relative space-y-4">
        <FormMessage id={form.errorId} errors={form.errors} />
        <Honeypot />
        <input {...inputPropsOf(fields.redirectTo, "hidden")} />
        <Field
          label="Ihr Name"
          field={fields.fullName}
          inputProps={{ autoComplete: "name" }}
        />
        <div>
          <Field
            label="E-Mail-Adresse"
            field={fields.email}
            type="email"
            inputProps={{ autoComplete: "email" }}
          />
          {duplicate ? (
            <p className="mt-1 text-sm text-slate-700">
              <Link
                to={`${paths.signIn}${carryParams(redirectTo, fields.email.value)}`}
                className={linkClass}
              >
                Zur Anmeldung
              </Link>{" "}
              oder{" "}
              <Link to={`${paths.forgotPassword}${carryParams("", fields.email.value)}`} className={linkClass}>
                Passwort vergessen?
              </Link>
            </p>
          ) : null}
        </div>
        <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} label="Passwort" />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Konto wird angelegt …" : "Konto anlegen"}
        </Button>
      </Form>
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
