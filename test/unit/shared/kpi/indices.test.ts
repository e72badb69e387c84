import { describe, expect, it } from 'vitest';
import { balanceIndices, deviation } from '../../../../shared/domain/kpi/indices';

describe('balance indices', () => {
  it('are all neutral for perfectly equal territories', () => {
    expect(balanceIndices([5, 5, 5, 5])).toEqual({ mean: 5, worstDeviation: 0, maxMinRatio: 1, cv: 0, gini: 0 });
  });

  it('measure an unequal split by worst deviation, max/min, CV and Gini', () => {
    const b = balanceIndices([10, 20, 30, 40]);
    expect(b.mean).toBe(25);
    expect(b.worstDeviation).toBeCloseTo(0.6, 12);
    expect(b.maxMinRatio).toBe(4);
    expect(b.cv).toBeCloseTo(Math.sqrt(125) / 25, 12);
    // Gini of 10,20,30,40 = sum|xi-xj| / (2 n^2 mean) = 200 / 800 = 0.25
    expect(b.gini).toBeCloseTo(0.25, 12);
  });

  it('call the max/min ratio infinite when a territory is empty', () => {
    expect(balanceIndices([0, 10]).maxMinRatio).toBe(Infinity);
  });

  it('give zeros for no territories and for an all-zero measure', () => {
    expect(balanceIndices([]).worstDeviation).toBe(0);
    expect(balanceIndices([0, 0]).cv).toBe(0);
    expect(deviation(3, 0)).toBe(0);
  });
});
