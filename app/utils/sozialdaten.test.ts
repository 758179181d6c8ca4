import { describe, expect, it } from "vitest";
import { screenSozialdaten, type SozialdatenKind } from "./sozialdaten";
import * as server from "~/.server/cover/sozialdaten";

// What people type into a cover request. Each line: the text and what must be found (the kind
// and the words it points at), or nothing.
const mustWarn: Array<[text: string, kind: SozialdatenKind, match: string]> = [
  ["Familie Yılmaz braucht ab sofort Unterstützung.", "name", "Familie Yılmaz"],
  ["Herr Schmidt ist seit Montag erkrankt.", "name", "Herr Schmidt"],
  ["Termin mit Frau Öztürk-Berg am Dienstag.", "name", "Frau Öztürk-Berg"],
  ["Frau M. ist alleinerziehend.", "name", "Frau M."],
  ["Fr. Müller wünscht eine Fachkraft.", "name", "Fr. Müller"],
  ["Die Mutter Anna Kowalski spricht wenig Deutsch.", "name", "Mutter Anna"],
  ["Der Vater Dimitri ist im Ausland.", "name", "Vater Dimitri"],
  ["Jugendlicher Kevin (15) verweigert die Schule.", "name", "Jugendlicher Kevin"],
  ["Jugendliche(r) Sam, 16, braucht eine Begleitung.", "name", "Jugendliche(r) Sam"],
  ["Sohn Leon besucht die 3. Klasse.", "name", "Sohn Leon"],
  ["Die Kinder Lea und Tim sind 4 und 7.", "name", "Kinder Lea"],
  ["Ein Junge namens Luca braucht Begleitung.", "name", "namens Luca"],
  ["Kind geb. 03.04.2015, Förderbedarf Sprache.", "birthdate", "geb. 03.04.2015"],
  ["Tochter *12.3.2012", "birthdate", "*12.3.2012"],
  ["geboren am 1.2.2010 in Moers", "birthdate", "geboren am 1.2.2010"],
  ["Jugendliche, geb. 2009, sucht Wohngruppe", "birthdate", "geb. 2009"],
  ["Wohnt in der Musterstraße 12 in Wesel.", "address", "Musterstraße 12"],
  ["Treffpunkt Friedrich-Ebert-Str. 14a", "address", "Friedrich-Ebert-Str. 14a"],
  ["Die Familie wohnt Am Markt 3.", "address", "Am Markt 3"],
  ["Lange Straße 4, zweiter Stock", "address", "Lange Straße 4"],
  ["Erreichbar unter 0203 123456.", "phone", "0203 123456"],
  ["Handy der Mutter: +49 176 12345678", "phone", "+49 176 12345678"],
  ["Tel. (02064) 12 34 56", "phone", "(02064) 12 34 56"],
  ["Rückfragen an 0176-1234567", "phone", "0176-1234567"],
  ["Mail: mama.mueller@example.org", "email", "mama.mueller@example.org"],
];

const mustNotWarn: string[] = [
  "Familie mit drei Kindern in Dinslaken",
  "Kind (8) braucht Begleitung",
  "Termin am 03.04.",
  "Termine am 03.04.2026 und 10.04.2026, jeweils nachmittags",
  "Alleinerziehende Mutter, zwei Kinder (4 und 7), Sprachmittlung Türkisch erwünscht",
  "Jugendlicher, 15 Jahre, Schulverweigerung",
  "Die Familie braucht Unterstützung im Alltag.",
  "Vater Türkisch sprechend, Mutter Arabisch",
  "Frau oder Mann, Führerschein und Auto nötig",
  "Platz in einer Mutter-Kind-Einrichtung gesucht",
  "Am Montag 3 Termine, am Nachmittag 2 Stunden",
  "Im Jahr 2025 begonnen, Hilfeplan bis Ende 2026",
  "20 Std./Woche ab 01.12.2026 bis 31.01.2027",
  "Fallkürzel F-2026-014, SPFH nach § 31 SGB VIII",
  "Schulweg 2 km, mit dem Rad",
  "Kind Kita-Eingewöhnung begleiten",
  "Kind Schulbegleitung ab Montag",
  "Umgangsbegleitung 14-tägig samstags, 3 Stunden",
  "Krisenintervention für eine Jugendliche nach Inobhutnahme (§ 42)",
  "Mitarbeiter*innen mit Erfahrung in ISE",
  "",
];

describe("screenSozialdaten", () => {
  it.each(mustWarn)("warns: %s", (text, kind, match) => {
    const findings = screenSozialdaten(text);
    expect(findings.map((f) => ({ kind: f.kind, match: f.match }))).toContainEqual({ kind, match });
    const finding = findings.find((f) => f.match === match)!;
    expect(text.slice(finding.index, finding.index + match.length)).toBe(match);
    expect(finding.message).toContain(`„${match}“`);
    expect(finding.message).toContain("§§ 61–65 SGB VIII");
  });

  it.each(mustNotWarn)("does not warn: %s", (text) => {
    expect(screenSozialdaten(text)).toEqual([]);
  });

  it("lists every finding of a longer text in order, each once", () => {
    const text =
      "Familie Yılmaz (Musterstraße 12, Tel. 0203 123456) – Sohn Leon, geb. 03.04.2015. Kontakt: a.yilmaz@example.org";
    expect(screenSozialdaten(text).map((f) => [f.kind, f.match])).toEqual([
      ["name", "Familie Yılmaz"],
      ["address", "Musterstraße 12"],
      ["phone", "0203 123456"],
      ["name", "Sohn Leon"],
      ["birthdate", "geb. 03.04.2015"],
      ["email", "a.yilmaz@example.org"],
    ]);
  });

  it("is the same function on the server", () => {
    expect(server.screenSozialdaten).toBe(screenSozialdaten);
    expect(server.containsSozialdaten("Herr Schmidt")).toBe(true);
    expect(server.SOZIALDATEN_HINWEIS).toContain("§§ 61–65 SGB VIII");
  });
});
