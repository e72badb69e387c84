#!/usr/bin/env node
// Regenerates the app icons in build/ from build/icon.svg: `node scripts/make-icons.mjs` (needs rsvg-convert:
// `apt-get install librsvg2-bin` / `brew install librsvg`). The outputs are committed, so packaging never needs it.
//   build/icons/NxN.png  Linux (AppImage, .deb), 16…1024
//   build/icon.png       1024 px, electron-builder's fallback
//   build/icon.ico       Windows (NSIS installer, the .exe): PNG entries 16…256
//   build/icon.icns      macOS (.dmg, the .app): PNG entries 16…1024 including @2x
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const build = resolve(dirname(fileURLToPath(import.meta.url)), '../build');
const svg = join(build, 'icon.svg');
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types holding PNG data and their pixel size (macOS 10.7+).
const ICNS_TYPES = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024], ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512]];

function render(size) {
  try {
    return execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), svg], { maxBuffer: 64 << 20 });
  } catch (e) {
    console.error(`make-icons: rsvg-convert failed (${e.message}). Install it: apt-get install librsvg2-bin (Debian/Ubuntu) or brew install librsvg (macOS).`);
    process.exit(1);
  }
}

/** ICO with PNG-compressed entries (Windows Vista and later read these). */
function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(([size, data], i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map(([, d]) => d)]);
}

/** ICNS: 'icns' + total length, then (type, length, PNG) elements. */
function icns(elements) {
  const parts = elements.map(([type, data]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((s, p) => s + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

readFileSync(svg); // fail early with ENOENT naming the file
const png = new Map(PNG_SIZES.map((s) => [s, render(s)]));
mkdirSync(join(build, 'icons'), { recursive: true });
for (const [s, data] of png) writeFileSync(join(build, 'icons', `${s}x${s}.png`), data);
writeFileSync(join(build, 'icon.png'), png.get(1024));
writeFileSync(join(build, 'icon.ico'), ico(ICO_SIZES.map((s) => [s, png.get(s)])));
writeFileSync(join(build, 'icon.icns'), icns(ICNS_TYPES.map(([t, s]) => [t, png.get(s)])));
console.log(`make-icons: wrote ${PNG_SIZES.length} PNGs, icon.png, icon.ico (${ICO_SIZES.length} sizes), icon.icns (${ICNS_TYPES.length} elements) in ${build}`);
