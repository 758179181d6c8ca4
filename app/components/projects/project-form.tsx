// Create and edit a project idea: lead Träger, title, goal, target group (age, Hilfearten),
// Gemeinden, period, funding idea and "Gesucht". Two buttons: keep as a draft inside the Träger,
// or publish to the circle.
import type { SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { valueOf } from "~/components/meetings/meeting-form";
import { answerErrors } from "~/components/ui/intent-form";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, Field, SelectField, TextareaField } from "~/components/ui/field";
import { FormKeyField } from "~/components/ui/form-key";
import { Card, FormMessage } from "~/components/ui/layout";

export type ProjectFormDefaults = {
  lead?: string;
  title?: string;
  goal?: string;
  targetGroup?: string;
  ageFrom?: number | null;
  ageTo?: number | null;
  hilfearten?: string[];
  gemeinden?: string[];
  periodStart?: string | null;
  periodEnd?: string | null;
  funding?: string;
  wanted?: string;
};

function listOf(result: SubmissionResult<string[]> | undefined, name: string, fallback: string[] | undefined): string[] {
  const sent = (result?.initialValue as Record<string, unknown> | undefined)?.[name];
  if (typeof sent === "string") return [sent];
  if (Array.isArray(sent)) return sent.filter((v): v is string => typeof v === "string");
  return fallback ?? [];
}

export function ProjectForm({
  result,
  defaults,
  leads,
  hilfearten,
  gemeinden,
  isDraft,
}: {
  result: SubmissionResult<string[]> | undefined;
  defaults: ProjectFormDefaults;
  leads: Array<{ value: string; label: string }>;
  hilfearten: Array<{ code: string; label: string }>;
  gemeinden: Array<{ code: string; name: string }>;
  /** New or still a draft: offer "Als Entwurf speichern" next to "Im Kreis veröffentlichen". */
  isDraft: boolean;
}) {
  const busy = useNavigation().state !== "idle";
  const v = (name: keyof ProjectFormDefaults) => valueOf(result, name, defaults[name] as string | number | null | undefined);
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormKeyField />
      <FormMessage errors={answerErrors(result, "")} />
      <Card className="space-y-4">
        <SelectField
          label="Leitender Träger"
          errors={answerErrors(result, "lead")}
          selectProps={{ id: "lead", name: "lead", defaultValue: v("lead") }}
          options={leads}
        />
        <Field
          label="Titel"
          errors={answerErrors(result, "title")}
          inputProps={{ id: "title", name: "title", defaultValue: v("title"), maxLength: 200, required: true }}
        />
        <TextareaField
          label="Ziel"
          hint="Was soll für Kinder und Jugendliche entstehen? Keine Namen, Geburtsdaten oder Anschriften von Familien."
          errors={answerErrors(result, "goal")}
          textareaProps={{ id: "goal", name: "goal", defaultValue: v("goal"), rows: 4, maxLength: 4000, required: true }}
        />
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">Zielgruppe</h2>
        <TextareaField
          label="Zielgruppe (optional)"
          hint="z. B. Kinder aus Familien mit ambulanter Hilfe, Jugendliche ohne Ferienangebot"
          errors={answerErrors(result, "targetGroup")}
          textareaProps={{ id: "targetGroup", name: "targetGroup", defaultValue: v("targetGroup"), rows: 2, maxLength: 1000 }}
        />
        <div className="grid grid-cols-2 gap-3">
          <Field
            label="Alter von (optional)"
            errors={answerErrors(result, "ageFrom")}
            inputProps={{ id: "ageFrom", name: "ageFrom", type: "number", min: 0, max: 27, defaultValue: v("ageFrom"), inputMode: "numeric" }}
          />
          <Field
            label="Alter bis (optional)"
            errors={answerErrors(result, "ageTo")}
            inputProps={{ id: "ageTo", name: "ageTo", type: "number", min: 0, max: 27, defaultValue: v("ageTo"), inputMode: "numeric" }}
          />
        </div>
        <CheckboxGroup
          legend="Hilfearten (optional)"
          name="hilfearten"
          options={hilfearten.map((h) => ({ value: h.code, label: h.label }))}
          defaultValue={listOf(result, "hilfearten", defaults.hilfearten)}
          errors={answerErrors(result, "hilfearten")}
        />
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">Wo und wann</h2>
        <CheckboxGroup
          legend="Gemeinden (optional)"
          name="gemeinden"
          options={gemeinden.map((g) => ({ value: g.code, label: g.name }))}
          defaultValue={listOf(result, "gemeinden", defaults.gemeinden)}
          errors={answerErrors(result, "gemeinden")}
        />
        <div className="grid grid-cols-2 gap-3">
          <Field
            label="Zeitraum von (optional)"
            errors={answerErrors(result, "periodStart")}
            inputProps={{ id: "periodStart", name: "periodStart", type: "date", defaultValue: v("periodStart") }}
          />
          <Field
            label="Zeitraum bis (optional)"
            errors={answerErrors(result, "periodEnd")}
            inputProps={{ id: "periodEnd", name: "periodEnd", type: "date", defaultValue: v("periodEnd") }}
          />
        </div>
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">Finanzierung und Partner</h2>
        <TextareaField
          label="Finanzierungsidee (optional)"
          hint="z. B. Jugendamt, Stiftung, Aktion Mensch"
          errors={answerErrors(result, "funding")}
          textareaProps={{ id: "funding", name: "funding", defaultValue: v("funding"), rows: 2, maxLength: 2000 }}
        />
        <TextareaField
          label="Gesucht (optional)"
          hint="Was Partner mitbringen sollten: Fachkraftstunden, Räume, Qualifikationen, Sprachen, ein Träger in einer bestimmten Gemeinde"
          errors={answerErrors(result, "wanted")}
          textareaProps={{ id: "wanted", name: "wanted", defaultValue: v("wanted"), rows: 3, maxLength: 4000 }}
        />
      </Card>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="publish" value="publish" disabled={busy}>
          {isDraft ? "Im Kreis veröffentlichen" : "Speichern"}
        </Button>
        {isDraft ? (
          <Button type="submit" name="publish" value="draft" variant="secondary" disabled={busy}>
            Als Entwurf speichern
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
