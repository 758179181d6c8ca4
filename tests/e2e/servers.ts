// Where the end-to-end servers listen (playwright.config.ts starts them; fixtures talk to them).
export const APP_PORT = 3200;
export const FAKE_RESEND_PORT = 3299;
export const APP_URL = `http://localhost:${APP_PORT}`;
export const FAKE_RESEND_URL = `http://127.0.0.1:${FAKE_RESEND_PORT}`;
