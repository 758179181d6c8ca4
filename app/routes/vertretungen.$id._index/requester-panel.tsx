// The requesting Träger's part of the request page: a draft's actions (edit, publish, delete) with
// the Sozialdaten screen's findings; the offers with "Annehmen" (optionally only part of the
// hours) and "Ablehnen" (with a message); "Als erledigt markieren" for accepted covers; and
// "Anfrage zurückziehen" with a reason. Members without a coordinating role read only.
import { Link } from "~/components/link";
import { Button, ButtonLink } from "~/components/ui/button";
import { ErrorList, Field, TextareaField } from "~/components/ui/field";
import { Badge, Card, EmptyState } from "~/components/ui/layout";
import { dayText, hoursText, OFFER_STATUS_LABELS, OFFER_STATUS_TONES } from "~/i18n/cover";
import { formatDateTime } from "~/utils/format";
import { paths } from "~/utils/links";
import type { DetailData } from "./route";
import { answerErrors, answerValue, IntentForm, useAnswerFor, useBusy } from "~/components/ui/intent-form";
import { SozialdatenReport } from "~/components/sozialdaten-report";

type Offer = DetailData["offers"][number];

export function RequesterPanel({ data }: { data: DetailData }) {
  const r = data.request;
  if (r.status === "draft") return <DraftActions data={data} />;
  const open = Math.max(0, Number(r.hoursPerWeek) - Number(r.coveredHours));
  const canDecide = data.canManage && r.status === "open";
  const active = data.offers.filter((o) => o.status === "offered" || o.status === "accepted");
  const closed = data.offers.filter((o) => o.status === "declined" || o.status === "withdrawn");
  return (
    <>
      <section aria-labelledby="angebote-titel" className="space-y-3">
        <h2 id="angebote-titel" className="text-lg font-semibold text-slate-900">
          Angebote <span className="font-normal text-slate-600">· {data.offers.length}</span>
        </h2>
        {!data.canManage ? (
          <p className="text-sm text-slate-600">Annehmen und ablehnen kann die Koordination Ihres Trägers.</p>
        ) : r.status === "open" && open > 0 ? (
          <p className="text-sm text-slate-700">
            Noch offen: <span className="font-semibold">{hoursText(open)} Std./Woche</span>. Sie können ein Angebot ganz oder
            teilweise annehmen.
          </p>
        ) : null}
        {data.offers.length === 0 ? (
          <EmptyState title="Noch keine Angebote.">
            {r.status === "open"
              ? "Die passenden Träger sind benachrichtigt. Sobald ein Träger anbietet, bekommen Sie eine Benachrichtigung."
              : null}
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {[...active, ...closed].map((o) => (
              <li key={o.id}>
                <OfferCard offer={o} data={data} canDecide={canDecide} openHours={open} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.canManage && (r.status === "open" || r.status === "filled") ? <CancelRequest data={data} /> : null}
    </>
  );
}

function OfferDetails({ offer }: { offer: Offer }) {
  return (
    <>
      <p className="mt-1 text-slate-900">
        <span className="font-semibold">{hoursText(offer.hoursPerWeek)} Std./Woche</span> ab {dayText(offer.availableFrom)}
      </p>
      {offer.qualification || offer.languages.length > 0 ? (
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {offer.qualification ? (
            <>
              <dt className="text-slate-600">Qualifikation</dt>
              <dd className="text-slate-900">{offer.qualification}</dd>
            </>
          ) : null}
          {offer.languages.length > 0 ? (
            <>
              <dt className="text-slate-600">Sprachen</dt>
              <dd className="text-slate-900">{offer.languages.join(", ")}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {offer.message ? (
        <>
          <blockquote className="mt-2 whitespace-pre-line break-words rounded-lg bg-slate-50 p-3 text-sm text-slate-800">{offer.message}</blockquote>
          <div className="mt-2">
            <SozialdatenReport subjectType="cover_offer" subjectId={offer.id} label="Nachricht enthält Sozialdaten melden" />
          </div>
        </>
      ) : null}
      {offer.status === "declined" && offer.declineMessage ? (
        <p className="mt-2 text-sm text-slate-600">Nachricht: {offer.declineMessage}</p>
      ) : null}
    </>
  );
}

export function CompleteForm({ offer }: { offer: Offer }) {
  const formId = `complete-${offer.id}`;
  const result = useAnswerFor(formId);
  const busy = useBusy(formId);
  if (!offer.ledger || offer.ledger.completedAt) return null;
  return (
    <details className="mt-3" open={result ? true : undefined}>
      <summary className="inline-flex min-h-11 cursor-pointer list-none items-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-100">
        Als erledigt markieren …
      </summary>
      <IntentForm formId={formId} intent="complete" fields={{ offerId: offer.id }} visible={["actualHours"]} className="mt-3 space-y-3">
        <Field
          label="Tatsächlich geleistete Stunden insgesamt"
          hint={`Geplant waren ${hoursText(offer.ledger.plannedHours)} Std. Die Zahl geht in die Bilanz beider Träger.`}
          errors={answerErrors(result, "actualHours")}
          inputProps={{
            name: "actualHours",
            inputMode: "decimal",
            defaultValue: answerValue(result, "actualHours") ?? hoursText(offer.ledger.plannedHours).replace(/\./g, ""),
            required: true,
            autoComplete: "off",
          }}
          className="sm:max-w-xs"
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Wird gespeichert …" : "Als erledigt markieren"}
        </Button>
      </IntentForm>
    </details>
  );
}

function OfferCard({ offer, data, canDecide, openHours }: { offer: Offer; data: DetailData; canDecide: boolean; openHours: number }) {
  const acceptId = `accept-${offer.id}`;
  const declineId = `decline-${offer.id}`;
  const acceptResult = useAnswerFor(acceptId);
  const declineResult = useAnswerFor(declineId);
  const acceptBusy = useBusy(acceptId);
  const declineBusy = useBusy(declineId);
  const suggested = Math.min(Number(offer.hoursPerWeek), openHours);
  return (
    <Card as="article" className={offer.status === "declined" || offer.status === "withdrawn" ? "opacity-80" : ""}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold text-slate-900">{offer.orgName}</h3>
        <Badge tone={OFFER_STATUS_TONES[offer.status]}>
          {offer.status === "accepted" && offer.acceptedHours
            ? `Angenommen: ${hoursText(offer.acceptedHours)} Std./Woche`
            : OFFER_STATUS_LABELS[offer.status]}
        </Badge>
      </div>
      <p className="text-xs text-slate-500">Angeboten am {formatDateTime(offer.createdAt)}</p>
      <OfferDetails offer={offer} />
      <OfferChecks check={data.notfall.offerChecks[offer.id]} />
      {offer.status === "accepted" && offer.ledger ? (
        <p className="mt-2 text-sm text-slate-700">
          {offer.ledger.completedAt
            ? `Erledigt: ${hoursText(offer.ledger.actualHours)} Std. geleistet (geplant ${hoursText(offer.ledger.plannedHours)} Std.).`
            : `Geplant: ${hoursText(offer.ledger.plannedHours)} Std. im Zeitraum.`}
        </p>
      ) : null}
      {offer.status === "accepted" && data.canManage ? <CompleteForm offer={offer} /> : null}
      {offer.status === "offered" && canDecide ? (
        <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
          <IntentForm formId={acceptId} intent="accept" fields={{ offerId: offer.id }} visible={["hours"]}>
            <label htmlFor={`${acceptId}-hours`} className="block text-sm font-medium text-slate-800">
              Annehmen mit Std./Woche
            </label>
            <p id={`${acceptId}-hint`} className="text-sm text-slate-600">
              Leer lassen für das ganze Angebot ({hoursText(offer.hoursPerWeek)} Std./Woche), oder nur einen Teil eintragen.
            </p>
            <div className="mt-1 flex gap-2">
              <input
                id={`${acceptId}-hours`}
                name="hours"
                inputMode="decimal"
                autoComplete="off"
                placeholder={hoursText(suggested)}
                defaultValue={answerValue(acceptResult, "hours") ?? (suggested < Number(offer.hoursPerWeek) ? hoursText(suggested) : "")}
                aria-describedby={`${acceptId}-hint${answerErrors(acceptResult, "hours") ? ` ${acceptId}-error` : ""}`}
                aria-invalid={answerErrors(acceptResult, "hours") ? true : undefined}
                className="block min-h-11 w-28 rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm aria-[invalid=true]:border-red-600"
              />
              <Button type="submit" className="flex-1 sm:flex-none" disabled={acceptBusy}>
                {acceptBusy ? "Wird angenommen …" : "Annehmen"}
              </Button>
            </div>
            <ErrorList id={`${acceptId}-error`} errors={answerErrors(acceptResult, "hours")} />
          </IntentForm>
          <details open={declineResult ? true : undefined}>
            <summary className="inline-flex min-h-11 cursor-pointer list-none items-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-100">
              Ablehnen …
            </summary>
            <IntentForm formId={declineId} intent="decline" fields={{ offerId: offer.id }} visible={["message"]} className="mt-3 space-y-3">
              <TextareaField
                label={`Nachricht an ${offer.orgName} (optional)`}
                hint="z. B. „Wir haben intern eine Lösung gefunden. Vielen Dank!“"
                errors={answerErrors(declineResult, "message")}
                textareaProps={{ name: "message", rows: 3, maxLength: 1000, defaultValue: answerValue(declineResult, "message") }}
              />
              <Button type="submit" variant="danger" disabled={declineBusy}>
                {declineBusy ? "Wird abgelehnt …" : "Ablehnen"}
              </Button>
            </IntentForm>
          </details>
        </div>
      ) : null}
    </Card>
  );
}

function CancelRequest({ data }: { data: DetailData }) {
  const formId = "cancel";
  const result = useAnswerFor(formId);
  const busy = useBusy(formId);
  const accepted = data.offers.some((o) => o.status === "accepted");
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" open={result ? true : undefined}>
      <summary className="flex min-h-11 cursor-pointer list-none items-center font-semibold text-red-800">Anfrage zurückziehen …</summary>
      <IntentForm formId={formId} intent="cancel" visible={["reason"]} className="mt-3 space-y-3">
        <p className="text-sm text-slate-700">
          Alle Träger mit einem Angebot werden benachrichtigt
          {accepted ? ", auch die, deren Angebot Sie schon angenommen haben" : ""}. Offene Angebote werden abgelehnt.
        </p>
        <TextareaField
          label="Grund"
          hint="z. B. „Die Kollegin ist früher als erwartet zurück.“"
          errors={answerErrors(result, "reason")}
          textareaProps={{ name: "reason", rows: 3, required: true, minLength: 3, maxLength: 1000, defaultValue: answerValue(result, "reason") }}
        />
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? "Wird zurückgezogen …" : "Anfrage zurückziehen"}
        </Button>
      </IntentForm>
    </details>
  );
}

function DraftActions({ data }: { data: DetailData }) {
  const publishBusy = useBusy("publish");
  const deleteBusy = useBusy("delete-draft");
  return (
    <section aria-labelledby="entwurf-titel" className="space-y-3">
      <h2 id="entwurf-titel" className="text-lg font-semibold text-slate-900">
        Entwurf
      </h2>
      {data.sozialdaten.length > 0 ? (
        <div role="alert" className="rounded-lg border-2 border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">Achtung: Die Beschreibung sieht nach Sozialdaten aus.</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {data.sozialdaten.map((f) => (
              <li key={`${f.kind}-${f.index}`}>{f.message}</li>
            ))}
          </ul>
          <p className="mt-2">
            Nach §§ 61–65 SGB VIII gehören sie nicht in eine Anfrage an den Kreis. Bitte ändern Sie die Beschreibung vor dem
            Veröffentlichen.
          </p>
        </div>
      ) : null}
      {!data.request.sozialdatenConfirmedAt ? (
        <p className="text-sm text-slate-700">
          Zum Veröffentlichen bestätigen Sie im Entwurf, dass die Beschreibung keine Sozialdaten enthält.
        </p>
      ) : null}
      {data.canManage ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          <ButtonLink to={paths.editCoverRequest(data.request.id)} variant="secondary">
            Entwurf bearbeiten
          </ButtonLink>
          {data.request.sozialdatenConfirmedAt && data.sozialdaten.length === 0 ? (
            <IntentForm formId="publish" intent="publish">
              <Button type="submit" className="w-full" disabled={publishBusy}>
                {publishBusy ? "Wird veröffentlicht …" : "Veröffentlichen"}
              </Button>
            </IntentForm>
          ) : null}
          <IntentForm formId="delete-draft" intent="delete-draft">
            <Button type="submit" variant="ghost" className="w-full text-red-800" disabled={deleteBusy}>
              {deleteBusy ? "Wird gelöscht …" : "Entwurf löschen"}
            </Button>
          </IntentForm>
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          Bearbeiten und veröffentlichen kann die Koordination Ihres Trägers.{" "}
          <Link to={`${paths.cover}?ansicht=anfragen`} className="font-semibold text-brand-800 underline">
            Unsere Anfragen
          </Link>
        </p>
      )}
    </section>
  );
}

/** "Fachkraft ✓ · Führungszeugnis aktuell ✓" before accepting; the person's name after. Never the document. */
function OfferChecks({ check }: { check: DetailData["notfall"]["offerChecks"][string] | undefined }) {
  if (!check || check.fachkraft === null) return null;
  return (
    <p className="mt-2 text-sm text-slate-800" data-testid="offer-checks">
      <span>Fachkraft {check.fachkraft ? "✓" : "✗"}</span>
      {" · "}
      <span>Führungszeugnis {check.fuehrungszeugnisCurrent ? "aktuell ✓" : "zu alt ✗"}</span>
      {check.person ? <span className="block">Person: {check.person}</span> : null}
    </p>
  );
}
