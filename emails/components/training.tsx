// What every Fortbildungen mail shares: the props private.training_mail_props() sends (plus the
// registration's, from private.tell_registration), German dates in the circle's time zone, the
// fee in euros, and one block with the sessions, the place or online link, the organizer, the
// speaker and the cost.
import { Fragment, type ReactNode } from "react";
import { Link, Section, Text } from "@react-email/components";
import { z } from "zod";
import {
  calendarDayMonthYearText,
  dayMonthYearText,
  euro,
  longDayText,
  longDayTimeText,
  longSessionText,
} from "../../app/utils/format";
import { absoluteUrl } from "../../app/utils/links";

const colors = { brand: "#125d56", text: "#0f172a", muted: "#475569", border: "#e2e8f0", box: "#f8fafc" };

// A timestamptz as jsonb_build_object writes it ("2026-12-03T09:00:00+01:00").
const instant = z.coerce.date();

export const TrainingSessionSchema = z.object({
  position: z.number().int().min(1),
  startsAt: instant,
  endsAt: instant,
});

/** private.training_mail_props(training): on every training mail. */
export const TrainingMailPropsSchema = z.object({
  trainingId: z.string().uuid(),
  trainingTitle: z.string().min(1),
  // The training's page; only ever this shape, so a mail can't link anywhere else.
  path: z.string().regex(/^\/fortbildungen\/[0-9a-f-]{36}$/, "kein Link auf eine Fortbildung"),
  organizerName: z.string().min(1),
  organizerEmail: z.string().nullish(),
  speaker: z.string().nullish(),
  audience: z.string().nullish(),
  feeCents: z.number().int().min(0),
  startsAt: instant,
  endsAt: instant,
  cancellationDeadline: instant.nullish(),
  place: z.string().nullish(),
  gemeinde: z.string().nullish(),
  onlineUrl: z.string().nullish(),
  icsUid: z.string().min(1),
  sessions: z.array(TrainingSessionSchema).min(1),
});

/** private.tell_registration(registration, event): the registration and who it is for. */
export const RegistrationMailPropsSchema = TrainingMailPropsSchema.extend({
  registrationId: z.string().uuid(),
  /** The recipient: the participant, or for client seats the staff member who booked them. */
  name: z.string().nullish(),
  participantName: z.string().nullish(),
  orgName: z.string().nullish(),
  seats: z.number().int().min(1),
  clientSeats: z.boolean(),
});

export type TrainingMailProps = z.infer<typeof TrainingMailPropsSchema> & { appUrl: string };
export type RegistrationMailProps = z.infer<typeof RegistrationMailPropsSchema> & { appUrl: string };

// The mails' way of saying days and times, from the one format module (app/utils/format.ts).
/** "Donnerstag, 3. Dezember 2026" */
export const formatDay = (value: Date): string => longDayText(value);
/** "3. Dezember 2026" */
export const formatShortDay = (value: Date): string => dayMonthYearText(value);
/** "Donnerstag, 3. Dezember 2026, 14:30 Uhr" */
export const formatDayTime = (value: Date): string => longDayTimeText(value);
/** "Donnerstag, 3. Dezember 2026, 09:00–12:00 Uhr"; over midnight with both days. */
export const formatSession = (startsAt: Date, endsAt: Date): string => longSessionText(startsAt, endsAt);
/** "45,00 €" */
export const formatEuro = (cents: number): string => euro(cents);
/** A date column (go/no-go) arrives as "2026-12-01": a calendar day, not an instant. */
export const formatCalendarDay = (day: string): string => calendarDayMonthYearText(day);

export function trainingUrl(props: { appUrl: string; path: string }): string {
  return absoluteUrl(props.appUrl, props.path);
}

/** "Ihr Platz", or "die 2 Plätze für Klient:innen von KIZ Niederrhein". */
export function whatIsBooked(props: Pick<RegistrationMailProps, "clientSeats" | "seats" | "orgName">): string {
  if (!props.clientSeats) return "Ihr Platz";
  const seats = props.seats === 1 ? "der Platz" : `die ${props.seats} Plätze`;
  return `${seats} für Klient:innen${props.orgName ? ` von ${props.orgName}` : ""}`;
}

/** "ist" or "sind", to go with whatIsBooked. */
export function isOrAre(props: Pick<RegistrationMailProps, "clientSeats" | "seats">): string {
  return props.clientSeats && props.seats > 1 ? "sind" : "ist";
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text style={{ color: colors.text, fontSize: "15px", lineHeight: "1.5", margin: "0 0 12px" }}>
      <strong>{label}</strong>
      <br />
      {children}
    </Text>
  );
}

