// /kalender in a real browser (issue 9's Tests section): month → week → agenda at 360 px and at
// 1280 px with a meeting planned for the test, axe without serious violations in each view, the
// agenda as the phone's default; an entry opened with the keyboard alone; a day with more than
// three entries links "+N weitere" to the day view at 1280 and 360 px (decision 019, "Ninth
// sitting, branch kalender"); "Kalender abonnieren" on /konto shows the feed's URL, the feed
// answers with the meeting, and revoking makes it 404.
import type { Page } from "@playwright/test";
import { test, expect, demo } from "./fixtures";
import { shot } from "./flows";

const host = demo.coordinator("freiraumwohnung");

function berlinDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() + days * 86400_000));
}

/** A Wednesday 8–14 days ahead; the tests open the calendar on that very day, so every view shows it. */
function wednesdayAhead(): string {
  for (let d = 8; d < 15; d++) {
    const day = berlinDay(d);
    if (new Date(`${day}T12:00:00Z`).getUTCDay() === 3) return day;
  }
  throw new Error("no Wednesday");
}

async function planMeeting(page: Page, title: string, date: string, from = "10:00", to = "12:00"): Promise<string> {
  await page.goto("/treffen/neu");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Datum", { exact: true }).fill(date);
  await page.getByLabel("Beginn", { exact: true }).fill(from);
  await page.getByLabel("Ende", { exact: true }).fill(to);
  await page.getByLabel("Ort (Adresse)").fill("Mittelstraße 21");
  await page.getByLabel("Gemeinde", { exact: true }).selectOption("schermbeck");
  await page.getByRole("button", { name: "Treffen anlegen und einladen" }).click();
  await page.waitForURL(/\/treffen\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

const day = wednesdayAhead();
const title = `Kalendertreffen ${Math.random().toString(36).slice(2, 7).replace(/\d/g, "x")}`;
let meetingId = "";

test.describe.configure({ mode: "serial" });
// Several pages, views and axe runs per test on a shared, slow machine.
test.setTimeout(150_000);

test("a planned meeting appears in month, week and agenda at 1280 px and 360 px", async ({ page, login, checkA11y }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(host);
  meetingId = await planMeeting(page, title, day);

  // The main navigation leads there.
  await page.goto("/");
  await page.getByRole("link", { name: "Kalender", exact: true }).first().click();
  await page.waitForURL(/\/kalender/);

  await page.goto(`/kalender?datum=${day}&ansicht=monat`);
  const grid = page.locator(".rbc-month-view");
  await expect(grid).toBeVisible();
  await expect(grid.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await checkA11y();
  await shot(page, testInfo, "kalender-monat-1280");

  await page.getByRole("button", { name: "Woche" }).click();
  await expect(page.locator(".rbc-time-view")).toBeVisible();
  await expect(page.locator(".rbc-time-view").getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await expect(page).toHaveURL(/ansicht=woche/);
  await checkA11y();

  await page.getByRole("button", { name: "Liste" }).click();
  await expect(page.locator(".rbc-agenda-view")).toBeVisible();
  await expect(page.locator(".rbc-agenda-view").getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await checkA11y();

  // The plain list below carries the same entry, with its time in 24-hour form.
  const list = page.getByRole("region", { name: "Alle Termine als Liste" });
  await expect(list.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await expect(list).toContainText("10:00–12:00 Uhr");

  // 360 px: the agenda is the default; month and week still work and nothing overflows sideways.
  await page.setViewportSize({ width: 360, height: 760 });
  await page.goto(`/kalender?datum=${day}`);
  await expect(page.locator(".rbc-agenda-view")).toBeVisible();
  await expect(page.locator(".rbc-agenda-view").getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await shot(page, testInfo, "kalender-liste-360");
  await checkA11y();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "Monat" }).click();
  await expect(page.locator(".rbc-month-view")).toBeVisible();
  await expect(page.locator(".rbc-month-view").getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await shot(page, testInfo, "kalender-monat-360");
  await page.getByRole("button", { name: "Woche" }).click();
  await expect(page.locator(".rbc-time-view")).toBeVisible();
  await page.getByRole("button", { name: "Liste" }).click();
  await expect(page.locator(".rbc-agenda-view")).toBeVisible();

  // Filters: without "Treffen" the entry is gone from the list.
  await page.getByRole("checkbox", { name: "Treffen" }).uncheck();
  await expect(page).toHaveURL(/art=/);
  await expect(page.getByRole("region", { name: "Alle Termine als Liste" }).getByRole("link", { name: new RegExp(title) })).toHaveCount(0);
});

test("an entry is opened with the keyboard alone", async ({ page, login }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(host);
  await page.goto(`/kalender?datum=${day}&ansicht=monat`);
  await expect(page.locator(".rbc-month-view")).toBeVisible();
  let found = false;
  for (let i = 0; i < 150 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(
      (t) => document.activeElement?.closest(".rbc-month-view") !== null && (document.activeElement?.textContent ?? "").includes(t),
      title,
    );
  }
  expect(found, "Tab reaches the entry in the month grid").toBe(true);
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/treffen/${meetingId}$`));
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
});

test("a day with more than three entries links '+N weitere' to the day view at 1280 px and 360 px", async ({ page, login, checkA11y }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(host);
  // Three more meetings on the day (with the first test's one: four, one more than a cell holds).
  const later = [`${title} Mittag`, `${title} Nachmittag`, `${title} Abend`];
  await planMeeting(page, later[0]!, day, "13:00", "14:00");
  await planMeeting(page, later[1]!, day, "15:00", "16:00");
  await planMeeting(page, later[2]!, day, "17:00", "18:00");
  const [y, m, d] = day.split("-");
  const more = new RegExp(`^\\+?\\d+ weitere am .*, ${d}\\.${m}\\.$`);

  await page.goto(`/kalender?datum=${day}&ansicht=monat`);
  const grid = page.locator(".rbc-month-view");
  await expect(grid).toBeVisible();
  const cellLink = grid.getByRole("link", { name: more });
  await expect(cellLink).toBeVisible();
  await expect(cellLink).toHaveText(/^\+\d+ weitere$/);
  await shot(page, testInfo, "kalender-monat-weitere-1280");
  await cellLink.click();
  await expect(page).toHaveURL(new RegExp(`ansicht=tag`));
  await expect(page).toHaveURL(new RegExp(`datum=${day}`));
  const dayView = page.getByRole("region", { name: new RegExp(`${Number(d)}\\. .* ${y}`) });
  for (const t of [title, ...later]) await expect(dayView.getByRole("link", { name: new RegExp(t + "$") })).toBeVisible();
  await checkA11y();
  await shot(page, testInfo, "kalender-tag-1280");
  // The next day, and back to the month.
  await page.getByRole("navigation", { name: "Tage" }).getByRole("link").last().click();
  await expect(page).toHaveURL(/ansicht=tag/);
  await expect(page).not.toHaveURL(new RegExp(`datum=${day}`));
  await page.getByRole("link", { name: /^Zum Monat/ }).click();
  await expect(page.locator(".rbc-month-view")).toBeVisible();

  // 360 px: the plain list below the calendar says how many more, and leads to the same day view.
  await page.setViewportSize({ width: 360, height: 760 });
  await page.goto(`/kalender?datum=${day}&ansicht=monat`);
  await expect(page.locator(".rbc-month-view").getByRole("link", { name: more })).toBeVisible();
  await shot(page, testInfo, "kalender-monat-weitere-360");
  await page.goto(`/kalender?datum=${day}`);
  await expect(page.locator(".rbc-agenda-view")).toBeVisible();
  await expect(page.locator(".rbc-agenda-view").getByRole("link", { name: more })).toBeVisible();
  await shot(page, testInfo, "kalender-liste-weitere-360");
  const listLink = page.getByRole("region", { name: "Alle Termine als Liste" }).getByRole("link", { name: more });
  await expect(listLink).toBeVisible();
  await listLink.click();
  await expect(page).toHaveURL(/ansicht=tag/);
  for (const t of [title, ...later]) await expect(page.getByRole("link", { name: new RegExp(t + "$") })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await checkA11y();
  await shot(page, testInfo, "kalender-tag-360");
});

test("subscribing shows the feed's URL, the feed has the meeting, and revoking makes it 404", async ({ page, login }) => {
  await login(host);
  await page.goto("/konto");
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Kalender abonnieren" }) });
  await card.getByRole("button", { name: /Kalender-Link erzeugen|Neuen Link erzeugen/ }).click();
  const field = card.getByLabel("Ihr Kalender-Link (nur jetzt sichtbar)");
  await expect(field).toBeVisible();
  const url = await field.inputValue();
  expect(url).toMatch(/\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
  const path = new URL(url).pathname;

  const feed = await page.request.get(path);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const body = await feed.text();
  expect(body).toContain(`UID:meeting-${meetingId}@traegerkreis`);
  expect(body).toContain(`DTSTART;TZID=Europe/Berlin:${day.replace(/-/g, "")}T100000`);
  const cached = await page.request.get(path, { headers: { "If-None-Match": feed.headers()["etag"]! } });
  expect(cached.status()).toBe(304);

  await card.getByRole("button", { name: "Abo widerrufen" }).click();
  await expect(page.getByText("Das Kalender-Abo ist widerrufen.")).toBeVisible();
  await expect(card.getByText("Noch kein Kalender-Abo eingerichtet.")).toBeVisible();
  const gone = await page.request.get(path);
  expect(gone.status()).toBe(404);
  expect(await gone.text()).toContain("Kalender-Link gilt nicht");
});
