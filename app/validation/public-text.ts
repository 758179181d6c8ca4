// The one way a form declares a free text that other Träger read: wrap its schema in
// `publicText(schema, place)`. The schema then refuses hard identifiers (phone numbers, e-mail
// addresses, addresses with a house number, dates of birth, names with an age, Aktenzeichen)
// with a German message that says what was found and where it belongs — in the browser while
// typing (conform's onValidate) and again in the action (parseWithZod on the server). The table
// behind it gets the database trigger private.refuse_hard_sozialdaten as the last line.
//
//   description: publicText(optionalText(2000, "Die Nachricht"), "Die Nachricht"),
import { z } from "zod";
import { hardSozialdaten, sozialdatenRefusalMessages } from "~/utils/sozialdaten";

/**
 * `schema` (a string, possibly optional or transformed) that also refuses hard identifiers.
 * `place` names who reads the text, for the message ("Die Anfrage", "Das Leitbild").
 */
export function publicText<T extends z.ZodType<string | undefined | null>>(schema: T, place?: string) {
  return schema.superRefine((value, ctx) => {
    if (typeof value !== "string" || value === "") return;
    const found = hardSozialdaten(value);
    if (found.length === 0) return;
    for (const message of sozialdatenRefusalMessages(found, place)) ctx.addIssue({ code: "custom", message });
    // Only a value that passed its own checks is screened: a text over its length (up to the body
    // limit) or with control characters gets those messages alone, not one per finding.
  }, { when: (payload) => payload.issues.length === 0 });
}
