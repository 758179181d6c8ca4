// Another Träger's part of the request page: "Angebot machen" for its coordinators (all or part of
// the open hours, from when, qualification, languages, a message), its own offers with their
// state, "Zurückziehen" until accepted and "Als erledigt markieren" once accepted. Members
// without a coordinating role read only. A third Träger sees no offer at all (RLS returns none).
import { Button } from "~/components/ui/button";
import { ErrorList, Field, TextareaField } from "~/components/ui/field";
import { Badge, Card } from "~/components/ui/layout";
import { dayText, hoursText, OFFER_STATUS_LABELS, OFFER_STATUS_TONES } from "~/i18n/cover";
import { berlinParts } from "~/utils/berlin-time";
import { formatDateTime } from "~/utils/format";
import type { DetailData } from "./route";
import { CompleteForm } from "./requester-panel";
import { answerErrors, answerValue, IntentForm, useAnswerFor, useBusy } from "~/components/ui/intent-form";

export function OffererPanel({ data }: { data: DetailData }) {
  const r = data.request;
  const own = data.offers.filter((o) => o.own);
  const open = Math.max(0, Number(r.hoursPerWeek) - Number(r.coveredHours));
  const today = berlinParts(data.now).date;
  const periodOver = r.periodTo < today;
  const orgsWithOpenOffer = new Set(own.filter((o) => o.status === "offered").map((o) => o.orgId));
  const canOfferFor = data.offerOrgs.filter((o) => !orgsWithOpenOffer.has(o.orgId));
  const offerable = r.status === "open" && open > 0 && !periodOver;
  return (
    <>
      {own.length > 0 ? (
        <section aria-labelledby="unser-angebot" className="space-y-3">
          <h2 id="unser-angebot" className="text-lg font-semibold text-slate-900">
            {own.length === 1 ? "Unser Angebot" : "Unsere Angebote"}
          </h2>
          <ul className="space-y-3">
            {own.map((o) => (
              <li key={o.id}>
                <OwnOffer offer={o} canAct={data.coordinatingOrgIds.includes(o.orgId)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {offerable && canOfferFor.length > 0 ? (
        <OfferForm data={data} orgs={canOfferFor} openHours={open} today={today} />
      ) : offerable && data.offerOrgs.length === 0 && own.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700">
          Angebote macht die Koordination Ihres Trägers. Sprechen Sie sie an, wenn Sie übernehmen könnten.
        </p>
      ) : null}
    </>
  );
}

function OwnOffer({ offer, canAct }: { offer: DetailData["offers"][number]; canAct: boolean }) {
  const formId = `withdraw-${offer.id}`;
  const busy = useBusy(formId);
  return (
    <Card as="article">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-semibold text-slate-900">
          {hoursText(offer.hoursPerWeek)} Std./Woche ab {dayText(offer.availableFrom)}
        </p>
        <Badge tone={OFFER_STATUS_TONES[offer.status]}>
          {offer.status === "accepted" && offer.acceptedHours
            ? `Angenommen: ${hoursText(offer.acceptedHours)} Std./Woche`
            : OFFER_STATUS_LABELS[offer.status]}
        </Badge>
      </div>
      <p className="text-xs text-slate-500">
        {offer.orgName} · angeboten am {formatDateTime(offer.createdAt)}
      </p>
      {offer.qualification ? <p className="mt-2 text-sm text-slate-700">Qualifikation: {offer.qualification}</p> : null}
      {offer.languages.length > 0 ? <p className="text-sm text-slate-700">Sprachen: {offer.languages.join(", ")}</p> : null}
      {offer.message ? (
        <blockquote className="mt-2 whitespace-pre-line break-words rounded-lg bg-slate-50 p-3 text-sm text-slate-800">{offer.message}</blockquote>
      ) : null}
      {offer.status === "declined" && offer.declineMessage ? (
        <p className="mt-2 text-sm text-slate-700">Nachricht des anfragenden Trägers: {offer.declineMessage}</p>
      ) : null}
      {offer.status === "offered" ? (
        <p className="mt-2 text-sm text-slate-600">Der anfragende Träger entscheidet. Sie werden benachrichtigt.</p>
      ) : null}
      {offer.status === "accepted" && offer.ledger ? (
        <p className="mt-2 text-sm text-slate-700">
          {offer.ledger.completedAt
            ? `Erledigt: ${hoursText(offer.ledger.actualHours)} Std. geleistet.`
            : `Geplant: ${hoursText(offer.ledger.plannedHours)} Std. im Zeitraum.`}
        </p>
      ) : null}
      {offer.status === "offered" && canAct ? (
        <IntentForm formId={formId} intent="withdraw" fields={{ offerId: offer.id }} className="mt-3">
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? "Wird zurückgezogen …" : "Zurückziehen"}
          </Button>
        </IntentForm>
      ) : null}
      {offer.status === "accepted" && canAct ? <CompleteForm offer={offer} /> : null}
    </Card>
  );
}

function OfferForm({
  data,
  orgs,
  openHours,
  today,
}: {
  data: DetailData;
  orgs: DetailData["offerOrgs"];
  openHours: number;
  today: string;
}) {
  const formId = "offer";
  const result = useAnswerFor(formId);
  const busy = useBusy(formId);
  const r = data.request;
  const from = r.periodFrom > today ? r.periodFrom : today;
  const fieldClass = "sm:max-w-xs";
  return (
    <section aria-labelledby="angebot-machen" className="rounded-xl border-2 border-brand-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="angebot-machen" className="text-lg font-semibold text-slate-900">
        Angebot machen
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Noch offen: <span className="font-semibold">{hoursText(openHours)} Std./Woche</span>. Sie können alles oder einen Teil
        übernehmen. Nur der anfragende Träger sieht Ihr Angebot.
      </p>
      <IntentForm
        formId={formId}
        intent="offer"
        visible={["orgId", "hoursPerWeek", "availableFrom", "qualification", "languages", "message", "staffId"]}
        fields={orgs.length === 1 ? { orgId: orgs[0]!.orgId } : {}}
        className="mt-4 space-y-4"
      >
        {orgs.length > 1 ? (
          <div>
            <label htmlFor="offer-org" className="block text-sm font-medium text-slate-800">
              Für Träger
            </label>
            <select
              id="offer-org"
              name="orgId"
              defaultValue={answerValue(result, "orgId") ?? orgs[0]!.orgId}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm"
            >
              {orgs.map((o) => (
                <option key={o.orgId} value={o.orgId}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="grid grid-cols-2 gap-3">
          <Field
            label="Std./Woche"
            errors={answerErrors(result, "hoursPerWeek")}
            inputProps={{
              id: "offer-hours",
              name: "hoursPerWeek",
              inputMode: "decimal",
              required: true,
              autoComplete: "off",
              defaultValue: answerValue(result, "hoursPerWeek") ?? hoursText(openHours).replace(/\./g, ""),
            }}
            className={fieldClass}
          />
          <Field
            label="Ab"
            errors={answerErrors(result, "availableFrom")}
            inputProps={{
              id: "offer-from",
              name: "availableFrom",
              type: "date",
              required: true,
              min: today,
              max: r.periodTo,
              defaultValue: answerValue(result, "availableFrom") ?? from,
            }}
            className={fieldClass}
          />
        </div>
        <StaffSelect data={data} result={result} />
        <Field
          label="Qualifikation der Fachkraft"
          hint={r.qualification ? `Gesucht: ${r.qualification}` : "z. B. Sozialpädagogin, 5 Jahre SPFH"}
          errors={answerErrors(result, "qualification")}
          inputProps={{ id: "offer-qualification", name: "qualification", maxLength: 300, defaultValue: answerValue(result, "qualification") }}
        />
        <Field
          label="Sprachen"
          hint={r.languages.length ? `Gesucht: ${r.languages.join(", ")}` : "Mehrere mit Komma trennen"}
          errors={answerErrors(result, "languages")}
          inputProps={{ id: "offer-languages", name: "languages", maxLength: 400, defaultValue: answerValue(result, "languages") }}
        />
        <TextareaField
          label="Nachricht (optional)"
          hint="z. B. Führerschein und Auto vorhanden, Einsatz vormittags möglich. Keine Namen von Klient:innen."
          errors={answerErrors(result, "message")}
          textareaProps={{ id: "offer-message", name: "message", rows: 3, maxLength: 2000, defaultValue: answerValue(result, "message") }}
        />
        <Button type="submit" className="w-full sm:w-auto" disabled={busy}>
          {busy ? "Wird gesendet …" : "Angebot abgeben"}
        </Button>
      </IntentForm>
    </section>
  );
}

/**
 * The offered person from the Träger's staff list (qualification gate, §§ 72, 72a SGB VIII). The
 * requesting Träger sees only "Fachkraft ✓ · Führungszeugnis aktuell ✓" before accepting, the
 * name after; the database refuses a person who does not qualify.
 */
function StaffSelect({ data, result }: { data: DetailData; result: Parameters<typeof answerErrors>[0] }) {
  const staff = data.notfall.staff;
  const required = data.notfall.requiresFachkraft;
  const errors = answerErrors(result, "staffId");
  return (
    <div>
      <label htmlFor="offer-staff" className="block text-sm font-medium text-slate-900">
        Angebotene Person{required ? " (Fachkraft erforderlich)" : " (optional)"}
      </label>
      <p className="text-sm text-slate-600">
        Aus der Personalliste Ihres Trägers. Der anfragende Träger sieht vor der Zusage nur „Fachkraft“ und
        „Führungszeugnis aktuell“, den Namen erst nach der Zusage.
      </p>
      <select
        id="offer-staff"
        name="staffId"
        defaultValue={answerValue(result, "staffId") ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? "offer-staff-errors" : undefined}
        className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
      >
        <option value="">{required ? "Bitte wählen" : "Keine Person nennen"}</option>
        {staff.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} · {p.fachkraft ? "Fachkraft" : "keine Fachkraft"} · {p.fuehrungszeugnisCurrent ? "Führungszeugnis aktuell" : "Führungszeugnis zu alt"}
          </option>
        ))}
      </select>
      <ErrorList id="offer-staff-errors" errors={errors} />
    </div>
  );
}
