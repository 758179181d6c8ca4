// /sozialdaten/:id — a text hidden for Sozialdaten. The author's coordinators revise it here (the
// notification links here); once the new text passes the screen it is shown again. The reporting
// Träger and the circle's coordinators see only that it is hidden; anyone else gets a 404.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireUser } from "~/.server/auth/session";
import { loadHiddenText, reviseHiddenText } from "~/.server/sozialdaten-hides";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field, TextareaField } from "~/components/ui/field";
import { Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { SOZIALDATEN_HINWEIS, SOZIALDATEN_KIND_LABELS, SOZIALDATEN_TEXT_LABELS, SOZIALDATEN_WOHIN, type SozialdatenKind } from "~/utils/sozialdaten";
import { SozialdatenRevisionSchema } from "~/validation/sozialdaten";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction = () => [{ title: "Ausgeblendeter Text · Trägerkreis" }];

async function load(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const parsed = z.uuid().safeParse(id);
  invariantResponse(parsed.success, "Nicht gefunden", { status: 404 });
  const hidden = await loadHiddenText(user, parsed.data);
  invariantResponse(hidden, "Nicht gefunden", { status: 404 });
  return { user, hidden };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { hidden } = await load(request, params.id);
  return { hidden };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, hidden } = await load(request, params.id);
  invariantResponse(hidden.canRevise && !hidden.editorPath, "Überarbeiten kann nur die Koordination des Trägers.", { status: 403 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SozialdatenRevisionSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const texts: Record<string, string> = {};
  for (const key of Object.keys(hidden.texts) as Array<keyof typeof hidden.texts>) texts[key] = submission.value[key] ?? "";
  try {
    await reviseHiddenText(user, hidden.hideId, texts);
  } catch (error) {
    return { result: replyToRefusal(submission, error) };
  }
  return redirectWithToast(hidden.path, { title: "Überarbeitet – der Text ist wieder für den Kreis sichtbar." });
}

export default function HiddenTextPage() {
  const { hidden } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/sozialdaten").then((m) => m.SozialdatenRevisionSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: `revise-${hidden.hideId}`,
    lastResult: actionData?.result,
    defaultValue: hidden.texts,
    ...validation,
  });
  const why =
    hidden.source === "screen"
      ? "Die Prüfung auf Sozialdaten hat darin Angaben gefunden, die andere Träger nicht lesen dürfen."
      : hidden.source === "coordinator"
        ? "Die Koordination des Kreises hat ihn ausgeblendet, weil er Sozialdaten enthält."
        : "Ein anderer Träger hat gemeldet, dass er Sozialdaten enthält.";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title={hidden.releasedAt ? "Überarbeiteter Text" : "Ausgeblendeter Text"}
        description={hidden.own ? hidden.title : undefined}
      />
      <Card className="space-y-2 p-4 text-sm">
        {hidden.releasedAt ? (
          <p>Der Text wurde am {formatDateTime(hidden.releasedAt)} überarbeitet und ist wieder sichtbar.</p>
        ) : (
          <p>
            Ausgeblendet seit {formatDateTime(hidden.createdAt)}. {why} Nur {hidden.own ? "Ihr Träger sieht" : "der Träger, der ihn geschrieben hat, sieht"} ihn,
            bis er überarbeitet ist.
          </p>
        )}
        {hidden.kinds.length > 0 ? (
          <p>Gefunden: {hidden.kinds.map((k) => SOZIALDATEN_KIND_LABELS[k as SozialdatenKind] ?? k).join(", ")}.</p>
        ) : null}
        {hidden.note && hidden.own ? <p>Hinweis: „{hidden.note}“</p> : null}
        {hidden.own ? (
          <p>
            <Link to={hidden.path} className="font-semibold text-brand-800 underline underline-offset-2">
              Zum Text
            </Link>
          </p>
        ) : null}
      </Card>
      {hidden.canRevise && hidden.editorPath ? (
        <Card className="space-y-2 p-4 text-sm">
          <p>
            Ein Protokoll überarbeiten Sie im Protokoll-Editor. Sobald die überarbeitete Fassung verteilt (und, wenn es schon
            genehmigt war, wieder genehmigt) ist, sehen die anderen Träger es wieder – mit den korrigierten Beschlüssen und Aufgaben.
          </p>
          <p className="font-semibold text-slate-800">{SOZIALDATEN_WOHIN}</p>
          <p>
            <Link to={hidden.editorPath} className="font-semibold text-brand-800 underline underline-offset-2">
              Zum Protokoll-Editor
            </Link>
          </p>
        </Card>
      ) : hidden.canRevise ? (
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <p className="text-sm text-slate-700">{SOZIALDATEN_HINWEIS}</p>
          <p className="text-sm font-semibold text-slate-800">{SOZIALDATEN_WOHIN}</p>
          <FormMessage id={form.errorId} errors={form.errors} />
          {(Object.keys(hidden.texts) as Array<keyof typeof hidden.texts>).map((key) =>
            key === "title" ? (
              <Field key={key} label={SOZIALDATEN_TEXT_LABELS.title} field={fields.title} type="text" />
            ) : (
            <TextareaField
              key={key}
              label={SOZIALDATEN_TEXT_LABELS[key]}
              field={fields[key]}
              textareaProps={{ rows: key === "description" ? 6 : 3 }}
            />
            ),
          )}
          <Button type="submit" disabled={navigation.state !== "idle"}>
            {navigation.state !== "idle" ? "Wird gespeichert …" : "Überarbeiten und wieder zeigen"}
          </Button>
        </Form>
      ) : hidden.own && !hidden.releasedAt ? (
        <p className="text-sm">Überarbeiten kann die Koordination, Administration oder Inhaber:in Ihres Trägers.</p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
