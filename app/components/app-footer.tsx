// The footer of every page: Impressum, Datenschutz and Hilfe (§ 5 DDG wants the Impressum
// "leicht erkennbar, unmittelbar erreichbar"), and in development the dev mailbox.
import { Link } from "~/components/link";

// `.footer-link` (app/tailwind.css): the shell is on every page, so its classes are short.
const linkClass = "footer-link";

export function AppFooter({ devMailbox }: { devMailbox: boolean }) {
  return (
    <footer className="app-footer">
      <nav aria-label="Rechtliches und Hilfe">
        <ul>
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
