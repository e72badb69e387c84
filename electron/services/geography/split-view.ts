// A scenario's view of the workspace dataset: the stored units, with the counties the scenario split replaced by their
// built-in ZIP areas. KPIs, the map, the engine, compare, exports and routing read a scenario through its view, so a
// county plan and a mixed plan of the same dataset each see their own units.
import { feature } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildMixedDataset, type FinerLevel, type MixedMeasureRule } from '../../../shared/domain/dataset/mixed-dataset';
import type { AccountsTable, DatasetGeometry, Rep, UnitEdges, UnitsTable } from '../../../shared/domain/dataset/types';
import { childrenByParent, zipUnitId } from '../../../shared/domain/geo/mixed-geography';
import type { FlatRing } from '../../../shared/domain/geo/point-in-polygon';
import type { Area, ZipAreas } from '../../../shared/domain/geo/zip-areas';
import type { UnitId } from '../../../shared/domain/ids';
import { usZipAreas } from './us-zip-areas';

/** What a scenario reads of the dataset: units, adjacency, accounts (placed on these units), reps, boundaries. */
export type DatasetView = { split: UnitId[]; units: UnitsTable; edges: UnitEdges; accounts: AccountsTable; reps: Rep[]; geometry: DatasetGeometry | null };

/** The stored dataset a view is built from. */
export type StoredDataset = Omit<DatasetView, 'split'> & { name: string; sources: string[] };

function areaRings(a: Area | null): FlatRing[] {
  if (!a) return [];
  const polys = a.type === 'Polygon' ? [a.coordinates] : a.coordinates;
  return polys.flatMap((p) => p.map((ring) => Float64Array.from(ring.flat())));
}

const levels = new WeakMap<ZipAreas, FinerLevel>();

/** The built-in ZIP areas as a finer level (ids zip:NNNNN, parents = county FIPS); built once per ZipAreas. */
export function zipLevel(z: ZipAreas): FinerLevel {
  const known = levels.get(z);
  if (known) return known;
  const units: UnitsTable = {
    kind: 'zip',
    ids: z.areas.map((a) => zipUnitId(a.id)),
    names: z.areas.map((a) => a.name),
    parents: z.areas.map((a) => a.county),
    x: z.areas.map((a) => a.lon),
    y: z.areas.map((a) => a.lat),
    measures: Object.fromEntries(z.measureDefs.map((m) => [m.key, z.areas.map((a) => a.measures[m.key]!)])),
    measureDefs: [...z.measureDefs],
  };
  const rings = z.areas.map((a) => areaRings(a.polygon));
  const level: FinerLevel = { units, edges: z.edges, rings: (i) => rings[i]! };
  levels.set(z, level);
  return level;
}

/** Units that can be split (US counties by FIPS that hold built-in ZIP areas) and the ZIP area ids of each. */
export type SplitOptions = { children: (unit: UnitId) => UnitId[] };

const FIPS = /^\d{5}$/;

/**
 * Which of these units can be split and into what: a unit whose id is a county FIPS holding built-in ZIP areas.
 * Reads the ZIP areas only when some unit looks like a county (a ZIP or planar workspace never pays for them).
 */
export function splitOptions(units: Pick<UnitsTable, 'ids'>): SplitOptions {
  if (!units.ids.some((id) => FIPS.test(id))) return { children: () => [] };
  const level = zipLevel(usZipAreas());
  const present = new Set<string>(units.ids);
  const byCounty = childrenByParent({ parent: level.units.parents as UnitId[] });
  return {
    children: (unit) => (FIPS.test(unit) && present.has(unit) ? (byCounty.get(unit) ?? []).map((i) => level.units.ids[i]!).filter((id) => !present.has(id)) : []),
  };
}

/**
 * How each measure is filled on a ZIP area: ZIP Business Patterns measures from the ZIP itself, measures that are sums
 * of the accounts (the unit's value equals its accounts' sum everywhere) recounted from the accounts placed there,
 * and any other measure shared among a county's ZIP areas in proportion to their establishments.
 */
