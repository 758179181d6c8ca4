// The screen of undeliverable mails: reachable from the Träger's Protokoll and
// the circle's pages, German, accessible, on the phone too. (The demo circle has no undeliverable
// mail; who sees which mail and the re-queue are proven in vitest and pgTAP.)
import { demo, expect, test } from "./fixtures";

test("a Träger admin finds the undeliverable mails from the Protokoll @phone", async ({ page, login, checkA11y }) => {
  await login(demo.admin("du-und-ich"));
  await page.goto("/traeger/du-und-ich/protokoll");
  await page.getByRole("link", { name: "Unzustellbare E-Mails" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Unzustellbare E-Mails" })).toBeVisible();
  await expect(page.getByText("Keine unzustellbaren E-Mails.")).toBeVisible();
  await expect(page.getByText(/72 Stunden/)).toBeVisible();
  await checkA11y();
});

test("the circle's coordinator finds them among the circle's pages", async ({ page, login, checkA11y }) => {
  await login(demo.coordinator(demo.coordinatingOrg));
  await page.goto("/kreis/anfragen");
  await page.getByRole("link", { name: /Unzustellbar/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Unzustellbare E-Mails" })).toBeVisible();
  await checkA11y();
});
