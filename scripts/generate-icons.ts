// Draws the app icons of the installable app (issue 12) into public/icons/: the "TK" mark of
// public/favicon.svg in the brand colour, as PNG in the sizes Android and iOS ask for (192, 512,
// a maskable 512 with the mark inside the safe zone, and the 180 px apple-touch-icon). No image
// library: the shapes are sampled 4×4 per pixel and written as PNG with node:zlib.
//   npx tsx scripts/generate-icons.ts
import fs from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const BRAND = [0x12, 0x5d, 0x56] as const;
const OUT = path.join(import.meta.dirname, "..", "public", "icons");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

type Point = [number, number];
function inRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number) {
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function nearSegment([x, y]: Point, [ax, ay]: Point, [bx, by]: Point, half: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= half;
}
/** The "TK" mark in unit coordinates (0..1). */
function inMark(x: number, y: number): boolean {
  return (
    inRect(x, y, 0.16, 0.28, 0.5, 0.38) || // T bar
    inRect(x, y, 0.28, 0.28, 0.38, 0.74) || // T stem
    inRect(x, y, 0.54, 0.28, 0.64, 0.74) || // K stem
    nearSegment([x, y], [0.62, 0.54], [0.84, 0.29], 0.05) ||
    nearSegment([x, y], [0.66, 0.47], [0.86, 0.73], 0.05)
  );
}
function inRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function draw(size: number, maskable: boolean): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let mark = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          const inside = maskable || inRoundedSquare(x, y, 0.2);
          if (!inside) continue;
          background++;
          // Maskable icons keep the mark inside the central 80 % safe zone.
          const scale = maskable ? 0.72 : 1;
          if (inMark((x - 0.5) / scale + 0.5, (y - 0.5) / scale + 0.5)) mark++;
        }
      }
      const i = (py * size + px) * 4;
      const m = mark / (S * S);
      const b = background / (S * S);
      rgba[i] = Math.round(BRAND[0] * (1 - m / Math.max(b, 1e-9)) + 255 * (m / Math.max(b, 1e-9)));
      rgba[i + 1] = Math.round(BRAND[1] * (1 - m / Math.max(b, 1e-9)) + 255 * (m / Math.max(b, 1e-9)));
      rgba[i + 2] = Math.round(BRAND[2] * (1 - m / Math.max(b, 1e-9)) + 255 * (m / Math.max(b, 1e-9)));
      rgba[i + 3] = Math.round(255 * b);
    }
  }
  return png(size, rgba);
}

fs.mkdirSync(OUT, { recursive: true });
const icons: [string, number, boolean][] = [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-512.png", 512, true],
  ["apple-touch-icon-180.png", 180, true],
];
for (const [name, size, maskable] of icons) {
  fs.writeFileSync(path.join(OUT, name), draw(size, maskable));
  console.log(`public/icons/${name}`);
}
