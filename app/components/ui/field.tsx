// Form fields with their label, hint and errors wired for screen readers (aria-describedby,
// aria-invalid). Used with conform: pass the field object (`field={fields.email}`, with `type` for
// inputs); name, id, constraints, default value and errors come from it. Extra attributes
// (autoComplete, rows, inputMode) go in inputProps/textareaProps/selectProps. Without a field
// object the control is plain (inputProps name it).
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useId } from "react";

export type ListOfErrors = Array<string | null | undefined> | null | undefined;

export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const list = errors?.filter(Boolean);
  if (!list?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {list.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

// `.input` (app/tailwind.css): one short class on every control.
const inputClass = "input";

function describedBy(...ids: Array<string | undefined | false>) {
  const value = ids.filter(Boolean).join(" ");
  return value || undefined;
}

type FieldBase = { label: string; hint?: string; errors?: ListOfErrors; className?: string };

// Any conform field: the form's schema type does not matter to the markup.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyField = FieldMetadata<any, any, any>;

type InputType = Parameters<typeof getInputProps>[1]["type"];

/** conform's input props without `key` (React must not receive a key through a spread). */
export function inputPropsOf(field: AnyField, type: InputType) {
  const { key: _key, ...props } = getInputProps(field, { type } as Parameters<typeof getInputProps>[1]);
  return props;
}

/** conform's textarea props without `key`. */
export function textareaPropsOf(field: AnyField) {
  const { key: _key, ...props } = getTextareaProps(field);
  return props;
}

/** conform's select props without `key`. */
export function selectPropsOf(field: AnyField) {
  const { key: _key, ...props } = getSelectProps(field);
  return props;
}

/** What the frame hands its control: the id the label points at, the style, the error wiring. */
type ControlProps = {
  id: string;
  className: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/** Label, hint, one control and its errors: the frame the single-control fields share. */
function FieldFrame({
  label,
  hint,
  errors,
  className = "",
  controlId,
  children,
}: FieldBase & { controlId: string | undefined; children: (control: ControlProps) => React.ReactNode }) {
  const fallbackId = useId();
  const id = controlId ?? fallbackId;
  const errorId = errors?.filter(Boolean).length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className || undefined}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        className: `mt-1 ${inputClass}`,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": describedBy(errorId, hintId),
      })}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function Field({
  field,
  type = "text",
  inputProps: extra,
  errors,
  ...frame
}: FieldBase & { field?: AnyField; type?: InputType; inputProps?: React.InputHTMLAttributes<HTMLInputElement> }) {
  // A number field gets the phone's digit keyboard unless the caller asks for another.
  const inputProps = { ...(type === "number" ? { inputMode: "numeric" as const } : {}), ...(field ? inputPropsOf(field, type) : {}), ...extra };
  return (
    <FieldFrame {...frame} errors={errors ?? field?.errors} controlId={inputProps.id}>
      {(control) => <input {...inputProps} {...control} />}
    </FieldFrame>
  );
}

export function TextareaField({
  field,
  textareaProps: extra,
  errors,
  ...frame
}: FieldBase & { field?: AnyField; textareaProps?: React.TextareaHTMLAttributes<HTMLTextAreaElement> }) {
  const textareaProps = { ...(field ? textareaPropsOf(field) : {}), ...extra };
  return (
    <FieldFrame {...frame} errors={errors ?? field?.errors} controlId={textareaProps.id}>
      {(control) => <textarea rows={4} {...textareaProps} {...control} />}
    </FieldFrame>
  );
}

export type SelectOption = { value: string; label: string };
/** Options under a heading (an <optgroup>), e.g. the Gemeinden of one Kreis. */
export type SelectOptionGroup = { label: string; options: SelectOption[] };

export function SelectField({
  field,
  selectProps: extra,
  options,
  errors,
  ...frame
}: FieldBase & {
  field?: AnyField;
  selectProps?: React.SelectHTMLAttributes<HTMLSelectElement>;
  options: Array<SelectOption | SelectOptionGroup>;
}) {
  const selectProps = { ...(field ? selectPropsOf(field) : {}), ...extra };
  const option = (o: SelectOption) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <FieldFrame {...frame} errors={errors ?? field?.errors} controlId={selectProps.id}>
      {(control) => (
        <select {...selectProps} {...control}>
          {options.map((o) =>
            "options" in o ? (
              <optgroup key={o.label} label={o.label}>
                {o.options.map(option)}
              </optgroup>
            ) : (
              option(o)
            ),
          )}
        </select>
      )}
    </FieldFrame>
  );
}

/** A group of checkboxes sharing one name (e.g. Hilfearten), in a fieldset with a legend. */
export function CheckboxGroup({
  legend,
  name,
  options,
  defaultValue = [],
  errors,
  hint,
  className = "",
}: {
  legend: string;
  name: string;
  options: Array<{ value: string; label: string }>;
  defaultValue?: string[];
  errors?: ListOfErrors;
  hint?: string;
  className?: string;
}) {
  const id = useId();
  const errorId = errors?.filter(Boolean).length ? `${id}-error` : undefined;
  return (
    <fieldset className={className} aria-describedby={describedBy(errorId, hint && `${id}-hint`)}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 grid gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <OptionRow key={o.value} type="checkbox" name={name} value={o.value} defaultChecked={defaultValue.includes(o.value)}>
            {o.label}
          </OptionRow>
        ))}
      </div>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

/** One checkbox or radio button with its text: a row a finger can hit, in a list of choices. */
export function OptionRow({
  children,
  hoverClass = "hover:bg-slate-100",
  ...input
}: React.InputHTMLAttributes<HTMLInputElement> & { type: "checkbox" | "radio"; children: React.ReactNode; hoverClass?: string }) {
  return (
    <label className={`flex min-h-11 items-start gap-2 rounded-md p-2 text-sm ${hoverClass}`}>
      <input {...input} className="mt-0.5 size-5 shrink-0 accent-brand-700" />
      <span>{children}</span>
    </label>
  );
}

export function CheckboxField({
  label,
  field,
  errors: ownErrors,
  inputProps: extra,
  className = "",
}: {
  label: React.ReactNode;
  field?: AnyField;
  errors?: ListOfErrors;
  inputProps?: React.InputHTMLAttributes<HTMLInputElement>;
  className?: string;
}) {
  const inputProps = { ...(field ? inputPropsOf(field, "checkbox") : {}), ...extra };
  const errors = ownErrors ?? field?.errors;
  const fallbackId = useId();
  const id = inputProps.id ?? fallbackId;
  const errorId = errors?.filter(Boolean).length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="flex min-h-11 items-start gap-2 text-sm">
        <input
          {...inputProps}
          type="checkbox"
          id={id}
          className="mt-0.5 size-5 shrink-0 accent-brand-700"
          aria-invalid={errorId ? true : undefined}
          aria-describedby={errorId}
        />
        <span>{label}</span>
      </label>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
