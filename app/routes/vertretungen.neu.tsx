// /vertretungen/neu — owners, admins and coordinators of a Träger in a circle ask the circle for
// cover: saved as a draft (only their Träger sees it) or published at once. The request, its
// addressees, the handover notes and the contact person are written in one transaction; a refusal
// of the database shows at the field it concerns and writes nothing. Members get a 403 that says
// who may post.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { createCoverRequest, loadCoverFormOptions, replyWithCoverError, sozialdatenRefusal } from "~/.server/cover/requests";
import { redirectWithToast } from "~/.server/toast";
import { CoverRequestForm } from "~/components/cover/request-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/layout";
import { COVER_POST_NOT_ALLOWED } from "~/i18n/cover";
import { berlinParts } from "~/utils/berlin-time";
import { paths } from "~/utils/links";
import { CoverRequestFormSchema } from "~/validation/cover";
import { oncePerForm } from "~/.server/forms/idempotency";

export const meta: MetaFunction = () => [{ title: "Vertretung anfragen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const options = await loadCoverFormOptions(user);
  if (options.posters.length === 0) throw new Response(COVER_POST_NOT_ALLOWED, { status: 403 });
  return { options, userId: user.id, today: berlinParts(new Date()).date };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: CoverRequestFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const refusal = sozialdatenRefusal(submission.value);
  if (refusal) return { result: submission.reply({ fieldErrors: refusal }) };
  let id: string;
  try {
    id = await oncePerForm(formData, "cover.request.create", () => createCoverRequest(user, submission.value));
  } catch (error) {
    return { result: replyWithCoverError(submission, error) };
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
              : "Die passenden Träger im Kreis werden jetzt benachrichtigt.",
        }
      : { title: "Entwurf gespeichert.", description: "Nur Ihr Träger sieht ihn, bis Sie ihn veröffentlichen." },
  );
}

export default function NewCoverRequest() {
  const { options, userId, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
