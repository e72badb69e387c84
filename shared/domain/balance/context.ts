import { EARTH_RADIUS_KM, planarDistance } from '../geo/distance';
import { connectedComponents, emptyAdjacency, knnAdjacency, MinHeap } from './graph';
import type { BalanceInput, CsrAdjacency } from './types';

/** A balance target resolved to numbers: mean and band per territory. */
export type ResolvedTarget = { measure: number; name: string; values: Float64Array; mean: number; lo: number; hi: number; weight: number };

/** Preprocessed, read-only view of one run's input shared by all phases. */
export type Ctx = {
  input: BalanceInput;
  n: number;
  k: number;
  x: Float64Array;
  y: Float64Array;
  adj: CsrAdjacency;
  /** Length of every CSR edge (given distances or geometric). */
  edgeLen: Float64Array;
  /** True when the adjacency was given (not synthesised as a k-NN graph). */
  hasGraph: boolean;
  contiguity: boolean;
  comp: Int32Array;
  compCount: number;
  compSize: Int32Array;
  targets: ResolvedTarget[];
  /** fixedLoad[t * T + j]: what territory t carries on target j whatever units it gets (input.fixedLoads). */
  fixedLoad: Float64Array;
  /** Per target: the largest fixed load of one territory (0 without fixed loads). */
  fixedMax: Float64Array;
  weights: Float64Array;
  /** Search objective; 'diameter' runs the p-center search ('max') as its proxy, then the diameter descent. */
  objective: 'sum' | 'max';
  diameter: boolean;
  candidate: Uint8Array;
  baseline: Int32Array | null;
  /** 1 = unit may not change territory (locked unit or unit of a locked territory). */
  fixed: Uint8Array;
  lockedTerritory: Uint8Array;
  basis: Float64Array | null;
  basisTotal: number;
  budget: number;
  penalty: number;
  /** Weight of squared deviation from the mean in the objective (lowered for the final polish). */
  devWeight: number;
  /** Exponent of the 'max' objective's smooth proxy Σ d^p (2, raised on small instances to approach the max). */
  maxPower: number;
  /** Distance from unit u to centre unit c under the run's metric (graph shortest path when edges carry distances). */
  dist: (u: number, c: number) => number;
  geo: (u: number, c: number) => number;
};

