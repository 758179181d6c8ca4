// /projekte/<id> — a project as the circle sees it: the idea, who leads and who takes part, the
// Steckbrief of a completed project. Coordinators of other Träger answer "Wir machen mit"; the
// lead accepts or declines requests, invites Träger, hands over the lead and moves the status.
// The workspace (/projekte/<id>/arbeitsraum) is linked for the partners only.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireUser } from "~/.server/auth/session";
import { handleIntent } from "~/.server/meetings/forms";
import { projectDetail, type PartnerRow } from "~/.server/projects/read";
import {
  answerInvitation,
  decideRequest,
  handOverLead,
  invitePartner,
  leaveProject,
  requestJoin,
  setProjectStatus,
} from "~/.server/projects/write";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OrgChoice } from "~/components/org-choice";
import { SozialdatenHiddenNotice, SozialdatenReport } from "~/components/sozialdaten-report";
import { Button, ButtonLink } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { IntentForm, answerErrors, useAnswerFor, useBusy } from "~/components/ui/intent-form";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { invariantResponse } from "~/utils/invariant";
import { PROJECT_STATUS_LABELS, ageText, periodText } from "~/utils/projects";
import { DecideSchema, InviteSchema, JoinSchema, OrgOnlySchema, StatusSchema } from "~/validation/projects";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.title} · Projekte · Trägerkreis` : "Nicht gefunden · Trägerkreis" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const project = await projectDetail(user, params.id ?? "");
  invariantResponse(project, "Nicht gefunden", { status: 404 });
  return { project };
}

const AnswerSchema = DecideSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const formId = String(formData.get("formId") ?? intent);
  switch (intent) {
    case "join":
      return handleIntent(formData, formId, JoinSchema, (v) => requestJoin(user, id, v.orgId, v.message));
    case "decide":
      return handleIntent(formData, formId, DecideSchema, (v) => decideRequest(user, id, v.orgId, v.decision === "accept", v.answer));
    case "answer":
      return handleIntent(formData, formId, AnswerSchema, (v) => answerInvitation(user, id, v.orgId, v.decision === "accept", v.answer));
    case "invite":
      return handleIntent(formData, formId, InviteSchema, (v) => invitePartner(user, id, v.orgId, v.message));
    case "handover":
      return handleIntent(formData, formId, OrgOnlySchema, (v) => handOverLead(user, id, v.orgId));
    case "leave":
      return handleIntent(formData, formId, OrgOnlySchema, (v) => leaveProject(user, id, v.orgId));
    case "status":
      return handleIntent(formData, formId, StatusSchema, (v) => setProjectStatus(user, id, v.status, v.summary, v.reason));
    default: {
      const submission = parseWithZod(formData, { schema: z.object({}) });
      return { formId, result: submission.reply({ formErrors: ["Unbekannte Aktion."] }), ok: false };
    }
  }
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2";

const PARTNER_STATE: Record<PartnerRow["status"], string> = {
  requested: "fragt an",
  invited: "eingeladen",
  active: "macht mit",
  declined: "abgelehnt",
  left: "ausgestiegen",
};

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="whitespace-pre-line text-slate-900">{children}</dd>
    </div>
  );
}

function JoinForm() {
  const { project } = useLoaderData<typeof loader>();
  const result = useAnswerFor("join");
  const busy = useBusy("join");
  const orgs = project.myCoordinatedOrgs.filter((o) => o.state === null || o.state === "declined" || o.state === "left" || o.state === "invited");
  if (orgs.length === 0 || !["idea", "running"].includes(project.status)) return null;
  return (
    <Card className="space-y-3">
      <h2 className="text-lg font-semibold text-slate-900">Mitmachen</h2>
      <IntentForm formId="join" intent="join" visible={["orgId", "message"]} className="space-y-3">
        <OrgChoice id="join-org" orgs={orgs} answer={result} sendSingle />
        <TextareaField
          label="Nachricht an die Projektleitung (optional)"
          hint="Was Ihr Träger einbringen kann: Stunden, Räume, Sprachen … Keine Sozialdaten."
          errors={answerErrors(result, "message")}
          textareaProps={{ id: "join-message", name: "message", rows: 3, maxLength: 2000 }}
        />
        <Button type="submit" disabled={busy}>
          Wir machen mit
        </Button>
      </IntentForm>
    </Card>
  );
}

function DecisionForm({ partner, intent }: { partner: PartnerRow; intent: "decide" | "answer" }) {
  const formId = `${intent}-${partner.orgId}`;
  const result = useAnswerFor(formId);
  const busy = useBusy(formId);
  return (
    <IntentForm formId={formId} intent={intent} fields={{ orgId: partner.orgId }} visible={["answer"]} className="space-y-2">
      <Field
        label={intent === "decide" ? "Antwort an den Träger (optional)" : "Antwort an die Projektleitung (optional)"}
        errors={answerErrors(result, "answer")}
        inputProps={{ id: `${formId}-answer`, name: "answer", maxLength: 2000 }}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="accept" disabled={busy}>
          {intent === "decide" ? "Annehmen" : "Einladung annehmen"}
        </Button>
        <Button type="submit" name="decision" value="decline" variant="secondary" disabled={busy}>
          Ablehnen
        </Button>
      </div>
    </IntentForm>
  );
}

function LeadTools() {
  const { project } = useLoaderData<typeof loader>();
  const inviteResult = useAnswerFor("invite");
  const statusResult = useAnswerFor("status");
  const handoverResult = useAnswerFor("handover");
  const others = project.partners.filter((p) => p.status === "active" && p.role === "partner");
  const open = ["idea", "running", "draft"].includes(project.status);
  return (
    <Card className="space-y-5">
      <h2 className="text-lg font-semibold text-slate-900">Projektleitung</h2>
      {open ? (
        <p>
          <Link to={`/projekte/${project.id}/bearbeiten`} className={linkClass}>
            Idee bearbeiten{project.status === "draft" ? " oder veröffentlichen" : ""}
          </Link>
        </p>
      ) : null}
      {project.invitable.length > 0 && ["idea", "running"].includes(project.status) ? (
        <IntentForm formId="invite" intent="invite" visible={["orgId", "message"]} className="space-y-2">
          <SelectField
            label="Träger einladen"
            errors={answerErrors(inviteResult, "orgId")}
            selectProps={{ id: "invite-org", name: "orgId" }}
            options={project.invitable.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Field label="Nachricht (optional)" errors={answerErrors(inviteResult, "message")} inputProps={{ id: "invite-message", name: "message", maxLength: 2000 }} />
          <Button type="submit" variant="secondary">
            Einladen
          </Button>
        </IntentForm>
      ) : null}
      {others.length > 0 ? (
        <IntentForm formId="handover" intent="handover" visible={["orgId"]} className="space-y-2">
          <SelectField
            label="Leitung übergeben an"
            errors={answerErrors(handoverResult, "orgId")}
            selectProps={{ id: "handover-org", name: "orgId" }}
            options={others.map((o) => ({ value: o.orgId, label: o.orgName }))}
          />
          <Button type="submit" variant="secondary">
            Leitung übergeben
          </Button>
        </IntentForm>
      ) : null}
      {project.status === "idea" || project.status === "running" || project.status === "completed" ? (
        <IntentForm formId="status" intent="status" visible={["status", "summary", "reason"]} className="space-y-2">
          <SelectField
            label="Status"
            errors={answerErrors(statusResult, "status")}
            selectProps={{ id: "status", name: "status", defaultValue: project.status === "idea" ? "running" : "completed" }}
            options={[
              ...(project.status === "idea" ? [{ value: "running", label: "Projekt startet (läuft)" }] : []),
              ...(project.status !== "idea" ? [{ value: "completed", label: project.status === "completed" ? "Steckbrief ändern" : "Abgeschlossen – mit Steckbrief" }] : []),
              ...(project.status !== "completed" ? [{ value: "abandoned", label: "Nicht umgesetzt / beendet" }] : []),
            ]}
          />
          {project.status !== "idea" ? (
            <TextareaField
              label="Steckbrief für den Kreis (bei „Abgeschlossen“)"
              hint="Kurz und ohne Sozialdaten: was entstanden ist, mit wie vielen Kindern, was der Kreis lernen kann. Der Arbeitsraum bleibt geschlossen."
              errors={answerErrors(statusResult, "summary")}
              textareaProps={{ id: "summary", name: "summary", rows: 4, maxLength: 4000, defaultValue: project.summary ?? "" }}
            />
          ) : null}
          <Field label="Grund (optional)" errors={answerErrors(statusResult, "reason")} inputProps={{ id: "reason", name: "reason", maxLength: 1000 }} />
          <Button type="submit" variant="secondary">
            Status ändern
          </Button>
        </IntentForm>
      ) : null}
    </Card>
  );
}

function LeaveForm({ orgId, orgName }: { orgId: string; orgName: string }) {
  const formId = `leave-${orgId}`;
  return (
    <IntentForm formId={formId} intent="leave" fields={{ orgId }}>
      <Button type="submit" variant="secondary">
        {orgName}: aus dem Projekt aussteigen
      </Button>
    </IntentForm>
  );
}

export default function ProjectPage() {
  const { project } = useLoaderData<typeof loader>();
  const active = project.partners.filter((p) => p.status === "active");
  const lead = active.find((p) => p.role === "lead");
  const requests = project.partners.filter((p) => p.status === "requested");
  const invitations = project.myCoordinatedOrgs
    .filter((o) => o.state === "invited")
    .map((o) => project.partners.find((p) => p.orgId === o.id)!)
    .filter(Boolean);
  const myPending = project.myCoordinatedOrgs.filter((o) => o.state === "requested");
  const canLeave = project.myCoordinatedOrgs.filter((o) => o.state === "active" && o.role === "partner");
  const age = ageText(project.ageFrom, project.ageTo);
  const period = periodText(project.periodStart, project.periodEnd);
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader
        title={project.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={project.status === "idea" ? "amber" : project.status === "completed" ? "green" : "brand"}>
              {PROJECT_STATUS_LABELS[project.status]}
            </Badge>
            {lead ? <span>Leitung: {lead.orgName}</span> : null}
          </span>
        }
        actions={project.inWorkspace ? <ButtonLink to={`/projekte/${project.id}/arbeitsraum`}>Zum Arbeitsraum</ButtonLink> : null}
      />
      {project.hide ? <SozialdatenHiddenNotice hideId={project.hide.id} canRevise={project.isLead} /> : null}
      {project.status === "completed" && project.summary ? (
        <Card className="space-y-2 border-green-200">
          <h2 className="text-lg font-semibold text-slate-900">Steckbrief</h2>
          <p className="whitespace-pre-line text-slate-900">{project.summary}</p>
        </Card>
      ) : null}
      <Card>
        <dl className="space-y-3">
          <Detail label="Ziel">{project.goal}</Detail>
          {project.targetGroup || age ? <Detail label="Zielgruppe">{[project.targetGroup, age].filter(Boolean).join(" · ")}</Detail> : null}
          {project.hilfearten.length > 0 ? <Detail label="Hilfearten">{project.hilfearten.map((h) => h.label).join(", ")}</Detail> : null}
          {project.gemeinden.length > 0 ? <Detail label="Gemeinden">{project.gemeinden.map((g) => g.name).join(", ")}</Detail> : null}
          {period ? <Detail label="Zeitraum">{period}</Detail> : null}
          {project.funding ? <Detail label="Finanzierungsidee">{project.funding}</Detail> : null}
          {project.wanted ? <Detail label="Gesucht">{project.wanted}</Detail> : null}
          {project.statusReason && project.status === "abandoned" ? <Detail label="Grund">{project.statusReason}</Detail> : null}
        </dl>
      </Card>
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">Beteiligte Träger</h2>
        <ul className="space-y-1" aria-label="Beteiligte Träger">
          {active.map((p) => (
            <li key={p.orgId} className="flex flex-wrap items-center gap-2">
              <Link to={`/traeger/${p.orgSlug}`} className={linkClass}>
                {p.orgName}
              </Link>
              <Badge tone={p.role === "lead" ? "brand" : "slate"}>{p.role === "lead" ? "Leitung" : "Partner"}</Badge>
            </li>
          ))}
        </ul>
        {project.inWorkspace
          ? project.partners
              .filter((p) => p.status !== "active")
              .map((p) => (
                <p key={p.orgId} className="text-sm text-slate-600">
                  {p.orgName}: {PARTNER_STATE[p.status]}
                </p>
              ))
          : null}
        {myPending.map((o) => (
          <p key={o.id} className="text-sm text-slate-700" role="status">
            Ihre Anfrage für {o.name} liegt der Projektleitung vor.
          </p>
        ))}
      </Card>
      {project.isLead && requests.length > 0 ? (
        <Card className="space-y-4">
          <h2 className="text-lg font-semibold text-slate-900">Anfragen „Wir machen mit“</h2>
          {requests.map((r) => (
            <div key={r.orgId} className="space-y-2 border-t border-slate-100 pt-3 first:border-0 first:pt-0">
              <p className="font-semibold text-slate-900">{r.orgName}</p>
              {r.message ? <p className="whitespace-pre-line text-slate-700">„{r.message}“</p> : null}
              <DecisionForm partner={r} intent="decide" />
            </div>
          ))}
        </Card>
      ) : null}
      {invitations.map((inv) => (
        <Card key={inv.orgId} className="space-y-2">
          <h2 className="text-lg font-semibold text-slate-900">Einladung für {inv.orgName}</h2>
          {inv.message ? <p className="whitespace-pre-line text-slate-700">„{inv.message}“</p> : null}
          <DecisionForm partner={inv} intent="answer" />
        </Card>
      ))}
      <JoinForm />
      {project.isLead ? <LeadTools /> : null}
      {canLeave.length > 0 && ["idea", "running"].includes(project.status) ? (
        <Card className="space-y-2">
          <h2 className="text-lg font-semibold text-slate-900">Aussteigen</h2>
          {canLeave.map((o) => (
            <LeaveForm key={o.id} orgId={o.id} orgName={o.name} />
          ))}
        </Card>
      ) : null}
      {!project.inWorkspace && !project.hide ? (
        <SozialdatenReport subjectType="project" subjectId={project.id} coordinator={project.coordinatesCircle} />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
