#!/usr/bin/env node
// Draws the Teams app icons with no image library: shapes as signed distance fields, 4x4
// supersampling for smooth edges, and a minimal PNG encoder (zlib + CRC-32 from node:zlib).
//
//   color.png    192x192  full-colour: white chat bubble with a check mark on the accent colour
//   outline.png   32x32   white outline of the same bubble on a transparent background
//
// Usage: node deploy/teams/make-icons.mjs [--out <dir>]   (default: this folder)
// The output is byte-for-byte deterministic; a test checks the committed PNGs match it.

import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

/** The manifest's accentColor; the colour icon's background. */
export const ACCENT = [0x1b, 0x5f, 0xaa];

// ---- PNG ---------------------------------------------------------------------------------------

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (width * height * 4 bytes, row-major) as an 8-bit RGBA PNG. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    rows[row] = 0; // filter: none
    rgba.copy(rows, row + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Shapes (signed distance: negative inside) -------------------------------------------------

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const polygon = (points) => (x, y) => {
  let distance = Infinity;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    distance = Math.min(distance, segmentDistance(x, y, points[j], points[i]));
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? -distance : distance;
};

const union = (...shapes) => (x, y) => Math.min(...shapes.map((shape) => shape(x, y)));

const polyline = (points) => (x, y) => {
  let distance = Infinity;
  for (let i = 1; i < points.length; i++) distance = Math.min(distance, segmentDistance(x, y, points[i - 1], points[i]));
  return distance;
};

/** The chat bubble (rounded body plus a tail at the lower left) and its check mark, on a unit canvas. */
function bubble(size) {
  const s = size / 192;
  const p = (x, y) => [x * s, y * s];
  const body = roundedRect(34 * s, 40 * s, 158 * s, 128 * s, 22 * s);
  const tail = polygon([p(58, 118), p(96, 118), p(52, 156)]);
  const check = polyline([p(68, 84), p(88, 104), p(124, 66)]);
  return { shape: union(body, tail), check };
}

/** Average of a 4x4 grid of samples inside the pixel: how much of it `inside` covers. */
function coverage(px, py, inside) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(px + (sx + 0.5) / 4, py + (sy + 0.5) / 4)) hits++;
  return hits / 16;
}

export function drawColor(size = 192) {
  const { shape, check } = bubble(size);
  const stroke = (13 * size) / 192;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const white = coverage(x, y, (sx, sy) => shape(sx, sy) <= 0 && check(sx, sy) > stroke / 2);
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.round(ACCENT[c] * (1 - white) + 255 * white);
      pixels[offset + 3] = 255;
    }
  }
  return encodePng(size, size, pixels);
}

export function drawOutline(size = 32) {
  const { shape, check } = bubble(size);
  const line = 2; // px: Teams' outline icons are drawn with about 2 px lines
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = coverage(x, y, (sx, sy) => Math.abs(shape(sx, sy)) <= line / 2 || check(sx, sy) <= line / 2 + 0.1);
      const offset = (y * size + x) * 4;
      pixels[offset] = 255;
      pixels[offset + 1] = 255;
      pixels[offset + 2] = 255;
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, pixels);
}

export function writeIcons(outDir) {
  mkdirSync(outDir, { recursive: true });
  const files = { 'color.png': drawColor(192), 'outline.png': drawOutline(32) };
  for (const [name, png] of Object.entries(files)) writeFileSync(join(outDir, name), png);
  return Object.keys(files).map((name) => join(outDir, name));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : dirname(fileURLToPath(import.meta.url));
  for (const file of writeIcons(outDir)) process.stdout.write(`wrote ${file}\n`);
}
