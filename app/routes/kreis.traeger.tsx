// /kreis/traeger — the circle's coordinators: the Träger of the circle, removing one with a reason
// (its open requests, offers and registrations in the circle are closed; everyone involved is
// told), and handing the coordination to another Träger. Everyone else gets a 404.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { handOverCoordination, listCircleTraeger, removeTraegerFromCircle } from "~/.server/circle/administration";
import { requireCoordinator } from "~/.server/circle/join-requests";
import { redirectWithToast } from "~/.server/toast";
import { CircleNav } from "~/components/circle-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { CheckboxField, SelectField, TextareaField } from "~/components/ui/field";
import { IntentForm, answerErrors, answerValue, useAnswerFor, useBusy } from "~/components/ui/intent-form";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { formatDate } from "~/utils/format";
import { paths } from "~/utils/links";
import { CircleTraegerActionSchema } from "~/validation/circle";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [{ title: "Träger des Kreises · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, circles } = await requireCoordinator(request);
  const traeger = await listCircleTraeger(user);
  return {
    circles: circles.map((c) => ({
      id: c.id,
      name: c.name,
      traeger: traeger.filter((t) => t.networkId === c.id),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, circles } = await requireCoordinator(request);
  const formData = await request.formData();
  const formId = String(formData.get("formId") ?? "");
  const submission = parseWithZod(formData, { schema: CircleTraegerActionSchema });
  if (submission.status !== "success") return { formId, result: submission.reply() };
  const v = submission.value;
  const circle = circles.find((c) => c.id === v.networkId);
  if (!circle) return { formId, result: submission.reply({ formErrors: ["Nicht gefunden."] }) };
  const names = new Map((await listCircleTraeger(user)).map((t) => [t.orgId, t.name]));
  try {
    if (v.intent === "remove") {
      await removeTraegerFromCircle(user, v.networkId, v.orgId, v.reason);
      return redirectWithToast(paths.circleMembers, {
        title: `${names.get(v.orgId) ?? "Der Träger"} gehört nicht mehr zu ${circle.name}.`,
        description: "Offene Anfragen, Angebote und Anmeldungen im Kreis sind geschlossen; alle Beteiligten sind benachrichtigt.",
      });
    }
    await handOverCoordination(user, v.networkId, v.toOrgId, v.keepOwn);
    return redirectWithToast(v.keepOwn ? paths.circleMembers : "/", {
      title: `${names.get(v.toOrgId) ?? "Der Träger"} koordiniert jetzt ${circle.name}.`,
    });
  } catch (error) {
    return { formId, result: replyToRefusal(submission, error) };
  }
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900 break-words";

export default function CircleTraegerPage() {
  const { circles } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="Träger des Kreises" description="Wer zum Kreis gehört, wer ihn koordiniert – und wer ihn verlässt." />
      <CircleNav />
      {circles.map((c) => (
        <section key={c.id} aria-labelledby={`kreis-${c.id}`} className="mb-10 space-y-4">
          <h2 id={`kreis-${c.id}`} className="text-lg font-semibold text-slate-900">
            {c.name} <span className="font-normal text-slate-600">· {c.traeger.length} Träger</span>
          </h2>
          <HandOver networkId={c.id} candidates={c.traeger.filter((t) => !t.coordinates)} />
          <ul className="space-y-3">
            {c.traeger.map((t) => (
              <li key={t.orgId}>
                <Card as="article">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="text-base font-semibold">
                      <Link to={paths.org(t.slug)} className={`${linkClass} inline-flex min-h-11 items-center`}>
                        {t.name}
                      </Link>
                    </h3>
                    {t.coordinates ? <Badge tone="brand">koordiniert den Kreis</Badge> : null}
                  </div>
                  <p className="mt-1 text-sm text-slate-600">im Kreis seit {formatDate(t.joinedAt)}</p>
                  {t.coordinates ? null : <RemoveForm networkId={c.id} orgId={t.orgId} name={t.name} />}
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function HandOver({ networkId, candidates }: { networkId: string; candidates: Array<{ orgId: string; name: string }> }) {
  const formId = `handover-${networkId}`;
  const result = useAnswerFor(formId);
  const busy = useBusy(formId);
  if (candidates.length === 0) return null;
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" open={result?.status === "error" || undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-slate-900">Koordination übergeben …</summary>
      <IntentForm formId={formId} intent="handover" fields={{ networkId }} visible={["toOrgId"]} className="mt-3 space-y-3">
        <SelectField
          label="An welchen Träger?"
          errors={answerErrors(result, "toOrgId")}
          selectProps={{ name: "toOrgId", defaultValue: answerValue(result, "toOrgId") ?? "" }}
          options={[{ value: "", label: "Bitte wählen" }, ...candidates.map((t) => ({ value: t.orgId, label: t.name }))]}
        />
        <CheckboxField label="Mein Träger koordiniert weiter mit" inputProps={{ name: "keepOwn" }} />
        <p className="text-sm text-slate-600">
          Inhaber:innen, Admins und Koordinator:innen des gewählten Trägers entscheiden dann über Interessensmeldungen, pflegen die
          öffentliche Seite und sehen dieses Protokoll. Ohne Haken geben Sie die Koordination ab.
        </p>
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? "Wird übergeben …" : "Koordination übergeben"}
        </Button>
      </IntentForm>
    </details>
  );
}

function RemoveForm({ networkId, orgId, name }: { networkId: string; orgId: string; name: string }) {
  const formId = `remove-${orgId}`;
  const result = useAnswerFor(formId);
  const busy = useBusy(formId);
  return (
    <details className="mt-3" open={result?.status === "error" || undefined}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-slate-300 px-4 text-sm font-semibold text-slate-800 hover:bg-slate-100">
        Aus dem Kreis entfernen …
      </summary>
      <IntentForm formId={formId} intent="remove" fields={{ networkId, orgId }} visible={["reason"]} className="mt-3 space-y-3">
        <TextareaField
          label={`Grund für ${name}`}
          hint="Der Träger bekommt ihn per E-Mail. Seine offenen Anfragen und Angebote und die Anmeldungen seiner Leute zu Fortbildungen des Kreises werden geschlossen; alle Beteiligten werden benachrichtigt."
          errors={answerErrors(result, "reason")}
          textareaProps={{ name: "reason", rows: 3, maxLength: 1000, defaultValue: answerValue(result, "reason") ?? "" }}
        />
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? "Wird entfernt …" : `${name} entfernen`}
        </Button>
      </IntentForm>
    </details>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
