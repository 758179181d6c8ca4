// German labels for codes stored in the database. One place, so every screen says the same.
// The codes a form offers are listed here too (not in app/validation/orgs.ts, which uses them):
// a page shows them without loading zod.
import type { LegalForm, OrgKind, OrgRole } from "~/.server/db/schema";

export const ORG_KINDS = ["freier_traeger", "jugendamt", "schule", "beratungsstelle", "sonstige"] as const satisfies
  readonly OrgKind[];
export const LEGAL_FORMS = [
  "e_v",
  "ggmbh",
  "gmbh",
  "ug",
  "stiftung",
  "gbr",
  "einzelunternehmen",
  "koerperschaft_oer",
  "sonstige",
] as const satisfies readonly LegalForm[];
export const ORG_ROLES = ["owner", "admin", "coordinator", "member"] as const satisfies readonly OrgRole[];

export const LEITBILD_MAX = 5000;

export const ROLE_LABELS: Record<OrgRole, string> = {
  owner: "Inhaber:in",
  admin: "Administrator:in",
  coordinator: "Koordinator:in",
  member: "Mitglied",
};

export const ROLE_DESCRIPTIONS: Record<OrgRole, string> = {
  owner: "Volle Rechte, kann weitere Inhaber:innen ernennen.",
  admin: "Pflegt das Profil, lädt Kolleg:innen ein und vergibt Rollen.",
  coordinator: "Stellt Anfragen und Angebote für den Träger ein.",
  member: "Liest mit und meldet sich selbst an.",
};

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  freier_traeger: "Freier Träger",
  jugendamt: "Jugendamt",
  schule: "Schule",
  beratungsstelle: "Beratungsstelle",
  sonstige: "Sonstige Einrichtung",
};

export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  e_v: "e. V.",
  ggmbh: "gGmbH",
  gmbh: "GmbH",
  ug: "UG (haftungsbeschränkt)",
  stiftung: "Stiftung",
  gbr: "GbR",
  einzelunternehmen: "Einzelunternehmen",
  koerperschaft_oer: "Körperschaft des öffentlichen Rechts",
  sonstige: "Sonstige",
};

/** The choices of the Träger forms (new, settings): kind, and legal form with "none given". */
export const ORG_KIND_OPTIONS = ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));
export const LEGAL_FORM_OPTIONS = [
  { value: "", label: "Keine Angabe" },
  ...LEGAL_FORMS.map((l) => ({ value: l, label: LEGAL_FORM_LABELS[l] })),
];

/** The Fachkraft qualifications of the staff list (/traeger/:slug/personal). */
export const QUALIFICATIONS = {
  sozialarbeit: "Sozialarbeiter:in (B.A./Diplom)",
  sozialpaedagogik: "Sozialpädagog:in (B.A./Diplom)",
  erziehung: "Erzieher:in",
  heilpaedagogik: "Heilpädagog:in",
  kindheitspaedagogik: "Kindheitspädagog:in",
  psychologie: "Psycholog:in",
  andere: "andere Fachkraft (bitte beschreiben)",
} as const;
