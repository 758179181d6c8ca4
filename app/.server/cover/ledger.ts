// The ledger (/vertretungen/bilanz and its CSV): per pair of Träger — the chosen Träger of the
// person and each partner — hours given and taken by month, with the covers behind them. RLS
// returns ledger rows only to the two Träger of each row; the queries filter on giver_org_id /
// taker_org_id explicitly (two index scans, union all). The case reference is shown only to the
// requesting (taking) Träger.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import type { CoverKind, CoverRequestStatus } from "../db/schema";
import { toCsv } from "../csv";
import type { CoverLedgerFilters } from "~/validation/cover";
import { AUEG_NOTE, KIND_LABELS } from "~/i18n/cover";
import { dayText, hoursPlain } from "~/utils/format";
import { coverContext } from "./context";

export type LedgerMonth = {
  month: string;
  givenPlanned: string;
  givenActual: string | null;
  takenPlanned: string;
  takenActual: string | null;
};

export type LedgerCover = {
  offerId: string;
  requestId: string;
  /** true: the chosen Träger gave (covered for the partner); false: it took. */
  given: boolean;
  partnerId: string;
  hoursPerWeek: string;
  periodFrom: string;
  periodTo: string;
  plannedHours: string;
  actualHours: string | null;
  completedAt: string | null;
  auegNote: string;
  agreementReference: string | null;
  hilfeartLabel: string | null;
  gemeindeName: string | null;
  kind: CoverKind | null;
  requestStatus: CoverRequestStatus | null;
  /** Only when the chosen Träger took the cover (it is the requester). */
  caseReference: string | null;
};

export type LedgerPartner = {
  orgId: string;
  name: string;
  slug: string | null;
  months: LedgerMonth[];
  covers: LedgerCover[];
  totals: {
    givenPlanned: number;
    givenActual: number;
    takenPlanned: number;
    takenActual: number;
    /** Per month the given hours where recorded, else the planned ones (what the Saldo counts). */
    givenCounted: number;
    takenCounted: number;
    /** Of the counted hours, how many are still only planned (both directions). */
    countedPlanned: number;
  };
};

export type CoverLedger = {
  orgs: Array<{ slug: string; name: string; coordinates: boolean }>;
  org: { orgId: string; slug: string; name: string; coordinates: boolean } | null;
  years: number[];
  year: number | null;
  partners: LedgerPartner[];
};

type MonthRow = {
  partner_id: string;
  month: string;
  given_planned: string | null;
  given_actual: string | null;
  taken_planned: string | null;
  taken_actual: string | null;
};

type CoverRow = {
  offer_id: string;
  request_id: string;
  given: boolean;
  partner_id: string;
  hours_per_week: string;
  period_from: string;
  period_to: string;
  planned_hours: string;
  actual_hours: string | null;
  completed_at: Date | string | null;
  aueg_note: string;
  agreement_reference: string | null;
  hilfeart_label: string | null;
  gemeinde_name: string | null;
  kind: CoverKind | null;
  request_status: CoverRequestStatus | null;
  case_reference: string | null;
};

/**
 * The ledger of one of the person's Träger (by slug, or the first). null when the slug is not one
 * of theirs (the route answers 404).
 */
