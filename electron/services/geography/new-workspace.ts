import type { Dataset } from '../../../shared/domain/dataset/types';
import { COUNTY_SOURCES, countyUnitsTable, loadCounties } from '../demo/build-demo';
import { DEMO_GEOGRAPHIES, type DemoGeography } from '../demo/demo-geography';
import { emptyAccounts } from '../import/geography-import';
import { ACCOUNT_SUMS, buildZipDataset } from '../import/zip-geography';
import { currentAuthor, demoFill, fillDataset, Workspace, type WorkspaceFill } from '../workspace';
import type { OpenOptions } from '../../db/connection';

/** Geographies a new empty workspace can start from (custom polygons come from `import geojson|units`). */
export const EMPTY_GEOGRAPHIES = ['counties', 'zips'] as const;
/** One of EMPTY_GEOGRAPHIES. */
export type EmptyGeography = (typeof EMPTY_GEOGRAPHIES)[number];

/** What a new workspace starts with: a built-in geography with no accounts, reps or scenarios, or the demo in a geography. */
export type NewWorkspaceKind = { demo: false; geography: EmptyGeography } | { demo: true; geography: DemoGeography };

/** True for a (demo, geography) pair a new workspace can be made of; the error names the choices. */
export function checkNewWorkspace(demo: boolean, geography: string): string | null {
  const allowed: readonly string[] = demo ? DEMO_GEOGRAPHIES : EMPTY_GEOGRAPHIES;
  if (allowed.includes(geography)) return null;
  return `A new ${demo ? 'demo' : 'empty'} workspace comes in ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, not "${geography}".`;
}

/** US counties with their real measures, the account sums at 0 until accounts are imported, no accounts or reps. */
export function emptyCountyDataset(): Dataset {
  const c = loadCounties();
  const table = countyUnitsTable(c, Object.fromEntries(ACCOUNT_SUMS.map((m) => [m.key, c.rows.map(() => 0)])), ACCOUNT_SUMS);
  const { cut } = c;
  return {
    name: 'US counties',
    sources: [...COUNTY_SOURCES],
    units: table,
    edges: cut.edges,
    geometry: { format: 'topojson', unitsObject: 'counties', parentsObject: 'states', topology: cut.topology },
    accounts: emptyAccounts(),
    reps: [],
  };
}

/** The dataset of a new empty workspace of a built-in geography (all US ZIP areas for `zips`). */
export function emptyDataset(geography: EmptyGeography): Dataset {
  return geography === 'counties' ? emptyCountyDataset() : buildZipDataset([]).dataset;
}

/** Fills a workspace of a built-in geography with no accounts, reps or scenarios. */
function emptyFill(geography: EmptyGeography): WorkspaceFill {
  return (db) => {
    const dataset = emptyDataset(geography);
    fillDataset(db, dataset, [], currentAuthor(), `New workspace: ${dataset.name}`);
  };
}

/** What a new workspace of either kind is filled with (see Workspace.createWith / createWithProgress). */
export function newWorkspaceFill(kind: NewWorkspaceKind): WorkspaceFill {
  return kind.demo ? demoFill(kind.geography) : emptyFill(kind.geography);
}

/**
 * Creates a workspace file of a built-in geography with no accounts, reps or scenarios: the user imports their own
 * accounts and reps, then creates a starting scenario (the app offers one when a workspace has none).
 */
export function createEmptyWorkspace(path: string, geography: EmptyGeography, opts: OpenOptions = {}): Workspace {
  return Workspace.createWith(path, emptyFill(geography), opts);
}
