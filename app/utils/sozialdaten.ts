// Screens free text that other Träger read for client data ("Sozialdaten"): cover requests and
// their reasons, offer messages, training texts, join-request messages, the Leitbild (see
// app/validation/public-text.ts for the one place forms declare such a field, and
// private.sozialdaten_hard_kinds in the database for the last line of defence).
//
// Two grades:
// - hard identifiers ("refuse"): phone numbers, e-mail addresses, a street with a house number,
//   a full date of birth, a name followed by an age ("Deniz (8)", "Lea, 8 J."), Aktenzeichen-like
//   case numbers. They identify a person by themselves; a text containing them is never saved
//   where another Träger can read it. The same patterns are mirrored in SQL.
// - names alone ("warn"): a capitalised word after "Familie", "Kind", "Herr/Frau" … is very often
//   a name, but Träger, street and place names make false positives common, so the person is
//   warned and confirms.
//
// Linear time on any input: every repetition is bounded and every pattern is anchored at a word
// start by a lookbehind, so a long run of letters or digits costs a constant per position
// (tested with 1 MB inputs in app/utils/sozialdaten.test.ts). Pure and dependency-free: the forms
// run it while typing, the server on saving.

export type SozialdatenKind = "name" | "birthdate" | "address" | "phone" | "email" | "name_age" | "case_number";

export type SozialdatenSeverity = "refuse" | "warn";

export type SozialdatenFinding = {
  kind: SozialdatenKind;
  /** "refuse": a hard identifier, never saved where others read it; "warn": confirm to keep it. */
  severity: SozialdatenSeverity;
  /** The text that was found, as typed. */
  match: string;
  /** Offset of the match in the screened text. */
  index: number;
  /** German explanation for the person typing, referring to §§ 61–65 SGB VIII. */
  message: string;
};

/** The general explanation shown with any finding (and next to the confirmation box). */
export const SOZIALDATEN_HINWEIS =
  "Sozialdaten sind alle Angaben, mit denen sich eine Person bestimmen lässt – Namen, Geburtsdaten, " +
  "Anschriften, Telefonnummern, E-Mail-Adressen (§ 67 Abs. 2 SGB X). Nach §§ 61–65 SGB VIII dürfen " +
  "sie nur für den Zweck weitergegeben werden, für den sie erhoben wurden; anvertraute Daten (§ 65) " +
  "nur mit Einwilligung. Eine Anfrage an den Kreis beschreibt deshalb den Bedarf, nicht die Familie. " +
  "Was die übernehmende Fachkraft wissen muss, tragen Sie in die Übergabenotizen ein: Sie gehen erst " +
  "nach der Zusage an den übernehmenden Träger.";

const LAW = "Das sind Sozialdaten (§§ 61–65 SGB VIII), die nicht in einen Text gehören, den andere Träger lesen.";

/** Where case details belong instead: said with every refusal. */
export const SOZIALDATEN_WOHIN =
  "Fallbezogene Angaben gehören in die Übergabenotizen einer Vertretung (nur der Träger mit der Zusage sieht sie) " +
  "oder ins Fallkürzel (nur Ihr eigener Träger sieht es).";

const REFUSED = `Deshalb kann der Text so nicht gespeichert werden. ${SOZIALDATEN_WOHIN}`;

const MESSAGES: Record<SozialdatenKind, (match: string) => string> = {
  name: (m) =>
    `„${m}“ sieht nach einem Namen aus. ${LAW} Beschreiben Sie den Bedarf ohne Namen (z. B. „Familie mit zwei ` +
    `Kindern“) und nutzen Sie das Fallkürzel; Namen gehören in die Übergabenotizen.`,
  birthdate: (m) => `„${m}“ ist ein Geburtsdatum. ${LAW} Nennen Sie höchstens das Alter (z. B. „8 Jahre“). ${REFUSED}`,
  address: (m) => `„${m}“ ist eine Anschrift. ${LAW} Gemeinde und Sozialraum genügen. ${REFUSED}`,
  phone: (m) =>
    `„${m}“ ist eine Telefonnummer. ${LAW} Kontaktdaten erhalten die Träger nach der Zusage über die Ansprechpersonen. ${REFUSED}`,
  email: (m) =>
    `„${m}“ ist eine E-Mail-Adresse. ${LAW} Kontaktdaten erhalten die Träger nach der Zusage über die Ansprechpersonen. ${REFUSED}`,
  name_age: (m) =>
    `„${m}“ ist ein Name mit Alter. ${LAW} Nennen Sie das Alter ohne Namen (z. B. „Kind, 8 Jahre“). ${REFUSED}`,
  case_number: (m) => `„${m}“ sieht nach einem Aktenzeichen aus. ${LAW} ${REFUSED}`,
};

