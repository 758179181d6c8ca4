import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { signUp } from "~/.server/auth/service";
import { requireAnonymous, safeRedirect } from "~/.server/auth/session";
import { AuthLayout, linkClass } from "~/components/auth-layout";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field, Honeypot, inputPropsOf } from "~/components/ui/field";
import { FormMessage } from "~/components/ui/layout";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { carryParams } from "~/utils/auth-links";
import { paths } from "~/utils/links";
import { EMAIL_TAKEN, NEW_PASSWORD_HINT } from "~/i18n/auth";
import { prefilledEmail, SignUpSchema } from "~/validation/auth";
import { caughtByHoneypot } from "~/utils/honeypot";

export const meta: MetaFunction = () => [{ title: "Registrieren · Trägerkreis" }];

const checkInbox = (email: string) => `/registrieren/bestaetigen${carryParams("", email)}`;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  return {
    redirectTo: safeRedirect(url.searchParams.get("redirectTo"), ""),
    email: prefilledEmail(url.searchParams.get("email")),
    constraint: getZodConstraint(SignUpSchema),
  };
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
  const { redirectTo, email, constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/auth").then((m) => m.SignUpSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: "sign-up",
    lastResult: actionData?.result,
    constraint,
    defaultValue: { email, redirectTo },
    ...validation,
  });
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
        <Field
          label="Passwort"
          hint={NEW_PASSWORD_HINT}
          field={fields.password}
          type="password"
          inputProps={{ autoComplete: "new-password" }}
        />
        <Field
          label="Passwort wiederholen"
          field={fields.confirmPassword}
          type="password"
          inputProps={{ autoComplete: "new-password" }}
        />
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
