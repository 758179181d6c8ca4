// /vertretungen/:id — one cover request: the need, region, period, requirements, fill status and
// who can see it. The requesting Träger sees the offers and accepts (all or part of the hours),
// declines, cancels, completes; another Träger's coordinators offer and withdraw; after an
// acceptance both sides see each other's contact person and the accepted Träger the handover
// notes. What each person sees is what RLS returns (a hidden request is a 404; a third Träger sees
// "besetzt" and no offer); every button calls one SQL function that decides under the request's
// lock, and its refusals ("bereits besetzt", "inzwischen zurückgezogen") come back in German.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { loadCoverDetail } from "~/.server/cover/detail";
import { loadNotfallExtras } from "~/.server/cover/notfall";
import { coverStepFields, runCoverStep } from "~/.server/cover/offers";
import { replyToRefusal } from "~/.server/forms/reply";
import { redirectWithToast } from "~/.server/toast";
import { FillStatus, RequirementList, StatusBadge, UrgencyBadge } from "~/components/cover/parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SozialdatenHiddenNotice, SozialdatenReport } from "~/components/sozialdaten-report";
import { Card } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { IntentForm } from "~/components/ui/intent-form";
import { KIND_LABELS, hoursText, momentText, periodText, URGENCY_HINTS, URGENCY_LABELS } from "~/i18n/cover";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";
import { CoverIdSchema, CoverIntentSchemas, isCoverIntent, type CoverIntent } from "~/validation/cover";
import { ContactsSection, HandoverNotesSection } from "./contacts";
import { OffererPanel } from "./offerer-panel";
import { RequesterPanel } from "./requester-panel";
import { oncePerForm } from "~/.server/forms/idempotency";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.request.urgency === "notfall" ? "Notfall: " : ""}${data.request.hilfeartLabel} in ${data.request.gemeindeName} · Vertretungen · Trägerkreis`
      : "Vertretung · Trägerkreis",
  },
];

function requestIdFrom(params: { id?: string }): string {
  invariantResponse(CoverIdSchema.safeParse(params.id).success, "Nicht gefunden");
  return params.id!;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const requestId = requestIdFrom(params);
  const detail = await loadCoverDetail(user, requestId);
  invariantResponse(detail, "Nicht gefunden");
  const notfall = await loadNotfallExtras(user, requestId, detail.offerOrgs.map((o) => o.orgId));
  return { ...detail, notfall };
}

export type DetailData = ReturnType<typeof useLoaderData<typeof loader>>;

/** Which form on the page an answer belongs to, so only that form shows the errors. */
function formIdFor(intent: CoverIntent, formData: FormData): string {
  const given = formData.get("formId");
  if (typeof given === "string" && /^[a-z0-9-]{1,80}$/.test(given)) return given;
  return intent;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const requestId = requestIdFrom(params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isCoverIntent(intent)) throw new Response("Diese Aktion gibt es hier nicht.", { status: 400 });
  const formId = formIdFor(intent, formData);
  const submission = parseWithZod(formData, { schema: CoverIntentSchemas[intent] });
  if (submission.status !== "success") return { formId, result: submission.reply() };
  let outcome;
  try {
    // A new offer is a create: a repeated post gets the first one's answer.
    const value = submission.value;
    outcome = value.intent === "offer" ? await oncePerForm(formData, "cover.offer", () => runCoverStep(user, requestId, value)) : await runCoverStep(user, requestId, value);
  } catch (error) {
    if (error instanceof Response) throw error;
    return { formId, result: replyToRefusal(submission, error, coverStepFields(intent)) };
  }
  return redirectWithToast(outcome.to === "board" ? `${paths.cover}?ansicht=anfragen` : paths.coverRequest(requestId), outcome.toast);
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

export default function CoverRequestPage() {
  const data = useLoaderData<typeof loader>();
  const r = data.request;
  const acceptedForUs = data.offers.some((o) => o.own && o.status === "accepted");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to={data.isRequester ? `${paths.cover}?ansicht=anfragen` : paths.cover} className={linkClass}>
          ← {data.isRequester ? "Unsere Anfragen" : "Alle offenen Anfragen"}
        </Link>
      </p>

      <header>
        <div className="flex flex-wrap items-center gap-2">
          <UrgencyBadge urgency={r.urgency} />
          <StatusBadge status={r.status} />
          <span className="text-sm text-slate-600">{KIND_LABELS[r.kind]}</span>
        </div>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
          <span className="text-slate-600">{r.hilfeartParagraph}</span> {r.hilfeartLabel}
        </h1>
        <p className="mt-1 text-slate-700">
          <span className="font-semibold">{r.gemeindeName}</span>
          {r.sozialraum ? ` · ${r.sozialraum}` : ""} · angefragt von {r.own ? `Ihrem Träger (${r.orgName})` : r.orgName}
        </p>
      </header>

      <StatusNote data={data} />
      <EscalationSteps data={data} />
      {data.hide && data.isRequester ? <SozialdatenHiddenNotice hideId={data.hide.id} canRevise={data.canManage} /> : null}

      <Card>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
          <dt className="text-sm font-medium text-slate-600">Zeitraum</dt>
          <dd className="text-slate-900">{periodText(r.periodFrom, r.periodTo)}</dd>
          <dt className="text-sm font-medium text-slate-600">Umfang</dt>
          <dd className="text-slate-900">
            {hoursText(r.hoursPerWeek)} Std./Woche <span className="text-slate-600">(Fachleistungsstunden)</span>
          </dd>
          <dt className="text-sm font-medium text-slate-600">Dringlichkeit</dt>
          <dd className="text-slate-900">{URGENCY_LABELS[r.urgency]} – {URGENCY_HINTS[r.urgency]}</dd>
          <dt className="text-sm font-medium text-slate-600">Besetzung</dt>
          <dd>
            <FillStatus covered={r.coveredHours} total={r.hoursPerWeek} status={r.status} />
          </dd>
          <dt className="text-sm font-medium text-slate-600">Anforderungen</dt>
          <dd>
            {r.needsDrivingLicence || r.needsCar || r.languages.length || r.qualification || r.genderRequirement ? (
              <>
                <RequirementList request={r} />
                {r.genderRequirement && r.genderReason ? (
                  <p className="mt-1 text-sm text-slate-600">Begründung: {r.genderReason}</p>
                ) : null}
              </>
            ) : (
              <span className="text-sm text-slate-600">Keine besonderen Anforderungen</span>
            )}
          </dd>
          <dt className="text-sm font-medium text-slate-600">Sichtbar für</dt>
          <dd className="text-sm text-slate-900">
            <Visibility data={data} />
          </dd>
          {r.own && r.caseReference ? (
            <>
              <dt className="text-sm font-medium text-slate-600">Fallkürzel</dt>
              <dd className="font-mono text-sm text-slate-900">
                {r.caseReference} <span className="font-sans text-slate-600">(nur für Ihren Träger)</span>
              </dd>
            </>
          ) : null}
        </dl>
        <h2 className="mt-5 text-sm font-medium text-slate-600">Bedarf</h2>
        <p className="mt-1 whitespace-pre-line break-words text-slate-900">{r.description}</p>
        {r.publishedAt ? <p className="mt-3 text-xs text-slate-500">Veröffentlicht am {formatDateTime(r.publishedAt)}</p> : null}
      </Card>
      {!data.isRequester || (data.coordinatesCircle && !data.hide) ? (
        <SozialdatenReport subjectType="cover_request" subjectId={r.id} coordinator={data.coordinatesCircle} />
      ) : null}

      {data.isRequester ? <RequesterPanel data={data} /> : <OffererPanel data={data} />}

      <ContactsSection data={data} />
      {(data.isRequester && r.status !== "draft") || (acceptedForUs && data.handoverNotes) ? <HandoverNotesSection data={data} /> : null}
    </div>
  );
}

function StatusNote({ data }: { data: DetailData }) {
  const r = data.request;
  if (r.status === "filled" || r.status === "completed") {
    return (
      <div className="rounded-xl border border-green-300 bg-green-50 p-4 text-green-900">
        <p className="font-semibold">{r.status === "completed" ? "Erledigt – die Vertretung ist abgeschlossen." : "Besetzt – die Stunden sind vollständig zugesagt."}</p>
        {r.status === "completed" && r.closedAt ? (
          <p className="text-sm">Abgeschlossen am {formatDateTime(r.closedAt)}.</p>
        ) : r.filledAt ? (
          <p className="text-sm">Seit {formatDateTime(r.filledAt)}.</p>
        ) : null}
      </div>
    );
  }
  if (r.status === "cancelled") {
    return (
      <div className="rounded-xl border border-slate-300 bg-slate-100 p-4 text-slate-800">
        <p className="font-semibold">Abgesagt{r.cancelledAt ? ` am ${formatDateTime(r.cancelledAt)}` : ""}.</p>
        {r.cancelReason ? <p className="mt-1 whitespace-pre-line text-sm">Grund: {r.cancelReason}</p> : null}
      </div>
    );
  }
  if (r.status === "expired") {
    return (
      <div className="rounded-xl border border-slate-300 bg-slate-100 p-4 text-slate-800">
        <p className="font-semibold">Abgelaufen – der Zeitraum ist vorbei.</p>
      </div>
    );
  }
  if (r.status === "draft") {
    return (
      <div className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-900">
        <p className="font-semibold">Entwurf – nur Ihr Träger sieht diese Anfrage.</p>
      </div>
    );
  }
  return null;
}

function Visibility({ data }: { data: DetailData }) {
  const r = data.request;
  if (r.status === "draft") return <>Nur Ihren Träger (Entwurf)</>;
  if (r.addressing === "circle" || !r.widenAt) return <>Den ganzen Kreis ({r.networkName})</>;
  const widened = new Date(r.widenAt).getTime() <= new Date(data.now).getTime();
  const names = data.recipients.map((x) => x.name).join(", ");
  if (widened) {
    return (
      <>
        Den ganzen Kreis ({r.networkName}) seit {momentText(r.widenAt, data.now)}
        {r.own && names ? <span className="block text-slate-600">zuerst angefragt: {names}</span> : null}
      </>
    );
  }
  return (
    <>
      {r.own ? `Zuerst nur ${names || "die gewählten Träger"}` : r.addressedToUs ? "Zuerst nur Ihren Träger (direkt angefragt)" : "Zuerst nur einzelne Träger"}
      <span className="block font-medium text-amber-900">ab {momentText(r.widenAt, data.now)} für den ganzen Kreis</span>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" });
}

/** The requester's view of the steps: who sees the request now, and from when the next ones do. */
function EscalationSteps({ data }: { data: DetailData }) {
  const steps = data.notfall.steps;
  if (!steps || !data.isRequester || data.request.status !== "open" || steps.widened || !steps.widenAt) return null;
  const now = Date.parse(data.now);
  const partnersLater = steps.partnersAt && Date.parse(steps.partnersAt) > now;
  return (
    <Card>
      <h2 className="font-semibold text-slate-900">Wer die Anfrage sieht</h2>
      <ol className="mt-2 space-y-1 text-sm text-slate-700">
        <li>Jetzt: {steps.partnersAt && !partnersLater ? "die Favoriten und die Partner-Träger" : "die zuerst angefragten Träger"}</li>
        {partnersLater ? <li>ab {clock(steps.partnersAt!)} auch die Partner-Träger (mit denen Sie schon vertreten haben)</li> : null}
        <li className="font-medium text-slate-900">ab {clock(steps.widenAt)} sieht der ganze Kreis die Anfrage</li>
      </ol>
      {data.canManage ? (
        <IntentForm formId="widen-now" intent="widen-now" className="mt-3">
          <Button type="submit" variant="secondary">Jetzt für den ganzen Kreis freigeben</Button>
        </IntentForm>
      ) : null}
    </Card>
  );
}
