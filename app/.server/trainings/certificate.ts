// The Teilnahmebescheinigung: a one-page PDF (A4) for a person who attended at least one session,
// with participant, Träger, training, the sessions attended, hours (sum of the attended sessions'
// durations) and Unterrichtseinheiten, organizer and place, and a signature line with the
// organising person's name. Built server-side with pdf-lib and an embedded DejaVu Sans (npm
// package dejavu-fonts-ttf, through @pdf-lib/fontkit, subset), which covers Latin Extended:
// names like Paweł, Yıldız, Doğan, Şahin are written as they are (Helvetica's WinAnsi
// turned ł into l). A character even DejaVu lacks becomes its base letter, else "?".
import fs from "node:fs";
import { createRequire } from "node:module";
import { sql } from "kysely";
// pdf-lib and fontkit are loaded on the first certificate, not with the server (issue 14: they
// are a large part of what the dev server's first start compiles and loads).
import type { PDFFont, PDFPage } from "pdf-lib";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import { readCoOrganizers, readRegistrations, readSessions, readTraining } from "./detail";
import { AUDIENCE_LABELS } from "~/i18n/trainings";
import { formatDate, hoursWithUnit, numberText, timeText, weekdayText } from "~/utils/format";

export type CertificateData = {
  participantName: string;
  orgName: string;
  title: string;
  topicLabel: string;
  speaker: string;
  organizers: string[];
  place: string | null;
  gemeindeName: string | null;
  online: boolean;
  audience: string;
  /** The sessions attended, in order. */
  sessions: Array<{ position: number; startsAt: string; endsAt: string }>;
  sessionCount: number;
  hours: number;
  /** Unterrichtseinheiten attended (the organizer's figure pro rata, else 45 minutes each). */
  teachingUnits: number;
  /** Who organised it, for the signature line (null when unknown). */
  organizerName: string | null;
  issuedAt: string;
};

/** Rounds to half units: 7.49 → 7.5, 7.2 → 7. */
const half = (n: number) => Math.round(n * 2) / 2;

/**
 * The UE a participant attended: the organizer's figure for the whole training in proportion to
 * the time attended, or, without one, the attended minutes in 45-minute units.
 */
export function teachingUnitsFor(attendedMinutes: number, totalMinutes: number, configured: number | null): number {
  if (configured !== null && totalMinutes > 0) return half((configured * attendedMinutes) / totalMinutes);
  return half(attendedMinutes / 45);
}

/**
 * What the certificate says, or null when the user has none for this training: only the person
 * themselves, with a confirmed (or attended) registration and at least one session attended.
 */
export async function certificateData(user: SessionUser, trainingId: string, now = new Date()): Promise<CertificateData | null> {
  return asUserReadOnly(user, async (tx) => {
    const training = await readTraining(tx, trainingId);
    if (!training || (training.status !== "published" && training.status !== "held")) return null;
    const registrations = await readRegistrations(tx, trainingId, user.id);
    const mine = registrations.find((r) => r.userId === user.id && (r.status === "confirmed" || r.status === "attended"));
    if (!mine) return null;
    const sessions = await readSessions(tx, trainingId);
    const attended = sessions.filter((s) => (mine.attendance[s.id] ?? 0) > 0);
    if (attended.length === 0) return null;
    const coOrganizers = await readCoOrganizers(tx, trainingId);
    const minutes = (list: typeof sessions) =>
      list.reduce((sum, s) => sum + (new Date(s.endsAt).getTime() - new Date(s.startsAt).getTime()) / 60_000, 0);
    const hours = minutes(attended) / 60;
    const organizer = await sql<{ name: string | null }>`select public.training_organizer_name(${trainingId}) as name`.execute(tx);
    return {
      participantName: mine.participantName ?? user.fullName,
      orgName: mine.orgName,
      title: training.title,
      topicLabel: training.topicLabel,
      speaker: training.speaker,
      organizers: [training.orgName, ...coOrganizers.map((c) => c.name)],
      place: training.place,
      gemeindeName: training.gemeindeName,
      online: training.onlineUrl !== null,
      audience: AUDIENCE_LABELS[training.audience],
      sessions: attended.map((s) => ({ position: s.position, startsAt: s.startsAt, endsAt: s.endsAt })),
      sessionCount: sessions.length,
      hours: Math.round(hours * 100) / 100,
      teachingUnits: teachingUnitsFor(minutes(attended), minutes(sessions), training.teachingUnits),
      organizerName: organizer.rows[0]?.name ?? null,
      issuedAt: now.toISOString(),
    };
  });
}

/** Text the font can encode: unknown characters become their base letter (ł → l), else "?". */
export function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  const special: Record<string, string> = { ł: "l", Ł: "L", ı: "i", đ: "d", Đ: "D", "\u00a0": " " };
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (supported.has(code)) {
      out += char;
      continue;
    }
    const mapped = special[char] ?? char.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out += [...mapped].every((c) => supported.has(c.codePointAt(0)!)) && mapped ? mapped : "?";
  }
  return out;
}

/**
 * Splits text into lines no wider than `width` at this size: at line breaks, then at spaces (long
 * words stay whole). Each line is made encodable (a line break itself is not in WinAnsi).
 */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n").map((p) => encodable(font, p))) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