/** Short German names of the kinds, for lists. */
export const SOZIALDATEN_KIND_LABELS: Record<SozialdatenKind, string> = {
  name: "Name",
  birthdate: "Geburtsdatum",
  address: "Anschrift mit Hausnummer",
  phone: "Telefonnummer",
  email: "E-Mail-Adresse",
  name_age: "Name mit Alter",
  case_number: "Aktenzeichen",
};

const HARD_KINDS = new Set<SozialdatenKind>(["birthdate", "address", "phone", "email", "name_age", "case_number"]);

// Space inside a pattern: at most three blanks (bounded, so no run of blanks is rescanned).
const S = "[ \\t\\u00a0]{0,3}";
const S1 = "[ \\t\\u00a0]{1,3}";

// Words after which a capitalised word is most likely a person's name.
const PERSON_WORDS = [
  "Familie",
  "Fam\\.",
  "Kinder",
  "Kind",
  "Sohn",
  "Tochter",
  "Herrn",
  "Herr",
  "Hr\\.",
  "Frau",
  "Fr\\.",
  "Mutter",
  "Vater",
  "Eltern",
  "Jugendliche\\(r\\)",
  "Jugendlicher",
  "Jugendlichen",
  "Jugendliche",
  "Junge",
  "Mädchen",
  "Klient(?:in|:in|\\*in|_in)?",
  "Geschwister",
  "Bruder",
  "Schwester",
  "Großmutter",
  "Großvater",
  "Oma",
  "Opa",
  "Pflegekind",
  "Pflegemutter",
  "Pflegevater",
  "namens",
  "genannt",
];

// A name: capitalised word (letters incl. ı, accents, apostrophe), possibly double-barrelled or
// with an Arabic article ("Al-Hassan", "El-Khoury"), or an initial ("Frau M."). Bounded.
const WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’]{1,30}";
const NAME = `${WORD}(?:-${WORD}){0,2}|\\p{Lu}\\.`;

const NAME_AFTER_PERSON_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}-])(${PERSON_WORDS.join("|")})${S1}(${NAME})(?![\\p{L}])`,
  "gu",
);

// A name followed by an age: "Deniz (8)", "Lea (8 J.)", "Lea, 8 J.", "Kevin, 15 Jahre", "Mia, 6-jährig".
const AGE_UNIT = `(?:J\\.|Jahre(?:n)?(?![\\p{L}])|-?jährig(?:e|er)?(?![\\p{L}]))`;
const NAME_AGE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(${WORD}(?:-${WORD}){0,2})` +
    `(?:${S}\\(${S}\\d{1,2}(?!\\d)${S}(?:${AGE_UNIT})?${S}\\)|,${S}\\d{1,2}(?!\\d)${S}${AGE_UNIT})`,
  "gu",
);

