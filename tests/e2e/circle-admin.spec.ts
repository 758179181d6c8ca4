// Circle administration: a coordinator removes a Träger from the circle with a reason;
// the removed Träger's owner gets the reason by mail and no longer sees the circle; the removal
// is in the circle's Protokoll, in German. (What removal closes — cover requests, offers,
// registrations — is proven per persona in supabase/tests/32_/33_circle_*.sql.) The Träger is
// created and admitted here, so the shared demo Träger stay in the circle for the other specs.
import { randomUUID } from "node:crypto";
import { test, expect, demo, uniqueEmail } from "./fixtures";
import { NEW_PASSWORD, signOutByForgetting, signUpWithOwnTraeger } from "./flows";

test("a coordinator removes a Träger from the circle with a reason", async ({ page, login, mails, checkA11y }) => {
  const removedName = `Jugendhilfe Emscherbogen ${randomUUID().slice(0, 6)}`;
  const owner = { fullName: "Gökhan Şahin", email: uniqueEmail("entfernt") };
  const reason = "Der Träger hat den Kreis zum Jahresende verlassen.";

  await signUpWithOwnTraeger(page, mails, owner, removedName);
  await page.goto(`/k/${demo.circleSlug}`);
  await page.getByRole("button", { name: `${removedName} anmelden` }).click();
  await expect(page.getByRole("heading", { name: "Danke für Ihre Meldung!" })).toBeVisible();
  await signOutByForgetting(page);
  await login(demo.coordinator(demo.coordinatingOrg), { redirectTo: "/kreis/anfragen" });
  await page.getByRole("article").filter({ has: page.getByRole("heading", { name: removedName }) }).getByRole("button", { name: "Aufnehmen" }).click();
  await expect(page.getByText(`${removedName} ist aufgenommen.`)).toBeVisible();

  await page.getByRole("navigation", { name: "Kreis verwalten" }).getByRole("link", { name: /Träger/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Träger des Kreises" })).toBeVisible();
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: removedName }) });
  await checkA11y();
  await card.getByText("Aus dem Kreis entfernen …").click();
  // No reason: refused under the field, nothing changes.
  await card.getByRole("button", { name: `${removedName} entfernen` }).click();
  await expect(card.getByText("Bitte geben Sie einen Grund an")).toBeVisible();
  await card.getByLabel(`Grund für ${removedName}`).fill(reason);
  await card.getByRole("button", { name: `${removedName} entfernen` }).click();
  await expect(page.getByText(`${removedName} gehört nicht mehr zu`)).toBeVisible();
  await expect(page.getByRole("article").filter({ has: page.getByRole("heading", { name: removedName }) })).toHaveCount(0);

  // The circle's Protokoll names it, in German.
  await page.getByRole("link", { name: "Protokoll" }).click();
  const entry = page.getByRole("listitem").filter({ hasText: reason }).first();
  await expect(entry.getByText("Aus dem Kreis entfernt", { exact: true })).toBeVisible();
  await expect(page.getByText("network.removed")).toHaveCount(0);
  await checkA11y();

  // The owner of the removed Träger is told why and no longer sees the circle's directory.
  const mail = await mails.waitFor({ to: owner.email, subject: "gehört nicht mehr zum Kreis" });
  expect(mail.text).toContain(reason);
  await signOutByForgetting(page);
  await login({ email: owner.email, password: NEW_PASSWORD }, { redirectTo: "/traeger" });
  await expect(page.getByRole("link", { name: "KIZ Niederrhein" })).toHaveCount(0);
});
