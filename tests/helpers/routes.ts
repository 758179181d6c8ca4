// Calling Remix loaders and actions directly, as the server would, and reading what they answer:
// a redirect (returned or thrown), a plain object, or `data(value, { status })`.
import type { ActionFunctionArgs } from "@remix-run/node";

type RouteFn = (args: ActionFunctionArgs) => unknown;

export type RouteOutcome<T = unknown> = {
  status: number;
  /** Location of a redirect. */
  location: string | null;
  /** The returned value for non-redirects. */
  data: T;
  setCookies: string[];
};

export async function callRoute<T = any>(fn: RouteFn, request: Request, params: Record<string, string> = {}): Promise<RouteOutcome<T>> {
  let value: unknown;
  try {
    value = await fn({ request, params, context: {} });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    value = thrown;
  }
  if (value instanceof Response) {
    const text = value.status >= 300 && value.status < 400 ? null : await value.text();
    return {
      status: value.status,
      location: value.headers.get("Location"),
      data: text as T,
      setCookies: value.headers.getSetCookie(),
    };
  }
  if (value && typeof value === "object" && (value as { type?: unknown }).type === "DataWithResponseInit") {
    const wrapped = value as { data: T; init: ResponseInit | null };
    return {
      status: wrapped.init?.status ?? 200,
      location: null,
      data: wrapped.data,
      setCookies: new Headers(wrapped.init?.headers).getSetCookie(),
    };
  }
  return { status: 200, location: null, data: value as T, setCookies: [] };
}

/** A request from a browser without a session, optionally from a given IP address. */
export function anonRequest(
  path: string,
  init: { form?: Record<string, string>; ip?: string; cookie?: string } = {},
): Request {
  const headers = new Headers();
  if (init.ip) headers.set("X-Forwarded-For", init.ip);
  if (init.cookie) headers.set("Cookie", init.cookie);
  let body: URLSearchParams | undefined;
  if (init.form) {
    body = new URLSearchParams(init.form);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`http://localhost:3000${path}`, { method: body ? "POST" : "GET", headers, body });
}

/** The Cookie header a browser would send after receiving these Set-Cookie headers. */
export function cookieHeader(setCookies: string[]): string {
  return setCookies
    .map((c) => c.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}
