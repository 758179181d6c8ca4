// Shared frame of the Impressum, Datenschutz and Hilfe pages: readable text width, sections.
import type { ReactNode } from "react";

export function LegalPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <article className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
      {intro ? <div className="mt-2 text-slate-700">{intro}</div> : null}
      <div className="mt-6 space-y-6">{children}</div>
    </article>
  );
}

export function Section({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id ?? title} className="space-y-2 text-slate-800">
      <h2 id={id ?? title} className="scroll-mt-20 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A detail the operator has not configured: visible, never silently empty. */
export function Missing({ what }: { what: string }) {
  return <span className="rounded bg-amber-100 px-1 font-medium text-amber-900">[{what} – bitte ergänzen]</span>;
}

export const legalLinkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900 break-words";
