// Draws the dashboard's icon (a rounded square holding a stack of three job bars, the last one done) and writes it
// as app/favicon.ico with 16, 32 and 48 px PNG images. Run once after changing the drawing: node scripts/make-favicon.mjs
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const BACKGROUND = [31, 78, 140];
const BAR = [255, 255, 255];
const DONE = [76, 196, 120];

/** Coverage of pixel (x, y) of an n×n image by a shape given in unit coordinates, 4×4 supersampled. */
function cover(n, x, y, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i += 1) for (let j = 0; j < 4; j += 1) if (inside((x + (i + 0.5) / 4) / n, (y + (j + 0.5) / 4) / n)) hits += 1;
  return hits / 16;
}

const roundedSquare = (u, v) => {
  const r = 0.2;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  return dx * dx + dy * dy <= r * r;
};
const bar = (top, right) => (u, v) => u >= 0.2 && u <= right && v >= top && v <= top + 0.14;
const BARS = [
  { inside: bar(0.22, 0.8), colour: BAR },
  { inside: bar(0.43, 0.68), colour: BAR },
  { inside: bar(0.64, 0.56), colour: DONE },
];

function rgba(n) {
  const rows = [];
  for (let y = 0; y < n; y += 1) {
    const row = [0]; // PNG filter: none
    for (let x = 0; x < n; x += 1) {
      let colour = BACKGROUND;
      for (const b of BARS) {
        const c = cover(n, x, y, b.inside);
        if (c > 0) colour = colour.map((v, k) => Math.round(v * (1 - c) + b.colour[k] * c));
      }
      row.push(...colour, Math.round(255 * cover(n, x, y, roundedSquare)));
    }
    rows.push(Buffer.from(row));
  }
  return Buffer.concat(rows);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

function png(n) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(n, 0);
  header.writeUInt32BE(n, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rgba(n), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function ico(sizes) {
  const images = sizes.map(png);
  const head = Buffer.alloc(6 + 16 * sizes.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // icon
  head.writeUInt16LE(sizes.length, 4);
  let offset = head.length;
  sizes.forEach((n, i) => {
    const at = 6 + 16 * i;
    head.writeUInt8(n % 256, at);
    head.writeUInt8(n % 256, at + 1);
    head.writeUInt16LE(1, at + 4); // colour planes
    head.writeUInt16LE(32, at + 6); // bits per pixel
    head.writeUInt32LE(images[i].length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += images[i].length;
  });
  return Buffer.concat([head, ...images]);
}

writeFileSync(new URL('../app/favicon.ico', import.meta.url), ico([16, 32, 48]));
if (process.argv[2]) writeFileSync(process.argv[2], png(256)); // a large preview, to look at
