import { createRng } from '../random';
import type { Ctx } from './context';
import { hilbertSeeds } from './hilbert-seed';

/** True when u may be the centre of territory t (candidate mask, and not fixed to another territory). */
export function canCenter(ctx: Ctx, u: number, t: number): boolean {
  if (!ctx.candidate[u]) return false;
  return !ctx.fixed[u] || ctx.baseline![u] === t;
}

/**
 * Initial centres: locked territories and territories with locked units keep one of their units, rep homes
 * (seedUnits) are used as given, the rest are split over graph components by load and placed by equal-load runs of a Hilbert curve
 * (weighted k-means++ in components that already hold a fixed centre).
 */
export function seedCenters(ctx: Ctx, seed: number): Int32Array {
  const { n, k } = ctx;
  const rng = createRng(seed);
  const centers = new Int32Array(k).fill(-1);
  const used = new Uint8Array(n);
  const take = (t: number, u: number): void => { centers[t] = u; used[u] = 1; };
  for (let t = 0; t < k; t++) {
    const s = ctx.input.seedUnits?.[t] ?? -1;
    if (s >= 0) take(t, s);
  }
  if (ctx.baseline) for (let u = 0; u < n; u++) {
    const t = ctx.baseline[u]!;
    if (ctx.fixed[u] && centers[t] === -1 && !used[u]) take(t, u);
  }
  const free: number[] = [];
  for (let t = 0; t < k; t++) if (centers[t] === -1) free.push(t);
  if (free.length === 0) return centers;
  const load = ctx.targets[0]!.values;
  const w = new Float64Array(n);
  let total = 0;
  for (let u = 0; u < n; u++) { w[u] = load[u]! + 1e-9; total += w[u]!; }
  // Territories per graph component by largest remainder of the component's load share.
  const compLoad = new Float64Array(ctx.compCount);
  for (let u = 0; u < n; u++) compLoad[ctx.comp[u]!] = compLoad[ctx.comp[u]!]! + (w[u]!);
  const have = new Int32Array(ctx.compCount);
  for (let t = 0; t < k; t++) if (centers[t]! >= 0) have[ctx.comp[centers[t]!]!] = have[ctx.comp[centers[t]!]!]! + 1;
  const quota = new Float64Array(ctx.compCount);
  for (let c = 0; c < ctx.compCount; c++) quota[c] = Math.max(0, (k * compLoad[c]!) / total - have[c]!);
  const alloc = new Int32Array(ctx.compCount);
  let left = free.length;
  for (let c = 0; c < ctx.compCount; c++) { alloc[c] = Math.min(Math.floor(quota[c]!), ctx.compSize[c]! - have[c]!); left -= alloc[c]!; }
  const order = Array.from({ length: ctx.compCount }, (_, c) => c).sort((a, b) => (quota[b]! - alloc[b]!) - (quota[a]! - alloc[a]!) || compLoad[b]! - compLoad[a]!);
  for (let i = 0; left > 0 && i < order.length * 2; i++) {
    const c = order[i % order.length]!;
    if (alloc[c]! + have[c]! < ctx.compSize[c]!) { alloc[c] = alloc[c]! + 1; left--; }
  }
  fitComponentCounts(ctx, compLoad, have, alloc, quota);
  const minD = new Float64Array(n).fill(Infinity);
  for (let t = 0; t < k; t++) if (centers[t]! >= 0) updateMin(ctx, minD, centers[t]!);
  let fi = 0;
  const members: number[][] = Array.from({ length: ctx.compCount }, () => []);
  for (let u = 0; u < n; u++) members[ctx.comp[u]!]!.push(u);
  for (let c = 0; c < ctx.compCount; c++) {
    if (have[c] === 0 && alloc[c]! > 0) {
      const t0 = free[fi]!;
      const seeds = hilbertSeeds(ctx, members[c]!, Math.min(alloc[c]!, free.length - fi), rng(), (u) => !used[u] && canCenter(ctx, u, t0));
      for (const u of seeds) { take(free[fi++]!, u); updateMin(ctx, minD, u); }
      continue;
    }
    for (let a = 0; a < alloc[c]! && fi < free.length; a++) {
      const t = free[fi++]!;
      const u = drawKpp(ctx, rng, w, minD, used, t, c);
      if (u < 0) { fi--; break; }
      take(t, u); updateMin(ctx, minD, u);
    }
  }
  while (fi < free.length) {
    const t = free[fi++]!;
    const u = drawKpp(ctx, rng, w, minD, used, t, -1);
    if (u < 0) throw new Error(`No unit left to centre territory ${t}`);
    take(t, u); updateMin(ctx, minD, u);
  }
  return centers;
}

