import type { Ctx } from './context';
import { canCenter } from './seed';

/** Units of each territory as CSR lists (start offsets + unit indices). */
export function territoryMembers(assign: Int32Array, k: number): { start: Int32Array; units: Int32Array } {
  const start = new Int32Array(k + 1);
  for (let u = 0; u < assign.length; u++) if (assign[u]! >= 0) start[assign[u]! + 1] = start[assign[u]! + 1]! + 1;
  for (let t = 0; t < k; t++) start[t + 1] = start[t + 1]! + (start[t]!);
  const fill = start.slice(0, k);
  const units = new Int32Array(start[k]!);
  for (let u = 0; u < assign.length; u++) if (assign[u]! >= 0) units[fill[assign[u]!]!++] = u;
  return { start, units };
}

const EXACT_LIMIT = 60;
const CANDIDATES = 16;

/**
 * Centre re-optimisation: for each territory the unit minimising Σ weight × distance (p-median, objective 'sum')
 * or the max distance (p-center, 'max'). Large territories evaluate the 16 units nearest their weighted centroid.
 * Returns true when any centre changed.
 */
export function recenter(ctx: Ctx, assign: Int32Array, centers: Int32Array): boolean {
  const { start, units } = territoryMembers(assign, ctx.k);
  let changed = false;
  for (let t = 0; t < ctx.k; t++) {
    const best = bestCenter(ctx, units, start[t]!, start[t + 1]!, t, centers[t]!, assign);
    if (best !== centers[t]) { centers[t] = best; changed = true; }
  }
  return changed;
}

/**
 * Best centre of territory t whose units are units[a..b): the candidate (in the territory's main graph component)
 * minimising Σ weight × distance ('sum') or the max distance ('max'); `current` is kept unless strictly beaten.
 * homeComponent, when given, is the graph component the centre must lie in (default: the current centre's, else the
 * component holding most of the territory's load).
 */
export function bestCenter(ctx: Ctx, units: ArrayLike<number>, a: number, b: number, t: number, current: number, assign: Int32Array, homeComponent?: number): number {
  if (b === a) return current;
  // Centres stay in the territory's main graph component, so attached islands never pull the centre away.
  const home = homeComponent ?? mainComponent(ctx, units, a, b, current, assign, t);
  const core: number[] = [];
  for (let i = a; i < b; i++) if (ctx.comp[units[i]!] === home) core.push(units[i]!);
  let cands = core.filter((u) => canCenter(ctx, u, t));
  if (cands.length === 0) return current;
  if (cands.length > EXACT_LIMIT) cands = nearestToCentroid(ctx, core, cands);
  let best = current; let bestV = current >= 0 && assign[current] === t ? evaluate(ctx, units, a, b, best, Infinity) : Infinity;
  for (const c of cands) {
    if (c === best) continue;
    const v = evaluate(ctx, units, a, b, c, bestV);
    if (v < bestV - 1e-12) { bestV = v; best = c; }
  }
  return best;
}

function evaluate(ctx: Ctx, units: ArrayLike<number>, a: number, b: number, c: number, cutoff: number): number {
  let v = 0;
  for (let i = a; i < b; i++) {
    const u = units[i]!; const d = ctx.dist(u, c);
    v = ctx.objective === 'sum' ? v + ctx.weights[u]! * d : Math.max(v, d);
    if (v >= cutoff) return Infinity;
  }
  return v;
}

function mainComponent(ctx: Ctx, units: ArrayLike<number>, a: number, b: number, center: number, assign: Int32Array, t: number): number {
  if (center >= 0 && assign[center] === t) return ctx.comp[center]!;
  const load = new Map<number, number>();
  let best = ctx.comp[units[a]!]!; let bl = -1;
  for (let i = a; i < b; i++) {
    const c = ctx.comp[units[i]!]!; const l = (load.get(c) ?? 0) + ctx.targets[0]!.values[units[i]!]! + 1e-9;
    load.set(c, l);
    if (l > bl) { bl = l; best = c; }
  }
  return best;
}

function nearestToCentroid(ctx: Ctx, members: number[], cands: number[]): number[] {
  let sx = 0; let sy = 0; let sw = 0;
  for (const u of members) { const w = ctx.weights[u]! + 1e-12; sx += w * ctx.x[u]!; sy += w * ctx.y[u]!; sw += w; }
  const cx = sx / sw; const cy = sy / sw;
  const kx = ctx.input.metric === 'geographic' ? Math.cos((cy * Math.PI) / 180) : 1;
  const d = (u: number): number => (kx * (ctx.x[u]! - cx)) ** 2 + (ctx.y[u]! - cy) ** 2;
  return cands.map((u) => ({ u, d: d(u) })).sort((p, q) => p.d - q.d).slice(0, CANDIDATES).map((p) => p.u);
}
