// The Vertretungsbörse end to end: the coordinator of Träger A (Du & Ich) posts a Notfall
// addressed first to Träger B (KIZ Niederrhein); B's coordinator gets the mail, follows its link
// and offers; A accepts; both see the other side's contact person (B also the handover notes);
// once the request is open to the whole circle, a member of Träger C (Kinderleicht) sees it as
// "besetzt" and learns nothing about the offer. Each person has their own browser.
import type { Browser, Page } from "@playwright/test";
import { berlinDateTimeLocal } from "../../app/utils/berlin-time";
import { test, expect, demo, signIn, expectNoSeriousA11yViolations, type Account } from "./fixtures";

/** A signed-in browser of its own whose console errors fail the test, like the `page` fixture. */
async function browserOf(browser: Browser, account: Account, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: "de-DE", timezoneId: "Europe/Berlin" });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`${account.email}: pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const documentStatus = message.text().startsWith("Failed to load resource") && message.location().url === page.url();
    if (!documentStatus) errors.push(`${account.email}: console.error: ${message.text()}`);
  });
  await signIn(page, account);
  return page;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("a Notfall goes first to one Träger, it offers, the requester accepts; a third Träger sees only 'besetzt'", async ({
  page,
  login,
  mails,
  browser,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  const requester = { coordinator: demo.coordinator("du-und-ich"), name: "Mehmet Yıldız" };
  const addressee = { coordinator: demo.coordinator("kiz-niederrhein"), name: "Katrin Vos", org: "KIZ Niederrhein" };

  // A posts a Notfall, first only to KIZ Niederrhein; the whole circle sees it a minute later.
  await login(requester.coordinator, { redirectTo: "/vertretungen/neu" });
  await expect(page.getByRole("heading", { level: 1, name: "Vertretung anfragen" })).toBeVisible();
  await page.getByText("Notfall", { exact: true }).click();
  await page.getByLabel("Hilfeart", { exact: true }).selectOption("p31");
  await page.getByLabel("Gemeinde", { exact: true }).selectOption("voerde");
  await page.getByLabel("Bis").fill(day(10));
  await page.getByLabel("Stunden pro Woche (Fachleistungsstunden)").fill("10");
  await page.getByLabel("Sprachen (optional)").fill("Arabisch");
  // The live Sozialdaten screen warns while typing …
  const description = page.getByLabel("Beschreibung", { exact: true });
  await description.fill("Familie Haddad braucht sofort Unterstützung.");
  await expect(page.getByRole("alert").filter({ hasText: "„Familie Haddad“ sieht nach einem Namen aus" })).toBeVisible();
  // … and is quiet once the description describes the need.
  await description.fill("Familie mit zwei Kindern, zwei Termine pro Woche, Schwerpunkt Alltag und Schule.");
  await expect(page.getByRole("alert").filter({ hasText: "Sozialdaten" })).toHaveCount(0);
  await page.getByLabel("Fallkürzel (optional)").fill("F-2026-099");
  await page
    .getByLabel("Was die übernehmende Fachkraft wissen muss (optional)")
    .fill("Familie Haddad, Bahnhofstraße 3, Voerde. Termine dienstags und freitags vormittags.");
  await page.getByText("Zuerst an bestimmte Träger").click();
  await page.getByRole("checkbox", { name: addressee.org }).check();
  // The form takes minutes: the next full minute, unless that is too close to publishing.
  let widenAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  if (widenAt.getTime() - Date.now() < 12_000) widenAt = new Date(widenAt.getTime() + 60_000);
  await page.getByLabel("Danach für den ganzen Kreis ab").fill(berlinDateTimeLocal(widenAt));
  await page.getByLabel("Die Beschreibung enthält keine Sozialdaten.").check();
  const publishedAt = new Date();
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await page.waitForURL(/\/vertretungen\/[0-9a-f-]{36}$/);
  const requestUrl = new URL(page.url()).pathname;
  await expect(page.getByText("Anfrage veröffentlicht.")).toBeVisible();
  await expect(page.getByText(`Zuerst nur ${addressee.org}`)).toBeVisible();

  // B's coordinator gets the mail and follows its link.
  const mail = await mails.waitFor(
    { to: addressee.coordinator.email, subject: "direkt angefragt" },
    { after: publishedAt, timeoutMs: 20_000 },
  );
  const link = mails.link(mail, "/vertretungen/");
  expect(new URL(link).pathname).toBe(requestUrl);
  const offerer = await browserOf(browser, addressee.coordinator, errors);
  await offerer.goto(link);
  await expect(offerer.getByText("Zuerst nur Ihren Träger (direkt angefragt)")).toBeVisible();
  await expect(offerer.getByText("F-2026-099")).toHaveCount(0);
  await expect(offerer.getByText("Bahnhofstraße")).toHaveCount(0);
  const offerForm = offerer.getByRole("region", { name: "Angebot machen" });
  await expect(offerForm.getByLabel("Std./Woche")).toHaveValue("10");
  await offerForm.getByLabel("Qualifikation der Fachkraft").fill("Sozialpädagogin, 4 Jahre SPFH");
  await offerForm.getByLabel("Sprachen").fill("Arabisch, Englisch");
  await offerForm.getByLabel("Nachricht (optional)").fill("Führerschein und Auto vorhanden.");
  await offerForm.getByRole("button", { name: "Angebot abgeben" }).click();
  await expect(offerer.getByText("Angebot abgegeben.")).toBeVisible();
  await expect(offerer.getByRole("region", { name: "Unser Angebot" }).getByText("Angeboten", { exact: true })).toBeVisible();

  // A sees the offer and accepts it.
  await page.reload();
  const offers = page.getByRole("region", { name: /Angebote/ });
  const offer = offers.getByRole("article").filter({ hasText: addressee.org });
  await expect(offer.getByText("Sozialpädagogin, 4 Jahre SPFH")).toBeVisible();
  await offer.getByRole("button", { name: "Annehmen" }).click();
  await expect(page.getByText("Angebot angenommen – die Anfrage ist besetzt.")).toBeVisible();
  await expect(page.getByText("Besetzt – die Stunden sind vollständig zugesagt.")).toBeVisible();

  // Both see the other side's contact person; B also the handover notes.
  const contactsA = page.getByRole("region", { name: "Ansprechpersonen" });
  await expect(contactsA.getByText(addressee.name)).toBeVisible();
  await expect(contactsA.getByText("02841 0388-12")).toBeVisible();
  await offerer.reload();
  const contactsB = offerer.getByRole("region", { name: "Ansprechpersonen" });
  await expect(contactsB.getByText(requester.name)).toBeVisible();
  await expect(contactsB.getByText("0208 0629-16")).toBeVisible();
  await expect(offerer.getByRole("region", { name: "Übergabenotizen" }).getByText("Bahnhofstraße 3")).toBeVisible();
  await expect(offerer.getByText("Angenommen: 10 Std./Woche")).toBeVisible();

  // A member of C: nothing until the request opens to the circle, then "besetzt" and no offer.
  const third = await browserOf(browser, demo.member("kinderleicht"), errors);
  const before = await third.goto(requestUrl);
  if (Date.now() < widenAt.getTime()) expect(before?.status()).toBe(404);
  await expect
    .poll(async () => (await third.goto(requestUrl))?.status(), { timeout: 150_000, intervals: [2_000] })
    .toBe(200);
  await expect(third.getByText("Besetzt – die Stunden sind vollständig zugesagt.")).toBeVisible();
  await expect(third.getByText("Besetzt · 10 Std./Woche zugesagt")).toBeVisible();
  await expect(third.getByText(addressee.org)).toHaveCount(0);
  await expect(third.getByText("Sozialpädagogin, 4 Jahre SPFH")).toHaveCount(0);
  await expect(third.getByRole("region", { name: "Ansprechpersonen" })).toHaveCount(0);
  await expect(third.getByText("Bahnhofstraße")).toHaveCount(0);
  await expect(third.getByRole("button", { name: "Angebot abgeben" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(third);

  await offerer.context().close();
  await third.context().close();
  expect(errors, "The other browsers reported errors").toEqual([]);
});

test("the board, a request and the form on a phone @phone", async ({ page, login, checkA11y }) => {
  // Six pages, each with an axe check (2–5 s each on this 2-core machine, more under load).
  test.setTimeout(90_000);
  // The demo's open Notfall of Du & Ich is addressed first to freiraumwohnung.
  await login(demo.coordinator("freiraumwohnung"), { redirectTo: "/vertretungen" });
  await expect(page.getByRole("heading", { level: 1, name: "Vertretungen" })).toBeVisible();
  const card = page.getByRole("article").filter({ hasText: "Direkt an Ihren Träger gerichtet" });
  await expect(card.getByText("Notfall", { exact: true })).toBeVisible();
  await expect(card.getByText("0 von 15 Std./Woche zugesagt")).toBeVisible();
  await checkA11y();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await page.evaluate(() => window.innerWidth),
  );
  await card.getByRole("link").click();
  await page.waitForURL(/\/vertretungen\/d6000000-0000-4000-8000-000000000001$/);
  await expect(page.getByRole("region", { name: "Angebot machen" })).toBeVisible();
  await checkA11y();

  await page.goto("/vertretungen?ansicht=anfragen");
  await checkA11y();
  await page.goto("/vertretungen/neu");
  await expect(page.getByRole("heading", { level: 1, name: "Vertretung anfragen" })).toBeVisible();
  await checkA11y();
  await page.goto("/vertretungen/bilanz");
  await checkA11y();
  await page.goto("/vertretungen/benachrichtigungen");
  await checkA11y();
});
