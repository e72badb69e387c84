import { describe, expect, it } from 'vitest';
import { BalanceInputError, explainRun, runBalance, validateBalanceInput } from '../../../../shared/domain/balance';
import { edgeListsToCsr } from '../../../../shared/domain/balance/graph';
import type { BalanceInput } from '../../../../shared/domain/balance';
import { gridAdjacency, gridInstance } from './fixtures';

/** Baseline of vertical stripes: territory = floor(x / (w / k)) — unbalanced when widths differ. */
function stripes(w: number, h: number, cuts: number[]): Int32Array {
  const b = new Int32Array(w * h);
  for (let u = 0; u < w * h; u++) { const x = u % w; b[u] = cuts.filter((c) => x >= c).length; }
  return b;
}

describe('runBalance — rebalance', () => {
  it('never changes locked units or locked territories', () => {
    const baseline = stripes(12, 12, [2, 5, 9]);
    const locked = new Uint8Array(144); for (let u = 0; u < 144; u += 7) locked[u] = 1;
    const input = gridInstance(12, 12, 4, 7, { baseline, lockedUnits: locked, lockedTerritories: Int32Array.from([3]) });
    const { assignment } = runBalance(input);
    for (let u = 0; u < 144; u++) {
      if (locked[u]) expect(assignment[u]).toBe(baseline[u]);
      expect(assignment[u] === 3).toBe(baseline[u] === 3);
    }
  });

  it('respects the disruption budget on units and on a measure', () => {
    const baseline = stripes(12, 12, [1, 3, 9]);
    for (const basis of ['units', 0] as const) {
      const { report } = runBalance(gridInstance(12, 12, 4, 7, { baseline, maxDisruption: { basis, share: 0.1 } }));
      const share = basis === 'units' ? report.disruption!.unitsShare : report.disruption!.measuresMoved[0]!.share;
      expect(share).toBeLessThanOrEqual(0.1 + 1e-12);
      expect(share).toBeGreaterThan(0.05);
    }
    const free = runBalance(gridInstance(12, 12, 4, 7, { baseline }));
    expect(free.report.worstDeviation).toBeLessThanOrEqual(0.05);
  });

  it('moves less when disruption is penalised', () => {
    const baseline = stripes(12, 12, [3, 6, 9]);
    const a = runBalance(gridInstance(12, 12, 4, 7, { baseline, targets: [{ measure: 0, tolerance: 0.1 }] }));
    const b = runBalance(gridInstance(12, 12, 4, 7, { baseline, targets: [{ measure: 0, tolerance: 0.1 }], disruptionPenalty: 50 }));
    expect(b.report.disruption!.unitsMoved).toBeLessThan(a.report.disruption!.unitsMoved);
  });
});

