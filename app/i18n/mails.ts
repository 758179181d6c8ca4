// German names of the mail templates (emails/*.tsx), for screens that list mails without their
// content (undeliverable mails). A template without a label shows its technical name.
export const MAIL_TEMPLATE_LABELS: Record<string, string> = {
  "confirm-email": "E-Mail-Adresse bestätigen",
  "reset-password": "Passwort zurücksetzen",
  invitation: "Einladung in einen Träger",
  "join-request-received": "Neue Interessensmeldung",
  "join-request-admitted": "Aufnahme in den Kreis",
  "join-request-declined": "Absage auf eine Interessensmeldung",
  "cover-request-alert": "Vertretungsanfrage",
  "cover-offer-received": "Angebot auf eine Vertretungsanfrage",
  "cover-offer-withdrawn": "Angebot zurückgezogen",
  "cover-offer-accepted": "Angebot angenommen",
  "cover-offer-declined": "Angebot abgelehnt",
  "cover-request-cancelled": "Vertretungsanfrage zurückgezogen",
  "cover-request-expired": "Vertretungsanfrage abgelaufen",
  "training-confirmed": "Platz in einer Fortbildung bestätigt",
  "training-waitlisted": "Warteliste einer Fortbildung",
  "training-offer": "Freier Platz in einer Fortbildung",
  "training-registration-cancelled": "Anmeldung zu einer Fortbildung storniert",
  "training-cancelled": "Fortbildung abgesagt",
  "training-reminder": "Erinnerung an eine Fortbildung",
  "training-approval-requested": "Freigabe einer Anmeldung erbeten",
  "training-go-no-go": "Entscheidung über eine Fortbildung",
};

export function mailTemplateLabel(template: string | null): string {
  if (!template) return "E-Mail";
  return MAIL_TEMPLATE_LABELS[template] ?? template;
}
