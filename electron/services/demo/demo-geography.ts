import { buildMixedDataset, type FinerLevel, type MixedMeasureRule } from '../../../shared/domain/dataset/mixed-dataset';
import type { Dataset } from '../../../shared/domain/dataset/types';
import { childrenByParent, heavyUnits } from '../../../shared/domain/geo/mixed-geography';
import type { TerritoryId, UnitId } from '../../../shared/domain/ids';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import { usZipAreas } from '../geography/us-zip-areas';
import { splitTopology, zipLevel } from '../geography/split-view';
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

/** Counties the mixed demo splits: above MIXED_SPLIT_SHARE of a territory's target in any balanced measure. */
export function demoSplitCounties(d: Dataset, finer: FinerLevel): UnitId[] {
  const hasZips = new Set(finer.units.parents);
  const out = new Set<UnitId>();
  for (const m of BALANCED) {
    for (const i of heavyUnits(d.units.measures[m]!, DEMO_CONFIG.fieldReps, MIXED_SPLIT_SHARE, (u) => hasZips.has(d.units.ids[u]!))) out.add(d.units.ids[i]!);
  }
  return [...out].sort();
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
      geometry: splitTopology(county.dataset.geometry!, z, dataset.units.ids),
    },
    scenarios: county.scenarios.map((s) => ({ ...s, description: `${s.description} (On ${label}.)`, payload: onZips(s.payload) })),
    split,
  };
}
