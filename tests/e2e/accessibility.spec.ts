// Accessibility of every screen of the foundation: axe (no serious or critical violations) on the
// desktop and, for the tests tagged @phone, on a 360 px wide phone; no page wider than the phone;
// signing in with the keyboard alone. With E2E_SHOTS_DIR set, each page is also photographed
// (see flows.ts) for a person to look at.
import { test, expect, demo, DEMO_PASSWORD, expectNoSeriousA11yViolations, uniqueEmail, type Account } from "./fixtures";
import { shot, signOutByForgetting, submitSignUp } from "./flows";
import type { Locator, Page } from "@playwright/test";

type Screen = {
  /** File name of the screenshot. */
  name: string;
  path: string;
  /** The page's main heading, to know it is the right page before axe runs. */
  heading: string | RegExp;
  status?: number;
  /** Something to do on the page before it is checked (open a folded part). */
  prepare?: (page: Page) => Promise<void>;
};

type Persona = { title: string; as?: Account; screens: Screen[] };

const admin = demo.admin("du-und-ich");
const circleCoordinator = demo.coordinator(demo.coordinatingOrg);

// One test per persona (one sign-in), each page a step; a page's problems do not hide the next's.
const personas: Persona[] = [
  {
    title: "a visitor",
    screens: [
      { name: "01-landing", path: "/", heading: /./ },
      { name: "02-public-page", path: `/k/${demo.circleSlug}`, heading: /Kooperationskreis Wesel/ },
      { name: "03-sign-in", path: "/anmelden", heading: "Anmelden" },
      { name: "04-sign-up", path: "/registrieren", heading: "Konto anlegen" },
      { name: "05-forgot-password", path: "/passwort-vergessen", heading: "Passwort vergessen" },
      {
        name: "06-check-inbox",
        path: "/registrieren/bestaetigen?email=greta.neumann%40beispiel-traeger.de",
        heading: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
      },
      { name: "07-not-found", path: "/k/gibt-es-nicht", heading: "Nicht gefunden", status: 404 },
    ],
  },
  {
    title: "a Träger admin",
    as: admin,
    screens: [
      { name: "10-dashboard", path: "/", heading: /Guten Tag/ },
      { name: "11-directory", path: "/traeger", heading: "Träger im Kreis" },
      { name: "12-directory-filtered", path: "/traeger?hilfeart=p31", heading: "Träger im Kreis" },
      { name: "13-profile", path: "/traeger/kinderleicht", heading: "Kinderleicht" },
      { name: "14-own-profile", path: "/traeger/du-und-ich", heading: "Du & Ich e. V." },
      {
        name: "15-members",
        path: "/traeger/du-und-ich/mitglieder",
        heading: "Du & Ich e. V.",
        // With one member's management forms (role, Ansprechperson, remove) unfolded.
        prepare: async (page) => {
          const member = page
            .getByRole("region", { name: "Mitglieder", exact: true })
            .getByRole("listitem")
            .filter({ hasText: "team@du-und-ich.example" });
          await member.locator("summary", { hasText: "Verwalten" }).click();
          await expect(member.getByRole("combobox", { name: "Rolle" })).toBeVisible();
        },
      },
      { name: "16-settings", path: "/traeger/du-und-ich/einstellungen", heading: "Du & Ich e. V." },
      { name: "17-audit-log", path: "/traeger/du-und-ich/protokoll", heading: "Du & Ich e. V." },
      { name: "18-notifications", path: "/benachrichtigungen", heading: "Benachrichtigungen" },
      { name: "19-account", path: "/konto", heading: "Mein Konto" },
    ],
  },
  {
    title: "the circle's coordinator",
    as: circleCoordinator,
    screens: [
      { name: "20-coordinator-dashboard", path: "/", heading: /Guten Tag/ },
      { name: "21-join-requests", path: "/kreis/anfragen", heading: "Interessensmeldungen" },
      { name: "22-circle-settings", path: "/kreis/einstellungen", heading: /Öffentliche Seite/ },
      { name: "23-coordinator-notifications", path: "/benachrichtigungen", heading: "Benachrichtigungen" },
      {
        name: "24-menu-open",
        path: "/",
        heading: /Guten Tag/,
        // The header's menu; on a phone it also holds the main navigation.
        prepare: async (page) => {
          await page.locator("header summary").click();
          await expect(page.getByRole("link", { name: "Mein Konto" })).toBeVisible();
          if ((page.viewportSize()?.width ?? 1000) < 768) {
            const menu = page.getByRole("navigation", { name: "Menü" });
            await expect(menu.getByRole("link", { name: "Träger im Kreis" })).toBeVisible();
            await expect(menu.getByRole("link", { name: "Kreis verwalten" })).toBeVisible();
          }
        },
      },
    ],
  },
  {
    title: "a person without a Träger",
    as: demo.newcomer,
    screens: [
      { name: "30-newcomer-dashboard", path: "/", heading: /Guten Tag/ },
      { name: "31-new-traeger", path: "/traeger/neu", heading: "Träger anlegen" },
      {
        name: "32-newcomer-directory",
        path: "/traeger",
        heading: "Träger im Kreis",
        // Without a circle there is nothing to filter: no filter form, only the way forward.
        prepare: async (page) => {
          await expect(page.getByRole("search")).toHaveCount(0);
          await expect(page.getByText("Sie gehören noch keinem Träger an.")).toBeVisible();
        },
      },
    ],
  },
];

