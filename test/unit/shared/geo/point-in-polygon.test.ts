import { describe, expect, it } from 'vitest';
import { pointInRing, pointsInRing, rectangleRing, ringBounds } from '../../../../shared/domain/geo/point-in-polygon';

const square = [0, 0, 10, 0, 10, 10, 0, 10];
// A "C" shape: the notch (4..10 x 4..6) is outside.
const cShape = [0, 0, 10, 0, 10, 4, 4, 4, 4, 6, 10, 6, 10, 10, 0, 10];

describe('point in polygon', () => {
  it('finds points inside a square and not outside it', () => {
    expect(pointInRing(5, 5, square)).toBe(true);
    expect(pointInRing(11, 5, square)).toBe(false);
    expect(pointInRing(-0.1, 5, square)).toBe(false);
  });

  it('respects concave outlines such as a hand-drawn lasso with a notch', () => {
    expect(pointInRing(2, 5, cShape)).toBe(true);
    expect(pointInRing(7, 5, cShape)).toBe(false);
    expect(pointInRing(7, 8, cShape)).toBe(true);
  });

  it('returns the indices of the points inside, skipping points without coordinates', () => {
    const xs = [1, 7, 7, 20, Number.NaN, 2];
    const ys = [1, 5, 8, 5, 5, Number.NaN];
    expect(Array.from(pointsInRing(xs, ys, cShape))).toEqual([0, 2]);
  });

  it('selects nothing with a degenerate ring (fewer than three points)', () => {
    expect(pointsInRing([1], [1], [0, 0, 5, 5]).length).toBe(0);
  });

  it('throws when the coordinate columns differ in length', () => {
    expect(() => pointsInRing([1, 2], [1], square)).toThrow(/2 x values but 1 y values/);
  });

  it('builds rectangles from any two opposite corners', () => {
    const r = rectangleRing(10, 10, 0, 0);
    expect(ringBounds(r)).toEqual([0, 0, 10, 10]);
    expect(pointInRing(3, 3, r)).toBe(true);
    expect(pointInRing(13, 3, r)).toBe(false);
  });
});
