import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../shared/domain/random';
import { createUnitLocator, pointInRings, type Rings } from '../../../../shared/domain/import/unit-locator';

/** A jagged ring around (cx, cy): radius varying with the angle, so edges cross cells at every slope. */
function blob(cx: number, cy: number, r: number, rnd: () => number): Rings {
  const ring: number[][] = [];
  for (let k = 0; k < 40; k++) {
    const a = (k / 40) * 2 * Math.PI;
    const d = r * (0.6 + 0.4 * rnd());
    ring.push([cx + d * Math.cos(a), cy + d * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return [ring];
}

describe('unit locator', () => {
  it('finds the same polygon as a plain point-in-polygon test everywhere, cells without edges included', () => {
    const rnd = createRng(7);
    const polygons: Rings[][] = [];
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      for (let j = 0; j < 8; j++) {
        ids.push(`U${i}-${j}`);
        // Blobs on a grid, some with a hole, leaving gaps (points there belong to no unit).
        const b = blob(i * 2, j * 2, 1.1, rnd);
        polygons.push([(i + j) % 5 === 0 ? [...b, blob(i * 2, j * 2, 0.3, rnd)[0]!] : b]);
      }
    }
    const locator = createUnitLocator({ kind: 'custom', ids, x: ids.map((_, k) => Math.floor(k / 8) * 2), y: ids.map((_, k) => (k % 8) * 2), polygons }, 0);
    const plain = (x: number, y: number) => polygons.findIndex((p) => p.some((rings) => pointInRings(x, y, rings)));
    let inside = 0;
    for (let n = 0; n < 20_000; n++) {
      const x = -1.5 + rnd() * 25, y = -1.5 + rnd() * 17;
      const want = plain(x, y);
      // Blobs may overlap where two radii are long: any polygon holding the point is right then.
      const got = locator.locate(x, y);
      if (want >= 0) inside++;
      if (got !== want) expect(got >= 0 && polygons[got]!.some((rings) => pointInRings(x, y, rings))).toBe(true);
      else expect(got).toBe(want);
    }
    expect(inside).toBeGreaterThan(5_000);
  });
});
