/** Unit-weighted centroid (mean representative point) of each group; NaN for a group without placed units. */
export function groupCentroids(xs: ArrayLike<number>, ys: ArrayLike<number>, group: ArrayLike<number>, groupCount: number): { x: Float64Array; y: Float64Array; count: Int32Array } {
  const x = new Float64Array(groupCount);
  const y = new Float64Array(groupCount);
  const count = new Int32Array(groupCount);
  for (let i = 0; i < group.length; i++) {
    const g = group[i]!;
    const px = xs[i]!, py = ys[i]!;
    if (g < 0 || g >= groupCount || !Number.isFinite(px) || !Number.isFinite(py)) continue;
    x[g]! += px;
    y[g]! += py;
    count[g]!++;
  }
  for (let g = 0; g < groupCount; g++) {
    x[g] = count[g]! > 0 ? x[g]! / count[g]! : NaN;
    y[g] = count[g]! > 0 ? y[g]! / count[g]! : NaN;
  }
  return { x, y, count };
}

/** Class breaks at the given quantiles of the finite values (ascending; empty for no values). */
export function quantileBreaks(values: ArrayLike<number>, classes: number): number[] {
  const sorted = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0 || classes < 2) return [];
  const out: number[] = [];
  for (let k = 1; k < classes; k++) out.push(sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / classes))]!);
  return out;
}

/** Class index of a value given ascending breaks (0 .. breaks.length). */
export function classOf(value: number, breaks: readonly number[]): number {
  let k = 0;
  while (k < breaks.length && value >= breaks[k]!) k++;
  return k;
}

/**
 * Each group's label point: its member nearest to the group's centroid (a territory spanning Washington and Alaska
 * has its centroid in the ocean; the label goes on the member unit closest to it). NaN for an empty group.
 */
export function groupLabelPoints(xs: ArrayLike<number>, ys: ArrayLike<number>, group: ArrayLike<number>, groupCount: number): { x: Float64Array; y: Float64Array; count: Int32Array } {
  const c = groupCentroids(xs, ys, group, groupCount);
  const best = new Float64Array(groupCount).fill(Infinity);
  const x = new Float64Array(groupCount).fill(NaN);
  const y = new Float64Array(groupCount).fill(NaN);
  for (let i = 0; i < group.length; i++) {
    const g = group[i]!;
    const px = xs[i]!, py = ys[i]!;
    if (g < 0 || g >= groupCount || !Number.isFinite(px) || !Number.isFinite(py)) continue;
    const d = (px - c.x[g]!) ** 2 + (py - c.y[g]!) ** 2;
    if (d >= best[g]!) continue;
    best[g] = d;
    x[g] = px;
    y[g] = py;
  }
  return { x, y, count: c.count };
}
