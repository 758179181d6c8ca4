// The organizers' part of the training page: publish, edit, cancel, mark as held, exports; open
// approvals; participants; the waitlist with "verschieben" (position and a recorded reason);
// seats per Träger; attendance per session; closed registrations and the log of moves.
import { Link } from "~/components/link";
import { Button, buttonClass } from "~/components/ui/button";
import { ErrorList } from "~/components/ui/field";
import { Badge, Card } from "~/components/ui/layout";
import { registrationStateText, registrationTone, sessionText } from "~/components/trainings/parts";
import { seatsCount } from "~/i18n/trainings";
import { formatDateTime } from "~/utils/format";
import { paths } from "~/utils/links";
import { IntentForm, answerErrors, useAnswerFor, useBusy } from "~/components/ui/intent-form";
import { actsFor, registrationLabel, roleIn } from "./participant-panel";
import { RegistrationActions, type Registration } from "./registration-actions";
import type { DetailData } from "./route";

const inputClass =
  "mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600";
const HOLDING = new Set(["confirmed", "pending_approval", "offered", "attended", "no_show"]);

function SimpleAction({ formId, intent, label, busyLabel, variant = "secondary" }: { formId: string; intent: string; label: string; busyLabel: string; variant?: "primary" | "secondary" | "danger" }) {
  const busy = useBusy(formId);
  return (
    <IntentForm formId={formId} intent={intent}>
      <Button variant={variant} disabled={busy} className="w-full sm:w-auto">
        {busy ? busyLabel : label}
      </Button>
    </IntentForm>
  );
}

