// Issue 12, Notfall on the phone: the installable app and the push settings, in Chromium against
// the production build.
//   - the manifest (German name, start URL /vertretungen, icons that load) and the service worker
//     register;
//   - without a connection (context.setOffline: the server cannot be reached) the person's last
//     view shows under "Keine Verbindung – Ihre letzte Ansicht"; after signing out it is gone and
//     the static offline page shows;
//   - /konto's push section: preferences and quiet hours are saved, a device is listed and
//     removed. The browser's own PushManager.subscribe() needs the browser vendor's push service
//     on the internet, which these machines cannot reach: the test checks that the page then says
//     so in German, and stores a device by posting what a browser would post (a real P-256 key).
import { createECDH, randomBytes } from "node:crypto";
import { test, expect, demo } from "./fixtures";
import { shot } from "./flows";
import { APP_URL } from "./servers";

// Service worker install, offline switches and two sign-ins: slow on a shared machine.
test.describe.configure({ timeout: 90_000 });

test("the manifest and the service worker register; offline shows the last view, and sign-out forgets it", async ({ page, context, login }, testInfo) => {
  await login(demo.coordinator("kiz-niederrhein"));
  await page.goto("/vertretungen");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/manifest.webmanifest");
  const manifestResponse = await page.request.get(manifestHref!);
  expect(manifestResponse.headers()["content-type"]).toContain("manifest+json");
  const manifest = (await manifestResponse.json()) as { name: string; short_name: string; start_url: string; lang: string; theme_color: string; display: string; icons: { src: string; sizes: string; purpose?: string }[] };
  expect(manifest).toMatchObject({ name: "Trägerkreis – Vertretungsbörse", start_url: "/vertretungen", lang: "de", display: "standalone", theme_color: "#125d56" });
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);
  expect(await page.locator('link[rel="apple-touch-icon"]').count()).toBe(1);

  const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptURL).toBe(`${APP_URL}/sw.js`);
  // Now the worker controls the page; this visit becomes the last view.
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  const heading = await page.getByRole("heading", { level: 1 }).first().innerText();

  // (Leave the live page first: Remix's route discovery would log its failed fetches.)
  await page.goto("about:blank");
  await context.setOffline(true);
  await page.goto("/vertretungen");
  await expect(page.getByText(/Keine Verbindung – Ihre letzte Ansicht/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(heading);
  await shot(page, testInfo, "offline-letzte-ansicht");
  await context.setOffline(false);

  // Signing out forgets the last view: offline, only the static page without data remains.
  // (A plain form post to /abmelden, as the menu's form is without JavaScript.)
  await page.goto("/vertretungen");
  await page.evaluate(() => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/abmelden";
    document.body.append(form);
    form.submit();
  });
  await page.waitForURL((url) => !url.pathname.startsWith("/vertretungen"));
  await page.goto("about:blank");
  await context.setOffline(true);
  await page.goto("/vertretungen").catch(() => {});
  await expect(page.getByRole("heading", { name: "Keine Verbindung – Ihre letzte Ansicht" })).toBeVisible();
  await expect(page.getByText("noch keine Ansicht gespeichert")).toBeVisible();
  await expect(page.getByText(heading, { exact: true })).toHaveCount(0);
  await context.setOffline(false);
});

test("push settings on /konto: preferences, quiet hours, a device listed and removed @phone", async ({ page, context, login }, testInfo) => {
  await context.grantPermissions(["notifications"], { origin: APP_URL });
  // One account per project: the two runs must not see each other's devices.
  await login(testInfo.project.name === "phone" ? demo.admin("du-und-ich") : demo.coordinator("du-und-ich"));
  await page.goto("/konto");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Push-Benachrichtigungen" }) });
  await expect(section.getByText("Noch auf keinem Gerät eingeschaltet.")).toBeVisible();

  // The browser's own subscribe() cannot reach its vendor's push service from here (and Chromium
  // refuses the Push API in Playwright's incognito-like contexts, logging why): the page says so.
  testInfo.annotations.push({ type: "allowed-console-error", description: "does not support the Push API in incognito mode" });
  const turnOn = section.getByRole("button", { name: "Push auf diesem Gerät einschalten" });
  await expect(turnOn).toBeEnabled();
  await turnOn.click();
  await expect(section.getByRole("alert")).toContainText(/Push-Dienst|Push-Anmeldung|nicht eingerichtet/);

  // What a browser posts after a successful subscribe(): a push-service endpoint and its keys.
  const ecdh = createECDH("prime256v1");
  const form = {
    intent: "subscribe",
    endpoint: `https://fcm.googleapis.com/fcm/send/e2e-${randomBytes(8).toString("hex")}`,
    p256dh: ecdh.generateKeys().toString("base64url"),
    auth: randomBytes(16).toString("base64url"),
    label: "Chrome auf Android",
  };
  const ok = await page.request.post("/konto/push", { form, headers: { Origin: APP_URL } });
  expect(ok.status()).toBe(200);
  const bad = await page.request.post("/konto/push", { form: { ...form, p256dh: "kaputt" }, headers: { Origin: APP_URL } });
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("keine gültige Push-Anmeldung");

  await page.reload();
  await expect(section.getByText("Chrome auf Android")).toBeVisible();

  await section.getByLabel(/Alles aus der Vertretungsbörse/).check();
  await section.getByLabel("von").fill("22:00");
  await section.getByLabel("bis").fill("07:00");
  await section.getByRole("button", { name: "Push-Einstellungen speichern" }).click();
  await expect(page.getByText("Ihre Push-Einstellungen sind gespeichert.")).toBeVisible();
  await expect(section.getByLabel(/Alles aus der Vertretungsbörse/)).toBeChecked();
  await expect(section.getByLabel("von")).toHaveValue("22:00");
  await shot(page, testInfo, "push-einstellungen");

  // Half a quiet time is refused with a German message, nothing changes.
  await section.getByLabel("bis").fill("");
  await section.getByRole("button", { name: "Push-Einstellungen speichern" }).click();
  await expect(page.getByText(/Beginn und Ende angeben/)).toBeVisible();
  await page.reload();
  await expect(section.getByLabel("bis")).toHaveValue("07:00");

  await section.getByRole("button", { name: "Entfernen" }).click();
  await expect(page.getByText("Das Gerät bekommt keine Push-Benachrichtigungen mehr.")).toBeVisible();
  await expect(section.getByText("Noch auf keinem Gerät eingeschaltet.")).toBeVisible();
});
