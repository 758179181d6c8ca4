// The push section of /konto and the prompt after the first Notfall (issue 12). Turning push on
// asks the browser for permission, subscribes with the app's VAPID key and posts the subscription
// (endpoint and keys) to /konto/push; the server checks and stores it per device.
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { PushSettings } from "~/.server/push/subscriptions";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";

type State = "checking" | "unsupported" | "denied" | "off" | "on" | "working";

function urlBase64ToUint8Array(value: string): Uint8Array<ArrayBuffer> {
  const padded = (value + "=".repeat((4 - (value.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(padded);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

function deviceLabel(): string {
  const ua = navigator.userAgent;
  const os = /iPhone|iPad/.test(ua) ? "iPhone/iPad" : /Android/.test(ua) ? "Android" : /Windows/.test(ua) ? "Windows" : /Mac/.test(ua) ? "Mac" : "Linux";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
  return `${browser} auf ${os}`;
}

/** The browser side of "Push auf diesem Gerät einschalten". */
export function useThisDevicePush(vapidPublicKey: string | null) {
  const fetcher = useFetcher<{ ok: boolean; message?: string }>();
  const [state, setState] = useState<State>("checking");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      setState("unsupported");
      return;
    }
    if (Notification.permission === "denied") {
      setState("denied");
      return;
    }
    navigator.serviceWorker.ready
      .then((registration) => registration.pushManager.getSubscription())
      .then((subscription) => setState(subscription ? "on" : "off"))
      .catch(() => setState("off"));
  }, []);

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    if (fetcher.data.ok) setState("on");
    else {
      setError(fetcher.data.message ?? "Push konnte nicht eingeschaltet werden.");
      setState("off");
    }
  }, [fetcher.state, fetcher.data]);

  async function turnOn() {
    setError(null);
    if (!vapidPublicKey) return;
    setState("working");
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState(permission === "denied" ? "denied" : "off");
        return;
      }
      const registration = await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: urlBase64ToUint8Array(vapidPublicKey) }));
      const json = subscription.toJSON();
      fetcher.submit(
        { intent: "subscribe", endpoint: json.endpoint ?? "", p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "", label: deviceLabel() },
        { method: "post", action: "/konto/push" },
      );
    } catch {
      setError("Der Browser konnte sich nicht beim Push-Dienst anmelden. Bitte versuchen Sie es später noch einmal.");
      setState("off");
    }
  }

  return { state, error, turnOn, busy: state === "working" || fetcher.state !== "idle" };
}

const MODES: { value: "notfall" | "all" | "off"; label: string; hint: string }[] = [
  { value: "notfall", label: "Nur Notfälle", hint: "Neue Notfall-Anfragen und Angebote oder Zusagen zu Notfällen." },
  { value: "all", label: "Alles aus der Vertretungsbörse", hint: "Jede neue Anfrage für Sie, jedes Angebot, jede Zusage." },
  { value: "off", label: "Aus", hint: "Keine Push-Benachrichtigungen; E-Mails und die Glocke bleiben." },
];

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" });
}

