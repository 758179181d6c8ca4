// Short names of the Hilfearten, for places too small for the full label (the directory's cards):
// "§ 31 SPFH" instead of "§ 31" with "Sozialpädagogische Familienhilfe (SPFH)" in a tooltip that a
// phone cannot show. Keyed by public.hilfearten.code; a code missing here shows its full label.
const SHORT_LABELS: Record<string, string> = {
  p8a: "Kinderschutz",
  p16: "Familienförderung",
  p18: "Umgangsbegleitung",
  p19: "Mutter/Vater-Kind",
  p27: "Flexible Hilfen",
  p28: "Erziehungsberatung",
  p29: "Gruppenarbeit",
  p30: "Erziehungsbeistand",
  p31: "SPFH",
  p32: "Tagesgruppe",
  p33: "Vollzeitpflege",
  p34: "Heimerziehung",
  p35: "ISE",
  p35a: "Eingliederungshilfe",
  p41: "Junge Volljährige",
  p42: "Inobhutnahme",
};

export function hilfeartShortLabel(hilfeart: { code: string; label: string }): string {
  return SHORT_LABELS[hilfeart.code] ?? hilfeart.label;
}

/** Options for a select or checkbox group: "§ 31 Sozialpädagogische Familienhilfe (SPFH)". */
export function hilfeartOptions(hilfearten: ReadonlyArray<{ code: string; paragraph: string; label: string }>) {
  return hilfearten.map((h) => ({ value: h.code, label: `${h.paragraph} ${h.label}` }));
}
