// Password hashing in the format Supabase Auth uses (bcrypt, "$2a$/$2b$"), so users can move.
import bcrypt from "bcryptjs";

/** bcrypt cost factor. 10 is what Supabase Auth uses (~70 ms per hash here). */
export const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares a password with a stored hash. Without a hash (unknown email, account without a
 * password) it compares against a dummy hash of the same cost, so the answer takes as long
 * either way and timing does not tell which emails have an account.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash("timing-equaliser-not-a-password", BCRYPT_COST);
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}