export function PushSettingsSection({ settings }: { settings: PushSettings }) {
  const device = useThisDevicePush(settings.vapidPublicKey);

  return (
    <Card>
      <h2 id="push" className="text-lg font-semibold text-slate-900">Push-Benachrichtigungen</h2>
      <p className="mt-1 text-sm text-slate-600">
        Bei einem Notfall sofort Bescheid wissen – auch wenn die Seite nicht offen ist. Eine Push-Nachricht nennt nur
        Dringlichkeit, Hilfeart, Gemeinde und Zeitraum, nie Angaben zur Familie.
      </p>
      {!settings.configured ? (
        <p className="mt-3 rounded bg-slate-100 p-3 text-sm text-slate-700">
          Push-Benachrichtigungen sind auf diesem Server noch nicht eingerichtet.
        </p>
      ) : (
        <div className="mt-3 space-y-2" data-testid="push-this-device">
          {device.state === "unsupported" ? (
            <p className="text-sm text-slate-700">
              Dieser Browser kann keine Push-Nachrichten empfangen. Auf dem iPhone: Seite zuerst über „Teilen → Zum
              Home-Bildschirm“ als App hinzufügen und von dort öffnen.
            </p>
          ) : device.state === "denied" ? (
            <p className="text-sm text-slate-700">
              Sie haben Benachrichtigungen für diese Seite im Browser blockiert. Erlauben Sie sie in den
              Website-Einstellungen des Browsers, dann können Sie Push hier einschalten.
            </p>
          ) : device.state === "on" ? (
            <p className="text-sm font-medium text-green-800">Auf diesem Gerät ist Push eingeschaltet.</p>
          ) : (
            <Button type="button" onClick={device.turnOn} disabled={device.busy || device.state === "checking"}>
              {device.busy ? "Wird eingeschaltet …" : "Push auf diesem Gerät einschalten"}
            </Button>
          )}
          {device.error ? <p role="alert" className="text-sm text-red-700">{device.error}</p> : null}
        </div>
      )}

      <h3 className="mt-5 font-semibold text-slate-900">Ihre Geräte</h3>
      {settings.devices.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">Noch auf keinem Gerät eingeschaltet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-200">
          {settings.devices.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span>
                <span className="font-medium">{d.label || d.service}</span>
                <span className="block text-slate-600">
                  seit {formatDate(d.createdAt)}
                  {d.lastUsedAt ? ` · zuletzt benachrichtigt ${formatDate(d.lastUsedAt)}` : ""}
                </span>
              </span>
              <Form method="post" action="/konto/push">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="deviceId" value={d.id} />
                <Button type="submit" variant="secondary">Entfernen</Button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <Form method="post" action="/konto/push" className="mt-5 space-y-3">
        <input type="hidden" name="intent" value="preferences" />
        <fieldset>
          <legend className="font-semibold text-slate-900">Wofür Push?</legend>
          {MODES.map((m) => (
            <label key={m.value} className="mt-2 flex gap-2 text-sm">
              <input type="radio" name="mode" value={m.value} defaultChecked={settings.preferences.mode === m.value} />
              <span>
                <span className="font-medium">{m.label}</span>
                <span className="block text-slate-600">{m.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="font-semibold text-slate-900">Ruhezeiten</legend>
          <p className="text-sm text-slate-600">In dieser Zeit kommt keine Push-Nachricht (E-Mail und Glocke schon).</p>
          <div className="mt-2 flex flex-wrap gap-3">
            <label className="text-sm">
              von <input type="time" name="quietFrom" defaultValue={settings.preferences.quietFrom ?? ""} className="ml-1 rounded border border-slate-300 p-1" />
            </label>
            <label className="text-sm">
              bis <input type="time" name="quietTo" defaultValue={settings.preferences.quietTo ?? ""} className="ml-1 rounded border border-slate-300 p-1" />
            </label>
          </div>
        </fieldset>
        <Button type="submit" variant="secondary">Push-Einstellungen speichern</Button>
      </Form>
    </Card>
  );
}

/** After posting or receiving the first Notfall: "Push einschalten?" once, until answered. */
export function PushPrompt({ vapidPublicKey }: { vapidPublicKey: string | null }) {
  const device = useThisDevicePush(vapidPublicKey);
  const later = useFetcher();
  if (later.state !== "idle" || later.data || device.state === "on" || device.state === "unsupported" || device.state === "denied" || device.state === "checking") return null;
  return (
    <Card className="border-amber-300 bg-amber-50">
      <h2 className="font-semibold text-slate-900">Bei Notfällen sofort Bescheid wissen?</h2>
      <p className="mt-1 text-sm text-slate-700">Schalten Sie Push-Benachrichtigungen für dieses Gerät ein. Sie können das jederzeit unter „Mein Konto“ ändern.</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="button" onClick={device.turnOn} disabled={device.busy}>Push einschalten</Button>
        <later.Form method="post" action="/konto/push">
          <input type="hidden" name="intent" value="prompt-later" />
          <Button type="submit" variant="secondary">Später</Button>
        </later.Form>
      </div>
      {device.error ? <p role="alert" className="mt-2 text-sm text-red-700">{device.error}</p> : null}
    </Card>
  );
}
