// Kysely types of the Kooperationstreffen tables (supabase/migrations/2026120613*). Every write
// goes through the SQL functions, so the columns are read-only here.
import type { ColumnType } from "kysely";

type Read<T> = ColumnType<T, never, never>;

export type RsvpAnswer = "zusage" | "vielleicht" | "absage";
export type PollAnswer = "ja" | "wenn_noetig" | "nein";
export type MinutesStatus = "draft" | "circulated" | "approved" | "locked";

export interface MeetingTable {
  id: Read<string>;
  network_id: Read<string>;
  host_org_id: Read<string>;
  created_by: Read<string | null>;
  title: Read<string>;
  description: Read<string>;
  place: Read<string | null>;
  gemeinde: Read<string | null>;
  online_url: Read<string | null>;
  starts_at: Read<Date>;
  ends_at: Read<Date>;
  registration_deadline: Read<Date | null>;
  capacity: Read<number | null>;
  guests_welcome: Read<boolean>;
  status: Read<"planned" | "cancelled">;
  cancel_reason: Read<string | null>;
  ics_sequence: Read<number>;
  protokollant_id: Read<string | null>;
  previous_meeting_id: Read<string | null>;
  poll_id: Read<string | null>;
  rsvp_yes: Read<number>;
  rsvp_maybe: Read<number>;
  rsvp_no: Read<number>;
  rsvp_orgs: Read<number>;
  reminders_sent_at: Read<Date | null>;
  created_at: Read<Date>;
  updated_at: Read<Date>;
}

export interface MeetingRsvpTable {
  meeting_id: Read<string>;
  user_id: Read<string>;
  org_id: Read<string>;
  answer: Read<RsvpAnswer>;
  comment: Read<string | null>;
  is_delegate: Read<boolean>;
  created_at: Read<Date>;
  updated_at: Read<Date>;
}

export interface MeetingGuestTable {
  id: Read<string>;
  meeting_id: Read<string>;
  name: Read<string>;
  org_name: Read<string>;
  email: Read<string>;
  token_hash: Read<string>;
  token_expires_at: Read<Date>;
  answer: Read<RsvpAnswer | null>;
  comment: Read<string | null>;
  source: Read<"public" | "invited">;
  invited_by: Read<string | null>;
  created_at: Read<Date>;
  updated_at: Read<Date>;
}

export interface DatePollTable {
  id: Read<string>;
  network_id: Read<string>;
  host_org_id: Read<string>;
  created_by: Read<string | null>;
  title: Read<string>;
  description: Read<string>;
  place: Read<string | null>;
  gemeinde: Read<string | null>;
  online_url: Read<string | null>;
  duration_minutes: Read<number>;
  deadline: Read<Date | null>;
  status: Read<"open" | "closed">;
  chosen_option_id: Read<string | null>;
  meeting_id: Read<string | null>;
  reminded_at: Read<Date | null>;
  previous_meeting_id: Read<string | null>;
  created_at: Read<Date>;
  closed_at: Read<Date | null>;
}

export interface PollOptionTable {
  id: Read<string>;
  poll_id: Read<string>;
  position: Read<number>;
  /** Berlin calendar day. */
  day: Read<Date>;
  /** Berlin wall-clock time "HH:MM:SS", or null for a date-only option. */
  start_time: Read<string | null>;
}

export interface PollVoteTable {
  option_id: Read<string>;
  poll_id: Read<string>;
  user_id: Read<string>;
  org_id: Read<string>;
  answer: Read<PollAnswer>;
  updated_at: Read<Date>;
}

export interface AgendaItemTable {
  id: Read<string>;
  network_id: Read<string>;
  meeting_id: Read<string | null>;
  kind: Read<"topic" | "minutes_approval" | "action_items">;
  status: Read<"scheduled" | "proposed" | "declined" | "pool">;
  position: Read<number | null>;
  title: Read<string>;
  description: Read<string>;
  presenter_org_id: Read<string | null>;
  minutes_planned: Read<number | null>;
  proposed_by: Read<string | null>;
  proposed_by_org_id: Read<string | null>;
  decline_reason: Read<string | null>;
  created_at: Read<Date>;
  updated_at: Read<Date>;
}

export interface MinutesTable {
  meeting_id: Read<string>;
  network_id: Read<string>;
  status: Read<MinutesStatus>;
  current_version: Read<number>;
  circulated_version: Read<number | null>;
  approved_version: Read<number | null>;
  comments_until: Read<Date | null>;
  circulated_at: Read<Date | null>;
  approved_at: Read<Date | null>;
  approved_by: Read<string | null>;
  locked_at: Read<Date | null>;
  updated_at: Read<Date>;
}

export interface MinutesVersionTable {
  meeting_id: Read<string>;
  version: Read<number>;
  content: Read<unknown>;
  note: Read<string | null>;
  created_by: Read<string | null>;
  created_at: Read<Date>;
}

export interface MinutesCommentTable {
  id: Read<string>;
  meeting_id: Read<string>;
  version: Read<number>;
  user_id: Read<string | null>;
  org_id: Read<string | null>;
  body: Read<string>;
  created_at: Read<Date>;
}

export interface DecisionTable {
  id: Read<string>;
  network_id: Read<string>;
  meeting_id: Read<string>;
  number: Read<number>;
  source_key: Read<string>;
  agenda_title: Read<string>;
  body: Read<string>;
  created_at: Read<Date>;
  updated_at: Read<Date>;
}

export interface ActionItemTable {
  id: Read<string>;
  network_id: Read<string>;
  meeting_id: Read<string>;
  source_key: Read<string>;
  title: Read<string>;
  owner_org_id: Read<string>;
  owner_user_id: Read<string | null>;
  due_date: Read<Date | null>;
  status: Read<"open" | "done">;
  done_at: Read<Date | null>;
  reminded_at: Read<Date | null>;
  created_at: Read<Date>;
  updated_at: Read<Date>;
}

export interface MeetingTables {
  meetings: MeetingTable;
  meeting_rsvps: MeetingRsvpTable;
  meeting_guests: MeetingGuestTable;
  date_polls: DatePollTable;
  poll_options: PollOptionTable;
  poll_votes: PollVoteTable;
  agenda_items: AgendaItemTable;
  minutes: MinutesTable;
  minutes_versions: MinutesVersionTable;
  minutes_comments: MinutesCommentTable;
  decisions: DecisionTable;
  action_items: ActionItemTable;
}
