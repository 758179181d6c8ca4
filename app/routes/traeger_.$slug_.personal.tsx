// /traeger/:slug/personal — the Träger's staff list for the qualification gate (issue 12):
// members read it, owners and admins add and remove people. Shown: qualification and until when
// the erweitertes Führungszeugnis counts (the strictest of the Träger's circles). The reminder
// before it runs out links here.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { userMessageFor } from "~/.server/db/errors";
import { requireOrgRole } from "~/.server/orgs/access";
import { addStaff, listStaff, removeStaff } from "~/.server/orgs/staff";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { QUALIFICATIONS } from "~/i18n/labels";
import { StaffSchema } from "~/validation/staff";
import { Button } from "~/components/ui/button";
import { Card, EmptyState, FormMessage, PageHeader } from "~/components/ui/layout";
import { OrgNav } from "~/components/org-nav";

export const meta: MetaFunction = () => [{ title: "Personal · Trägerkreis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const membership = await requireOrgRole(user, params.slug ?? "", "member");
  const staff = await listStaff(user, membership.orgId);
  return { org: { slug: membership.slug, name: membership.name, role: membership.role }, canEdit: membership.role === "owner" || membership.role === "admin", staff, today: new Date().toISOString().slice(0, 10) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const membership = await requireOrgRole(user, params.slug ?? "", "admin");
  const formData = await request.formData();
  const back = `/traeger/${membership.slug}/personal`;
  if (formData.get("intent") === "remove") {
    await removeStaff(user, membership.orgId, String(formData.get("staffId") ?? ""));
    return redirectWithToast(back, { title: "Die Person steht nicht mehr auf der Liste." });
  }
  const submission = parseWithZod(formData, { schema: StaffSchema });
  if (submission.status !== "success") return { errors: Object.values(submission.error ?? {}).flat().filter(Boolean) as string[] };
  try {
    await addStaff(user, membership.orgId, submission.value);
  } catch (error) {
    const message = userMessageFor(error);
    if (!message) throw error;
    return { errors: [message] };
  }
  return redirectWithToast(back, { title: "Die Person steht jetzt auf der Personalliste." });
}

function dateText(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

export default function StaffPage() {
  const { org, canEdit, staff, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="Personal für Vertretungen"
        description={`${org.name}: wer angeboten werden darf – Fachkraft (§ 72 SGB VIII) und Datum des letzten erweiterten Führungszeugnisses (§ 72a SGB VIII). Das Dokument selbst wird hier nie gespeichert.`}
      />
      <OrgNav slug={org.slug} orgName={org.name} role={org.role} />
      {staff.length === 0 ? (
        <EmptyState title="Noch niemand eingetragen" />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {staff.map((s) => (
            <li key={s.id} className="flex flex-wrap items-start justify-between gap-2 p-3 text-sm">
              <span>
                <span className="font-medium text-slate-900">{s.fullName}</span>
                <span className="block text-slate-700">
                  {s.qualification ? `Fachkraft ✓ · ${QUALIFICATIONS[s.qualification as keyof typeof QUALIFICATIONS] ?? s.qualification}${s.note ? ` (${s.note})` : ""}` : "keine Fachkraft-Qualifikation eingetragen"}
                </span>
                <span className="block text-slate-700">
                  {s.fuehrungszeugnisOn && s.validUntil
                    ? s.validUntil > today
                      ? `Führungszeugnis vom ${dateText(s.fuehrungszeugnisOn)} · gilt bis ${dateText(s.validUntil)}`
                      : `Führungszeugnis vom ${dateText(s.fuehrungszeugnisOn)} · zu alt seit ${dateText(s.validUntil)}`
                    : "kein Führungszeugnis eingetragen"}
                </span>
              </span>
              {canEdit ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="staffId" value={s.id} />
                  <Button type="submit" variant="secondary">Entfernen</Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Person hinzufügen</h2>
          <Form method="post" className="mt-3 space-y-3">
            <FormMessage errors={answer?.errors} />
            <label className="block text-sm font-medium text-slate-900">
              Name
              <input name="fullName" required maxLength={120} className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3 py-2 text-base" />
            </label>
            <label className="block text-sm font-medium text-slate-900">
              Qualifikation
              <select name="qualification" defaultValue="" className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base">
                <option value="">keine Fachkraft</option>
                {Object.entries(QUALIFICATIONS).map(([value, label]) => (
                  <option key={value} value={value}>{label}</option>
                ))}
              </select>
            </label>
            <label className="block text-sm font-medium text-slate-900">
              Beschreibung (bei „andere“)
              <input name="note" maxLength={200} className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3 py-2 text-base" />
            </label>
            <label className="block text-sm font-medium text-slate-900">
              Datum des letzten erweiterten Führungszeugnisses
              <input type="date" name="fuehrungszeugnisOn" max={today} className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3 py-2 text-base" />
            </label>
            <Button type="submit">Hinzufügen</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
