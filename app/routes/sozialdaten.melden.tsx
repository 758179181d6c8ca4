// POST /sozialdaten/melden — "Enthält Sozialdaten melden": the text is hidden at once (the
// database decides who may report what); back to the list, since the text is gone for the reporter.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { requireUser } from "~/.server/auth/session";
import { userMessageFor } from "~/.server/db/errors";
import { reportSozialdaten } from "~/.server/sozialdaten-hides";
import { redirectWithToast } from "~/.server/toast";
import { SozialdatenReportSchema } from "~/validation/sozialdaten";

export async function loader() {
  return redirect("/");
}

function listFor(subjectType: string): string {
  if (subjectType === "project" || subjectType === "project_update") return "/projekte";
  return subjectType === "training" ? "/fortbildungen" : "/vertretungen";
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SozialdatenReportSchema });
  const back = listFor(String(formData.get("subjectType") ?? ""));
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flat().filter(Boolean) as string[];
    return redirectWithToast(back, { type: "error", title: "Nicht gemeldet.", description: errors.join(" ") || undefined });
  }
  try {
    await reportSozialdaten(user, submission.value);
  } catch (error) {
    const message = userMessageFor(error);
    if (!message) throw error;
    return redirectWithToast(back, { type: "error", title: "Nicht gemeldet.", description: message });
  }
  return redirectWithToast(back, {
    title: "Danke – der Text ist ausgeblendet.",
    description: "Andere Träger sehen ihn nicht mehr. Der Träger wird benachrichtigt und muss ihn überarbeiten.",
  });
}