const linkStyle = { color: colors.brand, wordBreak: "break-all" as const };

/**
 * The facts of a training, in a light box: sessions, place / online link, organizer, speaker,
 * cost (per seat, and in total when several seats are booked).
 */
export function TrainingDetails({
  props,
  seats,
  hideCost = false,
}: {
  props: Omit<TrainingMailProps, "appUrl">;
  seats?: number;
  hideCost?: boolean;
}) {
  const sessions = [...props.sessions].sort((a, b) => a.position - b.position);
  const place = props.place?.trim();
  const gemeinde = props.gemeinde?.trim();
  const online = props.onlineUrl?.trim();
  const speaker = props.speaker?.trim();
  const fee =
    props.feeCents === 0
      ? "kostenfrei"
      : seats && seats > 1
        ? `${formatEuro(props.feeCents)} je Platz, für ${seats} Plätze ${formatEuro(props.feeCents * seats)}`
        : `${formatEuro(props.feeCents)} je Platz`;
  return (
    <Section
      style={{
        backgroundColor: colors.box,
        border: `1px solid ${colors.border}`,
        borderRadius: "8px",
        margin: "0 0 16px",
        padding: "16px 16px 4px",
      }}
    >
      <Row label={sessions.length === 1 ? "Termin" : `${sessions.length} Termine`}>
        {sessions.map((s, i) => (
          <Fragment key={s.position}>
            {i > 0 ? <br /> : null}
            {formatSession(s.startsAt, s.endsAt)}
          </Fragment>
        ))}
      </Row>
      {place ? (
        <Row label="Ort">
          {place}
          {gemeinde && !place.toLowerCase().includes(gemeinde.toLowerCase()) ? ` (${gemeinde})` : null}
        </Row>
      ) : null}
      {online ? (
        <Row label="Online">
          {/^https?:\/\//i.test(online) ? (
            <Link href={online} style={linkStyle}>
              {online}
            </Link>
          ) : (
            online
          )}
        </Row>
      ) : null}
      <Row label="Veranstalter">
        {props.organizerName}
        {props.organizerEmail?.trim() ? (
          <>
            {" · "}
            <Link href={`mailto:${props.organizerEmail.trim()}`} style={linkStyle}>
              {props.organizerEmail.trim()}
            </Link>
          </>
        ) : null}
      </Row>
      {speaker ? <Row label="Referent:in">{speaker}</Row> : null}
      {hideCost ? null : <Row label="Kosten">{fee}</Row>}
    </Section>
  );
}

/** Shared sample props for the templates' previews and the tests. */
export const samplePreviewProps = {
  trainingId: "6f1c1c3e-1b7a-4c55-9a51-3f0c2f6e7a10",
  trainingTitle: "Deeskalation im Alltag",
  path: "/fortbildungen/6f1c1c3e-1b7a-4c55-9a51-3f0c2f6e7a10",
  organizerName: "KIZ Niederrhein",
  organizerEmail: "fortbildung@kiz-niederrhein.example",
  speaker: "Dr. Miriam Hoffmann",
  audience: "fachkraefte",
  feeCents: 4500,
  startsAt: new Date("2026-12-03T08:00:00Z"),
  endsAt: new Date("2026-12-04T11:00:00Z"),
  cancellationDeadline: new Date("2026-11-30T22:59:00Z"),
  place: "Bildungshaus, Am Markt 1, 46483 Wesel",
  gemeinde: "Wesel",
  onlineUrl: null,
  icsUid: "training-6f1c1c3e-1b7a-4c55-9a51-3f0c2f6e7a10@traegerkreis",
  sessions: [
    { position: 1, startsAt: new Date("2026-12-03T08:00:00Z"), endsAt: new Date("2026-12-03T11:00:00Z") },
    { position: 2, startsAt: new Date("2026-12-04T08:00:00Z"), endsAt: new Date("2026-12-04T11:00:00Z") },
  ],
  appUrl: "http://localhost:3000",
} satisfies TrainingMailProps;

export const sampleRegistrationProps = {
  ...samplePreviewProps,
  registrationId: "0b5d7f0e-8d0e-4a43-8a43-0c4b8f1d2e33",
  name: "Anna Berger",
  participantName: "Anna Berger",
  orgName: "Du & Ich e. V.",
  seats: 1,
  clientSeats: false,
} satisfies RegistrationMailProps;
