// Fixtures for the end-to-end tests. Import `test` and `expect` from here, not from
// @playwright/test:
//
//   import { test, expect, demo } from "./fixtures";
//   test("…", async ({ page, login, mails, checkA11y }) => {
//     await login(demo.admin("du-und-ich"));            // signs in (the form once per account, then its session)
//     const mail = await mails.waitFor({ to: "x@example.org", subject: "Einladung" });
//     await page.goto(mails.link(mail, "/einladung/"));
//     await checkA11y();                                 // no serious/critical axe violations
//   });
//
// The app under test is the production build with the seeded demo circle (playwright.config.ts);
// its embedded database lives in the server process, so tests act only through the browser and
// read mail from the fake Resend. Data a test creates stays for later tests of the same run: use
// `uniqueEmail()` for new accounts so runs and projects never collide.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Cookie, type Page } from "@playwright/test";
import {
  extractLink,
  fetchCapturedMails,
  waitForMail,
  type CapturedMail,
} from "../helpers/fake-resend";
import { FAKE_RESEND_URL } from "./servers";

export { expect };

export const DEMO_PASSWORD = "Traegerkreis-Demo-2026";

export type DemoOrgSlug =
  | "richtungswechsel"
  | "kiz-niederrhein"
  | "du-und-ich"
  | "freiraumwohnung"
  | "kinderleicht"
  | "lebenshilfe-dinslaken";

export type Account = { email: string; password: string };

/** The seeded demo accounts (supabase/seed.sql). freiraumwohnung coordinates the circle. */
export const demo = {
  circleSlug: "kooperationskreis-wesel",
  coordinatingOrg: "freiraumwohnung" as DemoOrgSlug,
  /** Owner of the Träger. */
  admin: (org: DemoOrgSlug): Account => ({ email: `admin@${org}.example`, password: DEMO_PASSWORD }),
  /** Role "coordinator" in the Träger (of freiraumwohnung: a coordinator of the circle). */
  coordinator: (org: DemoOrgSlug): Account => ({ email: `koordination@${org}.example`, password: DEMO_PASSWORD }),
  /** Role "member" in the Träger. */
  member: (org: DemoOrgSlug): Account => ({ email: `team@${org}.example`, password: DEMO_PASSWORD }),
  /** Signed up, no Träger. */
  newcomer: { email: "neu@traegerkreis.example", password: DEMO_PASSWORD } as Account,
};

/** A fresh address for an account or invitation this test creates. */
export function uniqueEmail(label = "person"): string {
  return `${label}-${randomUUID().slice(0, 8)}@e2e.example`;
}

// Sessions this worker signed in through /anmelden, per account: a later sign-in of the same
// account in the same worker puts the cookies of that real sign-in (tk_session, tk_device) into the
// browser context instead of typing the form again (~1–2 s each, most tests sign in). When the
// session no longer holds (signed out everywhere, password changed), the page lands on /anmelden
// and the sign-in goes through the form again. Tests about signing in itself use the form steps
// (flows.ts) or `signInThroughForm`.
const signedInCookies = new Map<string, Cookie[]>();

function sessionKey(account: Account): string {
  return `${account.email.toLowerCase()}\n${account.password}`;
}

