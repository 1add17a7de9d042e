// Writes the neutral default icons (a plain disc on a calm background, no name, no symbol
// that says what the app is). Deployers replace public/icons/ and the manifest as they like.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BACKGROUND = [0x1d, 0x4a, 0x6e];
const FOREGROUND = [0xf4, 0xf1, 0xea];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** RGBA pixels: a rounded square (or full bleed when maskable) with a ring and a dot. */
function pixels(size, maskable) {
  const rows = [];
  const c = (size - 1) / 2;
  const corner = maskable ? 0 : size * 0.18;
  const outer = size * (maskable ? 0.26 : 0.32);
  const inner = outer * 0.72;
  const dot = outer * 0.34;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const dx = Math.max(corner - x, x - (size - 1 - corner), 0);
      const dy = Math.max(corner - y, y - (size - 1 - corner), 0);
      const inside = corner === 0 || dx * dx + dy * dy <= corner * corner;
      const r = Math.hypot(x - c, y - c);
      const mark = (r <= outer && r >= inner) || r <= dot;
      const rgb = mark ? FOREGROUND : BACKGROUND;
      const o = 1 + x * 4;
      row[o] = rgb[0];
      row[o + 1] = rgb[1];
      row[o + 2] = rgb[2];
      row[o + 3] = inside ? 255 : 0;
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

function png(size, maskable = false) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels(size, maskable), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const dir = new URL("../public/icons/", import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL("icon-192.png", dir), png(192));
writeFileSync(new URL("icon-512.png", dir), png(512));
writeFileSync(new URL("icon-maskable-512.png", dir), png(512, true));
console.log("icons written to public/icons/");
