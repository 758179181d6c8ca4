// /vertretungen/:id/bearbeiten — the requesting Träger's coordinators edit a draft and save it or
// publish it. Published requests are not edited (the functions change them); a request that is
// not a draft visible to the person is a 404, a member without a coordinating role gets a 403.
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { COVER_FIELDS, loadCoverDraft, sozialdatenRefusal, updateCoverRequest } from "~/.server/cover/requests";
import { replyToRefusal } from "~/.server/forms/reply";
import { redirectWithToast } from "~/.server/toast";
import { CoverRequestForm } from "~/components/cover/request-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/layout";
import { COVER_POST_NOT_ALLOWED } from "~/i18n/cover";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";
import { CoverIdSchema, CoverRequestFormSchema } from "~/validation/cover";

export const meta: MetaFunction = () => [{ title: "Entwurf bearbeiten · Vertretungen · Trägerkreis" }];

async function requireDraft(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const parsed = CoverIdSchema.safeParse(id);
  invariantResponse(parsed.success, "Nicht gefunden", { status: 404 });
  const draft = await loadCoverDraft(user, parsed.data);
  invariantResponse(draft, "Nicht gefunden", { status: 404 });
  if (!draft.allowed) throw new Response(COVER_POST_NOT_ALLOWED, { status: 403 });
  return { user, id: parsed.data, draft };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, draft } = await requireDraft(request, params.id);
  return { id, defaults: draft.defaults, options: draft.options, constraint: getZodConstraint(CoverRequestFormSchema) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, id, draft } = await requireDraft(request, params.id);
  const formData = await request.formData();
  // The Träger and circle of a draft do not change.
  formData.set("orgId", draft.defaults.orgId);
  formData.set("networkId", draft.defaults.networkId);
  const submission = parseWithZod(formData, { schema: CoverRequestFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const refusal = sozialdatenRefusal(submission.value);
  if (refusal) return { result: submission.reply({ fieldErrors: refusal }) };
  try {
    const saved = await updateCoverRequest(user, id, submission.value);
    invariantResponse(saved, "Nicht gefunden", { status: 404 });
  } catch (error) {
    if (error instanceof Response) throw error;
    return { result: replyToRefusal(submission, error, COVER_FIELDS) };
  }
  return redirectWithToast(
    paths.coverRequest(id),
    submission.value.intent === "publish"
      ? { title: "Anfrage veröffentlicht.", description: "Die passenden Träger werden jetzt benachrichtigt." }
      : { title: "Entwurf gespeichert." },
  );
}

export default function EditCoverRequest() {
  const { id, defaults, options, constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link to={paths.coverRequest(id)} className="font-semibold text-brand-800 underline underline-offset-2">
          ← Zurück zur Anfrage
        </Link>
      </p>
      <PageHeader title="Entwurf bearbeiten" description="Nur Ihr Träger sieht den Entwurf, bis Sie ihn veröffentlichen." />
      <CoverRequestForm
        id={`cover-edit-${id}`}
        action={paths.editCoverRequest(id)}
        lastResult={actionData?.result}
        mode="draft"
        options={options}
        constraint={constraint}
        defaults={defaults}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
