// Tabs that are links: a Träger's pages, the circle's admin pages, the views of the cover board
// and of the trainings list. A <nav> named by `label`; the current tab carries aria-current="page"
// (NavLink sets it from the path; tabs that differ only in the query string pass `current`).
// On phones the row scrolls sideways ("scroll"), or its tabs share the width ("grid", for a few
// tabs whose labels may wrap to two lines); from sm up it is always one row.
import { NavLink } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";

export type TabNavItem = {
  to: string;
  label: ReactNode;
  /** A shorter label below sm, where the row is narrow. */
  shortLabel?: ReactNode;
  /** Only the exact path is current (NavLink `end`), e.g. a profile above its sub-pages. */
  end?: boolean;
  /** Set when the path alone cannot tell (views in the query string): then this decides. */
  current?: boolean;
};

// `.tab`, `.tab-scroll`, `.tab-grid` (app/tailwind.css); the current tab is styled by its aria-current.

/**
 * `heading`: the list below the tabs is headed by the current tab's label, for screen readers only
 * (the tab row already shows it): the cards' <h3> titles then sit under an <h2>, not straight under
 * the page's <h1>.
 */
export function TabNav({
  label,
  items,
  layout = "scroll",
  heading = false,
}: {
  label: string;
  items: TabNavItem[];
  layout?: "scroll" | "grid";
  heading?: boolean;
}) {
  const grid = layout === "grid";
  const className = grid ? "tab tab-grid" : "tab tab-scroll";
  const current = heading ? items.find((item) => item.current) : undefined;
  return (
    <>
      <nav aria-label={label} className={`-mx-4 mb-6 border-b border-slate-200 sm:mx-0 sm:px-0 ${grid ? "px-4" : "overflow-x-auto px-2.5"}`}>
        <ul
          className={grid ? "grid sm:flex sm:gap-1" : "flex min-w-max sm:gap-1"}
          style={grid ? { gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` } : undefined}
        >
          {items.map((item) => {
            const text = item.shortLabel ? (
              <>
                <span className="sm:hidden">{item.shortLabel}</span>
                <span className="hidden sm:inline">{item.label}</span>
              </>
            ) : (
              item.label
            );
            return (
              <li key={item.to}>
                {item.current === undefined ? (
                  <NavLink to={item.to} end={item.end} prefetch="intent" className={className}>
                    {text}
                  </NavLink>
                ) : (
                  <Link
                    to={item.to}
                    prefetch="intent"
                    aria-current={item.current ? "page" : undefined}
                    className={className}
                  >
                    {text}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      {current ? <h2 className="sr-only">{current.label}</h2> : null}
    </>
  );
}
