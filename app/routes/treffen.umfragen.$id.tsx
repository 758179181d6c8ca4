// /treffen/umfragen/:id — vote (Ja / wenn nötig / Nein per date), see who voted what within the
// circle, and, for the hosts, close the poll with the chosen date: the meeting is created and the
// invitations go out in the same transaction.
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireUser } from "~/.server/auth/session";
import { replyToRefusal } from "~/.server/forms/reply";
import { pollDetail } from "~/.server/meetings/read";
import { closePoll, votePoll } from "~/.server/meetings/write";
import { redirectWithToast } from "~/.server/toast";
import { parseWithZod } from "@conform-to/zod/v4";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import {
  IntentForm,
  answerErrors,
  useAnswerFor,
} from "~/components/ui/intent-form";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import {
  POLL_ANSWER_LABELS,
  pollOptionText,
  shortDayText,
} from "~/i18n/meetings";
import { invariantResponse } from "~/utils/invariant";
import { ClosePollSchema } from "~/validation/meetings";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.poll.title} · Terminumfrage · Trägerkreis`
      : "Nicht gefunden · Trägerkreis",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const poll = await pollDetail(user, params.id ?? "");
  invariantResponse(poll, "Nicht gefunden", { status: 404 });
  return { poll };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "vote") {
    const submission = parseWithZod(formData, {
      schema: z.object({}).passthrough(),
    });
    const votes: Record<string, string> = {};
    for (const [key, value] of formData.entries()) {
      if (key.startsWith("vote_") && typeof value === "string" && value)
        votes[key.slice(5)] = value;
    }
    if (Object.keys(votes).length === 0)
      return {
        formId: "vote",
        result: submission.reply({
          formErrors: ["Bitte stimmen Sie für mindestens einen Termin ab."],
        }),
      };
    try {
      await votePoll(user, id, votes);
    } catch (error) {
      return {
        formId: "vote",
        result: replyToRefusal(submission, error),
      };
    }
    return redirectWithToast(`/treffen/umfragen/${id}`, {
      title: "Stimme gespeichert.",
    });
  }
  const submission = parseWithZod(formData, { schema: ClosePollSchema });
  if (submission.status !== "success")
    return { formId: "close", result: submission.reply() };
  let meetingId: string;
  try {
    meetingId = await closePoll(
      user,
      id,
      submission.value.optionId,
      submission.value.startTime,
    );
  } catch (error) {
    return {
      formId: "close",
      result: replyToRefusal(submission, error),
    };
  }
  return redirectWithToast(`/treffen/${meetingId}`, {
    title: "Termin festgelegt.",
    description:
      "Das Treffen ist angelegt, die Einladungen gehen an den Kreis.",
  });
}

export default function PollPage() {
  const { poll } = useLoaderData<typeof loader>();
  const close = useAnswerFor("close");
  const voters = [...new Map(poll.votes.map((v) => [v.userId, v])).values()];
  const best = Math.max(0, ...poll.options.map((o) => o.ja * 2 + o.wennNoetig));
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={poll.title}
        description={`Terminumfrage von ${poll.hostName}${poll.deadline ? ` · abstimmen bis ${shortDayText(poll.deadline)}` : ""} · ${poll.durationMinutes} Minuten`}
      />
      {poll.status === "closed" ? (
        <Card className="border-green-300 bg-green-50">
          <p className="font-semibold">Die Umfrage ist abgeschlossen.</p>
          {poll.meetingId ? (
            <Link
              className="font-semibold text-brand-800 underline"
              to={`/treffen/${poll.meetingId}`}
            >
              Zum Treffen
            </Link>
          ) : null}
        </Card>
      ) : null}
      {poll.description ? (
        <p className="whitespace-pre-line">{poll.description}</p>
      ) : null}
      {poll.open ? (
        <Card>
          <IntentForm formId="vote" intent="vote" className="space-y-3">
            {poll.options.map((o) => (
              <fieldset key={o.id} className="border-b border-slate-100 pb-2">
                <legend className="font-medium">
                  {pollOptionText(o.day, o.startTime)}
                </legend>
                <div className="mt-1 grid grid-cols-3 gap-2">
                  {(["ja", "wenn_noetig", "nein"] as const).map((answer) => (
                    <label
                      key={answer}
                      className="flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 px-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
                    >
                      <input
                        type="radio"
                        name={`vote_${o.id}`}
                        value={answer}
                        defaultChecked={poll.myVotes[o.id] === answer}
                        className="accent-brand-700"
                      />
                      {POLL_ANSWER_LABELS[answer]}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <Button type="submit">Abstimmen</Button>
          </IntentForm>
        </Card>
      ) : null}
      <section aria-labelledby="stand" className="space-y-2">
        <h2 id="stand" className="text-lg font-semibold">
          Stand der Abstimmung
        </h2>
        <div
          className="overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label="Stimmen je Termin"
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Stimmen je Termin</caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2 pr-2">
                  Termin
                </th>
                <th scope="col" className="px-2">
                  Ja
                </th>
                <th scope="col" className="px-2">
                  Wenn nötig
                </th>
                <th scope="col" className="px-2">
                  Nein
                </th>
              </tr>
            </thead>
            <tbody>
              {poll.options.map((o) => (
                <tr key={o.id} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-2 font-medium">
                    {pollOptionText(o.day, o.startTime)}{" "}
                    {o.ja * 2 + o.wennNoetig === best && best > 0 ? (
                      <Badge tone="green">beliebt</Badge>
                    ) : null}
                    {poll.chosenOptionId === o.id ? (
                      <Badge tone="brand">gewählt</Badge>
                    ) : null}
                  </th>
                  <td className="px-2">{o.ja}</td>
                  <td className="px-2">{o.wennNoetig}</td>
                  <td className="px-2">{o.nein}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {voters.length > 0 ? (
          <details className="rounded-lg border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium">
              Wer hat wie abgestimmt ({voters.length})
            </summary>
            <ul className="mt-2 space-y-1 text-sm">
              {voters.map((v) => (
                <li key={v.userId}>
                  {v.fullName ?? "—"} ({v.orgName}):{" "}
                  {poll.options
                    .map((o) => {
                      const vote = poll.votes.find(
                        (x) => x.userId === v.userId && x.optionId === o.id,
                      );
                      return vote
                        ? `${pollOptionText(o.day, o.startTime)}: ${POLL_ANSWER_LABELS[vote.answer]}`
                        : null;
                    })
                    .filter(Boolean)
                    .join(" · ")}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      {poll.isHost && poll.status === "open" ? (
        <Card>
          <h2 className="text-lg font-semibold">Umfrage abschließen</h2>
          <IntentForm
            formId="close"
            intent="close"
            visible={["optionId", "startTime"]}
            className="mt-2 space-y-3"
          >
            <fieldset>
              <legend className="text-sm font-medium">Termin</legend>
              {poll.options.map((o) => (
                <label key={o.id} className="flex min-h-11 items-center gap-2">
                  <input
                    type="radio"
                    name="optionId"
                    value={o.id}
                    className="accent-brand-700"
                  />
                  {pollOptionText(o.day, o.startTime)}
                </label>
              ))}
              {answerErrors(close, "optionId") ? (
                <p className="text-sm text-red-700">
                  {answerErrors(close, "optionId")}
                </p>
              ) : null}
            </fieldset>
            <Field
              label="Beginn (nur für Termine ohne Uhrzeit)"
              errors={answerErrors(close, "startTime")}
              inputProps={{
                id: "close-start",
                name: "startTime",
                type: "time",
              }}
            />
            <Button type="submit">Termin festlegen und einladen</Button>
          </IntentForm>
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
