import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getOwnProfile, updateOwnProfile } from "~/.server/auth/profile";
import { deleteMyAccount } from "~/.server/account/my-data";
import { sessionCookie } from "~/.server/auth/cookie";
import { changePassword, signOutEverywhere } from "~/.server/auth/service";
import { requireUser } from "~/.server/auth/session";
import { createPersonalFeed, feedPath, personalFeedState, revokePersonalFeed } from "~/.server/calendar/subscriptions";
import { env } from "~/.server/env";
import { CalendarFeedCard } from "~/components/calendar/feed-card";
import { redirectWithToast } from "~/.server/toast";
import { forgetMyPushSubscriptions, loadPushSettings } from "~/.server/push/subscriptions";
import { PushSettingsSection } from "~/components/push-settings";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NewPasswordFields } from "~/components/new-password-fields";
import { Button } from "~/components/ui/button";
import { EmailText } from "~/components/ui/email-text";
import { Field, TextareaField } from "~/components/ui/field";
import { Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { PASSWORD_EQUALS_EMAIL, WRONG_CURRENT_PASSWORD } from "~/i18n/auth";
import { paths } from "~/utils/links";
import { ChangePasswordSchema, DeleteAccountSchema, ProfileSchema, splitLanguages } from "~/validation/auth";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [{ title: "Mein Konto · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [profile, feed, push] = await Promise.all([getOwnProfile(user), personalFeedState(user), loadPushSettings(user)]);
  return {
    email: user.email,
    calendarFeed: { active: feed.active, createdAt: feed.createdAt?.toISOString() ?? null },
    push,
    profile: {
      fullName: profile?.fullName ?? user.fullName,
      phone: profile?.phone ?? "",
      qualifications: profile?.qualifications ?? "",
      languages: (profile?.languages ?? []).join(", "),
    },
    constraints: {
      profile: getZodConstraint(ProfileSchema),
      password: getZodConstraint(ChangePasswordSchema),
      deleteAccount: getZodConstraint(DeleteAccountSchema),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "calendar-create") {
    const token = await createPersonalFeed(user);
    return { intent, feedUrl: new URL(feedPath(token), env().APP_URL).toString() };
  }
  if (intent === "calendar-revoke") {
    await revokePersonalFeed(user);
    return redirectWithToast(paths.account, { title: "Das Kalender-Abo ist widerrufen. Der alte Link funktioniert nicht mehr." });
  }

  if (intent === "profile") {
    const submission = parseWithZod(formData, { schema: ProfileSchema });
    if (submission.status !== "success") return { intent, result: submission.reply() };
    const { fullName, phone, qualifications, languages } = submission.value;
    await updateOwnProfile(user, {
      fullName,
      phone: phone || null,
      qualifications: qualifications ?? "",
      languages: splitLanguages(languages),
    });
    return redirectWithToast(paths.account, { title: "Ihr Profil wurde gespeichert." });
  }

  if (intent === "password") {
    const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
    const hideFields = ["currentPassword", "newPassword", "confirmPassword"];
    if (submission.status !== "success") return { intent, result: submission.reply({ hideFields }) };
    const outcome = await changePassword(user, submission.value.currentPassword, submission.value.newPassword);
    if (outcome.status === "wrong-current") {
      return { intent, result: submission.reply({ fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] }, hideFields }) };
    }
    if (outcome.status === "password-equals-email") {
      return { intent, result: submission.reply({ fieldErrors: { newPassword: [PASSWORD_EQUALS_EMAIL] }, hideFields }) };
    }
    return redirectWithToast(paths.account, {
      title: "Ihr Passwort wurde geändert.",
      description: "Auf allen anderen Geräten sind Sie jetzt abgemeldet.",
    });
  }

  if (intent === "signout-everywhere") {
    await forgetMyPushSubscriptions(user);
    const clearCookie = await signOutEverywhere(user);
    return redirectWithToast(
      paths.signIn,
      { type: "info", title: "Sie wurden überall abgemeldet.", description: "Alle Sitzungen auf allen Geräten sind beendet." },
      { headers: { "Set-Cookie": clearCookie } },
    );
  }

  if (intent === "delete-account") {
    const submission = parseWithZod(formData, { schema: DeleteAccountSchema });
    if (submission.status !== "success") return { intent, result: submission.reply({ hideFields: ["password"] }) };
    try {
      const outcome = await deleteMyAccount(user, submission.value.password);
      if (outcome.status === "wrong-password") {
        return { intent, result: submission.reply({ fieldErrors: { password: ["Das Passwort ist falsch."] }, hideFields: ["password"] }) };
      }
    } catch (error) {
      return { intent, result: replyToRefusal(submission, error, {}, { hideFields: ["password"] }) };
    }
    return redirectWithToast(
      paths.signIn,
      { type: "info", title: "Ihr Konto ist gelöscht.", description: "Ihre Daten sind entfernt; wo andere Einträge behalten, steht „ehemaliges Mitglied“." },
      { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } },
    );
  }

  throw new Response("Diese Aktion gibt es hier nicht.", { status: 400 });
}

