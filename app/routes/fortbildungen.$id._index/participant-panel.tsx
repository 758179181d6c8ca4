// The participant's side of the training page: "Ihre Anmeldung" (state, offer, cancel, the
// certificate), registering oneself, and for a Träger's admins and coordinators registering
// colleagues, booking anonymous client seats and the Träger's own registrations.
import { OrgChoice } from "~/components/org-choice";
import { Button } from "~/components/ui/button";
import { ErrorList } from "~/components/ui/field";
import { Badge, Card } from "~/components/ui/layout";
import { registrationStateText, registrationTone } from "~/components/trainings/parts";
import { seatsCount } from "~/i18n/trainings";
import { formatDateTime } from "~/utils/format";
import { paths } from "~/utils/links";
import { IntentForm, answerErrors, useAnswerFor, useBusy } from "~/components/ui/intent-form";
import { ACTIVE, RegistrationActions, type Registration } from "./registration-actions";
import type { DetailData } from "./route";

const selectClass =
  "mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600";
const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

export function roleIn(data: DetailData, orgId: string) {
  return data.viewer.orgs.find((o) => o.orgId === orgId)?.role;
}

/** May the viewer act as the participant side of this registration (display only; SQL decides). */
export function actsFor(data: DetailData, r: Registration): boolean {
  const role = roleIn(data, r.orgId);
  return r.userId === data.viewer.userId || role === "owner" || role === "admin" || (r.userId === null && role === "coordinator");
}

export function registrationLabel(r: Registration): string {
  return r.userId ? (r.participantName ?? "Unbekannt") : `${seatsCount(r.seats)} für Klient:innen`;
}

function closedText(data: DetailData): string | null {
  const t = data.training;
  if (t.status === "draft") return "Noch nicht veröffentlicht: Anmeldungen sind erst danach möglich.";
  if (t.status === "cancelled") return null;
  if (t.status === "held" || data.clock.started) return "Die Fortbildung hat begonnen oder ist vorbei.";
  if (!data.clock.registrationOpen) return "Der Anmeldeschluss ist vorbei.";
  return null;
}

