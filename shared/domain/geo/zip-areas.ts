import { featureCollection, intersect, feature as turfFeature } from '@turf/turf';
import { Delaunay } from 'd3-delaunay';
import { feature, mergeArcs } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { MeasureDef, UnitEdges } from '../dataset/types';
import { ZIP_AREAS_NOTE } from './approximate';
import { topologySubset } from './topology-subset';

/** A unit's area: a polygon or several (islands, a county cut in two by water). */
export type Area = GeoJSON.Polygon | GeoJSON.MultiPolygon;

/**
 * Voronoi cells of `points` ([lon, lat]) clipped to `region`, in point order; null where a cell lies
 * wholly outside the region. Cells are computed on an equirectangular projection at the region's
 * latitude so they split distance fairly; the clip keeps the region's own vertices, so the borders of
 * the region stay exact.
 */
export function clippedVoronoi(points: readonly (readonly [number, number])[], region: Area): (Area | null)[] {
  if (points.length === 0) return [];
  if (points.length === 1) return [region];
  const rings = region.type === 'Polygon' ? [region.coordinates] : region.coordinates;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of rings) for (const [x, y] of p[0] ?? []) {
    minX = Math.min(minX, x!);
    maxX = Math.max(maxX, x!);
    minY = Math.min(minY, y!);
    maxY = Math.max(maxY, y!);
  }
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const pad = 0.01 + (maxY - minY + maxX - minX) * 0.01;
  const delaunay = Delaunay.from(points.map(([x, y]) => [x * k, y] as [number, number]));
  const voronoi = delaunay.voronoi([(minX - pad) * k, minY - pad, (maxX + pad) * k, maxY + pad]);
  const clip = turfFeature(region);
  return points.map((_, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) return null;
    const poly: GeoJSON.Polygon = { type: 'Polygon', coordinates: [cell.map(([x, y]) => [x! / k, y!])] };
    const out = intersect(featureCollection([turfFeature(poly), clip]));
    return (out?.geometry as Area | undefined) ?? null;
  });
}

type Seg = [number, number, number, number];

function segments(a: Area): Seg[] {
  const out: Seg[] = [];
  for (const poly of a.type === 'Polygon' ? [a.coordinates] : a.coordinates) {
    for (const ring of poly) for (let i = 1; i < ring.length; i++) out.push([ring[i - 1]![0]!, ring[i - 1]![1]!, ring[i]![0]!, ring[i]![1]!]);
  }
  return out;
}

/** Bounding box [minX, minY, maxX, maxY] of an area. */
export function areaBox(a: Area): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x0, y0, x1, y1] of segments(a)) {
    b[0] = Math.min(b[0], x0, x1);
    b[1] = Math.min(b[1], y0, y1);
    b[2] = Math.max(b[2], x0, x1);
    b[3] = Math.max(b[3], y0, y1);
  }
  return b;
}

/**
 * Whether two areas share a piece of boundary longer than `eps` (degrees): some pair of their edges is
 * collinear within eps and overlaps by more than eps. A touch at a single corner does not count, and
 * neither do vertices that one side has and the other lacks (edges cut by a clip on one side only).
 */
export function shareBoundary(a: Area, b: Area, eps = 1e-6): boolean {
  const sb = segments(b);
  for (const [ax0, ay0, ax1, ay1] of segments(a)) {
    const dx = ax1 - ax0, dy = ay1 - ay0;
    const len = Math.hypot(dx, dy);
    if (len <= eps) continue;
    const ux = dx / len, uy = dy / len;
    const lo = [Math.min(ax0, ax1) - eps, Math.min(ay0, ay1) - eps, Math.max(ax0, ax1) + eps, Math.max(ay0, ay1) + eps];
    for (const [bx0, by0, bx1, by1] of sb) {
      if (Math.max(bx0, bx1) < lo[0]! || Math.min(bx0, bx1) > lo[2]! || Math.max(by0, by1) < lo[1]! || Math.min(by0, by1) > lo[3]!) continue;
      // Distance of b's ends from a's line, then overlap of the projections on a.
      const d0 = Math.abs((bx0 - ax0) * uy - (by0 - ay0) * ux);
      const d1 = Math.abs((bx1 - ax0) * uy - (by1 - ay0) * ux);
      if (d0 > eps || d1 > eps) continue;
      const t0 = (bx0 - ax0) * ux + (by0 - ay0) * uy;
      const t1 = (bx1 - ax0) * ux + (by1 - ay0) * uy;
      const overlap = Math.min(len, Math.max(t0, t1)) - Math.max(0, Math.min(t0, t1));
      if (overlap > eps) return true;
    }
  }
  return false;
}

