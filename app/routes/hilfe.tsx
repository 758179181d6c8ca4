// /hilfe — how the platform works, short and for the phone: cover, trainings, the Sozialdaten
// rules, the account. Open to everyone (also before signing in).
import type { MetaFunction } from "@remix-run/node";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LegalPage, Section, legalLinkClass } from "~/components/legal/legal-page";

export const meta: MetaFunction = () => [{ title: "Hilfe · Trägerkreis" }];

const topics = [
  { id: "vertretungen", title: "Vertretungen" },
  { id: "fortbildungen", title: "Fortbildungen" },
  { id: "sozialdaten", title: "Sozialdaten: was nicht hineingehört" },
  { id: "konto", title: "Konto und Daten" },
];

export default function Hilfe() {
  return (
    <LegalPage title="Hilfe" intro="Wie Trägerkreis funktioniert – in drei Minuten.">
      <nav aria-label="Themen der Hilfe">
        <ul className="grid gap-2 sm:grid-cols-2">
          {topics.map((t) => (
            <li key={t.id}>
              <a href={`#${t.id}`} className={`${legalLinkClass} inline-flex min-h-11 items-center`}>
                {t.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Section title="Vertretungen" id="vertretungen">
        <ol className="list-decimal space-y-1 pl-5">
          <li>Fehlt Ihrem Träger eine Fachkraft, stellt die Koordination eine Anfrage: Hilfeart, Gemeinde, Zeitraum, Stunden pro Woche, Dringlichkeit (Notfall = heute/morgen).</li>
          <li>Die Träger des Kreises sehen die Anfrage (oder zuerst nur die angefragten Träger) und bieten eine Fachkraft an.</li>
          <li>Sie nehmen ein Angebot an – ganz oder mit einem Teil der Stunden. Erst dann sehen beide Seiten die Ansprechpersonen; die Übergabenotizen sieht nur die Koordination und die übernehmende Fachkraft.</li>
          <li>Nach der Vertretung tragen Sie die geleisteten Stunden ein; die Bilanz zeigt, wer wem wie viel gegeben hat.</li>
        </ol>
        <p>
          <Link to="/vertretungen" className={`${legalLinkClass} inline-flex min-h-11 items-center`}>
            Zu den Vertretungen
          </Link>
        </p>
      </Section>
      <Section title="Fortbildungen" id="fortbildungen">
        <ul className="list-disc space-y-1 pl-5">
          <li>Ein Träger bietet eine Fortbildung für den Kreis an: Termine, Plätze, ggf. Kontingent je Träger, Anmeldeschluss, Gebühr.</li>
          <li>Sie melden sich selbst an, Admins melden Kolleg:innen an; Plätze für Klient:innen werden ohne Namen gebucht.</li>
          <li>Ist sie voll, kommen Sie auf die Warteliste. Wird ein Platz frei, bekommen Sie ihn per E-Mail angeboten und haben eine Frist zum Annehmen.</li>
          <li>Nach der Fortbildung gibt es die Teilnahmebescheinigung als PDF.</li>
        </ul>
        <p>
          <Link to="/fortbildungen" className={`${legalLinkClass} inline-flex min-h-11 items-center`}>
            Zu den Fortbildungen
          </Link>
        </p>
      </Section>
      <Section title="Sozialdaten: was nicht hineingehört" id="sozialdaten">
        <p>
          Trägerkreis kennt keine Klient:innen. Schreiben Sie den <strong>Bedarf</strong>, nicht den Fall (§§ 61–65 SGB VIII):
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong>Gut:</strong> „Familie mit zwei Kindern im Grundschulalter, Schwerpunkt Tagesstruktur, Termine nachmittags.“
          </li>
          <li>
            <strong>Nicht:</strong> Namen („Familie Yılmaz“, „Herr K.“), Geburtsdaten, Anschriften, Telefonnummern, E-Mail-Adressen,
            Diagnosen einzelner Personen.
          </li>
        </ul>
        <p>
          Die Plattform prüft Anfragen beim Schreiben und zeigt, was nach Sozialdaten aussieht. Was die übernehmende
          Fachkraft wirklich wissen muss, gehört in die Übergabenotizen – die nur die Beteiligten sehen.
        </p>
      </Section>
      <Section title="Konto und Daten" id="konto">
        <p>
          Unter{" "}
          <Link to="/konto" className={legalLinkClass}>
            Mein Konto
          </Link>{" "}
          ändern Sie Ihr Passwort, melden sich überall ab, laden alle Ihre Daten herunter oder löschen Ihr Konto. Mehr dazu in
          der{" "}
          <Link to="/datenschutz" className={legalLinkClass}>
            Datenschutzerklärung
          </Link>
          .
        </p>
      </Section>
    </LegalPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
