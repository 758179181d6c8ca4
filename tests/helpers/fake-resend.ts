// A local stand-in for Resend's HTTP API, so no test ever reaches the internet. The app's
// `resend` SDK is pointed at it with RESEND_BASE_URL; it speaks what the SDK calls when sending
// (POST /emails with a Bearer key and an optional Idempotency-Key, answering `{ id }`) and
// captures every mail, so a test can assert what was sent and follow a link in it.
//
// Besides Resend's own route it offers, for tests in another process (Playwright):
//   GET    /_fake/mails            the captured mails as JSON, oldest first
//   DELETE /_fake/mails            forget them
//   POST   /_fake/fail?count=N&status=500   refuse the next N sends
import http from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";

export type CapturedMail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string | null;
  /** Files sent along, as the API received them (base64) and decoded as UTF-8 text. */
  attachments: CapturedAttachment[];
  receivedAt: string;
};

export type CapturedAttachment = {
  filename: string;
  contentType: string | null;
  base64: string;
  text: string;
};

export type FakeResend = {
  /** Base URL for RESEND_BASE_URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** Captured mails, oldest first (live array). */
  mails: CapturedMail[];
  /** Every POST /emails that arrived, including refused ones. */
  requests: () => number;
  /** Answer the next `count` sends with `status` (500 by default) and capture nothing. */
  failNext: (count: number, status?: number) => void;
  /** Answer every send after this many milliseconds (to make concurrent workers overlap). */
  setDelay: (ms: number) => void;
  /** Forget captured mails, idempotency keys and the request count. */
  clear: () => void;
  stop: () => Promise<void>;
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startFakeResend(options: { port?: number; host?: string } = {}): Promise<FakeResend> {
  const mails: CapturedMail[] = [];
  const byIdempotencyKey = new Map<string, string>();
  let failures = { count: 0, status: 500 };
  let requestCount = 0;
  let delayMs = 0;

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://fake-resend");
      if (url.pathname === "/emails" && req.method === "POST") {
        requestCount += 1;
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
        if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) {
          return json(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." });
        }
        if (failures.count > 0) {
          failures.count -= 1;
          return json(res, failures.status, {
            statusCode: failures.status,
            name: "internal_server_error",
            message: "Fake Resend was told to fail this request.",
          });
        }
        const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
        const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
        // Resend answers a repeated idempotency key with the first mail's id and sends nothing.
        if (key && byIdempotencyKey.has(key)) return json(res, 200, { id: byIdempotencyKey.get(key) });
        const missing = ["from", "to", "subject"].filter((f) => !body[f]);
        if (missing.length > 0) {
          return json(res, 422, { statusCode: 422, name: "validation_error", message: `Missing \`${missing[0]}\` field.` });
        }
        const mail: CapturedMail = {
          id: randomUUID(),
          from: String(body.from),
          to: Array.isArray(body.to) ? body.to.map(String) : [String(body.to)],
          subject: String(body.subject),
          html: typeof body.html === "string" ? body.html : "",
          text: typeof body.text === "string" ? body.text : "",
          idempotencyKey: key,
          attachments: Array.isArray(body.attachments)
            ? (body.attachments as Array<Record<string, unknown>>).map((a) => ({
                filename: String(a.filename ?? ""),
                contentType: typeof a.content_type === "string" ? a.content_type : null,
                base64: String(a.content ?? ""),
                text: Buffer.from(String(a.content ?? ""), "base64").toString("utf8"),
              }))
            : [],
          receivedAt: new Date().toISOString(),
        };
        mails.push(mail);
        if (key) byIdempotencyKey.set(key, mail.id);
        return json(res, 200, { id: mail.id });
      }
      const single = /^\/emails\/([^/]+)$/.exec(url.pathname);
      if (single && req.method === "GET") {
        const mail = mails.find((m) => m.id === single[1]);
        return mail
          ? json(res, 200, { object: "email", ...mail })
          : json(res, 404, { statusCode: 404, name: "not_found", message: "Email not found" });
      }
      if (url.pathname === "/_fake/mails" && req.method === "GET") return json(res, 200, mails);
      if (url.pathname === "/_fake/mails" && req.method === "DELETE") {
        mails.length = 0;
        byIdempotencyKey.clear();
        return json(res, 200, { ok: true });
      }
      if (url.pathname === "/_fake/fail" && req.method === "POST") {
        failures = { count: Number(url.searchParams.get("count") ?? 1), status: Number(url.searchParams.get("status") ?? 500) };
        return json(res, 200, failures);
      }
      return json(res, 404, { statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
    } catch (error) {
      return json(res, 400, { statusCode: 400, name: "invalid_request", message: String(error) });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    mails,
    requests: () => requestCount,
    failNext(count, status = 500) {
      failures = { count, status };
    },
    setDelay(ms) {
      delayMs = ms;
    },
    clear() {
      mails.length = 0;
      byIdempotencyKey.clear();
      requestCount = 0;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * The first link in the mail whose path starts with `pathPrefix` (e.g. "/registrieren/bestaetigen"
 * or "/einladung/"), as an absolute URL. Looks at the HTML's hrefs first, then the text version.
 */
export function extractLink(mail: Pick<CapturedMail, "html" | "text">, pathPrefix: string): string | undefined {
  const candidates = [
    ...[...mail.html.matchAll(/\bhref="([^"]*)"/gi)].map((m) => decodeEntities(m[1] ?? "")),
    ...(mail.text.match(/https?:\/\/[^\s<>"]+/g) ?? []),
  ];
  for (const candidate of candidates) {
    try {
      const url = new URL(candidate);
      if (`${url.pathname}${url.search}`.startsWith(pathPrefix)) return url.toString();
    } catch {
      // not an absolute URL
    }
  }
  return undefined;
}

/** Mails a fake in another process captured (for Playwright), oldest first. */
export async function fetchCapturedMails(baseUrl: string): Promise<CapturedMail[]> {
  const res = await fetch(`${baseUrl}/_fake/mails`);
  if (!res.ok) throw new Error(`fake resend answered ${res.status}`);
  return (await res.json()) as CapturedMail[];
}

/** Waits until a mail to `to` (and, if given, with a subject containing `subject`) arrives. */
export async function waitForMail(
  baseUrl: string,
  match: { to: string; subject?: string },
  options: { timeoutMs?: number; after?: Date } = {},
): Promise<CapturedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const to = match.to.toLowerCase();
  for (;;) {
    const mails = await fetchCapturedMails(baseUrl);
    const found = mails
      .filter((m) => m.to.some((t) => t.toLowerCase() === to))
      .filter((m) => !match.subject || m.subject.includes(match.subject))
      .filter((m) => !options.after || new Date(m.receivedAt) >= options.after)
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail to ${match.to}${match.subject ? ` about "${match.subject}"` : ""} arrived in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
