// /treffen/:id/protokoll — the minutes. The hosts and the Protokollant write them per agenda item
// (attendance, notes, decisions, action items); every save is a new version and runs the
// Sozialdaten screen: hard identifiers (phone numbers, e-mail addresses, addresses, birth dates,
// names with an age, Aktenzeichen) are refused, names warn and may be confirmed (decision 013); case
// consultations only anonymised, § 64 Abs. 2a SGB VIII; a template "anonymisierte Fallberatung").
// Then: circulate with a comment window → the host approves → decisions and action items are
// registered. The circle reads what was circulated or approved; ?version=n&vergleich=m shows
// what changed between two versions.
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
import { z } from "zod";
import { requireUser } from "~/.server/auth/session";
import { asUser } from "~/.server/db/request";
import { handleIntent } from "~/.server/meetings/forms";
import {
  FALLBERATUNG_TEMPLATE,
  NEW_ACTION_ROWS,
  diffLines,
  minutesAsText,
  minutesFromForm,
  judgeMinutes,
  type MinutesContent,
} from "~/.server/meetings/minutes";
import { loadMeeting, loadMinutes } from "~/.server/meetings/read";
import {
  approveMinutes,
  circulateMinutes,
  commentMinutes,
  saveMinutes,
  setProtokollant,
} from "~/.server/meetings/write";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SozialdatenReport } from "~/components/sozialdaten-report";
import { Button } from "~/components/ui/button";
import {
  CheckboxField,
  Field,
  SelectField,
  TextareaField,
} from "~/components/ui/field";
import {
  IntentForm,
  answerErrors,
  useAnswerFor,
} from "~/components/ui/intent-form";
import { Badge, Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { NumberField, PlainSelectField, PlainTextareaField } from "~/components/ui/plain-field";
import { MINUTES_STATUS_LABELS, meetingWhen } from "~/i18n/meetings";
import { SOZIALDATEN_HINWEIS } from "~/utils/sozialdaten";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { CommentSchema } from "~/validation/meetings";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Protokoll: ${data.meeting.title} · Trägerkreis`
      : "Nicht gefunden · Trägerkreis",
  },
];

async function load(request: Request, id: string) {
  const user = await requireUser(request);
  return asUser(user, async (tx) => {
    const meeting = await loadMeeting(tx, user, id);
    invariantResponse(meeting, "Nicht gefunden", { status: 404 });
    const [minutes, hide] = await Promise.all([
      loadMinutes(tx, meeting.id),
      // Visible to the host Träger, the reporter and the circle's coordinators (RLS).
      tx
        .selectFrom("sozialdaten_hides")
        .select("id")
        .where("subject_type", "=", "minutes")
        .where("subject_id", "=", meeting.id)
        .where("released_at", "is", null)
        .executeTakeFirst(),
    ]);
    return { user, meeting, minutes, hideId: hide?.id ?? null };
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, minutes, hideId } = await load(request, params.id ?? "");
  const url = new URL(request.url);
  const wanted = Number(url.searchParams.get("version")) || null;
  const compare = Number(url.searchParams.get("vergleich")) || null;
  const shown =
    minutes.versions.find((v) => v.version === wanted) ??
    minutes.versions[0] ??
    null;
  const orgName = (id: string) =>
    meeting.circleOrgs.find((o) => o.id === id)?.name ?? "—";
  const base = compare
    ? minutes.versions.find((v) => v.version === compare)
    : null;
  const diff =
    shown && base
      ? diffLines(
          minutesAsText(base.content, orgName),
          minutesAsText(shown.content, orgName),
        )
      : null;
  return {
    meeting,
    minutes,
    hideId,
    shown,
    diff,
    compare: base?.version ?? null,
    template: FALLBERATUNG_TEMPLATE,
    newRows: NEW_ACTION_ROWS,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, meeting, minutes } = await load(request, params.id ?? "");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const empty = parseWithZod(formData, { schema: z.object({}).passthrough() });
  if (intent === "save") {
    const agenda = meeting.agenda.map((a) => ({ id: a.id, title: a.title }));
    const latest = minutes.versions[0]?.content;
    const rows: Record<string, number> = {};
    for (const a of agenda)
      rows[a.id] =
        (latest?.items.find((i) => i.agenda_item_id === a.id)?.actions.length ??
          0) + NEW_ACTION_ROWS;
    const parsed = minutesFromForm(formData, agenda, rows);
    if (!parsed.ok)
      return {
        formId: "minutes",
        result: empty.reply({ fieldErrors: parsed.fieldErrors }),
      };
    const judged = judgeMinutes(parsed.content, {
      confirmed: formData.get("noSozialdaten") === "on",
      seenKey: String(formData.get("sozialdatenSeen") ?? "") || null,
    });
    if (judged.verdict === "refused")
      return {
        formId: "minutes",
        result: empty.reply({
          formErrors: [
            "Das Protokoll enthält Angaben, die nicht gespeichert werden können (z. B. Telefonnummern, Anschriften, Geburtsdaten). Bitte entfernen Sie die markierten Stellen.",
          ],
          fieldErrors: judged.fieldErrors,
        }),
      };
    if (judged.verdict === "warn")
      return {
        formId: "minutes",
        findingsKey: judged.key,
        result: empty.reply({
          formErrors: [
            "Das Protokoll enthält möglicherweise Sozialdaten. Bitte anonymisieren Sie die markierten Stellen – oder bestätigen Sie unten, dass es keine sind.",
          ],
          fieldErrors: judged.fieldErrors,
        }),
      };
    try {
      await saveMinutes(
        user,
        meeting.id,
        parsed.content,
        Number(formData.get("expectedVersion") ?? 0),
        String(formData.get("note") ?? ""),
      );
    } catch (error) {
      return { formId: "minutes", result: replyToRefusal(empty, error) };
    }
    return redirectWithToast(`/treffen/${meeting.id}/protokoll`, {
      title: "Protokoll gespeichert.",
      description: "Eine neue Fassung ist angelegt.",
    });
  }
  if (intent === "protokollant") {
    let named: (typeof meeting.people)[number] | undefined;
    const answer = await handleIntent(
      formData,
      "protokollant",
      z.object({ userId: z.string().uuid().optional() }),
      (v) => {
        named = meeting.people.find((p) => p.userId === v.userId);
        return setProtokollant(user, meeting.id, v.userId ?? null);
      },
    );
    if (!answer.ok) return answer;
    // The choice is confirmed in words: the select alone does not say it was saved.
    return redirectWithToast(`/treffen/${meeting.id}/protokoll`, {
      title: "Protokollant:in festgelegt.",
      description: named
        ? `${named.fullName} (${named.orgName}) kann das Protokoll jetzt schreiben.`
        : "Die Gastgeber schreiben das Protokoll selbst.",
    });
  }
  if (intent === "circulate") {
    return handleIntent(
      formData,
      "circulate",
      z.object({
        days: z.coerce
          .number()
          .int()
          .min(1, "1 bis 60 Tage")
          .max(60, "1 bis 60 Tage"),
      }),
      (v) => circulateMinutes(user, meeting.id, v.days),
    );
  }
  if (intent === "approve") {
    return handleIntent(formData, "approve", z.object({}), () =>
      approveMinutes(user, meeting.id),
    );
  }
  if (intent === "comment") {
    return handleIntent(formData, "comment", CommentSchema, (v) =>
      commentMinutes(user, meeting.id, v.body),
    );
  }
  return {
    formId: intent,
    result: empty.reply({ formErrors: ["Unbekannte Aktion."] }),
  };
}

function ReadView({
  content,
  orgName,
}: {
  content: MinutesContent;
  orgName: (id: string) => string;
}) {
  return (
    <div className="space-y-4">
      <p>
        <strong>Anwesend:</strong> {content.attendance || "—"}
      </p>
      {content.items.map((item, i) => (
        <section key={item.agenda_item_id} className="space-y-1">
          <h3 className="font-semibold">
            TOP {i + 1}: {item.title}
          </h3>
          {item.notes ? (
            <p className="whitespace-pre-line text-slate-800">{item.notes}</p>
          ) : null}
          {item.decisions.length ? (
            <ul className="list-inside list-disc">
              {item.decisions.map((d) => (
                <li key={d}>
                  <strong>Beschluss:</strong> {d}
                </li>
              ))}
            </ul>
          ) : null}
          {item.actions.length ? (
            <ul className="list-inside list-disc">
              {item.actions.map((a) => (
                <li key={a.title}>
                  <strong>Aufgabe:</strong> {a.title} –{" "}
                  {orgName(a.owner_org_id)}
                  {a.due_date ? `, bis ${a.due_date}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}

