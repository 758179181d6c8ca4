// The requester's writes: create and edit a draft (the request, its addressees, the handover
// notes and the contact person in ONE asUser transaction, so a refusal of any step leaves nothing
// behind), publish it, delete it. RLS and the cover triggers decide; their TK_* codes are mapped
// to the form field they concern (coverFieldFor) or shown above the form.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { dbErrorCode } from "../db/errors";
import { refusalField, replyToRefusal, type RefusalFields } from "../forms/reply";
import { asUser, type Tx, asUserReadOnly } from "../db/request";
import type { CoverAddressing, CoverGenderRequirement, CoverKind, CoverUrgency, OrgRole } from "../db/schema";
import { berlinDateTimeLocal, berlinDateTimeToInstant } from "~/utils/berlin-time";
import { hoursPlain } from "~/utils/format";
import type { CoverFormAddressing, CoverRequestFormInput } from "~/validation/cover";
import { sozialdatenKey } from "~/utils/sozialdaten";
import { coverReference } from "./board";
import { coverContext, COORDINATING_ROLES, type CoverContext } from "./context";
import { publishCoverRequest, setCoverContact } from "./functions";
import { screenSozialdaten } from "./sozialdaten";

/** The form field a database refusal belongs to (undefined: a form-level message). */
export const COVER_FIELDS: RefusalFields = {
  TK_COVER_PERIOD_INVALID: "periodTo",
  TK_COVER_PERIOD_TOO_LONG: "periodTo",
  TK_COVER_PERIOD_PAST: "periodTo",
  TK_COVER_HOURS_INVALID: "hoursPerWeek",
  TK_COVER_CASE_REFERENCE_INVALID: "caseReference",
  TK_COVER_GENDER_REASON_REQUIRED: "genderReason",
  TK_COVER_ADDRESSING_INVALID: "widenAt",
  TK_COVER_WIDEN_AT_PAST: "widenAt",
  TK_COVER_NO_RECIPIENTS: "recipients",
  TK_COVER_NO_FAVOURITES: "addressing",
  TK_COVER_PARTNERS_AT_INVALID: "partnersAt",
  TK_COVER_RECIPIENT_INVALID: "recipients",
  TK_COVER_SOZIALDATEN_UNCONFIRMED: "noSozialdaten",
  TK_UNKNOWN_HILFEART: "hilfeart",
  TK_UNKNOWN_GEMEINDE: "gemeinde",
  TK_COVER_CONTACT_INVALID: "contactUserId",
  TK_SOZIALDATEN: "description",
};

export function coverFieldFor(error: unknown): string | undefined {
  return refusalField(error, COVER_FIELDS);
}

/** The reply for a refused cover form (replyToRefusal with the cover fields). */
export function replyWithCoverError<R>(
  submission: Parameters<typeof replyToRefusal<R>>[0],
  error: unknown,
  fieldFor: (error: unknown) => string | undefined = coverFieldFor,
): R {
  if (fieldFor === coverFieldFor) return replyToRefusal(submission, error, COVER_FIELDS);
  const field = fieldFor(error);
  const code = dbErrorCode(error);
  return replyToRefusal(submission, error, field && code ? { [code]: field } : {});
}

/**
 * The server's screen on save, as field errors (or null). Hard identifiers (phone, address, …)
 * are already refused by the form schema (publicText) on every save; here the warnings:
 * - description: a publish whose description contains what looks like a name goes through
 *   only when the person was shown exactly these findings (and confirmed);
 * - genderReason: the reason of a gender requirement is read by the whole circle with the
 *   requirement (docs/decisions/007-cover-private-columns.md), so what looks like client data is
 *   refused there on every save — a short reason never needs a name, a date or an address; case
 *   details belong in the handover notes.
 */
