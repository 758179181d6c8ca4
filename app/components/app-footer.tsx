// The footer of every page: Impressum, Datenschutz and Hilfe (§ 5 DDG wants the Impressum
// "leicht erkennbar, unmittelbar erreichbar"), and in development the dev mailbox.
import { Link } from "@remix-run/react";

// `.footer-link` (app/tailwind.css): the shell is on every page, so its classes are short.
const linkClass = "footer-link";

export function AppFooter({ devMailbox }: { devMailbox: boolean }) {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <nav aria-label="Rechtliches und Hilfe" className="mx-auto max-w-5xl px-4 py-3">
        <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <li>
            <Link to="/impressum" className={linkClass}>
              Impressum
            </Link>
          </li>
          <li>
            <Link to="/datenschutz" className={linkClass}>
              Datenschutz
            </Link>
          </li>
          <li>
            <Link to="/hilfe" className={linkClass}>
              Hilfe
            </Link>
          </li>
          {devMailbox ? (
            <li>
              <Link to="/dev/mails" className={linkClass}>
                Dev-Postfach (nur in der Entwicklung)
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </footer>
  );
}
