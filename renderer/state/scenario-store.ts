import { create } from 'zustand';
import type { ScenarioSummary, ScenarioVersion } from '../../shared/contracts/app-api';
import type { BalanceIndices } from '../../shared/domain/kpi/indices';
import type { KpiGridRow } from './kpi-rows';

/** Territory assignment of the shown alignment, as the map needs it. */
export type MapAlignment = {
  /** Key of the alignment coloured on the map (the default one). */
  key: string;
  label: string;
  /** unit index -> territory index, -1 unassigned. */
  unitTerritory: Int32Array;
  /** Bumped on every change so deck.gl updateTriggers see it. */
  revision: number;
};

/** KPIs computed by the KPI worker for the current version. */
export type KpiState = {
  rows: KpiGridRow[];
  potentialBalance: BalanceIndices;
  workloadBalance: BalanceIndices;
  unassignedAccounts: number;
  computeMs: number;
};

/** Scenario list, the open version, and its derived alignment and KPIs. */
export type ScenarioState = {
  list: ScenarioSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  current: ScenarioVersion | null;
  alignment: MapAlignment | null;
  kpis: KpiState | null;
  /** account index -> territory index (-1 unassigned), as resolved by the KPI worker. */
  accountTerritory: Int32Array | null;
};

export const initialScenarioState: ScenarioState = { list: [], status: 'idle', current: null, alignment: null, kpis: null, accountTerritory: null };

/** Scenario store; written only by scenario-actions.ts. */
export const useScenarioStore = create<ScenarioState>()(() => initialScenarioState);
