import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { useEffect } from "react";
import { signIn } from "~/.server/auth/service";
import { anonymousEntry } from "~/.server/auth/entry";
import { isKnownDevice, knownDeviceCookie } from "~/.server/auth/device";
import { clientIp, requireAnonymous, safeRedirect } from "~/.server/auth/session";
import { AuthLayout, linkClass } from "~/components/auth-layout";
import { useEntryForm } from "~/components/entry-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field, inputPropsOf } from "~/components/ui/field";
import { FormMessage } from "~/components/ui/layout";
import { paths } from "~/utils/links";
import { carryParams } from "~/utils/auth-links";
import { EMAIL_NOT_CONFIRMED, INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS } from "~/i18n/auth";
import { SignInSchema } from "~/validation/auth";

export const meta: MetaFunction = () => [{ title: "Anmelden · Trägerkreis" }];

export function loader({ request }: LoaderFunctionArgs) {
  return anonymousEntry(request, SignInSchema);
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") {
    return { result: submission.reply({ hideFields: ["password"] }), unconfirmedEmail: null };
  }
  const { email, password, redirectTo } = submission.value;
  const outcome = await signIn({
    email,
    password,
    ip: clientIp(request),
    userAgent: request.headers.get("User-Agent"),
    knownDevice: await isKnownDevice(request, email),
  });
  switch (outcome.status) {
    case "ok": {
      const headers = new Headers();
      headers.append("Set-Cookie", outcome.setCookie);
      headers.append("Set-Cookie", await knownDeviceCookie(email));
      return redirect(safeRedirect(redirectTo), { headers });
    }
    case "throttled":
      return data(
        { result: submission.reply({ formErrors: [TOO_MANY_ATTEMPTS], hideFields: ["password"] }), unconfirmedEmail: null },
        { status: 429 },
      );
    case "unconfirmed":
      return {
        result: submission.reply({ formErrors: [EMAIL_NOT_CONFIRMED], hideFields: ["password"] }),
        unconfirmedEmail: email,
      };
    default:
      return { result: submission.reply({ formErrors: [INVALID_CREDENTIALS], hideFields: ["password"] }), unconfirmedEmail: null };
  }
}

export default function SignIn() {
  const entry = useLoaderData<typeof loader>();
  const { redirectTo, email } = entry;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useEntryForm("sign-in", () => import("~/validation/auth").then((m) => m.SignInSchema), entry, actionData?.result);
  const unconfirmed = actionData?.unconfirmedEmail;
  // The reply hides the password from conform's state, but with JavaScript the typed value stays
  // in the field. After a refused attempt: empty it and put the cursor there for the next try
  // (unless a field of its own is wrong: conform focuses that one).
  const passwordId = fields.password.id;
  useEffect(() => {
    if (!actionData) return;
    const input = document.getElementById(passwordId);
    if (!(input instanceof HTMLInputElement)) return;
    input.value = "";
    if (Object.keys(actionData.result.error ?? {}).every((name) => name === "")) input.focus();
  }, [actionData, passwordId]);
  return (
    <AuthLayout
      title="Anmelden"
      description="Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an."
      footer={
        <p>
          Noch kein Konto?{" "}
          <Link to={`${paths.signUp}${carryParams(redirectTo, fields.email.value ?? email)}`} className={linkClass}>
            Jetzt registrieren
          </Link>
        </p>
      }
    >
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <FormMessage id={form.errorId} errors={form.errors} />
        {unconfirmed ? (
          <p className="text-sm">
            <Link to={`/registrieren/bestaetigen${carryParams("", unconfirmed)}`} className={linkClass}>
              Bestätigungslink erneut senden
            </Link>
          </p>
        ) : null}
        <input {...inputPropsOf(fields.redirectTo, "hidden")} />
        <Field
          label="E-Mail-Adresse"
          field={fields.email}
          type="email"
          inputProps={{ autoComplete: "username" }}
        />
        <Field
          label="Passwort"
          field={fields.password}
          type="password"
          inputProps={{ autoComplete: "current-password" }}
        />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Anmeldung läuft …" : "Anmelden"}
        </Button>
        <p className="text-sm">
          <Link to={`${paths.forgotPassword}${carryParams("", fields.email.value)}`} className={linkClass}>
            Passwort vergessen?
          </Link>
        </p>
      </Form>
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
