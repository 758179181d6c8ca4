// Fields of an IntentForm (no conform form object): the control is named `name`, and its errors
// are the ones the action's answer has for that name.
import type { SubmissionResult } from "@conform-to/react";
import { Field, SelectField, TextareaField, type SelectOption, type SelectOptionGroup } from "~/components/ui/field";
import { answerErrors } from "~/components/ui/intent-form";

type Answer = SubmissionResult<string[]> | undefined;
type Frame = { label: string; hint?: string; className?: string; id: string; name: string; answer: Answer };

export function PlainField({ label, hint, className, answer, ...input }: Frame & React.InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} hint={hint} className={className} errors={answerErrors(answer, input.name)} inputProps={input} />;
}

/** A whole number between `min` and `max` (minutes, a position, days). */
export function NumberField({ min, max, ...props }: Frame & { min: number; max: number; defaultValue?: number | string }) {
  return <PlainField {...props} type="number" min={min} max={max} inputMode="numeric" />;
}

export function PlainTextareaField({ label, hint, className, answer, ...textarea }: Frame & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <TextareaField label={label} hint={hint} className={className} errors={answerErrors(answer, textarea.name)} textareaProps={textarea} />;
}

export function PlainSelectField({
  label,
  hint,
  className,
  answer,
  options,
  ...select
}: Frame & { options: Array<SelectOption | SelectOptionGroup> } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return <SelectField label={label} hint={hint} className={className} errors={answerErrors(answer, select.name)} selectProps={select} options={options} />;
}
