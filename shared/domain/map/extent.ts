/** A lon/lat box: [[west, south], [east, north]]. */
export type LonLatBounds = [[number, number], [number, number]];

/** Lower 48 states. */
export const CONUS_BOUNDS: LonLatBounds = [[-124.8, 24.4], [-66.9, 49.4]];

/** One-click jumps to the parts of the US that lie far from the lower 48. */
export const US_JUMPS: readonly { key: string; label: string; title: string; bounds: LonLatBounds }[] = [
  { key: 'AK', label: 'AK', title: 'Alaska', bounds: [[-170, 51.2], [-129.9, 71.5]] },
  { key: 'HI', label: 'HI', title: 'Hawaii', bounds: [[-160.3, 18.9], [-154.8, 22.3]] },
  { key: 'PR', label: 'PR', title: 'Puerto Rico', bounds: [[-67.3, 17.9], [-65.2, 18.6]] },
];

/** True when the point lies in the box (edges included). */
export const inBox = (b: LonLatBounds, x: number, y: number) => x >= b[0][0] && x <= b[1][0] && y >= b[0][1] && y <= b[1][1];

/** Box around points, or null when there are none with finite coordinates. */
export function boundsOf(x: ArrayLike<number>, y: ArrayLike<number>, keep: (i: number) => boolean = () => true): LonLatBounds | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const px = x[i]!, py = y[i]!;
    if (!Number.isFinite(px) || !Number.isFinite(py) || !keep(i)) continue;
    if (px < w) w = px;
    if (px > e) e = px;
    if (py < s) s = py;
    if (py > n) n = py;
  }
  return w <= e ? [[w, s], [e, n]] : null;
}

/**
 * The extent "fit all" shows: when most points lie in the lower 48 (US data with Alaska, Hawaii and Puerto Rico,
 * which have their own jumps), the box around those; otherwise the box around every point.
 */
export function dataExtent(x: ArrayLike<number>, y: ArrayLike<number>): LonLatBounds | null {
  let conus = 0;
  for (let i = 0; i < x.length; i++) if (inBox(CONUS_BOUNDS, x[i]!, y[i]!)) conus++;
  if (conus > 0 && conus >= 0.5 * x.length) return boundsOf(x, y, (i) => inBox(CONUS_BOUNDS, x[i]!, y[i]!));
  return boundsOf(x, y);
}
