// My data (DSGVO Art. 15, 17, 20) on /konto: a person downloads everything about them
// (JSON and a readable HTML page) and deletes their account; afterwards they cannot sign in. The
// last owner of a Träger is asked to hand it over first. (Per persona: supabase/tests/34_….)
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { test, expect, uniqueEmail } from "./fixtures";
import { NEW_PASSWORD, confirmFromMail, signInPrefilled, signOutByForgetting, signUpWithOwnTraeger, submitSignUp } from "./flows";

test("a person downloads their data and deletes their account", async ({ page, mails, checkA11y }) => {
  const person = { fullName: "Łucja Kowalczyk", email: uniqueEmail("loeschen") };
  await page.goto("/registrieren");
  await submitSignUp(page, person);
  await confirmFromMail(page, mails, person.email);
  await signInPrefilled(page, person.email);
  await page.goto("/konto");
  await expect(page.getByRole("heading", { name: "Meine Daten" })).toBeVisible();
  await checkA11y();

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /JSON/ }).click()]);
  expect(json.suggestedFilename()).toMatch(/^traegerkreis-meine-daten-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync((await json.path())!, "utf8"));
  expect(data.account.email).toBe(person.email);
  expect(data.profile.fullName).toBe(person.fullName);
  expect(data.sessions.length).toBeGreaterThan(0);
  const [html] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /HTML/ }).click()]);
  const page2 = fs.readFileSync((await html.path())!, "utf8");
  expect(page2).toContain("Meine Daten bei Trägerkreis");
  expect(page2).toContain("Łucja Kowalczyk");

  // Wrong password: nothing happens.
  await page.getByText("Konto löschen …").click();
  await page.getByLabel("Passwort zur Bestätigung").fill("falsch-falsch-falsch");
  await page.getByRole("button", { name: "Konto endgültig löschen" }).click();
  await expect(page.getByText("Das Passwort ist falsch.")).toBeVisible();
  await page.getByLabel("Passwort zur Bestätigung").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Konto endgültig löschen" }).click();
  await expect(page.getByText("Ihr Konto ist gelöscht.")).toBeVisible();

  // The account is gone: signing in fails, the profile page asks to sign in.
  await page.goto("/konto");
  await page.waitForURL(/\/anmelden/);
  await page.getByLabel("E-Mail-Adresse").fill(person.email);
  await page.getByLabel("Passwort", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/\/anmelden/);
});

test("the last owner of a Träger is asked to hand it over before deleting the account", async ({ page, mails }) => {
  const owner = { fullName: "Ömer Doğan", email: uniqueEmail("inhaber") };
  await signUpWithOwnTraeger(page, mails, owner, `Jugendhilfe Rheinaue ${randomUUID().slice(0, 6)}`);
  await page.goto("/konto");
  await page.getByText("Konto löschen …").click();
  await page.getByLabel("Passwort zur Bestätigung").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Konto endgültig löschen" }).click();
  await expect(page.getByText("Ernennen Sie dort zuerst eine weitere Person")).toBeVisible();
  await signOutByForgetting(page);
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(owner.email);
  await page.getByLabel("Passwort", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/anmelden"));
});
