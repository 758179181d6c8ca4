// "Enthält Sozialdaten melden" under a text of another Träger, and the notice the author's Träger
// sees on a hidden text. The report posts to /sozialdaten/melden (a plain form: works without
// JavaScript); the database hides the text at once.
import { Form, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { Button } from "~/components/ui/button";
import type { SOZIALDATEN_SUBJECT_TYPES } from "~/validation/sozialdaten";

export function SozialdatenReport({
  subjectType,
  subjectId,
  coordinator = false,
  label = "Enthält Sozialdaten melden",
}: {
  subjectType: (typeof SOZIALDATEN_SUBJECT_TYPES)[number];
  subjectId: string;
  /** The circle's coordinators hide directly. */
  coordinator?: boolean;
  label?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction === "/sozialdaten/melden" && navigation.formData?.get("subjectId") === subjectId;
  const noteId = `sozialdaten-note-${subjectId}`;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-red-800">{label}</summary>
      <Form method="post" action="/sozialdaten/melden" className="mt-2 space-y-3">
        <p className="text-slate-700">
          Sehen Sie hier Angaben, mit denen sich eine Familie oder ein Kind bestimmen lässt (Name, Alter, Anschrift, Telefonnummer …)?
          {coordinator
            ? " Als Koordination des Kreises blenden Sie den Text sofort für alle anderen Träger aus."
            : " Dann melden Sie es: Der Text wird sofort für alle anderen Träger ausgeblendet."}{" "}
          Der Träger wird benachrichtigt und muss den Text überarbeiten, bevor er wieder erscheint.
        </p>
        <input type="hidden" name="subjectType" value={subjectType} />
        <input type="hidden" name="subjectId" value={subjectId} />
        <div>
          <label htmlFor={noteId} className="block font-medium text-slate-800">
            Hinweis an den Träger (optional, ohne die Daten selbst zu wiederholen)
          </label>
          <textarea id={noteId} name="note" rows={2} maxLength={500} className="mt-1 w-full rounded-lg border border-slate-300 p-2" />
        </div>
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? "Wird gemeldet …" : coordinator ? "Ausblenden" : "Melden und ausblenden"}
        </Button>
      </Form>
    </details>
  );
}

/** Shown to the author's Träger on a hidden text. */
export function SozialdatenHiddenNotice({ hideId, canRevise }: { hideId: string; canRevise: boolean }) {
  return (
    <div role="status" className="rounded-lg border-2 border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-semibold">Ausgeblendet: Dieser Text enthält vermutlich Sozialdaten.</p>
      <p className="mt-1">
        Andere Träger sehen ihn nicht, bis er überarbeitet ist.{" "}
        {canRevise ? (
          <Link to={`/sozialdaten/${hideId}`} className="font-semibold underline underline-offset-2">
            Jetzt überarbeiten
          </Link>
        ) : (
          "Die Koordination Ihres Trägers kann ihn überarbeiten."
        )}
      </p>
    </div>
  );
}
