// "Meine Daten" (DSGVO Art. 15, 17, 20): the export of everything stored about the signed-in
// person (one definer function, public.my_data_export, reads it as them) as JSON and as a
// readable HTML page, and the deletion of their own account (public.delete_my_account).
import { sql } from "kysely";
import { renderNotification } from "~/i18n/notifications";
import { verifyPassword } from "../auth/password";
import type { SessionUser } from "../auth/session";
import { asServiceRole } from "../db/privileged";
import { asUser } from "../db/request";

export type MyData = Record<string, unknown>;

export async function myDataExport(user: SessionUser): Promise<MyData> {
  return asUser(user, async (tx) => {
    const result = await sql<{ data: MyData }>`select public.my_data_export() as data`.execute(tx);
    return withNotificationTexts(result.rows[0]!.data);
  });
}

/** The notifications as the person read them: the German title and body beside the stored facts. */
function withNotificationTexts(data: MyData): MyData {
  if (!Array.isArray(data.notifications)) return data;
  const notifications = (data.notifications as Array<Record<string, unknown>>).map(({ at, kind, ...rest }) => ({
    at,
    ...renderNotification(typeof kind === "string" ? kind : "", rest.data),
    kind,
    ...rest,
  }));
  return { ...data, notifications };
}

/** The download's file name: trägerkreis-meine-daten-2026-12-06.json */
export function exportFileName(extension: "json" | "html", now = new Date()): string {
  return `traegerkreis-meine-daten-${now.toISOString().slice(0, 10)}.${extension}`;
}

const SECTION_TITLES: Record<string, string> = {
  account: "Konto",
  profile: "Profil",
  sessions: "Sitzungen",
  signInAttempts: "Anmeldeversuche",
  memberships: "Mitgliedschaften in Trägern",
  trainingRegistrations: "Anmeldungen zu Fortbildungen",
  coverRequestsCreated: "Von Ihnen gestellte Vertretungsanfragen",
  coverOffersCreated: "Von Ihnen gemachte Vertretungsangebote",
  coverContactPerson: "Ansprechperson bei Vertretungen",
  coverAlertPreferences: "Benachrichtigungen zu Vertretungen",
  notifications: "Benachrichtigungen",
  invitationsToMe: "Einladungen an Sie",
  joinRequests: "Interessensmeldungen mit Ihrer Adresse",
  auditEntriesAboutMyActions: "Protokolleinträge zu Ihren Aktionen",
};

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function cell(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return escape(value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", "));
  if (typeof value === "object") return escape(JSON.stringify(value));
  if (typeof value === "boolean") return value ? "ja" : "nein";
  return escape(String(value));
}

function table(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return "<p>Keine Einträge.</p>";
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return `<div class="scroll"><table><thead><tr>${keys.map((k) => `<th scope="col">${escape(k)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${keys.map((k) => `<td>${cell(r[k])}</td>`).join("")}</tr>`)
    .join("")}</tbody></table></div>`;
}

function record(row: Record<string, unknown> | null): string {
  if (!row) return "<p>Keine Angaben.</p>";
  return `<dl>${Object.entries(row)
    .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${cell(v)}</dd>`)
    .join("")}</dl>`;
}

/** A self-contained, readable HTML page of the export (prints well, opens on a phone). */
export function myDataHtml(data: MyData): string {
  const sections = Object.entries(SECTION_TITLES)
    .map(([key, title]) => {
      const value = data[key];
      const body = Array.isArray(value) ? table(value as Array<Record<string, unknown>>) : record((value as Record<string, unknown>) ?? null);
      return `<section><h2>${escape(title)}</h2>${body}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Meine Daten · Trägerkreis</title>
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#0f172a;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #e2e8f0}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #e2e8f0;padding:.3rem .5rem;text-align:left;vertical-align:top}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
</style></head><body>
<h1>Meine Daten bei Trägerkreis</h1>
<p>Alles, was die Plattform über Sie gespeichert hat (Auskunft nach Art. 15 DSGVO), Stand ${escape(String(data.exportedAt ?? ""))}. Dieselben Daten maschinenlesbar: die JSON-Datei unter „Mein Konto“.</p>
${sections}
</body></html>`;
}

export type DeleteAccountResult = { status: "deleted" } | { status: "wrong-password" };

/** Deletes the signed-in person's account after checking their password. Raises TK_ACCOUNT_LAST_OWNER. */
export async function deleteMyAccount(user: SessionUser, password: string): Promise<DeleteAccountResult> {
  const stored = await asServiceRole("auth-service", (tx) =>
    tx.selectFrom("auth.users").select("encrypted_password").where("id", "=", user.id).executeTakeFirst(),
  );
  if (!(await verifyPassword(password, stored?.encrypted_password))) return { status: "wrong-password" };
  await asUser(user, (tx) => sql`select public.delete_my_account()`.execute(tx));
  return { status: "deleted" };
}