function ProfileForm() {
  const { email, profile, constraints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/auth").then((m) => m.ProfileSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: "profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    constraint: constraints.profile,
    defaultValue: profile,
    ...validation,
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "profile";
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Profil</h2>
      <p className="mt-1 text-sm text-slate-600">
        Ihre Kolleginnen und Kollegen sehen diese Angaben; als Ansprechperson Ihres Trägers auch der Kreis.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <FormMessage id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="profile" />
        <div>
          <p className="block text-sm font-medium text-slate-800">E-Mail-Adresse</p>
          <p className="mt-1 text-slate-900">
            <EmailText email={email} />
          </p>
        </div>
        <Field
          label="Name"
          field={fields.fullName}
          inputProps={{ autoComplete: "name" }}
        />
        <Field
          label="Telefon (optional)"
          field={fields.phone}
          type="tel"
          inputProps={{ autoComplete: "tel" }}
        />
        <TextareaField
          label="Qualifikationen (optional)"
          hint="Zum Beispiel: Dipl. Sozialpädagogin, systemische Beraterin, Insoweit erfahrene Fachkraft (§ 8a)."
          field={fields.qualifications}
          textareaProps={{ rows: 3 }}
        />
        <Field
          label="Sprachen (optional)"
          hint="Mit Kommas getrennt, z. B. Deutsch, Türkisch, Arabisch."
          field={fields.languages}
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Wird gespeichert …" : "Profil speichern"}
        </Button>
      </Form>
    </Card>
  );
}

function PasswordForm() {
  const { email, constraints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/auth").then((m) => m.ChangePasswordSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
    constraint: constraints.password,
    ...validation,
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "password";
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Passwort ändern</h2>
      <p className="mt-1 text-sm text-slate-600">Danach bleiben Sie hier angemeldet; auf allen anderen Geräten werden Sie abgemeldet.</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <FormMessage id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="password" />
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <Field
          label="Aktuelles Passwort"
          field={fields.currentPassword}
          type="password"
          inputProps={{ autoComplete: "current-password" }}
        />
        <NewPasswordFields password={fields.newPassword} confirm={fields.confirmPassword} />
        <Button type="submit" disabled={busy}>
          {busy ? "Wird geändert …" : "Passwort ändern"}
        </Button>
      </Form>
    </Card>
  );
}