/** Builds the run context from validated input. */
export function buildContext(input: BalanceInput): Ctx {
  const n = input.x.length;
  const k = input.k;
  const { x, y } = input;
  const geo = fastDistance(input);
  const hasGraph = input.adjacency !== undefined;
  const adj = input.adjacency ?? (n > 1 ? knnAdjacency(x, y, Math.min(6, n - 1)) : emptyAdjacency(n));
  const edgeLen = new Float64Array(adj.neighbors.length);
  for (let u = 0; u < n; u++) for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) edgeLen[e] = adj.distances?.[e] ?? geo(u, adj.neighbors[e]!);
  const { comp, count } = hasGraph ? connectedComponents(adj, n) : { comp: new Int32Array(n), count: 1 };
  const compSize = new Int32Array(count);
  for (let u = 0; u < n; u++) compSize[comp[u]!] = compSize[comp[u]!]! + 1;
  const T = input.targets.length;
  const fixedLoad = new Float64Array(k * T);
  const fixedMax = new Float64Array(T);
  const targets = input.targets.map((t, j) => {
    const col = input.measures[t.measure]!;
    let total = 0;
    for (let u = 0; u < n; u++) total += col.values[u]!;
    const fixedCol = input.fixedLoads?.[t.measure];
    if (fixedCol) for (let c = 0; c < k; c++) {
      const f = fixedCol[c]!;
      fixedLoad[c * T + j] = f; total += f;
      fixedMax[j] = Math.max(fixedMax[j]!, f);
    }
    const mean = total / k;
    const tol = t.tolerance;
    const lo = Math.max(t.min ?? 0, tol !== undefined ? mean * (1 - tol) : 0);
    const hi = Math.min(t.max ?? Infinity, tol !== undefined ? mean * (1 + tol) : Infinity);
    return { measure: t.measure, name: col.name, values: col.values, mean, lo, hi, weight: t.weight ?? 1 };
  });
  const weights = input.compactnessWeights ?? targets[0]!.values;
  const candidate = input.candidateCenters ?? new Uint8Array(n).fill(1);
  const baseline = input.baseline ?? null;
  const lockedTerritory = new Uint8Array(k);
  for (const t of input.lockedTerritories ?? []) lockedTerritory[t] = 1;
  const fixed = new Uint8Array(n);
  if (baseline) for (let u = 0; u < n; u++) {
    const b = baseline[u]!;
    if (input.lockedUnits?.[u] || (b >= 0 && lockedTerritory[b])) fixed[u] = 1;
  }
  let basis: Float64Array | null = null;
  let basisTotal = 0;
  if (baseline) {
    const b = input.maxDisruption?.basis ?? 'units';
    basis = b === 'units' ? new Float64Array(n).fill(1) : input.measures[b]!.values;
    for (let u = 0; u < n; u++) if (baseline[u]! >= 0) basisTotal += basis[u]!;
  }
  const budget = input.maxDisruption ? input.maxDisruption.share * basisTotal + 1e-9 * basisTotal : Infinity;
  const ctx: Ctx = {
    input, n, k, x, y, adj, edgeLen, hasGraph, contiguity: input.contiguity ?? hasGraph, comp, compCount: count, compSize,
    targets, fixedLoad, fixedMax, weights, objective: input.objective === 'diameter' ? 'max' : input.objective ?? 'sum', diameter: input.objective === 'diameter', candidate, baseline, fixed, lockedTerritory, basis, basisTotal, budget,
    penalty: input.disruptionPenalty ?? 0, devWeight: 20, maxPower: 2, geo, dist: geo,
  };
  if (hasGraph && adj.distances) ctx.dist = n <= DISTANCE_MATRIX_MAX_UNITS ? graphDistanceRows(ctx) : graphDistanceOracle(ctx);
  else if (n <= DISTANCE_MATRIX_MAX_UNITS) ctx.dist = distanceMatrix(n, geo);
  return ctx;
}

/** Small instances keep all pairwise distances (n² doubles: 8 MB at the limit). */
const DISTANCE_MATRIX_MAX_UNITS = 1000;

function distanceMatrix(n: number, geo: (u: number, c: number) => number): (u: number, c: number) => number {
  const mat = new Float64Array(n * n);
  for (let u = 0; u < n; u++) for (let c = u + 1; c < n; c++) { const d = geo(u, c); mat[u * n + c] = d; mat[c * n + u] = d; }
  return (u, c) => mat[u * n + c]!;
}

/**
 * Dijkstra from `source` over the adjacency into `dist` (Infinity = not labelled yet), settling at most `limit` units;
 * `settle(u, d)` sees each settled unit in order, `touched` gets every labelled unit (for the caller to reset).
 * Returns the distance of the last settled unit.
 */
function dijkstra(ctx: Ctx, source: number, dist: Float64Array, heap: MinHeap, limit: number, touched: number[] | null, settle?: (u: number, d: number) => void): number {
  const { adj, edgeLen } = ctx;
  dist[source] = 0; touched?.push(source);
  heap.size = 0; heap.push(0, source);
  let settled = 0; let radius = 0;
  while (heap.size > 0 && settled < limit) {
    const key = heap.peekKey(); const u = heap.pop();
    if (key > dist[u]!) continue;
    settled++; radius = key; settle?.(u, key);
    for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) {
      const v = adj.neighbors[e]!; const nd = key + edgeLen[e]!;
      if (nd < dist[v]!) { if (dist[v] === Infinity) touched?.push(v); dist[v] = nd; heap.push(nd, v); }
    }
  }
  return radius;
}

