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
  publicCircle: (slug: string) => `/k/${slug}`,
  joinRequests: "/kreis/anfragen",
  circleSettings: "/kreis/einstellungen",
  notifications: "/benachrichtigungen",
  devMails: "/dev/mails",
} as const;

/** An absolute URL for mails. */
export function absoluteUrl(appUrl: string, path: string): string {
  return new URL(path, appUrl).toString();
}
