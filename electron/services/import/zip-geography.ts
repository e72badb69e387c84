import { err, ok, type Result } from '../../../shared/contracts/result';
import type { Dataset, MeasureDef, UnitEdges, UnitsTable } from '../../../shared/domain/dataset/types';
import { US_STATES } from '../../../shared/domain/dataset/us-states';
import { zipTopology } from '../../../shared/domain/geo/zip-areas';
import type { UnitId } from '../../../shared/domain/ids';
import { stateGroupsPayload } from '../../../shared/domain/territories/starter';
import type { ScenarioPayload } from '../../../shared/domain/territories/types';
import { usZipAreas } from '../geography/us-zip-areas';
import { currentAuthor, fillDataset, Workspace } from '../workspace';
import { emptyAccounts } from './geography-import';

/** Territories of the starting scenario of an all-US ZIP workspace (fewer when fewer states are imported). */
export const ZIP_STARTER_TERRITORIES = 10;

/** Why a ZIP workspace could not be made. */
export type ZipWorkspaceError = 'empty' | 'exists' | 'bad-input';

/** State FIPS codes for two-letter codes or FIPS; an unknown code is an error naming it. */
export function zipStates(states: readonly string[]): Result<string[], 'bad-input'> {
  const fips: string[] = [];
  for (const s of states) {
    const st = US_STATES.find((u) => u.abbr === s.toUpperCase() || u.fips === s);
    if (!st) return err('bad-input', `Unknown state "${s}"; use two-letter codes of the 50 states and DC, such as NY,NJ,CT.`);
    fips.push(st.fips);
  }
  return ok(fips);
}

const SUMS = 'Sum over the imported accounts in the unit';
/** Unit measures that are sums over accounts, as in every workspace that holds accounts. */
export const ACCOUNT_SUMS: MeasureDef[] = [
  { key: 'accounts', label: 'Accounts', unit: 'accounts', source: SUMS },
  { key: 'potential', label: 'Potential', unit: 'USD', source: SUMS },
  { key: 'revenue', label: 'Revenue', unit: 'USD', source: SUMS },
  { key: 'workload', label: 'Workload', unit: 'hours', source: SUMS },
];

/**
 * The dataset of a ZIP workspace: the built-in approximate ZIP areas of STATES (state FIPS; all when empty)
 * with their ZBP measures, polygons and adjacency, no accounts and no reps, and a starting scenario of K
 * territories of whole states with about equal establishments.
 */
export function buildZipDataset(states: readonly string[], k = ZIP_STARTER_TERRITORIES): { dataset: Dataset; scenario: ScenarioPayload } {
  const z = usZipAreas();
  const wanted = new Set(states);
  const pick = z.areas.flatMap((a, i) => (wanted.size === 0 || wanted.has(a.state) ? [i] : []));
  const pos = new Map(pick.map((i, k2) => [i, k2]));
  const units: UnitsTable = {
    kind: 'zip',
    ids: pick.map((i) => z.areas[i]!.id as UnitId),
    names: pick.map((i) => z.areas[i]!.name),
    parents: pick.map((i) => z.areas[i]!.state),
    x: pick.map((i) => z.areas[i]!.lon),
    y: pick.map((i) => z.areas[i]!.lat),
    // The ZBP measures of each area, then the sums over accounts (0 until accounts are imported, which fill them).
    measures: Object.fromEntries([
      ...z.measureDefs.map((m) => [m.key, pick.map((i) => z.areas[i]!.measures[m.key]!)]),
      ...ACCOUNT_SUMS.map((m) => [m.key, pick.map(() => 0)]),
    ]),
    measureDefs: [...z.measureDefs, ...ACCOUNT_SUMS],
  };
  const edges: UnitEdges = { a: [], b: [] };
  z.edges.a.forEach((a, e) => {
    const pa = pos.get(a), pb = pos.get(z.edges.b[e]!);
    if (pa === undefined || pb === undefined) return;
    edges.a.push(Math.min(pa, pb));
    edges.b.push(Math.max(pa, pb));
  });
  const dataset: Dataset = {
    name: `US ZIP areas${states.length ? ` (${states.map((s) => US_STATES.find((u) => u.fips === s)?.abbr ?? s).join(', ')})` : ''}`,
    sources: z.sources,
    units,
    edges,
    geometry: { format: 'topojson', unitsObject: 'zips', parentsObject: 'states', topology: zipTopology(z, pick) },
    accounts: emptyAccounts(),
    reps: [],
  };
  return { dataset, scenario: stateGroupsPayload(units, k, 'establishments') };
}

/** Creates a workspace of the built-in ZIP areas of the given states (codes such as NY; all when none). */
export function createZipWorkspace(
  path: string,
  states: readonly string[],
  k = ZIP_STARTER_TERRITORIES,
): Result<{ path: string; units: number; edges: number; scenario: string; territories: number }, ZipWorkspaceError> {
  const fips = zipStates(states);
  if (!fips.ok) return fips;
  const { dataset, scenario } = buildZipDataset(fips.value, k);
  if (dataset.units.ids.length === 0) return err('empty', `No ZIP areas found for ${states.join(', ')}.`);
  const name = 'States grouped';
  const description = `Starting point: ${scenario.territories.length} territories of whole states with about equal establishments (ZBP 2016); run balance to refine.`;
  try {
    Workspace.createWith(path, (db) => fillDataset(db, dataset, [{ name, description, payload: scenario }], currentAuthor(), 'ZIP geography')).close();
  } catch (e) {
    if ((e as { code?: string }).code === 'exists') return err('exists', (e as Error).message);
    throw e;
  }
  return ok({ path, units: dataset.units.ids.length, edges: dataset.edges.a.length, scenario: name, territories: scenario.territories.length });
}
