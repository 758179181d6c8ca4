// /treffen/umfragen/neu — a date poll (Terminumfrage): 2–15 dates, each with or without a start
// time (Berlin wall-clock time), a duration, an optional deadline. The circle is told at once.
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { oncePerForm } from "~/.server/forms/idempotency";
import { asUser } from "~/.server/db/request";
import { gemeindeOptions, hostOptions } from "~/.server/meetings/read";
import { createPoll } from "~/.server/meetings/write";
import { redirectWithToast } from "~/.server/toast";
import { MeetingAboutFields, MeetingPlaceFields, valueOf } from "~/components/meetings/meeting-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { FormKeyField } from "~/components/ui/form-key";
import { Field } from "~/components/ui/field";
import { answerErrors } from "~/components/ui/intent-form";
import { Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { NumberField, PlainField } from "~/components/ui/plain-field";
import { POLL_MAX_OPTIONS } from "~/i18n/meetings";
import { PollFormSchema, parsePollOptions } from "~/validation/meetings";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [
  { title: "Terminumfrage starten · Trägerkreis" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return asUser(user, async (tx) => {
    const hosts = await hostOptions(tx, user.id);
    if (hosts.length === 0)
      throw new Response(
        "Terminumfragen starten können die Koordination eines Trägers im Kreis und die Koordination des Kreises.",
        { status: 403 },
      );
    return {
      hosts: hosts.map(({ value, label }) => ({ value, label })),
      gemeinden: await gemeindeOptions(tx),
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: PollFormSchema });
  const { options, error } = parsePollOptions(formData);
  if (submission.status !== "success") return { result: submission.reply() };
  if (error) return { result: submission.reply({ formErrors: [error] }) };
  let id: string;
  try {
    id = await oncePerForm(formData, "meeting.poll.create", () =>
      createPoll(user, submission.value, options),
    );
  } catch (e) {
    return { result: replyToRefusal(submission, e) };
  }
  return redirectWithToast(`/treffen/umfragen/${id}`, {
    title: "Terminumfrage gestartet.",
    description: "Der Kreis ist benachrichtigt.",
  });
}

export default function NewPoll() {
  const { hosts, gemeinden } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const busy = useNavigation().state !== "idle";
  const rows = Array.from({ length: 5 }, (_, i) => i);
  const fallback: Record<string, string | undefined> = { host: hosts[0]?.value, title: "Kooperationstreffen" };
  const value = (name: string) => valueOf(result, name, fallback[name]);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Terminumfrage starten"
        description="Der Kreis stimmt ab (Ja / wenn nötig / Nein); Sie wählen danach den Termin, und das Treffen wird mit einem Klick angelegt."
      />
      <Form method="post" className="space-y-4" noValidate>
        <FormKeyField />
        <FormMessage errors={answerErrors(result, "")} />
        <Card className="space-y-4">
          <MeetingAboutFields answer={result} value={value} hosts={hosts} descriptionRows={3} />
          <MeetingPlaceFields answer={result} value={value} gemeinden={gemeinden} placeHint="Ort oder Online-Link angeben." />
          <NumberField
            label="Dauer in Minuten"
            answer={result}
            id="durationMinutes"
            name="durationMinutes"
            min={15}
            max={1440}
            defaultValue={valueOf(result, "durationMinutes", 120)}
          />
          <PlainField label="Abstimmen bis (optional)" answer={result} id="deadline" name="deadline" type="date" defaultValue={value("deadline")} />
        </Card>
        <Card className="space-y-3">
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold text-slate-900">
              Terminvorschläge
            </legend>
            <p className="text-sm text-slate-600">
              2 bis {POLL_MAX_OPTIONS} Termine; die Uhrzeit gilt in deutscher
              Zeit und kann offen bleiben. Leere Zeilen zählen nicht.
            </p>
            {rows.map((i) => (
              <div key={i} className="grid grid-cols-2 gap-2">
                <Field
                  label={`Datum ${i + 1}`}
                  inputProps={{
                    id: `optionDay-${i}`,
                    name: "optionDay",
                    type: "date",
                  }}
                />
                <Field
                  label={`Beginn ${i + 1}`}
                  inputProps={{
                    id: `optionTime-${i}`,
                    name: "optionTime",
                    type: "time",
                  }}
                />
              </div>
            ))}
          </fieldset>
        </Card>
        <Button type="submit" disabled={busy}>
          Umfrage starten
        </Button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
