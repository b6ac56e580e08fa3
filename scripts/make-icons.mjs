#!/usr/bin/env node
// Draws the toolbar/notification icon (an orange tile with a white clock) as PNGs in public/icon.
// Run once after changing the design; the PNGs are committed.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function icon(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const c = (size - 1) / 2;
  const corner = size * 0.22;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const dx = Math.max(0, Math.abs(x - c) - (c - corner));
      const dy = Math.max(0, Math.abs(y - c) - (c - corner));
      const inside = Math.hypot(dx, dy) <= corner;
      const r = Math.hypot(x - c, y - c) / size;
      const ring = r > 0.26 && r < 0.34;
      const hand =
        (Math.abs(x - c) < size * 0.045 && y < c && y > c - size * 0.2) ||
        (Math.abs(y - c) < size * 0.045 && x > c && x < c + size * 0.15);
      const white = ring || hand;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      if (!inside) continue;
      raw[o] = white ? 255 : 255;
      raw[o + 1] = white ? 255 : 80;
      raw[o + 2] = white ? 255 : 0;
      raw[o + 3] = 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL("../public/icon/", import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 128])
  writeFileSync(
    new URL(`../public/icon/${size}.png`, import.meta.url),
    icon(size),
  );
console.log("icons written to public/icon");
