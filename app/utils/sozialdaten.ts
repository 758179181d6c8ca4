// Screens the description of a cover request for client data ("Sozialdaten") before the circle
// sees it: names after words like "Familie", "Kind", "Herr/Frau", dates of birth, street
// addresses, phone numbers and email addresses. Pure and dependency-free, so the form warns while
// typing (browser) and the action checks again on saving (server, app/.server/cover/sozialdaten.ts)
// with the same code.
//
// A heuristic, on purpose cautious in one direction: it should catch what people actually type
// ("Familie Yılmaz", "geb. 03.04.2015", "Musterstraße 12") and stay quiet on descriptions of a
// need ("Familie mit drei Kindern in Dinslaken", "Kind (8)", "Termin am 03.04."). The requester
// still confirms "enthält keine Sozialdaten"; the database refuses to publish without it.

export type SozialdatenKind = "name" | "birthdate" | "address" | "phone" | "email";

export type SozialdatenFinding = {
  kind: SozialdatenKind;
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

const LAW = "Das sind Sozialdaten (§§ 61–65 SGB VIII), die nicht in eine Anfrage an den ganzen Kreis gehören.";

const MESSAGES: Record<SozialdatenKind, (match: string) => string> = {
  name: (m) =>
    `„${m}“ sieht nach einem Namen aus. ${LAW} Beschreiben Sie den Bedarf ohne Namen (z. B. „Familie mit zwei ` +
    `Kindern“) und nutzen Sie das Fallkürzel; Namen gehören in die Übergabenotizen.`,
  birthdate: (m) =>
    `„${m}“ ist ein Geburtsdatum. ${LAW} Nennen Sie höchstens das Alter (z. B. „8 Jahre“).`,
  address: (m) =>
    `„${m}“ ist eine Anschrift. ${LAW} Gemeinde und Sozialraum genügen; die Anschrift gehört in die Übergabenotizen.`,
  phone: (m) =>
    `„${m}“ ist eine Telefonnummer. ${LAW} Kontaktdaten erhalten die Träger nach der Zusage über die Ansprechpersonen.`,
  email: (m) =>
    `„${m}“ ist eine E-Mail-Adresse. ${LAW} Kontaktdaten erhalten die Träger nach der Zusage über die Ansprechpersonen.`,
};

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

// A name: capitalised word (letters incl. ı, accents, apostrophe), possibly double-barrelled,
// or an initial ("Frau M.").
const NAME = "\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}[\\p{Ll}\\p{M}'’]+)*|\\p{Lu}\\.";

const NAME_AFTER_PERSON_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}-])(${PERSON_WORDS.join("|")})[ \\t\\u00a0]+(${NAME})`,
  "gu",
);

// Capitalised words that follow "Familie", "Kind", "Mutter", … in descriptions of a need and are
// not names: articles, pronouns, prepositions, nouns of the trade, weekdays, months, languages.
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
  ]
    .join(" ")
    .split(" "),
);

// Dates of birth: only when introduced by geb./geboren/Geburtsdatum/* — a bare "03.04." is a date
// of anything.
const BIRTHDATE =
  /(?:(?<![\p{L}])(?:geb\.|geboren|Geburtsdatum:?|Geburtstag:?)(?:[ \t\u00a0]+am)?|\*)[ \t\u00a0]*(?:\d{1,2}\.[ \t\u00a0]?\d{1,2}\.(?:[ \t\u00a0]?\d{2,4})?|\d{4}(?!\d))/giu;

// A house number: not a year ("Im Jahr 2025"), not a quantity ("Schulweg 2 km", "Am Nachmittag 3 Std.").
const HOUSE_NUMBER =
  "(?!(?:19|20)\\d{2}(?!\\d))\\d{1,4}[a-z]?(?![\\p{L}\\p{N}])(?![.,]\\d)(?![ \\t\\u00a0]*(?:km|m|min|Min\\.?|Minuten|Std\\.?|Stunden|h|mal|Mal|x|Termine?|Kinder|Personen|Jahre?)(?![\\p{L}]))";
const STREET_SUFFIX = ["straße", "strasse", "str\\.", "weg", "gasse", "allee", "platz", "ring", "damm", "ufer", "chaussee", "pfad", "steig", "wall"]
  .flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)])
  .join("|");
// Street and number: "Musterstraße 12", "Hauptstr. 5a", "Friedrich-Ebert-Straße 14", "Lange Straße 4".
const STREET = new RegExp(
  `(?<![\\p{L}])\\p{Lu}[\\p{L}-]*(?:${STREET_SUFFIX})[ \\t\\u00a0]*${HOUSE_NUMBER}` +
    `|(?<![\\p{L}])\\p{Lu}\\p{L}+[ \\t\\u00a0]+(?:Straße|Strasse|Str\\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer)[ \\t\\u00a0]+${HOUSE_NUMBER}`,
  "gu",
);
// "Am Markt 3", "An der Kirche 5", "Im Winkel 4", "Zum Hafen 1".
const PREPOSITION_ADDRESS = new RegExp(
  `(?<![\\p{L}])(?:Am|An der|An den|Auf dem|Auf der|Auf den|Im|In der|In den|Zum|Zur|Hinter dem|Hinter der|Unter den|Vor dem)` +
    `[ \\t\\u00a0]+(\\p{Lu}[\\p{L}-]+)[ \\t\\u00a0]+${HOUSE_NUMBER}`,
  "gu",
);

// German phone numbers: +49 / 0049 / a leading 0 area code, then digits with spaces, / or -.
const PHONE = /(?<![\p{L}\p{N}])(?:\+49|0049|\(0\d{2,5}\)|0\d{2,5})(?:[ \t\u00a0/-]*\d){5,12}(?![\p{N}])/gu;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// Titles are followed by a name; after "Familie", "Kind", … a capitalised word may also be a noun
// ("Kind Schulbegleitung", "Kind Kita-Eingewöhnung"): typical noun endings are not taken for names.
const TITLES = new Set(["Herr", "Herrn", "Hr.", "Frau", "Fr.", "namens", "genannt"]);
const NOUN_ENDING = /(?:ung|heit|keit|schaft|tion|ität|nis|tum|ment|ismus|ierung|begleitung|betreuung)$/u;

function looksLikeName(personWord: string, word: string): boolean {
  const first = word.split("-")[0]!;
  if (NOT_A_NAME.has(word) || NOT_A_NAME.has(first)) return false;
  if (TITLES.has(personWord)) return true;
  return !NOUN_ENDING.test(word);
}

function collect(
  text: string,
  pattern: RegExp,
  kind: SozialdatenKind,
  accept: (match: RegExpExecArray) => boolean = () => true,
): SozialdatenFinding[] {
  const found: SozialdatenFinding[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    if (!accept(m)) continue;
    const match = m[0].trim();
    found.push({ kind, match, index: m.index + m[0].indexOf(match), message: MESSAGES[kind](match) });
  }
  return found;
}

/** What in `text` looks like client data, in the order it appears. Empty when nothing does. */
export function screenSozialdaten(text: string): SozialdatenFinding[] {
  if (!text) return [];
  const findings = [
    ...collect(text, NAME_AFTER_PERSON_WORD, "name", (m) => looksLikeName(m[1]!, m[2]!)),
    ...collect(text, BIRTHDATE, "birthdate"),
    ...collect(text, STREET, "address"),
    ...collect(text, PREPOSITION_ADDRESS, "address", (m) => !NOT_A_NAME.has(m[1]!)),
    ...collect(text, EMAIL, "email"),
    ...collect(text, PHONE, "phone", (m) => m[0].replace(/\D/g, "").length >= 7),
  ];
  findings.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  // One finding per stretch of text (an email's digits are not also a phone number).
  const result: SozialdatenFinding[] = [];
  let end = -1;
  for (const f of findings) {
    if (f.index < end) continue;
    result.push(f);
    end = f.index + f.match.length;
  }
  return result;
}

export function containsSozialdaten(text: string): boolean {
  return screenSozialdaten(text).length > 0;
}
