// "Interesse melden" end to end: a visitor reports interest on the circle's public page, a
// coordinator of the circle admits the request, the contact gets the invitation mail, signs up
// from its link, accepts, and is the owner (Inhaber:in) of the new Träger.
import { randomUUID } from "node:crypto";
import { test, expect, demo, uniqueEmail } from "./fixtures";
import { confirmFromMail, signInPrefilled, signOutByForgetting, submitSignUp } from "./flows";

test("a visitor reports interest, a coordinator admits it, the contact signs up and owns the new Träger", async ({
  page,
  login,
  mails,
  checkA11y,
}) => {
  const orgName = `Jugendhilfe Rheinbogen ${randomUUID().slice(0, 6)}`;
  const contact = { fullName: "Mehmet Aydın", email: uniqueEmail("interesse") };

  // The visitor.
  await page.goto(`/k/${demo.circleSlug}`);
  const form = page.locator("form#interesse-melden");
  await form.getByLabel("Name des Trägers").fill(orgName);
  await form.getByLabel("Ansprechperson").fill(contact.fullName);
  await form.getByLabel("E-Mail-Adresse").fill(contact.email);
  await form.getByLabel("Telefon (optional)").fill("0281 123456");
  await form.getByLabel("Nachricht").fill("Wir bieten ambulante Hilfen in Wesel an und möchten im Kreis mitarbeiten.");
  await form.getByRole("button", { name: "Interesse melden" }).click();
  await expect(page.getByRole("heading", { name: "Danke für Ihre Meldung!" })).toBeVisible();
  await checkA11y();

  // A coordinator of the circle decides.
  await login(demo.coordinator(demo.coordinatingOrg), { redirectTo: "/kreis/anfragen" });
  await expect(page.getByRole("heading", { level: 1, name: "Interessensmeldungen" })).toBeVisible();
  const request = page.getByRole("article").filter({ has: page.getByRole("heading", { name: orgName }) });
  await expect(request.getByText(contact.email)).toBeVisible();
  await expect(request.getByText("Wir bieten ambulante Hilfen in Wesel an")).toBeVisible();
  await checkA11y();
  await request.getByRole("button", { name: "Aufnehmen" }).click();
  await expect(page.getByText(`${orgName} ist aufgenommen.`)).toBeVisible();
  const decided = page.getByRole("region", { name: "Entschieden" });
  await expect(decided.getByRole("listitem").filter({ hasText: orgName }).getByText("Aufgenommen")).toBeVisible();

  // The contact gets the invitation to own the Träger.
  const mail = await mails.waitFor({ to: contact.email, subject: "Willkommen im Kreis" });
  expect(mail.text + mail.html).toContain(orgName);
  const link = mails.link(mail, "/einladung/");
  await signOutByForgetting(page);
  await page.goto(link);
  await expect(page.getByText(orgName).first()).toBeVisible();
  await expect(page.getByText("Inhaber:in", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Konto erstellen" }).click();
  await submitSignUp(page, contact, { emailPrefilled: true });
  await confirmFromMail(page, mails, contact.email);
  await signInPrefilled(page, contact.email);
  await page.getByRole("button", { name: "Einladung annehmen" }).click();
  await expect(page.getByText(`Willkommen bei ${orgName}!`)).toBeVisible();

  // The new owner sees the Träger on the dashboard with the role, and may edit its profile.
  await page.goto("/");
  const mine = page.getByRole("region", { name: "Mein Träger" });
  await expect(mine.getByRole("heading", { name: orgName })).toBeVisible();
  await expect(mine.getByText("Inhaber:in", { exact: true })).toBeVisible();
  await mine.getByRole("link", { name: "Einstellungen" }).click();
  await page.waitForURL(/\/traeger\/[^/]+\/einstellungen$/);
  await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
  await checkA11y();
});