/** Mean ratio of edge length to geometric distance: scales the bounded oracle's estimate for units it did not reach. */
function edgeScale(ctx: Ctx): number {
  const { n, adj, edgeLen } = ctx;
  let ratio = 0; let cnt = 0;
  for (let u = 0; u < n && cnt < 5000; u++) for (let e = adj.offsets[u]!; e < adj.offsets[u + 1]!; e++) {
    const g = ctx.geo(u, adj.neighbors[e]!);
    if (g > 0) { ratio += edgeLen[e]! / g; cnt++; }
  }
  return cnt ? ratio / cnt : 1;
}

/**
 * Small graphs: exact shortest-path distances from each centre, one Dijkstra per centre the first time it is asked,
 * kept for the whole run in an n × n table (no eviction, array reads: the centre-swap searches ask for many centres).
 * Units of another component get an estimate: 4 × their geometric distance.
 */
function graphDistanceRows(ctx: Ctx): (u: number, c: number) => number {
  const { n } = ctx;
  const mat = new Float64Array(n * n);
  const done = new Uint8Array(n);
  const heap = new MinHeap(1024);
  const fill = (c: number): void => {
    const row = mat.subarray(c * n, (c + 1) * n);
    row.fill(Infinity);
    dijkstra(ctx, c, row, heap, n, null);
    for (let u = 0; u < n; u++) if (row[u] === Infinity) row[u] = 4 * ctx.geo(u, c);
    done[c] = 1;
  };
  return (u, c) => {
    if (!done[c]) fill(c);
    return mat[c * n + u]!;
  };
}

/**
 * Shortest-path distances from centres, by Dijkstra bounded to a settled-node budget and cached per centre.
 * Units beyond the bound get bound radius + scaled geometric distance (an estimate, never used as a bound).
 */
function graphDistanceOracle(ctx: Ctx): (u: number, c: number) => number {
  const { n, k } = ctx;
  const limit = Math.min(n, Math.max(256, Math.ceil((8 * n) / k)));
  const scale = edgeScale(ctx);
  const cache = new Map<number, { d: Map<number, number>; radius: number }>();
  const dist = new Float64Array(n).fill(Infinity);
  const heap = new MinHeap(1024);
  const touched: number[] = [];
  const run = (c: number): { d: Map<number, number>; radius: number } => {
    const out = new Map<number, number>();
    touched.length = 0;
    const radius = dijkstra(ctx, c, dist, heap, limit, touched, (u, d) => out.set(u, d));
    for (const v of touched) dist[v] = Infinity;
    if (cache.size > 4 * k) cache.clear();
    const entry = { d: out, radius };
    cache.set(c, entry);
    return entry;
  };
  return (u, c) => {
    const entry = cache.get(c) ?? run(c);
    const v = entry.d.get(u);
    return v !== undefined ? v : entry.radius + scale * ctx.geo(u, c);
  };
}

/**
 * Distance between units for the search: planar, or for lon/lat the equirectangular approximation
 * (within 0.5% of great-circle below ~500 km, no trigonometry per call; reports use the same function).
 */
export function fastDistance(input: BalanceInput): (u: number, c: number) => number {
  const { x, y } = input;
  if (input.metric === 'planar') return (u, c) => planarDistance(x[u]!, y[u]!, x[c]!, y[c]!);
  const cos = Float64Array.from(y, (lat) => Math.cos((lat * Math.PI) / 180));
  const k = (EARTH_RADIUS_KM * Math.PI) / 180;
  return (u, c) => {
    let dx = x[u]! - x[c]!;
    if (dx > 180) dx -= 360; else if (dx < -180) dx += 360;
    dx *= 0.5 * (cos[u]! + cos[c]!);
    const dy = y[u]! - y[c]!;
    return k * Math.sqrt(dx * dx + dy * dy);
  };
}