function Editor() {
  const { meeting, minutes, template, newRows } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as
    | {
        formId?: string;
        result?: Parameters<typeof answerErrors>[0];
        findingsKey?: string;
      }
    | undefined;
  const result = answer?.formId === "minutes" ? answer.result : undefined;
  const busy = useNavigation().state !== "idle";
  const latest = minutes.versions[0]?.content;
  const sent = (result?.initialValue ?? {}) as Record<string, string>;
  const value = (name: string, fallback: string) =>
    typeof sent[name] === "string" ? sent[name]! : fallback;
  const orgOptions = [
    { value: "", label: "— Träger wählen —" },
    ...meeting.circleOrgs.map((o) => ({ value: o.id, label: o.name })),
  ];
  const personOptions = [
    { value: "", label: "— niemand bestimmtes —" },
    ...meeting.people.map((p) => ({
      value: `${p.orgId}:${p.userId}`,
      label: `${p.fullName} (${p.orgName})`,
    })),
  ];
  return (
    <Form method="post" className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="save" />
      <input
        type="hidden"
        name="expectedVersion"
        value={minutes.currentVersion}
      />
      {answer?.findingsKey ? (
        <input
          type="hidden"
          name="sozialdatenSeen"
          value={answer.findingsKey}
        />
      ) : null}
      <FormMessage errors={result?.error?.[""]} />
      <TextareaField
        label="Anwesende Träger"
        errors={answerErrors(result, "attendance")}
        textareaProps={{
          id: "attendance",
          name: "attendance",
          rows: 2,
          defaultValue: value(
            "attendance",
            latest?.attendance ??
              meeting.summary
                .filter((s) => s.zusagen > 0)
                .map((s) => s.orgName)
                .join(", "),
          ),
        }}
      />
      {meeting.agenda.map((a) => {
        const item = latest?.items.find((i) => i.agenda_item_id === a.id);
        const rows = (item?.actions.length ?? 0) + newRows;
        return (
          <Card key={a.id} className="space-y-3">
            <h3 className="font-semibold">
              TOP {a.position}: {a.title}
            </h3>
            <TextareaField
              label="Verlauf / Ergebnis"
              errors={answerErrors(result, `notes_${a.id}`)}
              textareaProps={{
                id: `notes_${a.id}`,
                name: `notes_${a.id}`,
                rows: 4,
                defaultValue: value(`notes_${a.id}`, item?.notes ?? ""),
              }}
            />
            <details className="text-sm">
              <summary className="cursor-pointer font-medium text-brand-800">
                Vorlage „anonymisierte Fallberatung“
              </summary>
              <p className="mt-1 text-slate-600">
                Fallberatungen nur anonymisiert (§ 64 Abs. 2a SGB VIII).
                Kopieren Sie die Vorlage in das Feld:
              </p>
              <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 text-slate-800">
                {template}
              </pre>
              <button
                type="button"
                className="mt-1 min-h-11 font-semibold text-brand-800 underline"
                onClick={() => {
                  const field = document.getElementById(
                    `notes_${a.id}`,
                  ) as HTMLTextAreaElement | null;
                  if (field)
                    field.value = field.value
                      ? `${field.value}\n\n${template}`
                      : template;
                }}
              >
                Vorlage einfügen
              </button>
            </details>
            <TextareaField
              label="Beschlüsse (einer pro Zeile)"
              errors={answerErrors(result, `decisions_${a.id}`)}
              textareaProps={{
                id: `decisions_${a.id}`,
                name: `decisions_${a.id}`,
                rows: 2,
                defaultValue: value(
                  `decisions_${a.id}`,
                  item?.decisions.join("\n") ?? "",
                ),
              }}
            />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Aufgaben</legend>
              {Array.from({ length: rows }, (_, n) => {
                const action = item?.actions[n];
                const prefix = `action_${a.id}_${n}`;
                return (
                  <div
                    key={prefix}
                    className="grid gap-2 rounded-lg border border-slate-200 p-2 sm:grid-cols-2"
                  >
                    <Field
                      label={`Aufgabe ${n + 1}`}
                      errors={answerErrors(result, `${prefix}_title`)}
                      inputProps={{
                        id: `${prefix}_title`,
                        name: `${prefix}_title`,
                        defaultValue: value(
                          `${prefix}_title`,
                          action?.title ?? "",
                        ),
                      }}
                    />
                    <SelectField
                      label="Verantwortlicher Träger"
                      errors={answerErrors(result, `${prefix}_org`)}
                      selectProps={{
                        id: `${prefix}_org`,
                        name: `${prefix}_org`,
                        defaultValue: value(
                          `${prefix}_org`,
                          action?.owner_org_id ?? "",
                        ),
                      }}
                      options={orgOptions}
                    />
                    <SelectField
                      label="Person (optional)"
                      selectProps={{
                        id: `${prefix}_user`,
                        name: `${prefix}_user`,
                        defaultValue: value(
                          `${prefix}_user`,
                          action?.owner_user_id
                            ? `${action.owner_org_id}:${action.owner_user_id}`
                            : "",
                        ),
                      }}
                      options={personOptions}
                    />
                    <Field
                      label="Fällig am (optional)"
                      errors={answerErrors(result, `${prefix}_due`)}
                      inputProps={{
                        id: `${prefix}_due`,
                        name: `${prefix}_due`,
                        type: "date",
                        defaultValue: value(
                          `${prefix}_due`,
                          action?.due_date ?? "",
                        ),
                      }}
                    />
                  </div>
                );
              })}
            </fieldset>
          </Card>
        );
      })}
      <Field
        label="Anmerkung zu dieser Fassung (optional)"
        inputProps={{ id: "note", name: "note", maxLength: 500 }}
      />
      {answer?.findingsKey ? (
        <Card className="border-amber-300 bg-amber-50">
          <p className="text-sm text-amber-900">{SOZIALDATEN_HINWEIS}</p>
          <CheckboxField
            label="Ich habe die markierten Stellen geprüft: Sie enthalten keine Sozialdaten (z. B. Namen von Fachkräften)."
            inputProps={{ id: "noSozialdaten", name: "noSozialdaten" }}
          />
        </Card>
      ) : null}
      <Button type="submit" disabled={busy}>
        Fassung speichern
      </Button>
    </Form>
  );
}

