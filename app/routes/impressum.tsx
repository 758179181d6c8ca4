// /impressum — the provider identification of § 5 DDG, from the installation's LEGAL_* settings.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { legalDetails } from "~/.server/legal";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LegalPage, Missing, Section, legalLinkClass } from "~/components/legal/legal-page";

export const meta: MetaFunction = () => [{ title: "Impressum · Trägerkreis" }];

export function loader() {
  return { legal: legalDetails() };
}

export default function Impressum() {
  const { legal } = useLoaderData<typeof loader>();
  return (
    <LegalPage title="Impressum" intro="Angaben nach § 5 Digitale-Dienste-Gesetz (DDG).">
      <Section title="Anbieter">
        <p>
          {legal.operatorName ?? <Missing what="Name des Betreibers" />}
          <br />
          {legal.addressLines.length > 0
            ? legal.addressLines.map((line, i) => (
                <span key={i}>
                  {line}
                  <br />
                </span>
              ))
            : <Missing what="Anschrift" />}
        </p>
        {legal.representative ? <p>Vertreten durch: {legal.representative}</p> : null}
        {legal.register ? <p>{legal.register}</p> : null}
      </Section>
      <Section title="Kontakt">
        <p>
          E-Mail:{" "}
          {legal.email ? (
            <a href={`mailto:${legal.email}`} className={legalLinkClass}>
              {legal.email}
            </a>
          ) : (
            <Missing what="E-Mail-Adresse" />
          )}
          {legal.phone ? (
            <>
              <br />
              Telefon:{" "}
              <a href={`tel:${legal.phone.replace(/[^0-9+]/g, "")}`} className={legalLinkClass}>
                {legal.phone}
              </a>
            </>
          ) : null}
        </p>
      </Section>
      <Section title="Verantwortlich für den Inhalt">
        <p>
          Die Profile, Anfragen, Fortbildungen und Nachrichten stellen die Träger des Kreises selbst ein; für ihre Inhalte ist
          der jeweilige Träger verantwortlich. Für die Plattform selbst: {legal.operatorName ?? <Missing what="Name des Betreibers" />}.
        </p>
      </Section>
    </LegalPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
