// The signed-in person's own profile (name, phone, qualifications, languages), read and written
// as that person: row-level security allows exactly their own row.
import type { SessionUser } from "./session";
import { asUser, asUserReadOnly } from "../db/request";

export type OwnProfile = {
  fullName: string;
  email: string;
  phone: string | null;
  qualifications: string;
  languages: string[];
};

export async function getOwnProfile(user: SessionUser): Promise<OwnProfile | undefined> {
  return asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("profiles")
      .select(["full_name as fullName", "email", "phone", "qualifications", "languages"])
      .where("user_id", "=", user.id)
      .executeTakeFirst(),
  );
}

export async function updateOwnProfile(
  user: SessionUser,
  values: { fullName: string; phone: string | null; qualifications: string; languages: string[] },
): Promise<void> {
  await asUser(user, async (tx) => {
    const updated = await tx
      .updateTable("profiles")
      .set({
        full_name: values.fullName,
        phone: values.phone,
        qualifications: values.qualifications,
        languages: values.languages,
      })
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) {
      // An account from before profiles existed: create the row (allowed for one's own id).
      await tx
        .insertInto("profiles")
        .values({
          user_id: user.id,
          email: user.email,
          full_name: values.fullName,
          phone: values.phone,
          qualifications: values.qualifications,
          languages: values.languages,
        })
        .execute();
    }
  });
}