export function sozialdatenRefusal(input: CoverRequestFormInput): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  const reasonFindings = input.genderRequirement && input.genderReason ? screenSozialdaten(input.genderReason) : [];
  if (reasonFindings.length > 0) {
    errors.genderReason = [
      "Die Begründung sieht der ganze Kreis. Bitte begründen Sie allgemein, ohne Sozialdaten:",
      ...reasonFindings.map((f) => f.message),
    ];
  }
  if (input.intent === "publish") {
    const findings = screenSozialdaten(input.description).filter((f) => f.severity === "warn");
    if (findings.length > 0 && !((input.sozialdatenSeen ?? "") === sozialdatenKey(findings) && input.noSozialdaten)) {
      errors.description = [
        "Bitte prüfen Sie die Beschreibung, bevor Sie veröffentlichen:",
        ...findings.map((f) => f.message),
      ];
    }
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/** The request's columns from the form. */
function columns(input: CoverRequestFormInput) {
  const addressed = input.addressing !== "circle";
  const favourites = input.addressing === "favourites";
  return {
    urgency: input.urgency,
    hilfeart: input.hilfeart,
    gemeinde: input.gemeinde,
    sozialraum: input.sozialraum || null,
    period_from: input.periodFrom,
    period_to: input.periodTo,
    hours_per_week: String(input.hoursPerWeek),
    kind: input.kind,
    qualification: input.qualification ?? "",
    languages: input.languages,
    needs_driving_licence: input.needsDrivingLicence,
    needs_car: input.needsCar,
    gender_requirement: input.genderRequirement ?? null,
    gender_reason: input.genderRequirement ? (input.genderReason ?? null) : null,
    description: input.description,
    no_sozialdaten_confirmed: input.noSozialdaten,
    addressing: addressed ? "addressed" : "circle",
    widen_at: addressed && input.widenAt ? berlinDateTimeToInstant(input.widenAt) : null,
    partners_at: favourites && input.partnersAt ? berlinDateTimeToInstant(input.partnersAt) : null,
    requires_fachkraft: input.requiresFachkraft,
  } as const;
}

async function setRecipients(tx: Tx, requestId: string, input: CoverRequestFormInput) {
  await tx.deleteFrom("cover_request_recipients").where("request_id", "=", requestId).execute();
  if (input.addressing === "favourites") {
    // The Träger's favourites in the request's circle (TK_COVER_NO_FAVOURITES when none).
    await sql`select public.address_cover_request_to_favourites(${requestId}::uuid)`.execute(tx);
    return;
  }
  if (input.addressing !== "addressed" || input.recipients.length === 0) return;
  await tx
    .insertInto("cover_request_recipients")
    .values([...new Set(input.recipients)].map((orgId) => ({ request_id: requestId, org_id: orgId })))
    .execute();
}

/**
 * The case reference lives apart from the request, readable only by the requesting Träger
 * (cover_request_internals, a row per request made by a trigger); RLS lets its coordinators set it
 * while the request is a draft.
 */
async function setCaseReference(tx: Tx, requestId: string, caseReference: string | undefined) {
  await tx
    .updateTable("cover_request_internals")
    .set({ case_reference: caseReference || null })
    .where("request_id", "=", requestId)
    .execute();
}

async function setHandoverNotes(tx: Tx, requestId: string, notes: string | undefined) {
  if (!notes) {
    await tx.deleteFrom("cover_handover_notes").where("request_id", "=", requestId).execute();
    return;
  }
  await tx
    .insertInto("cover_handover_notes")
    .values({ request_id: requestId, notes })
    .onConflict((oc) => oc.column("request_id").doUpdateSet({ notes }))
    .execute();
}

/** Creates a draft (and publishes it when asked); returns its id. */
export async function createCoverRequest(user: SessionUser, input: CoverRequestFormInput): Promise<string> {
  return asUser(user, async (tx) => {
    const row = await tx
      .insertInto("cover_requests")
      .values({ network_id: input.networkId, org_id: input.orgId, ...columns(input) })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (input.caseReference) await setCaseReference(tx, row.id, input.caseReference);
    await setRecipients(tx, row.id, input);
    await setHandoverNotes(tx, row.id, input.handoverNotes);
    if (input.contactUserId) await setCoverContact(tx, row.id, input.orgId, input.contactUserId);
    if (input.intent === "publish") await publishCoverRequest(tx, row.id);
    return row.id;
  });
}

/** Saves a draft (and publishes it when asked). False when there is no such draft for the user. */
export async function updateCoverRequest(user: SessionUser, requestId: string, input: CoverRequestFormInput): Promise<boolean> {
  return asUser(user, async (tx) => {
    const current = await tx
      .selectFrom("cover_requests")
      .select(["id", "org_id"])
      .where("id", "=", requestId)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (!current) return false;
    const updated = await tx.updateTable("cover_requests").set(columns(input)).where("id", "=", requestId).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await setCaseReference(tx, requestId, input.caseReference);
    await setRecipients(tx, requestId, input);
    await setHandoverNotes(tx, requestId, input.handoverNotes);
    if (input.contactUserId) await setCoverContact(tx, requestId, current.org_id, input.contactUserId);
    if (input.intent === "publish") await publishCoverRequest(tx, requestId);
    return true;
  });
}

/** Deletes a draft (RLS: its Träger's coordinators, drafts only). False when nothing was deleted. */
export async function deleteCoverDraft(user: SessionUser, requestId: string): Promise<boolean> {
  return asUser(user, async (tx) => {
    const result = await tx.deleteFrom("cover_requests").where("id", "=", requestId).where("status", "=", "draft").executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

export type CoverFormOptions = {
  posters: CoverContext["posters"];
  hilfearten: Array<{ code: string; paragraph: string; label: string }>;
  gemeinden: Array<{ code: string; name: string; kreis: string }>;
  /** Active Träger of the person's posting circles (addressees), per circle. */
  circleOrgs: Array<{ id: string; name: string; networkId: string }>;
  /** Members of the person's posting Träger (contact person), per Träger. */
  colleagues: Array<{ userId: string; name: string; orgId: string; role: OrgRole }>;
  /** Suggested "für den ganzen Kreis ab" values (datetime-local, Berlin time). */
  widenDefaults: { notfall: string; other: string };
  /** Suggested "ab dann an Partner-Träger" values (datetime-local, Berlin time). */
  partnersDefaults: { notfall: string; other: string };
  /** How many favourites each posting Träger has (keyed by org id), to say so in the form. */
  favouriteCounts: Record<string, number>;
};

/** What the request form offers: the person's Träger and circles, the lists, addressees, colleagues. */
export async function loadCoverFormOptions(user: SessionUser): Promise<CoverFormOptions> {
  return asUserReadOnly(user, async (tx) => {
    const context = await coverContext(tx, user.id);
    return formOptions(tx, context);
  });
}

async function formOptions(tx: Tx, context: CoverContext): Promise<CoverFormOptions> {
  const { hilfearten, gemeinden } = await coverReference(tx);
  const networkIds = [...new Set(context.posters.map((p) => p.networkId))];
  const orgIds = [...new Set(context.posters.map((p) => p.orgId))];
  const circleOrgs =
    networkIds.length === 0
      ? { rows: [] }
      : await sql<{ id: string; name: string; network_id: string }>`
          select o.id, o.name, nm.network_id
          from public.network_members nm
          join public.organizations o on o.id = nm.org_id
          where nm.network_id = any(${networkIds}::uuid[]) and nm.status = 'active'
          order by lower(o.name)
        `.execute(tx);
  const colleagues =
    orgIds.length === 0
      ? { rows: [] }
      : await sql<{ user_id: string; name: string; org_id: string; role: OrgRole }>`
          select m.user_id, coalesce(p.full_name, p.email, 'Unbenannt') as name, m.org_id, m.role
          from public.org_members m
          left join public.profiles p on p.user_id = m.user_id
          where m.org_id = any(${orgIds}::uuid[])
          order by lower(coalesce(p.full_name, p.email, ''))
        `.execute(tx);
  const favouriteCounts =
    orgIds.length === 0
      ? { rows: [] }
      : await sql<{ org_id: string; n: number }>`
          select f.org_id, count(*)::int as n from public.cover_favourites f
          where f.org_id = any(${orgIds}::uuid[]) group by f.org_id
        `.execute(tx);
  const now = Date.now();
  return {
    posters: context.posters,
    hilfearten,
    gemeinden,
    circleOrgs: circleOrgs.rows.map((o) => ({ id: o.id, name: o.name, networkId: o.network_id })),
    colleagues: colleagues.rows.map((c) => ({ userId: c.user_id, name: c.name, orgId: c.org_id, role: c.role })),
    widenDefaults: {
      notfall: berlinDateTimeLocal(roundUpToQuarter(now + 2 * 3600_000)),
      other: berlinDateTimeLocal(roundUpToQuarter(now + 24 * 3600_000)),
    },
    partnersDefaults: {
      notfall: berlinDateTimeLocal(roundUpToQuarter(now + 1 * 3600_000)),
      other: berlinDateTimeLocal(roundUpToQuarter(now + 12 * 3600_000)),
    },
    favouriteCounts: Object.fromEntries(favouriteCounts.rows.map((r) => [r.org_id, r.n])),
  };
}

function roundUpToQuarter(ms: number): Date {
  const quarter = 15 * 60_000;
  return new Date(Math.ceil(ms / quarter) * quarter);
}

/** The form's values of a draft, as the form shows them. */
export type CoverDraftDefaults = {
  orgId: string;
  networkId: string;
  urgency: CoverUrgency;
  hilfeart: string;
  gemeinde: string;
  sozialraum: string;
  periodFrom: string;
  periodTo: string;
  hoursPerWeek: string;
  kind: CoverKind;
  qualification: string;
  languages: string;
  needsDrivingLicence: boolean;
  needsCar: boolean;
  genderRequirement: CoverGenderRequirement | "";
  genderReason: string;
  description: string;
  caseReference: string;
  handoverNotes: string;
  contactUserId: string;
  addressing: CoverFormAddressing;
  recipients: string[];
  widenAt: string;
  partnersAt: string;
  requiresFachkraft: boolean;
  noSozialdaten: boolean;
};

/**
 * A draft the person may edit, with the form's options; null when there is none (not visible,
 * not a draft) — the route answers 404. `allowed` is false for members without a coordinating
 * role (the route answers 403).
 */
export async function loadCoverDraft(
  user: SessionUser,
  requestId: string,
): Promise<{ allowed: boolean; defaults: CoverDraftDefaults; options: CoverFormOptions } | null> {
  return asUserReadOnly(user, async (tx) => {
    const row = await sql<{
      id: string;
      org_id: string;
      network_id: string;
      urgency: CoverUrgency;
      hilfeart: string;
      gemeinde: string;
      sozialraum: string | null;
      period_from: string;
      period_to: string;
      hours_per_week: string;
      kind: CoverKind;
      qualification: string;
      languages: string[];
      needs_driving_licence: boolean;
      needs_car: boolean;
      gender_requirement: CoverGenderRequirement | null;
      gender_reason: string | null;
      description: string;
      case_reference: string | null;
      addressing: CoverAddressing;
      widen_at: Date | string | null;
      partners_at: Date | string | null;
      requires_fachkraft: boolean;
      no_sozialdaten_confirmed: boolean;
      notes: string | null;
      contact_user_id: string | null;
      recipients: string[] | null;
    }>`
      select r.id, r.org_id, r.network_id, r.urgency, r.hilfeart, r.gemeinde, r.sozialraum,
        to_char(r.period_from, 'YYYY-MM-DD') as period_from, to_char(r.period_to, 'YYYY-MM-DD') as period_to,
        r.hours_per_week::text as hours_per_week, r.kind, r.qualification, r.languages, r.needs_driving_licence,
        r.needs_car, r.gender_requirement, r.gender_reason, r.description, r.addressing,
        r.widen_at, r.partners_at, r.requires_fachkraft, r.no_sozialdaten_confirmed,
        (select i.case_reference from public.cover_request_internals i where i.request_id = r.id) as case_reference,
        (select hn.notes from public.cover_handover_notes hn where hn.request_id = r.id) as notes,
        (select c.user_id from public.cover_contacts c where c.request_id = r.id and c.org_id = r.org_id) as contact_user_id,
        (select array_agg(rr.org_id) from public.cover_request_recipients rr where rr.request_id = r.id) as recipients
      from public.cover_requests r
      where r.id = ${requestId}::uuid and r.status = 'draft'
    `.execute(tx);
    const draft = row.rows[0];
    if (!draft) return null;
    const context = await coverContext(tx, user.id);
    const org = context.orgs.find((o) => o.orgId === draft.org_id);
    const allowed = Boolean(org && COORDINATING_ROLES.includes(org.role));
    const options = await formOptions(tx, context);
    return {
      allowed,
      options,
      defaults: {
        orgId: draft.org_id,
        networkId: draft.network_id,
        urgency: draft.urgency,
        hilfeart: draft.hilfeart,
        gemeinde: draft.gemeinde,
        sozialraum: draft.sozialraum ?? "",
        periodFrom: draft.period_from,
        periodTo: draft.period_to,
        hoursPerWeek: hoursPlain(draft.hours_per_week),
        kind: draft.kind,
        qualification: draft.qualification,
        languages: (draft.languages ?? []).join(", "),
        needsDrivingLicence: draft.needs_driving_licence,
        needsCar: draft.needs_car,
        genderRequirement: draft.gender_requirement ?? "",
        genderReason: draft.gender_reason ?? "",
        description: draft.description,
        caseReference: draft.case_reference ?? "",
        handoverNotes: draft.notes ?? "",
        contactUserId: draft.contact_user_id ?? "",
        // A draft with a partner step was addressed to the favourites (their copy in the recipients).
        addressing: draft.addressing === "addressed" && draft.partners_at ? "favourites" : draft.addressing,
        recipients: draft.recipients ?? [],
        widenAt: draft.widen_at ? berlinDateTimeLocal(draft.widen_at) : "",
        partnersAt: draft.partners_at ? berlinDateTimeLocal(draft.partners_at) : "",
        requiresFachkraft: draft.requires_fachkraft,
        noSozialdaten: draft.no_sozialdaten_confirmed,
      },
    };
  });
}
