// /treffen/neu — plan a meeting. With ?nach=<id> ("nächstes Treffen planen") the form starts
// from the last meeting: same host, place, weekday and time four weeks later; the circle's topic
// pool is then on the new meeting's page to schedule.
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { oncePerForm } from "~/.server/forms/idempotency";
import { asUser } from "~/.server/db/request";
import {
  gemeindeOptions,
  hostOptions,
  loadMeeting,
} from "~/.server/meetings/read";
import { saveMeeting } from "~/.server/meetings/write";
import { redirectWithToast } from "~/.server/toast";
import { meetingFormDefaults } from "~/.server/meetings/form-defaults";
import { MeetingForm, type MeetingFormDefaults } from "~/components/meetings/meeting-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/layout";
import { MeetingFormSchema } from "~/validation/meetings";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [
  { title: "Treffen planen · Trägerkreis" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const after = new URL(request.url).searchParams.get("nach");
  return asUser(user, async (tx) => {
    const hosts = await hostOptions(tx, user.id);
    if (hosts.length === 0)
      throw new Response(
        "Treffen planen können die Koordination eines Trägers im Kreis und die Koordination des Kreises.",
        { status: 403 },
      );
    const gemeinden = await gemeindeOptions(tx);
    let defaults: MeetingFormDefaults = {
      host: hosts[0]!.value,
      title: "Kooperationstreffen",
      startTime: "15:00",
      endTime: "17:00",
      guestsWelcome: true,
    };
    const previous = after ? await loadMeeting(tx, user, after) : null;
    if (previous) {
      const next = new Date(previous.startsAt.getTime() + 28 * 86400_000);
      const nextEnd = new Date(previous.endsAt.getTime() + 28 * 86400_000);
      defaults = { ...meetingFormDefaults(previous, next, nextEnd), previousMeetingId: previous.id };
    }
    return {
      hosts: hosts.map(({ value, label }) => ({ value, label })),
      gemeinden,
      defaults,
      series: Boolean(previous),
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: MeetingFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  let id: string;
  try {
    id = await oncePerForm(formData, "meeting.create", () =>
      saveMeeting(user, null, submission.value),
    );
  } catch (error) {
    return { result: replyToRefusal(submission, error) };
  }
  return redirectWithToast(`/treffen/${id}`, {
    title: "Treffen angelegt.",
    description: "Die Einladungen mit Kalenderdatei gehen jetzt an den Kreis.",
  });
}

export default function NewMeeting() {
  const { hosts, gemeinden, defaults, series } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={series ? "Nächstes Treffen planen" : "Treffen planen"}
        description={
          series
            ? "Ort und Uhrzeit sind vom letzten Treffen übernommen; der Themenspeicher steht danach auf der Seite des Treffens."
            : "Der ganze Kreis wird eingeladen, mit Kalenderdatei."
        }
      />
      <MeetingForm defaults={defaults} hosts={hosts} gemeinden={gemeinden} submitLabel="Treffen anlegen und einladen" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
