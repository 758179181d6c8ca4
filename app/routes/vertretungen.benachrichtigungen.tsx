// /vertretungen/benachrichtigungen — each person chooses which new cover requests they hear about:
// urgencies, Notfall only, Gemeinden and Hilfearten (none chosen: everything their Träger serves),
// and whether by email too. Being asked by name (addressed first) always reaches the coordinators.
// The bell (/benachrichtigungen) shows the in-app notifications; they link to /vertretungen/<id>.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { loadCoverAlertSettings, saveCoverAlertSettings } from "~/.server/cover/alerts";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { CheckboxField, CheckboxGroup, ErrorList, OptionRow } from "~/components/ui/field";
import { FormMessage, PageHeader } from "~/components/ui/layout";
import { COVER_URGENCIES, URGENCY_HINTS, URGENCY_LABELS } from "~/i18n/cover";
import { hilfeartOptions } from "~/i18n/hilfearten";
import { paths } from "~/utils/links";
import { CoverAlertPreferencesSchema } from "~/validation/cover";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [{ title: "Benachrichtigungen · Vertretungen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { settings: await loadCoverAlertSettings(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: CoverAlertPreferencesSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  try {
    await saveCoverAlertSettings(user, submission.value);
  } catch (error) {
    return { result: replyToRefusal(submission, error) };
  }
  return redirectWithToast(paths.coverAlerts, {
    title: submission.value.intent === "reset" ? "Auf die Voreinstellung zurückgesetzt." : "Benachrichtigungen gespeichert.",
  });
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

export default function CoverAlertsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction === paths.coverAlerts;
  const errors = actionData?.result.error ?? {};
  const served = (codes: string[], all: Array<{ code: string }>) => all.filter((x) => codes.includes(x.code));
  const gemeindenServed = served(settings.served.gemeinden, settings.reference.gemeinden) as typeof settings.reference.gemeinden;
  const hilfeartenServed = served(settings.served.hilfearten, settings.reference.hilfearten) as typeof settings.reference.hilfearten;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link to={paths.cover} className={`${linkClass} inline-flex min-h-11 items-center`}>
          ← Vertretungen
        </Link>
      </p>
      <PageHeader
        title="Benachrichtigungen zu Vertretungen"
        description="Wählen Sie, über welche neuen Anfragen im Kreis Sie benachrichtigt werden – in der App und per E-Mail."
      />
      {!settings.receivesAlerts ? (
        <p className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Über neue Anfragen werden Koordination, Administration und Inhaber:innen von Trägern im Kreis benachrichtigt. Ihre
          Einstellungen gelten, sobald Sie eine dieser Rollen haben.
        </p>
      ) : null}
      <Form method="post" className="space-y-6">
        <FormMessage errors={errors[""]} />
        <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <legend className="-ml-1 px-1 text-lg font-semibold text-slate-900">Dringlichkeit</legend>
          <div className="grid gap-1 sm:grid-cols-3">
            {COVER_URGENCIES.map((u) => (
              <OptionRow key={u} type="checkbox" name="urgencies" value={u} defaultChecked={settings.urgencies.includes(u)}>
                <span className="font-medium">{URGENCY_LABELS[u]}</span>
                <span className="block text-slate-600">{URGENCY_HINTS[u]}</span>
              </OptionRow>
            ))}
          </div>
          <ErrorList errors={errors.urgencies} />
          <CheckboxField
            label={
              <>
                <span className="font-medium">Nur Notfälle</span> – alle anderen Anfragen finden Sie auf der Übersicht, ohne
                Benachrichtigung.
              </>
            }
            inputProps={{ name: "notfallOnly", defaultChecked: settings.notfallOnly }}
          />
          <p className="text-sm text-slate-600">Keine Dringlichkeit gewählt: keine Benachrichtigungen über neue Anfragen.</p>
        </fieldset>

        <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <legend className="-ml-1 px-1 text-lg font-semibold text-slate-900">Region und Hilfeart</legend>
          <p className="text-sm text-slate-700">
            Ohne Auswahl gilt, was Ihr Träger anbietet
            {gemeindenServed.length > 0 ? `: ${gemeindenServed.map((g) => g.name).join(", ")}` : ""}. Wählen Sie Gemeinden oder
            Hilfearten, wenn Sie nur einen Teil davon hören möchten.
          </p>
          <CheckboxGroup
            legend="Gemeinden"
            name="gemeinden"
            options={(gemeindenServed.length > 0 ? gemeindenServed : settings.reference.gemeinden).map((g) => ({ value: g.code, label: g.name }))}
            defaultValue={settings.gemeinden}
            errors={errors.gemeinden}
          />
          <CheckboxGroup
            legend="Hilfearten"
            name="hilfearten"
            options={hilfeartOptions(hilfeartenServed.length > 0 ? hilfeartenServed : settings.reference.hilfearten)}
            defaultValue={settings.hilfearten}
            errors={errors.hilfearten}
          />
        </fieldset>

        <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <legend className="-ml-1 px-1 text-lg font-semibold text-slate-900">Weg</legend>
          <p className="text-sm text-slate-700">In der App (Glocke oben) werden Sie immer benachrichtigt.</p>
          <CheckboxField
            label={<span className="font-medium">Auch per E-Mail</span>}
            inputProps={{ name: "emailEnabled", defaultChecked: settings.emailEnabled }}
          />
        </fieldset>

        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          {settings.saved ? (
            <Button type="submit" name="intent" value="reset" variant="ghost" disabled={busy}>
              Auf Voreinstellung zurücksetzen
            </Button>
          ) : null}
          <Button type="submit" name="intent" value="save" disabled={busy}>
            {busy ? "Wird gespeichert …" : "Speichern"}
          </Button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
