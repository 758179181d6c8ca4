// On a phone, "Notfälle ansehen" opened the board with the filter form above
// the requests and the first card below the screen. Now the filters stay folded ("Filter · 1
// aktiv") and the first open Notfall starts on the first screen.
import { test, expect, demo } from "./fixtures";
import { shot } from "./flows";

test("„Notfälle ansehen“ on a phone shows the first Notfall on the first screen @phone", async ({ page, login, checkA11y }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the layout under test is the phone's (360 px)");
  await login(demo.coordinator("freiraumwohnung"));
  await page.getByRole("link", { name: "Notfälle ansehen" }).click();
  await page.waitForURL(/\/vertretungen\?dringlichkeit=notfall$/);
  await expect(page.getByText("1 aktiv")).toBeVisible();
  await expect(page.getByLabel("Dringlichkeit")).toBeHidden();
  const first = page.getByRole("article").first();
  await expect(first.getByText("Notfall", { exact: true })).toBeVisible();
  const box = await first.boundingBox();
  const height = await page.evaluate(() => window.innerHeight);
  expect(box!.y + 80, "the first card starts on the first screen").toBeLessThan(height);
  await shot(page, testInfo, "notfaelle-ansehen");
  await checkA11y();
  // The filters are one tap away.
  await page.locator("summary", { hasText: "Filter" }).click();
  await expect(page.getByLabel("Dringlichkeit")).toBeVisible();
});
