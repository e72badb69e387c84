import { describe, expect, it } from 'vitest';
import { classOf, groupCentroids, groupLabelPoints, quantileBreaks } from '../../../../shared/domain/geo/centroids';

describe('territory label positions and choropleth classes', () => {
  it('places each group at the mean of its units, ignoring unassigned and unplaced units', () => {
    const c = groupCentroids([0, 2, 10, 5, Number.NaN], [0, 2, 10, 5, 1], [0, 0, 1, -1, 1], 3);
    expect([c.x[0], c.y[0], c.x[1], c.y[1]]).toEqual([1, 1, 10, 10]);
    expect(Array.from(c.count)).toEqual([2, 1, 0]);
    expect(Number.isNaN(c.x[2])).toBe(true);
  });

  it('labels a group at its member nearest the centroid, so a territory of two far parts is labelled on land', () => {
    // Group 0: three units near (0,0) and one far away at (30, 30); the centroid (7.5, 7.5) lies between them.
    const c = groupLabelPoints([0, 1, 0, 30, 5], [0, 0, 1, 30, 5], [0, 0, 0, 0, 2], 3);
    expect([c.x[0], c.y[0]]).toEqual([1, 0]);
    expect([c.x[2], c.y[2]]).toEqual([5, 5]);
    expect(Number.isNaN(c.x[1])).toBe(true);
    expect(Array.from(c.count)).toEqual([4, 0, 1]);
  });

  it('cuts values into quantile classes', () => {
    const breaks = quantileBreaks([5, 1, 3, 2, 4, 6, 8, 7], 4);
    expect(breaks).toEqual([3, 5, 7]);
    expect([1, 3, 4.5, 7, 100].map((v) => classOf(v, breaks))).toEqual([0, 1, 1, 3, 3]);
    expect(quantileBreaks([], 4)).toEqual([]);
  });
});