/** Column order of the per-ZIP measures in the shipped asset. */
export const ZIP_MEASURES: readonly MeasureDef[] = [
  { key: 'establishments', label: 'Establishments', unit: 'establishments', source: 'US Census Bureau, ZIP Code Business Patterns 2016 (est)' },
  { key: 'employees', label: 'Employees', unit: 'employees', source: 'US Census Bureau, ZIP Code Business Patterns 2016 (emp, mid-March); where withheld, the middle of the published size class' },
  { key: 'payroll', label: 'Annual payroll', unit: 'USD', source: 'US Census Bureau, ZIP Code Business Patterns 2016 (ap, $1,000 × 1,000); where withheld, employees × the state\'s payroll per employee' },
];

/** The shipped ZIP-area asset as stored (JSON): one column per field, ZIPs sorted, geometry index = ZIP index. */
export type ZipAreaAsset = {
  version: 1;
  sources: string[];
  zips: string[];
  names: string[];
  counties: string[];
  states: string[];
  lon: number[];
  lat: number[];
  /** Per ZIP_MEASURES key, one value per ZIP. */
  measures: Record<string, number[]>;
  /** Which ZIPs' employees/payroll were estimated because ZBP withheld them (ZIP indexes). */
  estimated: number[];
  edges: UnitEdges;
  /** objects.zips: one (possibly empty) geometry per ZIP, id = ZIP. */
  topology: Topology;
};

/** One approximate ZIP area. */
export type ZipArea = {
  /** 5-digit ZIP (ZCTA). */
  id: string;
  /** "ZIP 90012, Los Angeles". */
  name: string;
  /** 5-digit FIPS of the county holding the ZIP's centroid. */
  county: string;
  /** 2-digit state FIPS. */
  state: string;
  lon: number;
  lat: number;
  /** Values per ZIP_MEASURES key. */
  measures: Record<string, number>;
  /** Approximate area (null when the ZIP has no polygon). */
  polygon: Area | null;
};

/** Decoded ZIP areas: `edges` index into `areas`; `topology.objects.zips` has geometry index = area index. */
export type ZipAreas = {
  areas: ZipArea[];
  edges: UnitEdges;
  measureDefs: readonly MeasureDef[];
  sources: string[];
  topology: Topology;
  byId: ReadonlyMap<string, number>;
};

/** Decodes the asset into ZIP areas with polygons; throws on a version or shape it does not know. */
export function decodeZipAreas(asset: ZipAreaAsset): ZipAreas {
  if (asset?.version !== 1) throw new Error(`Unknown ZIP area asset version ${String(asset?.version)}`);
  const geoms = (asset.topology.objects.zips as GeometryCollection | undefined)?.geometries as GeometryObject[] | undefined;
  const n = asset.zips.length;
  if (!geoms || geoms.length !== n) throw new Error(`ZIP area asset: ${geoms?.length ?? 0} geometries for ${n} ZIPs`);
  const areas: ZipArea[] = asset.zips.map((id, i) => {
    const g = geoms[i]!;
    const polygon = g.type === 'Polygon' || g.type === 'MultiPolygon' ? ((feature(asset.topology, g) as GeoJSON.Feature).geometry as Area) : null;
    return {
      id,
      name: asset.names[i]!,
      county: asset.counties[i]!,
      state: asset.states[i]!,
      lon: asset.lon[i]!,
      lat: asset.lat[i]!,
      measures: Object.fromEntries(ZIP_MEASURES.map((m) => [m.key, asset.measures[m.key]![i]!])),
      polygon,
    };
  });
  return { areas, edges: asset.edges, measureDefs: ZIP_MEASURES, sources: asset.sources, topology: asset.topology, byId: new Map(asset.zips.map((z, i) => [z, i])) };
}

type TopoArea = Polygon | MultiPolygon;

/**
 * A TopoJSON of the ZIP areas at `indexes` (objects.zips in that order, so geometry index = position in
 * indexes; a ZIP without an area keeps a null geometry) and objects.states: the outline of each state's
 * ZIP areas. Only the arcs these use are kept; the topology says it is approximate (approximateNote).
 */
export function zipTopology(z: Pick<ZipAreas, 'topology' | 'areas'>, indexes: readonly number[]): Topology {
  const source = z.topology;
  const geoms = (source.objects.zips as GeometryCollection).geometries;
  const picked = indexes.map((i) => geoms[i]!);
  const byState = new Map<string, TopoArea[]>();
  indexes.forEach((i, k) => {
    const g = picked[k]!;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return;
    const s = z.areas[i]!.state;
    byState.set(s, [...(byState.get(s) ?? []), g]);
  });
  const states = [...byState].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, gs]) => ({ ...(mergeArcs(source, gs) as TopoArea), id }));
  return { ...topologySubset(source, { zips: picked, states }), approximate: ZIP_AREAS_NOTE } as Topology;
}
