// German texts of the circle's administration owned by the feature: its notifications (join
// requests, admissions, removals, the coordination handed on), merged in app/i18n/notifications.ts.
import { z } from "zod";
import { notificationText, optionalText, textFact } from "./notification-text";

export const circleNotificationTexts = {
  "join_request.created": notificationText(z.object({ orgName: textFact, contactName: textFact }), (d) => ({
    title: `Neue Interessensmeldung: ${d.orgName}`,
    body: `${d.contactName} möchte mit ${d.orgName} im Kreis mitmachen.`,
  })),
  // To the circle's other Träger ("Neu im Kreis"), or to the admitted Träger itself (ownOrg).
  "network.admitted": notificationText(
    z.object({ orgName: textFact, networkName: textFact, ownOrg: z.boolean().catch(false) }),
    (d) => ({
      title: d.ownOrg ? `Aufgenommen in ${d.networkName}` : `Neu im Kreis: ${d.orgName}`,
      body: `${d.orgName} ist jetzt Teil von ${d.networkName}.`,
    }),
  ),
  "network.removed": notificationText(z.object({ orgName: textFact, networkName: textFact, reason: optionalText }), (d) => ({
    title: `Nicht mehr im Kreis ${d.networkName}`,
    body: `Die Koordination hat ${d.orgName} aus dem Kreis entfernt${d.reason ? `: ${d.reason}` : "."}`,
  })),
  // To the Träger that coordinates now (side "to"), or to the one that handed it on ("from").
  "network.coordination_changed": notificationText(
    z.object({ networkName: textFact, fromOrgName: textFact, toOrgName: textFact, side: z.enum(["to", "from"]).catch("to") }),
    (d) =>
      d.side === "from"
        ? { title: `Koordination übergeben: ${d.networkName}`, body: `Die Koordination von ${d.networkName} liegt jetzt bei ${d.toOrgName}.` }
        : {
            title: `Sie koordinieren jetzt ${d.networkName}`,
            body: `${d.fromOrgName} hat die Koordination des Kreises an ${d.toOrgName} übergeben.`,
          },
  ),
};
