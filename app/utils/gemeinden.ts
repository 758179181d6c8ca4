// Gemeinden grouped by their Kreis (in the order they come, i.e. the reference data's order): for
// the grouped select boxes of forms and filters and the checkbox groups of a Träger's profile.
type GemeindeLike = { code: string; name: string; kreis: string };

/** The heading of a Kreis: the cities without a Kreis are grouped as "Kreisfreie Städte". */
export function kreisLabel(kreis: string): string {
  return kreis === "Kreisfreie Stadt" ? "Kreisfreie Städte" : kreis;
}

function gemeindenByKreis<G extends GemeindeLike>(gemeinden: readonly G[]): Array<{ kreis: string; label: string; gemeinden: G[] }> {
  const kreise = [...new Set(gemeinden.map((g) => g.kreis))];
  return kreise.map((kreis) => ({ kreis, label: kreisLabel(kreis), gemeinden: gemeinden.filter((g) => g.kreis === kreis) }));
}

/** Option groups for SelectField: one per Kreis, the Gemeinde's code as the value. */
export function gemeindeOptionGroups(gemeinden: readonly GemeindeLike[]) {
  return gemeindenByKreis(gemeinden).map((group) => ({
    label: group.label,
    options: group.gemeinden.map((g) => ({ value: g.code, label: g.name })),
  }));
}
