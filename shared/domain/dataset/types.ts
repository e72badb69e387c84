import type { AccountId, RepId, UnitId } from '../ids';

/** Kinds of geography a workspace can hold. */
export type GeoKind = 'county' | 'zip' | 'state' | 'custom';

/** A numeric attribute defined on units (potential, population, ...). */
export type MeasureDef = {
  key: string;
  label: string;
  /** Display unit, e.g. "people", "USD", "establishments". */
  unit: string;
  /** Where the numbers come from (source note shown in the UI). */
  source: string;
};

/**
 * Units in columnar, JSON-safe form: index i describes one unit in every array.
 * Columnar so the renderer and workers can turn it into typed arrays without per-object overhead.
 */
export type UnitsTable = {
  kind: GeoKind;
  ids: UnitId[];
  names: string[];
  /** Parent area code (state FIPS for counties), '' when none. */
  parents: string[];
  /** Representative point: lon/lat for geographic data, x/y for planar. */
  x: number[];
  y: number[];
  /** Measure values by measure key, aligned with ids. */
  measures: Record<string, number[]>;
  measureDefs: MeasureDef[];
};

/** Undirected adjacency between units, as index pairs into UnitsTable.ids. */
export type UnitEdges = { a: number[]; b: number[] };

/** How an account was placed on the map. */
export type Placement = 'exact' | 'zip' | 'city' | 'county' | 'state' | 'none';

/** Accounts in columnar, JSON-safe form. unitIndex is -1 for an account that could not be placed. */
export type AccountsTable = {
  ids: AccountId[];
  names: string[];
  x: number[];
  y: number[];
  unitIndex: number[];
  industry: string[];
  segment: string[];
  employees: number[];
  revenue: number[];
  potential: number[];
  /** Yearly workload in hours (calls x duration). */
  workload: number[];
  /** Current owner rep id, '' when unowned. */
  owner: string[];
  placement: Placement[];
};

/** A sales rep with the attributes used for matching reps to territories. */
export type Rep = {
  id: RepId;
  name: string;
  homeUnitId: UnitId | null;
  homeX: number;
  homeY: number;
  seniority: 'junior' | 'mid' | 'senior';
  industries: string[];
  languages: string[];
  /** How the home was found ('none': the rep could not be placed and sits at 0,0); absent means exact. */
  placement?: Placement;
  /** Where the rep sits in the sales organisation, as imported (empty text when not given). */
  org?: RepOrg;
};

/** A rep's manager, team, sales region and office ("Chicago, IL"), as imported. */
export type RepOrg = { manager: string; team: string; region: string; office: string };

/** Counts shown by `tessera info` and the status bar. */
export type DatasetCounts = { units: number; edges: number; accounts: number; reps: number };

/** Unit geometry as stored in a workspace (TopoJSON; unit polygons' ids are unit ids). */
export type DatasetGeometry = {
  format: 'topojson';
  unitsObject: string;
  parentsObject: string | null;
  topology: unknown;
};

/** Everything a workspace's dataset holds: what `tessera demo` and the importers produce. */
export type Dataset = {
  name: string;
  /** Source and licence notes shown in the app and `tessera info`. */
  sources: string[];
  units: UnitsTable;
  edges: UnitEdges;
  geometry: DatasetGeometry | null;
  accounts: AccountsTable;
  reps: Rep[];
};
