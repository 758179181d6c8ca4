// The production app compresses what it sends to browsers that accept it (server/app-process.js):
// pages, data answers and the client's scripts arrive as brotli or gzip, whole, with the same
// content as uncompressed; a client that asks for nothing gets plain bytes. Started the way
// `npm start` starts it, on the PostgreSQL server. Needs DATABASE_URL and `npm run build`.
import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDatabase, sessionCookies, startApp, type AppProcess } from "../../scripts/lib/app-process";

const adminUrl = process.env.DATABASE_URL ?? "";
const port = Number(process.env.TK_SERVER_TEST_PORT ?? 3252) + 7;

type Answer = { status: number; encoding: string | undefined; vary: string | undefined; sent: number; body: string };

/** GET with a chosen Accept-Encoding; counts the bytes on the wire, then decodes them. */
function get(app: AppProcess, path: string, acceptEncoding: string | null, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (acceptEncoding !== null) headers["Accept-Encoding"] = acceptEncoding;
    if (cookie) headers.Cookie = cookie;
    http
      .get(`${app.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const body =
            encoding === "br" ? zlib.brotliDecompressSync(raw) : encoding === "gzip" ? zlib.gunzipSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, encoding, vary: res.headers.vary, sent: raw.length, body: body.toString("utf8") });
        });
      })
      .on("error", reject);
  });
}

/** A page's HTML without what differs per request (CSP nonce, the form's idempotency key, "now"). */
const stable = (html: string) =>
  html
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/\\"now\\",\\"[\d:.TZ-]+\\"/g, "")
    .replace(/\\"formKey\\",\\"[0-9a-f-]{36}\\"/g, "")
    .replace(/name="formKey" value="[0-9a-f-]{36}"/g, "");

describe.skipIf(!adminUrl)("the production app compresses for browsers", () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let app: AppProcess;
  let cookie: string;

  beforeAll(async () => {
    database = await createDatabase(adminUrl, "tk_srv_gz");
    app = await startApp({ port, env: { DATABASE_URL: database.url, OUTBOX_WORKER: "off" } });
    const deadline = Date.now() + 90_000;
    while ((await get(app, "/anmelden", null).catch(() => ({ status: 0 }))).status !== 200) {
      if (Date.now() > deadline || !app.alive()) throw new Error(`The app did not come up:\n${app.output()}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    cookie = (await sessionCookies(database.url, ["team@kiz-niederrhein.example"]))[0]!;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  test("a list page arrives compressed, whole and the same as uncompressed", async () => {
    const plain = await get(app, "/vertretungen", null, cookie);
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    expect(plain.body).toContain("streamController.close()");
    for (const [accept, expected] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
    ] as const) {
      const packed = await get(app, "/vertretungen", accept, cookie);
      expect(packed.status).toBe(200);
      expect(packed.encoding).toBe(expected);
      expect(packed.vary).toMatch(/Accept-Encoding/i);
      // The whole page, streamed parts included, and nothing else changed.
      expect(stable(packed.body)).toBe(stable(plain.body));
      expect(packed.sent).toBeLessThan(plain.sent / 2.5);
    }
  });

  test("data answers, error pages and the client's scripts are compressed too", async () => {
    const data = await get(app, "/vertretungen.data", "br", cookie);
    expect(data.status).toBe(200);
    expect(data.encoding).toBe("br");
    const missing = await get(app, "/gibt-es-nicht", "gzip", cookie);
    expect(missing.status).toBe(404);
    expect(missing.encoding).toBe("gzip");
    expect(missing.body).toContain("</html>");
    const script = /\/assets\/entry\.client-[\w-]+\.js/.exec((await get(app, "/anmelden", null)).body)?.[0];
    expect(script).toBeTruthy();
    const [plainJs, packedJs] = [await get(app, script!, null), await get(app, script!, "br")];
    expect(packedJs.encoding).toBe("br");
    expect(packedJs.body).toBe(plainJs.body);
  });
});
