import { expose, transfer } from 'comlink';
import { createRng as rng } from '../../shared/domain/random';

// RENDERING BENCH ONLY (renderer/bench.html): synthetic data, never shipped as real data.
// Builds deck.gl binary attributes in this worker and transfers them, as the issue asks
// ("1M account points and 33,000 ZIP units ... binary attributes built in workers").

/** Continental US bounding box (lon/lat). */
const CONUS = { west: -124.8, south: 24.4, east: -66.9, north: 49.4 };

/** A few metro centres so the synthetic accounts cluster like real customer lists (lon, lat, weight). */
const METROS: Array<[number, number, number]> = [
  [-74.0, 40.7, 9], [-118.2, 34.05, 7], [-87.6, 41.9, 5], [-95.4, 29.8, 4], [-112.1, 33.4, 3], [-75.2, 39.95, 3],
  [-98.5, 29.4, 2], [-117.2, 32.7, 2], [-96.8, 32.8, 4], [-122.4, 37.8, 4], [-122.3, 47.6, 3], [-104.99, 39.7, 3],
  [-84.4, 33.75, 4], [-80.2, 25.8, 4], [-71.06, 42.36, 3], [-83.05, 42.33, 3], [-93.27, 44.98, 2], [-90.2, 38.6, 2],
  [-77.04, 38.9, 4], [-81.7, 41.5, 2], [-86.8, 36.16, 2], [-115.1, 36.17, 2], [-122.7, 45.5, 2], [-80.84, 35.2, 2],
];

export type SynthAccounts = { length: number; positions: Float32Array; radii: Float32Array };
export type SynthUnits = {
  length: number;
  /** Closed rings, lon/lat interleaved (5 vertices per square). */
  positions: Float32Array;
  /** Vertex index where each polygon starts (length + 1 entries). */
  startIndices: Uint32Array;
  /** Per-vertex RGBA (deck.gl binary polygon attributes are per vertex). */
  fillColors: Uint8Array;
};
export type SynthResult = { accounts: SynthAccounts; units: SynthUnits; buildMs: number };

function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r());
}

/** n accounts: 70% around metros (gaussian, ~0.6 deg), 30% uniform over the bbox; radius as the app (0.5..2.6 px). */
function accounts(n: number, r: () => number): SynthAccounts {
  const positions = new Float32Array(n * 2);
  const radii = new Float32Array(n);
  const total = METROS.reduce((s, m) => s + m[2], 0);
  for (let i = 0; i < n; i++) {
    let x: number;
    let y: number;
    if (r() < 0.7) {
      let pick = r() * total;
      let m = METROS[0]!;
      for (const c of METROS) {
        pick -= c[2];
        if (pick <= 0) { m = c; break; }
      }
      x = m[0] + gaussian(r) * 0.6;
      y = m[1] + gaussian(r) * 0.45;
    } else {
      x = CONUS.west + r() * (CONUS.east - CONUS.west);
      y = CONUS.south + r() * (CONUS.north - CONUS.south);
    }
    positions[i * 2] = x;
    positions[i * 2 + 1] = y;
    // Potential relative to median ~ lognormal; same formula as prepare-accounts accountRadius.
    const rel = Math.exp(gaussian(r) * 0.8);
    radii[i] = Math.min(2.6, 0.5 + 0.4 * Math.sqrt(rel));
  }
  return { length: n, positions, radii };
}

/** About n square units on a regular grid over the bbox (stand-ins for ZIP polygons), coloured by ~80 block "territories". */
function units(n: number, r: () => number): SynthUnits {
  const w = CONUS.east - CONUS.west;
  const h = CONUS.north - CONUS.south;
  const cols = Math.max(1, Math.round(Math.sqrt((n * w) / h)));
  const rows = Math.max(1, Math.ceil(n / cols));
  const dx = w / cols;
  const dy = h / rows;
  const len = n;
  const positions = new Float32Array(len * 5 * 2);
  const startIndices = new Uint32Array(len + 1);
  const fillColors = new Uint8Array(len * 5 * 4);
  const palette: number[][] = [];
  for (let t = 0; t < 80; t++) palette.push([40 + Math.floor(r() * 200), 40 + Math.floor(r() * 200), 40 + Math.floor(r() * 200)]);
  const gap = 0.08; // small gap so units read as separate polygons
  for (let i = 0; i < len; i++) {
    const c = i % cols;
    const row = Math.floor(i / cols);
    const x0 = CONUS.west + c * dx + dx * gap;
    const y0 = CONUS.south + row * dy + dy * gap;
    const x1 = x0 + dx * (1 - 2 * gap);
    const y1 = y0 + dy * (1 - 2 * gap);
    const ring = [x0, y0, x1, y0, x1, y1, x0, y1, x0, y0];
    positions.set(ring, i * 10);
    startIndices[i] = i * 5;
    const t = (Math.floor(c / (cols / 10)) * 8 + Math.floor(row / (rows / 8))) % palette.length;
    const col = palette[t]!;
    for (let v = 0; v < 5; v++) fillColors.set([col[0]!, col[1]!, col[2]!, 190], (i * 5 + v) * 4);
  }
  startIndices[len] = len * 5;
  return { length: len, positions, startIndices, fillColors };
}

const api = {
  generate(accountCount: number, unitCount: number, seed = 1): SynthResult {
    const t0 = performance.now();
    const r = rng(seed);
    const a = accounts(accountCount, r);
    const u = units(unitCount, r);
    const result: SynthResult = { accounts: a, units: u, buildMs: performance.now() - t0 };
    return transfer(result, [a.positions.buffer, a.radii.buffer, u.positions.buffer, u.startIndices.buffer, u.fillColors.buffer]);
  },
};
export type SynthWorkerApi = typeof api;
expose(api);
