// /treffen/:id — one meeting: when and where, the person's RSVP, "14 Zusagen aus 6 Trägern ·
// 2 vielleicht · 3 Absagen" with the per-Träger view, the agenda with its time plan, topic
// proposals (hosts accept with a slot, decline with a reason, or keep them in the pool), open
// action items, guests, and the hosts' tools. Every form is an IntentForm (works without JS).
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/.server/auth/session";
import { oncePerForm } from "~/.server/forms/idempotency";
import { handleIntent } from "~/.server/meetings/forms";
import { meetingDetail } from "~/.server/meetings/read";
import {
  cancelMeeting,
  decideTopic,
  inviteGuest,
  proposeTopic,
  removeAgendaItem,
  saveAgendaItem,
  setRsvp,
} from "~/.server/meetings/write";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SozialdatenHiddenNotice, SozialdatenReport } from "~/components/sozialdaten-report";
import { Button, ButtonLink } from "~/components/ui/button";
import {
  Field,
  SelectField,
  TextareaField,
  CheckboxField,
} from "~/components/ui/field";
import {
  IntentForm,
  answerErrors,
  useAnswerFor,
  useBusy,
} from "~/components/ui/intent-form";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import {
  RSVP_LABELS,
  meetingWhen,
  rsvpLine,
  shortDayText,
  timeText,
  whereText,
} from "~/i18n/meetings";
import { invariantResponse } from "~/utils/invariant";
import {
  AgendaItemSchema,
  CancelSchema,
  DecideTopicSchema,
  GuestSchema,
  RsvpSchema,
  TopicSchema,
} from "~/validation/meetings";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.meeting.title} · Treffen · Trägerkreis`
      : "Nicht gefunden · Trägerkreis",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meeting = await meetingDetail(user, params.id ?? "");
  invariantResponse(meeting, "Nicht gefunden", { status: 404 });
  return { meeting, now: new Date() };
}

const RemoveSchema = z.object({
  itemId: z.string().uuid(),
  toPool: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const formId = String(formData.get("formId") ?? intent);
  switch (intent) {
    case "rsvp":
      return handleIntent(formData, formId, RsvpSchema, (v) =>
        setRsvp(user, id, v.answer, v.comment, v.delegate),
      );
    case "propose":
      return handleIntent(formData, formId, TopicSchema, (v) =>
        oncePerForm(formData, "meeting.topic.propose", () =>
          proposeTopic(user, id, v),
        ),
      );
    case "decide":
      return handleIntent(formData, formId, DecideTopicSchema, (v) =>
        decideTopic(user, id, v),
      );
    case "agenda":
      return handleIntent(formData, formId, AgendaItemSchema, (v) =>
        saveAgendaItem(user, id, v),
      );
    case "remove":
      return handleIntent(formData, formId, RemoveSchema, (v) =>
        removeAgendaItem(user, v.itemId, v.toPool),
      );
    case "guest":
      return handleIntent(formData, formId, GuestSchema, (v) =>
        oncePerForm(formData, "meeting.guest.invite", () =>
          inviteGuest(user, id, v),
        ),
      );
    case "cancel":
      return handleIntent(formData, formId, CancelSchema, (v) =>
        cancelMeeting(user, id, v.reason),
      );
    default: {
      const submission = parseWithZod(formData, { schema: z.object({}) });
      return {
        formId,
        result: submission.reply({ formErrors: ["Unbekannte Aktion."] }),
        ok: false,
      };
    }
  }
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2";

function RsvpForm() {
  const { meeting } = useLoaderData<typeof loader>();
  const result = useAnswerFor("rsvp");
  const busy = useBusy("rsvp");
  return (
    <IntentForm
      formId="rsvp"
      intent="rsvp"
      visible={["answer", "comment"]}
      className="space-y-3"
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">
          Ihre Rückmeldung
        </legend>
        <div className="mt-1 grid grid-cols-3 gap-2">
          {(["zusage", "vielleicht", "absage"] as const).map((answer) => (
            <label
              key={answer}
              className="flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 px-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="answer"
                value={answer}
                defaultChecked={meeting.myAnswer === answer}
                className="accent-brand-700"
              />
              {RSVP_LABELS[answer]}
            </label>
          ))}
        </div>
        {answerErrors(result, "answer") ? (
          <p className="mt-1 text-sm text-red-700">
            {answerErrors(result, "answer")}
          </p>
        ) : null}
      </fieldset>
      <Field
        label="Kommentar (optional)"
        errors={answerErrors(result, "comment")}
        inputProps={{
          id: "rsvp-comment",
          name: "comment",
          defaultValue: meeting.myComment ?? "",
          maxLength: 500,
        }}
      />
      <CheckboxField
        label="Ich spreche für meinen Träger (Delegierte:r)"
        inputProps={{
          id: "rsvp-delegate",
          name: "delegate",
          defaultChecked: meeting.myDelegate,
        }}
      />
      <Button type="submit" disabled={busy}>
        Rückmeldung speichern
      </Button>
    </IntentForm>
  );
}

function ProposeForm() {
  const result = useAnswerFor("propose");
  return (
    <IntentForm
      formId="propose"
      intent="propose"
      visible={["title", "description", "minutes"]}
      className="space-y-3"
    >
      <Field
        label="Thema"
        errors={answerErrors(result, "title")}
        inputProps={{ id: "propose-title", name: "title", maxLength: 200 }}
      />
      <TextareaField
        label="Worum geht es? (optional)"
        errors={answerErrors(result, "description")}
        textareaProps={{
          id: "propose-description",
          name: "description",
          rows: 2,
        }}
      />
      <Field
        label="Gewünschte Minuten (optional)"
        errors={answerErrors(result, "minutes")}
        inputProps={{
          id: "propose-minutes",
          name: "minutes",
          type: "number",
          min: 1,
          max: 480,
          inputMode: "numeric",
        }}
      />
      <Button type="submit" variant="secondary" disabled={useBusy("propose")}>
        Thema vorschlagen
      </Button>
    </IntentForm>
  );
}

function DecideForms({
  itemId,
  fromPool,
}: {
  itemId: string;
  fromPool?: boolean;
}) {
  const acceptId = `accept-${itemId}`;
  const declineId = `decline-${itemId}`;
  const accept = useAnswerFor(acceptId);
  const decline = useAnswerFor(declineId);
  return (
    <div className="mt-2 grid gap-3 sm:grid-cols-2">
      <IntentForm
        formId={acceptId}
        intent="decide"
        fields={{ itemId, decision: "accept" }}
        visible={["position", "minutes"]}
        className="space-y-2"
      >
        <div className="grid grid-cols-2 gap-2">
          <Field
            label="Position"
            errors={answerErrors(accept, "position")}
            inputProps={{
              id: `${acceptId}-position`,
              name: "position",
              type: "number",
              min: 1,
              max: 50,
              inputMode: "numeric",
            }}
          />
          <Field
            label="Minuten"
            errors={answerErrors(accept, "minutes")}
            inputProps={{
              id: `${acceptId}-minutes`,
              name: "minutes",
              type: "number",
              min: 1,
              max: 480,
              inputMode: "numeric",
            }}
          />
        </div>
        <Button type="submit">Auf die Tagesordnung</Button>
      </IntentForm>
      {fromPool ? null : (
        <IntentForm
          formId={declineId}
          intent="decide"
          fields={{ itemId, decision: "decline" }}
          visible={["reason"]}
          className="space-y-2"
        >
          <Field
            label="Begründung der Ablehnung"
            errors={answerErrors(decline, "reason")}
            inputProps={{
              id: `${declineId}-reason`,
              name: "reason",
              maxLength: 1000,
            }}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="secondary">
              Ablehnen
            </Button>
          </div>
        </IntentForm>
      )}
      {fromPool ? null : (
        <IntentForm
          formId={`pool-${itemId}`}
          intent="decide"
          fields={{ itemId, decision: "pool" }}
        >
          <Button type="submit" variant="secondary">
            In den Themenspeicher
          </Button>
        </IntentForm>
      )}
    </div>
  );
}

export default function MeetingPage() {
  const { meeting: m, now } = useLoaderData<typeof loader>();
  const orgsComing = m.summary.filter(
    (s) => s.zusagen > 0 && !s.isGuest,
  ).length;
  const started = new Date(m.startsAt).getTime() <= new Date(now).getTime();
  const over = new Date(m.plannedEnd).getTime() > new Date(m.endsAt).getTime();
  const agendaResult = useAnswerFor("agenda");
  const guestResult = useAnswerFor("guest");
  const cancelResult = useAnswerFor("cancel");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={m.title}
        description={
          <>
            <span className="block text-slate-800">
              {meetingWhen(m.startsAt, m.endsAt)}
            </span>
            <span className="block">
              {whereText(m)} · eingeladen von {m.hostName}
            </span>
          </>
        }
      />
      {m.status === "cancelled" ? (
        <Card className="border-red-300 bg-red-50">
          <p className="font-semibold text-red-900">
            Dieses Treffen ist abgesagt.
          </p>
          {m.cancelReason ? (
            <p className="whitespace-pre-line text-red-900">{m.cancelReason}</p>
          ) : null}
        </Card>
      ) : null}
      <nav
        aria-label="Zum Treffen"
        className="flex flex-wrap gap-x-4 gap-y-2 text-sm"
      >
        <a className={linkClass} href={`/treffen/${m.id}/kalender.ics`}>
          In den Kalender (.ics)
        </a>
        <Link className={linkClass} to={`/treffen/${m.id}/protokoll`}>
          Protokoll
        </Link>
        {m.isHost && m.status === "planned" ? (
          <Link className={linkClass} to={`/treffen/${m.id}/bearbeiten`}>
            Bearbeiten
          </Link>
        ) : null}
        {m.isHost ? (
          <Link className={linkClass} to={`/treffen/neu?nach=${m.id}`}>
            Nächstes Treffen planen
          </Link>
        ) : null}
      </nav>
      {m.hideId && m.isOwnTraeger ? (
        <SozialdatenHiddenNotice hideId={m.hideId} canRevise={m.isHost} />
      ) : m.hideId ? (
        <p role="status" className="rounded-lg border-2 border-red-300 bg-red-50 p-3 text-sm text-red-900">
          Ausgeblendet: Andere Träger sehen dieses Treffen nicht, bis der einladende Träger es überarbeitet hat.
        </p>
      ) : null}
      {m.description ? (
        <p className="whitespace-pre-line text-slate-800">{m.description}</p>
      ) : null}
      {!m.isOwnTraeger || (m.coordinatesCircle && !m.hideId) ? (
        <SozialdatenReport subjectType="meeting" subjectId={m.id} coordinator={m.coordinatesCircle} />
      ) : null}
      {m.onlineUrl ? (
        <p>
          Online:{" "}
          <a className={linkClass} href={m.onlineUrl} rel="noreferrer noopener">
            {m.onlineUrl}
          </a>
        </p>
      ) : null}

      <section aria-labelledby="rueckmeldungen" className="space-y-3">
        <h2
          id="rueckmeldungen"
          className="text-lg font-semibold text-slate-900"
        >
          Rückmeldungen
        </h2>
        <p className="font-medium text-slate-900" data-testid="rsvp-line">
          {rsvpLine(m, orgsComing)}
          {m.capacity ? ` · ${m.capacity} Plätze` : ""}
        </p>
        {m.status === "planned" && !started ? (
          <Card>{<RsvpForm />}</Card>
        ) : null}
        {m.summary.length > 0 ? (
          <>
            {/* Phones: one line per Träger; wider screens: the table. */}
            <ul
              className="space-y-1 text-sm sm:hidden"
              aria-label="Rückmeldungen nach Träger"
            >
              {m.summary.map((s) => (
                <li
                  key={`${s.orgName}-${s.isGuest}`}
                  className="border-b border-slate-100 py-1"
                >
                  <span className="font-medium">
                    {s.orgName}
                    {s.isGuest ? " (Gast)" : ""}
                  </span>
                  : {s.zusagen} {s.zusagen === 1 ? "Zusage" : "Zusagen"} ·{" "}
                  {s.vielleicht} vielleicht · {s.absagen}{" "}
                  {s.absagen === 1 ? "Absage" : "Absagen"}
                  {s.delegateName ? ` · Delegierte:r: ${s.delegateName}` : ""}
                </li>
              ))}
            </ul>
            <div className="hidden overflow-x-auto sm:block">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Rückmeldungen nach Träger</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-2">
                      Träger
                    </th>
                    <th scope="col" className="px-2 py-2">
                      Zusagen
                    </th>
                    <th scope="col" className="px-2 py-2">
                      Vielleicht
                    </th>
                    <th scope="col" className="px-2 py-2">
                      Absagen
                    </th>
                    <th scope="col" className="py-2 pl-2">
                      Delegierte:r
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {m.summary.map((s) => (
                    <tr
                      key={`${s.orgName}-${s.isGuest}`}
                      className="border-b border-slate-100"
                    >
                      <th scope="row" className="py-2 pr-2 font-medium">
                        {s.orgName}
                        {s.isGuest ? " (Gast)" : ""}
                      </th>
                      <td className="px-2 py-2">{s.zusagen}</td>
                      <td className="px-2 py-2">{s.vielleicht}</td>
                      <td className="px-2 py-2">{s.absagen}</td>
                      <td className="py-2 pl-2">{s.delegateName ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
        {m.names.length > 0 ? (
          <details className="rounded-lg border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium">
              {m.isHost
                ? "Namen (nur für die Gastgeber sichtbar)"
                : "Namen aus Ihrem Träger"}
            </summary>
            <ul className="mt-2 space-y-1 text-sm">
              {m.names.map((n) => (
                <li key={n.userId}>
                  {n.fullName ?? "—"} ({n.orgName}): {RSVP_LABELS[n.answer]}
                  {n.comment ? ` – „${n.comment}“` : ""}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section
        aria-labelledby="tagesordnung-titel"
        id="tagesordnung"
        className="space-y-3"
      >
        <h2
          id="tagesordnung-titel"
          className="text-lg font-semibold text-slate-900"
        >
          Tagesordnung
        </h2>
        {m.agenda.length === 0 ? (
          <p className="text-slate-600">Noch keine Tagesordnungspunkte.</p>
        ) : null}
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
                {a.description ? (
                  <p className="whitespace-pre-line text-sm text-slate-700">
                    {a.description}
                  </p>
                ) : null}
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
                  <SozialdatenReport
                    subjectType="agenda_item"
                    subjectId={a.id}
                    coordinator={m.coordinatesCircle}
                    label="Thema enthält Sozialdaten melden"
                  />
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
                {m.isHost && m.status === "planned" ? (
                  <IntentForm
                    formId={`remove-${a.id}`}
                    intent="remove"
                    fields={{
                      itemId: a.id,
                      toPool: a.kind === "topic" ? "on" : "",
                    }}
                  >
                    <button
                      type="submit"
                      className="min-h-11 text-sm font-semibold text-brand-800 underline underline-offset-2"
                    >
                      {a.kind === "topic"
                        ? "Von der Tagesordnung in den Themenspeicher"
                        : "Entfernen"}
                    </button>
                  </IntentForm>
                ) : null}
              </Card>
            </li>
          ))}
        </ol>
        {m.agenda.length > 0 ? (
          <p
            className={
              over ? "font-medium text-amber-800" : "text-sm text-slate-600"
            }
            role={over ? "alert" : undefined}
          >
            Geplantes Ende: {timeText(m.plannedEnd)} Uhr
            {over
              ? ` – die geplanten Minuten überschreiten das Ende des Treffens (${timeText(m.endsAt)} Uhr).`
              : ""}
          </p>
        ) : null}
        {m.isHost && m.status === "planned" ? (
          <details className="rounded-lg border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium">
              Tagesordnungspunkt hinzufügen
            </summary>
            <IntentForm
              formId="agenda"
              intent="agenda"
              visible={[
                "title",
                "description",
                "minutes",
                "position",
                "presenterOrgId",
              ]}
              className="mt-3 space-y-3"
            >
              <Field
                label="Titel"
                errors={answerErrors(agendaResult, "title")}
                inputProps={{
                  id: "agenda-title",
                  name: "title",
                  maxLength: 200,
                }}
              />
              <TextareaField
                label="Beschreibung (optional)"
                errors={answerErrors(agendaResult, "description")}
                textareaProps={{
                  id: "agenda-description",
                  name: "description",
                  rows: 2,
                }}
              />
              <SelectField
                label="Vortragender Träger (optional)"
                selectProps={{
                  id: "agenda-presenter",
                  name: "presenterOrgId",
                  defaultValue: "",
                }}
                options={[
                  { value: "", label: "—" },
                  ...m.circleOrgs.map((o) => ({ value: o.id, label: o.name })),
                ]}
              />
              <div className="grid grid-cols-2 gap-2">
                <Field
                  label="Minuten"
                  errors={answerErrors(agendaResult, "minutes")}
                  inputProps={{
                    id: "agenda-minutes",
                    name: "minutes",
                    type: "number",
                    min: 1,
                    max: 480,
                    inputMode: "numeric",
                  }}
                />
                <Field
                  label="Position"
                  hint="Leer: ans Ende"
                  errors={answerErrors(agendaResult, "position")}
                  inputProps={{
                    id: "agenda-position",
                    name: "position",
                    type: "number",
                    min: 1,
                    max: 50,
                    inputMode: "numeric",
                  }}
                />
              </div>
              <Button type="submit">Hinzufügen</Button>
            </IntentForm>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="vorschlaege" className="space-y-3">
        <h2 id="vorschlaege" className="text-lg font-semibold text-slate-900">
          Themenvorschläge
        </h2>
        {m.proposals.length === 0 ? (
          <p className="text-sm text-slate-600">Keine offenen Vorschläge.</p>
        ) : null}
        <ul className="space-y-2">
          {m.proposals.map((p) => (
            <li key={p.id}>
              <Card as="div">
                <p className="font-semibold">{p.title}</p>
                <p className="text-sm text-slate-600">
                  {p.orgName ?? "—"}
                  {p.minutesPlanned ? ` · ${p.minutesPlanned} Min.` : ""}
                </p>
                {p.description ? (
                  <p className="text-sm">{p.description}</p>
                ) : null}
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
        {m.status === "planned" && !started ? (
          <details
            className="rounded-lg border border-slate-200 p-3"
            open={m.proposals.length === 0 && !m.isHost}
          >
            <summary className="cursor-pointer font-medium">
              Thema vorschlagen
            </summary>
            <div className="mt-3">
              <ProposeForm />
            </div>
          </details>
        ) : null}
        {m.isHost && m.pool.length > 0 ? (
          <details className="rounded-lg border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium">
              Themenspeicher des Kreises ({m.pool.length})
            </summary>
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

      {m.isHost ? (
        <section aria-labelledby="gaeste" className="space-y-3">
          <h2 id="gaeste" className="text-lg font-semibold text-slate-900">
            Gäste
          </h2>
          {m.guests.length === 0 ? (
            <p className="text-sm text-slate-600">Noch keine Gäste.</p>
          ) : null}
          <ul className="space-y-1 text-sm">
            {m.guests.map((g) => (
              <li key={g.id}>
                {g.name}
                {g.orgName ? ` (${g.orgName})` : ""} –{" "}
                {g.answer ? RSVP_LABELS[g.answer] : "noch keine Rückmeldung"}
                {g.source === "public" ? " · über die öffentliche Seite" : ""}
              </li>
            ))}
          </ul>
          {m.status === "planned" && !started ? (
            <details className="rounded-lg border border-slate-200 p-3">
              <summary className="cursor-pointer font-medium">
                Gast einladen
              </summary>
              <IntentForm
                formId="guest"
                intent="guest"
                visible={["name", "orgName", "email"]}
                className="mt-3 space-y-3"
              >
                <Field
                  label="Name"
                  errors={answerErrors(guestResult, "name")}
                  inputProps={{
                    id: "guest-name",
                    name: "name",
                    maxLength: 120,
                  }}
                />
                <Field
                  label="Träger / Einrichtung (optional)"
                  errors={answerErrors(guestResult, "orgName")}
                  inputProps={{
                    id: "guest-org",
                    name: "orgName",
                    maxLength: 200,
                  }}
                />
                <Field
                  label="E-Mail"
                  errors={answerErrors(guestResult, "email")}
                  inputProps={{
                    id: "guest-email",
                    name: "email",
                    type: "email",
                    maxLength: 254,
                  }}
                />
                <Button type="submit">Einladung senden</Button>
              </IntentForm>
            </details>
          ) : null}
        </section>
      ) : null}

      {m.isHost && m.status === "planned" && !started ? (
        <details className="rounded-lg border border-red-200 p-3">
          <summary className="cursor-pointer font-medium text-red-900">
            Treffen absagen
          </summary>
          <IntentForm
            formId="cancel"
            intent="cancel"
            visible={["reason"]}
            className="mt-3 space-y-3"
          >
            <TextareaField
              label="Begründung (geht an alle, die nicht abgesagt haben)"
              errors={answerErrors(cancelResult, "reason")}
              textareaProps={{ id: "cancel-reason", name: "reason", rows: 2 }}
            />
            <Button type="submit" variant="danger">
              Treffen absagen
            </Button>
          </IntentForm>
        </details>
      ) : null}
      <p>
        <ButtonLink to="/treffen" variant="secondary">
          Zur Übersicht
        </ButtonLink>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
