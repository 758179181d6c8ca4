// /fortbildungen/:id — a training: sessions, place, seats ("7 von 20 frei", waitlist), the
// viewer's registration with its actions (register, accept or decline an offer, cancel, leave the
// waitlist), for admins colleagues and anonymous client seats, and for the organizers the
// participants, approvals, waitlist moves, seats per Träger, attendance and exports. What each
// person sees is what RLS returns (a hidden training is a 404); every button calls one SQL
// function that decides under the training's lock, and its refusals come back as German messages.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser, type SessionUser } from "~/.server/auth/session";
import { asUser } from "~/.server/db/request";
import { loadTrainingDetail, readTraining } from "~/.server/trainings/detail";
import { cancelTraining, deleteDraft, markTrainingHeld, publishTraining } from "~/.server/trainings/editor";
import {
  callRegistrationFunction,
  decideApproval,
  moveRegistration,
  recordAttendance,
  registerForTraining,
  registrationState,
} from "~/.server/trainings/registrations";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SeatBadges, sessionText } from "~/components/trainings/parts";
import { Badge, Card } from "~/components/ui/layout";
import { AUDIENCE_LABELS, TRAINING_STATUS_LABELS, euro, feeLabel, seatsCount, seatsLine, waitlistLine } from "~/i18n/trainings";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";
import { TrainingIdSchema, TrainingIntentSchemas, isTrainingIntent, type TrainingIntent } from "~/validation/trainings";
import { OrganizerPanel } from "./organizer-panel";
import { ParticipantPanel } from "./participant-panel";
import { oncePerForm } from "~/.server/forms/idempotency";
import { SozialdatenHiddenNotice, SozialdatenReport } from "~/components/sozialdaten-report";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.training.title} · Fortbildungen · Trägerkreis` : "Fortbildung · Trägerkreis" },
];

function trainingIdFrom(params: { id?: string }): string {
  invariantResponse(TrainingIdSchema.safeParse(params.id).success, "Nicht gefunden");
  return params.id!;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const trainingId = trainingIdFrom(params);
  const detail = await loadTrainingDetail(user, trainingId);
  invariantResponse(detail, "Nicht gefunden");
  const now = Date.now();
  const t = detail.training;
  const started = t.startsAt !== null && new Date(t.startsAt).getTime() <= now;
  return {
    ...detail,
    clock: {
      started,
      registrationOpen:
        t.status === "published" && !started && (t.registrationDeadline === null || new Date(t.registrationDeadline).getTime() > now),
      cancellationOpen: t.cancellationDeadline === null || new Date(t.cancellationDeadline).getTime() > now,
      startedSessions: detail.sessions.filter((s) => new Date(s.startsAt).getTime() <= now).map((s) => s.id),
      // An offer never outlasts the start (fill_free_seats: least(now + offer_hours, starts_at)).
      offerEndsAtStart: t.startsAt !== null && new Date(t.startsAt).getTime() - now < t.offerHours * 3_600_000,
    },
  };
}

export type DetailData = ReturnType<typeof useLoaderData<typeof loader>>;

/** Which form on the page an answer belongs to, so only that form shows the errors. */
function formIdFor(intent: TrainingIntent, formData: FormData): string {
  const given = formData.get("formId");
  if (typeof given === "string" && /^[a-z0-9-]{1,80}$/.test(given)) return given;
  return intent;
}

type Who = "self" | "colleague" | "clients";

/** What the person sees after registering: confirmed, reserved for approval, or the waitlist position. */
async function registeredToast(user: SessionUser, trainingId: string, registrationId: string, who: Who) {
  const state = await registrationState(user, registrationId);
  const training = await asUser(user, (tx) => readTraining(tx, trainingId));
  const subject =
    who === "self" ? null : who === "colleague" ? (state?.participant_name ?? "Ihre Kollegin / Ihr Kollege") : `${seatsCount(state?.seats ?? 1)} für Klient:innen`;
  if (state?.status === "waitlisted") {
    const contingent = training && training.seatsTaken < training.capacity;
    return {
      type: "info" as const,
      title: subject
        ? `${subject}: auf der Warteliste, Platz ${state.waitlist_position}.`
        : `Sie stehen auf der Warteliste: Platz ${state.waitlist_position}.`,
      description: contingent
        ? "Das Kontingent des Trägers ist ausgeschöpft. Wird ein Platz frei, kommt ein Angebot per E-Mail."
        : "Die Fortbildung ist ausgebucht. Wird ein Platz frei, kommt ein Angebot per E-Mail.",
    };
  }
  if (state?.status === "pending_approval") {
    return {
      title: subject ? `${subject}: Platz reserviert.` : "Platz reserviert.",
      description: "Die Anmeldung wartet noch auf die Freigabe.",
    };
  }
  return {
    title: subject ? `${subject}: Platz bestätigt.` : "Sie sind angemeldet: Platz bestätigt.",
    description: "Eine Bestätigung mit Kalendereintrag kommt per E-Mail.",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const trainingId = trainingIdFrom(params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isTrainingIntent(intent)) throw new Response("Diese Aktion gibt es hier nicht.", { status: 400 });
  const formId = formIdFor(intent, formData);
  const submission = parseWithZod(formData, { schema: TrainingIntentSchemas[intent] });
  if (submission.status !== "success") return { formId, result: submission.reply() };
  const here = paths.training(trainingId);
  const value = submission.value;
  try {
    switch (value.intent) {
      case "register-self": {
        const id = await oncePerForm(formData, "training.register", () =>
          registerForTraining(user, trainingId, { participantId: user.id, orgId: value.orgId ?? null }),
        );
        return redirectWithToast(here, await registeredToast(user, trainingId, id, "self"));
      }
      case "register-colleague": {
        const id = await oncePerForm(formData, "training.register-colleague", () =>
          registerForTraining(user, trainingId, { participantId: value.participantId, orgId: value.orgId }),
        );
        return redirectWithToast(here, await registeredToast(user, trainingId, id, "colleague"));
      }
      case "book-client-seats": {
        const id = await oncePerForm(formData, "training.book-client-seats", () =>
          registerForTraining(user, trainingId, { participantId: null, seats: value.seats, orgId: value.orgId }),
        );
        return redirectWithToast(here, await registeredToast(user, trainingId, id, "clients"));
      }
      case "cancel-registration":
        await callRegistrationFunction(user, "cancel_training_registration", value.registrationId);
        return redirectWithToast(here, { title: "Anmeldung storniert.", description: "Ein frei gewordener Platz geht an die Warteliste." });
      case "accept-offer": {
        await callRegistrationFunction(user, "accept_training_offer", value.registrationId);
        const state = await registrationState(user, value.registrationId);
        return redirectWithToast(
          here,
          state?.status === "pending_approval"
            ? { title: "Platz angenommen.", description: "Die Anmeldung wartet noch auf die Freigabe." }
            : { title: "Platz angenommen und bestätigt.", description: "Eine Bestätigung mit Kalendereintrag kommt per E-Mail." },
        );
      }
      case "decline-offer":
        await callRegistrationFunction(user, "decline_training_offer", value.registrationId);
        return redirectWithToast(here, { title: "Platzangebot abgelehnt.", description: "Der Platz geht an die nächste Person der Warteliste." });
      case "decide":
        await decideApproval(user, value.registrationId, value.approval, value.decision === "approve");
        return redirectWithToast(here, { title: value.decision === "approve" ? "Freigabe erteilt." : "Anmeldung nicht freigegeben." });
      case "move":
        await moveRegistration(user, value.registrationId, value.position, value.reason);
        return redirectWithToast(here, { title: `Auf Platz ${value.position} der Warteliste verschoben.`, description: "Die Person wird benachrichtigt." });
      case "attendance":
        await recordAttendance(user, value.sessionId, value.entries);
        return redirectWithToast(here, { title: "Anwesenheit gespeichert." });
      case "publish":
        await publishTraining(user, trainingId);
        return redirectWithToast(here, { title: "Fortbildung veröffentlicht.", description: "Der Kreis sieht sie jetzt und kann sich anmelden." });
      case "cancel-training":
        await cancelTraining(user, trainingId, value.reason);
        return redirectWithToast(here, { title: "Fortbildung abgesagt.", description: "Alle Angemeldeten werden benachrichtigt." });
      case "mark-held":
        await markTrainingHeld(user, trainingId);
        return redirectWithToast(here, { title: "Als durchgeführt markiert.", description: "Teilnehmende mit erfasster Anwesenheit können ihre Bescheinigung laden." });
      case "delete-draft": {
        if (!(await deleteDraft(user, trainingId))) {
          return { formId, result: submission.reply({ formErrors: ["Nur Entwürfe können gelöscht werden, und nur vom veranstaltenden Träger."] }) };
        }
        return redirectWithToast(`${paths.trainings}?ansicht=organisiert`, { title: "Entwurf gelöscht." });
      }
    }
  } catch (error) {
    return { formId, result: replyToRefusal(submission, error) };
  }
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

export default function TrainingPage() {
  const data = useLoaderData<typeof loader>();
  const { training: t, sessions, coOrganizers, viewer, orgSeats } = data;
  const myOrgSeats = orgSeats.filter((s) => viewer.orgs.some((o) => o.orgId === s.orgId));
  return (
    <div>
      <Link to={paths.trainings} className={`${linkClass} mb-2 inline-flex min-h-11 items-center text-sm`}>
        ← Alle Fortbildungen
      </Link>
      <div className="mb-6">
        <div className="mb-2 flex flex-wrap gap-1.5">
          {t.status !== "published" ? (
            <Badge tone={t.status === "draft" ? "amber" : t.status === "cancelled" ? "red" : "slate"}>{TRAINING_STATUS_LABELS[t.status]}</Badge>
          ) : null}
          <Badge tone="brand">{t.topicLabel}</Badge>
          <Badge tone="slate">für {AUDIENCE_LABELS[t.audience]}</Badge>
        </div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t.title}</h1>
        <p className="mt-1 text-slate-600">
          Veranstalter: <Link to={paths.org(t.orgSlug)} className={linkClass}>{t.orgName}</Link>
          {coOrganizers.length > 0 ? (
            <>
              {" "}
              mit{" "}
              {coOrganizers.map((c, i) => (
                <span key={c.orgId}>
                  {i > 0 ? ", " : ""}
                  <Link to={paths.org(c.slug)} className={linkClass}>
                    {c.name}
                  </Link>
                </span>
              ))}
            </>
          ) : null}
        </p>
      </div>

      {data.hide && viewer.isOrganizer ? (
        <div className="mb-6">
          <SozialdatenHiddenNotice hideId={data.hide.id} canRevise={viewer.isLead} />
        </div>
      ) : null}
      {t.status === "cancelled" ? (
        <div role="status" className="mb-6 rounded-xl border border-red-200 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">Diese Fortbildung wurde abgesagt.</p>
          {t.cancelReason ? <p className="mt-1 whitespace-pre-line">{t.cancelReason}</p> : null}
        </div>
      ) : null}

      {/* Phone: when and where, then seats and the registration, then the rest. Desktop: two columns. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[3fr_2fr] lg:grid-rows-[auto_1fr] lg:items-start">
        <div className="lg:col-start-1 lg:row-start-1">
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">{sessions.length === 1 ? "Termin" : `${sessions.length} Termine`}</h2>
            {sessions.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">Noch keine Termine.</p>
            ) : (
              <ol className="mt-2 space-y-1">
                {sessions.map((s) => (
                  <li key={s.id} className="text-slate-800">
                    {sessions.length > 1 ? <span className="font-medium">Termin {s.position}: </span> : null}
                    {sessionText(s.startsAt, s.endsAt)}
                  </li>
                ))}
              </ol>
            )}
            {sessions.length > 0 && t.status !== "cancelled" ? (
              <a href={paths.trainingCalendar(t.id)} className={`${linkClass} mt-2 inline-flex min-h-11 items-center text-sm`}>
                In den Kalender übernehmen (.ics)
              </a>
            ) : null}
            <h2 className="mt-4 text-lg font-semibold text-slate-900">Ort</h2>
            {t.place ? (
              <p className="mt-1 text-slate-800">
                {t.place}
                {t.gemeindeName && !t.place.includes(t.gemeindeName.split(" ")[0]!) ? ` (${t.gemeindeName})` : ""}
              </p>
            ) : null}
            {t.onlineUrl ? (
              <p className="mt-1 text-sm">
                Online:{" "}
                <a href={t.onlineUrl} className={`${linkClass} break-all`} rel="noopener noreferrer" target="_blank">
                  {t.onlineUrl}
                </a>
              </p>
            ) : null}
          </Card>
        </div>

        <div className="space-y-6 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Plätze</h2>
            {t.status === "published" || t.status === "draft" ? (
              <>
                <p className="mt-1 text-2xl font-bold text-slate-900">{seatsLine(t.capacity, t.seatsTaken)}</p>
                <div className="mt-2">
                  <SeatBadges capacity={t.capacity} seatsTaken={t.seatsTaken} waitlistCount={t.waitlistCount} />
                </div>
                <p className="mt-2 text-sm text-slate-600">
                  {t.seatsConfirmed} bestätigt
                  {t.seatsPending ? `, ${t.seatsPending} warten auf Freigabe` : ""}
                  {t.seatsOffered ? `, ${t.seatsOffered} angeboten` : ""}
                  {waitlistLine(t.waitlistCount) ? ` · ${t.waitlistSeats === t.waitlistCount ? `${t.waitlistCount} auf der Warteliste` : `${t.waitlistCount} Anmeldungen (${t.waitlistSeats} Plätze) auf der Warteliste`}` : ""}
                </p>
              </>
            ) : (
              <p className="mt-1 text-sm text-slate-700">
                {t.seatsConfirmed} von {t.capacity} Plätzen waren bestätigt.
              </p>
            )}
            {!viewer.isOrganizer && myOrgSeats.length > 0 && t.status === "published" ? (
              <ul className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-sm text-slate-700">
                {myOrgSeats.map((s) => (
                  <li key={s.orgId}>
                    <span className="font-medium">{s.orgName}:</span>{" "}
                    {s.contingent !== null ? `${s.seatsHeld} von ${seatsCount(s.contingent)} im Kontingent belegt` : `${seatsCount(s.seatsHeld)} belegt`}
                    {s.seatsWaitlisted ? `, ${s.seatsWaitlisted} auf der Warteliste` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
          <ParticipantPanel data={data} />
        </div>

        <div className="space-y-6 lg:col-start-1 lg:row-start-2">
          {t.description ? (
            <Card>
              <h2 className="text-lg font-semibold text-slate-900">Beschreibung</h2>
              <p className="mt-2 whitespace-pre-line break-words text-slate-800">{t.description}</p>
            </Card>
          ) : null}
          {t.status !== "draft" && (!viewer.isOrganizer || (data.coordinatesCircle && !data.hide)) ? (
            <SozialdatenReport subjectType="training" subjectId={t.id} coordinator={data.coordinatesCircle} />
          ) : null}

          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Rahmen</h2>
            <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
              {t.speaker ? <Row label="Referent:in">{t.speaker}</Row> : null}
              <Row label="Gebühr">{t.feeCents > 0 ? `${euro(t.feeCents)} pro Platz` : feeLabel(0)}</Row>
              <Row label="Anmeldeschluss">{t.registrationDeadline ? formatDateTime(t.registrationDeadline) : "bis zum Beginn"}</Row>
              <Row label="Stornofrist">
                {t.cancellationDeadline ? `Plätze zurückgeben bis ${formatDateTime(t.cancellationDeadline)}` : "bis zum Beginn"}
              </Row>
              {t.minParticipants ? (
                <Row label="Mindestzahl">
                  {t.minParticipants} bestätigte Plätze{t.goNoGoDate ? `, Entscheidung am ${formatDate(t.goNoGoDate)}` : ""}
                </Row>
              ) : null}
              {t.defaultContingent ? (
                <Row label="Kontingent">
                  höchstens {seatsCount(t.defaultContingent)} pro Träger
                  {t.contingentReleaseAt ? `, ab ${formatDateTime(t.contingentReleaseAt)} für alle frei` : ""}
                </Row>
              ) : null}
              <Row label="Freigabe">
                {[t.needsOrgApproval ? "durch den eigenen Träger" : null, t.needsOrganizerApproval ? "durch den Veranstalter" : null]
                  .filter(Boolean)
                  .join(" und ") || "nicht nötig"}
              </Row>
              <Row label="Nachrücken">
                {data.clock.offerEndsAtStart && !data.clock.started
                  ? "Ein frei gewordener Platz wird bis zum Beginn der Fortbildung angeboten."
                  : `Ein frei gewordener Platz wird ${t.offerHours} Stunden lang angeboten, höchstens bis zum Beginn.`}
              </Row>
              {t.orgEmail ? (
                <Row label="Kontakt">
                  <a href={`mailto:${t.orgEmail}`} className={`${linkClass} break-all`}>
                    {t.orgEmail}
                  </a>
                </Row>
              ) : null}
            </dl>
          </Card>
        </div>
      </div>

      {viewer.isOrganizer ? (
        <div className="mt-8">
          <OrganizerPanel data={data} />
        </div>
      ) : null}
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
