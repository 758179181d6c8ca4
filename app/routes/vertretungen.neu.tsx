// /vertretungen/neu — owners, admins and coordinators of a Träger in a circle ask the circle for
// cover: saved as a draft (only their Träger sees it) or published at once. The request, its
// addressees, the handover notes and the contact person are written in one transaction; a refusal
// of the database shows at the field it concerns and writes nothing. A plain member gets a page
// that names who can post for them and a button "Koordination benachrichtigen" (a notification to
// their Träger's coordinators); someone without any Träger gets the 403 that says who may post.
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/.server/auth/session";
import { askCoordinationForCover, loadCoverPosters, type CoverPosterOrg } from "~/.server/cover/ask-coordination";
import { createCoverRequest, loadCoverFormOptions, sozialdatenRefusal, COVER_FIELDS } from "~/.server/cover/requests";
import { redirectWithToast } from "~/.server/toast";
import { CoverRequestForm } from "~/components/cover/request-form";
import type { FormConstraint } from "~/components/ui/lazy-validation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { COVER_POST_NOT_ALLOWED } from "~/i18n/cover";
import { berlinParts } from "~/utils/berlin-time";
import { paths } from "~/utils/links";
import { CoverRequestFormSchema } from "~/validation/cover";
import { oncePerForm } from "~/.server/forms/idempotency";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [{ title: "Vertretung anfragen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const options = await loadCoverFormOptions(user);
  if (options.posters.length === 0) {
    const orgs = await loadCoverPosters(user);
    if (orgs.length === 0) throw new Response(COVER_POST_NOT_ALLOWED, { status: 403 });
    return { allowed: false as const, orgs };
  }
  return {
    allowed: true as const,
    options,
    constraint: getZodConstraint(CoverRequestFormSchema),
    userId: user.id,
    today: berlinParts(new Date()).date,
  };
}

const AskSchema = z.object({
  intent: z.literal("ask-coordination"),
  orgId: z.uuid("Unbekannter Träger."),
  note: z.string().trim().max(500, "Die Nachricht ist zu lang (höchstens 500 Zeichen).").optional(),
});

async function askAction(user: Awaited<ReturnType<typeof requireUser>>, formData: FormData) {
  const submission = parseWithZod(formData, { schema: AskSchema });
  if (submission.status !== "success") return { asked: null, result: submission.reply() };
  try {
    const told = await askCoordinationForCover(user, submission.value.orgId, submission.value.note);
    return redirectWithToast(paths.newCoverRequest, {
      title: "Koordination benachrichtigt.",
      description: told === 1 ? "Eine Person wurde benachrichtigt." : `${told} Personen wurden benachrichtigt.`,
    });
  } catch (error) {
    return { asked: null, result: replyToRefusal(submission, error) };
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") === "ask-coordination") return askAction(user, formData);
  const submission = parseWithZod(formData, { schema: CoverRequestFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const refusal = sozialdatenRefusal(submission.value);
  if (refusal) return { result: submission.reply({ fieldErrors: refusal }) };
  let id: string;
  try {
    id = await oncePerForm(formData, "cover.request.create", () => createCoverRequest(user, submission.value));
  } catch (error) {
    return { result: replyToRefusal(submission, error, COVER_FIELDS) };
  }
  const published = submission.value.intent === "publish";
  return redirectWithToast(
    paths.coverRequest(id),
    published
      ? {
          title: "Anfrage veröffentlicht.",
          description:
            submission.value.addressing === "addressed"
              ? "Die gewählten Träger werden jetzt benachrichtigt, später der ganze Kreis."
              : submission.value.addressing === "favourites"
                ? "Ihre Favoriten werden jetzt benachrichtigt, später die Partner-Träger und der ganze Kreis."
              : "Die passenden Träger im Kreis werden jetzt benachrichtigt.",
        }
      : { title: "Entwurf gespeichert.", description: "Nur Ihr Träger sieht ihn, bis Sie ihn veröffentlichen." },
  );
}

export default function NewCoverRequestPage() {
  const data = useLoaderData<typeof loader>();
  return data.allowed ? <NewCoverRequest options={data.options} constraint={data.constraint} userId={data.userId} today={data.today} /> : <AskCoordination orgs={data.orgs} />;
}

/** For a plain member: who can post for them, and a button that tells those people. */
function AskCoordination({ orgs }: { orgs: CoverPosterOrg[] }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData && "result" in actionData ? actionData.result.error?.[""] : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title="Vertretung anfragen"
        description="Vertretungsanfragen an den Kreis stellt die Koordination Ihres Trägers ein – Sie können sie mit einem Klick darum bitten."
      />
      <FormMessage errors={errors} />
      {orgs.map((org) => (
        <Card key={org.orgId} className="space-y-3 p-4">
          <h2 className="text-lg font-semibold text-slate-900">{org.orgName}</h2>
          {org.posters.length > 0 ? (
            <>
              <p className="text-sm text-slate-700">Für {org.orgName} können Vertretungen anfragen:</p>
              <ul className="list-disc pl-5 text-sm text-slate-900">
                {org.posters.map((p) => (
                  <li key={p.userId}>
                    {p.name} <span className="text-slate-600">({p.roleLabel})</span>
                  </li>
                ))}
              </ul>
              <Form method="post" className="space-y-3">
                <input type="hidden" name="intent" value="ask-coordination" />
                <input type="hidden" name="orgId" value={org.orgId} />
                <div>
                  <label htmlFor={`ask-note-${org.orgId}`} className="block text-sm font-medium text-slate-800">
                    Nachricht (optional, ohne Namen und Anschriften der Familie)
                  </label>
                  <textarea
                    id={`ask-note-${org.orgId}`}
                    name="note"
                    rows={3}
                    maxLength={500}
                    className="mt-1 w-full rounded-lg border border-slate-300 p-2 text-sm"
                    placeholder="z. B. SPFH in Dinslaken ab Montag, ca. 10 Std./Woche"
                  />
                </div>
                <Button type="submit" disabled={navigation.state !== "idle"}>
                  {navigation.state !== "idle" ? "Wird gesendet …" : "Koordination benachrichtigen"}
                </Button>
              </Form>
            </>
          ) : (
            <p className="text-sm text-slate-700">
              {org.orgName} hat noch niemanden mit der Rolle Koordination, Administration oder Inhaber:in. Bitten Sie die Leitung
              Ihres Trägers, jemanden zu benennen.
            </p>
          )}
        </Card>
      ))}
    </div>
  );
}

function NewCoverRequest({
  options,
  constraint,
  userId,
  today,
}: {
  options: Extract<Awaited<ReturnType<typeof useLoaderData<typeof loader>>>, { allowed: true }>["options"];
  constraint: FormConstraint;
  userId: string;
  today: string;
}) {
  const answer = useActionData<typeof action>();
  const actionData = answer && "result" in answer && !("asked" in answer) ? answer : undefined;
  const first = options.posters[0]!;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Vertretung anfragen"
        description="Beschreiben Sie den Bedarf – ohne Namen und Anschriften. Speichern Sie als Entwurf oder veröffentlichen Sie gleich."
      />
      <CoverRequestForm
        id="cover-new"
        action={paths.newCoverRequest}
        lastResult={actionData?.result}
        mode="new"
        options={options}
        constraint={constraint}
        defaults={{
          orgId: first.orgId,
          networkId: first.networkId,
          kind: "vertretung",
          periodFrom: today,
          contactUserId: options.colleagues.some((c) => c.userId === userId && c.orgId === first.orgId) ? userId : undefined,
          addressing: "circle",
        }}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
