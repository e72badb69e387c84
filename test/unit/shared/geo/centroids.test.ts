import { describe, expect, it } from 'vitest';
import { classOf, groupCentroids, quantileBreaks } from '../../../../shared/domain/geo/centroids';

describe('territory label positions and choropleth classes', () => {
  it('places each group at the mean of its units, ignoring unassigned and unplaced units', () => {
    const c = groupCentroids([0, 2, 10, 5, Number.NaN], [0, 2, 10, 5, 1], [0, 0, 1, -1, 1], 3);
    expect([c.x[0], c.y[0], c.x[1], c.y[1]]).toEqual([1, 1, 10, 10]);
    expect(Array.from(c.count)).toEqual([2, 1, 0]);
    expect(Number.isNaN(c.x[2])).toBe(true);
  });

  it('cuts values into quantile classes', () => {
    const breaks = quantileBreaks([5, 1, 3, 2, 4, 6, 8, 7], 4);
    expect(breaks).toEqual([3, 5, 7]);
    expect([1, 3, 4.5, 7, 100].map((v) => classOf(v, breaks))).toEqual([0, 1, 1, 3, 3]);
    expect(quantileBreaks([], 4)).toEqual([]);
  });
});
