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
import { errorsOf, valueOf } from "~/components/meetings/meeting-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { FormKeyField } from "~/components/ui/form-key";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { gemeindeOptionGroups } from "~/utils/gemeinden";
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
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Terminumfrage starten"
        description="Der Kreis stimmt ab (Ja / wenn nötig / Nein); Sie wählen danach den Termin, und das Treffen wird mit einem Klick angelegt."
      />
      <Form method="post" className="space-y-4" noValidate>
        <FormKeyField />
        <FormMessage errors={errorsOf(result, "")} />
        <Card className="space-y-4">
          <SelectField
            label="Einladender Träger"
            errors={errorsOf(result, "host")}
            selectProps={{
              id: "host",
              name: "host",
              defaultValue: valueOf(result, "host", hosts[0]?.value),
            }}
            options={hosts}
          />
          <Field
            label="Titel"
            errors={errorsOf(result, "title")}
            inputProps={{
              id: "title",
              name: "title",
              defaultValue: valueOf(result, "title", "Kooperationstreffen"),
              maxLength: 200,
            }}
          />
          <TextareaField
            label="Beschreibung (optional)"
            errors={errorsOf(result, "description")}
            textareaProps={{
              id: "description",
              name: "description",
              defaultValue: valueOf(result, "description", ""),
              rows: 3,
            }}
          />
          <Field
            label="Ort (Adresse)"
            hint="Ort oder Online-Link angeben."
            errors={errorsOf(result, "place")}
            inputProps={{
              id: "place",
              name: "place",
              defaultValue: valueOf(result, "place", ""),
              maxLength: 300,
            }}
          />
          <SelectField
            label="Gemeinde"
            selectProps={{
              id: "gemeinde",
              name: "gemeinde",
              defaultValue: valueOf(result, "gemeinde", ""),
            }}
            options={[
              { value: "", label: "— keine Angabe —" },
              ...gemeindeOptionGroups(gemeinden),
            ]}
          />
          <Field
            label="Online-Link (optional)"
            errors={errorsOf(result, "onlineUrl")}
            inputProps={{
              id: "onlineUrl",
              name: "onlineUrl",
              type: "url",
              defaultValue: valueOf(result, "onlineUrl", ""),
            }}
          />
          <Field
            label="Dauer in Minuten"
            errors={errorsOf(result, "durationMinutes")}
            inputProps={{
              id: "durationMinutes",
              name: "durationMinutes",
              type: "number",
              min: 15,
              max: 1440,
              defaultValue: valueOf(result, "durationMinutes", 120),
              inputMode: "numeric",
            }}
          />
          <Field
            label="Abstimmen bis (optional)"
            errors={errorsOf(result, "deadline")}
            inputProps={{
              id: "deadline",
              name: "deadline",
              type: "date",
              defaultValue: valueOf(result, "deadline", ""),
            }}
          />
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
