// /treffen/:id — one meeting: when and where, the person's RSVP, "14 Zusagen aus 6 Trägern ·
// 2 vielleicht · 3 Absagen" with the per-Träger view, the agenda with its time plan, topic
// proposals (hosts accept with a slot, decline with a reason, or keep them in the pool), open
// action items, guests, and the hosts' tools. Every form is an IntentForm (works without JS).
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireUser } from "~/.server/auth/session";
import { oncePerForm } from "~/.server/forms/idempotency";
import { handleIntent } from "~/.server/meetings/forms";
import { meetingDetail } from "~/.server/meetings/read";
import { cancelMeeting, decideTopic, inviteGuest, proposeTopic, removeAgendaItem, saveAgendaItem, setRsvp } from "~/.server/meetings/write";
import { linkClass } from "~/components/auth-layout";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SozialdatenHiddenNotice, SozialdatenReport } from "~/components/sozialdaten-report";
import { ButtonLink } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/layout";
import { RSVP_LABELS, meetingWhen, whereText } from "~/i18n/meetings";
import { invariantResponse } from "~/utils/invariant";
import { AgendaItemSchema, CancelSchema, DecideTopicSchema, GuestSchema, RsvpSchema, TopicSchema } from "~/validation/meetings";
import { AgendaSection, ProposalsSection } from "./agenda";
import { CancelForm, GuestForm } from "./forms";
import { ResponsesSection } from "./responses";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.meeting.title} · Treffen · Trägerkreis` : "Nicht gefunden · Trägerkreis" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meeting = await meetingDetail(user, params.id ?? "");
  invariantResponse(meeting, "Nicht gefunden", { status: 404 });
  return { meeting, now: new Date() };
}

export type Meeting = ReturnType<typeof useLoaderData<typeof loader>>["meeting"];

const RemoveSchema = z.object({
  itemId: z.string().uuid(),
  toPool: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const formId = String(formData.get("formId") ?? intent);
  switch (intent) {
    case "rsvp":
      return handleIntent(formData, formId, RsvpSchema, (v) => setRsvp(user, id, v.answer, v.comment, v.delegate));
    case "propose":
      return handleIntent(formData, formId, TopicSchema, (v) => oncePerForm(formData, "meeting.topic.propose", () => proposeTopic(user, id, v)));
    case "decide":
      return handleIntent(formData, formId, DecideTopicSchema, (v) => decideTopic(user, id, v));
    case "agenda":
      return handleIntent(formData, formId, AgendaItemSchema, (v) => saveAgendaItem(user, id, v));
    case "remove":
      return handleIntent(formData, formId, RemoveSchema, (v) => removeAgendaItem(user, v.itemId, v.toPool));
    case "guest":
      return handleIntent(formData, formId, GuestSchema, (v) => oncePerForm(formData, "meeting.guest.invite", () => inviteGuest(user, id, v)));
    case "cancel":
      return handleIntent(formData, formId, CancelSchema, (v) => cancelMeeting(user, id, v.reason));
    default: {
      const submission = parseWithZod(formData, { schema: z.object({}) });
      return { formId, result: submission.reply({ formErrors: ["Unbekannte Aktion."] }), ok: false };
    }
  }
}

export default function MeetingPage() {
  const { meeting: m, now } = useLoaderData<typeof loader>();
  const started = new Date(m.startsAt).getTime() <= new Date(now).getTime();
  const open = m.status === "planned" && !started;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={m.title}
        description={
          <>
            <span className="block text-slate-800">{meetingWhen(m.startsAt, m.endsAt)}</span>
            <span className="block">
              {whereText(m)} · eingeladen von {m.hostName}
            </span>
          </>
        }
      />
      {m.status === "cancelled" ? (
        <Card className="border-red-300 bg-red-50">
          <p className="font-semibold text-red-900">Dieses Treffen ist abgesagt.</p>
          {m.cancelReason ? <p className="whitespace-pre-line text-red-900">{m.cancelReason}</p> : null}
        </Card>
      ) : null}
      <nav aria-label="Zum Treffen" className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <a className={linkClass} href={`/treffen/${m.id}/kalender.ics`}>
          In den Kalender (.ics)
        </a>
        <Link className={linkClass} to={`/treffen/${m.id}/protokoll`}>
          Protokoll
        </Link>
        {m.isHost && m.status === "planned" ? (
          <Link className={linkClass} to={`/treffen/${m.id}/bearbeiten`}>
            Bearbeiten
          </Link>
        ) : null}
        {m.isHost ? (
          <Link className={linkClass} to={`/treffen/neu?nach=${m.id}`}>
            Nächstes Treffen planen
          </Link>
        ) : null}
      </nav>
      {m.hideId && m.isOwnTraeger ? (
        <SozialdatenHiddenNotice hideId={m.hideId} canRevise={m.isHost} />
      ) : m.hideId ? (
        <p role="status" className="rounded-lg border-2 border-red-300 bg-red-50 p-3 text-sm text-red-900">
          Ausgeblendet: Andere Träger sehen dieses Treffen nicht, bis der einladende Träger es überarbeitet hat.
        </p>
      ) : null}
      {m.description ? <p className="whitespace-pre-line text-slate-800">{m.description}</p> : null}
      {!m.isOwnTraeger || (m.coordinatesCircle && !m.hideId) ? (
        <SozialdatenReport subjectType="meeting" subjectId={m.id} coordinator={m.coordinatesCircle} />
      ) : null}
      {m.onlineUrl ? (
        <p>
          Online:{" "}
          <a className={linkClass} href={m.onlineUrl} rel="noreferrer noopener">
            {m.onlineUrl}
          </a>
        </p>
      ) : null}

      <ResponsesSection meeting={m} canAnswer={open} />
      <AgendaSection meeting={m} editable={m.isHost && m.status === "planned"} />
      <ProposalsSection meeting={m} canPropose={open} />

      {m.isHost ? (
        <section aria-labelledby="gaeste" className="space-y-3">
          <h2 id="gaeste" className="text-lg font-semibold text-slate-900">
            Gäste
          </h2>
          {m.guests.length === 0 ? <p className="text-sm text-slate-600">Noch keine Gäste.</p> : null}
          <ul className="space-y-1 text-sm">
            {m.guests.map((g) => (
              <li key={g.id}>
                {g.name}
                {g.orgName ? ` (${g.orgName})` : ""} – {g.answer ? RSVP_LABELS[g.answer] : "noch keine Rückmeldung"}
                {g.source === "public" ? " · über die öffentliche Seite" : ""}
              </li>
            ))}
          </ul>
          {open ? (
            <details className="rounded-lg border border-slate-200 p-3">
              <summary className="cursor-pointer font-medium">Gast einladen</summary>
              <GuestForm />
            </details>
          ) : null}
        </section>
      ) : null}

      {m.isHost && open ? (
        <details className="rounded-lg border border-red-200 p-3">
          <summary className="cursor-pointer font-medium text-red-900">Treffen absagen</summary>
          <CancelForm />
        </details>
      ) : null}
      <p>
        <ButtonLink to="/treffen" variant="secondary">
          Zur Übersicht
        </ButtonLink>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