export async function loadCoverLedger(user: SessionUser, filters: CoverLedgerFilters): Promise<CoverLedger | null> {
  return asUserReadOnly(user, async (tx) => {
    const context = await coverContext(tx, user.id);
    const orgs = context.orgs.map((o) => ({ slug: o.slug, name: o.name, coordinates: o.coordinates }));
    const chosen = filters.traeger ? context.orgs.find((o) => o.slug === filters.traeger) : context.orgs[0];
    if (filters.traeger && !chosen) return null;
    if (!chosen) return { orgs, org: null, years: [], year: null, partners: [] };
    const org = chosen.orgId;

    const yearRows = await sql<{ year: number }>`
      select distinct extract(year from m.month)::int as year from (
        select lm.month from public.cover_ledger_months lm where lm.giver_org_id = ${org}::uuid
        union all
        select lm.month from public.cover_ledger_months lm where lm.taker_org_id = ${org}::uuid
      ) m order by year desc
    `.execute(tx);
    const years = yearRows.rows.map((r) => Number(r.year));
    const year = filters.jahr && years.includes(filters.jahr) ? filters.jahr : null;
    const yearFilter = year ? sql`and extract(year from lm.month) = ${year}` : sql``;

    const months = await sql<MonthRow>`
      with mine as (
        select lm.taker_org_id as partner_id, true as given, lm.month, lm.planned_hours, lm.actual_hours
        from public.cover_ledger_months lm where lm.giver_org_id = ${org}::uuid ${yearFilter}
        union all
        select lm.giver_org_id as partner_id, false as given, lm.month, lm.planned_hours, lm.actual_hours
        from public.cover_ledger_months lm where lm.taker_org_id = ${org}::uuid ${yearFilter}
      )
      select partner_id, to_char(month, 'YYYY-MM') as month,
        (sum(planned_hours) filter (where given))::text as given_planned,
        (sum(actual_hours) filter (where given))::text as given_actual,
        (sum(planned_hours) filter (where not given))::text as taken_planned,
        (sum(actual_hours) filter (where not given))::text as taken_actual
      from mine group by partner_id, month order by month desc
    `.execute(tx);

    const coverYearFilter = year
      ? sql`and extract(year from l.period_from) <= ${year} and extract(year from l.period_to) >= ${year}`
      : sql``;
    const covers = await sql<CoverRow>`
      select l.offer_id, l.request_id, l.given, l.partner_id, l.hours_per_week::text as hours_per_week,
        to_char(l.period_from, 'YYYY-MM-DD') as period_from, to_char(l.period_to, 'YYYY-MM-DD') as period_to,
        l.planned_hours::text as planned_hours, l.actual_hours::text as actual_hours, l.completed_at,
        l.aueg_note, l.agreement_reference, h.label as hilfeart_label, g.name as gemeinde_name, r.kind,
        r.status as request_status, case when not l.given then i.case_reference end as case_reference
      from (
        select l.*, true as given, l.taker_org_id as partner_id
        from public.cover_ledger l where l.giver_org_id = ${org}::uuid
        union all
        select l.*, false as given, l.giver_org_id as partner_id
        from public.cover_ledger l where l.taker_org_id = ${org}::uuid
      ) l
      left join public.cover_requests r on r.id = l.request_id
      -- The case reference is the taker's (the requester's): RLS returns it only to that Träger.
      left join public.cover_request_internals i on i.request_id = l.request_id
      left join public.hilfearten h on h.code = r.hilfeart
      left join public.gemeinden g on g.code = r.gemeinde
      where true ${coverYearFilter}
      order by l.period_from desc, l.created_at desc
    `.execute(tx);

    const partnerIds = [...new Set([...months.rows.map((m) => m.partner_id), ...covers.rows.map((c) => c.partner_id)])];
    const names =
      partnerIds.length === 0
        ? []
        : await tx.selectFrom("organizations").select(["id", "name", "slug"]).where("id", "in", partnerIds).execute();
    const partners = partnerIds
      .map((id): LedgerPartner => {
        const known = names.find((n) => n.id === id);
        const partnerMonths = months.rows
          .filter((m) => m.partner_id === id)
          .map((m) => ({
            month: m.month,
            givenPlanned: m.given_planned ?? "0",
            givenActual: m.given_actual,
            takenPlanned: m.taken_planned ?? "0",
            takenActual: m.taken_actual,
          }));
        const sum = (pick: (m: LedgerMonth) => string | null) =>
          partnerMonths.reduce((total, m) => total + Number(pick(m) ?? 0), 0);
        return {
          orgId: id,
          name: known?.name ?? "Träger (nicht mehr im Kreis)",
          slug: known?.slug ?? null,
          months: partnerMonths,
          covers: covers.rows
            .filter((c) => c.partner_id === id)
            .map((c) => ({
              offerId: c.offer_id,
              requestId: c.request_id,
              given: c.given,
              partnerId: c.partner_id,
              hoursPerWeek: String(c.hours_per_week),
              periodFrom: c.period_from,
              periodTo: c.period_to,
              plannedHours: String(c.planned_hours),
              actualHours: c.actual_hours,
              completedAt: c.completed_at === null ? null : new Date(c.completed_at).toISOString(),
              auegNote: c.aueg_note,
              agreementReference: c.agreement_reference,
              hilfeartLabel: c.hilfeart_label,
              gemeindeName: c.gemeinde_name,
              kind: c.kind,
              requestStatus: c.request_status,
              caseReference: c.case_reference,
            })),
          totals: {
            givenPlanned: sum((m) => m.givenPlanned),
            givenActual: sum((m) => m.givenActual),
            takenPlanned: sum((m) => m.takenPlanned),
            takenActual: sum((m) => m.takenActual),
            givenCounted: sum((m) => m.givenActual ?? m.givenPlanned),
            takenCounted: sum((m) => m.takenActual ?? m.takenPlanned),
            countedPlanned: sum((m) => (m.givenActual === null ? m.givenPlanned : null)) + sum((m) => (m.takenActual === null ? m.takenPlanned : null)),
          },
        };
      })
      .filter((p) => !filters.partner || p.slug === filters.partner)
      .sort((a, b) => a.name.localeCompare(b.name, "de"));
    return {
      orgs,
      org: { orgId: chosen.orgId, slug: chosen.slug, name: chosen.name, coordinates: chosen.coordinates },
      years,
      year,
      partners,
    };
  });
}

