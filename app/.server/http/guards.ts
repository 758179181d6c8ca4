// The checks every request passes in the HTTP server (server/index.js → serve.ts) before Remix sees
// it: body size, content type, origin of state-changing requests, control characters in the URL,
// and the security headers of every response. Pure functions, so each is tested on its own.

/** Bodies of ordinary forms. The longest free-text field (5,000 characters) percent-encoded as
 * umlauts is ~30 KB; 256 KiB leaves room for every form and refuses what no form sends. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** Routes that need a larger body (none yet: add `[pathPrefix, bytes]` pairs here, e.g. uploads). */
const LARGER_BODY_LIMITS: ReadonlyArray<readonly [string, number]> = [];

export function bodyLimitFor(pathname: string): number {
  for (const [prefix, limit] of LARGER_BODY_LIMITS) if (pathname.startsWith(prefix)) return limit;
  return DEFAULT_BODY_LIMIT;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Whether a state-changing request comes from our own pages. Browsers send `Sec-Fetch-Site` (all
 * current ones) and `Origin` on every POST; a request with neither is not from a browser page
 * (curl, a test, a server), and cannot carry a victim's cookie in a CSRF attack.
 * `same-site` is refused too: another port or subdomain of the same site is another origin.
 */
export function isSameOriginRequest(headers: Headers, ownOrigins: readonly string[]): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  if (origin === "null") return false;
  return ownOrigins.includes(origin);
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded"]);

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaType(contentType: string | null): string | null {
  if (!contentType) return null;
  return contentType.split(";")[0]!.trim().toLowerCase() || null;
}

/**
 * Which bodies the app's actions read: urlencoded forms, or no body at all (a button-only
 * fetcher). No form of the app uploads files, so multipart is refused as well; a route that needs
 * it adds its prefix here together with a larger limit above.
 */
export function isAcceptedBody(contentType: string | null, bodyLength: number): boolean {
  const type = mediaType(contentType);
  if (type === null) return bodyLength === 0;
  return FORM_TYPES.has(type);
}

// C0 controls and DEL. Tab, CR and LF are legitimate in form text (textareas) and are refused per
// field by the schemas (app/validation/text.ts); in a URL nothing below 0x20 belongs.
const URL_CONTROL = /[\u0000-\u001f\u007f]/;
const NUL = /\u0000/;

/**
 * True when the decoded path or query carries a control character (`/traeger/%00/…`,
 * `?q=a%00b`): no page takes one, and Postgres refuses NUL in text with an error.
 */
export function urlHasControlCharacters(url: URL): boolean {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return true;
  }
  if (URL_CONTROL.test(path)) return true;
  for (const [key, value] of url.searchParams) if (URL_CONTROL.test(key) || URL_CONTROL.test(value)) return true;
  return false;
}

/** True when a urlencoded form body carries a NUL byte in a name or value. */
export function formHasNul(body: string): boolean {
  if (!body.includes("%00") && !body.includes("\u0000")) return false;
  for (const [key, value] of new URLSearchParams(body)) if (NUL.test(key) || NUL.test(value)) return true;
  return false;
}

export type HeaderOptions = { nonce: string | null; production: boolean; development: boolean };

/**
 * Security headers of every response. Scripts run only from our origin or with the request's nonce
 * (Remix's inline scripts get it through entry.server → root); styles allow inline attributes
 * (progress bars, grids set `style`). In development Vite's HMR client connects by websocket and
 * injects style tags.
 */
export function securityHeaders({ nonce, production, development }: HeaderOptions): Record<string, string> {
  const scriptSrc = ["'self'", nonce ? `'nonce-${nonce}'` : null].filter(Boolean).join(" ");
  const csp = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
