// /kreis/einstellungen — coordinators edit what the circle's public page says (region,
// description, contact) and switch the page on or off. Everyone else gets a 404.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireCoordinator, type CoordinatedCircle, updateCircleSettings } from "~/.server/circle/join-requests";
import { replyToRefusal } from "~/.server/forms/reply";
import { redirectWithToast } from "~/.server/toast";
import { CircleNav } from "~/components/circle-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { CheckboxField, Field, inputPropsOf, TextareaField } from "~/components/ui/field";
import { Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { useLazyValidation, type FormConstraint } from "~/components/ui/lazy-validation";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";
import { CircleSettingsSchema } from "~/validation/circle";

export const meta: MetaFunction = () => [{ title: "Öffentliche Seite des Kreises · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { circles } = await requireCoordinator(request);
  return { circles, constraint: getZodConstraint(CircleSettingsSchema) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, circles } = await requireCoordinator(request);
  const formData = await request.formData();
  const networkId = String(formData.get("networkId") ?? "");
  const submission = parseWithZod(formData, { schema: CircleSettingsSchema });
  if (submission.status !== "success") return { result: submission.reply(), networkId };
  const circle = circles.find((c) => c.id === submission.value.networkId);
  invariantResponse(circle, "Nicht gefunden", { status: 404 });
  const v = submission.value;
  try {
    const updated = await updateCircleSettings(user, v.networkId, {
      region: v.region ?? "",
      description: v.description ?? "",
      contactEmail: v.contactEmail ?? null,
      contactPhone: v.contactPhone ?? null,
      publicPage: v.publicPage,
      fuehrungszeugnisMaxYears: v.fuehrungszeugnisMaxYears,
    });
    invariantResponse(updated, "Nicht gefunden", { status: 404 });
  } catch (error) {
    if (error instanceof Response) throw error;
    return { result: replyToRefusal(submission, error), networkId };
  }
  return redirectWithToast(paths.circleSettings, {
    title: "Gespeichert.",
    description: v.publicPage ? "Die öffentliche Seite zeigt die neuen Angaben." : "Die öffentliche Seite ist ausgeschaltet.",
  });
}

export default function CircleSettings() {
  const { circles, constraint } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Öffentliche Seite des Kreises"
        description="Was Besucher:innen über den Kreis lesen, bevor sie Interesse melden."
      />
      <CircleNav />
      <div className="space-y-6">
        {circles.map((circle) => (
          <SettingsForm key={circle.id} circle={circle} showName={circles.length > 1} constraint={constraint} />
        ))}
      </div>
    </div>
  );
}

function SettingsForm({ circle, showName, constraint }: { circle: CoordinatedCircle; showName: boolean; constraint: FormConstraint }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/circle").then((m) => m.CircleSettingsSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: `kreis-${circle.id}`,
    lastResult: actionData?.networkId === circle.id ? actionData.result : undefined,
    constraint,
    defaultValue: {
      networkId: circle.id,
      region: circle.region,
      description: circle.description,
      contactEmail: circle.contactEmail ?? "",
      contactPhone: circle.contactPhone ?? "",
      publicPage: circle.publicPage ? "on" : undefined,
      fuehrungszeugnisMaxYears: String(circle.fuehrungszeugnisMaxYears),
    },
    ...validation,
  });
  const saving = navigation.state === "submitting" && navigation.formData?.get("networkId") === circle.id;
  return (
    <Card>
      {showName ? <h2 className="mb-4 text-lg font-semibold text-slate-900">{circle.name}</h2> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <FormMessage id={form.errorId} errors={form.errors} />
        <input {...inputPropsOf(fields.networkId, "hidden")} />
        <CheckboxField
          label={
            <>
              <span className="font-medium">Öffentliche Seite zeigen</span>
              <span className="block text-slate-600">
                Jede:r kann sie ohne Anmeldung öffnen, sieht Beschreibung und Träger des Kreises und kann Interesse melden.
              </span>
            </>
          }
          field={fields.publicPage}
        />
        <Field
          label="Region"
          hint="z. B. Kreis Wesel, Duisburg und Oberhausen"
          field={fields.region}
        />
        <TextareaField
          label="Beschreibung"
          hint="Wer Sie sind, was der Kreis zusammen macht und welche Träger Sie suchen."
          field={fields.description}
          textareaProps={{ rows: 6 }}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Kontakt-E-Mail (optional)"
            field={fields.contactEmail}
            type="email"
          />
          <Field
            label="Kontakt-Telefon (optional)"
            field={fields.contactPhone}
            type="tel"
          />
        </div>
        <Field
          label="Führungszeugnis höchstens so alt (Jahre)"
          hint="§ 72a SGB VIII: Angebote nennen nur Personen, deren erweitertes Führungszeugnis nicht älter ist. Üblich sind 5 Jahre; 1 bis 5 möglich."
          field={fields.fuehrungszeugnisMaxYears}
          type="number"
          inputProps={{ min: 1, max: 5, step: 1, inputMode: "numeric" }}
          className="sm:max-w-xs"
        />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <Button type="submit" disabled={saving}>
            {saving ? "Wird gespeichert …" : "Speichern"}
          </Button>
          {circle.publicPage ? (
            <Link
              to={paths.publicCircle(circle.slug)}
              className="flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2"
            >
              Öffentliche Seite ansehen
            </Link>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
