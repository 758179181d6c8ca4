// German labels for the actions the audit log records (private.audit(...) in the migrations, and
// the few the app writes itself). tests/integration/audit-labels.test.ts reads every action out
// of the migrated database's functions and fails when one has no label here.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  // Träger and members
  "organization.created": "Träger angelegt",
  "member.added": "Mitglied aufgenommen",
  "member.role_changed": "Rolle geändert",
  "member.removed": "Mitglied entfernt",
  "member.contact_person_changed": "Ansprechperson geändert",
  "invitation.created": "Einladung verschickt",
  "invitation.accepted": "Einladung angenommen",
  "auth.sign_in": "Anmeldung",
  "mail.requeued": "Unzustellbare E-Mail erneut in den Versand gegeben",
  "sozialdaten.reported": "Text wegen Sozialdaten gemeldet und ausgeblendet",
  "sozialdaten.hidden_by_coordinator": "Text von der Kreiskoordination wegen Sozialdaten ausgeblendet",
  "sozialdaten.hidden_by_screen": "Text bei der Prüfung auf Sozialdaten ausgeblendet",
  "sozialdaten.revised": "Ausgeblendeten Text überarbeitet und wieder sichtbar gemacht",
  "sozialdaten.found_in_leitbild": "Sozialdaten im Leitbild gefunden",
  "cover.posting_requested": "Koordination um eine Vertretungsanfrage gebeten",
  "account.deleted": "Konto gelöscht",
  "calendar_feed.created": "Kalender-Abo eingerichtet",
  "calendar_feed.revoked": "Kalender-Abo widerrufen",
  // The circle
  "join_request.created": "Interesse gemeldet",
  "join_request.admitted": "Interessensmeldung angenommen",
  "join_request.declined": "Interessensmeldung abgelehnt",
  "network.admitted": "In den Kreis aufgenommen",
  "network.removed": "Aus dem Kreis entfernt",
  "network.coordination_changed": "Koordination übergeben",
  "network.settings_changed": "Kreis-Einstellungen geändert",
  // Vertretungsbörse
  "cover.published": "Vertretungsanfrage veröffentlicht",
  "cover.offer_made": "Vertretung angeboten",
  "cover.offer_withdrawn": "Angebot zurückgezogen",
  "cover.offer_accepted": "Angebot angenommen",
  "cover.offer_declined": "Angebot abgelehnt",
  "cover.handover_released": "Übergabe freigegeben",
  "cover.cancelled": "Vertretungsanfrage zurückgezogen",
  "cover.completed": "Vertretung abgeschlossen",
  "cover.closed_by_removal": "Vertretungsanfrage geschlossen (Träger entfernt)",
  // Fortbildungen
  "training.published": "Fortbildung veröffentlicht",
  "training.cancelled": "Fortbildung abgesagt",
  "training.held": "Fortbildung durchgeführt",
  "training.queue_moved": "Warteliste umgestellt",
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

/** The German label; an action without one reads as a neutral word, never as its code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? "Änderung";
}
