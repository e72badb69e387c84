import { describe, expect, it } from 'vitest';
import { computeTerritoryKpis, KpiRangeError } from '../../../../shared/domain/kpi/territory-kpis';

const cols = (t: number[], p: number[]) => ({
  accountTerritory: Int32Array.from(t),
  potential: Float64Array.from(p),
  revenue: Float64Array.from(p.map((v) => v / 10)),
  workload: Float64Array.from(p.map(() => 2)),
});

describe('territory KPIs', () => {
  it('sum accounts, potential, revenue and workload per territory and keep unassigned apart', () => {
    const k = computeTerritoryKpis(2, cols([0, 0, 1, -1], [10, 30, 20, 5]));
    expect(k.rows.map((r) => [r.accounts, r.potential, r.revenue, r.workload])).toEqual([
      [2, 40, 4, 4],
      [1, 20, 2, 2],
    ]);
    expect(k.rows[0]!.whiteSpace).toBe(36);
    expect(k.unassigned).toEqual({ accounts: 1, potential: 5, revenue: 0.5, workload: 2 });
    expect(k.rows[0]!.potentialDeviation).toBeCloseTo(1 / 3, 12);
  });

  it('measure deviation against the mean of the territory\'s own alignment group', () => {
    // Territories 0,1 are geographic (group 0); territory 2 is an Enterprise overlay (group 1).
    const k = computeTerritoryKpis(3, cols([0, 1, 2], [100, 100, 1000]), Int32Array.from([0, 0, 1]));
    expect(k.rows.map((r) => r.potentialDeviation)).toEqual([0, 0, 0]);
    expect(k.potentialBalance.mean).toBe(100);
  });

  it('refuse a measure whose total is not finite, naming the measure, instead of returning NaN deviations', () => {
    // Each value is finite, but two of them in different territories add up to Infinity.
    expect(() => computeTerritoryKpis(2, cols([0, 1], [1e308, 1e308]))).toThrow(/the total potential is Infinity/);
    const revenue = { ...cols([0, 1], [1, 2]), revenue: Float64Array.from([Number.NaN, 0]) };
    expect(() => computeTerritoryKpis(2, revenue)).toThrow(KpiRangeError);
    expect(() => computeTerritoryKpis(2, revenue)).toThrow(/total revenue is NaN/);
    const unassigned = { ...cols([0, -1], [1, 2]), workload: Float64Array.from([1, -Infinity]) };
    expect(() => computeTerritoryKpis(1, unassigned)).toThrow(/total workload is -Infinity/);
  });
});
