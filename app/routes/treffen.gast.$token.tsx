// /treffen/gast/:token — a guest's page, without an account: their meeting (time, place, agenda,
// approved minutes) and their answer, through the token from their mail. Runs as anon through
// public.guest_meeting / public.guest_rsvp; never shows names of members or other guests.
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { guestRsvp, guestView } from "~/.server/meetings/write";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RsvpChoice } from "~/components/meetings/rsvp-choice";
import { Button } from "~/components/ui/button";
import { answerErrors } from "~/components/ui/intent-form";
import { PlainField } from "~/components/ui/plain-field";
import { Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { RSVP_LABELS, meetingWhen, whereText } from "~/i18n/meetings";
import { invariantResponse } from "~/utils/invariant";
import { RsvpSchema } from "~/validation/meetings";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [
  { title: "Ihre Einladung · Trägerkreis" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const view = await guestView(params.token ?? "");
  invariantResponse(view, "Dieser Link ist ungültig oder abgelaufen.", {
    status: 404,
  });
  return { view };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const view = await guestView(token);
  invariantResponse(view, "Dieser Link ist ungültig oder abgelaufen.", {
    status: 404,
  });
  const submission = parseWithZod(await request.formData(), {
    schema: RsvpSchema,
  });
  if (submission.status !== "success") return { result: submission.reply() };
  try {
    await guestRsvp(
      token,
      view.meeting.meetingId,
      submission.value.answer,
      submission.value.comment,
    );
  } catch (error) {
    return { result: replyToRefusal(submission, error) };
  }
  return redirectWithToast(`/treffen/gast/${token}`, {
    title: "Danke für Ihre Rückmeldung.",
  });
}

export default function GuestPage() {
  const { view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const m = view.meeting;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title={m.title}
        description={
          <>
            <span className="block">{meetingWhen(m.startsAt, m.endsAt)}</span>
            <span className="block">
              {whereText(m)} · eingeladen von {m.hostName} ({m.networkName})
            </span>
          </>
        }
      />
      {m.status === "cancelled" ? (
        <Card className="border-red-300 bg-red-50">
          <p className="font-semibold">Dieses Treffen ist abgesagt.</p>
          {m.cancelReason ? <p>{m.cancelReason}</p> : null}
        </Card>
      ) : null}
      {m.description ? (
        <p className="whitespace-pre-line">{m.description}</p>
      ) : null}
      <Card>
        <p className="mb-2">
          Guten Tag {view.guestName}
          {view.guestOrg ? ` (${view.guestOrg})` : ""}, Ihre Rückmeldung:{" "}
          <strong>
            {view.answer ? RSVP_LABELS[view.answer] : "noch keine"}
          </strong>
        </p>
        {m.status === "planned" &&
        new Date(m.startsAt).getTime() > Date.now() ? (
          <Form method="post" className="space-y-3">
            <FormMessage errors={result?.error?.[""]} />
            <RsvpChoice legend="Kommen Sie?" answer={view.answer} errors={answerErrors(result, "answer")} />
            <PlainField label="Kommentar (optional)" answer={result} id="comment" name="comment" defaultValue={view.comment ?? ""} maxLength={500} />
            <Button type="submit">Rückmeldung speichern</Button>
          </Form>
        ) : null}
      </Card>
      {view.agenda.length ? (
        <section aria-labelledby="tagesordnung">
          <h2 id="tagesordnung" className="text-lg font-semibold">
            Tagesordnung
          </h2>
          <ol className="list-inside list-decimal space-y-1">
            {view.agenda.map((a, i) => (
              <li key={i}>
                {a.title}
                {a.presenter ? ` (${a.presenter})` : ""}
                {a.minutes ? ` · ${a.minutes} Min.` : ""}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
