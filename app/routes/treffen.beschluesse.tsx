// /treffen/beschluesse — the circle's decisions register: every decision from approved minutes,
// numbered per circle, searchable, with the meeting it came from.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { listDecisions } from "~/.server/meetings/read";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { shortDayText } from "~/i18n/meetings";

export const meta: MetaFunction = () => [
  { title: "Beschlüsse · Treffen · Trägerkreis" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return { q, decisions: await listDecisions(user, q) };
}

export default function Decisions() {
  const { q, decisions } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title="Beschlüsse"
        description="Alle Beschlüsse aus genehmigten Protokollen des Kreises."
      />
      <Form
        method="get"
        role="search"
        className="flex flex-wrap items-end gap-2"
      >
        <Field
          className="min-w-64 flex-1"
          label="Beschlüsse durchsuchen"
          inputProps={{
            id: "q",
            name: "q",
            type: "search",
            defaultValue: q,
            maxLength: 100,
          }}
        />
        <Button type="submit" variant="secondary">
          Suchen
        </Button>
      </Form>
      {decisions.length === 0 ? (
        <EmptyState
          title={q ? "Keine Beschlüsse gefunden" : "Noch keine Beschlüsse"}
        />
      ) : (
        <ol className="space-y-3">
          {decisions.map((d) => (
            <li
              key={d.id}
              className="rounded-lg border border-slate-200 bg-white p-3"
            >
              <p className="text-sm text-slate-600">
                Beschluss Nr. {d.number} ·{" "}
                {d.agendaTitle ? `${d.agendaTitle} · ` : ""}
                <Link
                  className="font-semibold text-brand-800 underline"
                  to={`/treffen/${d.meetingId}/protokoll`}
                >
                  {d.meetingTitle}, {shortDayText(d.meetingStartsAt)}
                </Link>
              </p>
              <p className="mt-1 text-slate-900">{d.body}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
