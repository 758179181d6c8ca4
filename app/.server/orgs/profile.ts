// A Träger's own profile: creating a Träger and editing what the circle sees about it.
// Every query runs as the signed-in user; RLS decides what is visible and who may write.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import type { LegalForm, OrgKind } from "../db/schema";
import type { OrgProfileInput } from "~/validation/orgs";

export type ReferenceLists = {
  hilfearten: Array<{ code: string; paragraph: string; label: string }>;
  gemeinden: Array<{ code: string; name: string; kreis: string }>;
};

/** The fixed lists a profile picks from (SGB VIII Hilfearten, Gemeinden of the region). */
export async function referenceLists(user: SessionUser): Promise<ReferenceLists> {
  return asUserReadOnly(user, async (tx) => ({
    hilfearten: await tx.selectFrom("hilfearten").select(["code", "paragraph", "label"]).orderBy("sort_order").execute(),
    gemeinden: await tx.selectFrom("gemeinden").select(["code", "name", "kreis"]).orderBy("sort_order").execute(),
  }));
}

/** Creates a Träger with the user as its owner; returns its slug. */
export async function createOrganization(
  user: SessionUser,
  input: { name: string; kind: OrgKind; legalForm?: LegalForm },
): Promise<string> {
  return asUser(user, async (tx) => {
    const created = await sql<{ id: string }>`
      select public.create_organization(${input.name}, ${input.kind}, ${input.legalForm ?? null}) as id
    `.execute(tx);
    const id = created.rows[0]!.id;
    const row = await tx.selectFrom("organizations").select("slug").where("id", "=", id).executeTakeFirstOrThrow();
    return row.slug;
  });
}

export type EditableProfile = {
  name: string;
  kind: OrgKind;
  legalForm: LegalForm | null;
  leitbild: string;
  hilfearten: string[];
  gemeinden: string[];
  street: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
};

/** The columns of an EditableProfile, for every select that reads one (also the profile page's). */
export const PROFILE_COLUMNS = [
  "name",
  "kind",
  "legal_form as legalForm",
  "leitbild",
  "hilfearten",
  "gemeinden",
  "street",
  "postal_code as postalCode",
  "city",
  "phone",
  "email",
  "website",
] as const;

export async function loadEditableProfile(user: SessionUser, orgId: string): Promise<EditableProfile | undefined> {
  return asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("organizations")
      .select(PROFILE_COLUMNS)
      .where("id", "=", orgId)
      .executeTakeFirst(),
  );
}

/** Writes the profile; false when the row is not (or no longer) editable for this user. */
export async function updateProfile(user: SessionUser, orgId: string, input: OrgProfileInput): Promise<boolean> {
  return asUser(user, async (tx) => {
    const result = await tx
      .updateTable("organizations")
      .set({
        name: input.name,
        kind: input.kind,
        legal_form: input.legalForm ?? null,
        leitbild: input.leitbild ?? "",
        hilfearten: input.hilfearten,
        gemeinden: input.gemeinden,
        street: input.street ?? null,
        postal_code: input.postalCode ?? null,
        city: input.city ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        website: input.website ?? null,
      })
      .where("id", "=", orgId)
      .returning("id")
      .executeTakeFirst();
    return Boolean(result);
  });
}
