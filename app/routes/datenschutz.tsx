// /datenschutz — the information of Art. 13 DSGVO: who is responsible, what the platform stores
// and why, who processes it on the operator's behalf, how long it is kept, which rights people
// have. A German default text that fits this software; the operator's details come from LEGAL_*.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { legalDetails } from "~/.server/legal";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LegalPage, Missing, Section, legalLinkClass } from "~/components/legal/legal-page";

export const meta: MetaFunction = () => [{ title: "Datenschutzerklärung · Trägerkreis" }];

export function loader() {
  return { legal: legalDetails() };
}

export default function Datenschutz() {
  const { legal } = useLoaderData<typeof loader>();
  return (
    <LegalPage
      title="Datenschutzerklärung"
      intro="Informationen nach Art. 13 DSGVO: was Trägerkreis speichert, wozu, wer es sieht und welche Rechte Sie haben."
    >
      <Section title="Verantwortlich">
        <p>
          {legal.operatorName ?? <Missing what="Name des Betreibers" />}
          {legal.addressLines.length > 0 ? `, ${legal.addressLines.join(", ")}` : null}
          <br />
          E-Mail:{" "}
          {legal.email ? (
            <a href={`mailto:${legal.email}`} className={legalLinkClass}>
              {legal.email}
            </a>
          ) : (
            <Missing what="E-Mail-Adresse" />
          )}
        </p>
        <p>
          Datenschutzbeauftragte:r: {legal.dpoContact ?? "nicht benannt (keine Pflicht nach Art. 37 DSGVO, § 38 BDSG)"}
        </p>
      </Section>

      <Section title="Keine Daten von Klient:innen">
        <p>
          Trägerkreis ist für die Zusammenarbeit der Träger da, nicht für Fallarbeit. Vertretungsanfragen beschreiben den
          Bedarf (Hilfeart, Gemeinde, Zeitraum, Stunden), nicht die Familie; beim Speichern prüft die Plattform den Text auf
          Namen, Geburtsdaten, Anschriften und Kontaktdaten und weist darauf hin (§§ 61–65 SGB VIII). Plätze für Klient:innen
          in Fortbildungen werden ohne Namen gebucht. Übergabenotizen einer angenommenen Vertretung sehen nur die
          Koordination der beiden beteiligten Träger und die benannte Fachkraft bzw. Ansprechperson.
        </p>
      </Section>

      <Section title="Was gespeichert wird und warum">
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>Ihr Konto:</strong> Name, E-Mail-Adresse, das Passwort nur als Hash (bcrypt), freiwillig Telefon,
            Qualifikationen und Sprachen; Ihre Sitzungen (Zeitpunkt, Browser, IP-Adresse) und Anmeldeversuche. Zweck: Anmeldung,
            Zusammenarbeit im Kreis, Schutz vor Missbrauch. Rechtsgrundlage: Art. 6 Abs. 1 lit. b DSGVO (Nutzung der
            Plattform), für Sitzungen und Anmeldeversuche lit. f (Sicherheit).
          </li>
          <li>
            <strong>Träger-Profile:</strong> Name, Anschrift, Kontaktdaten, Leitbild, Hilfearten, Gemeinden und die
            Ansprechpersonen eines Trägers. Sie sehen die Mitglieder der Kreise, denen der Träger angehört. Zweck: Träger
            finden und ansprechen. Rechtsgrundlage: Art. 6 Abs. 1 lit. b und f DSGVO.
          </li>
          <li>
            <strong>Zusammenarbeit:</strong> Vertretungsanfragen und -angebote, Anmeldungen zu Fortbildungen (mit Ihrem
            Namen: sichtbar für Sie, die Admins Ihres Trägers und den Veranstalter), Teilnahmebescheinigungen, Benachrichtigungen
            und ein Protokoll, wer wann was geändert hat. Rechtsgrundlage: Art. 6 Abs. 1 lit. b und f DSGVO.
          </li>
          <li>
            <strong>Interessensmeldungen</strong> über die öffentliche Seite eines Kreises: Name des Trägers, Ansprechperson,
            E-Mail, Telefon und Nachricht. Sie lesen nur die Koordinator:innen des Kreises. Rechtsgrundlage: Art. 6 Abs. 1 lit.
            b DSGVO (Anbahnung).
          </li>
        </ul>
      </Section>

      <Section title="Cookies">
        <p>
          Ein Cookie hält Sie angemeldet, ein zweites zeigt kurz eine Bestätigung („Gespeichert“) an. Beide sind für den
          Dienst nötig (§ 25 Abs. 2 Nr. 2 TDDDG). Es gibt keine Analyse-, Werbe- oder Tracking-Cookies und keine Inhalte
          von Dritten.
        </p>
      </Section>

      <Section title="E-Mails über Resend (Auftragsverarbeitung)">
        <p>
          Bestätigungen, Einladungen und Benachrichtigungen verschickt die Plattform über Resend (Resend, Inc., USA) als
          Auftragsverarbeiter nach Art. 28 DSGVO. Resend erhält dafür Empfängeradresse, Betreff und Inhalt der E-Mail. Die
          Übermittlung in die USA stützt sich auf den Angemessenheitsbeschluss zum EU-US Data Privacy Framework bzw. auf
          EU-Standardvertragsklauseln (Art. 45, 46 DSGVO).
        </p>
      </Section>

      <Section title="Wie lange">
        <p>
          Kontodaten, bis Sie Ihr Konto löschen. Sitzungen enden mit der Abmeldung, spätestens nach 30 Tagen;
          Bestätigungs- und Einladungslinks verfallen. Nach einer Kontolöschung steht in Einträgen, die andere behalten
          (Anmeldungen, Vertretungen, Protokoll), statt Ihres Namens „ehemaliges Mitglied“; das Protokoll behält nur eine
          zufällige Kennung.
        </p>
      </Section>

      <Section title="Ihre Rechte">
        <p>
          Sie haben das Recht auf Auskunft (Art. 15), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung (Art. 18),
          Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21 DSGVO). Auskunft, Export und Löschung erledigen Sie selbst
          unter{" "}
          <Link to="/konto" className={legalLinkClass}>
            Mein Konto
          </Link>
          . Sie können sich bei einer Aufsichtsbehörde beschweren (Art. 77 DSGVO), z. B. bei: {legal.supervisoryAuthority}.
        </p>
      </Section>
    </LegalPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
