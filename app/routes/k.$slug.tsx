// /k/:slug — the circle's public page, for anyone: what the circle is, who is in it, and
// "Interesse melden" ("Interessierte Träger können sich … melden"). Runs as `anon`; a signed-in
// owner or admin of a Träger that is not in the circle yet asks for that Träger instead
// (filling in the anonymous form would create a second, empty Träger with the same name).
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { redirect } from "@remix-run/node";
import { getSessionUser, requireUser } from "~/.server/auth/session";
import { requestCircleMembership, traegerThatCouldJoin } from "~/.server/circle/join-requests";
import { fileJoinRequest, loadPublicCircle } from "~/.server/circle/public-page";
import { nextPublicMeeting } from "~/.server/meetings/write";
import { NextMeetingCard } from "~/components/meetings/next-meeting-card";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Honeypot } from "~/components/ui/honeypot";
import { EmailText } from "~/components/ui/email-text";
import { Card, FormMessage } from "~/components/ui/layout";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";
import { JoinRequestSchema, JoinWithExistingSchema } from "~/validation/circle";
import { caughtByHoneypot } from "~/utils/honeypot";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.circle.name} · Trägerkreis` },
        { name: "description", content: `${data.circle.name}: Interessierte Träger können sich hier melden.` },
      ]
    : [{ title: "Nicht gefunden · Trägerkreis" }];

async function requireCircle(slug: string | undefined) {
  const circle = await loadPublicCircle(slug ?? "");
  invariantResponse(circle, "Nicht gefunden", { status: 404 });
  return circle;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const circle = await requireCircle(params.slug);
  const sent = new URL(request.url).searchParams.get("gesendet") === "1";
  const user = await getSessionUser(request);
  const ownTraeger = user ? await traegerThatCouldJoin(user, circle.id) : [];
  return {
    slug: params.slug!,
    sent,
    ownTraeger,
    // The join forms' constraints; their schemas are loaded after hydration.
    constraints: { existing: getZodConstraint(JoinWithExistingSchema), request: getZodConstraint(JoinRequestSchema) },
    nextMeeting: await nextPublicMeeting(params.slug!),
    circle: {
      name: circle.name,
      region: circle.region,
      description: circle.description,
      contactEmail: circle.contactEmail,
      contactPhone: circle.contactPhone,
      memberNames: circle.memberNames,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const circle = await requireCircle(params.slug);
  const formData = await request.formData();
  // The thank-you box on the page says it; a toast on top would say it twice.
  const thanks = `${paths.publicCircle(params.slug!)}?gesendet=1`;
  if (formData.get("intent") === "existing") {
    const user = await requireUser(request);
    const submission = parseWithZod(formData, { schema: JoinWithExistingSchema });
    if (submission.status !== "success") return { result: submission.reply() };
    try {
      await requestCircleMembership(user, circle.id, submission.value.orgId, submission.value.message);
    } catch (error) {
      return { result: replyToRefusal(submission, error) };
    }
    return redirect(thanks);
  }
  // A bot filled the hidden field: answer exactly as for a person, write nothing.
  if (caughtByHoneypot(formData)) return redirect(thanks);

  const submission = parseWithZod(formData, { schema: JoinRequestSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  try {
    await fileJoinRequest(circle.id, submission.value);
  } catch (error) {
    return { result: replyToRefusal(submission, error) };
  }
  return redirect(thanks);
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900 break-words";
// No break-words: the address wraps only at the joints EmailText offers.
const contactLinkClass = "inline-flex min-h-6 items-center font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

export default function PublicCircle() {
  const { slug, sent, circle, ownTraeger, nextMeeting } = useLoaderData<typeof loader>();
  const canAsk = ownTraeger.filter((t) => !t.pending);
  return (
    <div className={`grid grid-cols-1 gap-6 ${sent ? "" : "lg:grid-cols-[3fr_2fr] lg:items-start"}`}>
      {sent ? (
        <div className="rounded-xl border border-green-300 bg-green-50 p-4 shadow-sm sm:p-6">
          <ThankYou slug={slug} circleName={circle.name} existing={ownTraeger.some((t) => t.pending)} />
        </div>
      ) : null}
      <div className="space-y-6">
        <div>
          <p className="text-sm font-semibold text-brand-700">Kooperationskreis freier Träger der Kinder- und Jugendhilfe</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{circle.name}</h1>
          {circle.region ? <p className="mt-1 text-slate-600">{circle.region}</p> : null}
          {sent ? null : (
            // On a phone the form comes after the description; this takes a visitor straight there.
            <a href="#interesse-melden-titel" className="mt-3 inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2 lg:hidden">
              Direkt zum Formular „Interesse melden“
            </a>
          )}
        </div>

        {circle.description.trim() ? (
          <p className="whitespace-pre-line text-slate-800">{circle.description}</p>
        ) : (
          <p className="text-slate-800">
            Freie Träger, die zusammenarbeiten wollen und dabei eigenständig bleiben: Sie vertreten sich in
            Notsituationen, organisieren gemeinsame Fortbildungen, treffen sich regelmäßig und starten gemeinsame
            Projekte für Kinder, Jugendliche und ihre Familien.
          </p>
        )}

        <Card>
          <h2 className="text-lg font-semibold text-slate-900">
            {circle.memberNames.length === 1 ? "Dieser Träger ist dabei" : `Diese ${circle.memberNames.length} Träger sind dabei`}
          </h2>
          {circle.memberNames.length > 0 ? (
            <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
              {circle.memberNames.map((name) => (
                <li key={name} className="flex gap-2 text-slate-800">
                  <span aria-hidden="true" className="text-brand-700">
                    •
                  </span>
                  {name}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-600">Der Kreis sucht seine ersten Träger.</p>
          )}
        </Card>

        {nextMeeting ? <NextMeetingCard slug={slug} meeting={nextMeeting} /> : null}

        {circle.contactEmail || circle.contactPhone ? (
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Kontakt zur Koordination</h2>
            <ul className="mt-2 space-y-1 text-slate-800">
              {circle.contactPhone ? (
                <li>
                  Telefon:{" "}
                  <a href={`tel:${circle.contactPhone.replace(/[^0-9+]/g, "")}`} className={linkClass}>
                    {circle.contactPhone}
                  </a>
                </li>
              ) : null}
              {circle.contactEmail ? (
                <li>
                  E-Mail:{" "}
                  <a href={`mailto:${circle.contactEmail}`} className={contactLinkClass}>
                    <EmailText email={circle.contactEmail} />
                  </a>
                </li>
              ) : null}
            </ul>
          </Card>
        ) : null}
      </div>

      {sent ? null : (
        <Card className="lg:sticky lg:top-20">
          {ownTraeger.length > 0 ? (
            <>
              <ExistingTraegerForm circleName={circle.name} traeger={canAsk} pending={ownTraeger.filter((t) => t.pending)} />
              <details className="mt-6 border-t border-slate-200 pt-4">
                <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-brand-800 underline underline-offset-2">
                  Für einen anderen, neuen Träger melden
                </summary>
                <div className="mt-3">
                  <JoinRequestForm circleName={circle.name} />
                </div>
              </details>
            </>
          ) : (
            <JoinRequestForm circleName={circle.name} />
          )}
        </Card>
      )}
    </div>
  );
}

function ThankYou({ slug, circleName, existing }: { slug: string; circleName: string; existing: boolean }) {
  return (
    <div role="status">
      <h2 className="text-lg font-semibold text-slate-900">Danke für Ihre Meldung!</h2>
      <p className="mt-2 text-slate-800">
        Die Koordination von {circleName} hat Ihre Nachricht bekommen und meldet sich per E-Mail bei Ihnen.
      </p>
      {existing ? (
        <p className="mt-2 text-slate-800">
          Nimmt der Kreis Ihren Träger auf, gehört er mit seinem bestehenden Profil dazu; Sie bekommen eine Nachricht.
        </p>
      ) : (
        <p className="mt-2 text-slate-800">
          Nimmt der Kreis Ihren Träger auf, erhalten Sie eine Einladung: Damit legen Sie Ihr Konto an und pflegen das
          Profil Ihres Trägers.
        </p>
      )}
      <p className="mt-4 text-sm">
        <Link to={paths.publicCircle(slug)} className={`${linkClass} inline-flex min-h-11 items-center`}>
          Eine weitere Meldung senden
        </Link>
      </p>
    </div>
  );
}

function ExistingTraegerForm({
  circleName,
  traeger,
  pending,
}: {
  circleName: string;
  traeger: Array<{ id: string; name: string }>;
  pending: Array<{ id: string; name: string }>;
}) {
  const { constraints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/circle").then((m) => m.JoinWithExistingSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: "interesse-bestehender-traeger",
    lastResult: actionData?.result,
    constraint: constraints.existing,
    ...validation,
    defaultValue: { orgId: traeger[0]?.id ?? "" },
  });
  return (
    <>
      <h2 id="interesse-melden-titel" className="scroll-mt-20 text-lg font-semibold text-slate-900">Interesse melden</h2>
      {pending.map((t) => (
        <p key={t.id} role="status" className="mt-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          Die Anfrage für {t.name} liegt der Koordination vor.
        </p>
      ))}
      {traeger.length > 0 ? (
        <>
          <p className="mt-1 text-sm text-slate-700">
            Sie melden Ihren bestehenden Träger an. Nimmt die Koordination von {circleName} ihn auf, gehört er mit seinem
            Profil und seinen Mitgliedern zum Kreis.
          </p>
          <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
            <input type="hidden" name="intent" value="existing" />
            <FormMessage id={form.errorId} errors={form.errors} />
            {traeger.length === 1 ? (
              <>
                <input type="hidden" name={fields.orgId.name} value={traeger[0]!.id} />
                <p className="text-slate-900">
                  <span className="font-medium">Träger:</span> {traeger[0]!.name}
                </p>
              </>
            ) : (
              <SelectField
                label="Träger"
                field={fields.orgId}
                options={traeger.map((t) => ({ value: t.id, label: t.name }))}
              />
            )}
            <TextareaField
              label="Nachricht (optional)"
              hint="Was wünschen Sie sich vom Kreis?"
              field={fields.message}
              textareaProps={{ rows: 4 }}
            />
            <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Wird gesendet …" : traeger.length === 1 ? `${traeger[0]!.name} anmelden` : "Träger anmelden"}
            </Button>
            <p className="text-xs text-slate-600">
              Die Koordination sieht Ihren Namen, Ihre E-Mail-Adresse und Telefonnummer aus Ihrem Konto, um Ihnen zu antworten.
            </p>
          </Form>
        </>
      ) : null}
    </>
  );
}

function JoinRequestForm({ circleName }: { circleName: string }) {
  const { constraints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/circle").then((m) => m.JoinRequestSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: "interesse-melden",
    lastResult: actionData?.result,
    constraint: constraints.request,
    ...validation,
  });
  return (
    <>
      <h2 id="interesse-melden-titel" className="scroll-mt-20 text-lg font-semibold text-slate-900">Interesse melden</h2>
      <p className="mt-1 text-sm text-slate-700">
        Interessierte Träger können sich hier melden. Die Koordination von {circleName} antwortet Ihnen per E-Mail.
      </p>
      <Form method="post" {...getFormProps(form)} className="relative mt-4 space-y-4">
        <FormMessage id={form.errorId} errors={form.errors} />
        <Honeypot />
        <Field
          label="Name des Trägers"
          field={fields.orgName}
          inputProps={{ autoComplete: "organization" }}
        />
        <Field
          label="Ansprechperson"
          field={fields.contactName}
          inputProps={{ autoComplete: "name" }}
        />
        <Field
          label="E-Mail-Adresse"
          field={fields.email}
          type="email"
          inputProps={{ autoComplete: "email" }}
        />
        <Field
          label="Telefon (optional)"
          field={fields.phone}
          type="tel"
          inputProps={{ autoComplete: "tel" }}
        />
        <TextareaField
          label="Nachricht"
          hint="Wer sind Sie, welche Hilfen bieten Sie an, was wünschen Sie sich vom Kreis?"
          field={fields.message}
          textareaProps={{ rows: 5 }}
        />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Wird gesendet …" : "Interesse melden"}
        </Button>
        <p className="text-xs text-slate-600">
          Ihre Angaben sehen nur die Koordinator:innen des Kreises. Sie nutzen sie, um über Ihre Aufnahme zu entscheiden
          und Ihnen zu antworten.
        </p>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
