// Where the end-to-end servers listen (playwright.config.ts starts them; fixtures talk to them).
// TK_E2E_PORT moves both (the fake Resend listens 99 above the app), so that several checkouts on
// one machine can run their end-to-end tests at the same time.
export const APP_PORT = Number(process.env.TK_E2E_PORT ?? 3200);
export const FAKE_RESEND_PORT = APP_PORT + 99;
export const APP_URL = `http://localhost:${APP_PORT}`;
export const FAKE_RESEND_URL = `http://127.0.0.1:${FAKE_RESEND_PORT}`;
