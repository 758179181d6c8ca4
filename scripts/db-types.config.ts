// Overrides for scripts/db-types.ts: what pg_catalog cannot tell about a column. Everything not
// listed here (columns, their order, nullability, defaults) comes from the migrated database.
//   type:     the TypeScript column type, when it is not the derived one (string unions for
//             check-constrained text, ColumnType<…, never, …> for columns the app must never write)
//   doc:      a doc comment for the column
//   readOnly: a ColumnType<T, never, never> alias applied to every column not listed
//   before:   text placed before the table's interface (section comments, unions it uses)
// Derived: timestamptz/date → Timestamp | CreatedAt (created_at with default) | UpdatedAt (other
// defaulted); nullable → "| null"; defaulted → Generated<…>; bigint/numeric → string.
//   omit:     leave the column out (one the API roles may not read, e.g. a token's hash)
export type ColumnConfig = { type?: string; doc?: string; omit?: boolean };
export type TableConfig = {
  /** "name" for public, "schema.name" otherwise; also the key in the DB interface. */
  table: string;
  /** The interface name. */
  name: string;
  before?: string;
  doc?: string;
  readOnly?: string;
  columns?: Record<string, ColumnConfig>;
};

export const config: {
  preamble: string;
  tables: TableConfig[];
  epilogue: string;
} = {
  preamble: `import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { ProjectStatus } from "~/utils/projects";

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
`,
  tables: [
    {
      table: "hilfearten",
      name: "HilfeartTable",
    },
    {
      table: "gemeinden",
      name: "GemeindeTable",
    },
    {
      table: "networks",
      name: "NetworkTable",
    },
    {
      table: "organizations",
      name: "OrganizationTable",
      columns: {
        kind: { type: "Generated<OrgKind>" },
        legal_form: { type: "LegalForm | null" },
        search_vector: {
          type: "ColumnType<string, never, never>",
          doc: "Full-text search (German), kept by a trigger (20261125100200_create_circle_and_traeger.sql); never written.",
        },
      },
    },
    {
      table: "network_members",
      name: "NetworkMemberTable",
      columns: {
        role: { type: 'Generated<"member" | "coordinator">' },
        status: { type: 'Generated<"active" | "suspended">' },
        joined_at: { type: "CreatedAt" },
      },
    },
    {
      table: "org_members",
      name: "OrgMemberTable",
      columns: {
        role: { type: "Generated<OrgRole>" },
      },
    },
    {
      table: "profiles",
      name: "ProfileTable",
    },
    {
      table: "invitations",
      name: "InvitationTable",
      columns: {
        role: { type: "OrgRole" },
      },
    },
    {
      table: "join_requests",
      name: "JoinRequestTable",
      columns: {
        status: { type: 'Generated<"open" | "admitted" | "declined">' },
        applicant_org_id: {
          doc: "The applicant's existing Träger (request_circle_membership); null: a new Träger.",
        },
      },
    },
    {
      table: "notifications",
      name: "NotificationTable",
      columns: {
        data: {
          type: "Generated<Record<string, unknown>>",
          doc: "The facts of the notification; app/i18n/notifications.ts writes its German text from kind and data.",
        },
      },
    },
    {
      table: "audit_log",
      name: "AuditLogTable",
      columns: {
        details: { type: "Generated<Record<string, unknown>>" },
      },
    },
    {
      table: "private.outbox",
      name: "OutboxTable",
      columns: {
        kind: { type: '"mail" | "push"' },
        payload: {
          doc: "mail: the template, the address and the template's props; push: the device and the notification's kind and public facts.",
          type: "{ template: string; to: string; props: Record<string, unknown> } | { subscriptionId: string; push: Record<string, unknown> }",
        },
        status: { type: 'Generated<"pending" | "sent" | "failed">' },
      },
    },
    {
      table: "auth.users",
      name: "AuthUserTable",
      columns: {
        email: { type: "string" },
        raw_user_meta_data: { type: "Generated<Record<string, unknown>>" },
        created_at: { type: "CreatedAt" },
        updated_at: { type: "UpdatedAt" },
      },
    },
    {
      table: "auth.sessions",
      name: "AuthSessionTable",
    },
    {
      table: "auth.one_time_tokens",
      name: "AuthOneTimeTokenTable",
      columns: {
        token_type: { type: '"confirmation_token" | "recovery_token"' },
      },
    },
    {
      table: "auth.sign_in_attempts",
      name: "AuthSignInAttemptTable",
    },
    {
      table: "training_topics",
      name: "TrainingTopicTable",
      before: `// Gemeinsame Fortbildungen (supabase/migrations/20261127100000_create_trainings.sql and
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
type SystemColumn<T> = ColumnType<T, never, never>;`,
    },
    {
      table: "trainings",
      name: "TrainingTable",
      columns: {
        created_by: { type: "SystemColumn<string | null>" },
        audience: { type: "TrainingAudience" },
        go_no_go_date: {
          type: "ColumnType<Date | null, Date | string | null | undefined, Date | string | null>",
          doc: "A date (no time); the go/no-go check runs on that day (Europe/Berlin).",
        },
        status: { type: "SystemColumn<TrainingStatus>" },
        starts_at: {
          type: "SystemColumn<Date | null>",
          doc: "First session start / last session end (set_training_sessions).",
        },
        ends_at: { type: "SystemColumn<Date | null>" },
        session_count: {
          type: "SystemColumn<number>",
          doc: "Number of sessions (kept by the training_sessions count triggers).",
        },
        seats_confirmed: { type: "SystemColumn<number>" },
        seats_pending: { type: "SystemColumn<number>" },
        seats_offered: { type: "SystemColumn<number>" },
        seats_taken: {
          type: "SystemColumn<number>",
          doc: "confirmed + pending + offered; free seats = capacity - seats_taken.",
        },
        waitlist_count: { type: "SystemColumn<number>" },
        waitlist_seats: { type: "SystemColumn<number>" },
        published_at: { type: "SystemColumn<Date | null>" },
        cancelled_at: { type: "SystemColumn<Date | null>" },
        cancel_reason: { type: "SystemColumn<string | null>" },
        held_at: { type: "SystemColumn<Date | null>" },
        go_no_go_checked_at: { type: "SystemColumn<Date | null>" },
        go_no_go_below_minimum: { type: "SystemColumn<boolean | null>" },
        reminders_sent_at: { type: "SystemColumn<Date | null>" },
        contingent_released_at: { type: "SystemColumn<Date | null>" },
        updated_at: { type: "SystemColumn<Date>" },
        teaching_units: {
          type: "ColumnType<string | null, number | string | null | undefined, number | string | null>",
          doc: "Unterrichtseinheiten for the certificate (numeric: read as string); null = from the sessions.",
        },
      },
    },
    {
      table: "training_co_organizers",
      name: "TrainingCoOrganizerTable",
    },
    {
      table: "training_sessions",
      name: "TrainingSessionTable",
    },
    {
      table: "training_contingents",
      name: "TrainingContingentTable",
      columns: {
        updated_at: { type: "SystemColumn<Date>" },
      },
    },
    {
      table: "training_registrations",
      name: "TrainingRegistrationTable",
      readOnly: "SystemColumn",
      columns: {
        user_id: { doc: "null: anonymous client seats (no personal data)." },
        participant_name: {
          doc: "Snapshot of the person's name for the organizers; null for client seats.",
        },
        status: { type: "SystemColumn<TrainingRegistrationStatus>" },
        arrival_no: {
          doc: "Arrival order, taken under the training's lock (bigint, as a string).",
        },
        waitlist_position: { doc: "1..n while waitlisted, else null." },
        org_approval: { type: "SystemColumn<TrainingApprovalState>" },
        organizer_approval: { type: "SystemColumn<TrainingApprovalState>" },
        closed_reason: { type: "SystemColumn<TrainingClosedReason | null>" },
      },
    },
    {
      table: "training_queue_moves",
      name: "TrainingQueueMoveTable",
      readOnly: "SystemColumn",
    },
    {
      table: "training_attendance",
      name: "TrainingAttendanceTable",
      readOnly: "SystemColumn",
    },
    {
      table: "cover_requests",
      name: "CoverRequestTable",
      before: `// Vertretungsbörse (supabase/migrations/20261126100*_…cover…). numeric comes back as a string
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
type CoverHours = ColumnType<string, number | string, number | string>;`,
      columns: {
        network_id: { type: "ColumnType<string, string, never>" },
        org_id: { type: "ColumnType<string, string, never>" },
        status: { type: "CoverSystem<CoverRequestStatus>" },
        urgency: { type: "CoverUrgency" },
        urgency_rank: { type: "CoverSystem<number>" },
        period_from: { type: "CoverDate" },
        period_to: { type: "CoverDate" },
        hours_per_week: { type: "CoverHours" },
        kind: { type: "CoverKind" },
        gender_requirement: { type: "CoverGenderRequirement | null" },
        no_sozialdaten_confirmed_at: { type: "CoverSystem<Date | null>" },
        addressing: { type: "Generated<CoverAddressing>" },
        widen_at: {
          doc: "Until then only the addressed Träger see it (addressing 'addressed'); null for 'circle'.",
        },
        widened_at: { type: "CoverSystem<Date | null>" },
        covered_hours: {
          type: "CoverSystem<string>",
          doc: 'Sum of accepted hours: the fill status the circle sees ("12 von 20 Std./Woche zugesagt").',
        },
        cancelled_at: { type: "CoverSystem<Date | null>" },
        published_at: { type: "CoverSystem<Date | null>" },
        filled_at: { type: "CoverSystem<Date | null>" },
        closed_at: { type: "CoverSystem<Date | null>" },
        created_at: { type: "CoverSystem<Date>" },
        updated_at: { type: "CoverSystem<Date>" },
      },
    },
    {
      table: "cover_request_internals",
      name: "CoverRequestInternalsTable",
      before: `/**
 * What only the requesting Träger may read of a request (RLS hides rows, not columns; see
 * docs/decisions/007-cover-private-columns.md). One row per request, created with it by a trigger:
 * the app only updates the case reference of a draft.
 */`,
      readOnly: "CoverSystem",
      columns: {
        request_id: { type: "ColumnType<string, never, never>" },
        case_reference: {
          type: "ColumnType<string | null, never, string | null>",
          doc: 'Pseudonymous, chosen by the requester ("F-2026-014").',
        },
      },
    },
    {
      table: "cover_request_recipients",
      name: "CoverRequestRecipientTable",
      columns: {
        request_id: { type: "ColumnType<string, string, never>" },
        org_id: { type: "ColumnType<string, string, never>" },
        request_org_id: { type: "CoverSystem<string>" },
        created_at: { type: "CoverSystem<Date>" },
      },
    },
    {
      table: "cover_offers",
      name: "CoverOfferTable",
      readOnly: "CoverSystem",
      columns: {
        status: { type: "CoverSystem<CoverOfferStatus>" },
      },
    },
    {
      table: "cover_handover_notes",
      name: "CoverHandoverNoteTable",
      readOnly: "CoverSystem",
      columns: {
        request_id: { type: "ColumnType<string, string, never>" },
        notes: { type: "string" },
      },
    },
    {
      table: "cover_contacts",
      name: "CoverContactTable",
      readOnly: "CoverSystem",
      columns: {
        side: { type: 'CoverSystem<"requester" | "offerer">' },
      },
    },
    {
      table: "cover_ledger",
      name: "CoverLedgerTable",
      readOnly: "CoverSystem",
      columns: {
        aueg_note: { doc: '"gelegentlich, § 1 Abs. 3 Nr. 2a AÜG"' },
        agreement_reference: {
          type: "ColumnType<string | null, never, string | null>",
          doc: "The cooperation agreement the cover rests on, as text; coordinators of either Träger set it.",
        },
      },
    },
    {
      table: "cover_ledger_months",
      name: "CoverLedgerMonthTable",
      readOnly: "CoverSystem",
      columns: {
        month: { doc: "First day of the month." },
      },
    },
    {
      table: "cover_favourites",
      name: "CoverFavouriteTable",
      doc: "A Träger's favourite partner Träger (first step of the three-step escalation).",
      columns: {
        org_id: { type: "ColumnType<string, string, never>" },
        favourite_org_id: { type: "ColumnType<string, string, never>" },
        created_by: { type: "ColumnType<string | null, never, never>" },
        created_at: { type: "ColumnType<Date, never, never>" },
      },
    },
    {
      table: "cover_alert_preferences",
      name: "CoverAlertPreferenceTable",
      columns: {
        user_id: { type: "ColumnType<string, string, never>" },
        urgencies: { type: "Generated<CoverUrgency[]>" },
        gemeinden: { doc: "Empty: every Gemeinde the user's Träger serves." },
        hilfearten: { doc: "Empty: every Hilfeart the user's Träger serves." },
        created_at: { type: "CoverSystem<Date>" },
        updated_at: { type: "CoverSystem<Date>" },
      },
    },
    {
      table: "sozialdaten_hides",
      name: "SozialdatenHideTable",
      before: `// Sozialdaten: texts hidden after a report (supabase/migrations/20261206120100_create_sozialdaten_hides.sql).
// Written only by report_sozialdaten / revise_hidden_text.
export type SozialdatenSubjectType =
  | "cover_request"
  | "cover_offer"
  | "training"
  | "meeting"
  | "agenda_item"
  | "minutes"
  | "project"
  | "project_update";`,
      columns: {
        id: { type: "ColumnType<string, never, never>" },
        subject_type: {
          type: "ColumnType<SozialdatenSubjectType, never, never>",
        },
        subject_id: { type: "ColumnType<string, never, never>" },
        org_id: { type: "ColumnType<string, never, never>" },
        network_id: { type: "ColumnType<string | null, never, never>" },
        source: {
          type: 'ColumnType<"report" | "coordinator" | "screen", never, never>',
        },
        note: { type: "ColumnType<string | null, never, never>" },
        kinds: { type: "ColumnType<string[], never, never>" },
        reported_by: { type: "ColumnType<string | null, never, never>" },
        reported_by_org: { type: "ColumnType<string | null, never, never>" },
        created_at: { type: "ColumnType<Date, never, never>" },
        released_at: { type: "ColumnType<Date | null, never, never>" },
        released_by: { type: "ColumnType<string | null, never, never>" },
      },
    },
    {
      table: "meetings",
      name: "MeetingTable",
      before: `// Kooperationstreffen (supabase/migrations/2026120613*). Every write goes through the SQL
// functions, so the columns are read-only here.
export type RsvpAnswer = "zusage" | "vielleicht" | "absage";
export type PollAnswer = "ja" | "wenn_noetig" | "nein";
export type MinutesStatus = "draft" | "circulated" | "approved" | "locked";
/** Written only by SQL functions and triggers: readable, never inserted or updated by the app. */
type Read<T> = ColumnType<T, never, never>;`,
      readOnly: "Read",
      columns: {
        status: { type: 'Read<"planned" | "cancelled">' },
      },
    },
    {
      table: "meeting_rsvps",
      name: "MeetingRsvpTable",
      readOnly: "Read",
      columns: {
        answer: { type: "Read<RsvpAnswer>" },
      },
    },
    {
      table: "meeting_guests",
      name: "MeetingGuestTable",
      readOnly: "Read",
      columns: {
        answer: { type: "Read<RsvpAnswer | null>" },
        source: { type: 'Read<"public" | "invited">' },
      },
    },
    {
      table: "date_polls",
      name: "DatePollTable",
      readOnly: "Read",
      columns: {
        status: { type: 'Read<"open" | "closed">' },
      },
    },
    {
      table: "poll_options",
      name: "PollOptionTable",
      readOnly: "Read",
      columns: {
        day: { doc: "Berlin calendar day." },
        start_time: { doc: 'Berlin wall-clock time "HH:MM:SS", or null for a date-only option.' },
      },
    },
    {
      table: "poll_votes",
      name: "PollVoteTable",
      readOnly: "Read",
      columns: {
        answer: { type: "Read<PollAnswer>" },
      },
    },
    {
      table: "agenda_items",
      name: "AgendaItemTable",
      readOnly: "Read",
      columns: {
        kind: { type: 'Read<"topic" | "minutes_approval" | "action_items">' },
        status: { type: 'Read<"scheduled" | "proposed" | "declined" | "pool">' },
      },
    },
    {
      table: "minutes",
      name: "MinutesTable",
      readOnly: "Read",
      columns: {
        status: { type: "Read<MinutesStatus>" },
      },
    },
    {
      table: "minutes_versions",
      name: "MinutesVersionTable",
      readOnly: "Read",
    },
    {
      table: "minutes_comments",
      name: "MinutesCommentTable",
      readOnly: "Read",
    },
    {
      table: "decisions",
      name: "DecisionTable",
      readOnly: "Read",
    },
    {
      table: "action_items",
      name: "ActionItemTable",
      readOnly: "Read",
      columns: {
        status: { type: 'Read<"open" | "done">' },
      },
    },
    {
      table: "calendar_feeds",
      name: "CalendarFeedTable",
      before: `// Calendar feeds (supabase/migrations/20261207100000_create_calendar_feeds.sql). Written only
// through the SQL functions; the token's hash is not readable by the API roles.`,
      readOnly: "Read",
      columns: {
        kind: { type: 'Read<"person" | "traeger">' },
        user_id: {
          doc: "The person (kind person) or the admin who created the Träger feed and whose rights it reads with.",
        },
        token_hash: { omit: true },
      },
    },
    {
      table: "projects",
      name: "ProjectTable",
      before: `// Gemeinsame Projekte (supabase/migrations/20261207110000_create_projects.sql). Every write goes
// through the SQL functions (20261207110100_add_project_functions.sql); the app only reads.
export type { ProjectStatus };
export type ProjectPartnerRole = "lead" | "partner";
export type ProjectPartnerStatus = "requested" | "invited" | "active" | "declined" | "left";
export type ProjectTaskStatus = "open" | "in_progress" | "done";`,
      readOnly: "Read",
      columns: {
        created_by_org_id: { doc: "The Träger that wrote the idea (the first lead); drafts stay inside it." },
        status: { type: "Read<ProjectStatus>" },
        wanted: { doc: '"Gesucht": what partners should bring.' },
        summary: { doc: "The public summary (Steckbrief) the lead writes when the project is completed." },
      },
    },
    {
      table: "project_partners",
      name: "ProjectPartnerTable",
      readOnly: "Read",
      columns: {
        role: { type: "Read<ProjectPartnerRole>" },
        status: { type: "Read<ProjectPartnerStatus>" },
        message: { doc: "The request's or invitation's message, and the answer to it." },
      },
    },
    {
      table: "project_updates",
      name: "ProjectUpdateTable",
      readOnly: "Read",
    },
    {
      table: "project_comments",
      name: "ProjectCommentTable",
      readOnly: "Read",
    },
    {
      table: "project_tasks",
      name: "ProjectTaskTable",
      readOnly: "Read",
      columns: {
        status: { type: "Read<ProjectTaskStatus>" },
      },
    },
    {
      table: "project_links",
      name: "ProjectLinkTable",
      readOnly: "Read",
    },
    {
      table: "project_dates",
      name: "ProjectDateTable",
      doc: "Key dates (Termine): the calendar shows them to the partners (app/.server/calendar/sources/projects.ts).",
      readOnly: "Read",
    },
    {
      table: "staff_members",
      name: "StaffMemberTable",
      doc: "A Träger's staff for the qualification gate (decision 005, issue 12): the qualification and the date of the last Führungszeugnis, never the document.",
      columns: {
        qualification: { type: "StaffQualification | null" },
        reminded_for: { type: "ColumnType<Date | null, never, never>", doc: "Written by the reminder job only." },
      },
      before: `export type StaffQualification =
  | "sozialarbeit"
  | "sozialpaedagogik"
  | "erziehung"
  | "heilpaedagogik"
  | "kindheitspaedagogik"
  | "psychologie"
  | "andere";`,
    },
    {
      table: "private.form_submissions",
      name: "FormSubmissionTable",
      doc: "Keys of form posts already written (idempotency, decision 010); claimed by public.claim_form_submission only.",
      readOnly: "Read",
    },
    {
      table: "push_subscriptions",
      name: "PushSubscriptionTable",
      before: `// Web push (supabase/migrations/20261207120000_create_push_subscriptions.sql). A device's
// subscription is written by public.save_push_subscription; the person may delete their own.
export type PushMode = "notfall" | "all" | "off";`,
      readOnly: "Read",
      columns: {
        endpoint: { doc: "The push service's URL for this device, https only." },
        p256dh: { doc: "The device's P-256 public key (65 bytes, uncompressed), base64url." },
        auth: { doc: "The device's auth secret (16 bytes), base64url." },
      },
    },
    {
      table: "push_preferences",
      name: "PushPreferenceTable",
      doc: "What a person wants pushed, and quiet hours (Berlin time). No row: 'notfall', no quiet hours.",
      columns: {
        user_id: { type: "ColumnType<string, string, never>" },
        mode: { type: "Generated<PushMode>" },
        quiet_from: { doc: '"HH:MM:SS" (time), Berlin wall-clock; quiet_to likewise.' },
        prompt_answered_at: {
          doc: 'When the "Push einschalten?" prompt after the first Notfall was answered (shown once).',
        },
        updated_at: { type: "Read<Date>" },
      },
    },
  ],
  epilogue: `export type Organization = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type Profile = Selectable<ProfileTable>;
export type Training = Selectable<TrainingTable>;
export type NewTraining = Insertable<TrainingTable>;
export type TrainingRegistration = Selectable<TrainingRegistrationTable>;
export type CoverRequest = Selectable<CoverRequestTable>;
export type NewCoverRequest = Insertable<CoverRequestTable>;
export type CoverOffer = Selectable<CoverOfferTable>;
export type CoverLedgerRow = Selectable<CoverLedgerTable>;`,
};
