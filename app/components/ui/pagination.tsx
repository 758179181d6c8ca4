// "← Vorherige · Seite n von m · Nächste →" under a paginated list. The caller builds each page's
// URL (keeping its filters); a list that does not count its pages passes `hasMore` instead.
import { ButtonLink } from "~/components/ui/button";

export function Pagination({
  page,
  pageCount,
  hasMore,
  href,
}: {
  page: number;
  pageCount?: number;
  hasMore?: boolean;
  href: (page: number) => string;
}) {
  const next = pageCount === undefined ? Boolean(hasMore) : page < pageCount;
  if (page <= 1 && !next) return null;
  return (
    <nav aria-label="Seiten" className="mt-6 flex items-center justify-between gap-2">
      {page > 1 ? (
        <ButtonLink to={href(page - 1)} variant="secondary">
          <span aria-hidden="true">←</span> Vorherige<span className="sr-only"> Seite</span>
        </ButtonLink>
      ) : (
        <span />
      )}
      <span className="text-center text-sm text-slate-600">
        {pageCount === undefined ? `Seite ${page}` : `Seite ${page} von ${pageCount}`}
      </span>
      {next ? (
        <ButtonLink to={href(page + 1)} variant="secondary">
          Nächste<span className="sr-only"> Seite</span> <span aria-hidden="true">→</span>
        </ButtonLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
