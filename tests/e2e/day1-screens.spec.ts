// The screens added or changed in the first review, on a 360 px phone: no horizontal scroll, no serious axe
// violation, no standalone link or button smaller than 24 × 24 px (WCAG 2.5.8). With
// E2E_SHOTS_DIR set, each is saved as a full-page screenshot to look at.
import { test, expect, demo } from "./fixtures";
import { shot, signOutByForgetting } from "./flows";

async function checkScreen(page: import("@playwright/test").Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
  // Targets: links and buttons that are not part of running text (a sentence in a p/li/td).
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main a, main button, main summary, footer a, [role=status] button")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        // A stretched link (its ::after covers the whole card) is as large as the card.
        if (getComputedStyle(el, "::after").position === "absolute") return false;
        const parent = el.parentElement;
        const inSentence = parent && ["P", "LI", "TD", "DD", "SPAN"].includes(parent.tagName) && (parent.textContent ?? "").trim().length > (el.textContent ?? "").trim().length + 2;
        return !inSentence && (r.height < 24 || r.width < 24);
      })
      .map((el) => `${el.tagName} "${(el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().height)}px`),
  );
  expect(small).toEqual([]);
}

test("reviewed screens on a phone @phone", async ({ page, login, checkA11y }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone's layout (360 px)");
  test.setTimeout(90_000);
  for (const [name, path] of [
    ["impressum", "/impressum"],
    ["datenschutz", "/datenschutz"],
    ["hilfe", "/hilfe"],
    ["public-page", `/k/${demo.circleSlug}`],
  ] as const) {
    await page.goto(path);
    await checkScreen(page);
    await checkA11y();
    await shot(page, testInfo, name);
  }
  await login(demo.coordinator(demo.coordinatingOrg));
  for (const [name, path] of [
    ["kreis-traeger", "/kreis/traeger"],
    ["kreis-protokoll", "/kreis/protokoll"],
    ["kreis-anfragen", "/kreis/anfragen"],
    ["traeger-suche", "/traeger?q=Familienhilfe"],
    ["konto", "/konto"],
    ["vertretungen-bilanz", "/vertretungen/bilanz"],
  ] as const) {
    await page.goto(path);
    await checkScreen(page);
    await checkA11y();
    await shot(page, testInfo, name);
  }
  // The search finds the SPFH providers by the word "Familienhilfe".
  await page.goto("/traeger?q=Familienhilfe");
  await expect(page.getByText(/Träger gefunden/)).toBeVisible();
  await signOutByForgetting(page);
  // An owner whose Träger is outside the circle sees the "existing Träger" form.
  await login(demo.newcomer);
  await page.goto(`/k/${demo.circleSlug}`);
  await checkScreen(page);
  await shot(page, testInfo, "public-page-signed-in");
});