// Capitalised words that follow "Familie", "Kind", "Mutter", … in descriptions of a need and are
// not names: articles, pronouns, prepositions, nouns of the trade, weekdays, months, languages,
// and the places of the circle (Gemeinden and Stadtteile look like surnames: "Mutter Moers").
const NOT_A_NAME = new Set(
  [
    "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Sie Er Es Ihr Ihre Ihrem Ihren Sein Seine Seinem Seinen",
    "Im In Am An Auf Aus Bei Mit Nach Von Vor Zu Zum Zur Und Oder Aber Für Über Unter Ohne Seit Wegen Ab Bis",
    "Familie Familien Kind Kinder Kindern Mutter Vater Eltern Sohn Tochter Geschwister Jugendliche Jugendlicher",
    "Unterstützung Hilfe Hilfen Begleitung Betreuung Beratung Schule Schulen Kita Kindergarten Alltag Termin Termine",
    "Jugendamt Wohngruppe Einrichtung Heim Förderbedarf Förderung Erziehung Probleme Schwierigkeiten Krise",
    "Verhalten Fachkraft Fachkräfte Team Hause Haushalt Gericht Umgang Umgänge Kontakt Kontakte Std Stunden Woche",
    "Wochen Tag Tage Monat Monate Jahr Jahre Jahren Alter Hilfeplan Hilfeplangespräch Sprachmittlung Dolmetscher",
    "Migrationshintergrund Fluchterfahrung Behinderung Diagnose Therapie Klinik Psychiatrie Inobhutnahme",
    "SPFH ISE SGB VIII KJHG Notfall Vertretung Krisenintervention Umgangsbegleitung Übernahme Trennung Scheidung",
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Wochenende",
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "Deutsch Türkisch Arabisch Kurdisch Farsi Dari Paschtu Russisch Ukrainisch Polnisch Rumänisch Bulgarisch",
    "Englisch Französisch Albanisch Serbisch Kroatisch Bosnisch Tigrinya Somali Gebärdensprache",
    "Morgen Vormittag Mittag Nachmittag Abend Anfang Ende Beginn Zeitraum Schuljahr Halbjahr Quartal Durchschnitt",
    // Counted things that come with a number in brackets: "Plätze (12)", "Gruppe (8)".
    "Mädchen Junge Jungen Jugendlichen Zwillinge Geschwisterkinder Teilnehmende Teilnehmer Teilnehmerinnen Personen",
    "Plätze Platz Gruppe Gruppen Klasse Klassen Module Modul Einheiten Einheit Sitzungen Sitzung Seite Seiten Kapitel",
    "Absatz Abs Nr Punkt Punkte Fälle Fall Anfragen Angebote Mitarbeitende Kolleginnen Kollegen Erwachsene Eltern",
    "Stand Ziffer Anlage Paragraph Kurs Kurse Tagung Workshop Referentin Referent Alle Beide Insgesamt Ca Circa",
    // The circle's Gemeinden and Stadtteile.
    "Alpen Dinslaken Hamminkeln Hünxe Kamp-Lintfort Moers Neukirchen-Vluyn Rheinberg Schermbeck Sonsbeck Voerde",
    "Wesel Xanten Duisburg Oberhausen Kamp Lintfort Neukirchen Vluyn Niederrhein Drevenack Bruckhausen Friedrichsfeld",
    "Spellen Büderich Flüren Walsum Hamborn Marxloh Meiderich Rheinhausen Homberg Ruhrort Hochfeld Neudorf Wanheim",
    "Huckingen Rumeln Baerl Sterkrade Osterfeld Alstaden Lirich Schmachtendorf Holten Lohberg Hiesfeld Eppinghoven",
    "Bislich Blumenkamp Feldmark Obrighoven Lackhausen Ginderich Birten Vynen Lüttingen Borth Budberg Orsoy",
    "Repelen Asberg Kapellen Schwafheim Hülsdonk Meerbeck Gahlen Bucholtwelmen Bruckhausen Mehrhoog Dingden Ringenberg",
    "Ruhrgebiet Rhein Ruhr Emscher Lippe Nordrhein-Westfalen",
  ]
    .join(" ")
    .split(" "),
);

// Dates of birth: only when introduced by geb./geboren/Geburtsdatum/* — a bare "03.04." is a date
// of anything. Hard with day and month; a year alone ("geb. 2009") only warns.
const BIRTHDATE = new RegExp(
  `(?:(?<![\\p{L}])(?:geb\\.|geboren|Geburtsdatum:?|Geburtstag:?)(?:${S1}am)?|\\*)${S}` +
    `(?:\\d{1,2}\\.${S}\\d{1,2}\\.(?:${S}\\d{2,4}(?!\\d))?|\\d{4}(?!\\d))`,
  "giu",
);

// A house number: not a year ("Im Jahr 2025"), not a quantity ("Schulweg 2 km", "Am Nachmittag 3 Std.").
const HOUSE_NUMBER =
  "(?!(?:19|20)\\d{2}(?!\\d))\\d{1,4}[a-z]?(?![\\p{L}\\p{N}])(?![.,]\\d)" +
  `(?!${S}(?:km|m|min|Min\\.?|Minuten|Std\\.?|Stunden|h|mal|Mal|x|Termine?|Kinder|Personen|Jahre?|Plätze|Tage?|Wochen?|Monate?|Uhr)(?![\\p{L}]))`;
