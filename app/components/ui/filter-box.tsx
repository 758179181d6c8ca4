// The filters above a list (directory, trainings, cover board): a plain GET form, so the filters
// work without JavaScript and live in the URL. On phones it starts folded into "Filter · n aktiv"
// — also while a filter is set ("Notfälle ansehen" opened with the form above the
// requests, the first card below the screen) — so the list starts on the first screen; from sm on
// it always stands open (see .filter-box in tailwind.css).
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, ButtonLink } from "~/components/ui/button";

export function FilterBox({ label, action, active, children }: { label: string; action: string; active: number; children: ReactNode }) {
  return (
    <details className="filter-box group mb-6 rounded-xl border border-slate-200 bg-white shadow-sm">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-4 py-2 text-sm font-semibold text-slate-800 [&::-webkit-details-marker]:hidden">
        <span>
          Filter
          {active > 0 ? <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs text-brand-900">{active} aktiv</span> : null}
        </span>
        <span aria-hidden="true" className="transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <Form method="get" action={action} role="search" aria-label={label} className="border-t border-slate-100 p-4 sm:border-t-0">
        {children}
      </Form>
    </details>
  );
}

/** "Filtern" and, while a filter is set, "Zurücksetzen" (to the unfiltered list at `resetTo`). */
export function FilterActions({ resetTo, active, className = "" }: { resetTo: string; active: number; className?: string }) {
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location?.pathname === resetTo;
  return (
    <div className={`flex gap-2 ${className}`}>
      <Button type="submit" className="flex-1 lg:flex-none" disabled={busy}>
        {busy ? "Wird gefiltert …" : "Filtern"}
      </Button>
      {active > 0 ? (
        <ButtonLink to={resetTo} variant="secondary" className="flex-1 lg:flex-none">
          Zurücksetzen
        </ButtonLink>
      ) : null}
    </div>
  );
}
