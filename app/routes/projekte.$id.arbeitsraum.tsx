// /projekte/<id>/arbeitsraum — the workspace of a project, only for the people of its active
// partner Träger (everyone else gets "Nicht gefunden", RLS decides): updates with comments, tasks
// (owner Träger and person, due date, status), links (no attachments, decision 017), key dates
// (also in the calendar) and the partners with their contact persons.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireUser } from "~/.server/auth/session";
import { oncePerForm } from "~/.server/forms/idempotency";
import { handleIntent } from "~/.server/meetings/forms";
import { projectWorkspace } from "~/.server/projects/read";
import {
  addKeyDate,
  addLink,
  commentUpdate,
  postUpdate,
  removeKeyDate,
  removeLink,
  saveTask,
  setTaskStatus,
} from "~/.server/projects/write";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SozialdatenReport } from "~/components/sozialdaten-report";
import { Button } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { IntentForm, answerErrors, useAnswerFor, useBusy } from "~/components/ui/intent-form";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { invariantResponse } from "~/utils/invariant";
import { PROJECT_STATUS_LABELS, germanDate } from "~/utils/projects";
import { CommentSchema, DateSchema, IdSchema, LinkSchema, TaskSchema, TaskStatusSchema, UpdateSchema } from "~/validation/projects";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Arbeitsraum: ${data.ws.project.title} · Trägerkreis` : "Nicht gefunden · Trägerkreis" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ws = await projectWorkspace(user, params.id ?? "");
  invariantResponse(ws, "Nicht gefunden", { status: 404 });
  return { ws, userId: user.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const formId = String(formData.get("formId") ?? intent);
  switch (intent) {
    case "update":
      return handleIntent(formData, formId, UpdateSchema, (v) =>
        oncePerForm(formData, "project.update", () => postUpdate(user, id, v.body, v.linkUrl)),
      );
    case "comment":
      return handleIntent(formData, formId, CommentSchema, (v) =>
        oncePerForm(formData, "project.comment", () => commentUpdate(user, v.updateId, v.body)),
      );
    case "task":
      return handleIntent(formData, formId, TaskSchema, (v) => oncePerForm(formData, "project.task", () => saveTask(user, id, null, v)));
    case "task-status":
      return handleIntent(formData, formId, TaskStatusSchema, (v) => setTaskStatus(user, v.taskId, v.status));
    case "link":
      return handleIntent(formData, formId, LinkSchema, (v) => oncePerForm(formData, "project.link", () => addLink(user, id, v.title, v.url)));
    case "remove-link":
      return handleIntent(formData, formId, IdSchema, (v) => removeLink(user, v.id));
    case "date":
      return handleIntent(formData, formId, DateSchema, (v) => oncePerForm(formData, "project.date", () => addKeyDate(user, id, v)));
    case "remove-date":
      return handleIntent(formData, formId, IdSchema, (v) => removeKeyDate(user, v.id));
    default: {
      const submission = parseWithZod(formData, { schema: z.object({}) });
      return { formId, result: submission.reply({ formErrors: ["Unbekannte Aktion."] }), ok: false };
    }
  }
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2";
const TASK_LABELS = { open: "offen", in_progress: "in Arbeit", done: "erledigt" } as const;

function when(d: Date | string): string {
  return new Date(d).toLocaleString("de-DE", { timeZone: "Europe/Berlin", dateStyle: "medium", timeStyle: "short" });
}

function UpdateForm() {
  const result = useAnswerFor("update");
  const busy = useBusy("update");
  return (
    <IntentForm formId="update" intent="update" visible={["body", "linkUrl"]} className="space-y-2">
      <TextareaField
        label="Neuer Beitrag"
        hint="Für alle Partner sichtbar. Keine Namen, Geburtsdaten oder Anschriften von Kindern und Familien."
        errors={answerErrors(result, "body")}
        textareaProps={{ id: "update-body", name: "body", rows: 3, maxLength: 5000 }}
      />
      <Field label="Link (optional)" errors={answerErrors(result, "linkUrl")} inputProps={{ id: "update-link", name: "linkUrl", type: "url", maxLength: 500 }} />
      <Button type="submit" disabled={busy}>
        Beitrag veröffentlichen
      </Button>
    </IntentForm>
  );
}

function CommentForm({ updateId }: { updateId: string }) {
  const formId = `comment-${updateId}`;
  const result = useAnswerFor(formId);
  return (
    <IntentForm formId={formId} intent="comment" fields={{ updateId }} visible={["body"]} className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1">
        <Field label="Kommentar" errors={answerErrors(result, "body")} inputProps={{ id: `${formId}-body`, name: "body", maxLength: 2000 }} />
      </div>
      <Button type="submit" variant="secondary">
        Kommentieren
      </Button>
    </IntentForm>
  );
}

function TaskForm() {
  const { ws } = useLoaderData<typeof loader>();
  const result = useAnswerFor("task");
  const busy = useBusy("task");
  const options = ws.partners.map((p) => ({
    label: p.orgName,
    options: [
      { value: p.orgId, label: `${p.orgName} (Träger)` },
      ...ws.members.filter((m) => m.orgId === p.orgId).map((m) => ({ value: `${p.orgId}:${m.userId}`, label: m.name })),
    ],
  }));
  return (
    <IntentForm formId="task" intent="task" visible={["title", "owner", "dueDate"]} className="space-y-2">
      <Field label="Aufgabe" errors={answerErrors(result, "title")} inputProps={{ id: "task-title", name: "title", maxLength: 300 }} />
      <SelectField label="Wer übernimmt?" errors={answerErrors(result, "owner")} selectProps={{ id: "task-owner", name: "owner" }} options={options} />
      <Field label="Fällig am (optional)" errors={answerErrors(result, "dueDate")} inputProps={{ id: "task-due", name: "dueDate", type: "date" }} />
      <Button type="submit" variant="secondary" disabled={busy}>
        Aufgabe anlegen
      </Button>
    </IntentForm>
  );
}

export default function Workspace() {
  const { ws } = useLoaderData<typeof loader>();
  const p = ws.project;
  const closed = p.status === "completed" || p.status === "abandoned";
  const linkResult = useAnswerFor("link");
  const dateResult = useAnswerFor("date");
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader
        title={`Arbeitsraum: ${p.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="brand">{PROJECT_STATUS_LABELS[p.status]}</Badge>
            <span>Nur die beteiligten Träger sehen diese Seite.</span>
            <Link to={`/projekte/${p.id}`} className={linkClass}>
              Zur Projektseite
            </Link>
          </span>
        }
      />
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">Partner und Ansprechpersonen</h2>
        <ul className="space-y-2">
          {ws.partners.map((pa) => (
            <li key={pa.orgId}>
              <span className="font-semibold text-slate-900">{pa.orgName}</span>{" "}
              <Badge tone={pa.role === "lead" ? "brand" : "slate"}>{pa.role === "lead" ? "Leitung" : "Partner"}</Badge>
              {pa.contacts.length > 0 ? (
                <ul className="mt-1 text-sm text-slate-700">
                  {pa.contacts.map((c) => (
                    <li key={c.userId}>
                      {c.name}
                      {c.email ? (
                        <>
                          {" · "}
                          <a href={`mailto:${c.email}`} className={linkClass}>
                            {c.email}
                          </a>
                        </>
                      ) : null}
                      {c.phone ? ` · ${c.phone}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Aufgaben</h2>
        {ws.tasks.length === 0 ? <p className="text-sm text-slate-600">Noch keine Aufgaben.</p> : null}
        <ul className="space-y-3" aria-label="Aufgaben">
          {ws.tasks.map((t) => (
            <li key={t.id} className="rounded-lg border border-slate-200 p-3">
              <p className="font-semibold text-slate-900">{t.title}</p>
              <p className="text-sm text-slate-700">
                {t.ownerOrgName}
                {t.ownerName ? ` · ${t.ownerName}` : ""}
                {t.dueDate ? ` · fällig ${germanDate(t.dueDate)}` : ""} · <span>{TASK_LABELS[t.status]}</span>
              </p>
              {!closed ? (
                <IntentForm formId={`task-status-${t.id}`} intent="task-status" fields={{ taskId: t.id }} className="mt-2 flex flex-wrap gap-2">
                  {(["open", "in_progress", "done"] as const)
                    .filter((s) => s !== t.status)
                    .map((s) => (
                      <Button key={s} type="submit" name="status" value={s} variant="secondary">
                        {s === "done" ? "Erledigt" : s === "in_progress" ? "In Arbeit" : "Wieder offen"}
                      </Button>
                    ))}
                </IntentForm>
              ) : null}
            </li>
          ))}
        </ul>
        {!closed ? <TaskForm /> : null}
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Neuigkeiten</h2>
        {!closed ? <UpdateForm /> : null}
        {ws.updatesTotal > ws.updates.length ? (
          <p className="text-sm text-slate-600">Die neuesten {ws.updates.length} von {ws.updatesTotal} Beiträgen.</p>
        ) : null}
        <ul className="space-y-4" aria-label="Beiträge">
          {ws.updates.map((u) => (
            <li key={u.id} className="space-y-2 border-t border-slate-100 pt-3">
              <p className="text-sm text-slate-600">
                {u.authorName ?? "Früher beteiligt"}
                {u.orgName ? ` (${u.orgName})` : ""} · {when(u.createdAt)}
                {u.hidden ? " · ausgeblendet (Sozialdaten)" : ""}
              </p>
              <p className="whitespace-pre-line text-slate-900">{u.body}</p>
              {u.linkUrl ? (
                <a href={u.linkUrl} className={linkClass} rel="noopener noreferrer nofollow" target="_blank">
                  {u.linkUrl}
                </a>
              ) : null}
              {u.comments.length > 0 ? (
                <ul className="space-y-1 border-l-2 border-slate-200 pl-3 text-sm">
                  {u.comments.map((c) => (
                    <li key={c.id}>
                      <span className="text-slate-600">
                        {c.authorName ?? "Früher beteiligt"}
                        {c.orgName ? ` (${c.orgName})` : ""}:
                      </span>{" "}
                      <span className="whitespace-pre-line">{c.body}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {!closed ? <CommentForm updateId={u.id} /> : null}
              {!u.hidden ? <SozialdatenReport subjectType="project_update" subjectId={u.id} label="Beitrag enthält Sozialdaten melden" /> : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Termine</h2>
        <ul className="space-y-1" aria-label="Termine">
          {ws.dates.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-2">
              <span>
                {when(d.startsAt)}
                {d.endsAt ? ` – ${when(d.endsAt)}` : ""}: {d.title}
              </span>
              {!closed ? (
                <IntentForm formId={`remove-date-${d.id}`} intent="remove-date" fields={{ id: d.id }}>
                  <Button type="submit" variant="secondary">
                    Entfernen<span className="sr-only"> {d.title}</span>
                  </Button>
                </IntentForm>
              ) : null}
            </li>
          ))}
        </ul>
        {!closed ? (
          <IntentForm formId="date" intent="date" visible={["title", "startsAt", "endsAt"]} className="space-y-2">
            <Field label="Termin" errors={answerErrors(dateResult, "title")} inputProps={{ id: "date-title", name: "title", maxLength: 200 }} />
            <div className="grid grid-cols-2 gap-3">
              <Field label="Beginn" errors={answerErrors(dateResult, "startsAt")} inputProps={{ id: "date-start", name: "startsAt", type: "datetime-local" }} />
              <Field label="Ende (optional)" errors={answerErrors(dateResult, "endsAt")} inputProps={{ id: "date-end", name: "endsAt", type: "datetime-local" }} />
            </div>
            <Button type="submit" variant="secondary">
              Termin eintragen
            </Button>
          </IntentForm>
        ) : null}
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Links</h2>
        <p className="text-sm text-slate-600">Dateien legen Sie bei Ihrem Träger ab und teilen hier den Link (keine Anhänge im Trägerkreis).</p>
        <ul className="space-y-1" aria-label="Links">
          {ws.links.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center gap-2">
              <a href={l.url} className={linkClass} rel="noopener noreferrer nofollow" target="_blank">
                {l.title}
              </a>
              {l.orgName ? <span className="text-sm text-slate-600">({l.orgName})</span> : null}
              {!closed ? (
                <IntentForm formId={`remove-link-${l.id}`} intent="remove-link" fields={{ id: l.id }}>
                  <Button type="submit" variant="secondary">
                    Entfernen<span className="sr-only"> {l.title}</span>
                  </Button>
                </IntentForm>
              ) : null}
            </li>
          ))}
        </ul>
        {!closed ? (
          <IntentForm formId="link" intent="link" visible={["title", "url"]} className="space-y-2">
            <Field label="Titel" errors={answerErrors(linkResult, "title")} inputProps={{ id: "link-title", name: "title", maxLength: 200 }} />
            <Field label="Link" errors={answerErrors(linkResult, "url")} inputProps={{ id: "link-url", name: "url", type: "url", maxLength: 500 }} />
            <Button type="submit" variant="secondary">
              Link hinzufügen
            </Button>
          </IntentForm>
        ) : null}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
