import { describe, expect, it } from 'vitest';
import { runBalance, type BalanceInput } from '../../../../shared/domain/balance';
import { edgeListsToCsr } from '../../../../shared/domain/balance/graph';

/**
 * A peninsula: S2 - S1 - C - G1 - G2 - G3 - G4 (C also touches G2). S1 + S2 = 30 is too light for a territory of its own
 * (band [95, 105] at k = 2), so S1, S2 and C (50) must share one; from 80 the only extensions add G1 or G2.
 */
function peninsula(g1: number): BalanceInput {
  const ids = ['S2', 'S1', 'C', 'G1', 'G2', 'G3', 'G4'];
  const pot = [15, 15, 50, g1, 30, 30, 60 - g1];
  const lists = [[1], [0, 2], [1, 3, 4], [2, 4], [2, 3, 5], [4, 6], [5]];
  return {
    ids, x: Float64Array.from(pot, (_, i) => i), y: new Float64Array(pot.length), metric: 'planar',
    measures: [{ name: 'potential', values: Float64Array.from(pot) }], targets: [{ measure: 0, tolerance: 0.05 }],
    adjacency: edgeListsToCsr(lists), k: 2, seed: 1,
  };
}

describe('cut argument: clusters forced into one territory', () => {
  it('proves that the territory holding a peninsula and its only gateway cannot be in the band, naming the units', () => {
    const { report, assignment } = runBalance(peninsula(30));
    const pre = report.violations.find((v) => v.proven && v.territory === -1 && v.units);
    expect(pre).toBeDefined();
    expect(pre!.units!.slice().sort()).toEqual([0, 1, 2]);
    expect(pre!.reason).toContain('unit 2 (C)');
    expect(pre!.reason).toContain('jumps from at most');
    // The out-of-band territory that holds them is reported as proven, with the proof.
    const t = assignment[2]!;
    const tv = report.violations.find((v) => v.territory === t && v.kind === 'tolerance');
    expect(tv?.proven).toBe(true);
    expect(tv?.reason).toContain('proven infeasible');
  });

  it('reports nothing when a contiguous extension lands in the band, and the search finds it', () => {
    const { report } = runBalance(peninsula(20));
    expect(report.violations.filter((v) => v.proven)).toEqual([]);
    expect(report.feasible).toBe(true);
  });

  it('marks an unproven miss as a search failure', () => {
    // Four units in a path, k = 2, band ±1%: 10 + 12 | 11 + 11 is the only split near the mean and it is out of band.
    const input: BalanceInput = {
      x: Float64Array.from([0, 1, 2, 3]), y: new Float64Array(4), metric: 'planar', measures: [{ name: 'p', values: Float64Array.from([10, 13, 11, 10]) }],
      targets: [{ measure: 0, tolerance: 0.01 }], adjacency: edgeListsToCsr([[1], [0, 2], [1, 3], [2]]), k: 2, seed: 1,
    };
    const { report } = runBalance(input);
    const miss = report.violations.filter((v) => v.territory >= 0 && v.kind === 'tolerance');
    expect(miss.length).toBeGreaterThan(0);
    for (const v of miss) expect(v.proven ? v.reason.includes('proven infeasible') : v.reason.includes('search failure')).toBe(true);
  });
});
