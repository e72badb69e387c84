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
