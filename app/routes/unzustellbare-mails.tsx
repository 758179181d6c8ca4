// /unzustellbare-mails — mails the platform tried to send for 72 hours without success. Shown to
// the admins of the addressee's Träger and to the circle's coordinators (the database decides,
// public.undeliverable_mails); "Erneut senden" queues one again for another 72 hours. Everyone
// else sees an empty list. Linked from the Träger's Protokoll and the circle's pages.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { userMessageFor } from "~/.server/db/errors";
import { listUndeliverableMails, requeueMail } from "~/.server/outbox/undeliverable";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { mailTemplateLabel } from "~/i18n/mails";
import { countLabel, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";
import { RequeueMailSchema } from "~/validation/mails";

export const meta: MetaFunction = () => [{ title: "Unzustellbare E-Mails · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { mails: await listUndeliverableMails(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = RequeueMailSchema.safeParse(Object.fromEntries(await request.formData()));
  invariantResponse(parsed.success, "Die Anfrage ist ungültig.", { status: 400 });
  try {
    await requeueMail(user, parsed.data.id);
  } catch (error) {
    const message = userMessageFor(error);
    if (!message) throw error;
    return redirectWithToast(paths.undeliverableMails, {
      type: "error",
      title: "Diese E-Mail kann nicht erneut gesendet werden.",
      description: "Sie wurde schon erneut in den Versand gegeben oder ist für Sie nicht sichtbar.",
    });
  }
  return redirectWithToast(paths.undeliverableMails, {
    title: "Die E-Mail wird erneut gesendet.",
    description: "Der Versand wird wieder bis zu 72 Stunden lang versucht.",
  });
}

export default function UndeliverableMails() {
  const { mails } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busyId = navigation.state !== "idle" ? String(navigation.formData?.get("id") ?? "") : "";
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Unzustellbare E-Mails"
        description={
          <>
            Trägerkreis versucht jede E-Mail 72 Stunden lang zuzustellen (zuerst nach 30 Sekunden, dann in wachsenden
            Abständen, höchstens stündlich). Was dann nicht angekommen ist, steht hier – für die Administrator:innen des
            Trägers der Empfänger:in und für die Koordination des Kreises. Prüfen Sie die Adresse und senden Sie die E-Mail
            erneut.
          </>
        }
      />
      {mails.length === 0 ? (
        <EmptyState title="Keine unzustellbaren E-Mails.">Alle E-Mails, die Sie betreffen, sind angekommen oder unterwegs.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={countLabel(mails.length, "unzustellbare E-Mail", "unzustellbare E-Mails")}>
          {mails.map((mail) => (
            <Card as="li" key={mail.id}>
              <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <p className="font-semibold text-slate-900">{mailTemplateLabel(mail.template)}</p>
                  <p className="break-words text-slate-700">An {mail.recipient ?? "unbekannt"}</p>
                  <p className="text-sm text-slate-600">
                    {mail.firstAttemptAt ? `Erster Versuch ${formatDateTime(mail.firstAttemptAt)}, ` : ""}
                    {countLabel(mail.attempts, "Versuch", "Versuche")}
                    {mail.givenUpAt ? `, aufgegeben ${formatDateTime(mail.givenUpAt)}` : ""}
                  </p>
                </div>
                <Form method="post" className="shrink-0">
                  <input type="hidden" name="intent" value="requeue" />
                  <input type="hidden" name="id" value={mail.id} />
                  <Button type="submit" variant="secondary" disabled={busyId === mail.id}>
                    Erneut senden
                    <span className="sr-only"> an {mail.recipient}</span>
                  </Button>
                </Form>
              </div>
            </Card>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
