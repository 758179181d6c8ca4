// One app process: the HTTP server for development and production (`npm run dev`, `npm start`,
// the Playwright server), started by server/index.js (directly, or once per core in a cluster).
// Every request passes the same place: security headers with a fresh CSP nonce, then the app's
// checks and Remix (`serveRequest` in app/.server/http/serve.ts). In development Vite runs in
// middleware mode on the same port (HMR over the same socket); in production the built client
// files are served from build/client. The database is opened (migrated, on a fresh embedded one
// seeded) before the server listens, so the first page does not wait for it; in development while
// Vite compiles the server build.
//
// Plain JavaScript so that Node runs it without a build step; the logic lives in TypeScript in the
// app and reaches this file through the server build's entry module (app/entry.server.tsx).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import compression from "compression";
import express from "express";

const production = process.env.NODE_ENV === "production";

// TK_START_TIMING=1 (npm run bench:start): prints when each start-up step is done, in ms since the
// process started.
/** @param {string} step */
const mark = process.env.TK_START_TIMING ? (step) => console.log(`[start] ${step} ${performance.now().toFixed(0)}`) : () => {};
mark("node");

/** @type {import("vite").ViteDevServer | undefined} */
let vite;
/** @type {() => Promise<any>} */
let loadBuild;
/** Development: the database, opened while Vite compiles the server build. @type {Promise<unknown> | undefined} */
let databaseReady;

const app = express();
app.disable("x-powered-by");
const server = http.createServer(app);

if (production) {
  const build = await import(new URL("../build/server/index.js", import.meta.url).href);
  loadBuild = async () => build;
} else {
  const { createServer } = await import("vite");
  vite = await createServer({
    server: { middlewareMode: true, hmr: { server } },
    appType: "custom",
  });
  loadBuild = () => vite.ssrLoadModule("virtual:remix/server-build");
  mark("vite");
  // Open (create, migrate, seed) the database while Vite compiles the server build, not after
  // it: the database module is a small part of the build, loaded first on its own. It keeps its
  // handle on globalThis (app/.server/db/index.ts), so the build's copy finds the same one.
  databaseReady = vite.ssrLoadModule("/app/.server/db/index.ts").then((db) => db.getDatabase());
  // Awaited below; until then a failure must not count as unhandled.
  databaseReady.catch(() => {});
}

const first = await loadBuild();
mark("build");
const config = first.entry.module.env();
const mode = production ? "production" : "development";
const options = { mode, appUrl: config.APP_URL, trustProxy: config.TRUST_PROXY === "true" };

// Security headers on every response (static files, Vite's modules, pages), with this request's nonce.
app.use(async (req, res, next) => {
  let entry;
  try {
    entry = (await loadBuild()).entry.module;
  } catch (error) {
    // Development only: the app does not compile right now. Let Vite serve its modules and the
    // error overlay; the page request below reports the error.
    if (vite) return next();
    return next(error);
  }
  const nonce = entry.createNonce();
  res.locals.cspNonce = nonce;
  entry.applySecurityHeaders(res, nonce, mode);
  next();
});

if (vite) {
  app.use(vite.middlewares);
} else {
  // Pages, scripts and styles compressed for browsers that accept it (all do): a list page's HTML
  // to about a third (brotli), the client scripts too, on a phone's mobile connection. Behind a
  // proxy that compresses, the proxy sees Content-Encoding and leaves it. (BREACH: no page carries
  // a secret token that reflected input could be compared against; forms are guarded by their
  // origin, not a token — decision 010.)
  // Pages and data answers at brotli quality 3, the built scripts and styles (/assets) at the
  // default 4: a page is compressed anew for every request, and measured in the server (decision
  // 019, ninth sitting) quality 4 cost 3–7 % more CPU per list page than 3 for 4–7 % fewer bytes
  // (0.3–0.5 KB).
  const compressFiles = compression();
  const compressPages = compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3 } } });
  app.use((req, res, next) => (req.path.startsWith("/assets/") ? compressFiles(req, res, next) : compressPages(req, res, next)));
  const client = new URL("../build/client", import.meta.url).pathname;
  app.use("/assets", express.static(`${client}/assets`, { immutable: true, maxAge: "1y" }));
  app.use(
    onlyUnder(
      client,
      express.static(client, {
        maxAge: "1h",
        // The service worker and the manifest are checked for updates on every visit.
        setHeaders(res, file) {
          if (file.endsWith("/sw.js") || file.endsWith(".webmanifest")) res.setHeader("Cache-Control", "no-cache");
        },
      }),
    ),
  );
}

