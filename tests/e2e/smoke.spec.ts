// Smoke test of the production build: the circle's public page answers for a visitor, shows the
// seeded demo circle, offers "Interesse melden", and has no serious or critical axe violations
// (on the desktop and on a 360 px phone).
import { test, expect, demo } from "./fixtures";

test("a visitor opens the circle's public page @phone", async ({ page, checkA11y }) => {
  const response = await page.goto(`/k/${demo.circleSlug}`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Kooperationskreis Wesel/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kooperationskreis Wesel");
  // The six Träger of the circle are listed by name.
  for (const name of ["richtungsWechsel", "KIZ Niederrhein", "freiraumwohnung GmbH", "Kinderleicht"]) {
    await expect(page.getByText(name, { exact: false }).first()).toBeVisible();
  }
  await expect(page.getByRole("button", { name: /Interesse melden|senden/i })).toBeVisible();
  await checkA11y();
});
