// /benachrichtigungen — the user's notifications, newest first. Opening one marks it read and
// follows its link; "Alle als gelesen markieren" clears the bell. Plain forms: work without JS.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser, safeRedirect } from "~/.server/auth/session";
import { listNotifications, markAllNotificationsRead, openNotification } from "~/.server/circle/notifications";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { countLabel, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";
import { NotificationActionSchema } from "~/validation/circle";

export const meta: MetaFunction = () => [{ title: "Benachrichtigungen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { notifications: await listNotifications(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const parsed = NotificationActionSchema.safeParse(Object.fromEntries(formData));
  invariantResponse(parsed.success, "Die Anfrage ist ungültig.", { status: 400 });
  if (parsed.data.intent === "read-all") {
    const count = await markAllNotificationsRead(user);
    return redirectWithToast(paths.notifications, {
      title: count > 0 ? `${countLabel(count, "Benachrichtigung", "Benachrichtigungen")} als gelesen markiert.` : "Alles gelesen.",
    });
  }
  const opened = await openNotification(user, parsed.data.id);
  invariantResponse(opened, "Nicht gefunden", { status: 404 });
  return redirect(safeRedirect(opened.link, paths.notifications));
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Benachrichtigungen"
        description={unread > 0 ? `${countLabel(unread, "ungelesene", "ungelesene")} von ${notifications.length}` : undefined}
        actions={
          unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <Button type="submit" variant="secondary" disabled={navigation.state === "submitting"}>
                Alle als gelesen markieren
              </Button>
            </Form>
          ) : null
        }
      />
      {notifications.length === 0 ? (
        <EmptyState title="Keine Benachrichtigungen.">
          Hier erscheint, was Sie betrifft: zum Beispiel neue Interessensmeldungen für Ihren Kreis.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
          {notifications.map((n) => (
            <li key={n.id} className={n.read ? "bg-white" : "bg-brand-50"}>
              <Form method="post">
                <input type="hidden" name="intent" value="open" />
                <input type="hidden" name="id" value={n.id} />
                <button
                  type="submit"
                  className="flex min-h-11 w-full items-start gap-3 p-4 text-left hover:bg-slate-100 focus-visible:bg-slate-100"
                >
                  <span
                    aria-hidden="true"
                    className={`mt-1.5 size-2.5 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-brand-700"}`}
                  />
                  <span className="min-w-0 flex-1">
                    <span className={`block break-words ${n.read ? "text-slate-800" : "font-semibold text-slate-900"}`}>
                      {n.read ? null : <span className="sr-only">Ungelesen: </span>}
                      {n.title}
                    </span>
                    {n.body ? <span className="mt-0.5 block break-words text-sm text-slate-700">{n.body}</span> : null}
                    <span className="mt-1 block text-xs text-slate-600">{formatDateTime(n.createdAt)}</span>
                  </span>
                  {n.link ? (
                    <span aria-hidden="true" className="self-center text-brand-800">
                      →
                    </span>
                  ) : null}
                </button>
              </Form>
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
