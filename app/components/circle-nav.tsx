// Sub-navigation of the coordinators' pages of a circle: join requests and the public page settings.
import { NavLink } from "@remix-run/react";
import { paths } from "~/utils/links";

export function CircleNav({ openCount }: { openCount?: number }) {
  const count = openCount ? ` (${openCount})` : "";
  const items = [
    {
      to: paths.joinRequests,
      label: (
        <>
          <span className="sm:hidden">Meldungen{count}</span>
          <span className="hidden sm:inline">Interessensmeldungen{count}</span>
        </>
      ),
    },
    { to: paths.circleSettings, label: "Öffentliche Seite" },
  ];
  return (
    <nav aria-label="Kreis verwalten" className="-mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex min-w-max gap-1">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              className={({ isActive }) =>
                `-mb-px flex min-h-11 items-center border-b-2 px-3 text-sm font-semibold ${
                  isActive
                    ? "border-brand-700 text-brand-800"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
