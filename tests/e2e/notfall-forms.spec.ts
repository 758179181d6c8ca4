// Issue 12, the Notfall forms in Chromium against the production build:
//   - a Träger's coordinator chooses a favourite partner Träger (/traeger/:slug/favoriten),
//   - posts a request "Fachkraft erforderlich (§ 72 SGB VIII)" going to the favourites first, to
//     the partner Träger from one time and to the whole circle from a later one,
//   - and sees the steps with their times on the request's page;
//   - on a 360 px phone (@phone) the favourites page and the form's new choices fit and work.
import type { Page } from "@playwright/test";
import { berlinDateTimeLocal } from "../../app/utils/berlin-time";
import { test, expect, demo } from "./fixtures";
import { shot } from "./flows";

test.describe.configure({ timeout: 90_000 });

const ORG = "kinderleicht" as const;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const clock = (date: Date) => date.toLocaleTimeString("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" });

/** Adds a favourite through the page (the first Träger offered) and returns its name. */
async function addFavourite(page: Page): Promise<string> {
  await page.goto(`/traeger/${ORG}/favoriten`);
  await expect(page.getByRole("heading", { level: 1, name: "Favoriten für Vertretungen" })).toBeVisible();
  const select = page.getByLabel("Träger aus Ihrem Kreis");
  const name = (await select.locator("option").nth(1).innerText()).trim();
  await select.selectOption({ label: name });
  await page.getByRole("button", { name: "Hinzufügen" }).click();
  await expect(page.getByText("Favorit hinzugefügt.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Favoriten" }).getByRole("link", { name })).toBeVisible();
  return name;
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a coordinator sets a favourite and posts a Fachkraft request to the favourites first, with the steps' times on its page", async ({ page, login }, testInfo) => {
  await login(demo.coordinator(ORG));
  // The Träger navigation leads there.
  await page.goto(`/traeger/${ORG}`);
  await page.getByRole("link", { name: "Favoriten" }).click();
  await expect(page).toHaveURL(`/traeger/${ORG}/favoriten`);
  await addFavourite(page);
  await shot(page, testInfo, "favoriten");

  await page.goto("/vertretungen/neu");
  await expect(page.getByRole("heading", { level: 1, name: "Vertretung anfragen" })).toBeVisible();
  await page.getByText("Notfall", { exact: true }).click();
  await page.getByLabel("Hilfeart", { exact: true }).selectOption("p31");
  await page.getByLabel("Gemeinde", { exact: true }).selectOption("voerde");
  await page.getByLabel("Bis").fill(day(10));
  await page.getByLabel("Stunden pro Woche (Fachleistungsstunden)").fill("8");
  await page.getByLabel("Beschreibung", { exact: true }).fill("Zwei Termine pro Woche, Schwerpunkt Alltag und Schule, ab sofort.");
  await page.getByLabel(/Fachkraft erforderlich \(§ 72 SGB VIII\)/).check();
  await page.getByText("Zuerst an unsere Favoriten").click();
  const partnersAt = new Date(Math.ceil((Date.now() + 3600_000) / 60_000) * 60_000);
  const widenAt = new Date(partnersAt.getTime() + 2 * 3600_000);
  await page.getByLabel("Ab dann an Partner-Träger").fill(berlinDateTimeLocal(partnersAt));
  await page.getByLabel("Danach für den ganzen Kreis ab").fill(berlinDateTimeLocal(widenAt));
  await page.getByLabel("Die Beschreibung enthält keine Sozialdaten.").check();
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await page.waitForURL(/\/vertretungen\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Anfrage veröffentlicht.")).toBeVisible();
  await expect(page.getByText("Ihre Favoriten werden jetzt benachrichtigt")).toBeVisible();

  const steps = page.getByRole("region", { name: "Wer die Anfrage sieht" }).or(page.locator("section", { hasText: "Wer die Anfrage sieht" }));
  await expect(steps.getByText("Jetzt: die zuerst angefragten Träger")).toBeVisible();
  await expect(steps.getByText(`ab ${clock(partnersAt)} auch die Partner-Träger`)).toBeVisible();
  await expect(steps.getByText(`ab ${clock(widenAt)} sieht der ganze Kreis die Anfrage`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Jetzt für den ganzen Kreis freigeben" })).toBeVisible();
  await shot(page, testInfo, "anfrage-stufen");
});

test("@phone the favourites page and the request form's new choices work at 360 px", async ({ page, login }, testInfo) => {
  await login(demo.admin(ORG));
  await page.goto(`/traeger/${ORG}/favoriten`);
  await expect(page.getByRole("heading", { level: 1, name: "Favoriten für Vertretungen" })).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, testInfo, "favoriten");

  await page.goto("/vertretungen/neu");
  await expect(page.getByRole("heading", { level: 1, name: "Vertretung anfragen" })).toBeVisible();
  const fachkraft = page.getByLabel(/Fachkraft erforderlich \(§ 72 SGB VIII\)/);
  await fachkraft.check();
  await expect(fachkraft).toBeChecked();
  await expect(page.getByLabel("Ab dann an Partner-Träger")).toBeHidden();
  await page.getByText("Zuerst an unsere Favoriten").click();
  await expect(page.getByLabel("Ab dann an Partner-Träger")).toBeVisible();
  await expect(page.getByLabel("Danach für den ganzen Kreis ab")).toBeVisible();
  await expect(page.getByRole("link", { name: "Favoriten verwalten" })).toBeVisible();
  await noSidewaysScroll(page);
  // A partner step after the whole circle is refused in German at the field.
  await page.getByText("Dringend", { exact: true }).click();
  await page.getByLabel("Hilfeart", { exact: true }).selectOption("p31");
  await page.getByLabel("Gemeinde", { exact: true }).selectOption("voerde");
  await page.getByLabel("Bis").fill(day(10));
  await page.getByLabel("Stunden pro Woche (Fachleistungsstunden)").fill("8");
  await page.getByLabel("Beschreibung", { exact: true }).fill("Zwei Termine pro Woche, Schwerpunkt Alltag und Schule, ab sofort.");
  await page.getByLabel("Ab dann an Partner-Träger").fill(berlinDateTimeLocal(new Date(Date.now() + 5 * 3600_000)));
  await page.getByLabel("Danach für den ganzen Kreis ab").fill(berlinDateTimeLocal(new Date(Date.now() + 3 * 3600_000)));
  await page.getByRole("button", { name: "Als Entwurf speichern" }).last().click();
  await expect(page.getByText(/Die Partner-Träger kommen vor dem ganzen Kreis/)).toBeVisible();
  await page.getByLabel("Ab dann an Partner-Träger").scrollIntoViewIfNeeded();
  await shot(page, testInfo, "anfrage-favoriten");

  await page.goto(`/traeger/${ORG}/personal`);
  await expect(page.getByRole("heading", { level: 1, name: "Personal für Vertretungen" })).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, testInfo, "personal");
});
