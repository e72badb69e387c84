import type { DatasetCounts } from '../../domain/dataset/types';
import type { ScenarioId } from '../../domain/ids';
import type { BalanceIndices } from '../../domain/kpi/indices';
import type { ScenarioPayload } from '../../domain/territories/types';

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
  /**
   * What opening found: whether the content matched the digest recorded when it was last closed
   * ('absent': never closed cleanly or written by an older Tessera), and the damaged parts left out
   * or flagged (a file with damage opens read-only only).
   */
  integrity?: { digest: 'verified' | 'absent' | 'mismatch'; damage: string[] };
  /** Set when the workspace is a share file opened as a client view: who signed it and when it was made. */
  share?: { signature: ShareSignature; createdBy: string | null; createdAt: string | null };
  /** Name of the workspace 'workspace.back' returns to (set while a client share file is open over it). */
  returnTo?: string;
};

/**
 * Who signed a share file. 'signed': the signature is valid for the file's content; trusted when the key
 * is one of the user's own or one they trusted (trustedName is the name they know it by). A signature
 * that does not match is never a status: such a file is refused.
 */
export type ShareSignature =
  | { status: 'signed'; signer: string; fingerprint: string; trusted: boolean; trustedName: string | null }
  | { status: 'unsigned' };


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
export type WorkspaceErrorCode = 'not-found' | 'not-tessera' | 'corrupt' | 'newer-schema' | 'io' | 'exists' | 'locked' | 'invalid';


