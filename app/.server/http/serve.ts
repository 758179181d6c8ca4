// The app's one HTTP entry point (used by server/index.js in development and production, and so by
// the Playwright server): every request passes here. It answers refused requests itself, with a
// German page, before Remix runs — a body too large (413), a body that is not a form (415), a
// cross-origin post (403), control characters in the URL or a NUL byte in a form (400) — and
// otherwise hands the request to Remix with the request's CSP nonce in the load context.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from "@remix-run/node";
import { rememberClientAddress } from "./client-address";
import { newRequestScope, runInRequestScope } from "./request-scope";
import {
  bodyLimitFor,
  formHasNul,
  isAcceptedBody,
  isSafeMethod,
  isSameOriginRequest,
  securityHeaders,
  urlHasControlCharacters,
} from "./guards";
import { refusalPage } from "./pages";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The nonce of this response's Content-Security-Policy, for Remix's inline scripts. */
    cspNonce?: string;
  }
}

export type ServeOptions = {
  mode: "development" | "production";
  /** The public address (APP_URL): its origin is accepted for posts besides the request's own. */
  appUrl: string;
  /** Behind a reverse proxy: read the client address and protocol from X-Forwarded-*. */
  trustProxy: boolean;
};

type NodeRequest = IncomingMessage & { originalUrl?: string };

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** Sets the security headers on a response that has not started. Static files get them too. */
export function applySecurityHeaders(res: ServerResponse, nonce: string | null, mode: ServeOptions["mode"]): void {
  const headers = securityHeaders({ nonce, production: mode === "production", development: mode === "development" });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function requestUrl(req: NodeRequest, options: ServeOptions): URL {
  const forwardedProto = options.trustProxy ? firstHeader(req.headers["x-forwarded-proto"])?.split(",")[0]?.trim() : undefined;
  const protocol = forwardedProto === "https" || (req.socket as TLSSocket).encrypted ? "https" : "http";
  const forwardedHost = options.trustProxy ? firstHeader(req.headers["x-forwarded-host"])?.split(",")[0]?.trim() : undefined;
  const host = forwardedHost || req.headers.host || "localhost";
  try {
    return new URL(`${protocol}://${host}${req.originalUrl ?? req.url ?? "/"}`);
  } catch {
    return new URL(`${protocol}://localhost/`);
  }
}

function clientAddress(req: IncomingMessage, options: ServeOptions): string {
  if (options.trustProxy) {
    const forwarded = firstHeader(req.headers["x-forwarded-for"])?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return (req.socket.remoteAddress ?? "unknown").slice(0, 64);
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

type Body = { kind: "ok"; bytes: Buffer } | { kind: "too-large" };

async function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return { kind: "too-large" };
    chunks.push(chunk);
  }
  return { kind: "ok", bytes: Buffer.concat(chunks) };
}

function refuse(res: ServerResponse, status: number, closeConnection = false): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  if (closeConnection) res.setHeader("Connection", "close");
  res.end(refusalPage(status));
}

const handlers = new WeakMap<ServerBuild, ReturnType<typeof createRequestHandler>>();

function remixHandler(build: ServerBuild, mode: ServeOptions["mode"]) {
  let handler = handlers.get(build);
  if (!handler) {
    handler = createRequestHandler(build, mode);
    handlers.set(build, handler);
  }
  return handler;
}

/**
 * Answers one request: the checks, then Remix. `nonce` is the one the security headers already
 * carry (set by the server for every response, static files included).
 */
export async function serveRequest(
  req: NodeRequest,
  res: ServerResponse,
  build: ServerBuild,
  nonce: string,
  options: ServeOptions,
): Promise<void> {
  const url = requestUrl(req, options);
  const method = (req.method ?? "GET").toUpperCase();
  const headers = headersOf(req);

  if (urlHasControlCharacters(url)) return refuse(res, 400);

  let body: Buffer | undefined;
  if (!isSafeMethod(method)) {
    if (!isSameOriginRequest(headers, [new URL(options.appUrl).origin, url.origin])) return refuse(res, 403);
    const limit = bodyLimitFor(url.pathname);
    const declared = Number(headers.get("content-length") ?? "0");
    if (Number.isFinite(declared) && declared > limit) return refuse(res, 413, true);
    const contentType = headers.get("content-type");
    if (contentType !== null && !isAcceptedBody(contentType, 0)) return refuse(res, 415, true);
    const read = await readBody(req, limit);
    if (read.kind === "too-large") return refuse(res, 413, true);
    body = read.bytes;
    if (!isAcceptedBody(contentType, body.length)) return refuse(res, 415);
    if (formHasNul(body.toString("utf8"))) return refuse(res, 400);
    // Our origin check above is the one that counts (it knows APP_URL and whether a proxy is
    // trusted). Remix repeats it against `x-forwarded-host`/`host` and answers 500 on a mismatch —
    // e.g. a client-sent X-Forwarded-Host without a trusted proxy, or a post from APP_URL that
    // reached another host name. So Remix sees the host the accepted origin names.
    const origin = headers.get("origin");
    headers.delete("x-forwarded-host");
    if (origin !== null && origin !== "null") headers.set("x-forwarded-host", new URL(origin).host);
  }

  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const request = new Request(url, {
    method,
    headers,
    signal: controller.signal,
    ...(body !== undefined && method !== "GET" && method !== "HEAD" ? { body: new Uint8Array(body) } : {}),
  });
  rememberClientAddress(request, clientAddress(req, options));

  // One scope per request: the session lookup (and the header's data) is shared by all loaders.
  const handler = remixHandler(build, options.mode);
  const response = await runInRequestScope(newRequestScope(method, url), () => handler(request, { cspNonce: nonce }));
  res.statusMessage = response.statusText;
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (response.body && method !== "HEAD") {
    await writeReadableStreamToWritable(response.body, res);
  } else {
    res.end();
  }
}
