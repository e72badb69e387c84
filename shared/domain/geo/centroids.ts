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
