// Server entry: React renders the whole document and Remix gets it as one body. No loader of the
// app defers data, so the shell already holds everything; waiting for all of it (as Remix's default
// entry does for bots) lets React inline the single-fetch data boundary instead of streaming it
// after the shell (a hidden <div> and a $RC script fewer), and the body goes out as one Buffer
// instead of 20-odd chunks through a PassThrough and a web stream (issue 14, decision 019).
// Importing it validates the environment, so a misconfigured server (e.g. production without
// SESSION_SECRET) fails at start with a clear message instead of on the first request.
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
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
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    let settled = false;
    // Stops a render that still waits after the stream timeout; cleared once the page is done.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          responseHeaders.set("Content-Type", "text/html");
          // For the service worker (public/sw.js): keep this page as the person's last view only
          // while someone is signed in; a signed-out page deletes it.
          const root = remixContext.staticHandlerContext.loaderData?.root as { user?: unknown } | undefined;
          responseHeaders.set("X-TK-Signed-In", root?.user ? "1" : "0");
          const chunks: Buffer[] = [];
          const body = new Writable({
            write(chunk: Buffer, _encoding, callback) {
              chunks.push(chunk);
              callback();
            },
            final(callback) {
              settle();
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
              callback();
            },
          });
          pipe(body);
        },
        onShellError(error: unknown) {
          settle();
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject above and are logged by Remix.
          if (shellRendered) console.error(error);
        },
      },
    );
    if (!settled) timer = setTimeout(abort, streamTimeout + 1_000);
  });
}
