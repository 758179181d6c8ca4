// German texts of the Gemeinsame Projekte owned by the feature: the messages of its TK_* codes
// (supabase/migrations/20261207110*_…projects…), merged in app/.server/db/errors.ts. Its
// notifications: ./projects-notifications.ts.

export const PROJECT_ERRORS: Record<string, string> = {
  TK_PROJECT_NOT_LEAD: "Das kann nur die Projektleitung (Koordination des leitenden Trägers).",
  TK_PROJECT_ORG_NOT_ALLOWED: "Für diesen Träger können Sie das nicht tun: Sie brauchen dort die Rolle Koordination, Admin oder Inhaber:in, und der Träger muss zum Kreis gehören.",
  TK_PROJECT_TITLE_INVALID: "Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an.",
  TK_PROJECT_GOAL_MISSING: "Bitte beschreiben Sie das Ziel des Projekts (mindestens 10 Zeichen).",
  TK_PROJECT_TEXT_TOO_LONG: "Ein Text ist zu lang. Bitte kürzen Sie ihn.",
  TK_PROJECT_AGE_INVALID: "Bitte geben Sie ein Alter zwischen 0 und 27 an; das Höchstalter darf nicht unter dem Mindestalter liegen.",
  TK_PROJECT_PERIOD_ORDER: "Das Ende des Zeitraums liegt vor dem Beginn.",
  TK_PROJECT_ALREADY_PARTNER: "Dieser Träger macht bei dem Projekt schon mit.",
  TK_PROJECT_REQUEST_PENDING: "Für diesen Träger liegt schon eine offene Anfrage oder Einladung vor.",
  TK_PROJECT_NO_REQUEST: "Dazu liegt keine offene Anfrage vor (mehr).",
  TK_PROJECT_NOT_PARTNER: "Dieser Träger macht bei dem Projekt nicht mit.",
  TK_PROJECT_CLOSED: "Das Projekt ist abgeschlossen oder beendet; daran lässt sich nichts mehr ändern.",
  TK_PROJECT_LAST_LEAD: "Der leitende Träger kann nicht aussteigen. Übergeben Sie zuerst die Leitung an einen Partner.",
  TK_PROJECT_HANDOVER_TARGET: "Die Leitung kann nur an einen anderen Träger übergeben werden, der schon mitmacht.",
  TK_PROJECT_STATUS_INVALID: "Dieser Statuswechsel ist nicht möglich.",
  TK_PROJECT_SUMMARY_MISSING: "Bitte schreiben Sie einen Steckbrief für den Kreis (mindestens 20 Zeichen).",
  TK_PROJECT_UPDATE_INVALID: "Bitte schreiben Sie einen Beitrag (höchstens 5.000 Zeichen).",
  TK_PROJECT_COMMENT_INVALID: "Bitte schreiben Sie einen Kommentar (höchstens 2.000 Zeichen).",
  TK_PROJECT_TASK_TITLE_INVALID: "Bitte geben Sie eine Aufgabe mit 3 bis 300 Zeichen an.",
  TK_PROJECT_TASK_OWNER_NOT_PARTNER: "Eine Aufgabe kann nur ein Träger übernehmen, der bei dem Projekt mitmacht.",
  TK_PROJECT_TASK_PERSON_INVALID: "Diese Person gehört nicht zu dem Träger, der die Aufgabe übernimmt.",
  TK_PROJECT_TASK_STATUS_INVALID: "Unbekannter Status der Aufgabe.",
  TK_PROJECT_LINK_INVALID: "Bitte geben Sie einen Titel und einen Link an, der mit https:// oder http:// beginnt.",
  TK_PROJECT_DATE_TITLE_INVALID: "Bitte geben Sie einen Titel mit 2 bis 200 Zeichen an.",
  TK_PROJECT_DATE_INVALID: "Bitte prüfen Sie das Datum: Das Ende darf nicht vor dem Beginn liegen.",
};
