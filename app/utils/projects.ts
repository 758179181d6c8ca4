// Small texts of the Gemeinsame Projekte shared by pages (server and browser).

export type ProjectStatus = "draft" | "idea" | "running" | "completed" | "abandoned";

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: "Entwurf",
  idea: "Idee",
  running: "Läuft",
  completed: "Abgeschlossen",
  abandoned: "Beendet",
};

/** "2027-07-01" → "01.07.2027". */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}.${m}.${y}`;
}

/** The period of a project: "01.07.2027 – 15.08.2027", "ab 01.07.2027", "" when open. */
export function periodText(start: string | null, end: string | null): string {
  if (start && end) return `${germanDate(start)} – ${germanDate(end)}`;
  if (start) return `ab ${germanDate(start)}`;
  if (end) return `bis ${germanDate(end)}`;
  return "";
}

/** "6–12 Jahre", "ab 6 Jahren", "bis 12 Jahre", "". */
export function ageText(from: number | null, to: number | null): string {
  if (from !== null && to !== null) return `${from}–${to} Jahre`;
  if (from !== null) return `ab ${from} Jahren`;
  if (to !== null) return `bis ${to} Jahre`;
  return "";
}
