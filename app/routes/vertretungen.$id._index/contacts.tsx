// Contact persons and handover notes on the request page. Each Träger sees its own contact person;
// the other side's only once an offer between the two is accepted (cover_request_contacts). The
// handover notes reach the requesting Träger and, after acceptance, the accepted Träger; the
// requester's coordinators keep them.
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
import { ROLE_LABELS } from "~/i18n/labels";
import { formatDateTime } from "~/utils/format";
import type { DetailData } from "./route";
import { answerErrors, answerValue, IntentForm, useAnswerFor, useBusy } from "~/components/ui/intent-form";

const linkClass = "font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900 break-all";

export function ContactsSection({ data }: { data: DetailData }) {
  if (data.contacts.length === 0) return null;
  const otherSideVisible = data.contacts.some((c) => !data.myOrgIds.includes(c.org_id));
  return (
    <section aria-labelledby="ansprechpersonen" className="space-y-3">
      <h2 id="ansprechpersonen" className="text-lg font-semibold text-slate-900">
        Ansprechpersonen
      </h2>
      {!otherSideVisible ? (
        <p className="text-sm text-slate-600">
          Die Ansprechperson des anderen Trägers sehen Sie, sobald ein Angebot angenommen ist.
        </p>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {data.contacts.map((c) => (
          <li key={c.org_id}>
            <Card as="article" className="h-full">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                {c.side === "requester"
                  ? "Anfragender Träger"
                  : data.offers.some((o) => o.orgId === c.org_id && o.status === "accepted")
                    ? "Übernehmender Träger"
                    : "Anbietender Träger"}
              </p>
              <p className="font-semibold text-slate-900">{c.org_name}</p>
              <p className="mt-1 text-slate-900">{c.full_name}</p>
              <ul className="mt-1 space-y-1 text-sm">
                {c.phone ? (
                  <li>
                    <a href={`tel:${c.phone.replace(/[^0-9+]/g, "")}`} className={`${linkClass} inline-flex min-h-11 items-center`}>
                      {c.phone}
                    </a>
                  </li>
                ) : null}
                <li>
                  <a href={`mailto:${c.email}`} className={`${linkClass} inline-flex min-h-11 items-center`}>
                    {c.email}
                  </a>
                </li>
              </ul>
              {data.coordinatingOrgIds.includes(c.org_id) ? <ChangeContact data={data} orgId={c.org_id} current={c.user_id} /> : null}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ChangeContact({ data, orgId, current }: { data: DetailData; orgId: string; current: string }) {
  const formId = `contact-${orgId}`;
  const result = useAnswerFor(formId);
  const busy = useBusy(formId);
  const colleagues = data.colleagues.filter((c) => c.orgId === orgId);
  if (colleagues.length < 2) return null;
  return (
    <details className="mt-2" open={result ? true : undefined}>
      <summary className="inline-flex min-h-11 cursor-pointer list-none items-center text-sm font-semibold text-brand-800 underline underline-offset-2">
        Ansprechperson ändern
      </summary>
      <IntentForm formId={formId} intent="contact" fields={{ orgId }} visible={["userId"]} className="mt-2 space-y-2">
        <label htmlFor={`${formId}-user`} className="block text-sm font-medium text-slate-800">
          Ansprechperson
        </label>
        <select
          id={`${formId}-user`}
          name="userId"
          defaultValue={answerValue(result, "userId") ?? current}
          className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm"
        >
          {colleagues.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.name} ({ROLE_LABELS[c.role]})
            </option>
          ))}
        </select>
        {answerErrors(result, "userId")?.map((e) => (
          <p key={e} className="text-sm text-red-700">
            {e}
          </p>
        ))}
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? "Wird gespeichert …" : "Speichern"}
        </Button>
      </IntentForm>
    </details>
  );
}

export function HandoverNotesSection({ data }: { data: DetailData }) {
  const formId = "handover";
  const result = useAnswerFor(formId);
  const busy = useBusy(formId);
  const notes = data.handoverNotes;
  const editable = data.isRequester && data.canManage && data.request.status !== "cancelled" && data.request.status !== "expired";
  return (
    <section aria-labelledby="uebergabe" className="rounded-xl border-2 border-amber-300 bg-amber-50 p-4 shadow-sm sm:p-6">
      <h2 id="uebergabe" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0 text-amber-800" fill="none" stroke="currentColor" strokeWidth="2">
          <rect x="5" y="11" width="14" height="10" rx="2" />
          <path d="M8 11V7a4 4 0 0 1 8 0v4" />
        </svg>
        Übergabenotizen
      </h2>
      <p className="mt-1 text-sm font-medium text-amber-900">
        {data.isRequester
          ? "Nur für die Koordination des Trägers, dessen Angebot angenommen wird, und die dort benannte Fachkraft. Die Freigabe wird im Protokoll Ihres Trägers festgehalten."
          : "Für Ihren Träger freigegeben, weil Ihr Angebot angenommen wurde. Vertraulich – nur für die Koordination Ihres Trägers und die übernehmende Fachkraft."}
      </p>
      {editable ? (
        <IntentForm formId={formId} intent="handover" visible={["notes"]} className="mt-3 space-y-3">
          <TextareaField
            label="Was die übernehmende Fachkraft wissen muss"
            errors={answerErrors(result, "notes")}
            textareaProps={{ name: "notes", rows: 5, maxLength: 5000, defaultValue: answerValue(result, "notes") ?? notes?.notes ?? "" }}
          />
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? "Wird gespeichert …" : "Übergabenotizen speichern"}
          </Button>
        </IntentForm>
      ) : notes ? (
        <p className="mt-3 whitespace-pre-line break-words rounded-lg bg-white p-3 text-slate-900">{notes.notes}</p>
      ) : data.isRequester && !data.canManage ? (
        <p className="mt-3 text-sm text-slate-700">
          Die Übergabenotizen sehen nur die Koordination Ihres Trägers und die Ansprechperson dieser Anfrage.
        </p>
      ) : (
        <p className="mt-3 text-sm text-slate-700">Keine Übergabenotizen.</p>
      )}
      {notes ? <p className="mt-2 text-xs text-slate-600">Zuletzt geändert am {formatDateTime(notes.updatedAt)}</p> : null}
    </section>
  );
}