export function OrganizerPanel({ data }: { data: DetailData }) {
  const { training: t, registrations, sessions, orgSeats: allOrgSeats, moves, clock, viewer } = data;
  // Only Träger that hold or wait for seats; the others are one line, not a table row each.
  const orgSeats = allOrgSeats.filter((s) => s.seatsHeld > 0 || s.seatsWaitlisted > 0 || s.seatsConfirmed > 0);
  const withoutSeats = allOrgSeats.length - orgSeats.length;
  const live = t.status === "published" && !clock.started;
  const participants = registrations.filter((r) => HOLDING.has(r.status));
  const waiting = registrations.filter((r) => r.status === "waitlisted");
  const approvals = registrations.filter((r) => r.organizerApproval === "pending" && ["pending_approval", "waitlisted", "offered"].includes(r.status));
  const closed = registrations.filter((r) => r.status === "cancelled" || r.status === "declined");
  const attendanceSessions = sessions.filter((s) => clock.startedSessions.includes(s.id));
  const canRecord = t.status === "published" || t.status === "held";
  const lead = viewer.isLead;

  const actionsFor = (r: Registration, who: string) => (
    <RegistrationActions
      registration={r}
      who={who}
      canAct={actsFor(data, r)}
      canApproveOrg={["owner", "admin"].includes(roleIn(data, r.orgId) ?? "")}
      canApproveOrganizer
      cancellationOpen={clock.cancellationOpen}
      started={!live}
      organizer
    />
  );

  return (
    <section aria-labelledby="verwaltung" className="space-y-6">
      <div className="flex flex-col gap-1 border-t border-slate-200 pt-6 sm:flex-row sm:items-baseline sm:justify-between">
        <h2 id="verwaltung" className="text-xl font-bold text-slate-900">
          Verwaltung
        </h2>
        <p className="text-sm text-slate-600">Sichtbar für die Veranstalter. Namen sehen nur Sie und die Träger der Angemeldeten.</p>
      </div>

      {t.status === "published" && t.goNoGoBelowMinimum ? (
        <div role="status" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p className="font-semibold">Mindestzahl nicht erreicht</p>
          <p className="mt-1 text-sm">
            Am Entscheidungstag waren {t.seatsConfirmed} von mindestens {t.minParticipants} Plätzen bestätigt. Findet die Fortbildung
            trotzdem statt? Sonst sagen Sie sie ab – alle Angemeldeten werden benachrichtigt.
          </p>
        </div>
      ) : null}

      <Card>
        <h3 className="font-semibold text-slate-900">Aktionen</h3>
        <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {t.status === "draft" || t.status === "published" ? (
            <Link to={paths.editTraining(t.id)} className={buttonClass("secondary", "w-full sm:w-auto")}>
              Bearbeiten
            </Link>
          ) : null}
          {t.status === "draft" ? (
            <SimpleAction formId="publish" intent="publish" label="Veröffentlichen" busyLabel="Wird veröffentlicht …" variant="primary" />
          ) : null}
          {t.status === "published" && clock.started ? (
            <SimpleAction formId="mark-held" intent="mark-held" label="Als durchgeführt markieren" busyLabel="Wird gespeichert …" variant="primary" />
          ) : null}

          {t.status !== "draft" ? (
            <>
              <a href={paths.trainingParticipantsCsv(t.id)} className={buttonClass("ghost", "w-full sm:w-auto")} download>
                Teilnehmendenliste (CSV)
              </a>
              <a href={paths.trainingCostsCsv(t.id)} className={buttonClass("ghost", "w-full sm:w-auto")} download>
                Kosten je Träger (CSV)
              </a>
            </>
          ) : null}
        </div>
        {t.status === "published" ? <CancelTrainingForm /> : null}
        {t.status === "draft" && lead ? <DeleteDraftForm /> : null}
      </Card>

      {t.status === "draft" ? null : (
        <>
      {approvals.length > 0 ? (
        <Card>
          <h3 className="font-semibold text-slate-900">Offene Freigaben ({approvals.length})</h3>
          <ul className="mt-2 divide-y divide-slate-100">
            {approvals.map((r) => (
              <li key={r.id} className="py-3">
                <RegistrationLine r={r} />
                {actionsFor(r, registrationLabel(r))}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card>
        <h3 className="font-semibold text-slate-900">
          Teilnehmende{" "}
          <span className="font-normal text-slate-600">
            · {seatsCount(participants.reduce((n, r) => n + r.seats, 0))} von {t.capacity}
          </span>
        </h3>
        {participants.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Noch keine Anmeldungen.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {participants.map((r) => (
              <li key={r.id} className="py-3">
                <RegistrationLine r={r} />
                {r.organizerApproval === "pending" ? null : actionsFor(r, registrationLabel(r))}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <h3 className="font-semibold text-slate-900">
          Warteliste <span className="font-normal text-slate-600">· {waiting.length}</span>
        </h3>
        {waiting.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Niemand wartet.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">
              Wer zuerst kommt, rückt zuerst nach. Verschieben Sie nur mit Grund; er wird gespeichert und der Person mitgeteilt.
            </p>
            <ol className="mt-2 divide-y divide-slate-100">
              {waiting.map((r) => (
                <li key={r.id} className="py-3">
                  <RegistrationLine r={r} />
                  {r.organizerApproval === "pending" ? null : actionsFor(r, registrationLabel(r))}
                  {live && waiting.length > 1 ? <MoveForm r={r} count={waiting.length} /> : null}
                </li>
              ))}
            </ol>
          </>
        )}
      </Card>

      <Card>
        <h3 className="font-semibold text-slate-900">Plätze je Träger</h3>
        {orgSeats.length === 0 ? <p className="mt-2 text-sm text-slate-600">Noch hat kein Träger Plätze belegt.</p> : null}
        <div className={`mt-2 overflow-x-auto ${orgSeats.length === 0 ? "hidden" : ""}`}>
          <table className="w-full min-w-[28rem] text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-2 pr-3 font-medium">Träger</th>
                <th scope="col" className="py-2 pr-3 font-medium">Belegt</th>
                <th scope="col" className="py-2 pr-3 font-medium">Kontingent</th>
                <th scope="col" className="py-2 pr-3 font-medium">Warteliste</th>
                <th scope="col" className="py-2 font-medium">Bestätigt</th>
              </tr>
            </thead>
            <tbody>
              {orgSeats.map((s) => (
                <tr key={s.orgId} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{s.orgName}</th>
                  <td className="py-2 pr-3">{s.seatsHeld}</td>
                  <td className="py-2 pr-3">{s.contingent ?? "–"}</td>
                  <td className="py-2 pr-3">{s.seatsWaitlisted}</td>
                  <td className="py-2">{s.seatsConfirmed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {withoutSeats > 0 && orgSeats.length > 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            {withoutSeats === 1 ? "Ein weiterer Träger des Kreises hat" : `${withoutSeats} weitere Träger des Kreises haben`} keine Plätze belegt.
          </p>
        ) : null}
      </Card>

      <Card>
        <h3 className="font-semibold text-slate-900">Anwesenheit</h3>
        {!canRecord ? (
          <p className="mt-2 text-sm text-slate-600">Nur für veröffentlichte oder durchgeführte Fortbildungen.</p>
        ) : attendanceSessions.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Die Anwesenheit erfassen Sie ab Beginn des jeweiligen Termins.</p>
        ) : (
          <div className="mt-2 space-y-4">
            {attendanceSessions.map((s) => (
              <AttendanceForm key={s.id} session={s} registrations={registrations.filter((r) => ["confirmed", "attended", "no_show"].includes(r.status))} />
            ))}
          </div>
        )}
      </Card>

        </>
      )}

      {closed.length > 0 || moves.length > 0 ? (
        <Card>
          <details>
            <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-slate-900">
              Beendete Anmeldungen und Verschiebungen ({closed.length + moves.length})
            </summary>
            {closed.length > 0 ? (
              <ul className="mt-2 divide-y divide-slate-100">
                {closed.map((r) => (
                  <li key={r.id} className="py-2">
                    <RegistrationLine r={r} />
                  </li>
                ))}
              </ul>
            ) : null}
            {moves.length > 0 ? (
              <>
                <h4 className="mt-4 text-sm font-semibold text-slate-800">Verschiebungen auf der Warteliste</h4>
                <ul className="mt-1 space-y-1 text-sm text-slate-700">
                  {moves.map((m) => {
                    const r = registrations.find((x) => x.id === m.registrationId);
                    return (
                      <li key={`${m.registrationId}-${m.movedAt}`}>
                        {formatDateTime(m.movedAt)}: {r ? registrationLabel(r) : "Anmeldung"} von Platz {m.from} auf {m.to} – „{m.reason}“
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null}
          </details>
        </Card>
      ) : null}
    </section>
  );
}

function RegistrationLine({ r }: { r: Registration }) {
  return (
    <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">
          {r.status === "waitlisted" ? <span className="text-slate-600">{r.waitlistPosition}. </span> : null}
          {registrationLabel(r)}
        </p>
        <p className="text-sm text-slate-600">
          {r.orgName}
          {r.userId ? "" : " · anonym"} · angemeldet {formatDateTime(r.registeredAt)}
        </p>
      </div>
      <div className="shrink-0">
        <Badge tone={registrationTone(r.status)}>{registrationStateText(r, { own: false })}</Badge>
      </div>
    </div>
  );
}

function CancelTrainingForm() {
  const formId = "cancel-training";
  const busy = useBusy(formId);
  const result = useAnswerFor(formId);
  const errors = answerErrors(result, "reason");
  return (
    <details className="mt-4 border-t border-slate-100 pt-2" open={result ? true : undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold text-red-800">Fortbildung absagen …</summary>
      <IntentForm formId={formId} intent="cancel-training" visible={["reason"]} className="mt-2 space-y-2">
        <label htmlFor="cancel-reason" className="block text-sm font-medium text-slate-800">
          Begründung für die Angemeldeten (optional)
        </label>
        <textarea
          id="cancel-reason"
          name="reason"
          rows={3}
          maxLength={2000}
          className={inputClass}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? "cancel-reason-error" : undefined}
        />
        <ErrorList id="cancel-reason-error" errors={errors} />
        <p className="text-sm text-slate-600">Alle Anmeldungen enden; jede und jeder Angemeldete bekommt eine Nachricht mit der Begründung.</p>
        <Button variant="danger" disabled={busy}>
          {busy ? "Wird abgesagt …" : "Endgültig absagen"}
        </Button>
      </IntentForm>
    </details>
  );
}

function DeleteDraftForm() {
  const formId = "delete-draft";
  const busy = useBusy(formId);
  const result = useAnswerFor(formId);
  return (
    <details className="mt-4 border-t border-slate-100 pt-2" open={result ? true : undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold text-red-800">Entwurf löschen …</summary>
      <IntentForm formId={formId} intent="delete-draft" className="mt-2 space-y-2">
        <p className="text-sm text-slate-600">Der Entwurf wird mit allen Angaben gelöscht.</p>
        <Button variant="danger" disabled={busy}>
          {busy ? "Wird gelöscht …" : "Ja, Entwurf löschen"}
        </Button>
      </IntentForm>
    </details>
  );
}

function MoveForm({ r, count }: { r: Registration; count: number }) {
  const formId = `move-${r.id.slice(0, 8)}`;
  const busy = useBusy(formId);
  const result = useAnswerFor(formId);
  const positionErrors = answerErrors(result, "position");
  const reasonErrors = answerErrors(result, "reason");
  return (
    <details className="mt-1" open={result ? true : undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold text-brand-800" aria-label={`Verschieben: ${registrationLabel(r)}`}>
        Verschieben …
      </summary>
      <IntentForm formId={formId} intent="move" fields={{ registrationId: r.id }} visible={["position", "reason"]} className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-[8rem_1fr_auto] sm:items-end">
        <div>
          <label htmlFor={`${formId}-position`} className="block text-sm font-medium text-slate-800">
            Neuer Platz
          </label>
          <input
            id={`${formId}-position`}
            name="position"
            type="number"
            inputMode="numeric"
            min={1}
            max={count}
            required
            defaultValue={Math.max(1, (r.waitlistPosition ?? 1) - 1)}
            className={inputClass}
            aria-invalid={positionErrors ? true : undefined}
            aria-describedby={positionErrors ? `${formId}-position-error` : undefined}
          />
          <ErrorList id={`${formId}-position-error`} errors={positionErrors} />
        </div>
        <div>
          <label htmlFor={`${formId}-reason`} className="block text-sm font-medium text-slate-800">
            Grund
          </label>
          <input
            id={`${formId}-reason`}
            name="reason"
            type="text"
            required
            minLength={3}
            maxLength={500}
            className={inputClass}
            aria-invalid={reasonErrors ? true : undefined}
            aria-describedby={reasonErrors ? `${formId}-reason-error` : undefined}
          />
          <ErrorList id={`${formId}-reason-error`} errors={reasonErrors} />
        </div>
        <Button variant="secondary" disabled={busy}>
          {busy ? "Wird verschoben …" : "Verschieben"}
        </Button>
      </IntentForm>
    </details>
  );
}

function AttendanceForm({ session, registrations }: { session: DetailData["sessions"][number]; registrations: Registration[] }) {
  const formId = `attendance-${session.id.slice(0, 8)}`;
  const busy = useBusy(formId);
  return (
    <IntentForm formId={formId} intent="attendance" fields={{ sessionId: session.id }} className="rounded-lg border border-slate-200 p-3">
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">
          Termin {session.position}: {sessionText(session.startsAt, session.endsAt)}
        </legend>
        {registrations.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">Keine bestätigten Anmeldungen.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {registrations.map((r, i) => {
              const recorded = r.attendance[session.id];
              return (
                <li key={r.id}>
                  <input type="hidden" name={`entries[${i}].registrationId`} value={r.id} />
                  {r.userId ? (
                    <label className="flex min-h-11 items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name={`entries[${i}].present`}
                        value="1"
                        defaultChecked={recorded !== undefined && recorded > 0}
                        className="size-5 shrink-0 accent-brand-700"
                      />
                      <span>
                        {registrationLabel(r)} <span className="text-slate-600">({r.orgName})</span>
                      </span>
                    </label>
                  ) : (
                    <label className="flex min-h-11 items-center gap-2 text-sm">
                      <input
                        type="number"
                        name={`entries[${i}].present`}
                        min={0}
                        max={r.seats}
                        defaultValue={recorded ?? r.seats}
                        className="min-h-11 w-20 rounded-lg border border-slate-300 px-2"
                      />
                      <span>
                        von {seatsCount(r.seats)} für Klient:innen anwesend <span className="text-slate-600">({r.orgName})</span>
                      </span>
                    </label>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      {registrations.length > 0 ? (
        <Button variant="secondary" disabled={busy} className="mt-2 w-full sm:w-auto">
          {busy ? "Wird gespeichert …" : `Anwesenheit Termin ${session.position} speichern`}
        </Button>
      ) : null}
    </IntentForm>
  );
}
