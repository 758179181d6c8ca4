// A Träger's staff list for the qualification gate (issue 12, §§ 72, 72a SGB VIII): who may be
// offered for a cover, with the Fachkraft qualification and the date of the last erweitertes
// Führungszeugnis (never the document). RLS: the own Träger reads, owners and admins write.
import { sql } from "kysely";
import { z } from "zod";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import { QUALIFICATIONS } from "~/i18n/labels";
import { StaffSchema } from "~/validation/staff";

export { QUALIFICATIONS, StaffSchema };

export type StaffRow = { id: string; fullName: string; qualification: string | null; note: string; fuehrungszeugnisOn: string | null; validUntil: string | null };


export async function listStaff(user: SessionUser, orgId: string): Promise<StaffRow[]> {
  return asUserReadOnly(user, async (tx) => {
    const { rows } = await sql<{ id: string; full_name: string; qualification: string | null; qualification_note: string; on: string | null; until: string | null }>`
      select s.id, s.full_name, s.qualification, s.qualification_note, to_char(s.fuehrungszeugnis_on, 'YYYY-MM-DD') as on,
        to_char(s.fuehrungszeugnis_on + make_interval(years => coalesce((
          select min(n.fuehrungszeugnis_max_years) from public.network_members nm join public.networks n on n.id = nm.network_id
          where nm.org_id = s.org_id and nm.status = 'active'), 5)), 'YYYY-MM-DD') as until
      from public.staff_members s where s.org_id = ${orgId}::uuid order by s.full_name`.execute(tx);
    return rows.map((r) => ({ id: r.id, fullName: r.full_name, qualification: r.qualification, note: r.qualification_note, fuehrungszeugnisOn: r.on, validUntil: r.until }));
  });
}

export async function addStaff(user: SessionUser, orgId: string, input: z.infer<typeof StaffSchema>): Promise<void> {
  await asUser(user, (tx) =>
    tx
      .insertInto("staff_members")
      .values({
        org_id: orgId,
        full_name: input.fullName,
        qualification: input.qualification ?? null,
        qualification_note: input.note ?? "",
        fuehrungszeugnis_on: input.fuehrungszeugnisOn ?? null,
      })
      .execute(),
  );
}

export async function removeStaff(user: SessionUser, orgId: string, id: string): Promise<boolean> {
  if (!z.uuid().safeParse(id).success) return false;
  return asUser(user, async (tx) => {
    const result = await tx.deleteFrom("staff_members").where("id", "=", id).where("org_id", "=", orgId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}
