import { describe, expect, it } from 'vitest';
import { boundsOf, dataExtent } from '../../../../shared/domain/map/extent';

describe('map extent', () => {
  it('fits the lower 48 when most units lie there, leaving Alaska and Hawaii to their jumps', () => {
    const x = [-120, -75, -90, -150, -157];
    const y = [40, 42, 30, 61, 21];
    expect(dataExtent(x, y)).toEqual([[-120, 30], [-75, 42]]);
  });
  it('fits every point when the data is mostly elsewhere, and skips non-finite coordinates', () => {
    expect(dataExtent([-150, -149, -75], [61, 62, 40])).toEqual([[-150, 40], [-75, 62]]);
    expect(boundsOf([NaN, 2], [1, 3])).toEqual([[2, 3], [2, 3]]);
    expect(boundsOf([], [])).toBeNull();
  });
});