export default function Account() {
  const { push } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "signout-everywhere";
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Mein Konto" description="Ihr Profil, Ihr Passwort, Ihre Anmeldungen und Ihre Daten." />
      <div className="space-y-6">
        <ProfileForm />
        <PasswordForm />
        <PersonalCalendarFeed />
        <PushSettingsSection settings={push} />
        <MyDataCard />
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Überall abmelden</h2>
          <p className="mt-1 text-sm text-slate-600">
            Beendet alle Ihre Sitzungen auf allen Geräten – auch diese – und schaltet Push auf allen Geräten aus. Nutzen Sie das, wenn Sie ein Gerät verloren
            haben oder sich an einem fremden Rechner nicht abgemeldet haben. Danach melden Sie sich neu an.
          </p>
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="signout-everywhere" />
            <Button type="submit" variant="danger" disabled={busy}>
              Überall abmelden
            </Button>
          </Form>
        </Card>
        <DeleteAccountForm />
      </div>
    </div>
  );
}

function PersonalCalendarFeed() {
  const { calendarFeed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const feedUrl = actionData && "feedUrl" in actionData ? (actionData.feedUrl ?? null) : null;
  return (
    <CalendarFeedCard
      id="kalender-abonnieren"
      title="Kalender abonnieren"
      intro="Ihr persönlicher Kalender-Link bringt Ihre Treffen, Fortbildungen, Vertretungen, Terminumfragen und Aufgaben in Outlook, Google Kalender oder auf Ihr iPhone – genau das, was Sie auch hier sehen."
      active={calendarFeed.active}
      createdAt={calendarFeed.createdAt}
      feedUrl={feedUrl}
      createIntent="calendar-create"
      revokeIntent="calendar-revoke"
    />
  );
}

const linkClass = "inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

function MyDataCard() {
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Meine Daten</h2>
      <p className="mt-1 text-sm text-slate-600">
        Alles, was Trägerkreis über Sie gespeichert hat: Konto, Profil, Sitzungen, Mitgliedschaften, Anmeldungen, Anfragen,
        Benachrichtigungen und Protokolleinträge (Art. 15 und 20 DSGVO).
      </p>
      <ul className="mt-3 flex flex-wrap gap-x-6">
        <li>
          <a href="/konto/daten.html" className={linkClass} download>
            Als lesbare Seite herunterladen (HTML)
          </a>
        </li>
        <li>
          <a href="/konto/daten.json" className={linkClass} download>
            Als Datei für andere Programme (JSON)
          </a>
        </li>
      </ul>
    </Card>
  );
}

function DeleteAccountForm() {
  const { email, constraints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/auth").then((m) => m.DeleteAccountSchema), {
    shouldValidate: "onSubmit",
  });
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult: actionData?.intent === "delete-account" ? actionData.result : undefined,
    constraint: constraints.deleteAccount,
    ...validation,
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "delete-account";
  return (
    <Card className="border-red-200">
      <h2 className="text-lg font-semibold text-slate-900">Konto löschen</h2>
      <div className="mt-1 space-y-1 text-sm text-slate-700">
        <p>
          Ihre Mitgliedschaften enden, Ihr Profil, Ihre Sitzungen und Benachrichtigungen werden gelöscht. Wo andere Einträge
          behalten (Anmeldungen zu Fortbildungen, Vertretungen), steht statt Ihres Namens „ehemaliges Mitglied“; das Protokoll
          behält nur eine zufällige Kennung. Das lässt sich nicht rückgängig machen.
        </p>
        <p>Sind Sie die einzige Inhaberin oder der einzige Inhaber eines Trägers, ernennen Sie dort zuerst eine weitere Person.</p>
      </div>
      <details className="mt-3" open={form.status === "error" || undefined}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-red-300 px-4 text-sm font-semibold text-red-800 hover:bg-red-50">
          Konto löschen …
        </summary>
        <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
          <FormMessage id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="delete-account" />
          <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
          <Field
            label="Passwort zur Bestätigung"
            field={fields.password}
            type="password"
            inputProps={{ autoComplete: "current-password" }}
          />
          <Button type="submit" variant="danger" disabled={busy}>
            {busy ? "Wird gelöscht …" : "Konto endgültig löschen"}
          </Button>
        </Form>
      </details>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
