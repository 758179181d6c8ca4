// /k/:slug/gast — "Als Gast anmelden" for the circle's next open Kooperationstreffen, for anyone
// (anon): name, Träger, email; a honeypot; the database caps registrations per meeting and hour
// and refuses an address twice. The guest gets a mail with the calendar file and a token link to
// change the answer.
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { loadPublicCircle } from "~/.server/circle/public-page";
import {
  nextPublicMeeting,
  registerPublicGuest,
} from "~/.server/meetings/write";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { answerErrors, answerValue } from "~/components/ui/intent-form";
import { Honeypot } from "~/components/ui/honeypot";
import { caughtByHoneypot } from "~/utils/honeypot";
import { Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { PlainField } from "~/components/ui/plain-field";
import { meetingWhen, whereText } from "~/i18n/meetings";
import { invariantResponse } from "~/utils/invariant";
import { PublicGuestSchema } from "~/validation/meetings";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [
  { title: "Als Gast anmelden · Trägerkreis" },
];

async function load(slug: string) {
  const circle = await loadPublicCircle(slug);
  invariantResponse(circle, "Nicht gefunden", { status: 404 });
  const meeting = await nextPublicMeeting(slug);
  return { circle: { name: circle.name }, meeting };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const sent = new URL(request.url).searchParams.get("gesendet") === "1";
  return { slug: params.slug!, sent, ...(await load(params.slug ?? "")) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const { meeting } = await load(slug);
  const formData = await request.formData();
  const thanks = `/k/${slug}/gast?gesendet=1`;
  const toast = {
    title: "Danke! Sie sind angemeldet.",
    description: "Die Bestätigung mit Kalenderdatei kommt per E-Mail.",
  };
  // A bot filled the hidden field: answer as for a person, write nothing.
  if (caughtByHoneypot(formData)) return redirectWithToast(thanks, toast);
  const submission = parseWithZod(formData, { schema: PublicGuestSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  if (!meeting || meeting.id !== submission.value.meetingId) {
    return {
      result: submission.reply({
        formErrors: ["Für dieses Treffen ist keine Anmeldung mehr möglich."],
      }),
    };
  }
  try {
    await registerPublicGuest(meeting.id, submission.value);
  } catch (error) {
    return { result: replyToRefusal(submission, error) };
  }
  return redirectWithToast(thanks, toast);
}

export default function GuestRegistration() {
  const { slug, sent, circle, meeting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title="Als Gast anmelden" description={circle.name} />
      {sent ? (
        <Card className="border-green-300 bg-green-50">
          <p role="status" className="font-semibold">
            Danke! Sie sind angemeldet. Die Bestätigung mit Kalenderdatei und
            einem Link zum Ändern kommt per E-Mail.
          </p>
        </Card>
      ) : null}
      {!meeting ? (
        <p>Zurzeit ist kein offenes Treffen geplant.</p>
      ) : (
        <>
          <Card>
            <p className="font-medium">{meeting.title}</p>
            <p>{meetingWhen(meeting.startsAt, meeting.endsAt)}</p>
            <p className="text-slate-700">
              {whereText(meeting)} · eingeladen von {meeting.hostName}
            </p>
            <p className="mt-2">Interessierte Träger sind willkommen.</p>
          </Card>
          {sent || meeting.full ? null : (
            <Form method="post" className="relative space-y-4" noValidate>
              <FormMessage errors={answerErrors(result, "")} />
              <Honeypot />
              <input type="hidden" name="meetingId" value={meeting.id} />
              <PlainField label="Ihr Name" answer={result} id="name" name="name" autoComplete="name" defaultValue={answerValue(result, "name") ?? ""} maxLength={120} />
              <PlainField
                label="Träger / Einrichtung"
                answer={result}
                id="orgName"
                name="orgName"
                autoComplete="organization"
                defaultValue={answerValue(result, "orgName") ?? ""}
                maxLength={200}
              />
              <PlainField
                label="E-Mail-Adresse"
                answer={result}
                id="email"
                name="email"
                type="email"
                autoComplete="email"
                defaultValue={answerValue(result, "email") ?? ""}
                maxLength={254}
              />
              <Button type="submit" className="w-full" disabled={busy}>
                Als Gast anmelden
              </Button>
              <p className="text-xs text-slate-600">
                Ihre Angaben sehen nur die Gastgeber des Treffens.
              </p>
            </Form>
          )}
        </>
      )}
      <Link
        to={`/k/${slug}`}
        className="font-semibold text-brand-800 underline"
      >
        Zurück zur Seite des Kreises
      </Link>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
