import { connectedComponents, edgeListsToCsr } from '../balance/index';
import { territoryPieces } from '../balance/graph';
import { distanceFn } from '../geo/distance';

/** Contiguity of one territory over the unit adjacency graph. */
export type TerritoryContiguity = {
  /** Connected pieces on the mainland (graph components the territory shares with others). */
  pieces: number;
  /** Whole graph components (islands: Hawaii, Puerto Rico...) attached to the territory; allowed by rule. */
  islands: number;
  /** At most one mainland piece. */
  contiguous: boolean;
};

/** Compactness of one territory: distances of its unit points to their centroid (km or planar units). */
export type TerritoryCompactness = { meanDistance: number; maxDistance: number };

/** CSR adjacency of units from index pairs (both directions; out-of-range pairs ignored). */
export function unitAdjacency(n: number, edges: { a: readonly number[]; b: readonly number[] }): ReturnType<typeof edgeListsToCsr> {
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < edges.a.length; i++) {
    const a = edges.a[i]!;
    const b = edges.b[i]!;
    if (a < 0 || b < 0 || a >= n || b >= n) continue;
    lists[a]!.push(b);
    lists[b]!.push(a);
  }
  return edgeListsToCsr(lists);
}

/**
 * Contiguity of every territory (index 0..k-1) of a unit -> territory index array (-1 unassigned).
 * Reuses the balancing engine's graph helpers so "contiguous" means the same thing in both places;
 * a whole island component is an island, not a break (DOMAIN.md: islands need an explicit rule).
 */
export function territoryContiguity(
  unitTerritory: Int32Array,
  k: number,
  edges: { a: readonly number[]; b: readonly number[] },
): TerritoryContiguity[] {
  const n = unitTerritory.length;
  const adj = unitAdjacency(n, edges);
  const { comp, count } = connectedComponents(adj, n);
  const compSize = new Int32Array(count);
  for (let u = 0; u < n; u++) compSize[comp[u]!]!++;
  const noCenters = new Int32Array(k).fill(-1);
  const { components, islandPieces } = territoryPieces(adj, unitTerritory, k, comp, compSize, noCenters);
  return Array.from({ length: k }, (_, t) => ({
    pieces: components[t]!,
    islands: islandPieces[t]!,
    contiguous: components[t]! <= 1,
  }));
}

/**
 * Mean and max distance of each territory's units to the territory centroid (unweighted moment of
 * inertia). The centroid of lon/lat points is their plain mean: good enough at territory scale.
 */
export function territoryCompactness(
  unitTerritory: Int32Array,
  k: number,
  x: readonly number[],
  y: readonly number[],
  metric: 'geographic' | 'planar',
): TerritoryCompactness[] {
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  const count = new Int32Array(k);
  for (let u = 0; u < unitTerritory.length; u++) {
    const t = unitTerritory[u]!;
    if (t < 0 || t >= k) continue;
    cx[t]! += x[u]!;
    cy[t]! += y[u]!;
    count[t]!++;
  }
  for (let t = 0; t < k; t++) {
    if (count[t]! > 0) {
      cx[t]! /= count[t]!;
      cy[t]! /= count[t]!;
    }
  }
  const dist = distanceFn(metric);
  const sum = new Float64Array(k);
  const max = new Float64Array(k);
  for (let u = 0; u < unitTerritory.length; u++) {
    const t = unitTerritory[u]!;
    if (t < 0 || t >= k) continue;
    const dd = dist(x[u]!, y[u]!, cx[t]!, cy[t]!);
    sum[t]! += dd;
    if (dd > max[t]!) max[t] = dd;
  }
  return Array.from({ length: k }, (_, t) => ({ meanDistance: count[t]! ? sum[t]! / count[t]! : 0, maxDistance: max[t]! }));
}
