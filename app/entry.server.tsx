// Server entry: Remix's default Node streaming renderer (bots get the full document at once).
// Importing it validates the environment, so a misconfigured server (e.g. production without
// SESSION_SECRET) fails at start with a clear message instead of on the first request.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { env } from "./.server/env";

env();

// What the HTTP server (server/index.js) needs from the app, reached through the server build's
// entry module so that it shares this build's module instances (one database, one env).
export { getDatabase } from "./.server/db/index";
export { applySecurityHeaders, createNonce, serveRequest } from "./.server/http/serve";
export { env };

// With single fetch, pending promises are rejected after this long; the render is aborted a bit later.
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html");
          // For the service worker (public/sw.js): keep this page as the person's last view only
          // while someone is signed in; a signed-out page deletes it.
          const root = remixContext.staticHandlerContext.loaderData?.root as { user?: unknown } | undefined;
          responseHeaders.set("X-TK-Signed-In", root?.user ? "1" : "0");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject above and are logged by Remix.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}
