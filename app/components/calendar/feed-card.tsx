// "Kalender abonnieren": create, renew and revoke a calendar feed (the person's on /konto, the
// Träger's team calendar on its settings page), with short instructions for Outlook, Google
// Calendar and the iPhone. The link is shown once, right after it was made: only its hash is
// stored, so later it can only be renewed.
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import { dayMonthYearText } from "~/utils/format";


export function CalendarFeedCard({
  id,
  title,
  intro,
  active,
  createdAt,
  feedUrl,
  createIntent,
  revokeIntent,
}: {
  id: string;
  title: string;
  intro: string;
  active: boolean;
  createdAt: string | null;
  feedUrl: string | null;
  createIntent: string;
  revokeIntent: string;
}) {
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" ? navigation.formData?.get("intent") : null;
  const [copied, setCopied] = useState(false);
  const webcal = feedUrl?.replace(/^https?:/, "webcal:");
  return (
    <Card>
      <h2 id={id} className="scroll-mt-24 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{intro}</p>

      {feedUrl ? (
        <div className="mt-4 space-y-2 rounded-lg border border-green-300 bg-green-50 p-3">
          <label htmlFor={`${id}-url`} className="block text-sm font-semibold text-slate-900">
            Ihr Kalender-Link (nur jetzt sichtbar)
          </label>
          <input
            id={`${id}-url`}
            readOnly
            value={feedUrl}
            onFocus={(e) => e.currentTarget.select()}
            className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-xs"
          />
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(feedUrl).then(() => setCopied(true));
              }}
            >
              {copied ? "Kopiert" : "Link kopieren"}
            </Button>
            {webcal ? (
              <a href={webcal} className="inline-flex min-h-11 items-center text-sm font-semibold text-brand-800 underline underline-offset-2">
                Direkt im Kalenderprogramm öffnen
              </a>
            ) : null}
          </div>
          <p className="text-xs text-slate-700">
            Wer den Link kennt, sieht diese Termine. Geben Sie ihn nicht weiter; wenn er in falsche Hände geraten ist,
            erzeugen Sie einen neuen oder widerrufen Sie ihn.
          </p>
        </div>
      ) : active ? (
        <p className="mt-3 text-sm text-slate-700">
          Ein Kalender-Abo ist eingerichtet{createdAt ? ` (seit ${dayMonthYearText(createdAt)})` : ""}. Der Link wird aus
          Sicherheitsgründen nur beim Erzeugen angezeigt. Brauchen Sie ihn noch einmal, erzeugen Sie einen neuen – der alte gilt dann nicht mehr.
        </p>
      ) : (
        <p className="mt-3 text-sm text-slate-700">Noch kein Kalender-Abo eingerichtet.</p>
      )}

      <div className="mt-4 flex flex-wrap gap-2">
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value={createIntent} />
          <Button type="submit" disabled={pending === createIntent}>
            {active || feedUrl ? "Neuen Link erzeugen" : "Kalender-Link erzeugen"}
          </Button>
        </Form>
        {active || feedUrl ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value={revokeIntent} />
            <Button type="submit" variant="danger" disabled={pending === revokeIntent}>
              Abo widerrufen
            </Button>
          </Form>
        ) : null}
      </div>

      <details className="mt-4 text-sm text-slate-700">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-800">So fügen Sie den Link ein</summary>
        <dl className="mt-2 space-y-3">
          <div>
            <dt className="font-semibold text-slate-900">Outlook</dt>
            <dd>
              Im Kalender „Kalender hinzufügen“ → „Aus dem Internet abonnieren“ (Outlook im Web) bzw. „Aus dem Internet“
              (Outlook für Windows), Link einfügen, bestätigen. Outlook lädt das Abo etwa alle drei Stunden neu.
            </dd>
          </div>
          <div>
            <dt className="font-semibold text-slate-900">Google Kalender</dt>
            <dd>
              Am Computer links bei „Weitere Kalender“ auf „+“ → „Per URL“, Link einfügen, „Kalender hinzufügen“. Google
              aktualisiert Abos nur alle 8 bis 24 Stunden; neue Termine erscheinen dort also mit Verzögerung.
            </dd>
          </div>
          <div>
            <dt className="font-semibold text-slate-900">iPhone und iPad</dt>
            <dd>
              „Direkt im Kalenderprogramm öffnen“ antippen, oder: Einstellungen → Kalender → Accounts → Account hinzufügen →
              Andere → „Kalenderabo hinzufügen“, Link einfügen, „Weiter“ und „Sichern“.
            </dd>
          </div>
        </dl>
      </details>
    </Card>
  );
}