/** Signs in through the sign-in page (the form, every time) and waits until the app has left it. */
export async function signInThroughForm(page: Page, account: Account, options: { redirectTo?: string } = {}) {
  const query = options.redirectTo ? `?redirectTo=${encodeURIComponent(options.redirectTo)}` : "";
  await page.goto(`/anmelden${query}`);
  await page.getByLabel("E-Mail-Adresse").fill(account.email);
  await page.getByLabel("Passwort", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/anmelden"), { timeout: 10_000 });
  const cookies = await page.context().cookies();
  const session = cookies.filter((c) => c.name === "tk_session" || c.name === "tk_device");
  if (session.some((c) => c.name === "tk_session")) signedInCookies.set(sessionKey(account), session);
}

/**
 * Waits until React has hydrated the page the server sent (its handlers and effects are live):
 * the root's committed state no longer says `isDehydrated`. Before that, a click on a <details>
 * menu or an Escape reaches only the bare HTML.
 */
export async function waitForHydration(page: Page, options: { timeout?: number } = {}) {
  await page.waitForFunction(
    () => {
      const key = Object.keys(document).find((k) => k.startsWith("__reactContainer$"));
      const hostRoot = key ? (document as unknown as Record<string, { stateNode?: { current?: { memoizedState?: { isDehydrated?: boolean } } } }>)[key] : undefined;
      return hostRoot?.stateNode?.current?.memoizedState?.isDehydrated === false;
    },
    undefined,
    { timeout: options.timeout ?? 20_000 },
  );
  // The effects of the hydrating render run in the next task after its commit.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/**
 * Signs the page in as `account` and ends on `redirectTo` (or the start page), as the sign-in
 * form does. The first time per account and worker through the form; later with that sign-in's
 * session cookies, falling back to the form when the session has ended.
 */
export async function signIn(page: Page, account: Account, options: { redirectTo?: string } = {}) {
  const cookies = signedInCookies.get(sessionKey(account));
  if (cookies) {
    await page.context().addCookies(cookies);
    await page.goto(options.redirectTo ?? "/");
    if (!new URL(page.url()).pathname.startsWith("/anmelden")) {
      // The form ends on a page the app rendered itself (a client-side navigation), so tests may
      // use the menu, Escape and the like at once: wait for the same here.
      await waitForHydration(page);
      return;
    }
    signedInCookies.delete(sessionKey(account));
  }
  await signInThroughForm(page, account, options);
}

export type Mails = {
  /** Every mail the fake Resend captured in this run, oldest first. */
  all(): Promise<CapturedMail[]>;
  /** Waits for the newest mail to `to` (and with `subject` in its subject, if given). */
  waitFor(match: { to: string; subject?: string }, options?: { timeoutMs?: number; after?: Date }): Promise<CapturedMail>;
  /** The absolute URL of the first link in the mail whose path starts with `pathPrefix`. */
  link(mail: CapturedMail, pathPrefix: string): string;
};

const mails: Mails = {
  all: () => fetchCapturedMails(FAKE_RESEND_URL),
  waitFor: (match, options) => waitForMail(FAKE_RESEND_URL, match, options),
  link(mail, pathPrefix) {
    const url = extractLink(mail, pathPrefix);
    if (!url) throw new Error(`The mail "${mail.subject}" to ${mail.to.join(", ")} has no link to ${pathPrefix}`);
    return url;
  },
};

export type A11yOptions = {
  /** CSS selectors axe should skip (explain why at the call site). */
  exclude?: string[];
};

/**
 * Runs axe (its default rule set: WCAG 2.x A/AA and best practices) on the current page and fails
 * on serious or critical violations, listing each rule, its help text and the first offending
 * elements.
 */
export async function expectNoSeriousA11yViolations(page: Page, options: A11yOptions = {}) {
  // Only violations are read: axe then skips collecting the passing and inapplicable nodes (about
  // a third of its time per page here). Legacy mode runs axe.run in the page itself; the default
  // mode runs each frame partially and opens a new blank page to merge the results, which cost
  // about 1 s of every check on this machine (legacy 0.7 s against 1.9 s per page, the same
  // violations on the seven main pages compared). It only gives up cross-origin iframes, and the
  // app has none.
  let builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = serious.map(
    (v) =>
      `${v.impact}: ${v.id} — ${v.help} (${v.helpUrl})\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").join(" ") ?? ""}`)
        .join("\n"),
  );
  expect(summary, `axe found serious or critical violations on ${page.url()}`).toEqual([]);
}

type Fixtures = {
  /** Signs the page's browser context in as this account (a real sign-in through /anmelden, reused; see signIn). */
  login: (account: Account, options?: { redirectTo?: string }) => Promise<void>;
  /** The mails the app sent through the fake Resend. */
  mails: Mails;
  /** Axe check of the current page: no serious or critical violations. */
  checkA11y: (options?: A11yOptions) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  login: async ({ page }, use) => {
    await use((account, options) => signIn(page, account, options));
  },
  // eslint-disable-next-line no-empty-pattern
  mails: async ({}, use) => {
    await use(mails);
  },
  checkA11y: async ({ page }, use) => {
    await use((options) => expectNoSeriousA11yViolations(page, options));
  },
  // A page that logs an error in the browser console fails its test: an error logged is an error missed.
  // So is a Content-Security-Policy violation (the app sends a CSP with nonces on every response):
  // the browser logs most as console errors; the event catches every one, with its directive.
  page: async ({ page }, use, testInfo) => {
    const errors: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`);
      });
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // A page the test opens on purpose may answer 404 ("nicht gefunden"); the browser logs the
      // document's status as an error. Failing subresources (a missing favicon, script) still count.
      const documentStatus =
        message.text().startsWith("Failed to load resource") && message.location().url === page.url();
      // A test may name a message the browser itself logs for a step under test (annotation
      // "allowed-console-error", its description a part of the message).
      const allowed = testInfo.annotations.some((a) => a.type === "allowed-console-error" && !!a.description && message.text().includes(a.description));
      if (!documentStatus && !allowed) errors.push(`console.error: ${message.text()}`);
    });
    await use(page);
    if (errors.length > 0 && testInfo.status === testInfo.expectedStatus) {
      throw new Error(`The browser reported errors:\n${errors.join("\n")}`);
    }
  },
});
