// The fixed lists of the reference tables (public.hilfearten, public.gemeinden,
// public.training_topics), as a module the browser has anyway: list pages used to send them in
// their loader data, which a page serialises into its HTML as well (issue 14). They change only by
// migration; tests/integration/reference-data.test.ts fails when this copy and the tables differ.
export type Hilfeart = { code: string; paragraph: string; label: string };
export type Gemeinde = { code: string; name: string; kreis: string };
export type TrainingTopic = { code: string; label: string };

export const HILFEARTEN: readonly Hilfeart[] = [
  { code: "p8a", paragraph: "§ 8a", label: "Schutzauftrag bei Kindeswohlgefährdung (insoweit erfahrene Fachkraft)" },
  { code: "p16", paragraph: "§ 16", label: "Allgemeine Förderung der Erziehung in der Familie" },
  { code: "p18", paragraph: "§ 18", label: "Beratung und Unterstützung bei Personensorge und Umgang (Umgangsbegleitung)" },
  { code: "p19", paragraph: "§ 19", label: "Gemeinsame Wohnformen für Mütter/Väter und Kinder" },
  { code: "p27", paragraph: "§ 27", label: "Hilfe zur Erziehung (flexible Hilfen)" },
  { code: "p28", paragraph: "§ 28", label: "Erziehungsberatung" },
  { code: "p29", paragraph: "§ 29", label: "Soziale Gruppenarbeit" },
  { code: "p30", paragraph: "§ 30", label: "Erziehungsbeistand, Betreuungshelfer" },
  { code: "p31", paragraph: "§ 31", label: "Sozialpädagogische Familienhilfe (SPFH)" },
  { code: "p32", paragraph: "§ 32", label: "Erziehung in einer Tagesgruppe" },
  { code: "p33", paragraph: "§ 33", label: "Vollzeitpflege" },
  { code: "p34", paragraph: "§ 34", label: "Heimerziehung, sonstige betreute Wohnform" },
  { code: "p35", paragraph: "§ 35", label: "Intensive sozialpädagogische Einzelbetreuung (ISE)" },
  { code: "p35a", paragraph: "§ 35a", label: "Eingliederungshilfe für seelisch behinderte Kinder und Jugendliche" },
  { code: "p41", paragraph: "§ 41", label: "Hilfe für junge Volljährige" },
  { code: "p42", paragraph: "§ 42", label: "Inobhutnahme" },
];

export const GEMEINDEN: readonly Gemeinde[] = [
  { code: "alpen", name: "Alpen", kreis: "Kreis Wesel" },
  { code: "dinslaken", name: "Dinslaken", kreis: "Kreis Wesel" },
  { code: "hamminkeln", name: "Hamminkeln", kreis: "Kreis Wesel" },
  { code: "huenxe", name: "Hünxe", kreis: "Kreis Wesel" },
  { code: "kamp-lintfort", name: "Kamp-Lintfort", kreis: "Kreis Wesel" },
  { code: "moers", name: "Moers", kreis: "Kreis Wesel" },
  { code: "neukirchen-vluyn", name: "Neukirchen-Vluyn", kreis: "Kreis Wesel" },
  { code: "rheinberg", name: "Rheinberg", kreis: "Kreis Wesel" },
  { code: "schermbeck", name: "Schermbeck", kreis: "Kreis Wesel" },
  { code: "sonsbeck", name: "Sonsbeck", kreis: "Kreis Wesel" },
  { code: "voerde", name: "Voerde (Niederrhein)", kreis: "Kreis Wesel" },
  { code: "wesel", name: "Wesel", kreis: "Kreis Wesel" },
  { code: "xanten", name: "Xanten", kreis: "Kreis Wesel" },
  { code: "duisburg", name: "Duisburg", kreis: "Kreisfreie Stadt" },
  { code: "oberhausen", name: "Oberhausen", kreis: "Kreisfreie Stadt" },
];

export const TRAINING_TOPICS: readonly TrainingTopic[] = [
  { code: "kinderschutz", label: "Kinderschutz (§ 8a SGB VIII)" },
  { code: "schutzkonzepte", label: "Schutzkonzepte und sexualisierte Gewalt" },
  { code: "deeskalation", label: "Deeskalation und Krisenintervention" },
  { code: "traumapaedagogik", label: "Traumapädagogik" },
  { code: "systemisch", label: "Systemisches Arbeiten und Gesprächsführung" },
  { code: "hilfeplanung", label: "Hilfeplanung, Dokumentation und Recht" },
  { code: "datenschutz", label: "Datenschutz und Schweigepflicht (§§ 61–65 SGB VIII)" },
  { code: "partizipation", label: "Partizipation und Beschwerdeverfahren" },
  { code: "diversitaet", label: "Interkulturelle Kompetenz, Flucht und Migration" },
  { code: "psychische_gesundheit", label: "Psychische Gesundheit und Sucht" },
  { code: "medien", label: "Medienkompetenz und Jugendmedienschutz" },
  { code: "elternarbeit", label: "Eltern- und Familienarbeit" },
  { code: "erste_hilfe", label: "Erste Hilfe am Kind" },
  { code: "lebenspraxis", label: "Lebenspraktische Kompetenzen (für Jugendliche)" },
  { code: "leitung", label: "Leitung, Team und Selbstfürsorge" },
  { code: "sonstiges", label: "Sonstiges" },
];

const hilfeartByCode = new Map(HILFEARTEN.map((h) => [h.code, h]));
const gemeindeByCode = new Map(GEMEINDEN.map((g) => [g.code, g]));

/** The Hilfeart of a code; an unknown code stands for itself (paragraph = code, no label). */
export function hilfeartOf(code: string): Hilfeart {
  return hilfeartByCode.get(code) ?? { code, paragraph: code, label: "" };
}

/** The Gemeinde's name of a code; an unknown code stands for itself. */
export function gemeindeName(code: string): string {
  return gemeindeByCode.get(code)?.name ?? code;
}