// A word ending like a street: checked on the whole word after the match (a pattern that looked
// for the suffix at every letter of every capitalised word cost 40 × 28 steps per word).
const STREET_SUFFIX = /(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|pfad|steig|wall)$/iu;
// Street and number: "Musterstraße 12", "Hauptstr. 5a", "Friedrich-Ebert-Straße 14", "Lange Straße 4".
const STREET = new RegExp(
  `(?<![\\p{L}-])(\\p{Lu}[\\p{L}-]{0,44}\\.?)${S}${HOUSE_NUMBER}` +
    `|(?<![\\p{L}-])\\p{Lu}\\p{L}{1,40}${S1}(?:Straße|Strasse|Str\\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer)${S1}${HOUSE_NUMBER}`,
  "gu",
);
// "Am Markt 3", "An der Kirche 5", "Im Winkel 4", "Zum Hafen 1".
const PREPOSITION_ADDRESS = new RegExp(
  `(?<![\\p{L}])(?:Am|An der|An den|Auf dem|Auf der|Auf den|Im|In der|In den|Zum|Zur|Hinter dem|Hinter der|Unter den|Vor dem)` +
    `${S1}(\\p{Lu}[\\p{L}-]{1,40})${S1}${HOUSE_NUMBER}`,
  "gu",
);

// German phone numbers: +49 / 0049 / a leading 0 area code, then digits with spaces, / or -.
const PHONE = /(?<![\p{L}\p{N}])(?:\+49|0049|\(0\d{2,5}\)|0\d{2,5})(?:[ \t\u00a0/-]{0,3}\d){5,12}(?![\p{N}])/gu;

// Local part and domain bounded (RFC 5321: 64 and 255), starting at a word start.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}])/gu;

// Aktenzeichen of a Jugendamt or court: introduced ("Az. 51.2-1234/2025", "Aktenzeichen 4711",
// "Geschäftszeichen", "Fall-Nr.") or in the typical shape "51-12345/24", "512/0815/2025".
// The Träger's own pseudonymous Fallkürzel ("F-2026-014") is not one.
const CASE_NUMBER = new RegExp(
  `(?<![\\p{L}])(?:Az\\.?|AZ|Akt\\.?-?Z\\.?|Aktenzeichen|Geschäftszeichen|Gz\\.?|Fall-?Nr\\.?|Fallnummer|Kassenzeichen)${S}:?${S}` +
    `(?:[A-Z]{1,4}${S}[./-]?${S})?[A-Z0-9]{0,4}[0-9][A-Z0-9]{0,8}(?:${S}[./-]${S}[A-Z0-9]{1,8}){0,4}(?![\\p{L}\\p{N}])` +
    `|(?<![\\p{L}\\p{N}./-])\\d{2,4}(?:\\.\\d{1,3}){0,3}[-/]\\d{3,8}[-/]\\d{2,4}(?![\\p{N}/-])`,
  "gu",
);

// Titles are followed by a name; after "Familie", "Kind", … a capitalised word may also be a noun
// ("Kind Schulbegleitung", "Kind Kita-Eingewöhnung"): typical noun endings are not taken for names.
const TITLES = new Set(["Herr", "Herrn", "Hr.", "Frau", "Fr.", "namens", "genannt"]);
const NOUN_ENDING = /(?:ung|heit|keit|schaft|tion|ität|nis|tum|ment|ismus|ierung|begleitung|betreuung|gruppe|kurs|stunde|stunden)$/u;

/** The capitalised words that are never taken for names (the SQL guard holds the same list). */
export const SOZIALDATEN_COMMON_WORDS: readonly string[] = [...NOT_A_NAME];

function isCommonWord(word: string): boolean {
  return NOT_A_NAME.has(word) || NOT_A_NAME.has(word.split("-")[0]!);
}

function looksLikeName(personWord: string, word: string): boolean {
  if (isCommonWord(word)) return false;
  if (TITLES.has(personWord)) return true;
  return !NOUN_ENDING.test(word);
}

/**
 * At most this many findings per pattern: a text with more is refused or warned about anyway,
 * and nobody reads a longer list (it also keeps a megabyte of names cheap).
 */
const MAX_FINDINGS_PER_PATTERN = 200;

