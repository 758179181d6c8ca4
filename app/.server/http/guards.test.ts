import { describe, expect, test } from "vitest";
import {
  bodyLimitFor,
  DEFAULT_BODY_LIMIT,
  formHasNul,
  isAcceptedBody,
  isSameOriginRequest,
  securityHeaders,
  urlHasControlCharacters,
} from "./guards";

const own = ["https://traegerkreis.example"];

describe("origin of state-changing requests", () => {
  test.each([
    ["same-origin fetch", { "sec-fetch-site": "same-origin", origin: "https://traegerkreis.example" }, true],
    ["typed in / bookmark", { "sec-fetch-site": "none" }, true],
    ["no browser headers (curl, server)", {}, true],
    ["older browser, own Origin", { origin: "https://traegerkreis.example" }, true],
    ["cross-site page", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }, false],
    ["same site, other port", { "sec-fetch-site": "same-site", origin: "https://traegerkreis.example:8443" }, false],
    ["foreign Origin without Sec-Fetch-Site", { origin: "https://evil.example" }, false],
    ["opaque origin (sandboxed frame)", { origin: "null" }, false],
  ])("%s", (_name, headers, expected) => {
    expect(isSameOriginRequest(new Headers(headers as Record<string, string>), own)).toBe(expected);
  });
});

describe("bodies", () => {
  test("forms and empty bodies are accepted; JSON, text and multipart are not", () => {
    expect(isAcceptedBody("application/x-www-form-urlencoded;charset=UTF-8", 10)).toBe(true);
    expect(isAcceptedBody(null, 0)).toBe(true);
    expect(isAcceptedBody(null, 5)).toBe(false);
    expect(isAcceptedBody("application/json", 2)).toBe(false);
    expect(isAcceptedBody("text/plain", 2)).toBe(false);
    expect(isAcceptedBody("multipart/form-data; boundary=x", 2)).toBe(false);
  });

  test("one limit for every route unless a route needs more", () => {
    expect(bodyLimitFor("/vertretungen/neu")).toBe(DEFAULT_BODY_LIMIT);
    expect(DEFAULT_BODY_LIMIT).toBe(256 * 1024);
  });

  test("NUL in a form name or value", () => {
    expect(formHasNul("a=1&b=x%00y")).toBe(true);
    expect(formHasNul("a%00=1")).toBe(true);
    expect(formHasNul("a=1%0A2&b=%C3%A4")).toBe(false);
  });
});

describe("URLs", () => {
  test.each([
    ["/traeger?q=a%00b", true],
    ["/traeger/%00/einstellungen", true],
    ["/traeger?q=a%0Ab", true],
    ["/traeger/%E0%A4%A", true],
    ["/traeger?q=Familienhilfe%20Wesel", false],
    ["/fortbildungen?monat=2027-03", false],
  ])("%s has control characters: %s", (path, expected) => {
    expect(urlHasControlCharacters(new URL(path, "http://localhost"))).toBe(expected);
  });
});

describe("security headers", () => {
  test("production: CSP with the nonce, no framing, HSTS", () => {
    const headers = securityHeaders({ nonce: "abc", production: true, development: false });
    expect(headers["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc'");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });

  test("development: HMR websocket allowed, no HSTS on localhost", () => {
    const headers = securityHeaders({ nonce: "abc", production: false, development: true });
    expect(headers["Content-Security-Policy"]).toContain("connect-src 'self' ws: wss:");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });
});
