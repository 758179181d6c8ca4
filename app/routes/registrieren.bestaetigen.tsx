import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { confirmEmail, resendConfirmation } from "~/.server/auth/service";
import { redirectWithToast } from "~/.server/toast";
import { AuthLayout, Notice } from "~/components/auth-layout";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Honeypot } from "~/components/ui/honeypot";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { carryParams } from "~/utils/auth-links";
import { paths } from "~/utils/links";
import { CONFIRMATION_RESENT } from "~/i18n/auth";
import { EmailOnlySchema, prefilledEmail } from "~/validation/auth";
import { caughtByHoneypot } from "~/utils/honeypot";

// The token is in the URL: keep it out of Referer headers of anything this page loads.
export const meta: MetaFunction = () => [
  { title: "E-Mail-Adresse bestätigen · Trägerkreis" },
  { name: "referrer", content: "no-referrer" },
];

type PageState =
  | { kind: "check-inbox"; email: string }
  | { kind: "confirmed" | "already-confirmed"; signInUrl: string }
  | { kind: "expired" | "invalid"; email: string };

export async function loader({ request }: LoaderFunctionArgs) {
  return { ...(await pageState(request)), constraint: getZodConstraint(EmailOnlySchema) };
}

async function pageState(request: Request): Promise<PageState> {
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  if (token === null) return { kind: "check-inbox", email: prefilledEmail(url.searchParams.get("email")) };
  const outcome = await confirmEmail(token);
  switch (outcome.status) {
    case "confirmed":
      return { kind: "confirmed", signInUrl: `${paths.signIn}${carryParams(outcome.redirectTo, outcome.email)}` };
    case "used":
      // Opened twice (a reload, a mail scanner): if the address is confirmed, that is fine.
      return outcome.confirmed
        ? { kind: "already-confirmed", signInUrl: `${paths.signIn}${carryParams(outcome.redirectTo, outcome.email)}` }
        : { kind: "invalid", email: "" };
    default:
      return { kind: outcome.status, email: "" };
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: EmailOnlySchema });
  if (submission.status !== "success") return { result: submission.reply() };
  // The honeypot answers like a real request; either way nobody learns whether the account exists.
  if (!caughtByHoneypot(formData)) await resendConfirmation(submission.value.email);
  return redirectWithToast(`/registrieren/bestaetigen${carryParams("", submission.value.email)}`, {
    type: "info",
    title: "E-Mail unterwegs",
    description: CONFIRMATION_RESENT,
  });
}

function ResendForm({ email, intro }: { email: string; intro: string }) {
  const { constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/auth").then((m) => m.EmailOnlySchema), {
    shouldValidate: "onBlur",
  });
  const [form, fields] = useForm({
    id: "resend-confirmation",
    lastResult: actionData?.result,
    constraint,
    defaultValue: { email },
    ...validation,
  });
  return (
    <Form method="post" action="/registrieren/bestaetigen" {...getFormProps(form)} className="mt-6 space-y-3 border-t border-slate-200 pt-4">
      <h2 className="font-semibold text-slate-900">Bestätigungslink erneut senden</h2>
      <p className="text-sm text-slate-600">{intro}</p>
      <Honeypot />
      <Field
        label="E-Mail-Adresse"
        field={fields.email}
        type="email"
        inputProps={{ autoComplete: "email" }}
      />
      <Button type="submit" variant="secondary" className="w-full" disabled={navigation.state === "submitting"}>
        Link erneut senden
      </Button>
    </Form>
  );
}

export default function ConfirmEmail() {
  const state = useLoaderData<typeof loader>();
  switch (state.kind) {
    case "confirmed":
    case "already-confirmed":
      return (
        <AuthLayout title={state.kind === "confirmed" ? "E-Mail-Adresse bestätigt" : "Bereits bestätigt"}>
          <Notice>
            {state.kind === "confirmed"
              ? "Vielen Dank! Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden."
              : "Dieser Link wurde schon verwendet – Ihre E-Mail-Adresse ist bestätigt. Sie können sich anmelden."}
          </Notice>
          <ButtonLink to={state.signInUrl} className="mt-4 w-full">
            Zur Anmeldung
          </ButtonLink>
        </AuthLayout>
      );
    case "expired":
    case "invalid":
      return (
        <AuthLayout title={state.kind === "expired" ? "Der Link ist abgelaufen" : "Der Link ist ungültig"}>
          <Notice tone="error">
            {state.kind === "expired"
              ? "Bestätigungslinks gelten 24 Stunden. Dieser ist abgelaufen; es wurde nichts geändert."
              : "Diesen Bestätigungslink kennen wir nicht, oder er wurde bereits durch einen neueren ersetzt. Es wurde nichts geändert."}
          </Notice>
          <ResendForm email={state.email} intro="Geben Sie Ihre E-Mail-Adresse ein, dann schicken wir Ihnen einen neuen Link." />
        </AuthLayout>
      );
    default:
      return (
        <AuthLayout title="Bitte bestätigen Sie Ihre E-Mail-Adresse">
          <Notice>
            {state.email ? (
              <>
                Wir haben eine E-Mail an <strong className="break-all">{state.email}</strong> geschickt.
              </>
            ) : (
              "Wir haben Ihnen eine E-Mail geschickt."
            )}{" "}
            Klicken Sie auf den Link darin, um Ihr Konto zu aktivieren. Der Link gilt 24 Stunden.
          </Notice>
          <ResendForm
            email={state.email}
            intro="Keine E-Mail bekommen? Schauen Sie auch im Spam-Ordner nach – oder lassen Sie sich den Link noch einmal schicken."
          />
        </AuthLayout>
      );
  }
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
