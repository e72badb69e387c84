import { describe, expect, it } from 'vitest';
import { runBalance, validateBalanceInput } from '../../../../shared/domain/balance';
import { gridInstance } from './fixtures';

/** Vertical stripes: territory = floor(x / (w / k)). */
function stripes(w: number, h: number, k: number): Int32Array {
  return Int32Array.from({ length: w * h }, (_, u) => Math.floor((u % w) / (w / k)));
}

/** Total of measure 0 and the per-territory loads of the units of an assignment. */
function unitLoads(values: Float64Array, assignment: Int32Array, k: number): number[] {
  const out = new Array<number>(k).fill(0);
  assignment.forEach((t, u) => { if (t >= 0) out[t] = out[t]! + values[u]!; });
  return out;
}

describe('runBalance — fixed territory loads (accounts assigned by name)', () => {
  // A 12 x 12 grid in 4 territories; territory 1 also carries 30 % of a mean territory in named accounts.
  const base = gridInstance(12, 12, 4, 7);
  const values = base.measures[0]!.values;
  const total = values.reduce((s, v) => s + v, 0);
  const fixed = new Float64Array(4);
  fixed[1] = 0.3 * (total / 4);

  for (const mode of ['rebalance', 'design'] as const) {
    it(`${mode}: balances the units around the fixed load, counting it in the mean and the report`, () => {
      const input = gridInstance(12, 12, 4, 7, { fixedLoads: [fixed], ...(mode === 'rebalance' ? { baseline: stripes(12, 12, 4) } : {}) });
      const { assignment, report } = runBalance(input);
      const mean = (total + fixed[1]!) / 4;
      expect(report.targets[0]!.mean).toBeCloseTo(mean, 9);
      const loads = unitLoads(values, assignment, 4);
      // Every territory in band with its fixed load counted; territory 1 holds less of the units.
      for (let t = 0; t < 4; t++) {
        const load = loads[t]! + fixed[t]!;
        expect(report.territories[t]!.measures[0]).toBeCloseTo(load, 9);
        expect(Math.abs(load / mean - 1)).toBeLessThanOrEqual(0.05 + 1e-9);
      }
      expect(loads[1]!).toBeLessThan(0.8 * mean);
      expect(report.violations.filter((v) => v.kind === 'tolerance')).toEqual([]);
      expect(report.nonContiguous).toBe(0);
    });
  }

  it('without them the same run leaves territory 1 above the band once they are added', () => {
    const { assignment } = runBalance(gridInstance(12, 12, 4, 7, { baseline: stripes(12, 12, 4) }));
    const mean = (total + fixed[1]!) / 4;
    const loads = unitLoads(values, assignment, 4);
    expect((loads[1]! + fixed[1]!) / mean - 1).toBeGreaterThan(0.05);
  });

  it('proves a territory whose fixed load alone is above the band', () => {
    const heavy = new Float64Array(4); heavy[2] = 2 * (total / 4);
    const { report } = runBalance(gridInstance(12, 12, 4, 7, { fixedLoads: [heavy], baseline: stripes(12, 12, 4) }));
    const proof = report.violations.find((v) => v.proven && v.territory === 2);
    expect(proof?.reason).toMatch(/territory 2 already holds .* by name, above the per-territory upper bound/);
  });

  it('rejects fixed loads of the wrong length or negative', () => {
    expect(validateBalanceInput(gridInstance(4, 4, 2, 7, { fixedLoads: [new Float64Array(3)] }))).toEqual(['Length mismatch: fixedLoads of measure "potential" has 3 entries, k is 2']);
    expect(validateBalanceInput(gridInstance(4, 4, 2, 7, { fixedLoads: [Float64Array.from([0, -1])] }))[0]).toMatch(/is -1 for territory 1; must be finite and >= 0/);
  });
});
