// /traeger/:slug/favoriten — a Träger's favourite partner Träger (issue 12): the first step of
// three-step escalation ("zuerst an unsere Favoriten"). Members read the list; owners, admins and
// coordinators add Träger of the same circle and remove them. A Träger outside the circle is
// refused by the database; its German message shows under the field and nothing is written.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { addFavourite, FAVOURITE_FIELDS, loadFavourites, removeFavourite } from "~/.server/cover/favourites";
import { replyToRefusal } from "~/.server/forms/reply";
import { requireOrgRole, ROLE_RANK } from "~/.server/orgs/access";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OrgNav } from "~/components/org-nav";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Card, EmptyState, FormMessage, PageHeader } from "~/components/ui/layout";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { paths } from "~/utils/links";
import { CoverFavouriteSchema } from "~/validation/cover";

export const meta: MetaFunction = () => [{ title: "Favoriten für Vertretungen · Trägerkreis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const membership = await requireOrgRole(user, params.slug ?? "", "member");
  const { favourites, candidates } = await loadFavourites(user, membership.orgId);
  return {
    org: { slug: membership.slug, name: membership.name, role: membership.role },
    canEdit: ROLE_RANK[membership.role] >= ROLE_RANK.coordinator,
    favourites,
    candidates,
    constraint: getZodConstraint(CoverFavouriteSchema),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const membership = await requireOrgRole(user, params.slug ?? "", "coordinator");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: CoverFavouriteSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const { intent, favouriteOrgId } = submission.value;
  const back = paths.orgFavourites(membership.slug);
  if (intent === "remove") {
    const removed = await removeFavourite(user, membership.orgId, favouriteOrgId);
    return redirectWithToast(back, { title: removed ? "Favorit entfernt." : "Dieser Träger war kein Favorit mehr." });
  }
  try {
    await addFavourite(user, membership.orgId, favouriteOrgId);
  } catch (error) {
    return { result: replyToRefusal(submission, error, FAVOURITE_FIELDS) };
  }
  return redirectWithToast(back, {
    title: "Favorit hinzugefügt.",
    description: "Anfragen „zuerst an unsere Favoriten“ gehen jetzt auch an diesen Träger.",
  });
}

export default function FavouritesPage() {
  const { org, canEdit, favourites, candidates, constraint } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const validation = useLazyValidation(() => import("~/validation/cover").then((m) => m.CoverFavouriteSchema), {
    shouldValidate: "onSubmit",
  });
  const [form, fields] = useForm({
    id: "favourite-add",
    lastResult: answer?.result,
    constraint,
    defaultValue: { intent: "add" },
    ...validation,
  });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="Favoriten für Vertretungen"
        description={`Die Träger, an die sich eine Anfrage von ${org.name} zuerst richtet, wenn Sie „zuerst an unsere Favoriten“ wählen. Danach folgen die Partner-Träger, mit denen Sie schon vertreten haben, dann der ganze Kreis.`}
      />
      <OrgNav slug={org.slug} orgName={org.name} role={org.role} />
      {favourites.length === 0 ? (
        <EmptyState title="Noch keine Favoriten">
          {canEdit ? "Wählen Sie unten Träger aus Ihrem Kreis." : "Die Koordination Ihres Trägers kann Favoriten wählen."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label="Favoriten">
          {favourites.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span className="min-w-0">
                <Link to={paths.org(f.slug)} className="font-medium text-brand-800 underline underline-offset-2">
                  {f.name}
                </Link>
                <span className="block text-slate-600">
                  {f.circles.length > 0 ? f.circles.join(", ") : "nicht mehr in einem gemeinsamen Kreis"}
                </span>
              </span>
              {canEdit ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="favouriteOrgId" value={f.id} />
                  <Button type="submit" variant="secondary" disabled={busy} aria-label={`${f.name} entfernen`}>
                    Entfernen
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Favorit hinzufügen</h2>
          <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
            <FormMessage id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="add" />
            {candidates.length === 0 ? (
              <p className="text-sm text-slate-700">Alle Träger Ihres Kreises sind schon Favoriten.</p>
            ) : null}
            <SelectField
              key={fields.favouriteOrgId.key}
              label="Träger aus Ihrem Kreis"
              field={fields.favouriteOrgId}
              options={[
                { value: "", label: "Bitte wählen …" },
                ...candidates.map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
            <Button type="submit" disabled={busy || candidates.length === 0}>
              Hinzufügen
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
