import { feature } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildMixedDataset, type FinerLevel, type MixedMeasureRule } from '../../../shared/domain/dataset/mixed-dataset';
import type { Dataset, UnitsTable } from '../../../shared/domain/dataset/types';
import { childrenByParent, heavyUnits, zipUnitId } from '../../../shared/domain/geo/mixed-geography';
import type { FlatRing } from '../../../shared/domain/geo/point-in-polygon';
import type { Area, ZipAreas } from '../../../shared/domain/geo/zip-areas';
import type { TerritoryId, UnitId } from '../../../shared/domain/ids';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import { usZipAreas } from '../geography/us-zip-areas';
import { buildDemoDataset, DEMO_CONFIG, type DemoScenario } from './build-demo';

/** The geographies the built-in demo comes in: counties, every ZIP area, or counties with the heavy metro counties split. */
export const DEMO_GEOGRAPHIES = ['counties', 'zips', 'mixed'] as const;
/** One of DEMO_GEOGRAPHIES. */
export type DemoGeography = (typeof DEMO_GEOGRAPHIES)[number];

/**
 * Share of one territory's target (of the demo's 56 field territories) above which the mixed demo splits a county:
 * at 0.25 no county holds more than a quarter of a territory of potential, accounts or workload, leaving the engine room for ±5 % bands.
 */
export const MIXED_SPLIT_SHARE = 0.25;

const BALANCED = ['potential', 'accounts', 'workload'] as const;

/** How each demo measure is filled on a ZIP area: account sums recounted, ZBP from the ZIP, population shared by establishments. */
const RULES: Record<string, MixedMeasureRule> = {
  population: { from: 'apportion', by: 'establishments' },
  establishments: { from: 'finer' },
  employees: { from: 'finer' },
  payroll: { from: 'finer' },
  potential: { from: 'accounts', column: 'potential' },
  revenue: { from: 'accounts', column: 'revenue' },
  accounts: { from: 'accounts', column: null },
  workload: { from: 'accounts', column: 'workload' },
};

function areaRings(a: Area | null): FlatRing[] {
  if (!a) return [];
  const polys = a.type === 'Polygon' ? [a.coordinates] : a.coordinates;
  return polys.flatMap((p) => p.map((ring) => Float64Array.from(ring.flat())));
}

/** The ZIP areas as the finer level of the county demo (parents = county FIPS). */
export function zipLevel(z: ZipAreas): FinerLevel {
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
  return { units, edges: z.edges, rings: (i) => rings[i]! };
}

/** Counties the mixed demo splits: above MIXED_SPLIT_SHARE of a territory's target in any balanced measure. */
export function demoSplitCounties(d: Dataset, finer: FinerLevel): UnitId[] {
  const hasZips = new Set(finer.units.parents);
  const out = new Set<UnitId>();
  for (const m of BALANCED) {
    for (const i of heavyUnits(d.units.measures[m]!, DEMO_CONFIG.fieldReps, MIXED_SPLIT_SHARE, (u) => hasZips.has(d.units.ids[u]!))) out.add(d.units.ids[i]!);
  }
  return [...out].sort();
}

/** One topology holding the units (unsplit counties and ZIP areas, geometry index = unit index) and the county demo's states and nation. */
function mixedTopology(county: Dataset, z: ZipAreas, unitIds: readonly UnitId[]): Topology {
  const src = county.geometry!.topology as Topology;
  const counties = new Map((feature(src, src.objects.counties as GeometryCollection).features).map((f) => [String(f.id), f]));
  const units = unitIds.map((id) => {
    const zi = id.startsWith('zip:') ? z.byId.get(id.slice(4)) : undefined;
    const c = counties.get(id);
    const geometry = c ? c.geometry : zi !== undefined ? z.areas[zi]!.polygon : null;
    return { type: 'Feature' as const, id, properties: {}, geometry };
  });
  const states = feature(src, src.objects.states as GeometryCollection);
  const nation = src.objects.nation ? feature(src, src.objects.nation as GeometryCollection) : null;
  return buildTopology({ units: { type: 'FeatureCollection', features: units }, states, ...(nation ? { nation } : {}) } as never, 1e5);
}

/**
 * The built-in demo in a geography: the county demo, or the same accounts, reps and plans on ZIP areas (every county
 * that has ZIP areas split: `zips`) or with the heavy counties split (`mixed`). ZIP areas inherit their county's
 * territory in every scenario, accounts move to the ZIP area holding them.
 */
export function buildDemo(geography: DemoGeography): { dataset: Dataset; scenarios: DemoScenario[]; split: UnitId[] } {
  const county = buildDemoDataset();
  if (geography === 'counties') return { ...county, split: [] };
  const z = usZipAreas();
  const finer = zipLevel(z);
  const split = geography === 'zips' ? [...new Set(finer.units.parents)].filter((c) => county.dataset.units.ids.includes(c as UnitId)).sort() as UnitId[] : demoSplitCounties(county.dataset, finer);
  const { dataset } = buildMixedDataset(county.dataset, finer, split, { measures: RULES });
  const byCounty = childrenByParent({ parent: finer.units.parents as UnitId[] });
  const kids = (c: UnitId): UnitId[] => byCounty.get(c)!.map((i) => finer.units.ids[i]!);
  // One pass per alignment (splitting county by county would copy the assignment once per county: ~3,000 copies for `zips`).
  const splitSet = new Set<string>(split);
  const onZips = (p: ScenarioPayload): ScenarioPayload => ({
    ...p,
    alignments: p.alignments.map((a) => {
      const assignment: Record<string, TerritoryId> = {};
      for (const [unit, t] of Object.entries(a.assignment)) {
        if (!splitSet.has(unit)) assignment[unit] = t;
        else for (const c of kids(unit as UnitId)) assignment[c] = t;
      }
      return { ...a, assignment };
    }),
  });
  const label = geography === 'zips' ? 'ZIP areas' : `counties, ${split.length} heavy metro counties split into ZIP areas`;
  return {
    dataset: {
      ...dataset,
      name: geography === 'zips' ? 'Demo: US ZIP areas' : 'Demo: US counties and ZIP areas',
      sources: [...county.dataset.sources, ...z.sources],
      // Counties without a ZIP area stay counties, so even the ZIP demo is all-ZIP only where every county has one.
      units: { ...dataset.units, kind: split.length === county.dataset.units.ids.length ? 'zip' : 'custom' },
      geometry: { format: 'topojson', unitsObject: 'units', parentsObject: 'states', topology: mixedTopology(county.dataset, z, dataset.units.ids) },
    },
    scenarios: county.scenarios.map((s) => ({ ...s, description: `${s.description} (On ${label}.)`, payload: onZips(s.payload) })),
    split,
  };
}
