// The dev mailbox: every mail the app sent while RESEND_API_KEY is unset, newest first, so a
// person trying the app locally can open the confirmation or invitation link. Never in production.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { env } from "~/.server/env";
import { clearMailbox, listMailbox } from "~/.server/mail/mailbox";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";

export const meta: MetaFunction = () => [{ title: "Postfach (Entwicklung) · Trägerkreis" }];

function requireDevelopment() {
  invariantResponse(env().NODE_ENV !== "production", "Nicht gefunden", { status: 404 });
}

export async function loader(_: LoaderFunctionArgs) {
  requireDevelopment();
  const mails = await listMailbox();
  return {
    mails: mails.map((m) => ({ id: m.id, to: m.to, subject: m.subject, createdAt: m.createdAt })),
    usesResend: Boolean(env().RESEND_API_KEY),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  requireDevelopment();
  const form = await request.formData();
  invariantResponse(form.get("intent") === "clear", "Unbekannte Aktion", { status: 400 });
  const count = await clearMailbox();
  return redirectWithToast(paths.devMails, {
    title: "Postfach geleert",
    description: count === 1 ? "1 E-Mail gelöscht." : `${count} E-Mails gelöscht.`,
  });
}

export default function DevMailbox() {
  const { mails, usesResend } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Postfach"
        description="Nur in der Entwicklung: Hier landen alle E-Mails, die der Trägerkreis ohne RESEND_API_KEY verschickt."
        actions={
          mails.length > 0 ? (
            <Form method="post">
              <Button type="submit" name="intent" value="clear" variant="secondary">
                Postfach leeren
              </Button>
            </Form>
          ) : null
        }
      />
      {usesResend ? (
        <p className="mb-4 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          RESEND_API_KEY ist gesetzt: Neue E-Mails gehen über Resend hinaus und erscheinen nicht hier.
        </p>
      ) : null}
      {mails.length === 0 ? (
        <EmptyState title="Noch keine E-Mails">
          Sobald Sie sich zum Beispiel registrieren oder jemanden einladen, erscheint die E-Mail hier.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          {mails.map((mail) => (
            <li key={mail.id}>
              <Link
                to={`${paths.devMails}/${mail.id}`}
                className="flex min-h-11 flex-col gap-1 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 sm:flex-row sm:items-baseline sm:gap-4"
              >
                <span className="min-w-0 flex-1">
                  <span className="block font-semibold text-slate-900">{mail.subject}</span>
                  <span className="block break-all text-sm text-slate-600">An {mail.to}</span>
                </span>
                <time dateTime={mail.createdAt} className="shrink-0 text-sm text-slate-600">
                  {formatDateTime(mail.createdAt)}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