if (!vite) app.use(coalesceWrites);

app.all("*", async (req, res) => {
  try {
    const build = await loadBuild();
    await build.entry.module.serveRequest(req, res, build, res.locals.cspNonce, options);
  } catch (error) {
    if (vite && error instanceof Error) vite.ssrFixStacktrace(error);
    console.error(error);
    if (!res.headersSent) {
      res.status(500).type("text/plain; charset=utf-8").send("Da ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.");
    } else {
      res.end();
    }
  }
});

// Migrate (and on a fresh embedded database seed) before listening: the first page is then quick.
await (databaseReady ?? first.entry.module.getDatabase());
mark("database");

server.listen(config.PORT, config.HOST, () => {
  mark("listening");
  // In a cluster (server/index.js) the first process speaks for all of them.
  if (process.env.TK_CLUSTER_ROLE === "other") return;
  const shown = !config.HOST || config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  const processes = process.env.TK_CLUSTER_SIZE ? ` (${process.env.TK_CLUSTER_SIZE} Prozesse)` : "";
  console.log(`Trägerkreis läuft auf http://${shown}:${config.PORT}${processes}${production ? "" : ` (Postfach: http://${shown}:${config.PORT}/dev/mails)`}`);
});

/**
 * The static middleware for the paths whose first segment names an entry of `dir` (read once: a
 * production build's client files do not change while it runs); every other request goes on at
 * once. express.static would look each page's path up on disk (a stat, a 404 error object) and
 * then go on too, so the answers are the same. Paths it would refuse or could not decode are
 * still handed to it.
 * @param {string} dir @param {import("express").RequestHandler} handler
 * @returns {import("express").RequestHandler}
 */
function onlyUnder(dir, handler) {
  const names = new Set(fs.readdirSync(dir));
  return (req, res, next) => {
    let decoded;
    try {
      decoded = decodeURIComponent(req.path);
    } catch {
      return handler(req, res, next);
    }
    const normalized = path.posix.normalize(`./${decoded}`);
    if (decoded.includes("\0") || normalized.startsWith("../")) return handler(req, res, next);
    const slash = normalized.indexOf("/");
    return names.has(slash === -1 ? normalized : normalized.slice(0, slash)) ? handler(req, res, next) : next();
  };
}

/** @param {Buffer | Uint8Array | string} chunk @param {BufferEncoding | undefined} encoding */
function toBuffer(chunk, encoding) {
  return Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk);
}

/**
 * Pages and data answers (not static files, which end before this): Remix writes each chunk React
 * renders (a page is dozens of small ones) and flushes after every one. Through the compressor
 * each write is a trip to a worker thread and each flush costs ratio (gzip: 8.0 instead of 5.9 KB
 * for /vertretungen). Here the chunks written before the event loop turns go on as one write and
 * one flush — a streamed page's parts still leave as they are ready.
 * @param {import("express").Request} req @param {import("express").Response} res @param {() => void} next
 */
function coalesceWrites(req, res, next) {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  /** @type {{ flush?: () => void }} */
  const flushable = res;
  const flush = typeof flushable.flush === "function" ? flushable.flush.bind(res) : () => {};
  /** @type {Buffer[]} */
  let chunks = [];
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    if (chunks.length === 0) return;
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    chunks = [];
    write(body);
    flush();
  };
  /** @type {any} */ (res).write = (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) => {
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    chunks.push(toBuffer(chunk, encoding));
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
    if (callback) process.nextTick(callback);
    return true;
  };
  flushable.flush = () => {};
  /** @type {any} */ (res).end = (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) => {
    if (typeof chunk === "function") [callback, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    if (chunk != null) chunks.push(toBuffer(chunk, encoding));
    const rest = chunks.length === 0 ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    chunks = [];
    return rest === undefined ? end(callback) : end(rest, callback);
  };
  next();
}

function shutdown() {
  server.close();
  void vite?.close();
  process.exit(0);
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
