import type { IndexDelta } from '../domain/editing/reassign';
import type { TerritoryKpis } from '../domain/kpi/territory-kpis';

/** Columns sent (transferred) to the KPI worker once per dataset. */
export type KpiDatasetColumns = {
  accountUnit: Int32Array;
  potential: Float64Array;
  revenue: Float64Array;
  workload: Float64Array;
};

/** Alignment state sent for each KPI computation (small relative to the dataset). */
export type KpiAlignmentInput = {
  territoryCount: number;
  unitTerritory: Int32Array[];
  accountAlignment: Uint8Array;
  accountOverride: Int32Array;
};

/** Worker API of workers/kpi.worker.ts (Comlink). */
export type KpiWorkerApi = {
  /** Stores the dataset columns in the worker; returns the account count. */
  loadDataset(columns: KpiDatasetColumns): number;
  /** Computes territory KPIs and the account -> territory array (transferred back). */
  compute(input: KpiAlignmentInput): { kpis: TerritoryKpis; accountTerritory: Int32Array; unitsPerTerritory: Int32Array };
  /** Applies an edit to the state of the last compute in O(changed units/accounts); ms is the worker-side time. */
  applyDelta(delta: Exclude<IndexDelta, { kind: 'meta' | 'full' }>): { kpis: TerritoryKpis; unitsPerTerritory: Int32Array; ms: number };
  /** Territory index of one account under the current (edited) state, -1 when unassigned. */
  accountTerritory(account: number): number;
  /** Territory index of every account under the current (edited) state, transferred (the accounts grid reads it; the loop stays off the UI thread). */
  accountTerritories(): Int32Array;
  /** A per-unit sum of account measures (choropleths), transferred. */
  unitMeasure(key: AccountMeasureKey): Float32Array;
  /** A per-account weight for heat maps (white space = potential - revenue, floored at 0), transferred. */
  accountWeights(key: AccountMeasureKey): Float32Array;
};

/** Account measures the map can show per unit or as a heat map. */
export type AccountMeasureKey = 'accounts' | 'potential' | 'revenue' | 'workload' | 'whiteSpace';
