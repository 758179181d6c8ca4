// What one HTTP request shares between its loaders. Remix calls the root loader and the route
// loaders with separate Request objects (it strips `_routes`/`index` from the URL for each), so a
// cache keyed on the Request would miss; the app's HTTP entry (serve.ts) runs every request inside
// this scope instead, and the auth layer finds it through AsyncLocalStorage:
//   - the session lookup runs once per request (getSessionUser/requireUser/getOptionalUser share
//     its promise), and on a GET it brings the header's data (headerInfo) in the same transaction;
//   - `transactions` counts the request's database transactions (tests assert the budget).
// Outside a request (tests calling a loader directly, jobs, scripts) there is no scope and every
// call works on its own, as before.
import { AsyncLocalStorage } from "node:async_hooks";

export type HeaderData = { unread: number; coordinates: boolean; openNotfaelle: number };

export type RequestScope = {
  /** GET/HEAD: loaders only, so the session lookup is shared. */
  readsOnly: boolean;
  /** The root loader runs (a page, or a data request that asks for it): read the header's data too. */
  wantsHeader: boolean;
  /** Session lookups of this request, by Cookie header. */
  sessions: Map<string, Promise<unknown>>;
  /** Header data read with the session lookup, by user id. */
  headers: Map<string, Promise<HeaderData | null>>;
  /** Database transactions begun in this request. */
  transactions: number;
};

// On globalThis: in development Vite may load this module twice (server entry and route modules
// after a reload); both must see the same storage.
const key = "__traegerkreisRequestScope";
const storage = ((globalThis as Record<string, unknown>)[key] ??= new AsyncLocalStorage<RequestScope>()) as AsyncLocalStorage<RequestScope>;

export function newRequestScope(method: string, url?: URL): RequestScope {
  const m = method.toUpperCase();
  const readsOnly = m === "GET" || m === "HEAD";
  // A single-fetch data request names the loaders it wants (`_routes`); without it, all run.
  const routes = url?.pathname.endsWith(".data") ? url.searchParams.get("_routes") : null;
  const wantsHeader = readsOnly && (routes === null || routes.split(",").includes("root"));
  return { readsOnly, wantsHeader, sessions: new Map(), headers: new Map(), transactions: 0 };
}

/** Runs `fn` (one request's handling) with its own scope. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The current request's scope, if running inside one. */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
