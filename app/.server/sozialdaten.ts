// The one server-side place every free text that other Träger read passes before it is written.
// Forms declare such a field with `publicText()` (app/validation/public-text.ts), which refuses
// hard identifiers in the browser while typing and again in the action; code that writes text
// without a form calls `publicTextErrors()`. The database refuses the same hard identifiers once
// more (private.refuse_hard_sozialdaten, a trigger per table) and hides reported texts
// (public.sozialdaten_hides). New features (meetings, projects) add their fields the same way:
// `publicText(...)` in the schema and one `create trigger … private.refuse_hard_sozialdaten('col', …)`.
import { hardSozialdaten, sozialdatenRefusalMessages } from "~/utils/sozialdaten";

export {
  screenSozialdaten,
  hardSozialdaten,
  containsSozialdaten,
  sozialdatenRefusalMessages,
  SOZIALDATEN_HINWEIS,
  SOZIALDATEN_WOHIN,
  type SozialdatenFinding,
  type SozialdatenKind,
  type SozialdatenSeverity,
} from "~/utils/sozialdaten";

/**
 * Field errors for the texts others will read (field name → text), or null when none holds a
 * hard identifier. `place` names who reads them ("Die Anfrage"), for the message.
 */
export function publicTextErrors(
  texts: Record<string, string | null | undefined>,
  place?: string,
): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  for (const [field, text] of Object.entries(texts)) {
    if (!text) continue;
    const found = hardSozialdaten(text);
    if (found.length > 0) errors[field] = sozialdatenRefusalMessages(found, place);
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
