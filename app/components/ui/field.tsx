// Form fields with their label, hint and errors wired for screen readers (aria-describedby,
// aria-invalid). Used with conform: pass `getInputProps(field, ...)` as inputProps and
// `field.errors` as errors.
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

const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 aria-[invalid=true]:border-red-600 min-h-11";

function describedBy(...ids: Array<string | undefined | false>) {
  const value = ids.filter(Boolean).join(" ");
  return value || undefined;
}

type FieldBase = { label: string; hint?: string; errors?: ListOfErrors; className?: string };

export function Field({
  label,
  hint,
  errors,
  className = "",
  inputProps,
}: FieldBase & { inputProps: React.InputHTMLAttributes<HTMLInputElement> }) {
  const fallbackId = useId();
  const id = inputProps.id ?? fallbackId;
  const errorId = errors?.filter(Boolean).length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        {...inputProps}
        id={id}
        className={`mt-1 ${inputClass}`}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy(errorId, hintId)}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function TextareaField({
  label,
  hint,
  errors,
  className = "",
  textareaProps,
}: FieldBase & { textareaProps: React.TextareaHTMLAttributes<HTMLTextAreaElement> }) {
  const fallbackId = useId();
  const id = textareaProps.id ?? fallbackId;
  const errorId = errors?.filter(Boolean).length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea
        rows={4}
        {...textareaProps}
        id={id}
        className={`mt-1 ${inputClass}`}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy(errorId, hintId)}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  className = "",
  selectProps,
  options,
}: FieldBase & {
  selectProps: React.SelectHTMLAttributes<HTMLSelectElement>;
  options: Array<{ value: string; label: string }>;
}) {
  const fallbackId = useId();
  const id = selectProps.id ?? fallbackId;
  const errorId = errors?.filter(Boolean).length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <select
        {...selectProps}
        id={id}
        className={`mt-1 ${inputClass}`}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy(errorId, hintId)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
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
          <label key={o.value} className="flex min-h-11 items-start gap-2 rounded-md p-2 text-sm hover:bg-slate-100">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={defaultValue.includes(o.value)}
              className="mt-0.5 size-5 shrink-0 accent-brand-700"
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

export function CheckboxField({
  label,
  errors,
  inputProps,
  className = "",
}: {
  label: React.ReactNode;
  errors?: ListOfErrors;
  inputProps: React.InputHTMLAttributes<HTMLInputElement>;
  className?: string;
}) {
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

/** A honeypot field for public forms: hidden from people, filled in by naive bots. */
export function Honeypot() {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label>
        Bitte leer lassen
        <input type="text" name="website_url" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
