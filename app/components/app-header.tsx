import { Form, NavLink, useLocation } from "@remix-run/react";
import { Link } from "~/components/link";
import { useEffect, useRef } from "react";

export type HeaderUser = {
  fullName: string;
  email: string;
  unread: number;
  coordinates: boolean;
  /** Open Notfall requests in the person's circles (the badge on "Vertretungen"). */
  openNotfaelle: number;
};

type NavIcon = "home" | "cover" | "training" | "traeger" | "meeting" | "calendar" | "project";

export type NavEntry = {
  to: string;
  /** The full label (header row on wide screens, the menu). */
  label: string;
  /** The label in the phone's bottom bar. */
  short: string;
  icon: NavIcon;
  end?: boolean;
  /** Shows the count of open Notfälle. */
  notfaelle?: boolean;
  /** In the header row and the phone's bottom bar (default); the overview is one tap away on the
   *  logo instead, and stays in the menu. */
  inBars?: boolean;
};

/**
 * The main places, in order: the header row on wide screens, the bottom bar on phones (one tap
 * from every page) and the menu. A new place is one line here (Treffen, Kalender, Projekte …).
 */
export const MAIN_NAV: NavEntry[] = [
  { to: "/", label: "Übersicht", short: "Übersicht", icon: "home", end: true, inBars: false },
  { to: "/vertretungen", label: "Vertretungen", short: "Vertretung", icon: "cover", notfaelle: true },
  { to: "/fortbildungen", label: "Fortbildungen", short: "Fortbildung", icon: "training" },
  { to: "/traeger", label: "Träger im Kreis", short: "Träger", icon: "traeger" },
  { to: "/treffen", label: "Treffen", short: "Treffen", icon: "meeting" },
  { to: "/projekte", label: "Projekte", short: "Projekte", icon: "project" },
  { to: "/kalender", label: "Kalender", short: "Kalender", icon: "calendar" },
];

const COORDINATION_ENTRY: NavEntry = { to: "/kreis/anfragen", label: "Kreis verwalten", short: "Kreis", icon: "home" };

// The shell is on every page: its shapes are short classes of app/tailwind.css (`.app-header`,
// `.nav-link`, `.bar-link`, `.count`, the `.icon-*` masks …), and aria-current="page" styles the
// current place, so each page sends a few bytes instead of utilities and SVG (issue 14).

function notfallLabel(count: number): string {
  return count === 1 ? "1 offener Notfall" : `${count} offene Notfälle`;
}

function NotfallBadge({ count, className }: { count: number; className?: string }) {
  if (count <= 0) return null;
  return (
    <span aria-hidden="true" className={className ? `count ${className}` : "count"}>
      {count > 99 ? "99+" : count}
    </span>
  );
}

const navClass = "nav-link";

/** NavLink's rule for "this place is current" (its `end` included), computed once per list: the
 *  lists render a plain Link each, 19 on every page, instead of a NavLink each resolving the
 *  location and its own path again. */
function isCurrent(item: NavEntry, pathname: string): boolean {
  if (pathname === item.to) return true;
  return !item.end && pathname.startsWith(item.to) && pathname.charAt(item.to.length) === "/";
}

/**
 * The main sections as a list of links: the top of the menu (every place, and the circle's
 * administration for its coordinators) and, on wide screens, the header row (the six places only,
 * so that they fit one row from 1024 px).
 */
