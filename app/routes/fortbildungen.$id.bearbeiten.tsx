// /fortbildungen/:id/bearbeiten — the organizers change a draft or a published training. The
// database checks every change against what already happened (capacity below the seats taken,
// deadlines after the first session, a contingent below a Träger's seats …); its refusals appear
// at the field and nothing is saved. Only organizers see this page (404 for everyone else).
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { asUser } from "~/.server/db/request";
import { readCoOrganizers, readSessions, readTraining } from "~/.server/trainings/detail";
import { loadTrainingFormData, updateTraining, TRAINING_FIELDS } from "~/.server/trainings/editor";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TrainingForm, type TrainingFormDefaults } from "~/components/trainings/training-form";
import { PageHeader } from "~/components/ui/layout";
import { euroPlain } from "~/i18n/trainings";
import { berlinDateTimeLocal, berlinParts } from "~/utils/berlin-time";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";
import { TrainingFormSchema, TrainingIdSchema } from "~/validation/trainings";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Bearbeiten: ${data.title} · Trägerkreis` : "Fortbildung bearbeiten · Trägerkreis" },
];

async function editable(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  invariantResponse(TrainingIdSchema.safeParse(id).success, "Nicht gefunden");
  const trainingId = id!;
  const loaded = await asUser(user, async (tx) => {
    const training = await readTraining(tx, trainingId);
    if (!training?.isOrganizer) return null;
    return { training, sessions: await readSessions(tx, trainingId), coOrganizers: await readCoOrganizers(tx, trainingId) };
  });
  invariantResponse(loaded, "Nicht gefunden");
  if (loaded.training.status === "cancelled" || loaded.training.status === "held") {
    throw await redirectWithToast(paths.training(trainingId), {
      type: "info",
      title: "Diese Fortbildung ist abgesagt oder abgeschlossen und kann nicht mehr geändert werden.",
    });
  }
  return { user, ...loaded };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, training, sessions, coOrganizers } = await editable(request, params.id);
  const options = await loadTrainingFormData(user);
  const lead = options.organizers.some((o) => o.orgId === training.orgId);
  const number = (n: number | null) => (n === null ? undefined : String(n));
  const defaults: TrainingFormDefaults = {
    orgId: training.orgId,
    networkId: training.networkId,
    title: training.title,
    description: training.description || undefined,
    topic: training.topic,
    audience: training.audience,
    speaker: training.speaker || undefined,
    sessions: sessions.map((s) => ({
      date: berlinParts(s.startsAt).date,
      start: berlinParts(s.startsAt).time,
      end: berlinParts(s.endsAt).time,
    })),
    place: training.place ?? undefined,
    gemeinde: training.gemeinde ?? undefined,
    onlineUrl: training.onlineUrl ?? undefined,
    capacity: String(training.capacity),
    minParticipants: number(training.minParticipants),
    goNoGoDate: training.goNoGoDate ?? undefined,
    fee: training.feeCents > 0 ? euroPlain(training.feeCents) : undefined,
    registrationDeadline: training.registrationDeadline ? berlinDateTimeLocal(training.registrationDeadline) : undefined,
    cancellationDeadline: training.cancellationDeadline ? berlinDateTimeLocal(training.cancellationDeadline) : undefined,
    defaultContingent: number(training.defaultContingent),
    contingentReleaseAt: training.contingentReleaseAt ? berlinDateTimeLocal(training.contingentReleaseAt) : undefined,
    needsOrgApproval: training.needsOrgApproval,
    needsOrganizerApproval: training.needsOrganizerApproval,
    offerHours: String(training.offerHours),
    teachingUnits: training.teachingUnits === null ? undefined : String(training.teachingUnits).replace(".", ","),
    coOrganizers: coOrganizers.map((c) => c.orgId),
  };
  if (defaults.sessions.length === 0) defaults.sessions = [{ date: "", start: "09:00", end: "16:00" }];
  return {
    id: training.id,
    title: training.title,
    status: training.status,
    orgName: training.orgName,
    lead,
    defaults,
    options,
    constraint: getZodConstraint(TrainingFormSchema),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, training } = await editable(request, params.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: TrainingFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const publish = formData.get("intent") === "publish" && training.status === "draft";
  const options = await loadTrainingFormData(user);
  const lead = options.organizers.some((o) => o.orgId === training.orgId);
  // The organising Träger and circle stay what they are.
  const value = { ...submission.value, orgId: training.orgId, networkId: training.networkId };
  try {
    const saved = await updateTraining(user, training.id, value, { publish, lead });
    invariantResponse(saved, "Nicht gefunden");
  } catch (error) {
    if (error instanceof Response) throw error;
    return { result: replyToRefusal(submission, error, TRAINING_FIELDS) };
  }
  return redirectWithToast(
    paths.training(training.id),
    publish ? { title: "Fortbildung veröffentlicht.", description: "Der Kreis sieht sie jetzt und kann sich anmelden." } : { title: "Änderungen gespeichert." },
  );
}

export default function EditTraining() {
  const { id, title, status, orgName, lead, defaults, options, constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Fortbildung bearbeiten"
        description={
          <>
            <span className="font-semibold text-slate-800">{title}</span> · {orgName}
            {status === "published" ? " · Angemeldete werden über geänderte Termine nicht automatisch benachrichtigt." : null}
          </>
        }
      />
      <TrainingForm
        id={`training-edit-${id}`}
        action={paths.editTraining(id)}
        lastResult={actionData?.result}
        mode={status === "published" ? "published" : "draft"}
        lead={lead}
        options={options}
        constraint={constraint}
        defaults={defaults}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
