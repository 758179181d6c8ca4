// A local push service for tests and the benchmark: a real protocol peer of the app's push
// delivery, nothing leaves the machine. It plays both ends a browser would:
//   - devices: createDevice() makes a P-256 key pair and an auth secret, as a browser's
//     PushManager does, and returns the subscription (endpoint on this server, p256dh, auth);
//   - the push service: an HTTPS server (self-signed certificate made with openssl, trusted by the
//     app through PUSH_TEST_SERVICE_CA) that checks the VAPID signature (RFC 8292: ES256 JWT, aud =
//     this origin, exp in the future, k = the app's public key), decrypts the aes128gcm body with
//     the device's private key (RFC 8291 / RFC 8188: ECDH + HKDF with node:crypto) and records
//     the plaintext. A device can be set to answer 404/410 (gone) or 503 (outage).
import { execFileSync } from "node:child_process";
import { createDecipheriv, createECDH, hkdfSync, randomBytes, verify } from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";

export type Device = { id: string; endpoint: string; p256dh: string; auth: string };
export type ReceivedPush = { deviceId: string; at: number; headers: Record<string, string | string[] | undefined>; payload: unknown };
type DeviceState = { ecdh: ReturnType<typeof createECDH>; publicKey: Buffer; authSecret: Buffer; answer: number };

export type PushServiceStandIn = {
  url: string;
  caFile: string;
  received: ReceivedPush[];
  /** Refused requests (bad VAPID, undecryptable), with the reason. */
  refused: string[];
  createDevice(): Device;
  /** The HTTP status this device's endpoint answers with (201 by default). */
  setAnswer(deviceId: string, status: number): void;
  /** Every device answers 503 while true. */
  setOutage(on: boolean): void;
  clear(): void;
  stop(): Promise<void>;
};

function certificate(): { dir: string; key: string; cert: string; caFile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "push-standin-"));
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", keyFile, "-out", certFile, "-days", "1", "-subj", "/CN=127.0.0.1",
    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
  ], { stdio: "ignore" });
  return { dir, key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certFile, "utf8"), caFile: certFile };
}

/** RFC 8291 §3.4 and RFC 8188: the plaintext of an aes128gcm push body for this device. */
export function decryptAes128gcm(body: Buffer, device: { ecdh: ReturnType<typeof createECDH>; publicKey: Buffer; authSecret: Buffer }): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const senderPublicKey = body.subarray(21, 21 + idLength);
  const records = body.subarray(21 + idLength);
  if (idLength !== 65 || recordSize < 18) throw new Error("bad aes128gcm header");
  if (records.length > recordSize) throw new Error("more than one record");
  const sharedSecret = device.ecdh.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), device.publicKey, senderPublicKey]);
  const ikm = Buffer.from(hkdfSync("sha256", sharedSecret, device.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("missing padding delimiter");
  return padded.subarray(0, end);
}

/** RFC 8292: `vapid t=<JWT>, k=<public key>`, ES256 over the JWT, aud = origin, exp ahead. */
function checkVapid(header: string | undefined, origin: string): string | null {
  const match = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) return "no vapid authorization";
  const [jwtHeader, jwtClaims, signature] = match[1]!.split(".") as [string, string, string];
  const key = Buffer.from(match[2]!, "base64url");
  if (key.length !== 65 || key[0] !== 4) return "bad vapid key";
  const jwk = { kty: "EC", crv: "P-256", x: key.subarray(1, 33).toString("base64url"), y: key.subarray(33).toString("base64url") };
  const ok = verify("sha256", Buffer.from(`${jwtHeader}.${jwtClaims}`), { key: jwk, format: "jwk", dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
  if (!ok) return "bad vapid signature";
  const alg = JSON.parse(Buffer.from(jwtHeader, "base64url").toString()) as { alg?: string };
  const claims = JSON.parse(Buffer.from(jwtClaims, "base64url").toString()) as { aud?: string; exp?: number; sub?: string };
  if (alg.alg !== "ES256") return "vapid alg is not ES256";
  if (claims.aud !== origin) return `vapid aud ${claims.aud} is not ${origin}`;
  if (!claims.exp || claims.exp * 1000 < Date.now() || claims.exp * 1000 > Date.now() + 24 * 3600 * 1000 + 60_000) return "vapid exp out of range";
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) return "vapid sub missing";
  return null;
}

export async function startPushService(): Promise<PushServiceStandIn> {
  const { dir, key, cert, caFile } = certificate();
  const devices = new Map<string, DeviceState>();
  const received: ReceivedPush[] = [];
  const refused: string[] = [];
  let outage = false;
  let origin = "";

  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const id = /^\/push\/([a-z0-9]+)$/.exec(req.url ?? "")?.[1];
      const device = id ? devices.get(id) : undefined;
      if (req.method !== "POST" || !device || !id) return void res.writeHead(404).end();
      if (outage) return void res.writeHead(503).end();
      if (device.answer !== 201) return void res.writeHead(device.answer).end();
      const problem =
        checkVapid(req.headers.authorization, origin) ??
        (req.headers["content-encoding"] !== "aes128gcm" ? "content-encoding is not aes128gcm" : null) ??
        (!req.headers.ttl ? "no TTL" : null);
      if (problem) {
        refused.push(problem);
        return void res.writeHead(403).end(problem);
      }
      try {
        const plaintext = decryptAes128gcm(Buffer.concat(chunks), device);
        received.push({ deviceId: id, at: performance.now(), headers: req.headers, payload: JSON.parse(plaintext.toString("utf8")) });
        res.writeHead(201, { location: `${origin}/messages/${randomBytes(6).toString("hex")}` }).end();
      } catch (error) {
        refused.push(`undecryptable: ${(error as Error).message}`);
        res.writeHead(400).end();
      }
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    caFile,
    received,
    refused,
    createDevice() {
      const ecdh = createECDH("prime256v1");
      const publicKey = ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const id = randomBytes(8).toString("hex");
      devices.set(id, { ecdh, publicKey, authSecret, answer: 201 });
      return { id, endpoint: `${origin}/push/${id}`, p256dh: publicKey.toString("base64url"), auth: authSecret.toString("base64url") };
    },
    setAnswer(deviceId, status) {
      devices.get(deviceId)!.answer = status;
    },
    setOutage(on) {
      outage = on;
    },
    clear() {
      received.length = 0;
      refused.length = 0;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
