// The people of a Träger: who belongs with which role, Ansprechpersonen, open invitations, and
// the changes admins make. The database enforces the rules (RLS, the owner guard trigger,
// invite_member); these functions only run the statements as the signed-in user.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import type { OrgRole } from "../db/schema";

export type MemberRow = {
  userId: string;
  fullName: string;
  email: string;
  role: OrgRole;
  isContactPerson: boolean;
  contactTitle: string | null;
  joinedAt: Date;
};

export type InvitationRow = {
  id: string;
  email: string;
  role: OrgRole;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: string | null;
};

/** The Träger's members, owners first, then by name. RLS shows them only to members. */
export async function listMembers(user: SessionUser, orgId: string): Promise<MemberRow[]> {
  return asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("org_members as m")
      .innerJoin("profiles as p", "p.user_id", "m.user_id")
      .select([
        "m.user_id as userId",
        "p.full_name as fullName",
        "p.email",
        "m.role",
        "m.is_contact_person as isContactPerson",
        "m.contact_title as contactTitle",
        "m.created_at as joinedAt",
      ])
      .where("m.org_id", "=", orgId)
      .orderBy(sql`case m.role when 'owner' then 0 when 'admin' then 1 when 'coordinator' then 2 else 3 end`)
      .orderBy("p.full_name")
      .execute(),
  );
}

/** Invitations not yet accepted (expired ones too, so admins can renew or withdraw them). */
export async function listOpenInvitations(user: SessionUser, orgId: string): Promise<InvitationRow[]> {
  return asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("invitations as i")
      .leftJoin("profiles as p", "p.user_id", "i.invited_by")
      .select(["i.id", "i.email", "i.role", "i.expires_at as expiresAt", "i.created_at as createdAt", "p.full_name as invitedBy"])
      .where("i.org_id", "=", orgId)
      .where("i.accepted_at", "is", null)
      .orderBy("i.created_at", "desc")
      .execute(),
  );
}

export async function inviteMember(user: SessionUser, orgId: string, email: string, role: OrgRole): Promise<void> {
  await asUser(user, (tx) => sql`select public.invite_member(${orgId}, ${email}, ${role})`.execute(tx));
}

/** Each change returns false when no row was visible to change (then the page says "not found"). */
export async function changeRole(user: SessionUser, orgId: string, userId: string, role: OrgRole): Promise<boolean> {
  return asUser(user, async (tx) => {
    const row = await tx
      .updateTable("org_members")
      .set({ role })
      .where("org_id", "=", orgId)
      .where("user_id", "=", userId)
      .returning("user_id")
      .executeTakeFirst();
    return Boolean(row);
  });
}

export async function setContactPerson(
  user: SessionUser,
  orgId: string,
  userId: string,
  contact: { isContactPerson: boolean; contactTitle: string | null },
): Promise<boolean> {
  return asUser(user, async (tx) => {
    const row = await tx
      .updateTable("org_members")
      .set({
        is_contact_person: contact.isContactPerson,
        contact_title: contact.isContactPerson ? contact.contactTitle : null,
      })
      .where("org_id", "=", orgId)
      .where("user_id", "=", userId)
      .returning("user_id")
      .executeTakeFirst();
    return Boolean(row);
  });
}

export async function removeMember(user: SessionUser, orgId: string, userId: string): Promise<boolean> {
  return asUser(user, async (tx) => {
    const row = await tx
      .deleteFrom("org_members")
      .where("org_id", "=", orgId)
      .where("user_id", "=", userId)
      .returning("user_id")
      .executeTakeFirst();
    return Boolean(row);
  });
}

export async function withdrawInvitation(user: SessionUser, orgId: string, invitationId: string): Promise<string | undefined> {
  return asUser(user, async (tx) => {
    const row = await tx
      .deleteFrom("invitations")
      .where("org_id", "=", orgId)
      .where("id", "=", invitationId)
      .where("accepted_at", "is", null)
      .returning("email")
      .executeTakeFirst();
    return row?.email;
  });
}
