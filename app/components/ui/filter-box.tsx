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
    // Its look: .filter-box in app/tailwind.css (the list pages send it on every load).
    <details className="filter-box">
      <summary>
        <span>
          Filter
          {active > 0 ? <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs text-brand-900">{active} aktiv</span> : null}
        </span>
        <span aria-hidden="true">▾</span>
      </summary>
      <Form method="get" action={action} role="search" aria-label={label}>
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
