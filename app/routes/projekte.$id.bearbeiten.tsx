// /projekte/<id>/bearbeiten — the lead edits the idea (and publishes a draft).
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { asUserReadOnly } from "~/.server/db/request";
import { refusalReply } from "~/.server/meetings/forms";
import { loadProject, projectFormOptions } from "~/.server/projects/read";
import { saveProject } from "~/.server/projects/write";
import { redirectWithToast } from "~/.server/toast";
import { ProjectForm } from "~/components/projects/project-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/layout";
import { invariantResponse } from "~/utils/invariant";
import { ProjectFormSchema } from "~/validation/projects";

export const meta: MetaFunction = () => [{ title: "Projektidee bearbeiten · Trägerkreis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return asUserReadOnly(user, async (tx) => {
    const project = await loadProject(tx, user, params.id ?? "");
    invariantResponse(project && project.isLead, "Nicht gefunden", { status: 404 });
    const lead = project.partners.find((p) => p.role === "lead")!;
    return { project, lead: { value: `${project.networkId}:${lead.orgId}`, label: lead.orgName }, ...(await projectFormOptions(tx)) };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ProjectFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  try {
    await saveProject(user, id, submission.value);
  } catch (error) {
    return { result: refusalReply(submission, error) };
  }
  return redirectWithToast(`/projekte/${id}`, { title: "Gespeichert." });
}

export default function EditProject() {
  const { project, lead, hilfearten, gemeinden } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Projektidee bearbeiten" />
      <ProjectForm
        result={actionData?.result}
        defaults={{
          lead: lead.value,
          title: project.title,
          goal: project.goal,
          targetGroup: project.targetGroup,
          ageFrom: project.ageFrom,
          ageTo: project.ageTo,
          hilfearten: project.hilfearten.map((h) => h.code),
          gemeinden: project.gemeinden.map((g) => g.code),
          periodStart: project.periodStart,
          periodEnd: project.periodEnd,
          funding: project.funding,
          wanted: project.wanted,
        }}
        leads={[lead]}
        hilfearten={hilfearten}
        gemeinden={gemeinden}
        isDraft={project.status === "draft"}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
