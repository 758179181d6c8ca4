// The minutes (Protokoll) as data: one section per agenda item with notes, decisions (one per
// line) and action items, plus the attendance. The editor posts plain fields; this module turns
// them into the JSON the database versions (public.save_minutes), screens every text for
// Sozialdaten with the shared screen, and compares two versions for the "what changed" view.
import {
  screenSozialdaten,
  sozialdatenRefusalMessages,
  type SozialdatenFinding,
} from "../sozialdaten";
import { MINUTES_FIELD_MAX } from "~/validation/meetings";
import { numberText } from "~/utils/format";

export type MinutesAction = {
  title: string;
  owner_org_id: string;
  owner_user_id: string | null;
  due_date: string | null;
};
export type MinutesItem = {
  agenda_item_id: string;
  title: string;
  notes: string;
  decisions: string[];
  actions: MinutesAction[];
};
export type MinutesContent = { attendance: string; items: MinutesItem[] };

export const EMPTY_MINUTES: MinutesContent = { attendance: "", items: [] };

/** Extra empty action rows the editor offers per agenda item. */
export const NEW_ACTION_ROWS = 2;

export const FALLBERATUNG_TEMPLATE = [
  "Anonymisierte Fallberatung (§ 64 Abs. 2a SGB VIII) – keine Namen, keine Geburtsdaten, keine Anschriften.",
  "Ausgangslage (Alter als Spanne, Hilfeart, ohne Wohnort): …",
  "Fragestellung des einbringenden Trägers: …",
  "Hypothesen und Anregungen aus dem Kreis: …",
  "Vereinbarung (ohne Personenbezug): …",
].join("\n");

