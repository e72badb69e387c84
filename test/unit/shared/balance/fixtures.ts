import { createRng } from '../../../../shared/domain/random';
import { edgeListsToCsr } from '../../../../shared/domain/balance/graph';
import type { BalanceInput, CsrAdjacency } from '../../../../shared/domain/balance/types';

/** Rook adjacency of a w x h grid (unit index = y * w + x). */
export function gridAdjacency(w: number, h: number): CsrAdjacency {
  const lists: number[][] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const l: number[] = [];
    if (x > 0) l.push(y * w + x - 1);
    if (x < w - 1) l.push(y * w + x + 1);
    if (y > 0) l.push((y - 1) * w + x);
    if (y < h - 1) l.push((y + 1) * w + x);
    lists.push(l);
  }
  return edgeListsToCsr(lists);
}

/** A w x h grid instance with random measures (1..10) and rook adjacency. */
export function gridInstance(w: number, h: number, k: number, seed = 7, extra: Partial<BalanceInput> = {}): BalanceInput {
  const n = w * h;
  const rng = createRng(seed);
  const x = new Float64Array(n); const y = new Float64Array(n);
  const pot = new Float64Array(n); const acc = new Float64Array(n);
  for (let i = 0; i < n; i++) { x[i] = i % w; y[i] = Math.floor(i / w); pot[i] = 1 + Math.floor(rng() * 10); acc[i] = 1 + Math.floor(rng() * 3); }
  return {
    x, y, metric: 'planar', measures: [{ name: 'potential', values: pot }, { name: 'accounts', values: acc }],
    targets: [{ measure: 0, tolerance: 0.05 }], adjacency: gridAdjacency(w, h), k, seed: 1, timeLimitMs: 2000, ...extra,
  };
}

/** Random points in a 10 x 10 square with integer measures 1..5, no adjacency (tiny exact comparisons). */
export function randomTiny(n: number, k: number, seed: number, tolerance: number, extra: Partial<BalanceInput> = {}): BalanceInput {
  const rng = createRng(seed);
  return {
    x: Float64Array.from({ length: n }, () => rng() * 10), y: Float64Array.from({ length: n }, () => rng() * 10), metric: 'planar', k,
    measures: [{ name: 'p', values: Float64Array.from({ length: n }, () => 1 + Math.floor(rng() * 5)) }], targets: [{ measure: 0, tolerance }],
    contiguity: false, seed: 1, ...extra,
  };
}

/**
 * Capacitated p-median in the style of Osman & Christofides: integer points in a 100 × 100 square, demands 1..20,
 * uniform compactness weights and a capacity (`slack` × the mean load) as the only bound.
 */
export function capacitatedPMedian(n: number, k: number, seed: number, slack: number, extra: Partial<BalanceInput> = {}): BalanceInput {
  const rng = createRng(seed);
  const demand = Float64Array.from({ length: n }, () => 1 + Math.floor(rng() * 20));
  const total = demand.reduce((a, b) => a + b, 0);
  return {
    x: Float64Array.from({ length: n }, () => Math.round(rng() * 100)), y: Float64Array.from({ length: n }, () => Math.round(rng() * 100)), metric: 'planar',
    measures: [{ name: 'demand', values: demand }], targets: [{ measure: 0, max: Math.ceil((total / k) * slack) }], compactnessWeights: new Float64Array(n).fill(1),
    k, seed: 1, contiguity: false, ...extra,
  };
}

/**
 * Exact optimum by enumeration of every labelling whose territories are non-empty, inside the first target's band and
 * admitted by `admit`; territory costs are summed ('sum') or maximised ('max').
 */
export function bruteForceBand(input: BalanceInput, cost: (members: number[]) => number, combine: 'sum' | 'max', admit: (members: number[]) => boolean = () => true): number {
  const n = input.x.length; const k = input.k; const m = input.measures[0]!.values;
  const total = m.reduce((s, v) => s + v, 0); const tol = input.targets[0]!.tolerance!;
  const lo = (total / k) * (1 - tol); const hi = (total / k) * (1 + tol);
  let best = Infinity;
  const lab = new Int32Array(n);
  const rec = (u: number): void => {
    if (u === n) {
      let value = 0;
      for (let t = 0; t < k; t++) {
        let load = 0; const mem: number[] = [];
        for (let v = 0; v < n; v++) if (lab[v] === t) { load += m[v]!; mem.push(v); }
        if (load < lo - 1e-9 || load > hi + 1e-9 || mem.length === 0 || !admit(mem)) return;
        value = combine === 'sum' ? value + cost(mem) : Math.max(value, cost(mem));
      }
      best = Math.min(best, value);
      return;
    }
    for (let t = 0; t < k; t++) { lab[u] = t; rec(u + 1); }
  };
  rec(0);
  return best;
}
