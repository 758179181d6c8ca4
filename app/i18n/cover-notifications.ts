// The notifications of cover (the bell, and the push of a cover notification): each kind's facts schema and German text.
// Apart from the labels in ./cover.ts because these build zod schemas when the module loads: a page
// that shows a label must not load zod with it (first-load JavaScript, decision 019). Merged into the
// one registry in ./notifications.ts.
import { z } from "zod";
import { dayText, hoursText } from "~/utils/format";
import { dayFact, notificationText, numberFact, optionalText, textFact, type NotificationText } from "./notification-text";
import { COVER_URGENCIES, URGENCY_LABELS } from "./cover";

/** What every cover notification knows of the request (private.cover_mail_props). */
const CoverRequestFacts = z.object({
  urgency: z.enum(COVER_URGENCIES),
  hilfeartLabel: textFact,
  gemeindeName: textFact,
  requesterOrgName: textFact,
  periodFrom: dayFact,
  periodTo: dayFact,
  hoursPerWeek: numberFact,
});
type CoverRequestFacts = z.infer<typeof CoverRequestFacts>;

/** "Notfall: Sozialpädagogische Familienhilfe (SPFH) in Dinslaken" */
export function coverTitle(r: Pick<CoverRequestFacts, "urgency" | "hilfeartLabel" | "gemeindeName">): string {
  return `${URGENCY_LABELS[r.urgency]}: ${r.hilfeartLabel} in ${r.gemeindeName}`;
}

/** "03.12.2026–17.12.2026" */
const spanText = (r: Pick<CoverRequestFacts, "periodFrom" | "periodTo">) => `${dayText(r.periodFrom)}–${dayText(r.periodTo)}`;

const EXPIRED_BODY = "Der Zeitraum der Anfrage ist vorbei.";

export const coverNotificationTexts = {
  "cover.alert": notificationText(
    CoverRequestFacts.extend({ occasion: z.enum(["published", "addressed", "widened"]).catch("published") }),
    (d) => ({
      title: `${d.occasion === "addressed" ? "Direkt angefragt – " : d.occasion === "widened" ? "Jetzt für den ganzen Kreis – " : ""}${coverTitle(d)}`,
      body: `${d.requesterOrgName} sucht Vertretung: ${hoursText(d.hoursPerWeek)} Std./Woche, ${spanText(d)}.`,
    }),
  ),
  "cover.offer_received": notificationText(
    CoverRequestFacts.extend({ caseReference: optionalText, offerOrgName: textFact, offeredHours: numberFact, availableFrom: dayFact }),
    (d) => ({
      title: `Neues Angebot: ${d.caseReference ?? coverTitle(d)}`,
      // An offer can name a day before the period; it starts with the period.
      body: `${d.offerOrgName} bietet ${hoursText(d.offeredHours)} Std./Woche ab ${dayText(d.availableFrom > d.periodFrom ? d.availableFrom : d.periodFrom)}.`,
    }),
  ),
  "cover.offer_withdrawn": notificationText(
    CoverRequestFacts.extend({ caseReference: optionalText, offerOrgName: textFact, removedFromCircle: z.boolean().optional() }),
    (d) => ({
      title: `Angebot zurückgezogen: ${d.caseReference ?? coverTitle(d)}`,
      body: d.removedFromCircle
        ? `${d.offerOrgName} wurde aus dem Kreis entfernt; sein Angebot ist zurückgezogen.`
        : `${d.offerOrgName} hat das Angebot zurückgezogen.`,
    }),
  ),
  "cover.offer_accepted": notificationText(CoverRequestFacts.extend({ acceptedHours: numberFact }), (d) => ({
    title: "Ihr Angebot wurde angenommen",
    body: `${d.requesterOrgName} hat ${hoursText(d.acceptedHours)} Std./Woche angenommen. Ansprechperson und Übergabe finden Sie bei der Anfrage.`,
  })),
  "cover.offer_declined": notificationText(CoverRequestFacts.extend({ message: optionalText }), (d) => ({
    title: "Ihr Angebot wurde nicht angenommen",
    body: d.message ? `${d.requesterOrgName}: ${d.message}` : `${d.requesterOrgName} hat das Angebot nicht angenommen.`,
  })),
  "cover.request_cancelled": notificationText(
    CoverRequestFacts.extend({ reason: optionalText, removedFromCircle: z.boolean().optional() }),
    (d) => ({
      title: `Anfrage abgesagt: ${coverTitle(d)}`,
      body: d.removedFromCircle
        ? `${d.requesterOrgName} wurde aus dem Kreis entfernt; die Anfrage ist geschlossen.`
        : `${d.requesterOrgName} hat die Anfrage abgesagt${d.reason ? `: ${d.reason}` : "."}`,
    }),
  ),
  "cover.completed": notificationText(CoverRequestFacts.extend({ actualHours: numberFact }), (d) => ({
    title: `Vertretung abgeschlossen: ${coverTitle(d)}`,
    body: `Tatsächlich geleistet: ${hoursText(d.actualHours)} Std.`,
  })),
  "cover.request_widened": notificationText(CoverRequestFacts, (d) => ({
    title: `Jetzt für den ganzen Kreis sichtbar: ${coverTitle(d)}`,
    body: "Ihre Anfrage ist jetzt für alle Träger des Kreises sichtbar.",
  })),
  "cover.request_expired": notificationText(CoverRequestFacts.extend({ side: z.enum(["offerer", "requester"]).catch("offerer") }), (d) => ({
    title: d.side === "requester" ? `Ihre Anfrage ist abgelaufen: ${coverTitle(d)}` : `Anfrage abgelaufen: ${coverTitle(d)}`,
    body: EXPIRED_BODY,
  })),
  "cover.posting_requested": notificationText(z.object({ memberName: optionalText, note: optionalText }), (d) => ({
    title: `${d.memberName ?? "Ein Mitglied"} braucht eine Vertretung`,
    body: d.note ?? "Bitte stellen Sie eine Vertretungsanfrage für Ihren Träger ein.",
  })),
};

/** The cover notifications that also go out as a push (private.push_kind), and the push's first line. */
const PUSH_LEADS: Record<string, string> = {
  "cover.alert": "Neue Anfrage",
  "cover.offer_received": "Ihre Anfrage hat ein Angebot",
  "cover.offer_accepted": "Ihr Angebot wurde angenommen",
};

const CoverPushFacts = CoverRequestFacts.pick({ urgency: true, hilfeartLabel: true, gemeindeName: true, periodFrom: true, periodTo: true });

/**
 * A push's text from what private.push_for_notifications queued (kind and the request's public
 * facts): "Notfall: … in Dinslaken" and "Neue Anfrage · 03.12.2026–05.12.2026". Null when the
 * facts are not readable.
 */
export function coverPushText(kind: unknown, data: unknown): NotificationText | null {
  const facts = CoverPushFacts.safeParse(data);
  if (!facts.success) return null;
  const lead = typeof kind === "string" && Object.hasOwn(PUSH_LEADS, kind) ? PUSH_LEADS[kind] : "Vertretung";
  return { title: coverTitle(facts.data), body: `${lead} · ${spanText(facts.data)}` };
}
