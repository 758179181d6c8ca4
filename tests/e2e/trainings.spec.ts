// Gemeinsame Fortbildungen in a real browser, against the production build with the demo circle:
// an organizer publishes a training with 2 seats; three people from two Träger register; the
// third is waitlisted; one cancels; the third gets the offer mail (through the fake Resend),
// follows its link and accepts; the training takes place, the organizer records attendance, and
// the third downloads the certificate (a PDF).
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { test, expect, demo, type Account } from "./fixtures";
import { signOutByForgetting } from "./flows";

const berlinDate = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() + offsetDays * 86_400_000));

test("a training fills up, a seat frees, the waitlisted person accepts and gets a certificate", async ({ page, login, mails, checkA11y }) => {
  test.setTimeout(120_000);
  const title = `Deeskalation kompakt ${randomUUID().slice(0, 6)}`;
  const organizer = demo.coordinator("lebenshilfe-dinslaken");
  const first = demo.member("kiz-niederrhein"); // Paweł Nowak, KIZ Niederrhein
  const second = demo.member("du-und-ich"); // Lena Overbeck, Du & Ich e. V.
  const third = demo.coordinator("kiz-niederrhein"); // Katrin Vos, KIZ Niederrhein
  const as = async (account: Account, path: string) => {
    await signOutByForgetting(page);
    await login(account, { redirectTo: path });
    await page.waitForURL((url) => url.pathname === path);
  };

  // The organizer publishes a training with two seats.
  await login(organizer, { redirectTo: "/fortbildungen/neu" });
  await expect(page.getByRole("heading", { level: 1, name: "Fortbildung anlegen" })).toBeVisible();
  await checkA11y();
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Thema", { exact: true }).selectOption("deeskalation");
  await page.getByLabel("Zielgruppe", { exact: true }).selectOption("fachkraefte");
  await page.getByLabel("Datum", { exact: true }).fill(berlinDate(14));
  await page.getByLabel("Beginn", { exact: true }).fill("09:00");
  await page.getByLabel("Ende", { exact: true }).fill("15:30");
  await page.getByLabel("Adresse", { exact: true }).fill("Lebenshilfe Dinslaken, Hans-Böckler-Straße 30, 46535 Dinslaken");
  await page.getByLabel("Gemeinde", { exact: true }).selectOption("dinslaken");
  await page.getByLabel("Plätze insgesamt").fill("2");
  await page.getByLabel("Gebühr pro Platz in Euro").fill("25");
  await page.getByRole("button", { name: "Speichern und veröffentlichen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Fortbildung veröffentlicht.")).toBeVisible();
  const trainingPath = new URL(page.url()).pathname;
  expect(trainingPath).toMatch(/^\/fortbildungen\/[0-9a-f-]{36}$/);

  // Two people from two Träger take the two seats.
  await as(first, trainingPath);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page.getByText("Sie sind angemeldet: Platz bestätigt.")).toBeVisible();
  await as(second, trainingPath);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page.getByText("Sie sind angemeldet: Platz bestätigt.")).toBeVisible();

  // The third (same Träger as the first) finds it full and joins the waitlist.
  await as(third, trainingPath);
  await expect(page.getByText("ausgebucht").first()).toBeVisible();
  await page.getByRole("button", { name: "Auf die Warteliste" }).click();
  await expect(page.getByText("Sie stehen auf der Warteliste: Platz 1.")).toBeVisible();
  await expect(page.getByText("Warteliste Platz 1").first()).toBeVisible();
  await checkA11y();

  // The first gives the seat back.
  const beforeCancel = new Date();
  await as(first, trainingPath);
  await page.getByText("Stornieren …").click();
  await page.getByRole("button", { name: "Ja, stornieren: Ihre Anmeldung" }).click();
  await expect(page.getByText("Anmeldung storniert.")).toBeVisible();

  // The third gets the offer by mail, follows its link and accepts.
  const offer = await mails.waitFor({ to: third.email, subject: "Platz frei" }, { after: beforeCancel, timeoutMs: 15_000 });
  expect(offer.subject).toContain(title);
  const link = mails.link(offer, trainingPath);
  await signOutByForgetting(page);
  await page.goto(link);
  await page.getByLabel("E-Mail-Adresse").fill(third.email);
  await page.getByLabel("Passwort", { exact: true }).fill(third.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL((url) => url.pathname === trainingPath);
  await expect(page.getByText(/^Platzangebot bis/).first()).toBeVisible();
  await page.getByRole("button", { name: "Platz annehmen: Ihre Anmeldung" }).click();
  await expect(page.getByText("Platz angenommen und bestätigt.")).toBeVisible();
  await expect(page.getByText("bestätigt", { exact: true }).first()).toBeVisible();

  // The training takes place (the organizer moves it to yesterday) and attendance is recorded.
  await as(organizer, `${trainingPath}/bearbeiten`);
  await page.getByLabel("Datum", { exact: true }).fill(berlinDate(-1));
  await page.getByRole("button", { name: "Änderungen speichern" }).click();
  await expect(page.getByText("Änderungen gespeichert.")).toBeVisible();
  await page.getByRole("checkbox", { name: /Katrin Vos/ }).check();
  await page.getByRole("button", { name: "Anwesenheit Termin 1 speichern" }).click();
  await expect(page.getByText("Anwesenheit gespeichert.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Katrin Vos/ })).toBeChecked();

  // The third downloads the certificate.
  await as(third, trainingPath);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Teilnahmebescheinigung herunterladen (PDF)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^teilnahmebescheinigung-deeskalation-kompakt-[0-9a-f]{6}\.pdf$/);
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("browsing the circle's trainings on a phone @phone", async ({ page, login, checkA11y }) => {
  await login(demo.admin("kiz-niederrhein"), { redirectTo: "/fortbildungen" });
  await expect(page.getByRole("heading", { level: 1, name: "Fortbildungen" })).toBeVisible();
  await expect(page.getByText("Deeskalation im Alltag der ambulanten Hilfen")).toBeVisible();
  await checkA11y();
  // The filter form works without leaving the URL out: Gemeinde Hünxe. On the phone it is folded
  // into "Filter" until a filter is set.
  const filterToggle = page.locator("summary", { hasText: "Filter" });
  if (await filterToggle.isVisible()) await filterToggle.click();
  await page.getByLabel("Gemeinde").selectOption("huenxe");
  await page.getByRole("button", { name: "Filtern" }).click();
  await page.waitForURL((url) => url.searchParams.get("gemeinde") === "huenxe");
  await expect(page.getByText("1 Fortbildung gefunden")).toBeVisible();
  await page.getByRole("link", { name: "Deeskalation im Alltag der ambulanten Hilfen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deeskalation im Alltag der ambulanten Hilfen" })).toBeVisible();
  // The demo's contingent: KIZ holds its two seats, the admin waits although a seat is free.
  await expect(page.getByText("Warteliste Platz 2").first()).toBeVisible();
  await expect(page.getByText(/Kontingent von KIZ Niederrhein ist ausgeschöpft/)).toBeVisible();
  await checkA11y();
  // Nothing sticks out sideways (on the phone project: 360 px).
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
});
