import { describe, expect, it } from 'vitest';
import { runBalance, type BalanceInput } from '../../../../shared/domain/balance';
import { buildContext } from '../../../../shared/domain/balance/context';
import { createControl } from '../../../../shared/domain/balance/control';
import { exchangeSearch } from '../../../../shared/domain/balance/exchange';
import { territoryPieces } from '../../../../shared/domain/balance/graph';
import { createScratch } from '../../../../shared/domain/balance/local-search';
import { createState } from '../../../../shared/domain/balance/state';
import { transportAssign } from '../../../../shared/domain/balance/transport';
import { bruteForceBand, gridInstance, randomTiny } from './fixtures';

/** Exact optimum of the engine's model by enumeration: every labelling in the band, each territory at its best own unit. */
function bruteForce(input: BalanceInput): number {
  const m = input.measures[0]!.values;
  const d = (a: number, b: number): number => Math.hypot(input.x[a]! - input.x[b]!, input.y[a]! - input.y[b]!);
  return bruteForceBand(input, (mem) => Math.min(...mem.map((c) => mem.reduce((s, v) => s + m[v]! * d(v, c), 0))), 'sum');
}

describe('small instances reach the exact optimum', () => {
  for (const [n, k, seed] of [[9, 2, 1], [10, 2, 2], [8, 3, 3], [9, 3, 4]] as const) {
    it(`random n=${n} k=${k} seed ${seed} equals brute force`, () => {
      const input = randomTiny(n, k, seed, 0.1);
      const exact = bruteForce(input);
      const { report } = runBalance(input);
      expect(report.feasible).toBe(true);
      expect(report.compactness).toBeCloseTo(exact, 9);
    });
  }
});

describe('transportation allocation for fixed centres', () => {
  it('splits at most k units, keeps centres home, and its LP value is a lower bound for the fixed centres', () => {
    const input = randomTiny(10, 2, 5, 0.1);
    const ctx = buildContext(input);
    const centers = Int32Array.from([0, 5]);
    const tr = transportAssign(ctx, centers)!;
    expect(tr.splits).toBeLessThanOrEqual(2);
    for (let t = 0; t < 2; t++) expect(tr.assign[centers[t]!]).toBe(t);
    let best = Infinity;
    for (let mask = 0; mask < 1 << 10; mask++) {
      if ((mask & 1) !== 0 || (mask & 32) === 0) continue; // unit 0 in territory 0, unit 5 in territory 1
      const s = createState(ctx, Int32Array.from({ length: 10 }, (_, u) => (mask >> u) & 1), centers);
      if (s.loads[0]! < ctx.targets[0]!.lo || s.loads[0]! > ctx.targets[0]!.hi || s.loads[1]! < ctx.targets[0]!.lo || s.loads[1]! > ctx.targets[0]!.hi) continue;
      best = Math.min(best, s.comp);
    }
    expect(best).toBeLessThan(Infinity);
    expect(tr.lpCost).toBeLessThanOrEqual(best + 1e-9);
  });
});

describe('exchange search (moves and swaps)', () => {
  it('keeps contiguity, locked units, locked territories and the disruption budget', () => {
    const w = 12; const n = w * w;
    const baseline = Int32Array.from({ length: n }, (_, u) => ((u % w) < 2 ? 0 : (u % w) < 5 ? 1 : (u % w) < 9 ? 2 : 3));
    const locked = new Uint8Array(n); for (let u = 0; u < n; u += 11) locked[u] = 1;
    const input = gridInstance(w, w, 4, 7, { baseline, lockedUnits: locked, lockedTerritories: Int32Array.from([3]), maxDisruption: { basis: 'units', share: 0.15 } });
    const ctx = buildContext(input);
    const centers = Int32Array.from([w * 6 + 0, w * 6 + 3, w * 6 + 7, w * 6 + 10]);
    const s = createState(ctx, baseline.slice(), centers);
    const moves = exchangeSearch(ctx, s, createScratch(n), createControl({}, 5000));
    expect(moves).toBeGreaterThan(0);
    for (let u = 0; u < n; u++) {
      if (locked[u]) expect(s.assign[u]).toBe(baseline[u]);
      expect(s.assign[u] === 3).toBe(baseline[u] === 3);
    }
    const movedUnits = Array.from(s.assign).filter((t, u) => t !== baseline[u]).length;
    expect(movedUnits).toBeLessThanOrEqual(0.15 * n + 1e-9);
    const pieces = territoryPieces(ctx.adj, s.assign, 4, ctx.comp, ctx.compSize, centers);
    expect(Array.from(pieces.components).every((c) => c === 1)).toBe(true);
  });

  it('improves the objective of a contiguous design without breaking territories', () => {
    const input = gridInstance(10, 10, 4, 7, { restarts: 1 });
    const { assignment, report } = runBalance(input);
    expect(report.nonContiguous).toBe(0);
    expect(report.worstDeviation).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Array.from(assignment).every((t) => t >= 0)).toBe(true);
  });
});
