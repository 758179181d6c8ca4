// Kysely types of the tables the app queries. Kept by hand next to the migrations; the
// typecheck catches a query against a column that does not exist here.
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

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
  contact_email: string | null;
  contact_phone: string | null;
  created_at: Generated<CreatedAt>;
  updated_at: Generated<Timestamp>;
}

export interface OrganizationTable {
  id: Generated<string>;
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
  created_at: Generated<CreatedAt>;
  updated_at: Generated<Timestamp>;
}

export interface NetworkMemberTable {
  network_id: string;
  org_id: string;
  role: Generated<"member" | "coordinator">;
  status: Generated<"active" | "suspended">;
  joined_at: Generated<CreatedAt>;
}

export interface OrgMemberTable {
  org_id: string;
  user_id: string;
  role: Generated<OrgRole>;
  is_contact_person: Generated<boolean>;
  contact_title: string | null;
  created_at: Generated<CreatedAt>;
}

export interface ProfileTable {
  user_id: string;
  full_name: string;
  email: string;
  phone: string | null;
  qualifications: Generated<string>;
  languages: Generated<string[]>;
  created_at: Generated<CreatedAt>;
  updated_at: Generated<Timestamp>;
}

export interface InvitationTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  role: OrgRole;
  token_hash: string;
  expires_at: Timestamp;
  invited_by: string | null;
  created_at: Generated<CreatedAt>;
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
  created_at: Generated<CreatedAt>;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: Generated<CreatedAt>;
  read_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  created_at: Generated<CreatedAt>;
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
  run_after: Generated<Timestamp>;
  last_error: string | null;
  created_at: Generated<CreatedAt>;
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
  created_at: Generated<CreatedAt>;
  updated_at: Generated<Timestamp>;
}

export interface AuthSessionTable {
  id: Generated<string>;
  user_id: string;
  created_at: Generated<CreatedAt>;
  updated_at: Generated<Timestamp>;
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
  created_at: Generated<CreatedAt>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuthSignInAttemptTable {
  id: Generated<string>;
  email: string;
  ip: string;
  succeeded: boolean;
  created_at: Generated<CreatedAt>;
}

export interface DB {
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
  "private.outbox": OutboxTable;
  "auth.users": AuthUserTable;
  "auth.sessions": AuthSessionTable;
  "auth.one_time_tokens": AuthOneTimeTokenTable;
  "auth.sign_in_attempts": AuthSignInAttemptTable;
}

export type Organization = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type Profile = Selectable<ProfileTable>;
