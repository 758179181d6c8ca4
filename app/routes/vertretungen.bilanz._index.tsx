// /vertretungen/bilanz — the ledger for settlement between Träger: per partner, hours given and
// taken by month (planned at acceptance, actual once completed), with the covers behind them.
// Every cover is recorded as occasional staff lending (AÜG) with the cooperation agreement it rests
// on, which the coordinators of either Träger note here. CSV export for the settlement; rows are
// visible only to the two Träger of each cover (RLS).
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { loadCoverLedger, setAgreementReference, type LedgerPartner } from "~/.server/cover/ledger";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { IntentForm, answerErrors, answerValue, useAnswerFor, useBusy } from "~/components/ui/intent-form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { AUEG_NOTE, hoursText, KIND_LABELS, monthText, periodText, REQUEST_STATUS_LABELS } from "~/i18n/cover";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";
import { CoverAgreementSchema, parseCoverLedgerFilters } from "~/validation/cover";

export const meta: MetaFunction = () => [{ title: "Bilanz · Vertretungen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = parseCoverLedgerFilters(new URL(request.url).searchParams);
  const ledger = await loadCoverLedger(user, filters);
  invariantResponse(ledger, "Nicht gefunden");
  return { ledger, filters };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const formId = String(formData.get("formId") ?? "");
  const submission = parseWithZod(formData, { schema: CoverAgreementSchema });
  if (submission.status !== "success") return { formId, result: submission.reply() };
  const saved = await setAgreementReference(user, submission.value.offerId, submission.value.reference || null);
  if (!saved) {
    return {
      formId,
      result: submission.reply({
        formErrors: ["Die Kooperationsvereinbarung vermerken kann die Koordination eines der beiden Träger."],
      }),
    };
  }
  const back = new URL(request.url).searchParams;
  back.delete("index");
  const search = back.toString();
  return redirectWithToast(`${paths.coverLedger}${search ? `?${search}` : ""}`, { title: "Kooperationsvereinbarung vermerkt." });
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

function query(values: Record<string, string | number | null | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export default function CoverLedgerPage() {
  const { ledger } = useLoaderData<typeof loader>();
  const org = ledger.org;
  const base = { traeger: ledger.orgs.length > 1 ? org?.slug : undefined };
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={paths.cover} className={`${linkClass} inline-flex min-h-11 items-center`}>
          ← Vertretungen
        </Link>
      </p>
      <PageHeader
        title="Bilanz"
        description={
          org
            ? `Stunden, die ${org.name} anderen Trägern gegeben und von ihnen genommen hat – für die Abrechnung untereinander.`
            : "Stunden, die Ihr Träger gegeben und genommen hat."
        }
        actions={
          org && ledger.partners.length > 0 ? (
            <ButtonLink to={`${paths.coverLedgerCsv}${query({ traeger: org.slug, jahr: ledger.year })}`} reloadDocument variant="secondary" className="whitespace-nowrap">
              CSV herunterladen
            </ButtonLink>
          ) : undefined
        }
      />
      {ledger.orgs.length > 1 ? (
        <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="ledger-org" className="block text-sm font-medium text-slate-800">
              Träger
            </label>
            <select
              id="ledger-org"
              name="traeger"
              defaultValue={org?.slug}
              className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm"
            >
              {ledger.orgs.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Anzeigen
          </Button>
        </Form>
      ) : null}

      <p className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700">
        Jede Vertretung ist eine <span className="font-semibold">{AUEG_NOTE}</span> zwischen zwei Trägern. Vermerken Sie bei
        jeder Vertretung die Kooperationsvereinbarung, auf der sie beruht.
      </p>

      {ledger.years.length > 1 ? (
        <nav aria-label="Jahr" className="mb-4 flex flex-wrap gap-2 text-sm">
          <Link
            to={`${paths.coverLedger}${query(base)}`}
            aria-current={ledger.year === null ? "page" : undefined}
            className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3 font-semibold aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50"
          >
            Alle Jahre
          </Link>
          {ledger.years.map((y) => (
            <Link
              key={y}
              to={`${paths.coverLedger}${query({ ...base, jahr: y })}`}
              aria-current={ledger.year === y ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3 font-semibold aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50"
            >
              {y}
            </Link>
          ))}
        </nav>
      ) : null}

      {!org ? (
        <EmptyState title="Sie gehören noch keinem Träger an." />
      ) : ledger.partners.length === 0 ? (
        <EmptyState title="Noch keine Vertretungen in der Bilanz.">
          Sobald Ihr Träger ein Angebot annimmt oder eines seiner Angebote angenommen wird, stehen die Stunden hier.
        </EmptyState>
      ) : (
        <ul className="space-y-6">
          {ledger.partners.map((p) => (
            <li key={p.orgId}>
              <PartnerLedger partner={p} coordinates={org.coordinates} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function HoursCell({ planned, actual }: { planned: string; actual: string | null }) {
  if (Number(planned) === 0 && actual === null) return <span className="text-slate-400">–</span>;
  return (
    <>
      <span className="font-semibold text-slate-900">{hoursText(actual ?? planned)} Std.</span>
      <span className="block text-xs text-slate-600">{actual === null ? "geplant" : `geplant ${hoursText(planned)}`}</span>
    </>
  );
}

function PartnerLedger({ partner, coordinates }: { partner: LedgerPartner; coordinates: boolean }) {
  const t = partner.totals;
  // The Saldo mixed planned and given hours without saying so. It counts, month by
  // month, the hours given where they are recorded and the planned ones where not — and says so.
  const balance = t.givenCounted - t.takenCounted;
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">
          Mit {partner.slug ? <Link to={paths.org(partner.slug)} className="inline-flex min-h-11 items-center hover:underline">{partner.name}</Link> : partner.name}
        </h2>
        <p className="text-sm text-slate-700">
          Saldo:{" "}
          <span className={`font-semibold ${balance >= 0 ? "text-green-800" : "text-amber-900"}`}>
            {balance >= 0 ? "+" : "−"}
            {hoursText(Math.abs(balance))} Std.
          </span>
        </p>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        Gegeben {hoursText(t.givenCounted)} Std. · Genommen {hoursText(t.takenCounted)} Std.
      </p>
      <p className="mt-1 text-xs text-slate-600">
        {t.countedPlanned > 0
          ? `Geleistete Stunden, wo erfasst; sonst die geplanten (darin ${hoursText(t.countedPlanned)} Std. nur geplant).`
          : "Alles geleistete, erfasste Stunden."}
      </p>
      <table className="mt-4 w-full text-left text-sm">
        <caption className="sr-only">Stunden pro Monat mit {partner.name}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-2 pr-2 font-medium">
              Monat
            </th>
            <th scope="col" className="py-2 pr-2 font-medium">
              Gegeben
            </th>
            <th scope="col" className="py-2 font-medium">
              Genommen
            </th>
          </tr>
        </thead>
        <tbody>
          {partner.months.map((m) => (
            <tr key={m.month} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-2 pr-2 font-normal text-slate-800">
                {monthText(m.month)}
              </th>
              <td className="py-2 pr-2">
                <HoursCell planned={m.givenPlanned} actual={m.givenActual} />
              </td>
              <td className="py-2">
                <HoursCell planned={m.takenPlanned} actual={m.takenActual} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details className="mt-4">
        <summary className="inline-flex min-h-11 cursor-pointer list-none items-center font-semibold text-brand-800 underline underline-offset-2">
          {partner.covers.length === 1 ? "1 Vertretung dahinter" : `${partner.covers.length} Vertretungen dahinter`}
        </summary>
        <ul className="mt-2 divide-y divide-slate-200">
          {partner.covers.map((c) => (
            <li key={c.offerId} className="py-3">
              <CoverLine cover={c} partnerName={partner.name} coordinates={coordinates} />
            </li>
          ))}
        </ul>
      </details>
    </Card>
  );
}

function CoverLine({ cover, partnerName, coordinates }: { cover: LedgerPartner["covers"][number]; partnerName: string; coordinates: boolean }) {
  const formId = `agreement-${cover.offerId}`;
  const result = useAnswerFor(formId);
  const busy = useBusy(formId);
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={cover.given ? "green" : "amber"}>{cover.given ? `gegeben an ${partnerName}` : `genommen von ${partnerName}`}</Badge>
        {cover.caseReference ? <span className="font-mono text-xs text-slate-600">{cover.caseReference}</span> : null}
        {cover.requestStatus ? <span className="text-xs text-slate-500">{REQUEST_STATUS_LABELS[cover.requestStatus]}</span> : null}
      </div>
      <p className="mt-1 font-medium text-slate-900">
        <Link to={paths.coverRequest(cover.requestId)} className="hover:underline">
          {cover.hilfeartLabel ?? "Vertretung"}
          {cover.gemeindeName ? ` in ${cover.gemeindeName}` : ""}
        </Link>
      </p>
      <p className="text-sm text-slate-700">
        {cover.kind ? `${KIND_LABELS[cover.kind]} · ` : ""}
        {periodText(cover.periodFrom, cover.periodTo)} · {hoursText(cover.hoursPerWeek)} Std./Woche
      </p>
      <p className="text-sm text-slate-700">
        Geplant {hoursText(cover.plannedHours)} Std.
        {cover.completedAt
          ? ` · geleistet ${hoursText(cover.actualHours)} Std. (erledigt am ${formatDate(cover.completedAt)})`
          : " · noch nicht als erledigt markiert"}
      </p>
      <p className="mt-1 text-xs text-slate-600">Hinweis: {AUEG_NOTE}</p>
      {coordinates ? (
        <IntentForm formId={formId} intent="agreement" fields={{ offerId: cover.offerId }} visible={["reference"]} className="mt-2">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <Field
              className="flex-1"
              label="Kooperationsvereinbarung"
              errors={answerErrors(result, "reference")}
              inputProps={{
                id: formId,
                name: "reference",
                maxLength: 300,
                defaultValue: answerValue(result, "reference") ?? cover.agreementReference ?? "",
                placeholder: "z. B. Kooperationsvereinbarung vom 01.03.2026",
              }}
            />
            <Button type="submit" variant="secondary" disabled={busy}>
              {busy ? "Wird gespeichert …" : "Vermerken"}
            </Button>
          </div>
        </IntentForm>
      ) : (
        <p className="text-sm text-slate-700">Kooperationsvereinbarung: {cover.agreementReference || "nicht vermerkt"}</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
