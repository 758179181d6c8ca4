// German texts of a Träger's staff list (Personal) owned by the feature: its notifications,
// merged in app/i18n/notifications.ts.
import { z } from "zod";
import { dayText } from "~/utils/format";
import { dayFact, notificationText, textFact } from "./notification-text";

export const staffNotificationTexts = {
  // private.remind_fuehrungszeugnis: eight weeks before, or once it is already too old (expired).
  "staff.fuehrungszeugnis_due": notificationText(
    z.object({ staffName: textFact, runsOut: dayFact, expired: z.boolean().catch(false) }),
    (d) => ({
      title: `Führungszeugnis läuft ab: ${d.staffName}`,
      body: `${
        d.expired
          ? `Das erweiterte Führungszeugnis ist seit dem ${dayText(d.runsOut)} zu alt.`
          : `Das erweiterte Führungszeugnis gilt noch bis zum ${dayText(d.runsOut)}.`
      } Bitte ein neues anfordern und das Datum eintragen.`,
    }),
  ),
};
