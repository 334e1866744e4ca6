#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16|32|64|80|128.png) without any image library: a green
 * rounded square (the ledger cover), white ruled lines (the ledger) and a red square seal (印章).
 * Run once after changing the design: `node src/dev/make-icons.cjs`. The PNGs are committed.
 */
'use strict';
/* global Buffer */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const GREEN = [0x10, 0x7c, 0x41];
const WHITE = [0xff, 0xff, 0xff];
const RED = [0xc8, 0x23, 0x2c];

/** RGBA colour of pixel (x, y) of an n×n icon; shapes are in units of n so every size looks alike. */
function pixel(x, y, n) {
  const r = n * 0.18;
  const cx = Math.min(Math.max(x + 0.5, r), n - r);
  const cy = Math.min(Math.max(y + 0.5, r), n - r);
  const inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r;
  if (!inside) return [0, 0, 0, 0];
  const u = (x + 0.5) / n;
  const v = (y + 0.5) / n;
  if (u > 0.56 && u < 0.84 && v > 0.56 && v < 0.84) return [...RED, 255];
  const lineW = Math.max(1, Math.round(n / 16)) / n;
  for (const ly of [0.25, 0.42, 0.59, 0.76]) {
    const right = ly > 0.5 ? 0.5 : 0.8;
    if (u > 0.2 && u < right && v >= ly && v < ly + lineW) return [...WHITE, 255];
  }
  return [...GREEN, 255];
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(n) {
  const raw = Buffer.alloc(n * (n * 4 + 1));
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < n; x++) {
      const p = pixel(x, y, n);
      for (let k = 0; k < 4; k++) raw[y * (n * 4 + 1) + 1 + x * 4 + k] = p[k];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const outDir = path.join(__dirname, '..', '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const n of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(outDir, `icon-${n}.png`), png(n));
}
console.log(`icons written to ${outDir}`);
