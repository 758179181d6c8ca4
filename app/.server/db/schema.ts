// Kysely types of the tables the app queries. Kept by hand next to the migrations; the
// typecheck catches a query against a column that does not exist here.
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { CalendarTables } from "./schema-calendar";
import type { MeetingTables } from "./schema-meetings";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
// Kysely's Generated<T> does not unwrap a ColumnType, so defaulted timestamps get their own type.
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrgRole = "owner" | "admin" | "coordinator" | "member";
export type OrgKind = "freier_traeger" | "jugendamt" | "schule" | "beratungsstelle" | "sonstige";
export type LegalForm =
  | "e_v"
  | "ggmbh"
  | "gmbh"
  | "ug"
  | "stiftung"
  | "gbr"
  | "einzelunternehmen"
  | "koerperschaft_oer"
  | "sonstige";

export interface HilfeartTable {
  code: string;
  paragraph: string;
  label: string;
  sort_order: number;
}

export interface GemeindeTable {
  code: string;
  name: string;
  kreis: string;
  sort_order: number;
}

export interface NetworkTable {
  id: Generated<string>;
  slug: string;
  name: string;
  region: Generated<string>;
  description: Generated<string>;
  public_page: Generated<boolean>;
  /** Maximum age of the erweitertes Führungszeugnis in years (1–5, issue 12). */
  fuehrungszeugnis_max_years: Generated<number>;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrganizationTable {
  id: Generated<string>;
  /** Full-text search (German), kept by a trigger (20261206140400_search_traeger.sql); never written. */
  search_vector: ColumnType<string, never, never>;
  slug: string;
  name: string;
  kind: Generated<OrgKind>;
  legal_form: LegalForm | null;
  leitbild: Generated<string>;
  hilfearten: Generated<string[]>;
  gemeinden: Generated<string[]>;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NetworkMemberTable {
  network_id: string;
  org_id: string;
  role: Generated<"member" | "coordinator">;
  status: Generated<"active" | "suspended">;
  joined_at: CreatedAt;
}

export interface OrgMemberTable {
  org_id: string;
  user_id: string;
  role: Generated<OrgRole>;
  is_contact_person: Generated<boolean>;
  contact_title: string | null;
  created_at: CreatedAt;
}

export interface ProfileTable {
  user_id: string;
  full_name: string;
  email: string;
  phone: string | null;
  qualifications: Generated<string>;
  languages: Generated<string[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface InvitationTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  role: OrgRole;
  token_hash: string;
  expires_at: Timestamp;
  invited_by: string | null;
  created_at: CreatedAt;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
}

export interface JoinRequestTable {
  id: Generated<string>;
  network_id: string;
  org_name: string;
  contact_name: string;
  email: string;
  phone: string | null;
  message: Generated<string>;
  status: Generated<"open" | "admitted" | "declined">;
  decision_message: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  org_id: string | null;
  created_at: CreatedAt;
  /** The applicant's existing Träger (request_circle_membership); null: a new Träger. */
  applicant_org_id: string | null;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  created_at: CreatedAt;
  actor_id: string | null;
  org_id: string | null;
  network_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Generated<Record<string, unknown>>;
}

export interface OutboxTable {
  id: Generated<string>;
  kind: "mail";
  payload: { template: string; to: string; props: Record<string, unknown> };
  status: Generated<"pending" | "sent" | "failed">;
  attempts: Generated<number>;
  run_after: UpdatedAt;
  last_error: string | null;
  created_at: CreatedAt;
  processed_at: Timestamp | null;
}

export interface AuthUserTable {
  id: Generated<string>;
  email: string;
  encrypted_password: string | null;
  email_confirmed_at: Timestamp | null;
  confirmation_sent_at: Timestamp | null;
  recovery_sent_at: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  raw_user_meta_data: Generated<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  banned_until: Timestamp | null;
  deleted_at: Timestamp | null;
}

export interface AuthSessionTable {
  id: Generated<string>;
  user_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  not_after: Timestamp;
  user_agent: string | null;
  ip: string | null;
}

export interface AuthOneTimeTokenTable {
  id: Generated<string>;
  user_id: string;
  token_type: "confirmation_token" | "recovery_token";
  token_hash: string;
  relates_to: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuthSignInAttemptTable {
  id: Generated<string>;
  email: string;
  ip: string;
  succeeded: boolean;
  created_at: CreatedAt;
}

// Gemeinsame Fortbildungen (supabase/migrations/20261127100000_create_trainings.sql and
// 20261127100100_create_training_registrations.sql). Seats change only through the SQL functions
// (register_for_training, …); counters on trainings are kept by them.
export type TrainingAudience = "fachkraefte" | "leitungen" | "jugendliche" | "eltern" | "gemischt";
export type TrainingStatus = "draft" | "published" | "cancelled" | "held";
export type TrainingRegistrationStatus =
  | "pending_approval"
  | "confirmed"
  | "waitlisted"
  | "offered"
  | "declined"
  | "cancelled"
  | "attended"
  | "no_show";
export type TrainingApprovalState = "not_required" | "pending" | "approved" | "rejected";
export type TrainingClosedReason =
  | "cancelled"
  | "removed_by_organizer"
  | "offer_declined"
  | "offer_expired"
  | "approval_rejected"
  | "training_cancelled"
  | "training_held";
/** Written only by the seat functions and triggers: readable, never inserted or updated by the app. */
type SystemColumn<T> = ColumnType<T, never, never>;

export interface TrainingTopicTable {
  code: string;
  label: string;
  sort_order: number;
}

export interface TrainingTable {
  id: Generated<string>;
  network_id: string;
  org_id: string;
  created_by: SystemColumn<string | null>;
  title: string;
  description: Generated<string>;
  topic: string;
  audience: TrainingAudience;
  speaker: Generated<string>;
  place: string | null;
  gemeinde: string | null;
  online_url: string | null;
  capacity: number;
  min_participants: number | null;
  /** A date (no time); the go/no-go check runs on that day (Europe/Berlin). */
  go_no_go_date: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  fee_cents: Generated<number>;
  registration_deadline: Timestamp | null;
  cancellation_deadline: Timestamp | null;
  needs_organizer_approval: Generated<boolean>;
  needs_org_approval: Generated<boolean>;
  default_contingent: number | null;
  contingent_release_at: Timestamp | null;
  offer_hours: Generated<number>;
  /** Unterrichtseinheiten for the certificate (numeric: read as string); null = from the sessions. */
  teaching_units: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  status: SystemColumn<TrainingStatus>;
  /** First session start / last session end (set_training_sessions). */
  starts_at: SystemColumn<Date | null>;
  ends_at: SystemColumn<Date | null>;
  seats_confirmed: SystemColumn<number>;
  seats_pending: SystemColumn<number>;
  seats_offered: SystemColumn<number>;
  /** confirmed + pending + offered; free seats = capacity - seats_taken. */
  seats_taken: SystemColumn<number>;
  waitlist_count: SystemColumn<number>;
  waitlist_seats: SystemColumn<number>;
  published_at: SystemColumn<Date | null>;
  cancelled_at: SystemColumn<Date | null>;
  cancel_reason: SystemColumn<string | null>;
  held_at: SystemColumn<Date | null>;
  go_no_go_checked_at: SystemColumn<Date | null>;
  go_no_go_below_minimum: SystemColumn<boolean | null>;
  reminders_sent_at: SystemColumn<Date | null>;
  contingent_released_at: SystemColumn<Date | null>;
  created_at: CreatedAt;
  updated_at: SystemColumn<Date>;
}

export interface TrainingCoOrganizerTable {
  training_id: string;
  org_id: string;
  created_at: CreatedAt;
}

export interface TrainingSessionTable {
  id: Generated<string>;
  training_id: string;
  position: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export interface TrainingContingentTable {
  training_id: string;
  org_id: string;
  max_seats: number;
  created_at: CreatedAt;
  updated_at: SystemColumn<Date>;
}

export interface TrainingRegistrationTable {
  id: SystemColumn<string>;
  training_id: SystemColumn<string>;
  org_id: SystemColumn<string>;
  /** null: anonymous client seats (no personal data). */
  user_id: SystemColumn<string | null>;
  /** Snapshot of the person's name for the organizers; null for client seats. */
  participant_name: SystemColumn<string | null>;
  seats: SystemColumn<number>;
  status: SystemColumn<TrainingRegistrationStatus>;
  /** Arrival order, taken under the training's lock (bigint, as a string). */
  arrival_no: SystemColumn<string>;
  registered_at: SystemColumn<Date>;
  /** 1..n while waitlisted, else null. */
  waitlist_position: SystemColumn<number | null>;
  offered_at: SystemColumn<Date | null>;
  offer_expires_at: SystemColumn<Date | null>;
  org_approval: SystemColumn<TrainingApprovalState>;
  org_decided_by: SystemColumn<string | null>;
  org_decided_at: SystemColumn<Date | null>;
  organizer_approval: SystemColumn<TrainingApprovalState>;
  organizer_decided_by: SystemColumn<string | null>;
  organizer_decided_at: SystemColumn<Date | null>;
  registered_by: SystemColumn<string | null>;
  confirmed_at: SystemColumn<Date | null>;
  closed_at: SystemColumn<Date | null>;
  closed_by: SystemColumn<string | null>;
  closed_reason: SystemColumn<TrainingClosedReason | null>;
  created_at: SystemColumn<Date>;
  updated_at: SystemColumn<Date>;
}

export interface TrainingQueueMoveTable {
  id: SystemColumn<string>;
  training_id: SystemColumn<string>;
  registration_id: SystemColumn<string>;
  from_position: SystemColumn<number>;
  to_position: SystemColumn<number>;
  reason: SystemColumn<string>;
  moved_by: SystemColumn<string | null>;
  moved_at: SystemColumn<Date>;
}

export interface TrainingAttendanceTable {
  registration_id: SystemColumn<string>;
  session_id: SystemColumn<string>;
  present_seats: SystemColumn<number>;
  recorded_by: SystemColumn<string | null>;
  recorded_at: SystemColumn<Date>;
}

// Vertretungsbörse (supabase/migrations/20261126100*_…cover…). numeric comes back as a string
// on both drivers ("12.50"), date as a Date at UTC midnight; pass dates as "YYYY-MM-DD".
export type CoverUrgency = "notfall" | "dringend" | "planbar";
export type CoverKind = "vertretung" | "krisenintervention" | "umgangsbegleitung" | "uebernahme";
export type CoverRequestStatus = "draft" | "open" | "filled" | "cancelled" | "expired" | "completed";
export type CoverOfferStatus = "offered" | "accepted" | "declined" | "withdrawn";
export type CoverGenderRequirement = "weiblich" | "maennlich" | "divers";
export type CoverAddressing = "circle" | "addressed";
/** Written only by the cover functions and triggers: readable, never inserted or updated by the app. */
type CoverSystem<T> = ColumnType<T, never, never>;
type CoverDate = ColumnType<Date, Date | string, Date | string>;
/** numeric: read as a string, written as a number or string. */
type CoverHours = ColumnType<string, number | string, number | string>;

export interface CoverRequestTable {
  id: Generated<string>;
  network_id: ColumnType<string, string, never>;
  org_id: ColumnType<string, string, never>;
  status: CoverSystem<CoverRequestStatus>;
  urgency: CoverUrgency;
  urgency_rank: CoverSystem<number>;
  hilfeart: string;
  gemeinde: string;
  sozialraum: string | null;
  period_from: CoverDate;
  period_to: CoverDate;
  hours_per_week: CoverHours;
  kind: CoverKind;
  qualification: Generated<string>;
  languages: Generated<string[]>;
  needs_driving_licence: Generated<boolean>;
  needs_car: Generated<boolean>;
  gender_requirement: CoverGenderRequirement | null;
  gender_reason: string | null;
  description: string;
  no_sozialdaten_confirmed: Generated<boolean>;
  no_sozialdaten_confirmed_at: CoverSystem<Date | null>;
  addressing: Generated<CoverAddressing>;
  /** Until then only the addressed Träger see it (addressing 'addressed'); null for 'circle'. */
  widen_at: Timestamp | null;
  /** Step 2 of three-step escalation: from then also the partner Träger (issue 12). */
  partners_at: Timestamp | null;
  /** Offers must name a staff member with a Fachkraft qualification (§ 72 SGB VIII). */
  requires_fachkraft: Generated<boolean>;
  widened_at: CoverSystem<Date | null>;
  /** Sum of accepted hours: the fill status the circle sees ("12 von 20 Std./Woche zugesagt"). */
  covered_hours: CoverSystem<string>;
  cancelled_at: CoverSystem<Date | null>;
  published_at: CoverSystem<Date | null>;
  filled_at: CoverSystem<Date | null>;
  closed_at: CoverSystem<Date | null>;
  created_at: CoverSystem<Date>;
  updated_at: CoverSystem<Date>;
}

/**
 * What only the requesting Träger may read of a request (RLS hides rows, not columns; see
 * docs/decisions/007-cover-private-columns.md). One row per request, created with it by a trigger:
 * the app only updates the case reference of a draft.
 */
export interface CoverRequestInternalsTable {
  request_id: ColumnType<string, never, never>;
  org_id: CoverSystem<string>;
  /** Pseudonymous, chosen by the requester ("F-2026-014"). */
  case_reference: ColumnType<string | null, never, string | null>;
  created_by: CoverSystem<string | null>;
  no_sozialdaten_confirmed_by: CoverSystem<string | null>;
  cancel_reason: CoverSystem<string | null>;
  cancelled_by: CoverSystem<string | null>;
  updated_at: CoverSystem<Date>;
}

/** A Träger's favourite partner Träger (first step of three-step escalation, issue 12). */
export interface CoverFavouriteTable {
  org_id: ColumnType<string, string, never>;
  favourite_org_id: ColumnType<string, string, never>;
  created_by: ColumnType<string | null, never, never>;
  created_at: ColumnType<Date, never, never>;
}

export interface CoverRequestRecipientTable {
  request_id: ColumnType<string, string, never>;
  org_id: ColumnType<string, string, never>;
  request_org_id: CoverSystem<string>;
  created_at: CoverSystem<Date>;
}

export interface CoverOfferTable {
  id: CoverSystem<string>;
  request_id: CoverSystem<string>;
  request_org_id: CoverSystem<string>;
  org_id: CoverSystem<string>;
  created_by: CoverSystem<string | null>;
  status: CoverSystem<CoverOfferStatus>;
  hours_per_week: CoverSystem<string>;
  accepted_hours: CoverSystem<string | null>;
  available_from: CoverSystem<Date>;
  qualification: CoverSystem<string>;
  languages: CoverSystem<string[]>;
  message: CoverSystem<string>;
  decline_message: CoverSystem<string | null>;
  decided_by: CoverSystem<string | null>;
  decided_at: CoverSystem<Date | null>;
  withdrawn_at: CoverSystem<Date | null>;
  created_at: CoverSystem<Date>;
  updated_at: CoverSystem<Date>;
}

export interface CoverHandoverNoteTable {
  request_id: ColumnType<string, string, never>;
  org_id: CoverSystem<string>;
  notes: string;
  updated_by: CoverSystem<string | null>;
  created_at: CoverSystem<Date>;
  updated_at: CoverSystem<Date>;
}

export interface CoverContactTable {
  request_id: CoverSystem<string>;
  org_id: CoverSystem<string>;
  side: CoverSystem<"requester" | "offerer">;
  user_id: CoverSystem<string>;
  updated_at: CoverSystem<Date>;
}

export interface CoverLedgerTable {
  offer_id: CoverSystem<string>;
  request_id: CoverSystem<string>;
  network_id: CoverSystem<string>;
  giver_org_id: CoverSystem<string>;
  taker_org_id: CoverSystem<string>;
  hours_per_week: CoverSystem<string>;
  period_from: CoverSystem<Date>;
  period_to: CoverSystem<Date>;
  planned_hours: CoverSystem<string>;
  actual_hours: CoverSystem<string | null>;
  completed_at: CoverSystem<Date | null>;
  completed_by: CoverSystem<string | null>;
  /** "gelegentlich, § 1 Abs. 3 Nr. 2a AÜG" */
  aueg_note: CoverSystem<string>;
  /** The cooperation agreement the cover rests on, as text; coordinators of either Träger set it. */
  agreement_reference: ColumnType<string | null, never, string | null>;
  created_at: CoverSystem<Date>;
}

export interface CoverLedgerMonthTable {
  offer_id: CoverSystem<string>;
  /** First day of the month. */
  month: CoverSystem<Date>;
  giver_org_id: CoverSystem<string>;
  taker_org_id: CoverSystem<string>;
  planned_hours: CoverSystem<string>;
  actual_hours: CoverSystem<string | null>;
}

export interface CoverAlertPreferenceTable {
  user_id: ColumnType<string, string, never>;
  urgencies: Generated<CoverUrgency[]>;
  /** Empty: every Gemeinde the user's Träger serves. */
  gemeinden: Generated<string[]>;
  /** Empty: every Hilfeart the user's Träger serves. */
  hilfearten: Generated<string[]>;
  notfall_only: Generated<boolean>;
  email_enabled: Generated<boolean>;
  created_at: CoverSystem<Date>;
  updated_at: CoverSystem<Date>;
}

// Sozialdaten: texts hidden after a report (supabase/migrations/20261206120100_create_sozialdaten_hides.sql).
// Written only by report_sozialdaten / revise_hidden_text.
export type SozialdatenSubjectType =
  | "cover_request"
  | "cover_offer"
  | "training"
  | "meeting"
  | "agenda_item"
  | "minutes"
  | "project"
  | "project_update";
export interface SozialdatenHideTable {
  id: ColumnType<string, never, never>;
  subject_type: ColumnType<SozialdatenSubjectType, never, never>;
  subject_id: ColumnType<string, never, never>;
  org_id: ColumnType<string, never, never>;
  network_id: ColumnType<string | null, never, never>;
  source: ColumnType<"report" | "coordinator" | "screen", never, never>;
  note: ColumnType<string | null, never, never>;
  kinds: ColumnType<string[], never, never>;
  reported_by: ColumnType<string | null, never, never>;
  reported_by_org: ColumnType<string | null, never, never>;
  created_at: ColumnType<Date, never, never>;
  released_at: ColumnType<Date | null, never, never>;
  released_by: ColumnType<string | null, never, never>;
}

export interface DB extends MeetingTables, CalendarTables {
  hilfearten: HilfeartTable;
  gemeinden: GemeindeTable;
  networks: NetworkTable;
  organizations: OrganizationTable;
  network_members: NetworkMemberTable;
  org_members: OrgMemberTable;
  profiles: ProfileTable;
  invitations: InvitationTable;
  join_requests: JoinRequestTable;
  notifications: NotificationTable;
  audit_log: AuditLogTable;
  training_topics: TrainingTopicTable;
  trainings: TrainingTable;
  training_co_organizers: TrainingCoOrganizerTable;
  training_sessions: TrainingSessionTable;
  training_contingents: TrainingContingentTable;
  training_registrations: TrainingRegistrationTable;
  training_queue_moves: TrainingQueueMoveTable;
  training_attendance: TrainingAttendanceTable;
  cover_requests: CoverRequestTable;
  cover_request_internals: CoverRequestInternalsTable;
  cover_request_recipients: CoverRequestRecipientTable;
  cover_favourites: CoverFavouriteTable;
  cover_offers: CoverOfferTable;
  cover_handover_notes: CoverHandoverNoteTable;
  cover_contacts: CoverContactTable;
  cover_ledger: CoverLedgerTable;
  cover_ledger_months: CoverLedgerMonthTable;
  cover_alert_preferences: CoverAlertPreferenceTable;
  sozialdaten_hides: SozialdatenHideTable;
  "private.outbox": OutboxTable;
  "auth.users": AuthUserTable;
  "auth.sessions": AuthSessionTable;
  "auth.one_time_tokens": AuthOneTimeTokenTable;
  "auth.sign_in_attempts": AuthSignInAttemptTable;
}

export type Organization = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type Profile = Selectable<ProfileTable>;
export type Training = Selectable<TrainingTable>;
export type NewTraining = Insertable<TrainingTable>;
export type TrainingRegistration = Selectable<TrainingRegistrationTable>;
export type CoverRequest = Selectable<CoverRequestTable>;
export type NewCoverRequest = Insertable<CoverRequestTable>;
export type CoverOffer = Selectable<CoverOfferTable>;
export type CoverLedgerRow = Selectable<CoverLedgerTable>;
