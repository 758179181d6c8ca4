// Invitations seen by the invited person: what the link is for, and accepting it. The token is
// the secret; the database compares its hash and binds the invitation to its email address.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asAnon, asUser, type Tx } from "../db/request";
import type { OrgRole } from "../db/schema";

export type InvitationPreview = {
  orgName: string;
  role: OrgRole;
  email: string;
  expired: boolean;
  accepted: boolean;
};

async function preview(tx: Tx, token: string): Promise<InvitationPreview | undefined> {
  const result = await sql<InvitationPreview>`
    select org_name as "orgName", role, email, expired, accepted from public.invitation_preview(${token})
  `.execute(tx);
  return result.rows[0];
}

/** As the signed-in user when there is one, otherwise as a visitor (the function is granted to anon). */
export async function previewInvitation(user: SessionUser | null, token: string): Promise<InvitationPreview | undefined> {
  return user ? asUser(user, (tx) => preview(tx, token)) : asAnon((tx) => preview(tx, token));
}

/** Adds the user to the Träger; returns its slug. Throws TK_INVITATION_* codes the page maps to text. */
export async function acceptInvitation(user: SessionUser, token: string): Promise<{ slug: string; name: string }> {
  return asUser(user, async (tx) => {
    const accepted = await sql<{ orgId: string }>`select public.accept_invitation(${token}) as "orgId"`.execute(tx);
    const orgId = accepted.rows[0]!.orgId;
    return tx.selectFrom("organizations").select(["slug", "name"]).where("id", "=", orgId).executeTakeFirstOrThrow();
  });
}
