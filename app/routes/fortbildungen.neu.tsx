// /fortbildungen/neu — owners, admins and coordinators of a Träger in a circle organise a
// training: saved as a draft (only the organising Träger sees it) or published to the circle at
// once. The row, its sessions and co-organizers are written in one transaction; a refusal of the
// database shows at the field it concerns and writes nothing.
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { createTraining, loadTrainingFormData, TRAINING_FIELDS } from "~/.server/trainings/editor";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TrainingForm } from "~/components/trainings/training-form";
import { PageHeader } from "~/components/ui/layout";
import { paths } from "~/utils/links";
import { TrainingFormSchema } from "~/validation/trainings";
import { oncePerForm } from "~/.server/forms/idempotency";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [{ title: "Fortbildung anlegen · Trägerkreis" }];

const NOT_ALLOWED =
  "Fortbildungen anlegen können Inhaber:innen, Administrator:innen und Koordinator:innen eines Trägers, der einem Kreis angehört.";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const options = await loadTrainingFormData(user);
  if (options.organizers.length === 0) throw new Response(NOT_ALLOWED, { status: 403 });
  return { options, constraint: getZodConstraint(TrainingFormSchema) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: TrainingFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const publish = formData.get("intent") === "publish";
  let id: string;
  try {
    id = await oncePerForm(formData, "training.create", () => createTraining(user, submission.value, publish));
  } catch (error) {
    return { result: replyToRefusal(submission, error, TRAINING_FIELDS) };
  }
  return redirectWithToast(
    paths.training(id),
    publish
      ? { title: "Fortbildung veröffentlicht.", description: "Der Kreis sieht sie jetzt und kann sich anmelden." }
      : { title: "Entwurf gespeichert.", description: "Nur Ihr Träger sieht ihn, bis Sie ihn veröffentlichen." },
  );
}

export default function NewTraining() {
  const { options, constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const first = options.organizers[0]!;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Fortbildung anlegen"
        description="Speichern Sie sie als Entwurf (nur Ihr Träger sieht ihn) oder veröffentlichen Sie sie gleich für den Kreis."
      />
      <TrainingForm
        id="training-new"
        action={paths.newTraining}
        lastResult={actionData?.result}
        mode="new"
        lead
        options={options}
        constraint={constraint}
        defaults={{
          orgId: first.orgId,
          networkId: first.networkId,
          sessions: [{ date: "", start: "09:00", end: "16:00" }],
          offerHours: "48",
        }}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
