// Dates as German readers expect them, in the circle's time zone (server and browser render the
// same text, so hydration never differs).
const dateFormat = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeZone: "Europe/Berlin" });
const dateTimeFormat = new Intl.DateTimeFormat("de-DE", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/Berlin",
});

export function formatDate(iso: string | Date): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string | Date): string {
  return `${dateTimeFormat.format(new Date(iso))} Uhr`;
}

/** "1 Träger", "12 Träger"; "1 Meldung", "3 Meldungen". */
export function countLabel(count: number, singular: string, plural: string = singular): string {
  return `${count.toLocaleString("de-DE")} ${count === 1 ? singular : plural}`;
}
