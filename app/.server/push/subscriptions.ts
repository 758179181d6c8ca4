// A person's push devices and preferences (issue 12), for /konto and the prompt after the first
// Notfall. Every query runs as the person (RLS: only their own rows). The browser posts its
// PushSubscription as JSON; it is checked here (shape, a real P-256 point, a known push service)
// and again by the database (public.save_push_subscription), so bad input is a German message
// and writes nothing.
import { createECDH } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import { asUser, asUserReadOnly } from "../db/request";
import { dbErrorCode, userMessageFor } from "../db/errors";
import type { PushMode } from "../db/schema";
import { singleLine } from "~/validation/text";
import { pushConfigured, pushEndpointAllowed, vapidPublicKey } from "./send";

type Person = { id: string; email: string };

export const INVALID_SUBSCRIPTION =
  "Dieses Gerät hat keine gültige Push-Anmeldung geschickt. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.";
export const UNKNOWN_PUSH_SERVICE = "Der Push-Dienst dieses Browsers wird nicht unterstützt.";

function isP256Point(base64url: string): boolean {
  try {
    const point = Buffer.from(base64url, "base64url");
    if (point.length !== 65 || point[0] !== 4) return false;
    // computeSecret refuses a point that is not on the curve.
    const probe = createECDH("prime256v1");
    probe.generateKeys();
    probe.computeSecret(point);
    return true;
  } catch {
    return false;
  }
}

export const PushSubscriptionSchema = z.object({
  endpoint: z.string().max(1000).regex(/^https:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?\/[!-~]*$/),
  keys: z.object({
    p256dh: z.string().regex(/^B[A-Za-z0-9_-]{86}=?$/).refine(isP256Point),
    auth: z.string().regex(/^[A-Za-z0-9_-]{22}(==)?$/),
  }),
  label: singleLine({ max: 120, label: "Der Gerätename" }).optional(),
});

export type SaveResult = { ok: true; id: string } | { ok: false; message: string };

/** Stores this device's subscription for the person. `raw` is the parsed JSON the browser sent. */
export async function savePushSubscription(person: Person, raw: unknown): Promise<SaveResult> {
  if (!pushConfigured()) return { ok: false, message: "Push-Benachrichtigungen sind auf diesem Server nicht eingerichtet." };
  const parsed = PushSubscriptionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: INVALID_SUBSCRIPTION };
  if (!pushEndpointAllowed(parsed.data.endpoint)) return { ok: false, message: UNKNOWN_PUSH_SERVICE };
  try {
    const id = await asUser(person, async (tx) => {
      const result = await sql<{ id: string }>`
        select public.save_push_subscription(${parsed.data.endpoint}, ${parsed.data.keys.p256dh},
          ${parsed.data.keys.auth}, ${parsed.data.label ?? ""}) as id`.execute(tx);
      return result.rows[0]!.id;
    });
    return { ok: true, id };
  } catch (error) {
    if (dbErrorCode(error)) return { ok: false, message: userMessageFor(error) ?? INVALID_SUBSCRIPTION };
    throw error;
  }
}

export type PushDevice = { id: string; label: string; service: string; createdAt: string; lastUsedAt: string | null };
export type { PushMode };
export type PushPreferences = { mode: PushMode; quietFrom: string | null; quietTo: string | null; promptAnswered: boolean };

function serviceName(endpoint: string): string {
  const host = new URL(endpoint).hostname;
  if (host.endsWith("googleapis.com")) return "Chrome / Android";
  if (host.endsWith("mozilla.com")) return "Firefox";
  if (host.endsWith("apple.com")) return "Safari / iPhone";
  if (host.endsWith("windows.com")) return "Edge / Windows";
  return host;
}

export type PushSettings = {
  configured: boolean;
  vapidPublicKey: string | null;
  devices: PushDevice[];
  preferences: PushPreferences;
};

