// German labels for the actions the audit log records (private.audit(...) in the migrations).
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "organization.created": "Träger angelegt",
  "member.added": "Mitglied aufgenommen",
  "member.role_changed": "Rolle geändert",
  "member.removed": "Mitglied entfernt",
  "member.contact_person_changed": "Ansprechperson geändert",
  "invitation.created": "Einladung verschickt",
  "invitation.accepted": "Einladung angenommen",
  "network.admitted": "In den Kreis aufgenommen",
  "auth.sign_in": "Anmeldung",
  "mail.requeued": "Unzustellbare E-Mail erneut in den Versand gegeben",
  "sozialdaten.reported": "Text wegen Sozialdaten gemeldet und ausgeblendet",
  "sozialdaten.hidden_by_coordinator": "Text von der Kreiskoordination wegen Sozialdaten ausgeblendet",
  "sozialdaten.hidden_by_screen": "Text bei der Prüfung auf Sozialdaten ausgeblendet",
  "sozialdaten.revised": "Ausgeblendeten Text überarbeitet und wieder sichtbar gemacht",
  "sozialdaten.found_in_leitbild": "Sozialdaten im Leitbild gefunden",
  "cover.posting_requested": "Koordination um eine Vertretungsanfrage gebeten",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
