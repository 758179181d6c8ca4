import { Form, Link, NavLink } from "@remix-run/react";

export type HeaderUser = { fullName: string; email: string; unread: number; coordinates: boolean };

const navItems = [
  { to: "/vertretungen", label: "Vertretungen", end: false },
  { to: "/", label: "Übersicht", end: true },
  { to: "/traeger", label: "Träger im Kreis", end: false },
  { to: "/fortbildungen", label: "Fortbildungen", end: false },
  { to: "/treffen", label: "Treffen", end: false },
];

function navClass({ isActive }: { isActive: boolean }) {
  return `block whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium min-h-11 flex items-center ${
    isActive ? "bg-brand-50 text-brand-900" : "text-slate-700 hover:bg-slate-100"
  }`;
}

/** The main sections: a row in the header on wide screens, the top of the menu on small ones. */
function MainNavList({ coordinates, className }: { coordinates: boolean; className?: string }) {
  const items = coordinates ? [...navItems, { to: "/kreis/anfragen", label: "Kreis verwalten", end: false }] : navItems;
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} className={navClass}>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

export function AppHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-3 py-2 sm:px-4">
        <Link to="/" className="flex min-h-11 items-center gap-2 font-bold text-brand-800">
          <span aria-hidden="true" className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-700 text-white">
            TK
          </span>
          {/* Below 400 px the signed-out header (two buttons) leaves room for the logo only. */}
          <span className={user ? "" : "sr-only min-[400px]:not-sr-only"}>Trägerkreis</span>
        </Link>
        {user ? (
          <div className="flex items-center gap-1">
            <nav aria-label="Hauptnavigation" className="hidden lg:block">
              <MainNavList coordinates={user.coordinates} className="flex gap-1" />
            </nav>
            <Link
              to="/benachrichtigungen"
              className="relative grid min-h-11 min-w-11 place-items-center rounded-lg text-slate-700 hover:bg-slate-100"
              aria-label={user.unread > 0 ? `Benachrichtigungen, ${user.unread} ungelesen` : "Benachrichtigungen"}
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
              </svg>
              {user.unread > 0 ? (
                <span className="absolute right-1 top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold text-white">
                  {user.unread > 99 ? "99+" : user.unread}
                </span>
              ) : null}
            </Link>
            <details className="relative">
              <summary className="flex min-h-11 cursor-pointer list-none items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
                <span className="sr-only">Menü für </span>
                <span className="max-w-20 truncate sm:max-w-32">{user.fullName}</span>
                <span aria-hidden="true" className="ml-1">▾</span>
              </summary>
              <div className="absolute right-0 mt-1 w-64 rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
                <nav aria-label="Menü" className="lg:hidden">
                  <MainNavList coordinates={user.coordinates} />
                  <hr className="my-2 border-slate-200" />
                </nav>
                <p className="truncate px-3 py-1 text-xs text-slate-500">{user.email}</p>
                <NavLink to="/konto" className={navClass}>
                  Mein Konto
                </NavLink>
                <Form method="post" action="/abmelden">
                  <button type="submit" className="flex min-h-11 w-full items-center rounded-lg px-3 py-2 text-left text-sm font-medium text-slate-700 hover:bg-slate-100">
                    Abmelden
                  </button>
                </Form>
              </div>
            </details>
          </div>
        ) : (
          <nav aria-label="Konto" className="flex shrink-0 gap-1">
            <Link to="/anmelden" className="flex min-h-11 items-center rounded-lg px-2 text-sm font-semibold text-brand-800 hover:bg-brand-50 sm:px-3">
              Anmelden
            </Link>
            <Link to="/registrieren" className="flex min-h-11 items-center rounded-lg bg-brand-700 px-2 text-sm font-semibold text-white hover:bg-brand-800 sm:px-3">
              Registrieren
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
