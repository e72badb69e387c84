import { describe, expect, it } from 'vitest';
import { accountsBinaryData } from '../../../renderer/map/layers/accounts-layer';
import { accountRadius, median, prepareAccountPoints } from '../../../renderer/map/prepare-accounts';

describe('account points for deck.gl binary attributes', () => {
  const accounts = { x: [-100, -90, Number.NaN], y: [40, 35, Number.NaN], potential: [100, 400, 50] };

  it('interleaves lon/lat into one Float32Array, keeping indices aligned with the accounts', () => {
    const p = prepareAccountPoints(accounts);
    expect(p.length).toBe(3);
    expect(Array.from(p.positions.subarray(0, 4))).toEqual([-100, 40, -90, 35]);
  });

  it('gives an account without coordinates radius and weight 0 rather than dropping it', () => {
    const p = prepareAccountPoints(accounts);
    expect(p.radii[2]).toBe(0);
    expect(p.weights[2]).toBe(0);
    expect(p.weights[1]).toBe(400);
  });

  it('grows the radius with potential and caps it', () => {
    expect(accountRadius(400, 100)).toBeGreaterThan(accountRadius(100, 100));
    expect(accountRadius(1e9, 1)).toBe(2.6);
    expect(accountRadius(-5, 100)).toBeCloseTo(0.5);
  });

  it('computes the median of odd, even and empty columns', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('hands the vector points in view to deck.gl as binary attributes without copying, with their account indices', () => {
    const p = prepareAccountPoints(accounts);
    const view = { kind: 'vector' as const, inFrame: 3, ms: 0, indices: Uint32Array.from([0, 1, 2]), positions: p.positions, radii: p.radii };
    const a = accountsBinaryData(view);
    expect(a.length).toBe(3);
    expect(a.attributes.getPosition).toEqual({ value: p.positions, size: 2 });
    expect(a.attributes.getRadius.value).toBe(p.radii);
    expect(a.indices).toBe(view.indices);
  });

  it('never draws an account the import could not place (stored at 0,0 with placement none)', () => {
    const p = prepareAccountPoints({ x: [0, -100], y: [0, 40], potential: [5, 5], placement: ['none', 'zip'] });
    expect(p.radii[0]).toBe(0);
    expect(p.weights[0]).toBe(0);
    expect(p.radii[1]).toBeGreaterThan(0);
  });
});
