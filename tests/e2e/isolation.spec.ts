// A member of one Träger cannot open another Träger's internal pages: the answer is the same
// "Nicht gefunden" (404) as for a Träger that does not exist, so nothing leaks.
import { test, expect, demo } from "./fixtures";

test("a member of Träger A gets 'Nicht gefunden' on Träger B's member page", async ({ page, login, checkA11y }) => {
  await login(demo.member("du-und-ich"));

  // Their own member page opens (the control).
  const own = await page.goto("/traeger/du-und-ich/mitglieder");
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Du & Ich e. V." })).toBeVisible();

  const other = await page.goto("/traeger/kinderleicht/mitglieder");
  expect(other?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();
  await expect(page.getByText("Kinderleicht")).toHaveCount(0);
  await checkA11y();

  // The same for a Träger that does not exist, and for B's other internal pages.
  for (const path of ["/traeger/gibt-es-nicht/mitglieder", "/traeger/kinderleicht/einstellungen", "/traeger/kinderleicht/protokoll"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();
  }
});
