// /treffen/:id/bearbeiten — the hosts change a meeting. A new time or place raises the calendar
// SEQUENCE and mails everyone who has not declined an update with the calendar file.
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { asUser } from "~/.server/db/request";
import {
  gemeindeOptions,
  hostOptions,
  loadMeeting,
} from "~/.server/meetings/read";
import { saveMeeting } from "~/.server/meetings/write";
import { redirectWithToast } from "~/.server/toast";
import { meetingFormDefaults } from "~/.server/meetings/form-defaults";
import { MeetingForm } from "~/components/meetings/meeting-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/layout";
import { berlinParts } from "~/utils/berlin-time";
import { invariantResponse } from "~/utils/invariant";
import { MeetingFormSchema } from "~/validation/meetings";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [
  { title: "Treffen bearbeiten · Trägerkreis" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return asUser(user, async (tx) => {
    const meeting = await loadMeeting(tx, user, params.id ?? "");
    invariantResponse(
      meeting && meeting.isHost && meeting.status === "planned",
      "Nicht gefunden",
      { status: 404 },
    );
    const hosts = (await hostOptions(tx, user.id)).filter(
      (h) => h.networkId === meeting.networkId,
    );
    const current = `${meeting.networkId}:${meeting.hostOrgId}`;
    if (!hosts.some((h) => h.value === current))
      hosts.unshift({
        value: current,
        label: meeting.hostName,
        networkId: meeting.networkId,
        orgId: meeting.hostOrgId,
      });
    return {
      id: meeting.id,
      title: meeting.title,
      hosts: hosts.map(({ value, label }) => ({ value, label })),
      gemeinden: await gemeindeOptions(tx),
      defaults: {
        ...meetingFormDefaults(meeting, meeting.startsAt, meeting.endsAt),
        registrationDeadline: meeting.registrationDeadline ? berlinParts(meeting.registrationDeadline).date : null,
      },
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), {
    schema: MeetingFormSchema,
  });
  if (submission.status !== "success") return { result: submission.reply() };
  try {
    await saveMeeting(user, params.id ?? "", submission.value);
  } catch (error) {
    return { result: replyToRefusal(submission, error) };
  }
  return redirectWithToast(`/treffen/${params.id}`, {
    title: "Treffen gespeichert.",
    description:
      "Bei neuer Zeit oder neuem Ort bekommen alle eine aktualisierte Kalenderdatei.",
  });
}

export default function EditMeeting() {
  const { title, hosts, gemeinden, defaults } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={`${title} bearbeiten`} />
      <MeetingForm defaults={defaults} hosts={hosts} gemeinden={gemeinden} submitLabel="Speichern" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
