// The steps on the detail page (/vertretungen/:id): offer, withdraw, accept (all or part of the
// hours), decline, cancel the request, complete a cover, name the contact person, keep the handover
// notes, publish or delete a draft. Each is one asUser transaction around the SQL function that
// decides (app/.server/cover/functions.ts); a refusal raises a TK_* code that the route shows as a
// German message, and nothing is written.
import { sql } from "kysely";
import type { z } from "zod";
import type { SessionUser } from "../auth/session";
import { asUser } from "../db/request";
import { refusalField, type RefusalFields } from "../forms/reply";
import type { CoverIntentSchemas } from "~/validation/cover";
import { hoursText } from "~/i18n/cover";
import {
  acceptCoverOffer,
  cancelCoverRequest,
  completeCover,
  declineCoverOffer,
  makeCoverOffer,
  publishCoverRequest,
  setCoverContact,
  withdrawCoverOffer,
} from "./functions";
import { deleteCoverDraft } from "./requests";

type IntentValue = { [K in keyof typeof CoverIntentSchemas]: z.output<(typeof CoverIntentSchemas)[K]> }[keyof typeof CoverIntentSchemas];

export type CoverStepOutcome = {
  /** Where to go afterwards (the request, or the board after deleting a draft). */
  to: "request" | "board";
  toast: { title: string; description?: string; type?: "success" | "info" };
};

/** The form field a refusal of a step belongs to. */
const STEP_FIELDS: RefusalFields = {
  TK_COVER_OFFER_TOO_MANY_HOURS: "hoursPerWeek",
  TK_COVER_OFFER_FROM_INVALID: "availableFrom",
  TK_COVER_ACCEPT_TOO_MANY_HOURS: "hours",
  TK_COVER_REASON_REQUIRED: "reason",
  TK_COVER_ACTUAL_HOURS_INVALID: "actualHours",
  TK_COVER_CONTACT_INVALID: "userId",
  TK_COVER_STAFF_REQUIRED: "staffId",
  TK_COVER_STAFF_UNKNOWN: "staffId",
  TK_COVER_STAFF_NOT_FACHKRAFT: "staffId",
  TK_COVER_STAFF_FUEHRUNGSZEUGNIS_EXPIRED: "staffId",
};

/** The code→field map of one step's form (hours are "hours" in an accept, "hoursPerWeek" in an offer). */
export function coverStepFields(intent: string): RefusalFields {
  const hours = intent === "accept" ? "hours" : intent === "offer" ? "hoursPerWeek" : undefined;
  return {
    ...STEP_FIELDS,
    ...(hours ? { TK_COVER_HOURS_INVALID: hours } : {}),
    TK_COVER_MESSAGE_TOO_LONG: intent === "cancel" ? "reason" : "message",
  };
}

/** The field a refusal of a step belongs to (coverStepFields as a lookup). */
export function coverStepFieldFor(intent: string) {
  return (error: unknown): string | undefined => refusalField(error, coverStepFields(intent));
}

export async function runCoverStep(user: SessionUser, requestId: string, step: IntentValue): Promise<CoverStepOutcome> {
  switch (step.intent) {
    case "offer": {
      await asUser(user, (tx) =>
        makeCoverOffer(tx, {
          requestId,
          orgId: step.orgId,
          hoursPerWeek: step.hoursPerWeek,
          availableFrom: step.availableFrom,
          qualification: step.qualification ?? "",
          languages: step.languages,
          message: step.message ?? "",
          staffId: step.staffId ?? null,
        }),
      );
      return {
        to: "request",
        toast: {
          title: "Angebot abgegeben.",
          description: "Der anfragende Träger wird benachrichtigt. Sie hören von ihm, sobald er entschieden hat.",
        },
      };
    }
    case "widen-now":
      await asUser(user, (tx) => sql`select public.widen_cover_request_now(${requestId}::uuid)`.execute(tx));
      return { to: "request", toast: { title: "Jetzt sieht der ganze Kreis die Anfrage.", description: "Die Träger im Kreis werden benachrichtigt." } };
    case "withdraw":
      await asUser(user, (tx) => withdrawCoverOffer(tx, step.offerId));
      return { to: "request", toast: { title: "Angebot zurückgezogen.", description: "Der anfragende Träger wird benachrichtigt." } };
    case "accept": {
      const status = await asUser(user, (tx) => acceptCoverOffer(tx, requestId, step.offerId, step.hours));
      return {
        to: "request",
        toast:
          status === "filled"
            ? {
                title: "Angebot angenommen – die Anfrage ist besetzt.",
                description:
                  "Beide Träger sehen jetzt die Ansprechpersonen; die Übergabenotizen sind für den übernehmenden Träger freigegeben. Weitere offene Angebote wurden mit einer Nachricht abgelehnt.",
              }
            : {
                title: step.hours ? `${hoursText(step.hours)} Std./Woche angenommen.` : "Angebot angenommen.",
                description: "Die Anfrage bleibt für die restlichen Stunden offen.",
              },
      };
    }
    case "decline":
      await asUser(user, (tx) => declineCoverOffer(tx, requestId, step.offerId, step.message ?? null));
      return { to: "request", toast: { title: "Angebot abgelehnt.", description: "Der anbietende Träger bekommt Ihre Nachricht." } };
    case "cancel":
      await asUser(user, (tx) => cancelCoverRequest(tx, requestId, step.reason));
      return {
        to: "request",
        toast: { title: "Anfrage zurückgezogen.", description: "Alle Träger mit einem Angebot werden benachrichtigt." },
      };
    case "complete":
      await asUser(user, (tx) => completeCover(tx, step.offerId, step.actualHours));
      return {
        to: "request",
        toast: { title: "Als erledigt markiert.", description: `${hoursText(step.actualHours)} Std. stehen in der Bilanz.` },
      };
    case "contact":
      await asUser(user, (tx) => setCoverContact(tx, requestId, step.orgId, step.userId));
      return { to: "request", toast: { title: "Ansprechperson gespeichert." } };
    case "handover":
      await asUser(user, async (tx) => {
        if (!step.notes) {
          await tx.deleteFrom("cover_handover_notes").where("request_id", "=", requestId).execute();
          return;
        }
        await tx
          .insertInto("cover_handover_notes")
          .values({ request_id: requestId, notes: step.notes })
          .onConflict((oc) => oc.column("request_id").doUpdateSet({ notes: step.notes! }))
          .execute();
      });
      return { to: "request", toast: { title: "Übergabenotizen gespeichert." } };
    case "publish":
      await asUser(user, (tx) => publishCoverRequest(tx, requestId));
      return {
        to: "request",
        toast: { title: "Anfrage veröffentlicht.", description: "Die passenden Träger werden jetzt benachrichtigt." },
      };
    case "delete-draft": {
      const deleted = await deleteCoverDraft(user, requestId);
      if (!deleted) throw new Response("Nicht gefunden", { status: 404 });
      return { to: "board", toast: { title: "Entwurf gelöscht." } };
    }
  }
}