export function splitMeasureRules(base: Pick<StoredDataset, 'units' | 'accounts'>, finer: FinerLevel): Record<string, MixedMeasureRule> {
  const out: Record<string, MixedMeasureRule> = {};
  const column: Record<string, 'potential' | 'revenue' | 'workload' | null> = { accounts: null, potential: 'potential', revenue: 'revenue', workload: 'workload' };
  const n = base.units.ids.length;
  for (const def of base.units.measureDefs) {
    const values = base.units.measures[def.key]!;
    if (def.key in column) {
      const col = column[def.key]!;
      const sums = new Float64Array(n);
      base.accounts.unitIndex.forEach((u, i) => {
        if (u >= 0) sums[u]! += col === null ? 1 : base.accounts[col][i]!;
      });
      const same = values.every((v, u) => Math.abs(v - sums[u]!) <= 1e-6 * Math.max(1, Math.abs(v)));
      if (same) {
        out[def.key] = { from: 'accounts', column: col };
        continue;
      }
    }
    out[def.key] = finer.units.measures[def.key] ? { from: 'finer' } : { from: 'apportion', by: 'establishments' };
  }
  return out;
}

/** The stored topology's unit polygons with the split units' replaced by their ZIP areas (index order = the view's units). */
export function splitTopology(geometry: DatasetGeometry, z: ZipAreas, ids: readonly UnitId[]): DatasetGeometry {
  const src = geometry.topology as Topology;
  const stored = new Map((feature(src, src.objects[geometry.unitsObject] as GeometryCollection).features).map((f) => [String(f.id), f.geometry]));
  const units = ids.map((id) => {
    const zi = id.startsWith('zip:') && !stored.has(id) ? z.byId.get(id.slice(4)) : undefined;
    return { type: 'Feature' as const, id, properties: {}, geometry: stored.get(id) ?? (zi !== undefined ? z.areas[zi]!.polygon : null) };
  });
  const others = Object.fromEntries(Object.entries(src.objects).filter(([k]) => k !== geometry.unitsObject).map(([k, o]) => [k, feature(src, o)]));
  return { ...geometry, topology: buildTopology({ ...others, [geometry.unitsObject]: { type: 'FeatureCollection', features: units } } as never, 1e5) };
}

/**
 * The dataset as a scenario that split `split` sees it: those units replaced by their ZIP areas (measures per
 * splitMeasureRules, accounts and rep homes moved to the ZIP area holding them, adjacency across levels, polygons).
 * Throws, naming the unit, when a unit is unknown or has no ZIP areas to split into.
 */
export function buildSplitView(base: StoredDataset, split: readonly UnitId[]): DatasetView {
  if (split.length === 0) return { split: [], units: base.units, edges: base.edges, accounts: base.accounts, reps: base.reps, geometry: base.geometry };
  const known = new Set<string>(base.units.ids);
  for (const u of split) if (!known.has(u)) throw new Error(`Unit ${u} is not in this workspace, so it cannot be split; the scenario was made for another dataset.`);
  const options = splitOptions(base.units);
  for (const u of split) if (options.children(u).length === 0) throw new Error(`Unit ${u} cannot be split: only US counties (by FIPS code) split, into their built-in ZIP areas, and this one has none.`);
  const z = usZipAreas();
  // ZIP areas that are units already (a county the dataset itself split) stand at the coarse level.
  const finer = zipLevel(z);
  const { dataset } = buildMixedDataset({ ...base, geometry: null }, finer, split, { measures: splitMeasureRules(base, finer) });
  return {
    split: [...split],
    units: { ...dataset.units, kind: base.units.kind === 'county' ? 'custom' : base.units.kind },
    edges: dataset.edges,
    accounts: dataset.accounts,
    reps: dataset.reps,
    geometry: base.geometry ? splitTopology(base.geometry, z, dataset.units.ids) : null,
  };
}
