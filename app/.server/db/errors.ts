// Turns database errors a user can cause into German messages. Functions in the migrations raise
// stable codes (TK_*) with SQLSTATE P0001; constraint violations carry standard SQLSTATEs.
// Postgres' own error text never reaches a page.

const messages: Record<string, string> = {
  TK_NOT_SIGNED_IN: "Bitte melden Sie sich an.",
  TK_NOT_FOUND: "Nicht gefunden.",
  TK_FORM_KEY_INVALID: "Dieses Formular ist nicht mehr gültig. Bitte laden Sie die Seite neu und senden Sie es noch einmal.",
  TK_OWNER_ONLY: "Nur Inhaber:innen können die Rolle „Inhaber:in“ vergeben oder entziehen.",
  TK_LAST_OWNER: "Der Träger braucht mindestens eine Inhaberin oder einen Inhaber. Ernennen Sie zuerst eine weitere Person.",
  TK_UNKNOWN_HILFEART: "Unbekannte Hilfeart.",
  TK_UNKNOWN_GEMEINDE: "Unbekannte Gemeinde.",
  TK_INVALID_ROLE: "Unbekannte Rolle.",
  TK_ALREADY_MEMBER: "Diese Person gehört dem Träger bereits an.",
  TK_INVITATION_INVALID: "Diese Einladung gibt es nicht (mehr). Bitten Sie um eine neue Einladung.",
  TK_INVITATION_USED: "Diese Einladung wurde bereits angenommen.",
  TK_INVITATION_EXPIRED: "Diese Einladung ist abgelaufen. Bitten Sie um eine neue Einladung.",
  TK_INVITATION_OTHER_EMAIL:
    "Diese Einladung gilt für eine andere E-Mail-Adresse. Melden Sie sich mit der eingeladenen Adresse an.",
  TK_ALREADY_DECIDED: "Über diese Anfrage wurde bereits entschieden.",
  TK_CIRCLE_REMOVE_COORDINATOR:
    "Ein Träger, der den Kreis koordiniert, kann nicht entfernt werden. Übergeben Sie zuerst die Koordination.",
  TK_CIRCLE_REASON_REQUIRED: "Bitte geben Sie einen Grund an (mindestens 3 Zeichen).",
  TK_CIRCLE_REASON_TOO_LONG: "Der Grund darf höchstens 1.000 Zeichen lang sein.",
  TK_CIRCLE_ALREADY_COORDINATOR: "Dieser Träger koordiniert den Kreis bereits.",
  TK_ACCOUNT_LAST_OWNER:
    "Sie sind die einzige Inhaberin bzw. der einzige Inhaber eines Trägers. Ernennen Sie dort zuerst eine weitere Person zur Inhaber:in.",
  TK_ALREADY_IN_CIRCLE: "Ihr Träger gehört diesem Kreis bereits an.",
  TK_JOIN_REQUEST_PENDING: "Für Ihren Träger liegt dem Kreis schon eine offene Anfrage vor. Die Koordination meldet sich bei Ihnen.",
  TK_JOIN_REQUEST_LIMIT:
    "Von dieser E-Mail-Adresse liegen dem Kreis bereits drei offene Meldungen vor. Die Koordination meldet sich bei Ihnen.",
  TK_JOIN_REQUESTS_BUSY: "Gerade gehen sehr viele Meldungen ein. Bitte versuchen Sie es in einer Stunde noch einmal.",
  // Gemeinsame Projekte (supabase/migrations/20261207110*_…projects…)
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
  // Gemeinsame Fortbildungen (supabase/migrations/20261127100*_…trainings…)
  TK_TRAINING_UNKNOWN_TOPIC: "Unbekanntes Thema.",
  TK_TRAINING_ORG_NOT_IN_CIRCLE: "Dieser Träger gehört nicht zum Kreis der Fortbildung.",
  TK_TRAINING_NEGATIVE_FEE: "Die Gebühr pro Platz darf nicht negativ sein.",
  TK_TRAINING_CAPACITY_INVALID: "Die Fortbildung braucht mindestens einen Platz.",
  TK_TRAINING_CAPACITY_BELOW_SEATS:
    "Es sind bereits mehr Plätze vergeben (bestätigt, angeboten oder in Freigabe), als die neue Platzzahl zulässt.",
  TK_TRAINING_GO_NO_GO_INCOMPLETE: "Bitte geben Sie Mindestteilnehmendenzahl und Entscheidungsdatum zusammen an.",
  TK_TRAINING_MINIMUM_INVALID: "Die Mindestteilnehmendenzahl muss zwischen 1 und der Zahl der Plätze liegen.",
  TK_TRAINING_PLACE_MISSING: "Bitte geben Sie einen Ort mit Gemeinde oder einen Online-Link an.",
  TK_TRAINING_ONLINE_URL_INVALID: "Der Online-Link muss mit https:// beginnen.",
  TK_TRAINING_OFFER_HOURS_INVALID: "Die Frist für Nachrück-Angebote muss zwischen 1 und 336 Stunden liegen.",
  TK_TRAINING_CONTINGENT_INVALID: "Ein Kontingent muss zwischen 1 Platz und der Zahl der Plätze liegen.",
  TK_TRAINING_CONTINGENT_BELOW_SEATS: "Dieser Träger hat bereits mehr Plätze belegt, als das neue Kontingent zulässt.",
  TK_TRAINING_REGISTRATION_DEADLINE_AFTER_START: "Der Anmeldeschluss muss vor dem Beginn des ersten Termins liegen.",
  TK_TRAINING_CANCELLATION_DEADLINE_AFTER_START: "Die Stornofrist muss vor dem Beginn des ersten Termins liegen.",
  TK_TRAINING_CONTINGENT_RELEASE_AFTER_START: "Die Kontingente müssen vor dem Beginn des ersten Termins freigegeben werden.",
  TK_TRAINING_GO_NO_GO_AFTER_START: "Das Entscheidungsdatum darf nicht nach dem ersten Termin liegen.",
  TK_TRAINING_CLOSED: "Diese Fortbildung ist abgesagt oder abgeschlossen und kann nicht mehr geändert werden.",
  TK_TRAINING_CO_ORGANIZER_INVALID: "Der veranstaltende Träger kann nicht zugleich Mitveranstalter sein.",
  TK_TRAINING_SESSIONS_MISSING: "Bitte geben Sie mindestens einen und höchstens 50 Termine an.",
  TK_TRAINING_SESSION_INVALID: "Bitte geben Sie für jeden Termin Datum, Beginn und Ende an.",
  TK_TRAINING_SESSION_ENDS_BEFORE_START: "Ein Termin endet, bevor er beginnt.",
  TK_TRAINING_SESSIONS_OUT_OF_ORDER:
    "Die Termine müssen in zeitlicher Reihenfolge stehen und dürfen sich nicht überschneiden.",
  TK_TRAINING_NOT_DRAFT: "Diese Fortbildung ist bereits veröffentlicht.",
  TK_TRAINING_NOT_PUBLISHED: "Diese Fortbildung ist noch nicht veröffentlicht.",
  TK_TRAINING_IN_PAST: "Der erste Termin liegt in der Vergangenheit.",
  TK_TRAINING_CANCEL_REASON_TOO_LONG: "Die Begründung darf höchstens 2000 Zeichen lang sein.",
  TK_TRAINING_NOT_STARTED: "Die Fortbildung hat noch nicht begonnen.",
  TK_TRAINING_CANCELLED: "Diese Fortbildung wurde abgesagt.",
  TK_TRAINING_PAST: "Diese Fortbildung hat bereits begonnen oder ist vorbei.",
  TK_TRAINING_REGISTRATION_CLOSED: "Der Anmeldeschluss ist vorbei.",
  TK_TRAINING_SEATS_INVALID: "Bitte geben Sie zwischen 1 und 50 Plätze an.",
  TK_TRAINING_SEATS_ABOVE_CAPACITY: "So viele Plätze hat die Fortbildung nicht.",
  TK_TRAINING_SEATS_ABOVE_CONTINGENT: "So viele Plätze sieht das Kontingent Ihres Trägers nicht vor.",
  TK_TRAINING_ORG_REQUIRED: "Bitte wählen Sie, für welchen Träger die Anmeldung gilt.",
  TK_TRAINING_NOT_ALLOWED: "Dazu ist Ihre Rolle im Träger nicht berechtigt.",
  TK_TRAINING_ALREADY_REGISTERED: "Diese Person ist bereits angemeldet oder steht auf der Warteliste.",
  TK_TRAINING_REGISTRATION_NOT_ACTIVE: "Diese Anmeldung ist nicht mehr aktiv.",
  TK_TRAINING_CANCELLATION_CLOSED: "Die Stornofrist ist abgelaufen. Bitte wenden Sie sich an den Veranstalter.",
  TK_TRAINING_NO_OFFER: "Für diese Anmeldung liegt kein Platzangebot vor.",
  TK_TRAINING_OFFER_EXPIRED: "Das Platzangebot ist abgelaufen.",
  TK_TRAINING_APPROVAL_NOT_PENDING: "Diese Freigabe ist nicht (mehr) offen.",
  TK_TRAINING_NOT_WAITLISTED: "Diese Anmeldung steht nicht auf der Warteliste.",
  TK_TRAINING_POSITION_INVALID: "Diese Position gibt es auf der Warteliste nicht.",
  TK_TRAINING_MOVE_REASON_MISSING: "Bitte geben Sie einen Grund für die Verschiebung an (3 bis 500 Zeichen).",
  TK_TRAINING_ATTENDANCE_INVALID: "Die Zahl der Anwesenden passt nicht zur Anmeldung.",
  // Vertretungsbörse (supabase/migrations/20261126100*_…cover…)
  TK_COVER_PERIOD_INVALID: "Das Ende des Zeitraums liegt vor dem Beginn.",
  TK_COVER_PERIOD_TOO_LONG: "Eine Vertretung darf höchstens zwei Jahre umfassen.",
  TK_COVER_PERIOD_PAST: "Der Zeitraum dieser Anfrage ist bereits vorbei. Bitte passen Sie ihn an.",
  TK_COVER_HOURS_INVALID: "Bitte geben Sie mehr als 0 und höchstens 60 Stunden pro Woche an.",
  TK_COVER_CASE_REFERENCE_INVALID:
    "Das Fallkürzel muss pseudonym sein, z. B. „F-2026-014“ (Großbuchstaben, Bindestrich, Ziffern) – niemals ein Name.",
  TK_COVER_GENDER_REASON_REQUIRED: "Bitte begründen Sie die Anforderung an das Geschlecht der Fachkraft.",
  TK_COVER_ADDRESSING_INVALID:
    "Bitte geben Sie an, ab wann die Anfrage für den ganzen Kreis sichtbar wird, wenn sie sich zuerst an einzelne Träger richtet.",
  TK_COVER_NO_RECIPIENTS: "Bitte wählen Sie mindestens einen Träger, an den sich die Anfrage zuerst richtet.",
  TK_COVER_RECIPIENT_INVALID: "Die Anfrage kann sich nur an andere Träger desselben Kreises richten.",
  TK_COVER_WIDEN_AT_PAST:
    "Der Zeitpunkt, ab dem der ganze Kreis die Anfrage sieht, liegt in der Vergangenheit. Bitte wählen Sie einen späteren.",
  TK_COVER_SOZIALDATEN_UNCONFIRMED:
    "Bitte bestätigen Sie, dass die Beschreibung keine Sozialdaten enthält (§§ 61–65 SGB VIII). Angaben zum Fall gehören in die Übergabenotizen.",
  TK_COVER_NOT_DRAFT: "Diese Anfrage ist bereits veröffentlicht.",
  TK_COVER_NOT_PUBLISHED: "Diese Anfrage ist noch nicht veröffentlicht.",
  TK_COVER_NOT_IN_CIRCLE: "Ihr Träger gehört diesem Kreis nicht (mehr) an.",
  TK_COVER_COORDINATORS_ONLY:
    "Vertretungen anfragen, anbieten und abschließen können nur Koordination, Administration und Inhaber:innen eines Trägers.",
  TK_COVER_REQUESTER_ONLY: "Angebote annehmen, ablehnen oder die Anfrage absagen kann nur die Koordination des anfragenden Trägers.",
  // Notfall on the phone (issue 12)
  TK_PUSH_SUBSCRIPTION_INVALID:
    "Dieses Gerät hat keine gültige Push-Anmeldung geschickt. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
  TK_PUSH_TOO_MANY_DEVICES: "Sie haben Push bereits auf 20 Geräten eingeschaltet. Bitte entfernen Sie zuerst ein altes Gerät.",
  TK_COVER_FAVOURITE_OUTSIDE_CIRCLE: "Als Favoriten können Sie nur Träger wählen, die mit Ihrem Träger in einem Kreis sind.",
  TK_COVER_NO_FAVOURITES: "Ihr Träger hat in diesem Kreis noch keine Favoriten. Bitte wählen Sie die Träger selbst oder legen Sie Favoriten an.",
  TK_COVER_PARTNERS_AT_INVALID: "Die Partner-Stufe muss vor dem Zeitpunkt liegen, ab dem der ganze Kreis die Anfrage sieht.",
  TK_COVER_ALREADY_WIDENED: "Der ganze Kreis sieht diese Anfrage bereits.",
  TK_COVER_STAFF_REQUIRED: "Diese Anfrage verlangt eine Fachkraft: Bitte wählen Sie die Person, die Sie anbieten.",
  TK_COVER_STAFF_UNKNOWN: "Diese Person steht nicht auf der Personalliste Ihres Trägers.",
  TK_COVER_STAFF_NOT_FACHKRAFT:
    "Diese Anfrage verlangt eine Fachkraft (§ 72 SGB VIII). Für die gewählte Person ist keine Fachkraft-Qualifikation eingetragen.",
  TK_COVER_STAFF_FUEHRUNGSZEUGNIS_EXPIRED:
    "Das erweiterte Führungszeugnis der gewählten Person ist älter, als der Kreis erlaubt (§ 72a SGB VIII). Bitte tragen Sie zuerst das Datum eines aktuellen ein.",
  TK_STAFF_FUEHRUNGSZEUGNIS_IN_FUTURE: "Das Datum des Führungszeugnisses darf nicht in der Zukunft liegen.",
  TK_STAFF_QUALIFICATION_NOTE_REQUIRED: "Bitte beschreiben Sie die andere Qualifikation in ein paar Worten.",
  TK_COVER_OWN_REQUEST: "Auf eine Anfrage des eigenen Trägers können Sie kein Angebot abgeben.",
  TK_COVER_FILLED: "Diese Anfrage ist bereits vollständig besetzt.",
  TK_COVER_CANCELLED: "Diese Anfrage wurde abgesagt.",
  TK_COVER_EXPIRED: "Der Zeitraum dieser Anfrage ist abgelaufen.",
  TK_COVER_COMPLETED: "Diese Vertretung ist bereits abgeschlossen.",
  TK_COVER_OFFER_TOO_MANY_HOURS: "So viele Stunden sind nicht mehr offen. Bitte bieten Sie höchstens die noch offenen Stunden an.",
  TK_COVER_ACCEPT_TOO_MANY_HOURS:
    "Das Angebot übersteigt die noch offenen Stunden. Nehmen Sie es nur teilweise an – höchstens mit den offenen Stunden.",
  TK_COVER_OFFER_FROM_INVALID: "Das Angebot muss spätestens am letzten Tag des Zeitraums beginnen.",
  TK_COVER_OFFER_EXISTS: "Ihr Träger hat zu dieser Anfrage bereits ein offenes Angebot.",
  TK_COVER_OFFER_NOT_FOUND: "Dieses Angebot gehört nicht zu dieser Anfrage.",
  TK_COVER_OFFER_WITHDRAWN: "Das Angebot wurde inzwischen zurückgezogen.",
  TK_COVER_OFFER_ACCEPTED: "Das Angebot wurde bereits angenommen.",
  TK_COVER_OFFER_DECLINED: "Das Angebot wurde bereits abgelehnt.",
  TK_COVER_REASON_REQUIRED: "Bitte geben Sie einen Grund an (mindestens 3 Zeichen).",
  TK_COVER_MESSAGE_TOO_LONG: "Die Nachricht darf höchstens 1000 Zeichen lang sein.",
  TK_COVER_NOT_ACCEPTED: "Nur angenommene Vertretungen können abgeschlossen werden.",
  TK_COVER_ALREADY_COMPLETED: "Für diese Vertretung sind die geleisteten Stunden bereits erfasst.",
  TK_COVER_ACTUAL_HOURS_INVALID: "Bitte geben Sie die tatsächlich geleisteten Stunden an (0 bis 60 pro Woche des Zeitraums).",
  TK_COVER_CONTACT_INVALID: "Die Ansprechperson muss Ihrem Träger angehören.",
  TK_COVER_ASK_TOO_SOON: "Sie haben die Koordination gerade erst benachrichtigt. Sie meldet sich bei Ihnen.",
  // Sozialdaten guard (supabase/migrations/2026120612*_…sozialdaten…)
  TK_SOZIALDATEN:
    "Der Text enthält Sozialdaten (§§ 61–65 SGB VIII), die andere Träger nicht lesen dürfen. Fallbezogene Angaben gehören in die " +
    "Übergabenotizen einer Vertretung (nur der Träger mit der Zusage sieht sie) oder ins Fallkürzel (nur Ihr eigener Träger sieht es).",
  TK_SOZIALDATEN_HIDDEN: "Dieser Text ist wegen Sozialdaten ausgeblendet, bis der Träger ihn überarbeitet hat.",
  TK_SOZIALDATEN_OWN_TEXT: "Das ist ein Text Ihres eigenen Trägers: Bitte überarbeiten Sie ihn, statt ihn zu melden.",
  TK_SOZIALDATEN_REVISE_NOT_ALLOWED:
    "Ausgeblendete Texte überarbeiten kann nur die Koordination, Administration oder Inhaber:in des Trägers.",
  TK_SOZIALDATEN_REVISE_IN_EDITOR:
    "Ein Protokoll überarbeiten Sie im Protokoll-Editor: Sobald die überarbeitete Fassung verteilt (und, wenn es schon freigegeben war, wieder freigegeben) ist, sehen die anderen Träger es wieder.",
  TK_SOZIALDATEN_TITLE_TOO_SHORT: "Bitte geben Sie einen Titel mit mindestens 3 Zeichen an.",
  // Kooperationstreffen (supabase/migrations/2026120613*_…meetings…)
  TK_MEETING_HOST_NOT_IN_CIRCLE: "Der einladende Träger gehört nicht zu diesem Kreis.",
  TK_MEETING_NOT_HOST: "Treffen planen können die Koordination des einladenden Trägers und die Koordination des Kreises.",
  TK_MEETING_TITLE_INVALID: "Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an.",
  TK_MEETING_TEXT_INVALID: "Die Eingabe enthält unzulässige Steuerzeichen (z. B. Zeilenumbrüche in einem einzeiligen Feld).",
  TK_MEETING_DESCRIPTION_TOO_LONG: "Die Beschreibung darf höchstens 10.000 Zeichen lang sein.",
  TK_MEETING_PLACE_MISSING: "Bitte geben Sie einen Ort oder einen Online-Link an.",
  TK_MEETING_PLACE_INVALID: "Der Ort darf höchstens 300 Zeichen lang sein.",
  TK_MEETING_ONLINE_URL_INVALID: "Der Online-Link muss mit https:// beginnen.",
  TK_MEETING_TIME_MISSING: "Bitte geben Sie Beginn und Ende an.",
  TK_MEETING_ENDS_BEFORE_START: "Das Treffen muss nach seinem Beginn enden.",
  TK_MEETING_TOO_LONG: "Ein Treffen dauert höchstens 24 Stunden.",
  TK_MEETING_DEADLINE_AFTER_START: "Der Anmeldeschluss muss vor dem Beginn liegen.",
  TK_MEETING_CAPACITY_INVALID: "Die Zahl der Plätze muss zwischen 1 und 10.000 liegen.",
  TK_MEETING_CAPACITY_BELOW_RSVPS: "Es gibt bereits mehr Zusagen, als die neue Platzzahl zulässt.",
  TK_MEETING_IN_PAST: "Der Beginn liegt in der Vergangenheit.",
  TK_MEETING_CANCELLED: "Dieses Treffen wurde abgesagt.",
  TK_MEETING_PAST: "Dieses Treffen ist vorbei.",
  TK_MEETING_REASON_TOO_LONG: "Die Begründung darf höchstens 2000 Zeichen lang sein.",
  TK_MEETING_STARTED: "Das Treffen hat bereits begonnen – Rückmeldungen sind nicht mehr möglich.",
  TK_MEETING_REGISTRATION_CLOSED: "Der Anmeldeschluss ist vorbei.",
  TK_MEETING_FULL: "Das Treffen ist voll: Alle Plätze sind vergeben. Sie können „vielleicht“ oder „Absage“ melden.",
  TK_RSVP_INVALID: "Bitte wählen Sie Zusage, vielleicht oder Absage.",
  TK_RSVP_COMMENT_TOO_LONG: "Der Kommentar darf höchstens 500 Zeichen lang sein.",
  TK_GUEST_NAME_INVALID: "Bitte geben Sie Ihren Namen an (2 bis 120 Zeichen).",
  TK_GUEST_ORG_INVALID: "Der Name des Trägers darf höchstens 200 Zeichen lang sein.",
  TK_GUEST_EMAIL_INVALID: "Bitte geben Sie eine gültige E-Mail-Adresse an.",
  TK_GUEST_EXISTS: "Diese E-Mail-Adresse ist für das Treffen bereits angemeldet. Den Link zum Ändern finden Sie in Ihrer Bestätigungs-E-Mail.",
  TK_GUEST_BUSY: "Gerade gehen sehr viele Anmeldungen ein. Bitte versuchen Sie es in einer Stunde noch einmal.",
  TK_GUEST_TOKEN_INVALID: "Dieser Link ist ungültig oder abgelaufen.",
  TK_POLL_DURATION_INVALID: "Die Dauer muss zwischen 15 Minuten und 24 Stunden liegen.",
  TK_POLL_OPTIONS_COUNT: "Eine Terminumfrage braucht 2 bis 15 Terminvorschläge.",
  TK_POLL_DEADLINE_PAST: "Die Abstimmungsfrist liegt in der Vergangenheit.",
  TK_POLL_OPTION_INVALID: "Ein Terminvorschlag ist ungültig.",
  TK_POLL_OPTION_PAST: "Ein Terminvorschlag liegt in der Vergangenheit.",
  TK_POLL_OPTION_DUPLICATE: "Ein Terminvorschlag steht doppelt in der Liste.",
  TK_POLL_VOTE_INVALID: "Bitte stimmen Sie für mindestens einen Termin mit Ja, wenn nötig oder Nein ab.",
  TK_POLL_CLOSED: "Die Abstimmung ist beendet.",
  TK_POLL_ALREADY_CLOSED: "Die Umfrage ist bereits abgeschlossen.",
  TK_POLL_TIME_REQUIRED: "Dieser Termin hat noch keine Uhrzeit. Bitte geben Sie den Beginn an.",
  TK_AGENDA_TITLE_INVALID: "Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an.",
  TK_AGENDA_DESCRIPTION_TOO_LONG: "Die Beschreibung darf höchstens 5000 Zeichen lang sein.",
  TK_AGENDA_MINUTES_INVALID: "Die geplante Dauer muss zwischen 1 und 480 Minuten liegen.",
  TK_AGENDA_PRESENTER_INVALID: "Der vortragende Träger gehört nicht zum Kreis.",
  TK_AGENDA_TOO_LONG: "Eine Tagesordnung hat höchstens 50 Punkte.",
  TK_AGENDA_TOO_MANY_PROPOSALS: "Sie haben bereits 10 offene Vorschläge für dieses Treffen.",
  TK_AGENDA_REASON_REQUIRED: "Bitte begründen Sie die Ablehnung (3 bis 1000 Zeichen).",
  TK_AGENDA_DECISION_INVALID: "Unbekannte Entscheidung.",
  TK_MINUTES_WRITER_INVALID: "Das Protokoll kann nur eine Person aus einem Träger des Kreises schreiben.",
  TK_MINUTES_TOO_EARLY: "Das Protokoll kann frühestens einen Tag vor dem Treffen begonnen werden.",
  TK_MINUTES_INVALID: "Das Protokoll ist unvollständig.",
  TK_MINUTES_TOO_LARGE: "Das Protokoll ist zu lang (höchstens 200.000 Zeichen).",
  TK_MINUTES_NOTE_TOO_LONG: "Die Anmerkung zur Fassung darf höchstens 500 Zeichen lang sein.",
  TK_MINUTES_LOCKED: "Das Protokoll ist genehmigt und kann so nicht mehr geändert werden.",
  TK_MINUTES_CHANGED: "Das Protokoll wurde inzwischen von jemand anderem gespeichert. Bitte laden Sie die Seite neu und übernehmen Sie Ihre Änderungen.",
  TK_MINUTES_EMPTY: "Es gibt noch kein gespeichertes Protokoll.",
  TK_MINUTES_COMMENT_DAYS_INVALID: "Die Frist für Anmerkungen muss zwischen 1 und 60 Tagen liegen.",
  TK_MINUTES_COMMENTS_CLOSED: "Die Frist für Anmerkungen ist vorbei.",
  TK_MINUTES_COMMENT_INVALID: "Bitte schreiben Sie eine Anmerkung (höchstens 2000 Zeichen).",
  TK_MINUTES_NOT_CIRCULATED: "Bitte verschicken Sie die aktuelle Fassung zuerst zur Durchsicht.",
  TK_MINUTES_ACTION_INVALID: "Eine Aufgabe braucht einen Träger des Kreises (und ggf. eine Person dieses Trägers).",
  TK_ACTION_STATUS_INVALID: "Unbekannter Status.",
  // Kalender (supabase/migrations/20261207100000_create_calendar_feeds.sql)
  TK_CALENDAR_TOKEN_INVALID: "Der Kalender-Link ist ungültig. Bitte erzeugen Sie einen neuen.",
  TK_CALENDAR_FEED_NOT_ADMIN: "Den Teamkalender des Trägers verwalten nur Inhaber:innen und Administrator:innen.",
};

