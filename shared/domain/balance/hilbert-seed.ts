import type { Ctx } from './context';

/** Index of (x, y) on a Hilbert curve of side 2^16. */
export function hilbertIndex(x: number, y: number): number {
  let d = 0;
  for (let s = 1 << 15; s > 0; s >>>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) { x = s - 1 - x; y = s - 1 - y; }
      const t = x; x = y; y = t;
    }
  }
  return d;
}

/**
 * Balanced seeds for one graph component: units sorted along a Hilbert curve are cut into `count` runs of equal
 * load (cut phase `phase` in [0,1) varies between restarts); each run contributes the unit nearest its weighted centroid.
 */
export function hilbertSeeds(ctx: Ctx, members: number[], count: number, phase: number, ok: (u: number) => boolean): number[] {
  if (count <= 0 || members.length === 0) return [];
  const load = ctx.targets[0]!.values;
  const geo = ctx.input.metric === 'geographic';
  let lat0 = 0;
  for (const u of members) lat0 += ctx.y[u]!;
  const kx = geo ? Math.cos(((lat0 / members.length) * Math.PI) / 180) : 1;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const u of members) {
    const px = ctx.x[u]! * kx;
    minX = Math.min(minX, px); maxX = Math.max(maxX, px); minY = Math.min(minY, ctx.y[u]!); maxY = Math.max(maxY, ctx.y[u]!);
  }
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const key = new Map<number, number>();
  for (const u of members) key.set(u, hilbertIndex(Math.floor(((ctx.x[u]! * kx - minX) / span) * 65535), Math.floor(((ctx.y[u]! - minY) / span) * 65535)));
  const order = members.slice().sort((a, b) => key.get(a)! - key.get(b)! || a - b);
  let total = 0;
  for (const u of order) total += load[u]! + 1e-9;
  const out: number[] = [];
  const taken = new Set<number>();
  let acc = 0; let i = 0;
  for (let c = 0; c < count; c++) {
    const end = ((c + 1 + phase - Math.floor(phase + 0.5)) * total) / count;
    const run: number[] = [];
    while (i < order.length && (acc < end || run.length === 0 || c === count - 1)) { const u = order[i++]!; acc += load[u]! + 1e-9; run.push(u); }
    const pick = nearestCentroid(ctx, run, (u) => ok(u) && !taken.has(u)) ?? nearestCentroid(ctx, order, (u) => ok(u) && !taken.has(u));
    if (pick === undefined) break;
    taken.add(pick); out.push(pick);
  }
  return out;
}

function nearestCentroid(ctx: Ctx, units: number[], ok: (u: number) => boolean): number | undefined {
  let sx = 0; let sy = 0; let sw = 0;
  for (const u of units) { const w = ctx.targets[0]!.values[u]! + 1e-9; sx += w * ctx.x[u]!; sy += w * ctx.y[u]!; sw += w; }
  if (sw === 0) return undefined;
  const cx = sx / sw; const cy = sy / sw;
  let best: number | undefined; let bd = Infinity;
  for (const u of units) {
    if (!ok(u)) continue;
    const d = (ctx.x[u]! - cx) ** 2 + (ctx.y[u]! - cy) ** 2;
    if (d < bd) { bd = d; best = u; }
  }
  return best;
}
