// Web push delivery (issue 12): encrypts a payload for one device (RFC 8291, aes128gcm, done by
// the web-push library), signs the request with the app's VAPID key (RFC 8292) and hands it to
// the device's push service. Called by the outbox worker only (app/.server/outbox/worker.ts).
//
// The worker talks only to the browsers' push services (PUSH_SERVICE_HOSTS): a subscription is
// a URL the browser chose, and the server must not be made to POST to any host someone types
// into a form. Tests and benchmarks add a local stand-in on 127.0.0.1 with PUSH_TEST_SERVICE_CA.
import { readFileSync } from "node:fs";
import https from "node:https";
import { rootCertificates } from "node:tls";
import webpush from "web-push";
import { coverPushText } from "~/i18n/cover-notifications";
import { env } from "../env";

/** The push services of Chrome/Edge/Android (FCM), Firefox, Safari/iOS and Windows. */
export const PUSH_SERVICE_HOSTS = [
  "fcm.googleapis.com",
  "android.googleapis.com",
  "updates.push.services.mozilla.com",
  "push.services.mozilla.com",
  "web.push.apple.com",
  "notify.windows.com",
];

export type PushSubscriptionKeys = { endpoint: string; p256dh: string; auth: string };

/** What a push shows: the same short text the circle sees (see private.push_for_notifications). */
export type PushMessage = { title: string; body: string; url: string; tag: string; urgency?: string };

/**
 * The push of an outbox row: private.push_for_notifications queues the notification's kind and the
 * request's public facts; the text is written here (app/i18n/cover.ts), so nothing German waits in
 * the database. Null when the payload is not a push this app can write (then it is not sent).
 */
export function pushMessage(payload: unknown): PushMessage | null {
  if (!payload || typeof payload !== "object") return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.url !== "string" || typeof p.tag !== "string") return null;
  const text = coverPushText(p.kind, p.data);
  if (!text) return null;
  return {
    title: text.title,
    body: text.body ?? "",
    url: p.url,
    tag: p.tag,
    ...(typeof p.urgency === "string" ? { urgency: p.urgency } : {}),
  };
}

/** The push service says the subscription no longer exists (404/410): forget it. */
export class PushSubscriptionGoneError extends Error {
  constructor(readonly statusCode: number) {
    super(`push subscription gone (${statusCode})`);
    this.name = "PushSubscriptionGoneError";
  }
}

export function pushConfigured(): boolean {
  return Boolean(env().VAPID_PUBLIC_KEY && env().VAPID_PRIVATE_KEY);
}

export function vapidPublicKey(): string | null {
  return env().VAPID_PUBLIC_KEY ?? null;
}

/** Whether the worker may send to this endpoint: https to a known push service (or the test stand-in). */
export function pushEndpointAllowed(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (env().PUSH_TEST_SERVICE_CA && (host === "127.0.0.1" || host === "localhost")) return true;
  if (url.port && url.port !== "443") return false;
  return PUSH_SERVICE_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));
}

let agent: https.Agent | undefined;
function pushAgent(): https.Agent {
  if (agent) return agent;
  const extra = env().PUSH_TEST_SERVICE_CA;
  agent = new https.Agent({
    keepAlive: true,
    maxSockets: 32,
    ...(extra ? { ca: [...rootCertificates, readFileSync(extra, "utf8")] } : {}),
  });
  return agent;
}

/** For tests that change PUSH_TEST_SERVICE_CA. */
export function resetPushAgent(): void {
  agent?.destroy();
  agent = undefined;
}

/**
 * Sends one push. Resolves when the push service accepted it (2xx); throws
 * PushSubscriptionGoneError on 404/410 and any other error otherwise (the worker retries).
 */
export async function sendPush(subscription: PushSubscriptionKeys, message: PushMessage): Promise<void> {
  const e = env();
  if (!e.VAPID_PUBLIC_KEY || !e.VAPID_PRIVATE_KEY) throw new Error("Web push is not configured (VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY)");
  if (!pushEndpointAllowed(subscription.endpoint)) throw new PushSubscriptionGoneError(400);
  try {
    await webpush.sendNotification(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      JSON.stringify(message),
      {
        vapidDetails: { subject: e.VAPID_SUBJECT, publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY },
        contentEncoding: "aes128gcm",
        // A Notfall is worth waking the phone for; after a day it is stale.
        urgency: message.urgency === "notfall" ? "high" : "normal",
        TTL: 24 * 3600,
        timeout: 15_000,
        agent: pushAgent(),
      },
    );
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (status === 404 || status === 410) throw new PushSubscriptionGoneError(status);
    throw error;
  }
}
