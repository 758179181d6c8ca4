// The buttons of one registration, for whoever may act on it: accept or decline an offer, cancel
// a seat or leave the waitlist, approve or reject (the Träger's admins, the organizers). The
// buttons are offered by role and state; the SQL function decides.
import { Button } from "~/components/ui/button";
import { formatDateTime } from "~/utils/format";
import type { DetailData } from "./route";
import { IntentForm, useAnswerFor, useBusy } from "~/components/ui/intent-form";

export type Registration = DetailData["registrations"][number];

export const ACTIVE = new Set(["pending_approval", "confirmed", "waitlisted", "offered"]);

function IntentButton({
  formId,
  intent,
  registrationId,
  label,
  busyLabel,
  variant = "secondary",
  extra = {},
  ariaLabel,
}: {
  formId: string;
  intent: string;
  registrationId: string;
  label: string;
  busyLabel: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  extra?: Record<string, string>;
  ariaLabel?: string;
}) {
  const busy = useBusy(formId);
  return (
    <IntentForm formId={formId} intent={intent} fields={{ registrationId, ...extra }}>
      <Button variant={variant} disabled={busy} aria-label={ariaLabel} className="w-full sm:w-auto">
        {busy ? busyLabel : label}
      </Button>
    </IntentForm>
  );
}

export function RegistrationActions({
  registration: r,
  who,
  canAct,
  canApproveOrg,
  canApproveOrganizer,
  cancellationOpen,
  started,
  organizer = false,
}: {
  registration: Registration;
  /** For accessible names: "Ihre Anmeldung", "Lena Overbeck", "3 Plätze (KIZ)". */
  who: string;
  canAct: boolean;
  canApproveOrg: boolean;
  canApproveOrganizer: boolean;
  cancellationOpen: boolean;
  started: boolean;
  organizer?: boolean;
}) {
  const id = r.id;
  const key = id.slice(0, 8);
  const buttons: React.ReactNode[] = [];
  if (!started && ACTIVE.has(r.status)) {
    if (canAct && r.status === "offered") {
      buttons.push(
        <IntentButton key="accept" formId={`accept-${key}`} intent="accept-offer" registrationId={id} label="Platz annehmen" busyLabel="Wird angenommen …" variant="primary" ariaLabel={`Platz annehmen: ${who}`} />,
        <IntentButton key="decline" formId={`decline-${key}`} intent="decline-offer" registrationId={id} label="Ablehnen" busyLabel="Wird abgelehnt …" ariaLabel={`Platzangebot ablehnen: ${who}`} />,
      );
    }
    if (canApproveOrg && r.orgApproval === "pending") {
      buttons.push(
        <IntentButton key="org-yes" formId={`org-yes-${key}`} intent="decide" registrationId={id} extra={{ approval: "org", decision: "approve" }} label="Freigeben (Träger)" busyLabel="Wird freigegeben …" variant="primary" ariaLabel={`Als Träger freigeben: ${who}`} />,
        <IntentButton key="org-no" formId={`org-no-${key}`} intent="decide" registrationId={id} extra={{ approval: "org", decision: "reject" }} label="Nicht freigeben" busyLabel="Wird abgelehnt …" ariaLabel={`Als Träger nicht freigeben: ${who}`} />,
      );
    }
    if (canApproveOrganizer && r.organizerApproval === "pending") {
      buttons.push(
        <IntentButton key="orgz-yes" formId={`organizer-yes-${key}`} intent="decide" registrationId={id} extra={{ approval: "organizer", decision: "approve" }} label="Freigeben (Veranstalter)" busyLabel="Wird freigegeben …" variant="primary" ariaLabel={`Als Veranstalter freigeben: ${who}`} />,
        <IntentButton key="orgz-no" formId={`organizer-no-${key}`} intent="decide" registrationId={id} extra={{ approval: "organizer", decision: "reject" }} label="Ablehnen" busyLabel="Wird abgelehnt …" ariaLabel={`Als Veranstalter ablehnen: ${who}`} />,
      );
    }
  }
  let cancel: React.ReactNode = null;
  const seatHeld = r.status === "confirmed" || r.status === "pending_approval";
  if (!started && ACTIVE.has(r.status) && ((canAct && r.status !== "offered" && (!seatHeld || cancellationOpen)) || (organizer && !canAct))) {
    const label = r.status === "waitlisted" ? (canAct ? "Warteliste verlassen" : "Von der Warteliste nehmen") : "Stornieren";
    cancel = <CancelConfirm registrationId={id} formId={`cancel-${key}`} label={label} who={who} seatHeld={seatHeld || r.status === "offered"} />;
  }
  const note =
    canAct && !started && (r.status === "confirmed" || r.status === "pending_approval") && !cancellationOpen
      ? "Die Stornofrist ist abgelaufen. Bitte wenden Sie sich an den Veranstalter."
      : canAct && r.status === "offered" && r.offerExpiresAt
        ? `Bitte entscheiden Sie bis ${formatDateTime(r.offerExpiresAt)}; danach geht der Platz an die nächste Person.`
        : null;
  if (buttons.length === 0 && !note && !cancel) return null;
  return (
    <div className="mt-2 space-y-2">
      {note ? <p className="text-sm text-slate-700">{note}</p> : null}
      {buttons.length ? <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">{buttons}</div> : null}
      {cancel}
    </div>
  );
}

/** Cancelling frees a seat for the next in line and cannot be undone: one more click to confirm. */
function CancelConfirm({ registrationId, formId, label, who, seatHeld }: { registrationId: string; formId: string; label: string; who: string; seatHeld: boolean }) {
  const answered = Boolean(useAnswerFor(formId));
  const confirm = label === "Stornieren" ? "Ja, stornieren" : label === "Warteliste verlassen" ? "Ja, Warteliste verlassen" : "Ja, von der Warteliste nehmen";
  return (
    <details open={answered || undefined}>
      <summary aria-label={`${label}: ${who}`} className="inline-flex min-h-11 cursor-pointer list-none items-center text-sm font-semibold text-red-800 hover:underline">
        {label} …
      </summary>
      <div className="mt-1 rounded-lg border border-red-200 bg-red-50 p-3">
        <p className="mb-2 text-sm text-red-950">
          {seatHeld ? "Der Platz geht an die nächste Person der Warteliste; das lässt sich nicht rückgängig machen." : "Der Platz auf der Warteliste ist danach weg."}
        </p>
        <IntentButton formId={formId} intent="cancel-registration" registrationId={registrationId} label={confirm} busyLabel="Wird storniert …" variant="danger" ariaLabel={`${confirm}: ${who}`} />
      </div>
    </details>
  );
}
