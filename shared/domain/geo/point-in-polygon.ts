/** A closed ring as flat coordinates [x0, y0, x1, y1, ...]; the last point need not repeat the first. */
export type FlatRing = ArrayLike<number>;

/** Bounding box of a flat ring: [minX, minY, maxX, maxY] (all NaN for an empty ring). */
export function ringBounds(ring: FlatRing): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i + 1 < ring.length; i += 2) {
    const x = ring[i]!, y = ring[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return minX > maxX ? [NaN, NaN, NaN, NaN] : [minX, minY, maxX, maxY];
}

/** Whether (x, y) lies inside the ring (even–odd rule, so a self-crossing lasso behaves like a drawn outline). */
export function pointInRing(x: number, y: number, ring: FlatRing): boolean {
  const n = ring.length >> 1;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i]!, yi = ring[2 * i + 1]!;
    const xj = ring[2 * j]!, yj = ring[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Indices of the points inside the ring (points with a non-finite coordinate are never inside).
 * A bounding-box test first keeps a small lasso over 33,000 points well under a millisecond.
 */
export function pointsInRing(xs: ArrayLike<number>, ys: ArrayLike<number>, ring: FlatRing): Int32Array {
  if (xs.length !== ys.length) throw new Error(`pointsInRing: ${xs.length} x values but ${ys.length} y values`);
  if (ring.length < 6) return new Int32Array(0);
  const [minX, minY, maxX, maxY] = ringBounds(ring);
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!, y = ys[i]!;
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) continue;
    if (pointInRing(x, y, ring)) out.push(i);
  }
  return Int32Array.from(out);
}

/** The ring of an axis-aligned rectangle given by two opposite corners. */
export function rectangleRing(x0: number, y0: number, x1: number, y1: number): Float64Array {
  return Float64Array.of(x0, y0, x1, y0, x1, y1, x0, y1);
}