function MainNavList({ user, className, row = false }: { user: HeaderUser; className?: string; row?: boolean }) {
  // The header row (in the page on every screen, hidden below lg) asks Remix to discover its
  // places; the menu's copies do not repeat it (data-discover on each), except the circle's admin.
  const items = row
    ? MAIN_NAV.filter((item) => item.inBars !== false)
    : user.coordinates
      ? [...MAIN_NAV, COORDINATION_ENTRY]
      : MAIN_NAV;
  const { pathname } = useLocation();
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.to}>
          <Link
            to={item.to}
            aria-current={isCurrent(item, pathname) ? "page" : undefined}
            className={navClass}
            discover={row || item === COORDINATION_ENTRY ? "render" : "none"}
            aria-label={item.notfaelle && user.openNotfaelle > 0 ? `${item.label}, ${notfallLabel(user.openNotfaelle)}` : undefined}
          >
            {item.label}
            {item.notfaelle ? <NotfallBadge count={user.openNotfaelle} /> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Phones and tablets: the main places along the bottom of every page, one tap each. */
export function BottomNav({ user }: { user: HeaderUser | null }) {
  const { pathname } = useLocation();
  if (!user) return null;
  return (
    <nav aria-label="Hauptbereiche" className="bottom-bar">
      <ul>
        {MAIN_NAV.filter((item) => item.inBars !== false).map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              aria-current={isCurrent(item, pathname) ? "page" : undefined}
              discover="none"
              aria-label={item.notfaelle && user.openNotfaelle > 0 ? `${item.label}, ${notfallLabel(user.openNotfaelle)}` : item.label}
              className="bar-link"
            >
              {/* The icon is the pill's ::before, drawn from the icon class's --icon (app/tailwind.css). */}
              <span aria-hidden="true" className={`bar-pill icon-${item.icon}`} />
              {/* Six places share 360 px: a slightly tighter label (.bar-label) keeps "Fortbildung" whole. */}
              <span className="bar-label">{item.short}</span>
              {item.notfaelle ? <NotfallBadge count={user.openNotfaelle} className="absolute right-1/2 top-1 translate-x-6" /> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The person's menu (name ▾). A <details>, so it works without JavaScript; with it, the menu
 * closes when a link in it is followed (any navigation), on a tap outside it and on Escape —
 * then the focus goes back to its button.
 */
function UserMenu({ user }: { user: HeaderUser }) {
  const details = useRef<HTMLDetailsElement>(null);
  const location = useLocation();

  useEffect(() => {
    const menu = details.current;
    if (menu?.open) menu.open = false;
  }, [location.key]);

  useEffect(() => {
    const menu = details.current;
    if (!menu) return;
    const close = (returnFocus: boolean) => {
      if (!menu.open) return;
      menu.open = false;
      if (returnFocus) menu.querySelector("summary")?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !menu.contains(event.target)) close(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && menu.open) {
        event.preventDefault();
        close(true);
      }
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !menu.contains(event.relatedTarget)) close(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    menu.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
      menu.removeEventListener("focusout", onFocusOut);
    };
  }, []);

  return (
    <details ref={details} className="relative">
      <summary className="menu-button">
        <span className="sr-only">Menü für </span>
        <span className="max-w-20 truncate sm:max-w-32">{user.fullName}</span>
        <span aria-hidden="true" className="ml-1">▾</span>
      </summary>
      <div className="menu-panel">
        <nav aria-label="Menü" className="lg:hidden">
          <MainNavList user={user} />
          <hr className="my-2 border-slate-200" />
        </nav>
        <p className="truncate px-3 py-1 text-xs text-slate-500">{user.email}</p>
        <NavLink to="/konto" className={navClass}>
          Mein Konto
        </NavLink>
        <Form method="post" action="/abmelden">
          <button type="submit" className="nav-link w-full text-left">
            Abmelden
          </button>
        </Form>
      </div>
    </details>
  );
}

export function AppHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header className="app-header">
      <div>
        <Link to="/" className="app-logo">
          <span aria-hidden="true">
            TK
          </span>
          {/* Below 400 px the signed-out header (two buttons) leaves room for the logo only. */}
          <span className={user ? undefined : "sr-only min-[400px]:not-sr-only"}>Trägerkreis</span>
        </Link>
        {user ? (
          <div className="flex items-center gap-1">
            <nav aria-label="Hauptnavigation" className="hidden lg:block">
              <MainNavList user={user} className="flex gap-1" row />
            </nav>
            <Link
              to="/benachrichtigungen"
              className="bell-link"
              aria-label={user.unread > 0 ? `Benachrichtigungen, ${user.unread} ungelesen` : "Benachrichtigungen"}
            >
              <span aria-hidden="true" className="icon icon-bell size-6" />
              {user.unread > 0 ? (
                <span className="absolute right-1 top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold text-white">
                  {user.unread > 99 ? "99+" : user.unread}
                </span>
              ) : null}
            </Link>
            <UserMenu user={user} />
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
