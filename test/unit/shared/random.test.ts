import { describe, expect, it } from 'vitest';
import { createRng, pickCumulative } from '../../../shared/domain/random';
import { haversineKm } from '../../../shared/domain/geo/distance';

describe('deterministic random numbers', () => {
  it('repeat the same sequence for the same seed and differ for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(sa);
    expect(c()).not.toBe(sa[0]);
    expect(sa.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('pick indices in proportion to cumulative weights', () => {
    const cum = [1, 1, 4];
    expect(pickCumulative(cum, 0)).toBe(0);
    expect(pickCumulative(cum, 0.2)).toBe(0);
    // index 1 has zero weight: it is never picked, even exactly at its boundary
    expect(pickCumulative(cum, 0.25)).toBe(2);
    expect(pickCumulative(cum, 0.999)).toBe(2);
  });
});

describe('great-circle distance', () => {
  it('matches the known New York - Los Angeles distance within 0.5%', () => {
    const d = haversineKm(-73.9857, 40.7484, -118.2437, 34.0522);
    expect(Math.abs(d - 3936) / 3936).toBeLessThan(0.005);
  });
});
