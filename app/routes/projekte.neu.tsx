// /projekte/neu — a coordinator (or admin, owner) of a Träger writes a project idea: as a draft
// inside the Träger, or published to the circle.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { asUserReadOnly } from "~/.server/db/request";
import { oncePerForm } from "~/.server/forms/idempotency";
import { refusalReply } from "~/.server/meetings/forms";
import { leadOptions, projectFormOptions } from "~/.server/projects/read";
import { saveProject } from "~/.server/projects/write";
import { redirectWithToast } from "~/.server/toast";
import { ProjectForm } from "~/components/projects/project-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/layout";
import { ProjectFormSchema } from "~/validation/projects";

export const meta: MetaFunction = () => [{ title: "Projektidee anlegen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return asUserReadOnly(user, async (tx) => {
    const leads = await leadOptions(tx, user.id);
    if (leads.length === 0)
      throw new Response("Projektideen anlegen können Koordination, Admins und Inhaber:innen eines Trägers im Kreis.", { status: 403 });
    return { leads, ...(await projectFormOptions(tx)) };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ProjectFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  let id: string;
  try {
    id = await oncePerForm(formData, "project.create", () => saveProject(user, null, submission.value));
  } catch (error) {
    return { result: refusalReply(submission, error) };
  }
  return redirectWithToast(`/projekte/${id}`, {
    title: submission.value.publish ? "Projektidee veröffentlicht." : "Entwurf gespeichert.",
    description: submission.value.publish ? "Der Kreis sieht die Idee jetzt unter „Projekte“." : "Nur Ihr Träger sieht den Entwurf.",
  });
}

export default function NewProject() {
  const { leads, hilfearten, gemeinden } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Projektidee anlegen" description="Andere Träger im Kreis können mitmachen. Die Arbeit im Projekt sehen nur die Partner." />
      <ProjectForm result={actionData?.result} defaults={{ lead: leads[0]!.value }} leads={leads} hilfearten={hilfearten} gemeinden={gemeinden} isDraft />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
