// Unit tests fail on unexpected console.error: an error logged is an error missed.
import { afterEach, vi } from "vitest";

process.env.NODE_ENV = "test";
process.env.OUTBOX_WORKER ??= "off";
// Tests play the reverse proxy: they set X-Forwarded-For to exercise the per-IP throttle.
process.env.TRUST_PROXY ??= "true";

let errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};

afterEach(() => {
  const seen = errors;
  errors = [];
  vi.restoreAllMocks();
  if (seen.length > 0) {
    throw new Error(`console.error was called ${seen.length} time(s); the first: ${String(seen[0]?.[0])}`);
  }
});