export function ParticipantPanel({ data }: { data: DetailData }) {
  const { training: t, viewer, registrations, clock } = data;
  const mine = registrations.filter((r) => r.userId === viewer.userId);
  const current = mine.find((r) => ACTIVE.has(r.status) || r.status === "attended" || r.status === "no_show") ?? mine[mine.length - 1];
  const isActive = current ? ACTIVE.has(current.status) || current.status === "attended" || current.status === "no_show" : false;
  const bookingOrgs = viewer.orgs.filter((o) => o.role !== "member");
  const full = t.seatsTaken >= t.capacity;
  const others = viewer.isOrganizer
    ? []
    : registrations.filter((r) => r.userId !== viewer.userId && actsFor(data, r) && (ACTIVE.has(r.status) || r.status === "attended"));
  const closed = closedText(data);

  return (
    <>
      <Card>
        <h2 className="text-lg font-semibold text-slate-900">Ihre Anmeldung</h2>
        {current && isActive ? (
          <>
            <p className="mt-2">
              <Badge tone={registrationTone(current.status)}>{registrationStateText(current)}</Badge>
            </p>
            {viewer.orgs.length > 1 ? <p className="mt-1 text-sm text-slate-600">für {current.orgName}</p> : null}
            {current.status === "waitlisted" && t.seatsTaken < t.capacity ? (
              <p className="mt-2 text-sm text-slate-700">
                Es sind noch Plätze frei, aber das Kontingent von {current.orgName} ist ausgeschöpft
                {t.contingentReleaseAt ? `. Ab ${formatDateTime(t.contingentReleaseAt)} stehen freie Plätze allen offen` : ""}.
              </p>
            ) : null}
            <RegistrationActions
              registration={current}
              who="Ihre Anmeldung"
              canAct
              canApproveOrg={false}
              canApproveOrganizer={false}
              cancellationOpen={clock.cancellationOpen}
              started={clock.started || t.status !== "published"}
            />
          </>
        ) : (
          <>
            {current ? (
              <p className="mt-2 text-sm text-slate-700">
                Ihre letzte Anmeldung: <Badge tone="slate">{registrationStateText(current)}</Badge>
              </p>
            ) : (
              <p className="mt-2 text-sm text-slate-700">Sie sind nicht angemeldet.</p>
            )}
            {closed ? <p className="mt-2 text-sm text-slate-700">{closed}</p> : null}
            {!closed && t.status === "published" && viewer.orgs.length > 0 ? (
              <RegisterSelfForm orgs={viewer.orgs} full={full} />
            ) : null}
          </>
        )}
        {data.certificate ? (
          <a href={paths.trainingCertificate(t.id)} className={`${linkClass} mt-2 inline-flex min-h-11 items-center`} download>
            Teilnahmebescheinigung herunterladen (PDF)
          </a>
        ) : null}
      </Card>

      {!closed && t.status === "published" && bookingOrgs.length > 0 ? (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Für Ihren Träger anmelden</h2>
          {full ? <p className="mt-1 text-sm text-slate-700">Ausgebucht: Neue Anmeldungen kommen auf die Warteliste.</p> : null}
          {data.colleagues.map((group) => (
            <ColleagueForm key={group.orgId} group={group} showOrg={data.colleagues.length > 1} />
          ))}
          <ClientSeatsForm orgs={bookingOrgs} />
        </Card>
      ) : null}

      {others.length > 0 ? (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Anmeldungen Ihres Trägers</h2>
          <ul className="mt-2 divide-y divide-slate-100">
            {others.map((r) => {
              const role = roleIn(data, r.orgId);
              return (
                <li key={r.id} className="py-3">
                  <p className="font-medium text-slate-900">{registrationLabel(r)}</p>
                  <p className="text-sm text-slate-600">
                    {r.orgName} · <Badge tone={registrationTone(r.status)}>{registrationStateText(r, { own: false })}</Badge>
                  </p>
                  <RegistrationActions
                    registration={r}
                    who={registrationLabel(r)}
                    canAct
                    canApproveOrg={role === "owner" || role === "admin"}
                    canApproveOrganizer={false}
                    cancellationOpen={clock.cancellationOpen}
                    started={clock.started || t.status !== "published"}
                  />
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

function RegisterSelfForm({ orgs, full }: { orgs: DetailData["viewer"]["orgs"]; full: boolean }) {
  const formId = "register-self";
  const busy = useBusy(formId);
  const result = useAnswerFor(formId);
  return (
    <IntentForm formId={formId} intent="register-self" visible={["orgId"]} className="mt-3 space-y-3">
      {full ? <p className="text-sm text-slate-700">Die Fortbildung ist ausgebucht. Sie kommen auf die Warteliste und bekommen ein Angebot, wenn ein Platz frei wird.</p> : null}
      <OrgChoice id="register-self-org" orgs={orgs.map((o) => ({ id: o.orgId, name: o.name }))} answer={result} />
      <Button disabled={busy} className="w-full">
        {busy ? "Wird angemeldet …" : full ? "Auf die Warteliste" : "Anmelden"}
      </Button>
    </IntentForm>
  );
}

function ColleagueForm({ group, showOrg }: { group: DetailData["colleagues"][number]; showOrg: boolean }) {
  const formId = `colleague-${group.orgId.slice(0, 8)}`;
  const busy = useBusy(formId);
  const result = useAnswerFor(formId);
  const free = group.people.filter((p) => !p.registered);
  const errorId = `${formId}-error`;
  const errors = answerErrors(result, "participantId");
  return (
    <IntentForm formId={formId} intent="register-colleague" fields={{ orgId: group.orgId }} visible={["participantId"]} className="mt-4 space-y-2">
      <h3 className="font-semibold text-slate-900">Kolleg:in anmelden{showOrg ? ` (${group.orgName})` : ""}</h3>
      {free.length === 0 ? (
        <p className="text-sm text-slate-600">Alle Kolleg:innen sind schon angemeldet oder auf der Warteliste.</p>
      ) : (
        <>
          <label htmlFor={`${formId}-person`} className="block text-sm font-medium text-slate-800">
            Kolleg:in
          </label>
          <select
            id={`${formId}-person`}
            name="participantId"
            className={selectClass}
            defaultValue=""
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? errorId : undefined}
          >
            <option value="">Bitte wählen</option>
            {free.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.fullName}
              </option>
            ))}
          </select>
          <ErrorList id={errorId} errors={errors} />
          <Button variant="secondary" disabled={busy} className="w-full">
            {busy ? "Wird angemeldet …" : "Kolleg:in anmelden"}
          </Button>
        </>
      )}
    </IntentForm>
  );
}

function ClientSeatsForm({ orgs }: { orgs: DetailData["viewer"]["orgs"] }) {
  const formId = "client-seats";
  const busy = useBusy(formId);
  const result = useAnswerFor(formId);
  const seatErrors = answerErrors(result, "seats");
  return (
    <IntentForm
      formId={formId}
      intent="book-client-seats"
      fields={orgs.length === 1 ? { orgId: orgs[0]!.orgId } : {}}
      visible={["seats", ...(orgs.length > 1 ? ["orgId"] : [])]}
      className="mt-5 space-y-2 border-t border-slate-100 pt-4"
    >
      <h3 className="font-semibold text-slate-900">Plätze für Klient:innen buchen</h3>
      <p id="client-seats-hint" className="text-sm text-slate-600">
        Für Jugendliche oder Eltern, die Ihr Träger begleitet: Sie buchen nur eine Anzahl, keine Namen. Die Buchung enthält
        keine personenbezogenen Daten (§§ 61–65 SGB VIII); der Veranstalter sieht nur Ihren Träger und die Zahl der Plätze.
      </p>
      <OrgChoice id="client-seats-org" orgs={orgs.map((o) => ({ id: o.orgId, name: o.name }))} answer={result} />
      <div>
        <label htmlFor="client-seats-count" className="block text-sm font-medium text-slate-800">
          Anzahl Plätze
        </label>
        <input
          id="client-seats-count"
          name="seats"
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          required
          defaultValue={1}
          className={selectClass}
          aria-describedby={seatErrors ? "client-seats-error client-seats-hint" : "client-seats-hint"}
          aria-invalid={seatErrors ? true : undefined}
        />
        <ErrorList id="client-seats-error" errors={seatErrors} />
      </div>
      <Button variant="secondary" disabled={busy} className="w-full">
        {busy ? "Wird gebucht …" : "Plätze buchen"}
      </Button>
    </IntentForm>
  );
}
