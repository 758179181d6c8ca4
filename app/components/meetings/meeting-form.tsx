// Create and edit a meeting: host Träger, title, description, place (with Gemeinde) and/or an
// online link, date with start and end (Berlin), optional registration deadline and capacity.
import type { SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { FormKeyField } from "~/components/ui/form-key";
import {
  CheckboxField,
  Field,
  SelectField,
  TextareaField,
} from "~/components/ui/field";
import { Card, FormMessage } from "~/components/ui/layout";
import { gemeindeOptionGroups } from "~/utils/gemeinden";

export type MeetingFormDefaults = {
  host?: string;
  title?: string;
  description?: string;
  place?: string | null;
  gemeinde?: string | null;
  onlineUrl?: string | null;
  date?: string;
  startTime?: string;
  endTime?: string;
  registrationDeadline?: string | null;
  capacity?: number | null;
  guestsWelcome?: boolean;
  previousMeetingId?: string | null;
};

export function errorsOf(
  result: SubmissionResult<string[]> | undefined,
  name: string,
) {
  return result?.error?.[name] ?? undefined;
}

export function valueOf(
  result: SubmissionResult<string[]> | undefined,
  name: string,
  fallback: string | number | null | undefined,
): string {
  const sent = (result?.initialValue as Record<string, unknown> | undefined)?.[
    name
  ];
  if (typeof sent === "string") return sent;
  return fallback === null || fallback === undefined ? "" : String(fallback);
}

export function MeetingForm({
  result,
  defaults,
  hosts,
  gemeinden,
  submitLabel,
}: {
  result: SubmissionResult<string[]> | undefined;
  defaults: MeetingFormDefaults;
  hosts: Array<{ value: string; label: string }>;
  gemeinden: Array<{ code: string; name: string; kreis: string }>;
  submitLabel: string;
}) {
  const busy = useNavigation().state !== "idle";
  const v = (name: keyof MeetingFormDefaults) =>
    valueOf(result, name, defaults[name] as string | number | null | undefined);
  return (
    <Form method="post" className="space-y-4" noValidate>
      {/* The create action writes once per key (double click); the edit action ignores it. */}
      <FormKeyField />
      {defaults.previousMeetingId ? (
        <input
          type="hidden"
          name="previousMeetingId"
          value={defaults.previousMeetingId}
        />
      ) : null}
      <FormMessage errors={errorsOf(result, "")} />
      <Card className="space-y-4">
        <SelectField
          label="Einladender Träger"
          errors={errorsOf(result, "host")}
          selectProps={{ id: "host", name: "host", defaultValue: v("host") }}
          options={hosts}
        />
        <Field
          label="Titel"
          errors={errorsOf(result, "title")}
          inputProps={{
            id: "title",
            name: "title",
            defaultValue: v("title"),
            maxLength: 200,
            required: true,
          }}
        />
        <TextareaField
          label="Beschreibung (optional)"
          hint="Worum es geht, was mitzubringen ist. Keine Sozialdaten."
          errors={errorsOf(result, "description")}
          textareaProps={{
            id: "description",
            name: "description",
            defaultValue: v("description"),
            rows: 4,
          }}
        />
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">Wann</h2>
        <Field
          label="Datum"
          errors={errorsOf(result, "date")}
          inputProps={{
            id: "date",
            name: "date",
            type: "date",
            defaultValue: v("date"),
            required: true,
          }}
        />
        <div className="grid grid-cols-2 gap-3">
          <Field
            label="Beginn"
            errors={errorsOf(result, "startTime")}
            inputProps={{
              id: "startTime",
              name: "startTime",
              type: "time",
              defaultValue: v("startTime"),
              required: true,
            }}
          />
          <Field
            label="Ende"
            errors={errorsOf(result, "endTime")}
            inputProps={{
              id: "endTime",
              name: "endTime",
              type: "time",
              defaultValue: v("endTime"),
              required: true,
            }}
          />
        </div>
        <Field
          label="Anmeldeschluss (optional)"
          hint="Bis zum Ende dieses Tages sind Zusagen möglich."
          errors={errorsOf(result, "registrationDeadline")}
          inputProps={{
            id: "registrationDeadline",
            name: "registrationDeadline",
            type: "date",
            defaultValue: v("registrationDeadline"),
          }}
        />
        <Field
          label="Plätze (optional)"
          hint="Leer: ohne Begrenzung."
          errors={errorsOf(result, "capacity")}
          inputProps={{
            id: "capacity",
            name: "capacity",
            type: "number",
            min: 1,
            max: 10000,
            inputMode: "numeric",
            defaultValue: v("capacity"),
          }}
        />
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">Wo</h2>
        <Field
          label="Ort (Adresse)"
          errors={errorsOf(result, "place")}
          inputProps={{
            id: "place",
            name: "place",
            defaultValue: v("place"),
            maxLength: 300,
          }}
        />
        <SelectField
          label="Gemeinde"
          errors={errorsOf(result, "gemeinde")}
          selectProps={{
            id: "gemeinde",
            name: "gemeinde",
            defaultValue: v("gemeinde"),
          }}
          options={[
            { value: "", label: "— keine Angabe —" },
            ...gemeindeOptionGroups(gemeinden),
          ]}
        />
        <Field
          label="Online-Link (optional)"
          hint="Beginnt mit https://"
          errors={errorsOf(result, "onlineUrl")}
          inputProps={{
            id: "onlineUrl",
            name: "onlineUrl",
            type: "url",
            defaultValue: v("onlineUrl"),
            maxLength: 500,
          }}
        />
        <CheckboxField
          label="Interessierte Träger sind willkommen (auf der öffentlichen Seite des Kreises mit „Als Gast anmelden“)"
          inputProps={{
            id: "guestsWelcome",
            name: "guestsWelcome",
            defaultChecked: defaults.guestsWelcome ?? true,
          }}
        />
      </Card>
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
