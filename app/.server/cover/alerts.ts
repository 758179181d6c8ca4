// Each person's alert preferences for new cover requests (/vertretungen/benachrichtigungen): which
// urgencies, Gemeinden and Hilfearten, Notfall only, email on or off. No row means the default
// (every urgency, everything the person's Träger serves, with email) — "Zurücksetzen" deletes the
// row. Alerts reach owners, admins and coordinators of Träger that serve the request's Gemeinde and
// Hilfeart (private.alert_cover_request); being asked by name always reaches them.
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import type { CoverUrgency } from "../db/schema";
import type { CoverAlertPreferencesInput } from "~/validation/cover";
import { COVER_URGENCIES } from "~/i18n/cover";
import { coverReference } from "./board";
import { coverContext } from "./context";

export type CoverAlertSettings = {
  saved: boolean;
  urgencies: CoverUrgency[];
  notfallOnly: boolean;
  gemeinden: string[];
  hilfearten: string[];
  emailEnabled: boolean;
  /** The person gets alerts at all (coordinating role in a Träger of a circle). */
  receivesAlerts: boolean;
  /** What the person's Träger serve (the default when nothing is chosen). */
  served: { gemeinden: string[]; hilfearten: string[] };
  reference: { hilfearten: Array<{ code: string; paragraph: string; label: string }>; gemeinden: Array<{ code: string; name: string; kreis: string }> };
};

export async function loadCoverAlertSettings(user: SessionUser): Promise<CoverAlertSettings> {
  return asUserReadOnly(user, async (tx) => {
    const context = await coverContext(tx, user.id);
    const reference = await coverReference(tx);
    const row = await tx
      .selectFrom("cover_alert_preferences")
      .select(["urgencies", "notfall_only", "gemeinden", "hilfearten", "email_enabled"])
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    const coordinating = context.orgs.filter((o) => o.coordinates && o.networkIds.length > 0).map((o) => o.orgId);
    const served =
      coordinating.length === 0
        ? []
        : await tx.selectFrom("organizations").select(["gemeinden", "hilfearten"]).where("id", "in", coordinating).execute();
    return {
      saved: Boolean(row),
      urgencies: row?.urgencies ?? [...COVER_URGENCIES],
      notfallOnly: row?.notfall_only ?? false,
      gemeinden: row?.gemeinden ?? [],
      hilfearten: row?.hilfearten ?? [],
      emailEnabled: row?.email_enabled ?? true,
      receivesAlerts: coordinating.length > 0,
      served: {
        gemeinden: [...new Set(served.flatMap((s) => s.gemeinden))],
        hilfearten: [...new Set(served.flatMap((s) => s.hilfearten))],
      },
      reference,
    };
  });
}

export async function saveCoverAlertSettings(user: SessionUser, input: CoverAlertPreferencesInput): Promise<void> {
  await asUser(user, async (tx) => {
    if (input.intent === "reset") {
      await tx.deleteFrom("cover_alert_preferences").where("user_id", "=", user.id).execute();
      return;
    }
    const values = {
      urgencies: input.urgencies,
      notfall_only: input.notfallOnly,
      gemeinden: input.gemeinden,
      hilfearten: input.hilfearten,
      email_enabled: input.emailEnabled,
    };
    await tx
      .insertInto("cover_alert_preferences")
      .values({ user_id: user.id, ...values })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
      .execute();
  });
}
