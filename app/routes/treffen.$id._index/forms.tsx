// The meeting page's forms: each an IntentForm with its own formId, so an answer shows only in the
// form that sent it.
import { useLoaderData } from "@remix-run/react";
import { RsvpChoice } from "~/components/meetings/rsvp-choice";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/field";
import { IntentForm, answerErrors, useAnswerFor, useBusy } from "~/components/ui/intent-form";
import { NumberField, PlainField, PlainSelectField, PlainTextareaField } from "~/components/ui/plain-field";
import type { loader } from "./route";

export function RsvpForm() {
  const { meeting } = useLoaderData<typeof loader>();
  const answer = useAnswerFor("rsvp");
  return (
    <IntentForm formId="rsvp" intent="rsvp" visible={["answer", "comment"]} className="space-y-3">
      <RsvpChoice legend="Ihre Rückmeldung" answer={meeting.myAnswer} errors={answerErrors(answer, "answer")} />
      <PlainField label="Kommentar (optional)" answer={answer} id="rsvp-comment" name="comment" defaultValue={meeting.myComment ?? ""} maxLength={500} />
      <CheckboxField
        label="Ich spreche für meinen Träger (Delegierte:r)"
        inputProps={{ id: "rsvp-delegate", name: "delegate", defaultChecked: meeting.myDelegate }}
      />
      <Button type="submit" disabled={useBusy("rsvp")}>
        Rückmeldung speichern
      </Button>
    </IntentForm>
  );
}

export function ProposeForm() {
  const answer = useAnswerFor("propose");
  return (
    <IntentForm formId="propose" intent="propose" visible={["title", "description", "minutes"]} className="space-y-3">
      <PlainField label="Thema" answer={answer} id="propose-title" name="title" maxLength={200} />
      <PlainTextareaField label="Worum geht es? (optional)" answer={answer} id="propose-description" name="description" rows={2} />
      <NumberField label="Gewünschte Minuten (optional)" answer={answer} id="propose-minutes" name="minutes" min={1} max={480} />
      <Button type="submit" variant="secondary" disabled={useBusy("propose")}>
        Thema vorschlagen
      </Button>
    </IntentForm>
  );
}

/** The hosts' answer to a proposal: onto the agenda (position, minutes), decline with a reason, or into the pool. */
export function DecideForms({ itemId, fromPool }: { itemId: string; fromPool?: boolean }) {
  const acceptId = `accept-${itemId}`;
  const declineId = `decline-${itemId}`;
  const accept = useAnswerFor(acceptId);
  const decline = useAnswerFor(declineId);
  return (
    <div className="mt-2 grid gap-3 sm:grid-cols-2">
      <IntentForm formId={acceptId} intent="decide" fields={{ itemId, decision: "accept" }} visible={["position", "minutes"]} className="space-y-2">
        <div className="grid grid-cols-2 gap-2">
          <NumberField label="Position" answer={accept} id={`${acceptId}-position`} name="position" min={1} max={50} />
          <NumberField label="Minuten" answer={accept} id={`${acceptId}-minutes`} name="minutes" min={1} max={480} />
        </div>
        <Button type="submit">Auf die Tagesordnung</Button>
      </IntentForm>
      {fromPool ? null : (
        <IntentForm formId={declineId} intent="decide" fields={{ itemId, decision: "decline" }} visible={["reason"]} className="space-y-2">
          <PlainField label="Begründung der Ablehnung" answer={decline} id={`${declineId}-reason`} name="reason" maxLength={1000} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="secondary">
              Ablehnen
            </Button>
          </div>
        </IntentForm>
      )}
      {fromPool ? null : (
        <IntentForm formId={`pool-${itemId}`} intent="decide" fields={{ itemId, decision: "pool" }}>
          <Button type="submit" variant="secondary">
            In den Themenspeicher
          </Button>
        </IntentForm>
      )}
    </div>
  );
}

export function AgendaItemForm({ circleOrgs }: { circleOrgs: Array<{ id: string; name: string }> }) {
  const answer = useAnswerFor("agenda");
  return (
    <IntentForm formId="agenda" intent="agenda" visible={["title", "description", "minutes", "position", "presenterOrgId"]} className="mt-3 space-y-3">
      <PlainField label="Titel" answer={answer} id="agenda-title" name="title" maxLength={200} />
      <PlainTextareaField label="Beschreibung (optional)" answer={answer} id="agenda-description" name="description" rows={2} />
      <PlainSelectField
        label="Vortragender Träger (optional)"
        answer={answer}
        id="agenda-presenter"
        name="presenterOrgId"
        defaultValue=""
        options={[{ value: "", label: "—" }, ...circleOrgs.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <div className="grid grid-cols-2 gap-2">
        <NumberField label="Minuten" answer={answer} id="agenda-minutes" name="minutes" min={1} max={480} />
        <NumberField label="Position" hint="Leer: ans Ende" answer={answer} id="agenda-position" name="position" min={1} max={50} />
      </div>
      <Button type="submit">Hinzufügen</Button>
    </IntentForm>
  );
}

export function GuestForm() {
  const answer = useAnswerFor("guest");
  return (
    <IntentForm formId="guest" intent="guest" visible={["name", "orgName", "email"]} className="mt-3 space-y-3">
      <PlainField label="Name" answer={answer} id="guest-name" name="name" maxLength={120} />
      <PlainField label="Träger / Einrichtung (optional)" answer={answer} id="guest-org" name="orgName" maxLength={200} />
      <PlainField label="E-Mail" answer={answer} id="guest-email" name="email" type="email" maxLength={254} />
      <Button type="submit">Einladung senden</Button>
    </IntentForm>
  );
}

export function CancelForm() {
  const answer = useAnswerFor("cancel");
  return (
    <IntentForm formId="cancel" intent="cancel" visible={["reason"]} className="mt-3 space-y-3">
      <PlainTextareaField label="Begründung (geht an alle, die nicht abgesagt haben)" answer={answer} id="cancel-reason" name="reason" rows={2} />
      <Button type="submit" variant="danger">
        Treffen absagen
      </Button>
    </IntentForm>
  );
}
