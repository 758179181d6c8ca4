// German labels for codes stored in the database. One place, so every screen says the same.
import type { LegalForm, OrgKind, OrgRole } from "~/.server/db/schema";

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