/** Elements wider than the screen (the page would scroll sideways); empty when all fit. */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.offsetParent !== null)
      // Content inside a sideways-scrolling container (the Träger sub-navigation) is meant to be.
      .filter((el) => !el.closest("[class*='overflow-x-auto']"))
      .filter((el) => !el.closest(".sr-only, [aria-hidden='true']"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
    const scroll = document.documentElement.scrollWidth - width;
    return scroll > 0 || wide.length > 0 ? [`scrolls ${scroll} px sideways`, ...wide] : [];
  });
}

for (const persona of personas) {
  test(`the pages of ${persona.title} have no serious axe violations @phone`, async ({ page, login }, testInfo) => {
    // Up to ten pages with an axe run each: 30 s is too tight on a busy 2-core machine.
    test.setTimeout(20_000 + 10_000 * persona.screens.length);
    if (persona.as) await login(persona.as);
    const problems: string[] = [];
    for (const screen of persona.screens) {
      await test.step(`${screen.name}: ${screen.path}`, async () => {
        const response = await page.goto(screen.path);
        expect(response?.status(), screen.path).toBe(screen.status ?? 200);
        await expect(page.getByRole("heading", { level: 1, name: screen.heading }).first()).toBeVisible();
        await screen.prepare?.(page);
        try {
          await expectNoSeriousA11yViolations(page);
        } catch (error) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
        if (testInfo.project.name === "phone") {
          const wide = await horizontalOverflow(page);
          if (wide.length > 0) problems.push(`${screen.path} is wider than the screen: ${wide.join("; ")}`);
        }
        await shot(page, testInfo, screen.name);
      });
    }
    expect(problems, "accessibility or layout problems").toEqual([]);
  });
}

test("pages opened from mails: invitation, confirmed address, new password @phone", async ({ page, login, mails, checkA11y }, testInfo) => {
  // The flows in account/invitation/join-request.spec.ts run axe on these pages on the desktop;
  // this walk checks them at 360 px (axe and no sideways scrolling).
  test.skip(testInfo.project.name !== "phone", "Covered on the desktop by the flows.");
  // An invitation, as the invited person sees it before signing in.
  const invited = uniqueEmail("a11y-einladung");
  await login(admin, { redirectTo: "/traeger/du-und-ich/mitglieder" });
  const invite = page.getByRole("region", { name: "Kolleg:in einladen" });
  await invite.getByLabel("E-Mail-Adresse").fill(invited);
  await invite.getByRole("button", { name: "Einladung verschicken" }).click();
  await expect(page.getByText("Einladung verschickt.")).toBeVisible();
  await shot(page, testInfo, "15c-members-invited");
  const invitation = await mails.waitFor({ to: invited, subject: "Einladung" });
  await signOutByForgetting(page);
  await page.goto(mails.link(invitation, "/einladung/"));
  await expect(page.getByRole("heading", { level: 1, name: "Einladung" })).toBeVisible();
  await checkA11y();
  expect(await horizontalOverflow(page), page.url()).toEqual([]);
  await shot(page, testInfo, "40-invitation");

  // The address confirmed.
  const email = uniqueEmail("a11y-konto");
  await page.goto("/registrieren");
  await submitSignUp(page, { fullName: "Alexandra Barrierefrei-Mustermann", email });
  const confirmation = await mails.waitFor({ to: email, subject: "Bitte bestätigen" });
  await page.goto(mails.link(confirmation, "/registrieren/bestaetigen?token="));
  await expect(page.getByRole("heading", { level: 1, name: "E-Mail-Adresse bestätigt" })).toBeVisible();
  await checkA11y();
  expect(await horizontalOverflow(page), page.url()).toEqual([]);
  await shot(page, testInfo, "41-confirmed");

  // The page behind the reset link (not submitted).
  await page.goto(`/passwort-vergessen?email=${encodeURIComponent(email)}`);
  await page.getByRole("button", { name: "Link senden" }).click();
  await expect(page.getByText("Wenn ein Konto existiert")).toBeVisible();
  await shot(page, testInfo, "42-forgot-password-sent");
  const reset = await mails.waitFor({ to: email, subject: "Neues Passwort" });
  await page.goto(mails.link(reset, "/passwort-zuruecksetzen?token="));
  await expect(page.getByRole("heading", { level: 1, name: "Neues Passwort festlegen" })).toBeVisible();
  await checkA11y();
  expect(await horizontalOverflow(page), page.url()).toEqual([]);
  await shot(page, testInfo, "43-reset-password");

  // Validation messages under the fields (sign-up with nothing filled in).
  await page.goto("/registrieren");
  await page.getByRole("button", { name: "Konto anlegen" }).click();
  await expect(page.getByText("Bitte geben Sie Ihren Namen ein.")).toBeVisible();
  await checkA11y();
  expect(await horizontalOverflow(page), page.url()).toEqual([]);
  await shot(page, testInfo, "44-sign-up-errors");
});

/** Presses Tab until `target` has the focus (Tab wraps around the page), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("signing in works with the keyboard alone", async ({ page }) => {
  await page.goto("/anmelden");
  // The first Tab reaches the skip link; following it lands in the page's content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Zum Inhalt springen" })).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("E-Mail-Adresse"), 5);
  await page.keyboard.type(demo.member("kinderleicht").email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Passwort", { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 1, name: /Guten Tag/ })).toBeVisible();

  // The menu and the sign-out are reachable by keyboard too.
  await tabTo(page, page.locator("header summary"));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Abmelden" }), 8);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Anmelden" }).first()).toBeVisible();
});