export async function loadPushSettings(person: Person): Promise<PushSettings> {
  return asUserReadOnly(person, async (tx) => {
    const devices = await tx
      .selectFrom("push_subscriptions")
      .select(["id", "label", "endpoint", "created_at", "last_used_at"])
      .orderBy("created_at")
      .execute();
    const p = await tx
      .selectFrom("push_preferences")
      .select((eb) => [
        "mode",
        sql<string | null>`to_char(${eb.ref("quiet_from")}, 'HH24:MI')`.as("quiet_from"),
        sql<string | null>`to_char(${eb.ref("quiet_to")}, 'HH24:MI')`.as("quiet_to"),
        "prompt_answered_at",
      ])
      .executeTakeFirst();
    return {
      configured: pushConfigured(),
      vapidPublicKey: vapidPublicKey(),
      devices: devices.map((d) => ({
        id: d.id,
        label: d.label,
        service: serviceName(d.endpoint),
        createdAt: new Date(d.created_at).toISOString(),
        lastUsedAt: d.last_used_at ? new Date(d.last_used_at).toISOString() : null,
      })),
      preferences: {
        mode: p?.mode ?? "notfall",
        quietFrom: p?.quiet_from ?? null,
        quietTo: p?.quiet_to ?? null,
        promptAnswered: Boolean(p?.prompt_answered_at),
      },
    };
  });
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
export const PushPreferencesSchema = z
  .object({
    mode: z.enum(["notfall", "all", "off"], { error: "Bitte wählen Sie, wofür Sie Push erhalten möchten." }),
    quietFrom: z.string().regex(TIME, "Bitte eine Uhrzeit wie 22:00 angeben.").optional(),
    quietTo: z.string().regex(TIME, "Bitte eine Uhrzeit wie 07:00 angeben.").optional(),
  })
  .refine((v) => Boolean(v.quietFrom) === Boolean(v.quietTo), {
    message: "Für Ruhezeiten bitte Beginn und Ende angeben (oder beide leer lassen).",
    path: ["quietTo"],
  })
  .refine((v) => !v.quietFrom || v.quietFrom !== v.quietTo, {
    message: "Beginn und Ende der Ruhezeit dürfen nicht gleich sein.",
    path: ["quietTo"],
  });

export async function savePushPreferences(person: Person, input: z.infer<typeof PushPreferencesSchema>): Promise<void> {
  await asUser(person, (tx) =>
    tx
      .insertInto("push_preferences")
      .values({ user_id: person.id, mode: input.mode, quiet_from: input.quietFrom ?? null, quiet_to: input.quietTo ?? null })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet((eb) => ({
          mode: eb.ref("excluded.mode"),
          quiet_from: eb.ref("excluded.quiet_from"),
          quiet_to: eb.ref("excluded.quiet_to"),
        })),
      )
      .execute(),
  );
}

/** The prompt after the first Notfall was answered ("Später" or turned on): don't show it again. */
export async function answerPushPrompt(person: Person): Promise<void> {
  await asUser(person, (tx) =>
    tx
      .insertInto("push_preferences")
      .values({ user_id: person.id, prompt_answered_at: sql<Date>`now()` })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet((eb) => ({
          prompt_answered_at: eb.fn.coalesce("push_preferences.prompt_answered_at", sql<Date>`now()`),
        })),
      )
      .execute(),
  );
}

/** Removes one of the person's devices; false when it is not theirs (or already gone). */
export async function revokePushDevice(person: Person, id: string): Promise<boolean> {
  if (!z.uuid().safeParse(id).success) return false;
  return asUser(person, async (tx) => {
    const result = await tx.deleteFrom("push_subscriptions").where("id", "=", id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

/**
 * Whether to offer "Push einschalten?": push is set up, the person has no device yet, never
 * answered the prompt, and has posted a Notfall or been alerted about one.
 */
export async function pushPromptKey(person: Person): Promise<string | null> {
  if (!pushConfigured()) return null;
  return asUserReadOnly(person, async (tx) => {
    const result = await sql<{ prompt: boolean }>`
      select not exists (select 1 from public.push_subscriptions)
         and not exists (select 1 from public.push_preferences where prompt_answered_at is not null)
         and (exists (select 1 from public.notifications n
                      where n.kind = 'cover.alert' and n.data ->> 'urgency' = 'notfall')
              or exists (select 1 from public.cover_request_internals i
                         join public.cover_requests r on r.id = i.request_id
                         where i.created_by = ${person.id}::uuid and r.urgency = 'notfall' and r.status <> 'draft')) as prompt`.execute(tx);
    return result.rows[0]?.prompt ? vapidPublicKey() : null;
  });
}

/** "Überall abmelden": no device of the person gets pushes any more. */
export async function forgetMyPushSubscriptions(person: Person): Promise<number> {
  return asUser(person, async (tx) => {
    const result = await sql<{ n: number }>`select public.forget_my_push_subscriptions() as n`.execute(tx);
    return Number(result.rows[0]?.n ?? 0);
  });
}
