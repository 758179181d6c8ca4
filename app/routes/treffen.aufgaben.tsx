// /treffen/aufgaben — action items from approved minutes: those of the person's own Träger first
// (they can mark them done), then the circle's others.
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireUser } from "~/.server/auth/session";
import { asUser } from "~/.server/db/request";
import { handleIntent } from "~/.server/meetings/forms";
import { listActionItems } from "~/.server/meetings/read";
import { setActionItemStatus } from "~/.server/meetings/write";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { IntentForm } from "~/components/ui/intent-form";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout";
import { shortDayText } from "~/i18n/meetings";

export const meta: MetaFunction = () => [
  { title: "Aufgaben · Treffen · Trägerkreis" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    items: await asUser(user, (tx) => listActionItems(tx, user, false)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  return handleIntent(
    formData,
    String(formData.get("formId") ?? ""),
    z.object({ itemId: z.string().uuid(), status: z.enum(["open", "done"]) }),
    (v) => setActionItemStatus(user, v.itemId, v.status),
  );
}

export default function ActionItems() {
  const { items } = useLoaderData<typeof loader>();
  const mine = items.filter((i) => i.mine);
  const others = items.filter((i) => !i.mine);
  const list = (rows: typeof items) => (
    <ul className="space-y-2">
      {rows.map((a) => (
        <li
          key={a.id}
          className="rounded-lg border border-slate-200 bg-white p-3"
        >
          <p className="font-semibold">{a.title}</p>
          <p className="text-sm text-slate-600">
            {a.ownerOrgName}
            {a.ownerName ? ` · ${a.ownerName}` : ""}
            {a.dueDate ? ` · fällig ${shortDayText(a.dueDate)}` : ""} · aus{" "}
            <Link
              className="text-brand-800 underline"
              to={`/treffen/${a.meetingId}/protokoll`}
            >
              {a.meetingTitle}
            </Link>
          </p>
          <div className="mt-1 flex items-center gap-2">
            {a.status === "done" ? (
              <Badge tone="green">erledigt</Badge>
            ) : (
              <Badge tone="amber">offen</Badge>
            )}
            {a.mine ? (
              <IntentForm
                formId={`status-${a.id}`}
                intent="status"
                fields={{
                  itemId: a.id,
                  status: a.status === "done" ? "open" : "done",
                }}
              >
                <Button type="submit" variant="secondary">
                  {a.status === "done"
                    ? "Wieder öffnen"
                    : "Als erledigt markieren"}
                </Button>
              </IntentForm>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title="Aufgaben"
        description="Aufgaben aus genehmigten Protokollen. Offene Aufgaben stehen auf der Tagesordnung des nächsten Treffens."
      />
      <section aria-labelledby="unsere" className="space-y-2">
        <h2 id="unsere" className="text-lg font-semibold">
          Aufgaben unseres Trägers
        </h2>
        {mine.length ? (
          list(mine)
        ) : (
          <EmptyState title="Keine Aufgaben für Ihren Träger" />
        )}
      </section>
      <section aria-labelledby="kreis" className="space-y-2">
        <h2 id="kreis" className="text-lg font-semibold">
          Weitere Aufgaben im Kreis
        </h2>
        {others.length ? (
          list(others)
        ) : (
          <p className="text-sm text-slate-600">Keine.</p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
