// End-to-end tests against the PRODUCTION build (`npm run build` first; `npm test` does both).
//
// Playwright starts two servers and stops them afterwards:
//   - the fake Resend (tests/helpers/fake-resend-server.ts) on 127.0.0.1:3299, which captures every
//     mail the app sends; tests read them from GET /_fake/mails (see tests/e2e/fixtures.ts);
//   - the app: server/index.js (as `npm start`) on port 3200, NODE_ENV=production, on a fresh embedded database in a
//     temporary directory, seeded with the demo circle (SEED_DEMO=always), mailing through the fake.
// Nothing reaches the internet. Debian's /usr/bin/chromium is used where it exists (Playwright
// cannot download its own browsers on these machines); Playwright's browser otherwise.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import webpush from "web-push";
import { APP_PORT, APP_URL, FAKE_RESEND_PORT, FAKE_RESEND_URL } from "./tests/e2e/servers";

// The config is evaluated by the runner and again by each worker; the environment carries the one
// data directory of this run from the runner to the workers and to the global teardown.
process.env.TK_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "tk-e2e-"));
const runDir = process.env.TK_E2E_DIR;
// Web push (issue 12): a VAPID key pair for this run only, so the push settings are switched on.
if (!process.env.TK_E2E_VAPID_PUBLIC_KEY || !process.env.TK_E2E_VAPID_PRIVATE_KEY) {
  const keys = webpush.generateVAPIDKeys();
  process.env.TK_E2E_VAPID_PUBLIC_KEY = keys.publicKey;
  process.env.TK_E2E_VAPID_PRIVATE_KEY = keys.privateKey;
}

const serverEntry = "build/server/index.js";
if (!process.env.TK_E2E_SKIP_BUILD_CHECK && !fs.existsSync(serverEntry)) {
  throw new Error(`${serverEntry} is missing: run \`npm run build\` before the end-to-end tests (npm test does both).`);
}

const systemChromium = "/usr/bin/chromium";
const launchOptions = fs.existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  // One app server with one embedded database and shared demo accounts: tests run one at a time
  // so that one test's changes (roles, sessions) never surprise another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: "list",
  outputDir: "test-results",
  use: {
    baseURL: APP_URL,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    // A 360 px wide phone for the tests tagged @phone (layout and axe on the small screen).
    {
      name: "phone",
      grep: /@phone/,
      use: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, launchOptions },
    },
  ],
  webServer: [
    {
      command: "node_modules/.bin/tsx tests/helpers/fake-resend-server.ts",
      url: `${FAKE_RESEND_URL}/_fake/mails`,
      env: { FAKE_RESEND_PORT: String(FAKE_RESEND_PORT) },
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The app's own server (server/index.js, as `npm start`), run by node directly, not through
      // npm or npx (they leave an orphaned child behind). It creates, migrates and seeds the
      // embedded database before it listens (~15 s on a fresh directory).
      command: "node server/index.js",
      url: `${APP_URL}/k/kooperationskreis-wesel`,
      env: {
        NODE_ENV: "production",
        PORT: String(APP_PORT),
        SESSION_SECRET: "e2e-session-secret-0123456789abcdef",
        // Always the embedded database, even when the surrounding run has DATABASE_URL set.
        DATABASE_URL: "",
        PGLITE_DIR: path.join(runDir, "pglite"),
        MAILBOX_DIR: path.join(runDir, "mailbox"),
        SEED_DEMO: "always",
        RESEND_API_KEY: "test",
        RESEND_BASE_URL: FAKE_RESEND_URL,
        APP_URL,
        OUTBOX_WORKER: "on",
        OUTBOX_POLL_MS: "200",
        VAPID_PUBLIC_KEY: process.env.TK_E2E_VAPID_PUBLIC_KEY,
        VAPID_PRIVATE_KEY: process.env.TK_E2E_VAPID_PRIVATE_KEY,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      // Request logs stay quiet; errors (stderr) show.
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
