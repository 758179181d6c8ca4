// The operator details the Impressum (§ 5 DDG) and the Datenschutzerklärung (Art. 13 DSGVO) name,
// from the environment (LEGAL_* in app/.server/env.ts, documented in the README). Whatever is not
// configured is returned as null, and the pages say "bitte ergänzen" in its place, so a missing
// detail is visible instead of silently empty.
import { env } from "./env";

export type LegalDetails = {
  operatorName: string | null;
  addressLines: string[];
  representative: string | null;
  email: string | null;
  phone: string | null;
  register: string | null;
  dpoContact: string | null;
  supervisoryAuthority: string;
  /** Every detail § 5 DDG requires is set (name, address, email). */
  complete: boolean;
};

export function legalDetails(): LegalDetails {
  const e = env();
  const addressLines = (e.LEGAL_OPERATOR_ADDRESS ?? "")
    .split(/\\n|\n|\s\|\s/)
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    operatorName: e.LEGAL_OPERATOR_NAME ?? null,
    addressLines,
    representative: e.LEGAL_REPRESENTATIVE ?? null,
    email: e.LEGAL_CONTACT_EMAIL ?? null,
    phone: e.LEGAL_CONTACT_PHONE ?? null,
    register: e.LEGAL_REGISTER ?? null,
    dpoContact: e.LEGAL_DPO_CONTACT ?? null,
    supervisoryAuthority: e.LEGAL_SUPERVISORY_AUTHORITY,
    complete: Boolean(e.LEGAL_OPERATOR_NAME && addressLines.length > 0 && e.LEGAL_CONTACT_EMAIL),
  };
}