function collect(
  text: string,
  pattern: RegExp,
  kind: SozialdatenKind,
  accept: (match: RegExpExecArray) => boolean = () => true,
  severity: (match: string) => SozialdatenSeverity = () => (HARD_KINDS.has(kind) ? "refuse" : "warn"),
): SozialdatenFinding[] {
  const found: SozialdatenFinding[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null && found.length < MAX_FINDINGS_PER_PATTERN; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    if (!accept(m)) continue;
    const match = m[0].trim();
    found.push({ kind, severity: severity(match), match, index: m.index + m[0].indexOf(match), message: MESSAGES[kind](match) });
  }
  return found;
}

/**
 * Keeps one finding per stretch of text: the earlier, and of two starting together the longer.
 * Findings that overlap one of `taken` (sorted, non-overlapping) are dropped. O(n log n).
 */
function nonOverlapping(findings: SozialdatenFinding[], taken: ReadonlyArray<SozialdatenFinding> = []): SozialdatenFinding[] {
  const sorted = [...findings].sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  const result: SozialdatenFinding[] = [];
  let end = -1;
  let t = 0;
  for (const f of sorted) {
    if (f.index < end) continue;
    const fEnd = f.index + f.match.length;
    while (t < taken.length && taken[t]!.index + taken[t]!.match.length <= f.index) t += 1;
    if (t < taken.length && taken[t]!.index < fEnd) continue;
    result.push(f);
    end = fEnd;
  }
  return result;
}

/** The text that identifies a set of Sozialdaten findings (what the form showed, sent back as "seen"). */
export function sozialdatenKey(findings: ReadonlyArray<{ kind: string; match: string }>): string {
  return findings.map((f) => `${f.kind}:${f.match}`).join("|");
}

/**
 * What in `text` looks like client data, in the order it appears. Empty when nothing does.
 * Hard identifiers win over a name warning on the same words ("Sohn Deniz (8)" → "Deniz (8)").
 */
export function screenSozialdaten(text: string): SozialdatenFinding[] {
  if (!text) return [];
  const hard = nonOverlapping([
    ...collect(text, BIRTHDATE, "birthdate", undefined, (m) => (/\d{1,2}\.[ \t\u00a0]{0,3}\d{1,2}\./.test(m) ? "refuse" : "warn")),
    ...collect(text, STREET, "address", (m) => m[1] === undefined || STREET_SUFFIX.test(m[1])),
    ...collect(text, PREPOSITION_ADDRESS, "address", (m) => !isCommonWord(m[1]!)),
    ...collect(text, EMAIL, "email"),
    ...collect(text, PHONE, "phone", (m) => m[0].replace(/\D/g, "").length >= 7),
    ...collect(text, NAME_AGE, "name_age", (m) => !isCommonWord(m[1]!) && !NOUN_ENDING.test(m[1]!)),
    ...collect(text, CASE_NUMBER, "case_number"),
  ]);
  const names = nonOverlapping(
    collect(text, NAME_AFTER_PERSON_WORD, "name", (m) => looksLikeName(m[1]!, m[2]!)),
    hard,
  );
  return [...hard, ...names].sort((a, b) => a.index - b.index);
}

/** Only the findings that refuse a save (hard identifiers). */
export function hardSozialdaten(text: string): SozialdatenFinding[] {
  return screenSozialdaten(text).filter((f) => f.severity === "refuse");
}

export function containsSozialdaten(text: string): boolean {
  return screenSozialdaten(text).length > 0;
}

/** The refusal for a field, one line per finding: what was found and where it belongs instead. */
export function sozialdatenRefusalMessages(findings: ReadonlyArray<SozialdatenFinding>, place?: string): string[] {
  const intro = place
    ? `${place} lesen andere Träger. Diese Angaben können dort nicht gespeichert werden:`
    : "Diesen Text lesen andere Träger. Diese Angaben können hier nicht gespeichert werden:";
  return [intro, ...findings.map((f) => f.message)];
}

/** The labels of the texts a hidden subject can have, in the order the page shows them. */
export const SOZIALDATEN_TEXT_LABELS = {
  title: "Titel",
  description: "Beschreibung",
  gender_reason: "Begründung der Vorgabe zum Geschlecht",
  cancel_reason: "Grund der Absage",
  decline_reason: "Begründung der Ablehnung",
  message: "Nachricht zum Angebot",
  goal: "Ziel des Projekts",
  target_group: "Zielgruppe",
  funding: "Finanzierungsidee",
  wanted: "Gesucht",
  summary: "Steckbrief",
  body: "Beitrag im Arbeitsraum",
} as const;