const require = createRequire(import.meta.url);
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;

/** DejaVu Sans from the pinned npm package, read once. */
function dejaVu() {
  fontBytes ??= {
    regular: fs.readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: fs.readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return fontBytes;
}

export function unitsText(units: number): string {
  return `${numberText(units, 1)} ${units === 1 ? "Unterrichtseinheit" : "Unterrichtseinheiten"}`;
}

/** "1 Stunde", "2,5 Stunden". */
export const hoursText = hoursWithUnit;

/** The PDF bytes. */
export async function certificatePdf(data: CertificateData): Promise<Uint8Array> {
  const [{ PDFDocument, rgb }, { default: fontkit }] = await Promise.all([import("pdf-lib"), import("@pdf-lib/fontkit")]);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Teilnahmebescheinigung – ${data.title}`);
  pdf.setAuthor(data.organizers[0] ?? "Trägerkreis");
  pdf.setSubject(`Teilnahmebescheinigung für ${data.participantName}`);
  pdf.setCreator("Trägerkreis");
  pdf.setLanguage("de-DE");
  const page = pdf.addPage([595.28, 841.89]);
  pdf.registerFontkit(fontkit);
  const fonts = dejaVu();
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  const margin = 64;
  const width = page.getWidth() - 2 * margin;
  const ink = rgb(0.09, 0.12, 0.18);
  const muted = rgb(0.36, 0.4, 0.47);
  const brand = rgb(0.06, 0.37, 0.42);
  let y = page.getHeight() - margin;

  const write = (p: PDFPage, text: string, options: { font?: PDFFont; size?: number; color?: typeof ink; gap?: number; center?: boolean } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 11;
    for (const line of wrap(font, text, size, width)) {
      const x = options.center ? margin + (width - font.widthOfTextAtSize(line, size)) / 2 : margin;
      p.drawText(line, { x, y: y - size, size, font, color: options.color ?? ink });
      y -= size * 1.35;
    }
    y -= options.gap ?? 0;
  };

  write(page, data.organizers.join(" · "), { size: 10, color: muted, gap: 36 });
  write(page, "Teilnahmebescheinigung", { font: bold, size: 26, color: brand, gap: 28, center: true });
  write(page, "Hiermit wird bestätigt, dass", { center: true, gap: 10 });
  write(page, data.participantName, { font: bold, size: 18, center: true, gap: 2 });
  write(page, `(${data.orgName})`, { center: true, color: muted, gap: 14 });
  write(page, "an der Fortbildung", { center: true, gap: 10 });
  write(page, `„${data.title}“`, { font: bold, size: 16, center: true, gap: 2 });
  write(page, `Thema: ${data.topicLabel}`, { center: true, color: muted, gap: 14 });
  write(page, "teilgenommen hat.", { center: true, gap: 30 });

  const label = (name: string, value: string) => {
    write(page, name, { font: bold, size: 10, color: muted, gap: 1 });
    write(page, value, { gap: 10 });
  };
  label(
    data.sessions.length === 1 ? "Termin" : "Termine",
    data.sessions
      .map(
        (s) =>
          `${weekdayText(s.startsAt)}, ${formatDate(s.startsAt)}, ${timeText(s.startsAt)}–${timeText(s.endsAt)} Uhr`,
      )
      .join("\n"),
  );
  label(
    "Umfang",
    `${hoursText(data.hours)} = ${unitsText(data.teachingUnits)}${data.sessionCount > 1 ? ` (${data.sessions.length} von ${data.sessionCount} Terminen besucht)` : ""}`,
  );
  const where = [data.place, data.gemeindeName && !data.place?.includes(data.gemeindeName) ? data.gemeindeName : null]
    .filter(Boolean)
    .join(", ");
  label("Ort", [where, data.online ? "online" : null].filter(Boolean).join(" und ") || "online");
  if (data.speaker.trim()) label("Referent:in", data.speaker.trim());
  label("Veranstaltet von", data.organizers.join(", "));

  // Signature line: place/date on the left, the organizer's signature on the right.
  y = margin + 150;
  const lineY = y;
  const column = width / 2 - 12;
  page.drawLine({ start: { x: margin, y: lineY }, end: { x: margin + column, y: lineY }, thickness: 0.6, color: muted });
  page.drawLine({ start: { x: margin + width - column, y: lineY }, end: { x: margin + width, y: lineY }, thickness: 0.6, color: muted });
  const small = 9;
  page.drawText(encodable(regular, "Ort, Datum"), { x: margin, y: lineY - 12, size: small, font: regular, color: muted });
  const signer = [data.organizerName, data.organizers[0]].filter(Boolean).join(", ");
  for (const [i, line] of wrap(regular, `Unterschrift für den Veranstalter${signer ? `: ${signer}` : ""}`, small, column).entries()) {
    page.drawText(line, { x: margin + width - column, y: lineY - 12 - i * small * 1.35, size: small, font: regular, color: muted });
  }

  y = margin + 60;
  write(page, `Ausgestellt am ${formatDate(data.issuedAt)}`, { size: 10, color: muted, gap: 2 });
  write(page, "Diese Bescheinigung wurde im Trägerkreis aus der erfassten Anwesenheit erstellt.", { size: 9, color: muted });

  return pdf.save();
}
