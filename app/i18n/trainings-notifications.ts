// The notifications of trainings (the bell): each kind's facts schema and German text (private.tell_registration, request_training_approvals, check_training_go_no_go).
// Apart from the labels in ./trainings.ts because these build zod schemas when the module loads: a page
// that shows a label must not load zod with it (first-load JavaScript, decision 019). Merged into the
// one registry in ./notifications.ts.
import { z } from "zod";
import { countLabel, formatDateTime, numberText } from "~/utils/format";
import { instantFact, notificationText, numberFact, optionalText, quoted, textFact } from "./notification-text";

const RegistrationFacts = z.object({
  trainingTitle: textFact,
  seats: numberFact.catch(1),
  clientSeats: z.boolean().catch(false),
});
type RegistrationFacts = z.infer<typeof RegistrationFacts>;

/** "Ihr Platz", or for seats booked for clients "2 Plätze für Klient:innen". */
const whose = (d: RegistrationFacts) => (d.clientSeats ? `${countLabel(d.seats, "Platz", "Plätze")} für Klient:innen` : "Ihr Platz");
const WaitlistFacts = RegistrationFacts.extend({ position: numberFact });

export const trainingNotificationTexts = {
  "training.confirmed": notificationText(RegistrationFacts, (d) => ({
    title: `Platz bestätigt: ${d.trainingTitle}`,
    body: `${whose(d)} in ${quoted(d.trainingTitle)} ist bestätigt.`,
  })),
  "training.approval_pending": notificationText(RegistrationFacts, (d) => ({
    title: `Anmeldung wartet auf Freigabe: ${d.trainingTitle}`,
    body: `${whose(d)} in ${quoted(d.trainingTitle)} ist reserviert und wartet auf die Freigabe.`,
  })),
  "training.waitlisted": notificationText(WaitlistFacts, (d) => ({
    title: `Warteliste: ${d.trainingTitle}`,
    body: `Die Anmeldung steht auf Platz ${numberText(d.position)} der Warteliste für ${quoted(d.trainingTitle)}.`,
  })),
  "training.moved": notificationText(WaitlistFacts, (d) => ({
    title: `Warteliste geändert: ${d.trainingTitle}`,
    body: `Die Anmeldung steht jetzt auf Platz ${numberText(d.position)} der Warteliste für ${quoted(d.trainingTitle)}.`,
  })),
  "training.offered": notificationText(RegistrationFacts.extend({ offerExpiresAt: instantFact }), (d) => ({
    title: `Platz frei: ${d.trainingTitle}`,
    body: `Für ${quoted(d.trainingTitle)} ist ein Platz frei geworden. Bitte nehmen Sie ihn bis ${formatDateTime(d.offerExpiresAt)} an.`,
  })),
  "training.registration_offer_expired": notificationText(RegistrationFacts, (d) => ({
    title: `Platzangebot verfallen: ${d.trainingTitle}`,
    body: `Das Platzangebot für ${quoted(d.trainingTitle)} ist abgelaufen.`,
  })),
  "training.registration_approval_rejected": notificationText(RegistrationFacts, (d) => ({
    title: `Anmeldung nicht freigegeben: ${d.trainingTitle}`,
    body: `Die Anmeldung für ${quoted(d.trainingTitle)} wurde nicht freigegeben.`,
  })),
  "training.registration_removed_by_organizer": notificationText(RegistrationFacts, (d) => ({
    title: `Anmeldung storniert: ${d.trainingTitle}`,
    body: `Der Veranstalter hat die Anmeldung für ${quoted(d.trainingTitle)} storniert.`,
  })),
  "training.registration_cancelled": notificationText(RegistrationFacts, (d) => ({
    title: `Anmeldung storniert: ${d.trainingTitle}`,
    body: `Die Anmeldung für ${quoted(d.trainingTitle)} ist storniert.`,
  })),
  "training.cancelled": notificationText(RegistrationFacts, (d) => ({
    title: `Fortbildung abgesagt: ${d.trainingTitle}`,
    body: `${quoted(d.trainingTitle)} findet nicht statt.`,
  })),
  "training.reminder": notificationText(RegistrationFacts.extend({ startsAt: instantFact }), (d) => ({
    title: `Morgen: ${d.trainingTitle}`,
    body: `${quoted(d.trainingTitle)} beginnt am ${formatDateTime(d.startsAt)}.`,
  })),
  "training.approval_requested": notificationText(
    RegistrationFacts.extend({ participantName: optionalText, orgName: textFact }),
    (d) => ({
      title: `Freigabe erbeten: ${d.trainingTitle}`,
      body: `${d.participantName ?? `${countLabel(d.seats, "Platz", "Plätze")} für Klient:innen`} (${d.orgName}) möchte an ${quoted(d.trainingTitle)} teilnehmen.`,
    }),
  ),
  "training.go_no_go": notificationText(
    z.object({ trainingTitle: textFact, confirmedSeats: numberFact, minParticipants: numberFact }),
    (d) => ({
      title: `Mindestzahl nicht erreicht: ${d.trainingTitle}`,
      body: `Für ${quoted(d.trainingTitle)} sind ${numberText(d.confirmedSeats)} von mindestens ${numberText(d.minParticipants)} Plätzen bestätigt. Findet die Fortbildung statt oder sagen Sie sie ab?`,
    }),
  ),
};
