import type { AccountId, UnitId } from '../ids';
import { indexAlignment, resolveAccountTerritories, territoryGroups } from '../territories/resolve';
import type { ScenarioPayload } from '../territories/types';
import { computeTerritoryKpis, type TerritoryKpis } from './territory-kpis';

/** Account columns a scenario's KPIs need. */
export type KpiAccounts = {
  ids: readonly AccountId[];
  segment: readonly string[];
  unitIndex: ArrayLike<number>;
  potential: ArrayLike<number>;
  revenue: ArrayLike<number>;
  workload: ArrayLike<number>;
};

/** A payload resolved over a dataset: each account's territory, each alignment's unit map, each territory's alignment. */
export type ResolvedScenario = { accountTerritory: Int32Array; unitTerritory: Int32Array[]; groups: Int32Array };

/** Resolves a payload over unit ids and accounts (the one place accounts are mapped to territories for KPIs). */
export function resolveScenario(payload: ScenarioPayload, unitIds: readonly UnitId[], accounts: Pick<KpiAccounts, 'ids' | 'segment' | 'unitIndex'>): ResolvedScenario {
  const idx = indexAlignment(payload, unitIds, accounts);
  const accountTerritory = resolveAccountTerritories(Int32Array.from(accounts.unitIndex), idx.accountAlignment, idx.accountOverride, idx.unitTerritory);
  return { accountTerritory, unitTerritory: idx.unitTerritory, groups: territoryGroups(payload.territories.length, idx.unitTerritory) };
}

/**
 * Territory KPIs of a payload (index = payload.territories order): the numbers the grid, `tessera kpis`, compare,
 * the dashboard, the report and a balancing run's report all show.
 */
export function scenarioKpis(payload: ScenarioPayload, unitIds: readonly UnitId[], accounts: KpiAccounts, resolved = resolveScenario(payload, unitIds, accounts)): TerritoryKpis & { resolved: ResolvedScenario } {
  const kpis = computeTerritoryKpis(payload.territories.length, {
    accountTerritory: resolved.accountTerritory,
    potential: Float64Array.from(accounts.potential),
    revenue: Float64Array.from(accounts.revenue),
    workload: Float64Array.from(accounts.workload),
  }, resolved.groups);
  return { ...kpis, resolved };
}
