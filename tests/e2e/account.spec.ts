// The account pages end to end: sign up → confirm through the link in the captured mail → sign in
// → the dashboard; "Passwort vergessen" → reset link → new password → signed in; a wrong password
// is refused with a message. Axe runs on every page the flows pass.
import type { Page } from "@playwright/test";
import { test, expect, demo, uniqueEmail } from "./fixtures";
import { NEW_PASSWORD, confirmFromMail, signInPrefilled, signOutByForgetting, submitSignUp } from "./flows";

test("sign up, confirm the address from the mail, sign in and land on the dashboard", async ({ page, mails, checkA11y }) => {
  const email = uniqueEmail("signup");
  const fullName = "Greta Neumann";

  await page.goto("/registrieren");
  await checkA11y();
  await submitSignUp(page, { fullName, email });
  await checkA11y();

  // Before the address is confirmed, signing in is refused with a way to get a new link.
  await page.goto(`/anmelden?email=${encodeURIComponent(email)}`);
  await signInAttempt(page, email, NEW_PASSWORD);
  await expect(page.getByText("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse")).toBeVisible();
  await expect(page.getByRole("link", { name: "Bestätigungslink erneut senden" })).toBeVisible();

  await confirmFromMail(page, mails, email);
  await checkA11y();
  await signInPrefilled(page, email);

  expect(new URL(page.url()).pathname).toBe("/");
  await expect(page.getByRole("heading", { level: 1, name: `Guten Tag, ${fullName}` })).toBeVisible();
  // A new account without a Träger is told how to get one.
  await expect(page.getByRole("link", { name: /Träger anlegen/ }).first()).toBeVisible();
  await checkA11y();
});

test("Passwort vergessen: the reset link sets a new password and signs the person in", async ({ page, mails, checkA11y }) => {
  const email = uniqueEmail("reset");
  const newPassword = "Ganz-Neues-Passwort-2026";
  await page.goto("/registrieren");
  await submitSignUp(page, { fullName: "Rafael Vergesslich", email });
  await confirmFromMail(page, mails, email);

  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("link", { name: "Passwort vergessen?" }).click();
  await page.waitForURL((url) => url.pathname === "/passwort-vergessen");
  await checkA11y();
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue(email);
  const requestedAt = new Date();
  await page.getByRole("button", { name: "Link senden" }).click();
  await expect(page.getByText("Wenn ein Konto existiert, haben wir Ihnen einen Link geschickt.")).toBeVisible();

  const mail = await mails.waitFor({ to: email, subject: "Neues Passwort" }, { after: requestedAt });
  await page.goto(mails.link(mail, "/passwort-zuruecksetzen?token="));
  await expect(page.getByRole("heading", { level: 1, name: "Neues Passwort festlegen" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await checkA11y();
  await page.getByLabel("Neues Passwort", { exact: true }).fill(newPassword);
  await page.getByLabel("Neues Passwort wiederholen").fill(newPassword);
  await page.getByRole("button", { name: "Passwort speichern" }).click();

  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByText("Ihr Passwort wurde geändert.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Guten Tag, Rafael Vergesslich" })).toBeVisible();

  // The link is used up, the old password no longer works, the new one does.
  await page.goto(mails.link(mail, "/passwort-zuruecksetzen?token="));
  await expect(page.getByRole("heading", { level: 1, name: "Der Link funktioniert nicht" })).toBeVisible();
  await signOutByForgetting(page);
  await page.goto("/anmelden");
  await signInAttempt(page, email, NEW_PASSWORD);
  await expect(page.getByText("E-Mail-Adresse oder Passwort ist falsch.")).toBeVisible();
  await signInAttempt(page, email, newPassword);
  await page.waitForURL((url) => url.pathname === "/");
});

test("a wrong password is refused with a message", async ({ page, checkA11y }) => {
  await page.goto("/anmelden");
  await signInAttempt(page, demo.newcomer.email, "Falsches-Passwort-0000");
  await expect(page.getByText("E-Mail-Adresse oder Passwort ist falsch.")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/anmelden");
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue(demo.newcomer.email);
  // The wrong password does not stay in the field; the cursor waits there for the next try.
  await expect(page.getByLabel("Passwort", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Passwort", { exact: true })).toBeFocused();
  await checkA11y();
});

test("the sign-up form checks in the browser, in German, once its schema has loaded after hydration", async ({ page }) => {
  // The page's first load has no zod (app/components/ui/lazy-validation.ts): the schema comes a
  // moment later, and from then on a wrong field says so on blur without a request to the server.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.goto("/registrieren");
  const email = page.getByLabel("E-Mail-Adresse");
  await expect(async () => {
    await email.fill("keine-adresse");
    await email.blur();
    await expect(page.getByText("Bitte geben Sie eine gültige E-Mail-Adresse ein.")).toBeVisible({ timeout: 500 });
  }).toPass();
  await page.getByLabel("Ihr Name").fill("Greta Neumann");
  await email.fill(uniqueEmail("lazy"));
  await page.getByLabel("Passwort", { exact: true }).fill("lang-genug-1234");
  await page.getByLabel("Passwort wiederholen").fill("anders-1234567");
  await page.getByLabel("Passwort wiederholen").blur();
  await expect(page.getByText("Die Passwörter stimmen nicht überein.")).toBeVisible();
  await expect(page.getByText("Bitte geben Sie eine gültige E-Mail-Adresse ein.")).toBeHidden();
  expect(posts).toEqual([]);
});

async function signInAttempt(page: Page, email: string, password: string) {
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}
