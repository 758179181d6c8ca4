// Steps several end-to-end specs share: creating an account through the pages (sign-up form,
// confirmation mail, sign-in) and optional screenshots for looking at the pages on a phone.
//
//   E2E_SHOTS_DIR=/tmp/e2e-shots npx playwright test    → every shot(page, "name") writes
//   <dir>/<project>-<name>.png (full page). Without the variable shot() does nothing.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page, type TestInfo } from "@playwright/test";
import type { Mails } from "./fixtures";

/** The password every account a test creates gets (long enough, not the email). */
export const NEW_PASSWORD = "Sicheres-Passwort-2026";

/**
 * Fills the sign-up form on the current /registrieren page and submits it. Leave out `email`
 * when the page arrived with it filled in (from an invitation); then it is checked instead.
 */
export async function submitSignUp(
  page: Page,
  account: { fullName: string; email: string; password?: string },
  options: { emailPrefilled?: boolean } = {},
) {
  await expect(page.getByRole("heading", { level: 1, name: "Konto anlegen" })).toBeVisible();
  const email = page.getByLabel("E-Mail-Adresse");
  if (options.emailPrefilled) await expect(email).toHaveValue(account.email);
  else await email.fill(account.email);
  await page.getByLabel("Ihr Name").fill(account.fullName);
  await page.getByLabel("Passwort", { exact: true }).fill(account.password ?? NEW_PASSWORD);
  await page.getByLabel("Passwort wiederholen").fill(account.password ?? NEW_PASSWORD);
  await page.getByRole("button", { name: "Konto anlegen" }).click();
  await page.waitForURL((url) => url.pathname === "/registrieren/bestaetigen");
  await expect(page.getByRole("heading", { level: 1, name: "Bitte bestätigen Sie Ihre E-Mail-Adresse" })).toBeVisible();
  await expect(page.getByText(account.email)).toBeVisible();
}

/** Opens the link of the confirmation mail to `email` and goes on to the sign-in page. */
export async function confirmFromMail(page: Page, mails: Mails, email: string) {
  const mail = await mails.waitFor({ to: email, subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse" });
  await page.goto(mails.link(mail, "/registrieren/bestaetigen?token="));
  await expect(page.getByRole("heading", { level: 1, name: "E-Mail-Adresse bestätigt" })).toBeVisible();
  await page.getByRole("link", { name: "Zur Anmeldung" }).click();
  await page.waitForURL((url) => url.pathname === "/anmelden");
}

/** On the sign-in page with the email already filled in: types the password and signs in. */
export async function signInPrefilled(page: Page, email: string, password = NEW_PASSWORD) {
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/anmelden"), { timeout: 10_000 });
}

/** Forgets the browser's session (a second person at the same browser, without a new context). */
export async function signOutByForgetting(page: Page) {
  await page.context().clearCookies();
}

/** A full-page screenshot for a human to look at, only when E2E_SHOTS_DIR is set. */
export async function shot(page: Page, testInfo: TestInfo, name: string) {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  // From the top, so the sticky header is not painted into the middle of the picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-${name}.png`), fullPage: true });
}

/** A new person signs up, confirms, signs in and creates a Träger of their own (not in any circle). */
export async function signUpWithOwnTraeger(page: Page, mails: Mails, person: { fullName: string; email: string }, orgName: string) {
  await page.goto("/registrieren");
  await submitSignUp(page, person);
  await confirmFromMail(page, mails, person.email);
  await signInPrefilled(page, person.email);
  await page.goto("/traeger/neu");
  await page.getByLabel("Name des Trägers").fill(orgName);
  await page.getByRole("button", { name: "Träger anlegen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/traeger/neu"));
}
