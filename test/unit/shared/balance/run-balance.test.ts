import { describe, expect, it } from 'vitest';
import { runBalance } from '../../../../shared/domain/balance';
import { edgeListsToCsr } from '../../../../shared/domain/balance/graph';
import type { BalanceInput } from '../../../../shared/domain/balance';
import { gridAdjacency, gridInstance } from './fixtures';

const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0);

describe('runBalance — design from scratch', () => {
  it('assigns every unit and keeps contiguous territories within a ±5% band', () => {
    const input = gridInstance(12, 12, 6);
    const { assignment, centers, report } = runBalance(input);
    expect(Array.from(assignment).every((t) => t >= 0 && t < 6)).toBe(true);
    expect(report.violations).toEqual([]);
    expect(report.feasible).toBe(true);
    expect(report.worstDeviation).toBeLessThanOrEqual(0.05);
    expect(report.nonContiguous).toBe(0);
    for (const t of report.territories) expect(assignment[centers[t.territory]!]).toBe(t.territory);
    expect(sum(report.territories.map((t) => t.measures[0]!))).toBeCloseTo(sum(input.measures[0]!.values), 6);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = runBalance(gridInstance(15, 15, 5, 3, { seed: 11, restarts: 1 }));
    const b = runBalance(gridInstance(15, 15, 5, 3, { seed: 11, restarts: 1 }));
    expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
    expect(Array.from(a.centers)).toEqual(Array.from(b.centers));
  });

  it('starts territories at the given rep home units', () => {
    const seeds = Int32Array.from([0, 99]);
    const { assignment } = runBalance(gridInstance(10, 10, 2, 5, { seedUnits: seeds, restarts: 1 }));
    expect(assignment[0]).not.toBe(assignment[99]);
  });

  it('balances several measures at once', () => {
    const input = gridInstance(14, 14, 4, 9, { targets: [{ measure: 0, tolerance: 0.05 }, { measure: 1, tolerance: 0.05 }] });
    const { report } = runBalance(input);
    for (const t of report.territories) for (const d of t.deviations) expect(Math.abs(d)).toBeLessThanOrEqual(0.05);
  });

  it('stops when cancelled and reports it, still returning a complete assignment', () => {
    const progress: number[] = [];
    const { assignment, report } = runBalance(gridInstance(30, 30, 10), { signal: { aborted: true }, onProgress: (p) => progress.push(p.fraction) });
    expect(report.cancelled).toBe(true);
    expect(Array.from(assignment).every((t) => t >= 0)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('throttles progress to about ten calls a second', () => {
    let clock = 0;
    const calls: number[] = [];
    runBalance(gridInstance(20, 20, 8), { now: () => (clock += 1), onProgress: () => calls.push(clock) });
    for (let i = 1; i < calls.length - 1; i++) expect(calls[i]! - calls[i - 1]!).toBeGreaterThanOrEqual(100);
  });

  it('reports the p-center figure for objective max', () => {
    const { report } = runBalance(gridInstance(10, 10, 4, 7, { objective: 'max' }));
    expect(report.objective).toBe('max');
    expect(report.compactness).toBe(report.maxDistance);
    expect(report.maxDistance).toBeLessThan(8);
  });

  it('uses shortest paths over the graph when edges carry distances', () => {
    const adjacency = edgeListsToCsr([[1], [0, 2], [1, 3], [2]]);
    const input: BalanceInput = {
      x: Float64Array.from([0, 1, 2, 3]), y: new Float64Array(4), metric: 'planar', k: 1,
      measures: [{ name: 'p', values: new Float64Array(4).fill(1) }], targets: [{ measure: 0 }],
      adjacency: { ...adjacency, distances: new Float64Array(adjacency.neighbors.length).fill(2) },
    };
    expect(runBalance(input).report.sumDistance).toBe(8);
  });
});

describe('runBalance — islands and contiguity', () => {
  it('attaches units without neighbours to the nearest territory and does not count them as breaks', () => {
    const base = gridInstance(8, 8, 4);
    const n = 66;
    const lists: number[][] = [];
    const adj = gridAdjacency(8, 8);
    for (let u = 0; u < 64; u++) lists.push(Array.from(adj.neighbors.subarray(adj.offsets[u]!, adj.offsets[u + 1]!)));
    lists.push([], []);
    const x = new Float64Array(n); x.set(base.x); x[64] = -1; x[65] = 9;
    const y = new Float64Array(n); y.set(base.y); y[64] = 0; y[65] = 7;
    const pot = new Float64Array(n); pot.set(base.measures[0]!.values); pot[64] = 1; pot[65] = 1;
    const input: BalanceInput = { ...base, x, y, measures: [{ name: 'potential', values: pot }], targets: [{ measure: 0, tolerance: 0.1 }], adjacency: edgeListsToCsr(lists) };
    const { assignment, report } = runBalance(input);
    expect(report.islands).toEqual([64, 65]);
    expect(report.graphComponents).toBe(3);
    expect(assignment[64]).toBe(assignment[0]);
    expect(assignment[65]).toBe(assignment[63]);
    expect(report.violations.filter((v) => v.kind === 'contiguity')).toEqual([]);
    expect(report.territories.reduce((s, t) => s + t.islandPieces, 0)).toBe(2);
  });
});