/** Notes the cooperation agreement a cover rests on. False when the row is not there for the user. */
export async function setAgreementReference(user: SessionUser, offerId: string, reference: string | null): Promise<boolean> {
  return asUser(user, async (tx) => {
    const result = await tx
      .updateTable("cover_ledger")
      .set({ agreement_reference: reference })
      .where("offer_id", "=", offerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  });
}

const decimal = (value: string | number | null) => (value === null ? "" : hoursPlain(value));

/**
 * The settlement CSV: one line per cover and month, `;`-separated with a UTF-8 BOM so that a
 * German spreadsheet opens it with umlauts and decimal commas intact.
 */
export function ledgerCsv(ledger: CoverLedger, monthsByOffer: Map<string, Array<{ month: string; planned: string; actual: string | null }>>): string {
  const header = [
    "Monat",
    "Richtung",
    "Partner-Träger",
    "Fallkürzel",
    "Hilfeart",
    "Gemeinde",
    "Art",
    "Zeitraum von",
    "Zeitraum bis",
    "Std./Woche",
    "Geplante Std.",
    "Geleistete Std.",
    "Abgeschlossen am",
    "Hinweis",
    "Kooperationsvereinbarung",
  ];
  const rows: string[][] = [header];
  for (const partner of ledger.partners) {
    for (const cover of partner.covers) {
      for (const m of monthsByOffer.get(cover.offerId) ?? []) {
        rows.push([
            m.month,
            cover.given ? `gegeben an ${partner.name}` : `genommen von ${partner.name}`,
            partner.name,
            cover.caseReference ?? "",
            cover.hilfeartLabel ?? "",
            cover.gemeindeName ?? "",
            cover.kind ? KIND_LABELS[cover.kind] : "",
            dayText(cover.periodFrom),
            dayText(cover.periodTo),
            decimal(cover.hoursPerWeek),
            decimal(m.planned),
            decimal(m.actual),
            cover.completedAt ? dayText(cover.completedAt.slice(0, 10)) : "",
            AUEG_NOTE,
            cover.agreementReference ?? "",
        ]);
      }
    }
  }
  return toCsv(rows);
}

/** The hours per month of each ledger row of the chosen Träger (for the CSV). */
export async function ledgerMonthsByOffer(
  user: SessionUser,
  orgId: string,
  year: number | null,
): Promise<Map<string, Array<{ month: string; planned: string; actual: string | null }>>> {
  return asUserReadOnly(user, async (tx) => {
    const yearFilter = year ? sql`and extract(year from lm.month) = ${year}` : sql``;
    const rows = await sql<{ offer_id: string; month: string; planned: string; actual: string | null }>`
      select offer_id, month, planned, actual from (
        select lm.offer_id, to_char(lm.month, 'YYYY-MM') as month, lm.planned_hours::text as planned,
          lm.actual_hours::text as actual
        from public.cover_ledger_months lm where lm.giver_org_id = ${orgId}::uuid ${yearFilter}
        union all
        select lm.offer_id, to_char(lm.month, 'YYYY-MM') as month, lm.planned_hours::text as planned,
          lm.actual_hours::text as actual
        from public.cover_ledger_months lm where lm.taker_org_id = ${orgId}::uuid ${yearFilter}
      ) x order by month, offer_id
    `.execute(tx);
    const map = new Map<string, Array<{ month: string; planned: string; actual: string | null }>>();
    for (const r of rows.rows) {
      const list = map.get(r.offer_id) ?? [];
      list.push({ month: r.month, planned: r.planned, actual: r.actual });
      map.set(r.offer_id, list);
    }
    return map;
  });
}
