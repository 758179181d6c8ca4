// The fake Resend as its own process, for Playwright: `tsx tests/helpers/fake-resend-server.ts`.
// Start the app with RESEND_API_KEY=<anything> and RESEND_BASE_URL=http://127.0.0.1:<port>;
// tests read the captured mails from GET /_fake/mails (see fetchCapturedMails / waitForMail).
import { startFakeResend } from "./fake-resend";

const port = Number(process.env.FAKE_RESEND_PORT ?? 3199);
const fake = await startFakeResend({ port });
console.log(`[fake-resend] listening on ${fake.url}`);

async function shutdown() {
  await fake.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
