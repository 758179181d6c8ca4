// The app's URLs that leave the app (mails) or are linked from several places. One list, so a
// mail template and the route it points at cannot drift apart.
export const paths = {
  home: "/",
  signIn: "/anmelden",
  signUp: "/registrieren",
  confirmEmail: (token: string) => `/registrieren/bestaetigen?token=${encodeURIComponent(token)}`,
  forgotPassword: "/passwort-vergessen",
  resetPassword: (token: string) => `/passwort-zuruecksetzen?token=${encodeURIComponent(token)}`,
  account: "/konto",
  invitation: (token: string) => `/einladung/${encodeURIComponent(token)}`,
  directory: "/traeger",
  newOrg: "/traeger/neu",
  org: (slug: string) => `/traeger/${slug}`,
  orgSettings: (slug: string) => `/traeger/${slug}/einstellungen`,
  orgMembers: (slug: string) => `/traeger/${slug}/mitglieder`,
  orgAudit: (slug: string) => `/traeger/${slug}/protokoll`,
  orgStaff: (slug: string) => `/traeger/${slug}/personal`,
  orgFavourites: (slug: string) => `/traeger/${slug}/favoriten`,
  publicCircle: (slug: string) => `/k/${slug}`,
  joinRequests: "/kreis/anfragen",
  circleSettings: "/kreis/einstellungen",
  circleAudit: "/kreis/protokoll",
  circleMembers: "/kreis/traeger",
  notifications: "/benachrichtigungen",
  devMails: "/dev/mails",
  undeliverableMails: "/unzustellbare-mails",
  // Gemeinsame Fortbildungen. `training` must match the `path` the SQL puts in training mails
  // (private.training_mail_props: '/fortbildungen/' || id).
  trainings: "/fortbildungen",
  newTraining: "/fortbildungen/neu",
  training: (id: string) => `/fortbildungen/${id}`,
  editTraining: (id: string) => `/fortbildungen/${id}/bearbeiten`,
  trainingCalendar: (id: string) => `/fortbildungen/${id}/kalender.ics`,
  trainingCertificate: (id: string) => `/fortbildungen/${id}/bescheinigung.pdf`,
  trainingParticipantsCsv: (id: string) => `/fortbildungen/${id}/teilnehmende.csv`,
  trainingCostsCsv: (id: string) => `/fortbildungen/${id}/kosten.csv`,
  // Vertretungsbörse. `coverRequest` must match the link the SQL puts in cover notifications
  // ('/vertretungen/' || id); cover mails build theirs from it.
  coverRequest: (id: string) => `/vertretungen/${id}`,
  // The other screens of the Vertretungsbörse.
  cover: "/vertretungen",
  newCoverRequest: "/vertretungen/neu",
  editCoverRequest: (id: string) => `/vertretungen/${id}/bearbeiten`,
  coverLedger: "/vertretungen/bilanz",
  coverLedgerCsv: "/vertretungen/bilanz.csv",
  coverAlerts: "/vertretungen/benachrichtigungen",
} as const;

/** An absolute URL for mails. */
export function absoluteUrl(appUrl: string, path: string): string {
  return new URL(path, appUrl).toString();
}