export function asMinutesContent(value: unknown): MinutesContent {
  if (!value || typeof value !== "object") return EMPTY_MINUTES;
  const v = value as Partial<MinutesContent>;
  return {
    attendance: typeof v.attendance === "string" ? v.attendance : "",
    items: Array.isArray(v.items)
      ? v.items.map((i) => ({
          agenda_item_id: String(i?.agenda_item_id ?? ""),
          title: String(i?.title ?? ""),
          notes: typeof i?.notes === "string" ? i.notes : "",
          decisions: Array.isArray(i?.decisions) ? i.decisions.map(String) : [],
          actions: Array.isArray(i?.actions)
            ? i.actions.map((a) => ({
                title: String(a?.title ?? ""),
                owner_org_id: String(a?.owner_org_id ?? ""),
                owner_user_id: a?.owner_user_id
                  ? String(a.owner_user_id)
                  : null,
                due_date: a?.due_date ? String(a.due_date) : null,
              }))
            : [],
        }))
      : [],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
}

export type MinutesFormResult =
  | { ok: true; content: MinutesContent }
  | { ok: false; fieldErrors: Record<string, string[]> };

/** Builds the minutes from the editor's fields, one section per agenda item (in agenda order). */
export function minutesFromForm(
  formData: FormData,
  agenda: Array<{ id: string; title: string }>,
  actionRows: Record<string, number>,
): MinutesFormResult {
  const errors: Record<string, string[]> = {};
  const check = (name: string, value: string) => {
    if (value.length > MINUTES_FIELD_MAX)
      errors[name] = [
        `Höchstens ${numberText(MINUTES_FIELD_MAX)} Zeichen pro Feld.`,
      ];
    else if (CONTROL.test(value)) errors[name] = ["Bitte ohne Steuerzeichen."];
    return value;
  };
  const content: MinutesContent = {
    attendance: check("attendance", text(formData, "attendance")),
    items: [],
  };
  for (const item of agenda) {
    const notes = check(`notes_${item.id}`, text(formData, `notes_${item.id}`));
    const decisions = check(
      `decisions_${item.id}`,
      text(formData, `decisions_${item.id}`),
    )
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const actions: MinutesAction[] = [];
    const rows = actionRows[item.id] ?? NEW_ACTION_ROWS;
    for (let n = 0; n < rows; n++) {
      const prefix = `action_${item.id}_${n}`;
      const title = check(
        `${prefix}_title`,
        text(formData, `${prefix}_title`),
      ).replace(/\n/g, " ");
      if (!title) continue;
      const org = text(formData, `${prefix}_org`);
      const user = text(formData, `${prefix}_user`);
      const due = text(formData, `${prefix}_due`);
      if (!UUID.test(org)) {
        errors[`${prefix}_org`] = [
          "Bitte wählen Sie den verantwortlichen Träger.",
        ];
        continue;
      }
      if (due && !/^\d{4}-\d{2}-\d{2}$/.test(due)) {
        errors[`${prefix}_due`] = ["Bitte geben Sie ein gültiges Datum an."];
        continue;
      }
      // "<orgId>:<userId>" from the person select, or empty.
      const userId = user.includes(":") ? user.split(":")[1]! : user;
      actions.push({
        title,
        owner_org_id: org,
        owner_user_id: UUID.test(userId) ? userId : null,
        due_date: due || null,
      });
    }
    content.items.push({
      agenda_item_id: item.id,
      title: item.title,
      notes,
      decisions,
      actions,
    });
  }
  return Object.keys(errors).length
    ? { ok: false, fieldErrors: errors }
    : { ok: true, content };
}

/** Every text of the minutes with the field it came from. */
function texts(
  content: MinutesContent,
): Array<{ field: string; value: string }> {
  const list = [{ field: "attendance", value: content.attendance }];
  for (const item of content.items) {
    list.push({ field: `notes_${item.agenda_item_id}`, value: item.notes });
    list.push({
      field: `decisions_${item.agenda_item_id}`,
      value: item.decisions.join("\n"),
    });
    item.actions.forEach((a, n) =>
      list.push({
        field: `action_${item.agenda_item_id}_${n}_title`,
        value: a.title,
      }),
    );
  }
  return list.filter((t) => t.value);
}

/** The Sozialdaten screen over every field of the minutes (the same function cover requests use). */
export function screenMinutes(
  content: MinutesContent,
): Array<{ field: string; findings: SozialdatenFinding[] }> {
  return texts(content)
    .map(({ field, value }) => ({ field, findings: screenSozialdaten(value) }))
    .filter((f) => f.findings.length > 0);
}

export const MINUTES_PLACE = "Das Protokoll";

/**
 * The verdict of the Sozialdaten screen over the minutes (decision 013): hard identifiers (phone,
 * e-mail, street + number, date of birth, name + age, Aktenzeichen) are refused — no confirmation
 * lets them through; names only warn, and the writer may confirm the findings they were shown
 * (`seenKey` is the key of those findings, `confirmed` the tick).
 */
export function judgeMinutes(
  content: MinutesContent,
  confirmation: { confirmed: boolean; seenKey: string | null },
):
  | { verdict: "ok" }
  | { verdict: "refused"; fieldErrors: Record<string, string[]> }
  | { verdict: "warn"; key: string; fieldErrors: Record<string, string[]> } {
  const findings = screenMinutes(content);
  const refused: Record<string, string[]> = {};
  for (const f of findings) {
    const hard = f.findings.filter((x) => x.severity === "refuse");
    if (hard.length > 0) refused[f.field] = sozialdatenRefusalMessages(hard, MINUTES_PLACE);
  }
  if (Object.keys(refused).length > 0) return { verdict: "refused", fieldErrors: refused };
  if (findings.length === 0) return { verdict: "ok" };
  const key = minutesFindingsKey(findings);
  if (confirmation.confirmed && confirmation.seenKey === key) return { verdict: "ok" };
  const fieldErrors: Record<string, string[]> = {};
  for (const f of findings)
    fieldErrors[f.field] = [
      "Bitte prüfen Sie dieses Feld auf Sozialdaten:",
      ...f.findings.map((x) => x.message),
    ];
  return { verdict: "warn", key, fieldErrors };
}

/** A stable key of the findings, so "trotzdem speichern" only applies to what the person was shown. */
export function minutesFindingsKey(
  findings: Array<{ field: string; findings: SozialdatenFinding[] }>,
): string {
  return findings
    .map(
      (f) =>
        `${f.field}=${f.findings.map((x) => `${x.kind}:${x.match}`).join(",")}`,
    )
    .join("|");
}

export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

/** Line diff (longest common subsequence) of two texts. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before ? before.split("\n") : [];
  const b = after ? after.split("\n") : [];
  const table: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] =
        a[i] === b[j]
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i]! });
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      out.push({ kind: "removed", text: a[i++]! });
    } else {
      out.push({ kind: "added", text: b[j++]! });
    }
  }
  while (i < a.length) out.push({ kind: "removed", text: a[i++]! });
  while (j < b.length) out.push({ kind: "added", text: b[j++]! });
  return out;
}

/** The minutes as plain text sections, for the diff view. */
export function minutesAsText(
  content: MinutesContent,
  orgName: (id: string) => string,
): string {
  const parts = [`Anwesend: ${content.attendance}`];
  content.items.forEach((item, index) => {
    parts.push(`TOP ${index + 1}: ${item.title}`);
    if (item.notes) parts.push(item.notes);
    for (const d of item.decisions) parts.push(`Beschluss: ${d}`);
    for (const a of item.actions)
      parts.push(
        `Aufgabe: ${a.title} (${orgName(a.owner_org_id)}${a.due_date ? `, bis ${a.due_date}` : ""})`,
      );
  });
  return parts.join("\n");
}
