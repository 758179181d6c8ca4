// German texts of the Sozialdaten guard owned by the feature: its notifications (a text hidden,
// revised, found in a Leitbild), merged in app/i18n/notifications.ts.
import { z } from "zod";
import { SOZIALDATEN_KIND_LABELS, type SozialdatenKind } from "~/utils/sozialdaten";
import { COVER_URGENCIES } from "./cover";
import { coverTitle } from "./cover-notifications";
import { notificationText, quoted, textFact } from "./notification-text";

/** What private.sozialdaten_subject says of the hidden text's subject. */
const SubjectFacts = z.object({
  subjectType: z.string(),
  title: textFact.optional(),
  urgency: z.enum(COVER_URGENCIES).optional(),
  hilfeartLabel: textFact.optional(),
  gemeindeName: textFact.optional(),
});

const SUBJECT_NAMES: Record<string, string> = {
  training: "Fortbildung",
  meeting: "Treffen",
  agenda_item: "Thema",
  minutes: "Protokoll",
  project: "Projekt",
  project_update: "Beitrag im Projekt",
};

/** "Fortbildung „Kinderschutz“", "Angebot zu Notfall: … in Dinslaken"; "Ein Text" when unknown. */
function subjectName(d: z.infer<typeof SubjectFacts>): string {
  if (d.urgency && d.hilfeartLabel && d.gemeindeName) {
    const request = coverTitle({ urgency: d.urgency, hilfeartLabel: d.hilfeartLabel, gemeindeName: d.gemeindeName });
    return d.subjectType === "cover_offer" ? `Angebot zu ${request}` : request;
  }
  const name = SUBJECT_NAMES[d.subjectType];
  if (name && d.title) return `${name} ${quoted(d.title)}`;
  return "Ein Text";
}

const HIDDEN_STILL = "Nur Ihr Träger sieht ihn, bis er überarbeitet ist.";

/** "Telefonnummer, E-Mail-Adresse" */
function kindLabels(kinds: string[]): string {
  return kinds.map((k) => (Object.hasOwn(SOZIALDATEN_KIND_LABELS, k) ? SOZIALDATEN_KIND_LABELS[k as SozialdatenKind] : k)).join(", ");
}

export const sozialdatenNotificationTexts = {
  "sozialdaten.hidden": notificationText(SubjectFacts.extend({ source: z.string().nullish() }), (d) => ({
    title: `Ausgeblendet: ${subjectName(d)}`,
    body:
      d.source === "screen"
        ? `Die Prüfung auf Sozialdaten hat darin Angaben gefunden, die andere Träger nicht lesen dürfen. ${HIDDEN_STILL}`
        : `Ein anderer Träger hat gemeldet, dass der Text Sozialdaten enthält. ${HIDDEN_STILL}`,
  })),
  "sozialdaten.revised": notificationText(SubjectFacts, (d) => ({
    title: `Überarbeitet: ${subjectName(d)}`,
    body: "Der Text, den Sie wegen Sozialdaten gemeldet haben, wurde überarbeitet und ist wieder sichtbar.",
  })),
  "sozialdaten.leitbild": notificationText(z.object({ kinds: z.array(z.string()).catch([]) }), (d) => ({
    title: "Bitte prüfen Sie Ihr Leitbild",
    body: `Die Prüfung auf Sozialdaten hat im Leitbild ${d.kinds.length > 0 ? kindLabels(d.kinds) : "Sozialdaten"} gefunden. Das Leitbild lesen alle Träger im Kreis; bitte entfernen Sie diese Angaben.`,
  })),
};