export default function MinutesPage() {
  const { meeting, minutes, hideId, shown, diff, compare } =
    useLoaderData<typeof loader>();
  const orgName = (id: string) =>
    meeting.circleOrgs.find((o) => o.id === id)?.name ?? "—";
  const circulate = useAnswerFor("circulate");
  const approve = useAnswerFor("approve");
  const comment = useAnswerFor("comment");
  const protokollant = useAnswerFor("protokollant");
  const editable =
    meeting.isWriter &&
    // Hidden minutes can be corrected even when locked (20261207140000).
    (minutes.status !== "locked" || hideId !== null) &&
    meeting.status === "planned" &&
    new Date(meeting.startsAt).getTime() <= Date.now() + 86400_000;
  const commentsOpen =
    minutes.status === "circulated" &&
    minutes.commentsUntil &&
    new Date(minutes.commentsUntil).getTime() > Date.now();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={`Protokoll: ${meeting.title}`}
        description={
          <>
            <span className="block">
              {meetingWhen(meeting.startsAt, meeting.endsAt)}
            </span>
            <Link
              to={`/treffen/${meeting.id}`}
              className="font-semibold text-brand-800 underline"
            >
              Zum Treffen
            </Link>
          </>
        }
      />
      <p>
        Stand:{" "}
        <Badge tone="brand">
          {minutes.status
            ? MINUTES_STATUS_LABELS[minutes.status]
            : "noch nicht begonnen"}
        </Badge>
        {minutes.status === "draft" && minutes.approvedVersion
          ? " (Korrektur einer genehmigten Fassung)"
          : ""}
        {commentsOpen && minutes.commentsUntil
          ? ` · Anmerkungen bis ${formatDateTime(minutes.commentsUntil)}`
          : ""}
      </p>
      {hideId ? (
        <p role="status" className="rounded-lg border-2 border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <span className="font-semibold">Ausgeblendet: Dieses Protokoll enthält vermutlich Sozialdaten.</span>{" "}
          {meeting.isWriter
            ? "Andere Träger sehen es, seine Beschlüsse und Aufgaben nicht, bis eine überarbeitete Fassung verteilt (und, wenn es schon genehmigt war, wieder genehmigt) ist."
            : "Andere Träger sehen es nicht, bis der einladende Träger es überarbeitet hat."}
        </p>
      ) : (minutes.circulatedVersion || minutes.approvedVersion) && (!meeting.isOwnTraeger || meeting.coordinatesCircle) ? (
        <SozialdatenReport
          subjectType="minutes"
          subjectId={meeting.id}
          coordinator={meeting.coordinatesCircle}
          label="Protokoll enthält Sozialdaten melden"
        />
      ) : null}

      {meeting.isHost ? (
        <Card>
          <IntentForm
            formId="protokollant"
            intent="protokollant"
            className="flex flex-wrap items-end gap-2"
          >
            <PlainSelectField
              className="min-w-64 flex-1"
              label="Protokollant:in"
              answer={protokollant}
              id="protokollant"
              name="userId"
              defaultValue={meeting.protokollantId ?? ""}
              options={[{ value: "", label: "— die Gastgeber selbst —" }, ...meeting.people.map((p) => ({ value: p.userId, label: `${p.fullName} (${p.orgName})` }))]}
            />
            <Button type="submit" variant="secondary">
              Festlegen
            </Button>
          </IntentForm>
        </Card>
      ) : null}

      {editable ? <Editor /> : null}
      {!editable &&
      meeting.isWriter &&
      new Date(meeting.startsAt).getTime() > Date.now() + 86400_000 ? (
        <p className="text-slate-600">
          Das Protokoll kann ab dem Tag vor dem Treffen geschrieben werden.
        </p>
      ) : null}

      {meeting.isWriter &&
      minutes.currentVersion > 0 &&
      (minutes.status === "draft" ||
        (minutes.status === "circulated" &&
          minutes.circulatedVersion !== minutes.currentVersion)) ? (
        <Card>
          <IntentForm
            formId="circulate"
            intent="circulate"
            visible={["days"]}
            className="flex flex-wrap items-end gap-2"
          >
            <NumberField label="Frist für Anmerkungen (Tage)" answer={circulate} id="days" name="days" min={1} max={60} defaultValue={7} />
            <Button type="submit">
              Fassung {minutes.currentVersion} zur Durchsicht verschicken
            </Button>
          </IntentForm>
        </Card>
      ) : null}
      {meeting.isHost &&
      minutes.status === "circulated" &&
      minutes.circulatedVersion === minutes.currentVersion ? (
        <Card>
          <IntentForm formId="approve" intent="approve">
            <p className="mb-2 text-sm text-slate-700">
              Mit der Genehmigung kommen die Beschlüsse ins Beschlussregister
              und die Aufgaben zu den verantwortlichen Trägern.
            </p>
            {approve?.error?.[""] ? (
              <FormMessage errors={approve.error[""]} />
            ) : null}
            <Button type="submit">Protokoll genehmigen</Button>
          </IntentForm>
        </Card>
      ) : null}

      {shown && !editable ? (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">
            Fassung {shown.version}
          </h2>
          <ReadView content={shown.content} orgName={orgName} />
        </Card>
      ) : null}
      {!shown && !meeting.isWriter ? (
        <p className="text-slate-600">Noch kein Protokoll verschickt.</p>
      ) : null}

      {commentsOpen ? (
        <Card>
          <IntentForm
            formId="comment"
            intent="comment"
            visible={["body"]}
            className="space-y-2"
          >
            <PlainTextareaField label="Anmerkung zum Protokoll" answer={comment} id="comment-body" name="body" rows={3} />
            <Button type="submit" variant="secondary">
              Anmerkung senden
            </Button>
          </IntentForm>
        </Card>
      ) : null}
      {minutes.comments.length ? (
        <section aria-labelledby="anmerkungen">
          <h2 id="anmerkungen" className="text-lg font-semibold">
            Anmerkungen
          </h2>
          <ul className="space-y-2">
            {minutes.comments.map((c) => (
              <li
                key={c.id}
                className="rounded-lg border border-slate-200 p-2 text-sm"
              >
                <p className="text-slate-600">
                  {c.orgName ?? "—"} · {formatDateTime(c.createdAt)} · zu
                  Fassung {c.version}
                </p>
                <p className="whitespace-pre-line">{c.body}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {minutes.versions.length > 0 ? (
        <section aria-labelledby="fassungen" className="space-y-2">
          <h2 id="fassungen" className="text-lg font-semibold">
            Fassungen
          </h2>
          <ul className="space-y-1 text-sm">
            {minutes.versions.map((v) => (
              <li key={v.version}>
                <Link
                  className="font-semibold text-brand-800 underline"
                  to={`?version=${v.version}`}
                >
                  Fassung {v.version}
                </Link>{" "}
                · {formatDateTime(v.createdAt)}
                {v.authorName ? ` · ${v.authorName}` : ""}
                {v.note ? ` · „${v.note}“` : ""}
                {v.version === minutes.approvedVersion ? " · genehmigt" : ""}
                {v.version > 1 ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link
                      className="text-brand-800 underline"
                      to={`?version=${v.version}&vergleich=${v.version - 1}`}
                    >
                      Änderungen zu Fassung {v.version - 1}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff && shown ? (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">
            Änderungen von Fassung {compare} zu Fassung {shown.version}
          </h2>
          <div className="space-y-0.5 font-mono text-sm">
            {diff.map((line, i) => (
              <p
                key={i}
                className={
                  line.kind === "added"
                    ? "bg-green-50 text-green-900"
                    : line.kind === "removed"
                      ? "bg-red-50 text-red-900 line-through"
                      : "text-slate-700"
                }
              >
                <span className="sr-only">
                  {line.kind === "added"
                    ? "hinzugefügt: "
                    : line.kind === "removed"
                      ? "entfernt: "
                      : ""}
                </span>
                {line.kind === "added"
                  ? "+ "
                  : line.kind === "removed"
                    ? "− "
                    : "  "}
                {line.text}
              </p>
            ))}
          </div>
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
