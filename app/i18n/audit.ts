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
  "meeting.created": "Treffen angelegt",
  "meeting.updated": "Treffen geändert",
  "meeting.cancelled": "Treffen abgesagt",
  "meeting.guest_invited": "Gast zum Treffen eingeladen",
  "meeting.guest_registered": "Gast zum Treffen angemeldet",
  "poll.created": "Terminumfrage gestartet",
  "poll.closed": "Terminumfrage abgeschlossen",
  "agenda.topic_accepted": "Thema auf die Tagesordnung gesetzt",
  "agenda.topic_declined": "Themenvorschlag abgelehnt",
  "minutes.circulated": "Protokoll zur Durchsicht verschickt",
  "minutes.approved": "Protokoll genehmigt",
  "action_item.updated": "Aufgabe aktualisiert",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
