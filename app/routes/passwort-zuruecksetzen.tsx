import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { checkResetToken, resetPassword, type TokenProblem } from "~/.server/auth/service";
import { clientIp } from "~/.server/auth/session";
import { redirectWithToast } from "~/.server/toast";
import { AuthLayout, Notice, linkClass } from "~/components/auth-layout";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NewPasswordFields } from "~/components/new-password-fields";
import { Button } from "~/components/ui/button";
import { Field, inputPropsOf } from "~/components/ui/field";
import { FormMessage } from "~/components/ui/layout";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { paths } from "~/utils/links";
import { PASSWORD_EQUALS_EMAIL } from "~/i18n/auth";
import { ResetPasswordSchema } from "~/validation/auth";

// The token is in the URL: keep it out of Referer headers of anything this page loads.
export const meta: MetaFunction = () => [
  { title: "Neues Passwort · Trägerkreis" },
  { name: "referrer", content: "no-referrer" },
];

const tokenMessages: Record<TokenProblem, string> = {
  invalid: "Dieser Link ist ungültig oder wurde durch einen neueren ersetzt. Es wurde nichts geändert.",
  expired: "Dieser Link ist abgelaufen (Links zum Zurücksetzen gelten eine Stunde). Es wurde nichts geändert.",
  used: "Dieser Link wurde bereits verwendet. Es wurde nichts geändert.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = await checkResetToken(token);
  const constraint = getZodConstraint(ResetPasswordSchema);
  return check.status === "valid"
    ? { token, email: check.email, problem: null, constraint }
    : { token: "", email: "", problem: tokenMessages[check.status], constraint };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ResetPasswordSchema });
  const hideFields = ["password", "confirmPassword"];
  if (submission.status !== "success") return { result: submission.reply({ hideFields }) };
  const outcome = await resetPassword(submission.value.token, submission.value.password, {
    ip: clientIp(request),
    userAgent: request.headers.get("User-Agent"),
  });
  if (outcome.status === "ok") {
    return redirectWithToast(
      paths.home,
      { title: "Ihr Passwort wurde geändert.", description: "Sie sind angemeldet; alle anderen Sitzungen wurden beendet." },
      { headers: { "Set-Cookie": outcome.setCookie } },
    );
  }
  if (outcome.status === "password-equals-email") {
    return { result: submission.reply({ fieldErrors: { password: [PASSWORD_EQUALS_EMAIL] }, hideFields }) };
  }
  return { result: submission.reply({ formErrors: [tokenMessages[outcome.status]], hideFields }) };
}

export default function ResetPassword() {
  const { token, email, problem, constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/auth").then((m) => m.ResetPasswordSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    constraint,
    defaultValue: { token },
    ...validation,
  });
  if (problem) {
    return (
      <AuthLayout title="Der Link funktioniert nicht">
        <Notice tone="error">{problem}</Notice>
        <p className="mt-4 text-sm">
          <Link to={paths.forgotPassword} className={linkClass}>
            Neuen Link anfordern
          </Link>
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="Neues Passwort festlegen"
      description={
        <>
          Für das Konto <strong className="break-all">{email}</strong>. Danach sind Sie angemeldet, und alle anderen
          Sitzungen werden beendet.
        </>
      }
    >
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <FormMessage id={form.errorId} errors={form.errors} />
        <input {...inputPropsOf(fields.token, "hidden")} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          Passwort speichern
        </Button>
      </Form>
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
