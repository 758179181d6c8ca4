// The page an invitation mail links to: which Träger and role the link is for, and accepting it.
// The invitation is bound to its email address, so the page guides a visitor to sign in or sign
// up with exactly that address, and tells someone signed in with another address what to do.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { destroySession, getSessionUser, requireUser } from "~/.server/auth/session";
import { userMessageFor } from "~/.server/db/errors";
import { acceptInvitation, previewInvitation } from "~/.server/orgs/invitations";
import { redirectWithToast } from "~/.server/toast";
import { AuthLayout, linkClass } from "~/components/auth-layout";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink } from "~/components/ui/button";
import { FormMessage } from "~/components/ui/layout";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/i18n/labels";
import { carryParams } from "~/utils/auth-links";
import { paths } from "~/utils/links";
import { InvitationActionSchema, InvitationTokenSchema } from "~/validation/orgs";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [{ title: "Einladung · Trägerkreis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const user = await getSessionUser(request);
  const signedInAs = user?.email ?? null;
  const preview = InvitationTokenSchema.safeParse(token).success ? await previewInvitation(user, token) : undefined;
  if (!preview) return data({ state: "unknown" as const, signedInAs }, { status: 404 });
  const invitation = { orgName: preview.orgName, role: preview.role, email: preview.email };
  if (preview.accepted) return { state: "used" as const, signedInAs, invitation };
  if (preview.expired) return { state: "expired" as const, signedInAs, invitation };
  const here = paths.invitation(token);
  const links = {
    signIn: `${paths.signIn}${carryParams(here, preview.email)}`,
    signUp: `${paths.signUp}${carryParams(here, preview.email)}`,
  };
  if (!user) return { state: "anonymous" as const, signedInAs, invitation, links };
  if (user.email.toLowerCase() !== preview.email.toLowerCase()) {
    return { state: "other-email" as const, signedInAs, invitation, links };
  }
  return { state: "ready" as const, signedInAs, invitation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const submission = parseWithZod(await request.formData(), { schema: InvitationActionSchema });
  if (submission.status !== "success") return { result: submission.reply() };

  if (submission.value.intent === "sign-out") {
    // Straight on to the sign-in page with the invited address filled in and the way back here.
    const clearCookie = await destroySession(request);
    const valid = InvitationTokenSchema.safeParse(token).success;
    const preview = valid ? await previewInvitation(null, token) : undefined;
    const next = preview ? `${paths.signIn}${carryParams(paths.invitation(token), preview.email)}` : paths.invitation(token);
    return redirectWithToast(
      next,
      { type: "info", title: "Sie sind abgemeldet.", description: "Melden Sie sich jetzt mit der eingeladenen Adresse an." },
      { headers: { "Set-Cookie": clearCookie } },
    );
  }

  const user = await requireUser(request);
  if (!InvitationTokenSchema.safeParse(token).success) {
    return { result: submission.reply({ formErrors: [userMessageForCode("TK_INVITATION_INVALID")] }) };
  }
  try {
    const org = await acceptInvitation(user, token);
    return redirectWithToast(paths.orgMembers(org.slug), {
      title: `Willkommen bei ${org.name}!`,
      description: "Sie gehören jetzt zum Träger.",
    });
  } catch (error) {
    return { result: replyToRefusal(submission, error) };
  }
}

function userMessageForCode(code: string): string {
  return userMessageFor({ code: "P0001", message: code }) ?? "Die Aktion ist nicht möglich.";
}

export default function InvitationPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form] = useForm({ id: "invitation", lastResult: actionData?.result });
  const busy = navigation.state !== "idle";

  if (loaderData.state === "unknown") {
    return (
      <AuthLayout title="Diese Einladung gibt es nicht">
        <p className="text-slate-700">
          Der Link ist unvollständig, oder die Einladung wurde zurückgezogen oder durch eine neuere ersetzt. Bitten Sie die Person,
          die Sie eingeladen hat, um eine neue Einladung.
        </p>
        <HomeLink signedIn={Boolean(loaderData.signedInAs)} />
      </AuthLayout>
    );
  }

  const { invitation } = loaderData;
  const role = ROLE_LABELS[invitation.role];

  if (loaderData.state === "used") {
    return (
      <AuthLayout title="Einladung bereits angenommen">
        <p className="text-slate-700">
          Die Einladung zu <strong>{invitation.orgName}</strong> wurde schon angenommen. Ein Link gilt nur einmal.
        </p>
        <HomeLink signedIn={Boolean(loaderData.signedInAs)} />
      </AuthLayout>
    );
  }

  if (loaderData.state === "expired") {
    return (
      <AuthLayout title="Einladung abgelaufen">
        <p className="text-slate-700">
          Die Einladung zu <strong>{invitation.orgName}</strong> ist abgelaufen; Einladungen gelten sieben Tage. Bitten Sie die Person,
          die Sie eingeladen hat, Ihnen eine neue zu schicken.
        </p>
        <HomeLink signedIn={Boolean(loaderData.signedInAs)} />
      </AuthLayout>
    );
  }

  const summary = (
    <div className="space-y-3 text-slate-700">
      <p>
        Sie sind eingeladen, <strong className="text-slate-900">{invitation.orgName}</strong> als <strong className="text-slate-900">{role}</strong>{" "}
        beizutreten.
      </p>
      <p className="text-sm text-slate-600">{ROLE_DESCRIPTIONS[invitation.role]}</p>
      <p className="text-sm">
        Die Einladung gilt für <strong className="wrap-anywhere text-slate-900">{invitation.email}</strong>.
      </p>
    </div>
  );

  if (loaderData.state === "anonymous") {
    return (
      <AuthLayout title="Einladung" description={`zu ${invitation.orgName}`}>
        {summary}
        <p className="mt-4 text-sm text-slate-700">Melden Sie sich mit dieser Adresse an, oder legen Sie ein Konto dafür an.</p>
        <div className="mt-4 flex flex-col gap-2 sm:flex-row">
          <ButtonLink to={loaderData.links.signIn}>Anmelden</ButtonLink>
          <ButtonLink to={loaderData.links.signUp} variant="secondary">
            Konto erstellen
          </ButtonLink>
        </div>
      </AuthLayout>
    );
  }

  if (loaderData.state === "other-email") {
    return (
      <AuthLayout title="Einladung für eine andere Adresse" description={`zu ${invitation.orgName}`}>
        {summary}
        <div role="status" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Sie sind als <strong className="wrap-anywhere">{loaderData.signedInAs}</strong> angemeldet. Die Einladung kann nur mit{" "}
          <strong className="wrap-anywhere">{invitation.email}</strong> angenommen werden. Melden Sie sich ab und mit der eingeladenen
          Adresse wieder an – oder bitten Sie um eine Einladung an Ihre jetzige Adresse.
        </div>
        <FormMessage id={form.errorId} errors={form.errors} />
        <Form method="post" {...getFormProps(form)} className="mt-4">
          <input type="hidden" name="intent" value="sign-out" />
          <Button type="submit" variant="secondary" disabled={busy} className="w-full sm:w-auto">
            Abmelden und neu anmelden
          </Button>
        </Form>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Einladung" description={`zu ${invitation.orgName}`}>
      {summary}
      <Form method="post" {...getFormProps(form)} className="mt-5 space-y-3">
        <FormMessage id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="accept" />
        <Button type="submit" disabled={busy} className="w-full sm:w-auto">
          {busy ? "Wird angenommen …" : "Einladung annehmen"}
        </Button>
      </Form>
    </AuthLayout>
  );
}

function HomeLink({ signedIn }: { signedIn: boolean }) {
  return (
    <p className="mt-4 text-sm">
      <Link to={signedIn ? paths.home : paths.signIn} className={linkClass}>
        {signedIn ? "Zur Übersicht" : "Zur Anmeldung"}
      </Link>
    </p>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
