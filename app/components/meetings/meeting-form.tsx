// Create and edit a meeting: host Träger, title, description, place (with Gemeinde) and/or an
// online link, date with start and end (Berlin), optional registration deadline and capacity.
// The poll form (/treffen/umfragen/neu) shares the fields that say what and where.
import type { SubmissionResult } from "@conform-to/react";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { CheckboxField, type SelectOption } from "~/components/ui/field";
import { FormKeyField } from "~/components/ui/form-key";
import { answerErrors, answerValue } from "~/components/ui/intent-form";
import { Card, FormMessage } from "~/components/ui/layout";
import { NumberField, PlainField, PlainSelectField, PlainTextareaField } from "~/components/ui/plain-field";
import { gemeindeOptionGroups } from "~/utils/gemeinden";

type Answer = SubmissionResult<string[]> | undefined;
type Gemeinden = Array<{ code: string; name: string; kreis: string }>;

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

/** The value of a field: what the person sent (after a refusal), else the default. */
export function valueOf(result: Answer, name: string, fallback: string | number | null | undefined): string {
  return answerValue(result, name) ?? (fallback === null || fallback === undefined ? "" : String(fallback));
}

/** Who invites, and to what: host Träger, title, description. */
export function MeetingAboutFields({
  answer,
  value,
  hosts,
  descriptionHint,
  descriptionRows = 4,
}: {
  answer: Answer;
  value: (name: string) => string;
  hosts: SelectOption[];
  descriptionHint?: string;
  descriptionRows?: number;
}) {
  return (
    <>
      <PlainSelectField label="Einladender Träger" answer={answer} id="host" name="host" defaultValue={value("host")} options={hosts} />
      <PlainField label="Titel" answer={answer} id="title" name="title" defaultValue={value("title")} maxLength={200} required />
      <PlainTextareaField
        label="Beschreibung (optional)"
        hint={descriptionHint}
        answer={answer}
        id="description"
        name="description"
        defaultValue={value("description")}
        rows={descriptionRows}
      />
    </>
  );
}

/** Where: an address with its Gemeinde, and/or an online link. */
export function MeetingPlaceFields({
  answer,
  value,
  gemeinden,
  placeHint,
}: {
  answer: Answer;
  value: (name: string) => string;
  gemeinden: Gemeinden;
  placeHint?: string;
}) {
  return (
    <>
      <PlainField label="Ort (Adresse)" hint={placeHint} answer={answer} id="place" name="place" defaultValue={value("place")} maxLength={300} />
      <PlainSelectField
        label="Gemeinde"
        answer={answer}
        id="gemeinde"
        name="gemeinde"
        defaultValue={value("gemeinde")}
        options={[{ value: "", label: "— keine Angabe —" }, ...gemeindeOptionGroups(gemeinden)]}
      />
      <PlainField
        label="Online-Link (optional)"
        hint="Beginnt mit https://"
        answer={answer}
        id="onlineUrl"
        name="onlineUrl"
        type="url"
        defaultValue={value("onlineUrl")}
        maxLength={500}
      />
    </>
  );
}

export function MeetingForm({
  defaults,
  hosts,
  gemeinden,
  submitLabel,
}: {
  defaults: MeetingFormDefaults;
  hosts: SelectOption[];
  gemeinden: Gemeinden;
  submitLabel: string;
}) {
  const answer = (useActionData() as { result?: Answer } | undefined)?.result;
  const busy = useNavigation().state !== "idle";
  const value = (name: string) => valueOf(answer, name, defaults[name as keyof MeetingFormDefaults] as string | number | null | undefined);
  return (
    <Form method="post" className="space-y-4" noValidate>
      {/* The create action writes once per key (double click); the edit action ignores it. */}
      <FormKeyField />
      {defaults.previousMeetingId ? <input type="hidden" name="previousMeetingId" value={defaults.previousMeetingId} /> : null}
      <FormMessage errors={answerErrors(answer, "")} />
      <Card className="space-y-4">
        <MeetingAboutFields answer={answer} value={value} hosts={hosts} descriptionHint="Worum es geht, was mitzubringen ist. Keine Sozialdaten." />
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">Wann</h2>
        <PlainField label="Datum" answer={answer} id="date" name="date" type="date" defaultValue={value("date")} required />
        <div className="grid grid-cols-2 gap-3">
          <PlainField label="Beginn" answer={answer} id="startTime" name="startTime" type="time" defaultValue={value("startTime")} required />
          <PlainField label="Ende" answer={answer} id="endTime" name="endTime" type="time" defaultValue={value("endTime")} required />
        </div>
        <PlainField
          label="Anmeldeschluss (optional)"
          hint="Bis zum Ende dieses Tages sind Zusagen möglich."
          answer={answer}
          id="registrationDeadline"
          name="registrationDeadline"
          type="date"
          defaultValue={value("registrationDeadline")}
        />
        <NumberField
          label="Plätze (optional)"
          hint="Leer: ohne Begrenzung."
          answer={answer}
          id="capacity"
          name="capacity"
          min={1}
          max={10000}
          defaultValue={value("capacity")}
        />
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">Wo</h2>
        <MeetingPlaceFields answer={answer} value={value} gemeinden={gemeinden} />
        <CheckboxField
          label="Interessierte Träger sind willkommen (auf der öffentlichen Seite des Kreises mit „Als Gast anmelden“)"
          inputProps={{ id: "guestsWelcome", name: "guestsWelcome", defaultChecked: defaults.guestsWelcome ?? true }}
        />
      </Card>
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
