import { describe, expect, it } from 'vitest';
import { runBalance, type BalanceInput } from '../../../../shared/domain/balance';
import { createRng } from '../../../../shared/domain/random';
import { bruteForceBand, gridAdjacency, randomTiny as tiny } from './fixtures';

/** Balanced p-center optimum by enumeration: the largest over territories of the best own-unit radius, minimised. */
function bruteForce(input: BalanceInput): number {
  const d = (a: number, b: number): number => Math.hypot(input.x[a]! - input.x[b]!, input.y[a]! - input.y[b]!);
  const adj = input.adjacency;
  const connected = (mem: number[]): boolean => {
    if (!adj || input.contiguity === false) return true;
    const inSet = new Set(mem); const seen = new Set([mem[0]!]); const stack = [mem[0]!];
    while (stack.length) { const u = stack.pop()!; for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) { const v = adj.neighbors[e]!; if (inSet.has(v) && !seen.has(v)) { seen.add(v); stack.push(v); } } }
    return seen.size === mem.length;
  };
  return bruteForceBand(input, (mem) => Math.min(...mem.map((c) => Math.max(...mem.map((v) => d(v, c))))), 'max', connected);
}

describe("objective 'max' (balanced p-center) matches brute force", () => {
  for (const [n, k, seed] of [[9, 2, 11], [10, 2, 12], [10, 3, 14], [10, 3, 15]] as const) {
    it(`random n=${n} k=${k} seed ${seed}`, () => {
      const input = tiny(n, k, seed, 0.15, { objective: 'max' });
      const exact = bruteForce(input);
      const { report } = runBalance(input);
      expect(report.feasible).toBe(true);
      expect(report.objective).toBe('max');
      expect(report.compactness).toBe(report.maxDistance);
      expect(report.maxDistance).toBeCloseTo(exact, 9);
    });
  }

  it('is never below the optimum, and closes most of the gap where it misses it (n=9 k=3 seed 13: a local optimum)', () => {
    const input = tiny(9, 3, 13, 0.15, { objective: 'max' });
    const exact = bruteForce(input);
    const { report } = runBalance(input);
    expect(report.maxDistance).toBeGreaterThanOrEqual(exact - 1e-9);
    expect(report.maxDistance).toBeLessThanOrEqual(exact * 1.5);
  });

  it('contiguous 4x3 grid, k = 3', () => {
    const rng = createRng(5);
    const n = 12;
    const input: BalanceInput = {
      x: Float64Array.from({ length: n }, (_, i) => (i % 4) + 0.3 * rng()), y: Float64Array.from({ length: n }, (_, i) => Math.floor(i / 4) + 0.3 * rng()), metric: 'planar',
      measures: [{ name: 'p', values: Float64Array.from({ length: n }, () => 1 + Math.floor(rng() * 4)) }], targets: [{ measure: 0, tolerance: 0.2 }],
      adjacency: gridAdjacency(4, 3), k: 3, objective: 'max', seed: 1,
    };
    const exact = bruteForce(input);
    const { report } = runBalance(input);
    expect(report.nonContiguous).toBe(0);
    expect(report.maxDistance).toBeCloseTo(exact, 9);
  });
});
