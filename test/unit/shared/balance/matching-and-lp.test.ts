import { describe, expect, it } from 'vitest';
import { buildBalanceLp, decodeLpSolution, hungarian, lpLowerBound, matchReps, runBalance } from '../../../../shared/domain/balance';
import type { BalanceInput, RepProfile, TerritoryProfile } from '../../../../shared/domain/balance';
import { createRng } from '../../../../shared/domain/random';
import { createHighsSolver } from '../../../../electron/services/lp/highs-solver';
import { gridInstance } from './fixtures';

function bruteMin(cost: number[][]): number {
  const rows = cost.length; const cols = cost[0]!.length;
  let best = Infinity;
  const go = (r: number, used: number, acc: number, placed: number): void => {
    if (r === rows) { if (placed === Math.min(rows, cols)) best = Math.min(best, acc); return; }
    if (rows > cols) go(r + 1, used, acc, placed);
    for (let c = 0; c < cols; c++) if (!(used & (1 << c))) go(r + 1, used | (1 << c), acc + cost[r]![c]!, placed + 1);
  };
  go(0, 0, 0, 0);
  return best;
}

describe('hungarian', () => {
  it('finds the optimum of square and rectangular matrices (brute force)', () => {
    const rng = createRng(3);
    for (const [r, c] of [[5, 5], [3, 6], [6, 3], [1, 4]] as const) {
      for (let trial = 0; trial < 5; trial++) {
        const cost = Array.from({ length: r }, () => Array.from({ length: c }, () => Math.round(rng() * 100)));
        const pick = hungarian(cost);
        const cols = Array.from(pick).filter((x) => x >= 0);
        expect(new Set(cols).size).toBe(Math.min(r, c));
        expect(Array.from(pick).reduce((s, x, i) => s + (x >= 0 ? cost[i]![x]! : 0), 0)).toBe(bruteMin(cost));
      }
    }
  });
  it('rejects ragged matrices', () => {
    expect(() => hungarian([[1, 2], [3]])).toThrow(/ragged/);
  });
});

describe('matchReps', () => {
  const territories: TerritoryProfile[] = [
    { territory: 0, centerX: 0, centerY: 0, industryMix: { health: 0.8, retail: 0.2 }, languageNeeds: { es: 0.5 }, potential: 100 },
    { territory: 1, centerX: 100, centerY: 0, industryMix: { retail: 1 }, languageNeeds: {}, potential: 50 },
  ];
  const reps: RepProfile[] = [
    { id: 'ana', homeX: 98, homeY: 0, industries: { retail: 0.9 }, languages: ['en'], seniority: 0.2 },
    { id: 'bo', homeX: 2, homeY: 0, industries: { health: 0.9 }, languages: ['en', 'es'], seniority: 0.9 },
    { id: 'cy', homeX: 500, homeY: 0, industries: {}, languages: [], seniority: 0.5 },
  ];
  it('assigns the best-fitting reps optimally and explains each score', () => {
    const m = matchReps(reps, territories, 'planar');
    expect(m.pairs.map((p) => [p.rep, p.territory])).toEqual([['ana', 1], ['bo', 0]]);
    expect(m.unmatchedReps).toEqual(['cy']);
    const bo = m.pairs.find((p) => p.rep === 'bo')!;
    expect(bo.components.map((c) => c.name)).toEqual(['travel', 'industry', 'language', 'seniority']);
    expect(bo.score).toBeCloseTo(bo.components.reduce((s, c) => s + c.contribution, 0), 12);
    expect(bo.components.find((c) => c.name === 'language')!.value).toBe(1);
  });
});

/** Exhaustive optimum of the p-median with a balance band, no contiguity (tiny n only). */
function bruteForce(input: BalanceInput): number {
  const n = input.x.length; const k = input.k;
  const m = input.measures[0]!.values; const total = m.reduce((s, v) => s + v, 0);
  const tol = input.targets[0]!.tolerance!; const lo = (total / k) * (1 - tol); const hi = (total / k) * (1 + tol);
  const d = (a: number, b: number): number => Math.hypot(input.x[a]! - input.x[b]!, input.y[a]! - input.y[b]!);
  let best = Infinity;
  const centers: number[] = [];
  const choose = (start: number): void => {
    if (centers.length === k) {
      // assign units to centres: enumerate all k^n labelings is too many; n<=8, k=2 => 256
      const lab = new Int32Array(n);
      const rec = (u: number): void => {
        if (u === n) {
          const load = new Float64Array(k); let cost = 0;
          for (let v = 0; v < n; v++) { load[lab[v]!] = load[lab[v]!]! + m[v]!; cost += m[v]! * d(v, centers[lab[v]!]!); }
          if (load.every((l) => l >= lo - 1e-9 && l <= hi + 1e-9)) best = Math.min(best, cost);
          return;
        }
        for (let t = 0; t < k; t++) { lab[u] = t; rec(u + 1); }
      };
      rec(0);
      return;
    }
    for (let c = start; c < n; c++) { centers.push(c); choose(c + 1); centers.pop(); }
  };
  choose(0);
  return best;
}

describe('LP model and bound (HiGHS)', () => {
  const tiny = (): BalanceInput => ({ ...gridInstance(4, 2, 2, 5, { targets: [{ measure: 0, tolerance: 0.1 }] }), adjacency: undefined, contiguity: false });

  it('builds a CPLEX-LP model with every section', () => {
    const model = buildBalanceLp(tiny(), { integer: true });
    expect('lp' in model).toBe(true);
    if ('lp' in model) for (const s of ['Minimize', 'Subject To', 'Bounds', 'Binary', 'End']) expect(model.lp).toContain(s);
    expect(buildBalanceLp(tiny(), { maxVariables: 10 })).toEqual({ skipped: expect.stringContaining('too large') });
  });

  it('MIP matches brute force, the LP bound is below it, and the heuristic reaches it on a tiny instance', async () => {
    const solve = createHighsSolver();
    const input = tiny();
    const exact = bruteForce(input);
    const model = buildBalanceLp(input, { integer: true });
    if (!('lp' in model)) throw new Error('model skipped');
    const mip = await solve(model.lp);
    expect(mip.status).toBe('Optimal');
    expect(mip.objective).toBeCloseTo(exact, 6);
    const { assignment } = decodeLpSolution(model, mip.columns);
    expect(Array.from(assignment).every((t) => t >= 0 && t < 2)).toBe(true);
    const result = runBalance(input);
    expect(result.report.compactness).toBeLessThanOrEqual(exact * 1.01 + 1e-9);
    const bound = await lpLowerBound(input, result, solve);
    if (!('bound' in bound)) throw new Error(bound.skipped);
    expect(bound.bound).toBeLessThanOrEqual(exact + 1e-6);
    expect(bound.gap).toBeGreaterThanOrEqual(-1e-9);
  });
});
