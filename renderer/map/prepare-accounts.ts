import type { AccountsTable } from '../../shared/domain/dataset/types';

/** Account columns as typed arrays for deck.gl binary attributes (positions interleaved lon, lat). */
export type AccountPoints = {
  length: number;
  positions: Float32Array;
  /** Point radius in pixels, grows with the square root of potential. */
  radii: Float32Array;
  /** Potential as heat-map weight. */
  weights: Float32Array;
};

/** Radius in pixels of an account with the given potential relative to the median potential (median -> 0.9 px, capped at 2.6 px). */
export function accountRadius(potential: number, median: number): number {
  const rel = median > 0 ? Math.max(0, potential) / median : 1;
  return Math.min(2.6, 0.5 + 0.4 * Math.sqrt(rel));
}

/** Median of a numeric column (0 for an empty one); sorts a copy. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Converts the JSON account columns into typed arrays once per dataset.
 * Accounts without coordinates, or that the import could not place (placement 'none', stored at 0,0),
 * are kept (so indices stay aligned) but get radius and weight 0: they are listed, never drawn at 0,0.
 */
export function prepareAccountPoints(
  accounts: Pick<AccountsTable, 'x' | 'y' | 'potential'> & { placement?: AccountsTable['placement'] },
): AccountPoints {
  const n = accounts.x.length;
  const positions = new Float32Array(n * 2);
  const radii = new Float32Array(n);
  const weights = new Float32Array(n);
  const med = median(accounts.potential);
  for (let i = 0; i < n; i++) {
    const x = accounts.x[i]!;
    const y = accounts.y[i]!;
    const p = accounts.potential[i] ?? 0;
    const placed = Number.isFinite(x) && Number.isFinite(y) && accounts.placement?.[i] !== 'none';
    positions[i * 2] = placed ? x : 0;
    positions[i * 2 + 1] = placed ? y : 0;
    radii[i] = placed ? accountRadius(p, med) : 0;
    weights[i] = placed && Number.isFinite(p) ? Math.max(0, p) : 0;
  }
  return { length: n, positions, radii, weights };
}
