// "Tagesordnung" with its time plan and "Themenvorschläge" with the circle's pool: what members
// propose and how the hosts decide.
import { Link } from "~/components/link";
import { linkClass } from "~/components/auth-layout";
import { SozialdatenReport } from "~/components/sozialdaten-report";
import { IntentForm } from "~/components/ui/intent-form";
import { Badge, Card } from "~/components/ui/layout";
import { shortDayText, timeText } from "~/i18n/meetings";
import { AgendaItemForm, DecideForms, ProposeForm } from "./forms";
import type { Meeting } from "./route";

export function AgendaSection({ meeting: m, editable }: { meeting: Meeting; editable: boolean }) {
  const over = new Date(m.plannedEnd).getTime() > new Date(m.endsAt).getTime();
  return (
    <section aria-labelledby="tagesordnung-titel" id="tagesordnung" className="space-y-3">
      <h2 id="tagesordnung-titel" className="text-lg font-semibold text-slate-900">
        Tagesordnung
      </h2>
      {m.agenda.length === 0 ? <p className="text-slate-600">Noch keine Tagesordnungspunkte.</p> : null}
      <ol className="space-y-2">
        {m.agenda.map((a) => (
          <li key={a.id}>
            <Card as="div" className="space-y-1">
              <p className="text-sm text-slate-600">
                TOP {a.position} · {timeText(a.plannedStart)} Uhr
                {a.minutesPlanned ? ` · ${a.minutesPlanned} Min.` : ""}
                {a.presenterName ? ` · ${a.presenterName}` : ""}
              </p>
              <h3 className="font-semibold text-slate-900">{a.title}</h3>
              {a.description ? <p className="whitespace-pre-line text-sm text-slate-700">{a.description}</p> : null}
              {a.hideId ? (
                <p className="text-sm font-semibold text-red-800">
                  Ausgeblendet (Sozialdaten): nur {a.ownTraeger ? "Ihr Träger" : "der vorschlagende Träger"} und die Gastgebenden sehen
                  diesen Punkt.{" "}
                  {a.ownTraeger ? (
                    <Link className={linkClass} to={`/sozialdaten/${a.hideId}`}>
                      Überarbeiten
                    </Link>
                  ) : null}
                </p>
              ) : a.kind === "topic" && (!a.ownTraeger || m.coordinatesCircle) ? (
                <SozialdatenReport subjectType="agenda_item" subjectId={a.id} coordinator={m.coordinatesCircle} label="Thema enthält Sozialdaten melden" />
              ) : null}
              {a.kind === "action_items" && m.openActions.length > 0 ? (
                <ul className="list-inside list-disc text-sm text-slate-700">
                  {m.openActions.map((o) => (
                    <li key={o.id}>
                      {o.title} – {o.ownerOrgName}
                      {o.dueDate ? `, fällig ${shortDayText(o.dueDate)}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
              {editable ? (
                <IntentForm formId={`remove-${a.id}`} intent="remove" fields={{ itemId: a.id, toPool: a.kind === "topic" ? "on" : "" }}>
                  <button type="submit" className="min-h-11 text-sm font-semibold text-brand-800 underline underline-offset-2">
                    {a.kind === "topic" ? "Von der Tagesordnung in den Themenspeicher" : "Entfernen"}
                  </button>
                </IntentForm>
              ) : null}
            </Card>
          </li>
        ))}
      </ol>
      {m.agenda.length > 0 ? (
        <p className={over ? "font-medium text-amber-800" : "text-sm text-slate-600"} role={over ? "alert" : undefined}>
          Geplantes Ende: {timeText(m.plannedEnd)} Uhr
          {over ? ` – die geplanten Minuten überschreiten das Ende des Treffens (${timeText(m.endsAt)} Uhr).` : ""}
        </p>
      ) : null}
      {editable ? (
        <details className="rounded-lg border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">Tagesordnungspunkt hinzufügen</summary>
          <AgendaItemForm circleOrgs={m.circleOrgs} />
        </details>
      ) : null}
    </section>
  );
}

export function ProposalsSection({ meeting: m, canPropose }: { meeting: Meeting; canPropose: boolean }) {
  return (
    <section aria-labelledby="vorschlaege" className="space-y-3">
      <h2 id="vorschlaege" className="text-lg font-semibold text-slate-900">
        Themenvorschläge
      </h2>
      {m.proposals.length === 0 ? <p className="text-sm text-slate-600">Keine offenen Vorschläge.</p> : null}
      <ul className="space-y-2">
        {m.proposals.map((p) => (
          <li key={p.id}>
            <Card as="div">
              <p className="font-semibold">{p.title}</p>
              <p className="text-sm text-slate-600">
                {p.orgName ?? "—"}
                {p.minutesPlanned ? ` · ${p.minutesPlanned} Min.` : ""}
              </p>
              {p.description ? <p className="text-sm">{p.description}</p> : null}
              {p.status === "declined" ? (
                <p className="mt-1 text-sm text-slate-700">
                  <Badge tone="slate">abgelehnt</Badge> {p.declineReason}
                </p>
              ) : m.isHost ? (
                <DecideForms itemId={p.id} />
              ) : (
                <Badge tone="amber">wartet auf die Gastgeber</Badge>
              )}
            </Card>
          </li>
        ))}
      </ul>
      {canPropose ? (
        <details className="rounded-lg border border-slate-200 p-3" open={m.proposals.length === 0 && !m.isHost}>
          <summary className="cursor-pointer font-medium">Thema vorschlagen</summary>
          <div className="mt-3">
            <ProposeForm />
          </div>
        </details>
      ) : null}
      {m.isHost && m.pool.length > 0 ? (
        <details className="rounded-lg border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">Themenspeicher des Kreises ({m.pool.length})</summary>
          <ul className="mt-2 space-y-2">
            {m.pool.map((p) => (
              <li key={p.id} className="border-b border-slate-100 pb-2">
                <p className="font-semibold">{p.title}</p>
                <DecideForms itemId={p.id} fromPool />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
