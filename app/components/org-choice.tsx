// "Für welchen Träger?" in an IntentForm: a select named orgId when the person acts for several
// Träger; with one, a hidden field carrying it (or nothing, where the action takes the only one).
import type { SubmissionResult } from "@conform-to/react";
import { PlainSelectField } from "~/components/ui/plain-field";

export function OrgChoice({
  id,
  orgs,
  answer,
  sendSingle = false,
}: {
  id: string;
  orgs: Array<{ id: string; name: string }>;
  answer: SubmissionResult<string[]> | undefined;
  /** With one Träger: send its id in a hidden field (otherwise send nothing). */
  sendSingle?: boolean;
}) {
  if (orgs.length === 1) return sendSingle ? <input type="hidden" name="orgId" value={orgs[0]!.id} /> : null;
  return (
    <PlainSelectField
      label="Für welchen Träger?"
      answer={answer}
      id={id}
      name="orgId"
      defaultValue={orgs[0]?.id}
      options={orgs.map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}