export type DbErrorInfo = { code: string; message: string; known: boolean };

function pgFields(error: unknown): { code?: string; message?: string; constraint?: string; hint?: string } {
  if (typeof error !== "object" || error === null) return {};
  const e = error as Record<string, unknown>;
  return {
    code: typeof e.code === "string" ? e.code : undefined,
    message: typeof e.message === "string" ? e.message : undefined,
    hint: typeof e.hint === "string" ? e.hint : undefined,
    constraint:
      typeof e.constraint === "string"
        ? e.constraint
        : typeof e.constraint_name === "string"
          ? e.constraint_name
          : undefined,
  };
}

/** The app code (TK_*) if the error is one of ours. */
export function dbErrorCode(error: unknown): string | undefined {
  const { code, message } = pgFields(error);
  if (code === "P0001" && message && message in messages) return message;
  if (code === "P0001" && message?.startsWith("TK_")) return message.split(/\s/)[0];
  return undefined;
}

/**
 * The German message for an error a user can cause, or undefined when the error is a bug
 * (then the caller rethrows and the error boundary shows a generic page).
 */
export function userMessageFor(error: unknown): string | undefined {
  const code = dbErrorCode(error);
  // The Sozialdaten guard names what it found in German in HINT ("Telefonnummer, Anschrift mit Hausnummer").
  const { hint } = pgFields(error);
  if (code === "TK_SOZIALDATEN" && hint && /^[\p{L} ,-]{1,200}$/u.test(hint)) {
    return `${messages.TK_SOZIALDATEN} Gefunden: ${hint}.`;
  }
  if (code) return messages[code] ?? "Die Aktion ist nicht möglich.";
  const { code: sqlstate } = pgFields(error);
  switch (sqlstate) {
    case "23505":
      return "Diesen Eintrag gibt es bereits.";
    case "23514":
    case "22001":
    case "22P02":
      return "Die Eingabe ist ungültig.";
    case "42501":
      return "Dazu fehlt Ihnen die Berechtigung.";
    default:
      return undefined;
  }
}

export function isDbError(error: unknown, tkCode: string): boolean {
  return dbErrorCode(error) === tkCode;
}
