import { describe, expect, it } from 'vitest';
import { runBalance, type BalanceInput } from '../../../../shared/domain/balance';
import { createRng } from '../../../../shared/domain/random';
import { bruteForceBand, gridAdjacency, randomTiny as tiny } from './fixtures';

const planar = (input: BalanceInput) => (a: number, b: number): number => Math.hypot(input.x[a]! - input.x[b]!, input.y[a]! - input.y[b]!);
const diameterOf = (d: (a: number, b: number) => number, mem: number[]): number => Math.max(0, ...mem.flatMap((u) => mem.map((v) => d(u, v))));

/** Largest territory diameter by enumerating every in-band assignment. */
function bruteForce(input: BalanceInput): number {
  return bruteForceBand(input, (mem) => diameterOf(planar(input), mem), 'max');
}

describe("objective 'diameter' (largest distance between two units of a territory)", () => {
  it('reports every territory diameter and their maximum as the compactness', () => {
    const input = tiny(10, 3, 21, 0.2, { objective: 'diameter' });
    const { assignment, report } = runBalance(input);
    expect(report.objective).toBe('diameter');
    const d = planar(input);
    for (const t of report.territories) {
      const mem = Array.from(assignment.keys()).filter((u) => assignment[u] === t.territory);
      expect(t.diameter).toBeCloseTo(diameterOf(d, mem), 9);
    }
    expect(report.compactness).toBeCloseTo(Math.max(...report.territories.map((t) => t.diameter!)), 12);
  });

  for (const [n, k, seed] of [[9, 2, 31], [10, 2, 32], [10, 3, 34], [10, 3, 35], [10, 3, 36], [11, 2, 38]] as const) {
    it(`matches the brute-force optimum, random n=${n} k=${k} seed ${seed}`, () => {
      const input = tiny(n, k, seed, 0.15, { objective: 'diameter' });
      const exact = bruteForce(input);
      const { report } = runBalance(input);
      expect(report.feasible).toBe(true);
      expect(report.compactness).toBeCloseTo(exact, 9);
    });
  }

  it('is never below the optimum, and within 25 % where the move/swap descent stops in a local optimum (seeds 33, 37)', () => {
    for (const [n, k, seed] of [[10, 3, 33], [11, 3, 37]] as const) {
      const input = tiny(n, k, seed, 0.15, { objective: 'diameter' });
      const exact = bruteForce(input);
      const { report } = runBalance(input);
      expect(report.compactness).toBeGreaterThanOrEqual(exact - 1e-9);
      expect(report.compactness).toBeLessThanOrEqual(exact * 1.25);
    }
  });

  it('is no larger than the diameter of the p-center plan of the same instance (the descent starts from it)', () => {
    const rng = createRng(9);
    const n = 36;
    const input: BalanceInput = {
      x: Float64Array.from({ length: n }, (_, i) => (i % 6) + 0.4 * rng()), y: Float64Array.from({ length: n }, (_, i) => Math.floor(i / 6) + 0.4 * rng()), metric: 'planar',
      measures: [{ name: 'p', values: Float64Array.from({ length: n }, () => 1 + Math.floor(rng() * 4)) }], targets: [{ measure: 0, tolerance: 0.1 }],
      adjacency: gridAdjacency(6, 6), k: 4, seed: 1, restarts: 1,
    };
    const pc = runBalance({ ...input, objective: 'max' });
    const dm = runBalance({ ...input, objective: 'diameter' });
    const d = planar(input);
    const pcDiameter = Math.max(...pc.report.territories.map((t) => diameterOf(d, Array.from(pc.assignment.keys()).filter((u) => pc.assignment[u] === t.territory))));
    expect(dm.report.nonContiguous).toBe(0);
    expect(dm.report.worstDeviation).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(dm.report.compactness).toBeLessThanOrEqual(pcDiameter + 1e-9);
  });

  it('rejects an unknown objective', () => {
    expect(() => runBalance(tiny(6, 2, 1, 0.2, { objective: 'radius' as never }))).toThrow(/objective must be sum, max or diameter/);
  });
});
