// A person who created a Träger and then follows the dashboard's advice
// "Melden Sie Interesse bei einem Kreis" asks with that Träger; the coordinator sees
// "bestehender Träger" and admitting adds it to the circle — no second, empty Träger.
import { randomUUID } from "node:crypto";
import { test, expect, demo, uniqueEmail } from "./fixtures";
import { NEW_PASSWORD, signOutByForgetting, signUpWithOwnTraeger } from "./flows";

test("an owner asks with their existing Träger, the coordinator admits it, no duplicate is created", async ({
  page,
  login,
  mails,
  checkA11y,
}) => {
  const orgName = `Jugendhilfe Lippemündung ${randomUUID().slice(0, 6)}`;
  const owner = { fullName: "Zofia Wyszyńska", email: uniqueEmail("bestehend") };

  // A new person signs up and creates a Träger of their own.
  await signUpWithOwnTraeger(page, mails, owner, orgName);

  // The dashboard advises to report interest; the circle's page offers the existing Träger.
  await page.goto("/");
  await expect(page.getByText("Ihr Träger gehört noch keinem Kreis an.")).toBeVisible();
  await page.getByRole("link", { name: "Kreis ansehen und Interesse melden" }).first().click();
  const form = page.locator("form#interesse-bestehender-traeger");
  await expect(form.getByText(`Träger: ${orgName}`)).toBeVisible();
  await form.getByLabel("Nachricht (optional)").fill("Wir arbeiten in Voerde und möchten mitmachen.");
  await checkA11y();
  await form.getByRole("button", { name: `${orgName} anmelden` }).click();
  await expect(page.getByRole("heading", { name: "Danke für Ihre Meldung!" })).toBeVisible();
  // Said once, in the box: no toast repeating it.
  await expect(page.getByText("Danke! Ihre Meldung ist angekommen.")).toHaveCount(0);
  await page.goto(`/k/${demo.circleSlug}`);
  await expect(page.getByText(`Die Anfrage für ${orgName} liegt der Koordination vor.`)).toBeVisible();

  // The coordinator sees "bestehender Träger" and admits it.
  await signOutByForgetting(page);
  await login(demo.coordinator(demo.coordinatingOrg), { redirectTo: "/kreis/anfragen" });
  const request = page.getByRole("article").filter({ has: page.getByRole("heading", { name: orgName }) });
  await expect(request.getByText("bestehender Träger")).toBeVisible();
  await expect(request.getByText(owner.email)).toBeVisible();
  await checkA11y();
  await request.getByRole("button", { name: "Aufnehmen" }).click();
  await expect(page.getByText(`${orgName} ist aufgenommen.`)).toBeVisible();

  // The circle's directory lists the Träger exactly once.
  await page.goto(`/traeger?q=${encodeURIComponent(orgName)}`);
  await expect(page.getByRole("link", { name: orgName })).toHaveCount(1);
  await page.goto(`/k/${demo.circleSlug}`);
  await expect(page.getByRole("listitem").filter({ hasText: orgName })).toHaveCount(1);

  // The owner is told and now belongs to the circle with the same Träger.
  const mail = await mails.waitFor({ to: owner.email, subject: "ist jetzt im Kreis" });
  expect(mail.text).toContain(orgName);
  await signOutByForgetting(page);
  await login({ email: owner.email, password: NEW_PASSWORD });
  await page.goto("/");
  await expect(page.getByText("Ihr Träger gehört noch keinem Kreis an.")).toHaveCount(0);
  await page.goto("/traeger");
  await expect(page.getByRole("link", { name: orgName })).toHaveCount(1);
});
