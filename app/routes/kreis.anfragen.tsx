// /kreis/anfragen — the circle's coordinators decide the join requests from the public page:
// "Aufnehmen" creates the Träger, adds it to the circle and invites its contact as owner;
// "Ablehnen" sends the requester the coordinators' message. Everyone else gets a 404.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import {
  admitJoinRequest,
  declineJoinRequest,
  joinRequestSummary,
  listJoinRequests,
  requireCoordinator,
  type JoinRequestRow,
} from "~/.server/circle/join-requests";
import { redirectWithToast } from "~/.server/toast";
import { CircleNav } from "~/components/circle-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { FormKeyField } from "~/components/ui/form-key";
import { IntentForm, useAnswerFor, useBusy } from "~/components/ui/intent-form";
import { useLazyValidation, type FormConstraint } from "~/components/ui/lazy-validation";
import { Badge, Card, EmptyState, FormMessage, PageHeader } from "~/components/ui/layout";
import { countLabel, formatDate, formatDateTime } from "~/utils/format";
import { paths } from "~/utils/links";
import { DeclineJoinRequestSchema, JoinRequestDecisionSchema } from "~/validation/circle";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [{ title: "Interessensmeldungen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, circles } = await requireCoordinator(request);
  const { open, decided } = await listJoinRequests(user);
  return {
    circles: circles.map((c) => ({ id: c.id, name: c.name, slug: c.slug, publicPage: c.publicPage })),
    open,
    decided,
    declineConstraint: getZodConstraint(DeclineJoinRequestSchema),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireCoordinator(request);
  const formData = await request.formData();
  const formId = String(formData.get("formId") ?? "");
  const submission = parseWithZod(formData, { schema: JoinRequestDecisionSchema });
  if (submission.status !== "success") return { formId, result: submission.reply() };
  const decision = submission.value;
  const summary = await joinRequestSummary(user, decision.requestId);
  try {
    if (decision.intent === "admit") {
      await admitJoinRequest(user, decision.requestId);
      return redirectWithToast(paths.joinRequests, {
        title: `${summary?.orgName ?? "Der Träger"} ist aufgenommen.`,
        description: !summary
          ? undefined
          : summary.existing
            ? `Der bestehende Träger gehört jetzt zum Kreis; seine Inhaber:innen und Admins bekommen eine Nachricht.`
            : `${summary.contactName} bekommt eine Einladung an ${summary.email}, den Träger als Inhaber:in zu übernehmen.`,
      });
    }
    await declineJoinRequest(user, decision.requestId, decision.message);
    return redirectWithToast(paths.joinRequests, {
      title: "Anfrage abgelehnt.",
      description: summary ? `${summary.contactName} bekommt Ihre Nachricht per E-Mail.` : undefined,
    });
  } catch (error) {
    return { formId, result: replyToRefusal(submission, error) };
  }
}

const linkClass = "font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900 break-words";

export default function JoinRequests() {
  const { circles, open, decided, declineConstraint } = useLoaderData<typeof loader>();
  // A refusal for a request that is no longer open (another coordinator decided it meanwhile) has
  // no form left on the page to show it in: it shows above the list.
  const answer = useActionData<typeof action>();
  const answerWithoutForm =
    answer && !open.some((r) => answer.formId === `aufnehmen-${r.id}` || answer.formId === `ablehnen-${r.id}`)
      ? answer.result.error?.[""]
      : undefined;
  const several = circles.length > 1;
  const circleName = (id: string) => circles.find((c) => c.id === id)?.name ?? "";
  return (
    <div>
      <PageHeader
        title="Interessensmeldungen"
        description={
          several
            ? "Träger, die über die öffentlichen Seiten Ihrer Kreise Interesse gemeldet haben."
            : `Träger, die über die öffentliche Seite von ${circles[0]!.name} Interesse gemeldet haben.`
        }
      />
      <CircleNav openCount={open.length} />
      {answerWithoutForm ? (
        <div className="mb-4">
          <FormMessage errors={answerWithoutForm} />
        </div>
      ) : null}

      <section aria-labelledby="offen-titel">
        <h2 id="offen-titel" className="mb-3 text-lg font-semibold text-slate-900">
          Offen <span className="font-normal text-slate-600">· {countLabel(open.length, "Meldung", "Meldungen")}</span>
        </h2>
        {open.length === 0 ? (
          <EmptyState title="Keine offenen Meldungen.">
            {circles.some((c) => c.publicPage) ? (
              <>
                Neue Meldungen kommen über{" "}
                {circles
                  .filter((c) => c.publicPage)
                  .map((c, i) => (
                    <span key={c.id}>
                      {i > 0 ? ", " : ""}
                      <Link to={paths.publicCircle(c.slug)} className={linkClass}>
                        die öffentliche Seite{several ? ` von ${c.name}` : ""}
                      </Link>
                    </span>
                  ))}
                . Sie bekommen dann eine Benachrichtigung und eine E-Mail.
              </>
            ) : (
              <>
                Die öffentliche Seite ist ausgeschaltet.{" "}
                <Link to={paths.circleSettings} className={linkClass}>
                  Einschalten
                </Link>
              </>
            )}
          </EmptyState>
        ) : (
          <ul className="space-y-4">
            {open.map((r) => (
              <OpenRequest key={r.id} request={r} circleName={several ? circleName(r.networkId) : null} declineConstraint={declineConstraint} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="entschieden-titel" className="mt-10">
        <h2 id="entschieden-titel" className="mb-3 text-lg font-semibold text-slate-900">
          Entschieden
        </h2>
        {decided.length === 0 ? (
          <p className="text-sm text-slate-600">Noch keine Entscheidungen.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {decided.map((r) => (
              <li key={r.id} className="p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold text-slate-900">
                    {r.status === "admitted" && r.orgSlug ? (
                      <Link to={paths.org(r.orgSlug)} className={`${linkClass} inline-flex min-h-11 items-center`}>
                        {r.orgName}
                      </Link>
                    ) : (
                      r.orgName
                    )}
                  </h3>
                  <Badge tone={r.status === "admitted" ? "green" : "slate"}>
                    {r.status === "admitted" ? "Aufgenommen" : "Abgelehnt"}
                  </Badge>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {r.contactName} · {r.email}
                  {r.decidedAt ? ` · entschieden am ${formatDate(r.decidedAt)}` : ""}
                  {several ? ` · ${circleName(r.networkId)}` : ""}
                </p>
                {r.status === "declined" && r.decisionMessage ? (
                  <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
                    <span className="font-medium">Ihre Nachricht: </span>
                    {r.decisionMessage}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function OpenRequest({
  request: r,
  circleName,
  declineConstraint,
}: {
  request: JoinRequestRow;
  circleName: string | null;
  declineConstraint: FormConstraint;
}) {
  const admitId = `aufnehmen-${r.id}`;
  const declineId = `ablehnen-${r.id}`;
  const admitting = useBusy(admitId);
  const declining = useBusy(declineId);
  const lastResult = useAnswerFor(declineId);
  const validation = useLazyValidation(() => import("~/validation/circle").then((m) => m.DeclineJoinRequestSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({ id: declineId, lastResult, constraint: declineConstraint, ...validation });
  const messageField = fields.message;
  // Open after the server refused a decline (also without JS). Derived from the server's answer,
  // not from live validation: React would close the box as soon as the person starts typing.
  const declineRefused = lastResult?.status === "error" && lastResult.intent?.type !== "validate";
  return (
    <li>
      <Card as="article">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-lg font-semibold text-slate-900">
              {r.existingTraeger && r.orgSlug ? (
                <Link to={paths.org(r.orgSlug)} className={`${linkClass} inline-flex min-h-11 items-center`}>
                  {r.orgName}
                </Link>
              ) : (
                r.orgName
              )}
            </h3>
            <Badge tone={r.existingTraeger ? "brand" : "slate"}>{r.existingTraeger ? "bestehender Träger" : "neuer Träger"}</Badge>
          </div>
          <p className="text-sm text-slate-600">
            gemeldet am {formatDateTime(r.createdAt)}
            {circleName ? ` · ${circleName}` : ""}
          </p>
        </div>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-600">Ansprechperson</dt>
          <dd className="text-slate-900">{r.contactName}</dd>
          <dt className="font-medium text-slate-600">E-Mail</dt>
          <dd>
            <a href={`mailto:${r.email}`} className={`${linkClass} inline-flex min-h-6 items-center`}>
              {r.email}
            </a>
          </dd>
          {r.phone ? (
            <>
              <dt className="font-medium text-slate-600">Telefon</dt>
              <dd>
                <a href={`tel:${r.phone.replace(/[^0-9+]/g, "")}`} className={`${linkClass} inline-flex min-h-6 items-center`}>
                  {r.phone}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {r.message ? (
          <blockquote className="mt-3 whitespace-pre-line break-words rounded-lg bg-slate-50 p-3 text-slate-800">{r.message}</blockquote>
        ) : null}

        <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-start">
          <IntentForm formId={admitId} intent="admit" fields={{ requestId: r.id }} className="sm:shrink-0">
            <Button type="submit" className="w-full sm:w-auto" disabled={admitting || declining}>
              {admitting ? "Wird aufgenommen …" : "Aufnehmen"}
            </Button>
          </IntentForm>
          <details className="group flex-1" open={declineRefused || undefined}>
            <summary className="flex min-h-11 cursor-pointer list-none items-center justify-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-100 sm:inline-flex">
              Ablehnen …
            </summary>
            <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3" preventScrollReset>
              <input type="hidden" name="intent" value="decline" />
              <input type="hidden" name="formId" value={declineId} />
              <input type="hidden" name="requestId" value={r.id} />
              <FormKeyField />
              <FormMessage id={form.errorId} errors={form.errors} />
              <TextareaField
                label={`Nachricht an ${r.contactName}`}
                hint="Sie geht per E-Mail an den Träger. Erklären Sie kurz, warum der Kreis ablehnt."
                field={messageField}
                textareaProps={{ rows: 4 }}
              />
              <Button type="submit" variant="danger" disabled={admitting || declining}>
                {declining ? "Wird abgelehnt …" : "Ablehnen und Nachricht senden"}
              </Button>
            </Form>
          </details>
        </div>
        <p className="mt-3 text-xs text-slate-600">
          {r.existingTraeger
            ? `„Aufnehmen“ nimmt den bestehenden Träger mit seinem Profil in den Kreis auf; es wird kein neuer Träger angelegt.`
            : `„Aufnehmen“ legt den Träger an, nimmt ihn in den Kreis auf und schickt ${r.contactName} eine Einladung, ihn als Inhaber:in zu übernehmen.`}
        </p>
      </Card>
    </li>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