/**
 * With a band, a component holding m territories (and nothing else) needs m·lo ≤ load ≤ m·hi on the first target; one
 * holding none is attached whole to a territory elsewhere, which needs load < hi. A count outside that set (Hawaii's
 * ZIPs hold 0.94 of a mean territory: one territory of its own is below a ±3% band) moves to the nearest admissible
 * count, and the territories freed or needed are taken from or given to the components with the most slack.
 */
function fitComponentCounts(ctx: Ctx, compLoad: Float64Array, have: Int32Array, alloc: Int32Array, quota: Float64Array): void {
  const tg = ctx.targets[0]!;
  if (ctx.compCount <= 1 || !(tg.lo > 0) || !Number.isFinite(tg.hi)) return;
  const ok = (c: number, m: number): boolean => {
    const l = compLoad[c]!;
    if (m === 0) return l < tg.hi;
    return m <= ctx.compSize[c]! && m * tg.lo <= l * (1 + 1e-9) && l <= m * tg.hi * (1 + 1e-9);
  };
  let balance = 0; // territories freed (> 0) or owed (< 0)
  for (let c = 0; c < ctx.compCount; c++) {
    if (have[c]! > 0) continue;
    const m = alloc[c]!;
    if (ok(c, m)) continue;
    for (let d = 1; d <= m + 2; d++) {
      if (m - d >= 0 && ok(c, m - d)) { alloc[c] = m - d; balance += d; break; }
      if (ok(c, m + d)) { alloc[c] = m + d; balance -= d; break; }
    }
  }
  const order = Array.from({ length: ctx.compCount }, (_, c) => c).sort((a, b) => (quota[b]! - alloc[b]!) - (quota[a]! - alloc[a]!) || b - a);
  for (let guard = 0; balance !== 0 && guard < 4 * ctx.compCount; guard++) {
    let moved = false;
    for (const c of balance > 0 ? order : [...order].reverse()) {
      const delta = balance > 0 ? 1 : -1;
      const next = alloc[c]! + delta;
      if (next < 0 || next + have[c]! > ctx.compSize[c]! || (have[c] === 0 && !ok(c, next))) continue;
      alloc[c] = next; balance -= delta; moved = true;
      break;
    }
    if (!moved) break;
  }
}

function updateMin(ctx: Ctx, minD: Float64Array, c: number): void {
  for (let u = 0; u < ctx.n; u++) {
    const d = ctx.geo(u, c);
    if (d < minD[u]!) minD[u] = d;
  }
}

function drawKpp(ctx: Ctx, rng: () => number, w: Float64Array, minD: Float64Array, used: Uint8Array, t: number, comp: number): number {
  let total = 0;
  const p = new Float64Array(ctx.n);
  for (let u = 0; u < ctx.n; u++) {
    if (used[u] || (comp >= 0 && ctx.comp[u] !== comp) || !canCenter(ctx, u, t)) continue;
    const d = minD[u]!;
    p[u] = d === Infinity ? w[u]! : w[u]! * d * d;
    total += p[u]!;
  }
  if (total <= 0) {
    for (let u = 0; u < ctx.n; u++) if (!used[u] && (comp < 0 || ctx.comp[u] === comp) && canCenter(ctx, u, t)) return u;
    return -1;
  }
  let r = rng() * total;
  for (let u = 0; u < ctx.n; u++) {
    r -= p[u]!;
    if (p[u]! > 0 && r <= 0) return u;
  }
  for (let u = ctx.n - 1; u >= 0; u--) if (p[u]! > 0) return u;
  return -1;
}
