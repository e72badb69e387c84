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
};
