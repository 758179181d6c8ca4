// Zusage, vielleicht, Absage: the three answers to a meeting as large radio buttons (members on
// the meeting page, guests on their link's page).
import { RSVP_LABELS } from "~/i18n/meetings";

type RsvpAnswer = keyof typeof RSVP_LABELS;

export function RsvpChoice({ legend, answer, errors }: { legend: string; answer: RsvpAnswer | null | undefined; errors?: string[] }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 grid grid-cols-3 gap-2">
        {(["zusage", "vielleicht", "absage"] as const).map((value) => (
          <label
            key={value}
            className="flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 px-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input type="radio" name="answer" value={value} defaultChecked={answer === value} className="accent-brand-700" />
            {RSVP_LABELS[value]}
          </label>
        ))}
      </div>
      {errors?.length ? <p className="mt-1 text-sm text-red-700">{errors.join(" ")}</p> : null}
    </fieldset>
  );
}
