// The list of a Protokoll page (a Träger's and the circle's): entries newest first, one page at a
// time, with links to newer and older pages.
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { buttonClass } from "~/components/ui/button";
import { Badge, EmptyState } from "~/components/ui/layout";

export type AuditListEntry = {
  id: string | number;
  at: string;
  atIso: string;
  label: string;
  summary: string;
  actor: string;
  /** Shown amber: an entry that took something away. */
  warn: boolean;
  /** Said after the actor, e.g. which circle. */
  context?: string;
};

/** `?seite=` of a Protokoll URL: 1 when missing or malformed, at most 10,000. */
export function auditPageFrom(url: URL): number {
  const raw = url.searchParams.get("seite");
  const page = raw && /^[0-9]{1,5}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(page, 1), 10_000);
}

export function AuditList({
  entries,
  page,
  pageSize,
  hasMore,
  base,
  label,
}: {
  entries: AuditListEntry[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** The page's path; older pages add `?seite=`. */
  base: string;
  /** The list's accessible name, before ", Seite n". */
  label: string;
}): ReactNode {
  return (
    <>
      {entries.length === 0 ? (
        <EmptyState title={page === 1 ? "Noch keine Einträge." : "Auf dieser Seite gibt es keine Einträge mehr."}>
          {page > 1 ? (
            <Link to={base} className="font-semibold text-brand-800 underline">
              Zu den neuesten Einträgen
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label={`${label}, Seite ${page}`}>
          {entries.map((e) => (
            <li key={e.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:gap-4">
              <time dateTime={e.atIso} className="shrink-0 text-sm text-slate-600 sm:w-44">
                {e.at}
              </time>
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={e.warn ? "amber" : "slate"}>{e.label}</Badge>
                  <span className="text-sm text-slate-600">
                    von {e.actor}
                    {e.context ? ` · ${e.context}` : ""}
                  </span>
                </p>
                {e.summary ? <p className="mt-1 break-words text-slate-900">{e.summary}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {page > 1 || hasMore ? (
        <nav aria-label="Seiten des Protokolls" className="mt-4 flex items-center justify-between gap-2">
          {page > 1 ? (
            <Link to={page === 2 ? base : `${base}?seite=${page - 1}`} className={buttonClass("secondary")}>
              ← Neuere
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600">
            Seite {page} · {pageSize} je Seite
          </span>
          {hasMore ? (
            <Link to={`${base}?seite=${page + 1}`} className={buttonClass("secondary")}>
              Ältere →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