describe('runBalance — infeasibility is reported, never silent', () => {
  it('proves up front that a unit larger than the upper bound cannot fit', () => {
    const input = gridInstance(6, 6, 4);
    input.measures[0]!.values[5] = 1000;
    const { report } = runBalance(input);
    const v = report.violations.find((x) => x.proven && x.territory === -1);
    expect(v).toMatchObject({ kind: 'tolerance', measure: 'potential', value: 1000 });
    expect(v!.reason).toContain('unit 5');
    expect(report.feasible).toBe(false);
    expect(report.violations.some((x) => !x.proven && x.territory >= 0)).toBe(true);
  });

  it('reports absolute max bounds with kind max', () => {
    const input = gridInstance(6, 6, 2, 7, { targets: [{ measure: 0, max: 10 }] });
    const kinds = runBalance(input).report.violations.map((v) => v.kind);
    expect(kinds).toContain('max');
  });

  it('calls a territory over a capacity proven when the total alone exceeds k × the capacity', () => {
    const report = runBalance(gridInstance(6, 6, 2, 7, { targets: [{ measure: 0, max: 10 }] })).report;
    const over = report.violations.filter((v) => v.territory >= 0);
    expect(over.length).toBeGreaterThan(0);
    for (const v of over) {
      expect(v.proven).toBe(true);
      expect(v.reason).toMatch(/proven infeasible: total .* exceeds k x upper bound 20/);
    }
  });

  it('reports a locked territory outside the band as a proven conflict', () => {
    const baseline = stripes(8, 8, [1, 4, 6]);
    const { report } = runBalance(gridInstance(8, 8, 4, 7, { baseline, lockedTerritories: Int32Array.from([0]) }));
    expect(report.violations.some((v) => v.proven && v.territory === 0 && v.reason.includes('locked territory 0'))).toBe(true);
  });

  it('proves that graph components cannot hold whole territories in the band', () => {
    const lists: number[][] = [];
    const g = gridAdjacency(4, 4);
    for (let c = 0; c < 2; c++) for (let u = 0; u < 16; u++) lists.push(Array.from(g.neighbors.subarray(g.offsets[u]!, g.offsets[u + 1]!), (v) => v + 16 * c));
    const x = Float64Array.from({ length: 32 }, (_, u) => (u % 4) + (u >= 16 ? 10 : 0));
    const y = Float64Array.from({ length: 32 }, (_, u) => Math.floor((u % 16) / 4));
    const input: BalanceInput = { x, y, metric: 'planar', k: 3, measures: [{ name: 'p', values: new Float64Array(32).fill(1) }], targets: [{ measure: 0, tolerance: 0.05 }], adjacency: edgeListsToCsr(lists) };
    const { report } = runBalance(input);
    const proofs = report.violations.filter((v) => v.kind === 'disconnected-graph' && v.proven);
    expect(proofs.length).toBeGreaterThan(0);
    expect(proofs[0]!.units).toHaveLength(16);
    // Every territory outside the band sits on such a component: proven, not a search failure.
    const out = report.violations.filter((v) => v.kind === 'tolerance');
    expect(out.length).toBeGreaterThan(0);
    for (const v of out) expect(v.proven).toBe(true);
    // In words: the units cut off, their load in means, and the band that would fit (1.5 means: two at 0.75 each, or one).
    const e = explainRun(report, 0.05, { unit: (u) => `U${u}`, territory: (t) => `T${t}` });
    expect(e.issues[0]!.text).toMatch(/^U\d+, U\d+, U\d+, U\d+ and 12 more are cut off from the rest of the map .* hold 1\.50 × a territory's mean p: no whole number of contiguous territories there fits ±5\.0 % of the mean\.$/);
    expect(e.issues.map((i) => i.kind)).toEqual(['cluster', 'cluster', 'other']); // the third: 4 territories needed, k is 3
    expect(e.widenTo).toBeCloseTo(0.25, 2);
  });
});

describe('validateBalanceInput', () => {
  const ok = (): BalanceInput => gridInstance(4, 4, 2);
  const cases: [string, (i: BalanceInput) => BalanceInput, RegExp][] = [
    ['no units', (i) => ({ ...i, x: new Float64Array(0), y: new Float64Array(0) }), /No units/],
    ['k above units', (i) => ({ ...i, k: 17 }), /k \(17\) exceeds the number of units \(16\)/],
    ['k below 1', (i) => ({ ...i, k: 0 }), /k must be an integer >= 1, got 0/],
    ['NaN measure', (i) => { const v = i.measures[0]!.values.slice(); v[3] = NaN; return { ...i, measures: [{ name: 'potential', values: v }] }; }, /Measure "potential" is NaN at unit 3/],
    ['negative measure', (i) => { const v = i.measures[0]!.values.slice(); v[2] = -1; return { ...i, measures: [{ name: 'potential', values: v }] }; }, /Measure "potential" is -1 at unit 2/],
    ['duplicate ids', (i) => ({ ...i, ids: Array.from({ length: 16 }, (_, u) => (u === 9 ? 'A0' : `A${u}`)) }), /Duplicate unit id "A0" at units 0 and 9/],
    ['edge to unknown unit', (i) => { const nb = i.adjacency!.neighbors.slice(); nb[0] = 99; return { ...i, adjacency: { ...i.adjacency!, neighbors: nb } }; }, /Edge from unit 0 names unknown unit 99/],
    ['tolerance out of range', (i) => ({ ...i, targets: [{ measure: 0, tolerance: 1.5 }] }), /tolerance 1.5 out of range 0..1/],
    ['mismatched lengths', (i) => ({ ...i, y: new Float64Array(3) }), /Length mismatch: y has 3 entries, x has 16/],
    ['baseline out of range', (i) => ({ ...i, baseline: new Int32Array(16).fill(5) }), /Baseline territory 5 of unit 0 out of range/],
  ];
  for (const [name, mutate, message] of cases) {
    it(`rejects ${name} with a precise message`, () => {
      expect(validateBalanceInput(mutate(ok())).join('\n')).toMatch(message);
      expect(() => runBalance(mutate(ok()))).toThrow(BalanceInputError);
    });
  }
  it('accepts a valid input', () => {
    expect(validateBalanceInput(ok())).toEqual([]);
  });
});

describe('runBalance — stray pieces', () => {
  it('joins a stray piece of a baseline territory to a neighbour, even one that weighs nothing', () => {
    // 6 x 6 grid, left half territory 0, right half territory 1, and the far right corner (weight 0) given to territory 0.
    const input = gridInstance(6, 6, 2, 7);
    const pot = input.measures[0]!.values;
    pot[5] = 0;
    const baseline = Int32Array.from({ length: 36 }, (_, u) => (u % 6 < 3 ? 0 : 1));
    baseline[5] = 0;
    const { report, assignment } = runBalance({ ...input, baseline, targets: [{ measure: 0, tolerance: 0.3 }] });
    expect(assignment[5]).toBe(1);
    expect(report.nonContiguous).toBe(0);
    expect(report.violations.filter((v) => v.kind === 'contiguity')).toEqual([]);
  });
});
