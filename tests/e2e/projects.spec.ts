// Gemeinsame Projekte in a real browser (issue 10's Tests section): A posts an idea; B answers
// "Wir machen mit"; A accepts; B posts an update and gets a task; a member of C sees the idea and
// that B takes part, and gets "Nicht gefunden" on the workspace URL. On the way: the period check
// of the idea form (German message, nothing written).
import type { Page } from "@playwright/test";
import { test, expect, demo, signIn, type Account } from "./fixtures";
import { shot } from "./flows";

const A = demo.coordinator("richtungswechsel");
const B = demo.coordinator("lebenshilfe-dinslaken");
const memberC = demo.member("kiz-niederrhein");

async function switchTo(page: Page, account: Account) {
  await page.context().clearCookies();
  await signIn(page, account);
}

test("an idea finds a partner; the workspace stays with the partners", async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(180_000);
  const title = `Stadtteilfest für Kinder ${Date.now().toString(36).replace(/[0-9]/g, "")}`;

  // A posts an idea; a period ending before it starts is refused first.
  await switchTo(page, A);
  await page.goto("/projekte");
  await page.getByRole("link", { name: "Projektidee anlegen" }).click();
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Ziel", { exact: true }).fill("Ein Nachmittag mit Spielstationen für die Kinder unserer Familien im Stadtteil.");
  await page.getByLabel("Gesucht (optional)").fill("Zwei Fachkräfte für den Nachmittag, eine Hüpfburg");
  await page.getByLabel("Zeitraum von (optional)").fill("2027-06-20");
  await page.getByLabel("Zeitraum bis (optional)").fill("2027-06-10");
  await page.getByRole("button", { name: "Im Kreis veröffentlichen" }).click();
  await expect(page.getByText("Das Ende des Zeitraums liegt vor dem Beginn.")).toBeVisible();
  await page.getByLabel("Zeitraum bis (optional)").fill("2027-06-20");
  await page.getByRole("button", { name: "Im Kreis veröffentlichen" }).click();
  await page.waitForURL(/\/projekte\/[0-9a-f-]{36}$/);
  const projectId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // B answers "Wir machen mit".
  await switchTo(page, B);
  await page.goto("/projekte");
  await page.getByRole("link", { name: title }).click();
  await page.getByLabel("Nachricht an die Projektleitung (optional)").fill("Wir bringen Spielgeräte und zwei Kolleginnen mit.");
  await page.getByRole("button", { name: "Wir machen mit" }).click();
  await expect(page.getByText("Ihre Anfrage für Lebenshilfe Dinslaken e. V. liegt der Projektleitung vor.")).toBeVisible();
  // Not yet a partner: the workspace is closed.
  await page.goto(`/projekte/${projectId}/arbeitsraum`);
  await expect(page.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();

  // A accepts.
  await switchTo(page, A);
  await page.goto(`/projekte/${projectId}`);
  await expect(page.getByText("„Wir bringen Spielgeräte und zwei Kolleginnen mit.“")).toBeVisible();
  await page.getByLabel("Antwort an den Träger (optional)").fill("Sehr gern!");
  await page.getByRole("button", { name: "Annehmen" }).click();
  await expect(page.getByRole("list", { name: "Beteiligte Träger" }).getByRole("link", { name: "Lebenshilfe Dinslaken e. V." })).toBeVisible();

  // B posts an update.
  await switchTo(page, B);
  await page.goto(`/projekte/${projectId}`);
  await page.getByRole("link", { name: "Zum Arbeitsraum" }).click();
  await page.waitForURL(`**/projekte/${projectId}/arbeitsraum`);
  await page.getByLabel("Neuer Beitrag").fill("Die Hüpfburg ist für den Nachmittag reserviert.");
  await page.getByRole("button", { name: "Beitrag veröffentlichen" }).click();
  await expect(page.getByRole("list", { name: "Beiträge" }).getByText("Die Hüpfburg ist für den Nachmittag reserviert.")).toBeVisible();

  // A gives B's Träger a task; B sees it.
  await switchTo(page, A);
  await page.goto(`/projekte/${projectId}/arbeitsraum`);
  await expect(page.getByText("Die Hüpfburg ist für den Nachmittag reserviert.")).toBeVisible();
  await page.getByLabel("Aufgabe", { exact: true }).fill("Spielstationen aufbauen");
  await page.getByLabel("Wer übernimmt?").selectOption({ label: "Lebenshilfe Dinslaken e. V. (Träger)" });
  await page.getByLabel("Fällig am (optional)").fill("2027-06-19");
  await page.getByRole("button", { name: "Aufgabe anlegen" }).click();
  await expect(page.getByRole("list", { name: "Aufgaben" }).getByText("Spielstationen aufbauen")).toBeVisible();

  await switchTo(page, B);
  await page.goto(`/projekte/${projectId}/arbeitsraum`);
  const task = page.getByRole("list", { name: "Aufgaben" }).getByRole("listitem").filter({ hasText: "Spielstationen aufbauen" });
  await expect(task).toContainText("Lebenshilfe Dinslaken e. V. · fällig 19.06.2027 · offen");
  await task.getByRole("button", { name: "Erledigt" }).click();
  await expect(task).toContainText("erledigt");
  await page.goto("/benachrichtigungen");
  await expect(page.getByText("Neue Aufgabe: Spielstationen aufbauen")).toBeVisible();
  await page.goto(`/projekte/${projectId}/arbeitsraum`);
  await shot(page, testInfo, "projekte-arbeitsraum");
  await checkA11y();

  // A member of C sees the idea and that B takes part, but not the workspace.
  await switchTo(page, memberC);
  await page.goto("/projekte");
  const card = page.getByRole("article").filter({ hasText: title });
  await expect(card).toContainText("mit Lebenshilfe Dinslaken e. V.");
  await card.getByRole("link", { name: title }).click();
  await expect(page.getByRole("list", { name: "Beteiligte Träger" })).toContainText("Lebenshilfe Dinslaken e. V.");
  await expect(page.getByRole("link", { name: "Zum Arbeitsraum" })).toHaveCount(0);
  await expect(page.getByText("Die Hüpfburg")).toHaveCount(0);
  await shot(page, testInfo, "projekte-idee");
  await checkA11y();
  const response = await page.goto(`/projekte/${projectId}/arbeitsraum`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();
  await expect(page.getByText("Die Hüpfburg")).toHaveCount(0);
});
