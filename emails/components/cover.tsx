// What every Vertretungsbörse mail shares: the request's props as private.cover_mail_props() sends
// them (plus recipientName from private.notify_cover_side / alert_cover_request), German labels
// and dates, the urgency banner and one box with the facts of the request.
//
// Mails leave the platform, so they carry only what the SQL passes: need, region, period, hours
// — never the description or handover notes (those are read after signing in), and the case
// reference only in the mails to the requesting Träger (their own templates add it).
import type { ReactNode } from "react";
import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { COVER_KINDS, COVER_URGENCIES, KIND_LABELS } from "../../app/i18n/cover";
import { hoursText, weekdayDateText, weekdayDateTimeText } from "../../app/utils/format";
import { absoluteUrl, paths } from "../../app/utils/links";

const colors = { text: "#0f172a", muted: "#475569", border: "#e2e8f0", box: "#f8fafc" };

// A date column as to_char(…, 'YYYY-MM-DD') writes it: a calendar day, not an instant.
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "kein Datum (JJJJ-MM-TT)");

export const CoverUrgencySchema = z.enum(COVER_URGENCIES);
export const CoverKindSchema = z.enum(COVER_KINDS);
export type CoverUrgency = z.infer<typeof CoverUrgencySchema>;
export type CoverKind = z.infer<typeof CoverKindSchema>;

/** private.cover_mail_props(request) + recipientName: on every cover mail. */
export const CoverMailPropsSchema = z.object({
  requestId: z.string().uuid(),
  networkName: z.string().min(1),
  requesterOrgName: z.string().min(1),
  urgency: CoverUrgencySchema,
  kind: CoverKindSchema,
  hilfeart: z.string().min(1),
  hilfeartLabel: z.string().min(1),
  gemeinde: z.string().min(1),
  gemeindeName: z.string().min(1),
  sozialraum: z.string().nullable(),
  periodFrom: calendarDay,
  periodTo: calendarDay,
  // numeric(5,2) in jsonb: a JSON number.
  hoursPerWeek: z.number().positive(),
  /** The recipient's name (or, without a profile name, their address). */
  recipientName: z.string(),
});
export type CoverMailProps = z.infer<typeof CoverMailPropsSchema> & { appUrl: string };

export const URGENCY: Record<CoverUrgency, { subjectTag: string; word: string; banner: string; bg: string; fg: string }> = {
  notfall: { subjectTag: "NOTFALL (heute/morgen)", word: "Notfall", banner: "NOTFALL — heute/morgen", bg: "#b91c1c", fg: "#ffffff" },
  dringend: { subjectTag: "Dringend (diese Woche)", word: "dringend", banner: "Dringend — diese Woche", bg: "#fef3c7", fg: "#78350f" },
  planbar: { subjectTag: "Planbar", word: "planbar", banner: "Planbar", bg: "#e2e8f0", fg: "#0f172a" },
};

/** For subjects and headings: "Vertretung", "Krisenintervention", … */
export const KIND_SHORT: Record<CoverKind, string> = {
  vertretung: "Vertretung",
  krisenintervention: "Krisenintervention",
  umgangsbegleitung: "Umgangsbegleitung",
  uebernahme: "Übernahme",
};

/** "§ 31" for "p31", "§ 35a" for "p35a" (the Hilfearten's codes). */
export function hilfeartParagraph(code: string): string | null {
  const match = /^p(\d+[a-z]?)$/.exec(code);
  return match ? `§ ${match[1]}` : null;
}

/** "§ 31 · Sozialpädagogische Familienhilfe (SPFH)" */
export function hilfeartText(props: Pick<CoverMailProps, "hilfeart" | "hilfeartLabel">): string {
  const paragraph = hilfeartParagraph(props.hilfeart);
  return paragraph ? `${paragraph} · ${props.hilfeartLabel}` : props.hilfeartLabel;
}

/** Short, for subjects: "§ 31 SPFH in Dinslaken", "§ 34 in Wesel". */
export function requestShort(props: Pick<CoverMailProps, "hilfeart" | "hilfeartLabel" | "gemeindeName">): string {
  const paragraph = hilfeartParagraph(props.hilfeart);
  const abbreviation = /\(([A-ZÄÖÜ]{2,6})\)/.exec(props.hilfeartLabel)?.[1];
  const what = paragraph ? [paragraph, abbreviation].filter(Boolean).join(" ") : props.hilfeartLabel;
  return `${what} in ${props.gemeindeName}`;
}

/** In mails to the requesting Träger: "F-2026-014", or without a case reference "§ 31 SPFH in Dinslaken". */
export function ownRequestName(
  props: { caseReference: string | null } & Pick<CoverMailProps, "hilfeart" | "hilfeartLabel" | "gemeindeName">,
): string {
  return props.caseReference ?? requestShort(props);
}

