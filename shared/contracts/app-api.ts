import type { AccountsTable, DatasetCounts, Rep, UnitEdges, UnitsTable } from '../domain/dataset/types';
import type { ScenarioId } from '../domain/ids';
import type { BalanceIndices } from '../domain/kpi/indices';
import type { ScenarioPayload } from '../domain/territories/types';
import type { Result } from './result';

/** One row of the scenario list. */
export type ScenarioSummary = {
  id: ScenarioId;
  name: string;
  description: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  parentId: ScenarioId | null;
  parentVersion: number | null;
  archived: boolean;
  headVersion: number;
  versionCount: number;
};

/** Identifies one immutable scenario version. */
export type VersionRef = { scenarioId: ScenarioId; version: number };

/** One stored version with its payload. */
export type ScenarioVersion = VersionRef & {
  scenarioName: string;
  parentVersion: number | null;
  createdAt: string;
  author: string;
  note: string;
  payload: ScenarioPayload;
};

/** What the title bar, status bar and `tessera info` show about the open workspace. */
export type WorkspaceInfo = {
  /** Absolute path of the SQLite file; null for the in-memory built-in demo. */
  path: string | null;
  name: string;
  isDemo: boolean;
  readOnly: boolean;
  schemaVersion: number;
  datasetName: string;
  counts: DatasetCounts;
  scenarios: ScenarioSummary[];
};

/** Unit geometry as stored in the workspace (TopoJSON topology with one object of unit polygons). */
export type GeometryPayload = {
  format: 'topojson';
  /** Name of the object in topology.objects that holds the unit polygons (ids = unit ids). */
  unitsObject: string;
  /** Optional object with outlines of parent areas (states). */
  parentsObject: string | null;
  topology: unknown;
};

/** KPIs of one territory as the grid shows them. */
export type TerritoryKpi = {
  territoryId: string;
  name: string;
  color: string;
  region: string;
  repId: string | null;
  repName: string | null;
  units: number;
  accounts: number;
  potential: number;
  revenue: number;
  workload: number;
  potentialDeviation: number;
  workloadDeviation: number;
};

/** Territory KPI table with balance indices and unassigned totals. */
export type KpiTable = {
  ref: VersionRef;
  rows: TerritoryKpi[];
  potentialBalance: BalanceIndices;
  workloadBalance: BalanceIndices;
  unassignedAccounts: number;
};

/** Error codes of opening or creating workspace files. */
export type WorkspaceErrorCode = 'not-found' | 'not-tessera' | 'corrupt' | 'newer-schema' | 'io' | 'exists' | 'locked';

/** Selects a scenario by id or by name; version defaults to the head. */
export type ScenarioSelector = { scenario: number | string; version?: number };

/**
 * Every call the UI can make. One JSON-safe argument per method, so IPC, HTTP and tests
 * carry the same payload. Arguments are validated by APP_API_SCHEMAS before reaching a service.
 */
export type AppApi = {
  'app.info': (a: Record<string, never>) => Promise<{ version: string; mode: 'desktop' | 'browser' | 'direct' }>;
  'workspace.info': (a: Record<string, never>) => Promise<WorkspaceInfo>;
  'workspace.open': (a: { path: string }) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode>>;
  'workspace.create': (a: { path: string; demo: boolean }) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode>>;
  'workspace.saveAs': (a: { path: string }) => Promise<Result<WorkspaceInfo, WorkspaceErrorCode>>;
  'dataset.units': (a: Record<string, never>) => Promise<UnitsTable>;
  'dataset.edges': (a: Record<string, never>) => Promise<UnitEdges>;
  'dataset.geometry': (a: Record<string, never>) => Promise<GeometryPayload | null>;
  'dataset.accounts': (a: Record<string, never>) => Promise<AccountsTable>;
  'dataset.reps': (a: Record<string, never>) => Promise<Rep[]>;
  'scenario.list': (a: Record<string, never>) => Promise<ScenarioSummary[]>;
  'scenario.get': (a: ScenarioSelector) => Promise<Result<ScenarioVersion, 'not-found'>>;
  'scenario.create': (
    a: { name: string; description?: string; from?: ScenarioSelector },
  ) => Promise<Result<ScenarioSummary, 'exists' | 'not-found' | 'invalid' | 'read-only'>>;
  'scenario.saveVersion': (
    a: { scenarioId: number; baseVersion: number; payload: ScenarioPayload; note: string },
  ) => Promise<Result<VersionRef, 'stale-base' | 'invalid' | 'not-found' | 'read-only'>>;
  'kpi.territories': (a: ScenarioSelector) => Promise<Result<KpiTable, 'not-found'>>;
};

/** Name of an AppApi method. */
export type AppMethod = keyof AppApi;
/** Argument type of an AppApi method. */
export type AppArg<M extends AppMethod> = Parameters<AppApi[M]>[0];
/** Resolved return type of an AppApi method. */
export type AppReturn<M extends AppMethod> = Awaited<ReturnType<AppApi[M]>>;

/** Runtime list of methods, exhaustive by type: adding a method to AppApi without listing it fails to compile. */
export const APP_API_METHODS = {
  'app.info': true,
  'workspace.info': true,
  'workspace.open': true,
  'workspace.create': true,
  'workspace.saveAs': true,
  'dataset.units': true,
  'dataset.edges': true,
  'dataset.geometry': true,
  'dataset.accounts': true,
  'dataset.reps': true,
  'scenario.list': true,
  'scenario.get': true,
  'scenario.create': true,
  'scenario.saveVersion': true,
  'kpi.territories': true,
} as const satisfies Record<AppMethod, true>;

/** All method names as an array. */
export const APP_METHOD_NAMES = Object.keys(APP_API_METHODS) as AppMethod[];

/** True when name is a method of the API (used by transports before dispatch). */
export function isAppMethod(name: string): name is AppMethod {
  return Object.prototype.hasOwnProperty.call(APP_API_METHODS, name);
}
