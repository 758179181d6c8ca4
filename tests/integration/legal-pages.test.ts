// Impressum and Datenschutzerklärung take the operator's details from LEGAL_* (validated
// in app/.server/env.ts); what is missing is shown as "bitte ergänzen", never silently empty.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "~/.server/env";
import { legalDetails } from "~/.server/legal";

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith("LEGAL_")) delete process.env[key];
  Object.assign(process.env, saved);
  resetEnvCache();
});

describe("legal details from the environment", () => {
  it("is incomplete without configuration, with the default supervisory authority", () => {
    resetEnvCache();
    const legal = legalDetails();
    expect(legal.complete).toBe(false);
    expect(legal.operatorName).toBeNull();
    expect(legal.supervisoryAuthority).toContain("Nordrhein-Westfalen");
  });

  it("reads name, address lines, contact and DPO", () => {
    process.env.LEGAL_OPERATOR_NAME = "Kooperationskreis Wesel e. V.";
    process.env.LEGAL_OPERATOR_ADDRESS = "Musterstraße 1 | 46483 Wesel";
    process.env.LEGAL_CONTACT_EMAIL = "kontakt@kreis.example";
    process.env.LEGAL_DPO_CONTACT = "Dana Schutz, datenschutz@kreis.example";
    process.env.LEGAL_REPRESENTATIVE = "";
    resetEnvCache();
    const legal = legalDetails();
    expect(legal).toMatchObject({
      operatorName: "Kooperationskreis Wesel e. V.",
      addressLines: ["Musterstraße 1", "46483 Wesel"],
      email: "kontakt@kreis.example",
      dpoContact: "Dana Schutz, datenschutz@kreis.example",
      representative: null,
      complete: true,
    });
  });

  it("refuses a malformed contact address at start", () => {
    process.env.LEGAL_CONTACT_EMAIL = "keine-adresse";
    resetEnvCache();
    expect(() => legalDetails()).toThrow(/LEGAL_CONTACT_EMAIL/);
  });
});