// Days, times and hours in the mails' words, from the one format module (app/utils/format.ts).
/** "20", "12,5" */
export const formatHours = (hours: number): string => hoursText(hours);
/** "Mo., 30.11.2026" for "2026-11-30". */
export const formatDay = (day: string): string => weekdayDateText(day);
/** "Mo., 30.11.2026 bis Mi., 30.12.2026" */
export function formatPeriod(from: string, to: string): string {
  return from === to ? formatDay(from) : `${formatDay(from)} bis ${formatDay(to)}`;
}
/** "Mo., 30.11.2026, 14:30 Uhr" in the circle's time zone. */
export const formatInstant = (value: Date): string => weekdayDateTimeText(value);

export function coverUrl(props: { appUrl: string; requestId: string }): string {
  return absoluteUrl(props.appUrl, paths.coverRequest(props.requestId));
}

/** The urgency, first thing in the mail: a red bar for a Notfall. */
export function UrgencyBanner({ urgency }: { urgency: CoverUrgency }) {
  const u = URGENCY[urgency];
  return (
    <Text
      style={{
        backgroundColor: u.bg,
        borderRadius: "6px",
        color: u.fg,
        display: "inline-block",
        fontSize: "15px",
        fontWeight: 700,
        letterSpacing: "0.02em",
        lineHeight: "1.4",
        margin: "0 0 12px",
        padding: "6px 12px",
      }}
    >
      {u.banner}
    </Text>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text style={{ color: colors.text, fontSize: "15px", lineHeight: "1.45", margin: "0 0 10px" }}>
      <strong>{label}:</strong> {children}
    </Text>
  );
}

/**
 * The request's facts in a light box, in the order a reader between two appointments decides:
 * what, where, when, how much. `caseReference` only in mails to the requesting Träger;
 * `showRequester` in mails to other Träger.
 */
export function CoverFacts({
  props,
  caseReference,
  showRequester = false,
  showUrgency = false,
}: {
  props: Omit<CoverMailProps, "appUrl">;
  caseReference?: string | null;
  showRequester?: boolean;
  showUrgency?: boolean;
}) {
  const sozialraum = props.sozialraum?.trim();
  return (
    <Section
      style={{
        backgroundColor: colors.box,
        border: `1px solid ${colors.border}`,
        borderRadius: "8px",
        margin: "0 0 16px",
        padding: "14px 14px 4px",
      }}
    >
      {showUrgency ? <Row label="Dringlichkeit">{URGENCY[props.urgency].banner}</Row> : null}
      {caseReference ? <Row label="Fallkennung">{caseReference}</Row> : null}
      <Row label="Hilfeart">{hilfeartText(props)}</Row>
      <Row label="Art">{KIND_LABELS[props.kind]}</Row>
      <Row label="Gemeinde">{sozialraum ? `${props.gemeindeName}, Sozialraum ${sozialraum}` : props.gemeindeName}</Row>
      <Row label="Zeitraum">{formatPeriod(props.periodFrom, props.periodTo)}</Row>
      <Row label="Umfang">{formatHours(props.hoursPerWeek)} Std./Woche (Fachleistungsstunden)</Row>
      {showRequester ? <Row label="Angefragt von">{props.requesterOrgName}</Row> : null}
    </Section>
  );
}

/** Keeps a case reference ("F-2026-014") on one line on a narrow screen. */
export function NoBreak({ children }: { children: ReactNode }) {
  return <span style={{ whiteSpace: "nowrap" }}>{children}</span>;
}

/** A short note in grey under the button. */
export function Note({ children }: { children: ReactNode }) {
  return <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "1.5", margin: "0 0 12px" }}>{children}</Text>;
}

/** Why the mail leaves out the description: said once, in the alert and offer mails. */
export const NO_DETAILS_NOTE =
  "Die Beschreibung des Bedarfs steht aus Datenschutzgründen nicht in dieser E-Mail; Sie lesen sie nach dem Anmelden.";

export const requesterFooter = (props: Pick<CoverMailProps, "requesterOrgName">) =>
  `Sie erhalten diese E-Mail, weil Sie bei ${props.requesterOrgName} für diese Vertretungsanfrage zuständig sind (eingestellt oder als Ansprechperson).`;

export const offererFooter =
  "Sie erhalten diese E-Mail, weil Sie für Ihren Träger ein Angebot zu dieser Vertretungsanfrage gemacht haben oder dafür Ansprechperson sind.";

/** Shared sample props for the templates' previews. */
export const sampleCoverProps = {
  requestId: "3b8f6a2e-5c1d-4f0a-9e7b-2d4c6a8e0f12",
  networkName: "Kooperationskreis Wesel",
  requesterOrgName: "freiraumwohnung GmbH",
  urgency: "notfall",
  kind: "vertretung",
  hilfeart: "p31",
  hilfeartLabel: "Sozialpädagogische Familienhilfe (SPFH)",
  gemeinde: "dinslaken",
  gemeindeName: "Dinslaken",
  sozialraum: "Lohberg",
  periodFrom: "2026-11-30",
  periodTo: "2026-12-23",
  hoursPerWeek: 20,
  recipientName: "Petra Schulte",
  appUrl: "http://localhost:3000",
} satisfies CoverMailProps;
