// An admin invites a colleague; the colleague opens the link from the mail, creates an account
// for exactly the invited address, confirms it, signs in, accepts, and is in the Träger with the
// role the admin chose — as the admin sees it on the member page.
import { test, expect, demo, uniqueEmail } from "./fixtures";
import { confirmFromMail, signInPrefilled, signOutByForgetting, submitSignUp } from "./flows";

test("an admin invites a colleague, who signs up from the mail, accepts and appears with the role", async ({
  page,
  login,
  mails,
  checkA11y,
}) => {
  const org = "du-und-ich";
  const colleague = { fullName: "Jana Kollegin", email: uniqueEmail("kollegin") };

  await login(demo.admin(org), { redirectTo: `/traeger/${org}/mitglieder` });
  await expect(page.getByRole("heading", { level: 2, name: "Kolleg:in einladen" })).toBeVisible();
  await checkA11y();
  const invite = page.getByRole("region", { name: "Kolleg:in einladen" });
  await invite.getByLabel("E-Mail-Adresse").fill(colleague.email);
  await invite.getByLabel("Rolle").selectOption({ label: "Koordinator:in" });
  await invite.getByRole("button", { name: "Einladung verschicken" }).click();
  await expect(page.getByText("Einladung verschickt.")).toBeVisible();
  const openInvitations = page.getByRole("region", { name: "Offene Einladungen" });
  await expect(openInvitations.getByText(colleague.email)).toBeVisible();

  // The colleague, at another browser: the link from the mail.
  const mail = await mails.waitFor({ to: colleague.email, subject: "Einladung: Du & Ich e. V." });
  const link = mails.link(mail, "/einladung/");
  await signOutByForgetting(page);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Einladung" })).toBeVisible();
  await expect(page.getByText("Koordinator:in", { exact: true })).toBeVisible();
  await checkA11y();

  await page.getByRole("link", { name: "Konto erstellen" }).click();
  await submitSignUp(page, colleague, { emailPrefilled: true });
  await confirmFromMail(page, mails, colleague.email);
  // Signing in leads back to the invitation.
  await signInPrefilled(page, colleague.email);
  expect(new URL(page.url()).pathname).toBe(new URL(link).pathname);
  await checkA11y();
  await page.getByRole("button", { name: "Einladung annehmen" }).click();

  await page.waitForURL(`**/traeger/${org}/mitglieder`);
  await expect(page.getByText("Willkommen bei Du & Ich e. V.!")).toBeVisible();
  const me = page.getByRole("listitem").filter({ hasText: colleague.email });
  await expect(me.getByText("Koordinator:in")).toBeVisible();
  await expect(me.getByText("(Sie)")).toBeVisible();

  // The admin sees the new colleague with the role, and the invitation is no longer open.
  await signOutByForgetting(page);
  await login(demo.admin(org), { redirectTo: `/traeger/${org}/mitglieder` });
  const row = page.getByRole("region", { name: "Mitglieder", exact: true }).getByRole("listitem").filter({ hasText: colleague.email });
  await expect(row).toHaveCount(1);
  await expect(row.getByText(colleague.fullName, { exact: true })).toBeVisible();
  // The role badge (the first match; the closed "Verwalten" form below lists the roles again).
  await expect(row.getByText("Koordinator:in", { exact: true }).first()).toBeVisible();
  await expect(row.locator("select[name=role]")).toHaveValue("coordinator");
  await expect(page.getByRole("region", { name: "Offene Einladungen" }).getByText(colleague.email)).toHaveCount(0);
});
