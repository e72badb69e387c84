/** Balance indices over per-territory values. Empty input gives NaN-free zeros. */
export type BalanceIndices = {
  mean: number;
  /** Largest |value - mean| / mean, as a fraction (0.05 = 5%). */
  worstDeviation: number;
  /** max / min; Infinity when the smallest territory is empty. */
  maxMinRatio: number;
  /** Coefficient of variation (population standard deviation / mean). */
  cv: number;
  /** Gini coefficient in [0, 1). */
  gini: number;
};

/** Deviation of value from mean as a signed fraction; 0 when the mean is 0. */
export function deviation(value: number, mean: number): number {
  return mean === 0 ? 0 : (value - mean) / mean;
}

/** Computes mean, worst deviation, max/min ratio, CV and Gini of the values. */
export function balanceIndices(values: ArrayLike<number>): BalanceIndices {
  const n = values.length;
  if (n === 0) return { mean: 0, worstDeviation: 0, maxMinRatio: 1, cv: 0, gini: 0 };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let sq = 0;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sq += (v - mean) ** 2;
    worst = Math.max(worst, Math.abs(deviation(v, mean)));
  }
  const sorted = Array.from(values).sort((a, b) => a - b);
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (2 * (i + 1) - n - 1) * sorted[i]!;
  const gini = sum === 0 ? 0 : weighted / (n * sum);
  const cv = mean === 0 ? 0 : Math.sqrt(sq / n) / mean;
  const maxMinRatio = max === 0 ? 1 : min <= 0 ? Infinity : max / min;
  return { mean, worstDeviation: worst, maxMinRatio, cv, gini };
}
