import type { AccountColumns, IncrementalKpis } from '../../../../shared/domain/editing/incremental-kpis';
import { computeTerritoryKpis, type TerritoryKpis } from '../../../../shared/domain/kpi/territory-kpis';
import { createRng } from '../../../../shared/domain/random';
import { resolveAccountTerritories, territoryGroups } from '../../../../shared/domain/territories/resolve';

/** KPIs the slow way: resolve every account, then sum (what the KPI worker and the service do). */
export function fullKpis(s: IncrementalKpis): TerritoryKpis {
  const accountTerritory = resolveAccountTerritories(s.columns.accountUnit, s.accountAlignment, s.accountOverride, s.unitTerritory);
  return computeTerritoryKpis(s.territoryCount, { ...s.columns, accountTerritory }, territoryGroups(s.territoryCount, s.unitTerritory));
}

/** Random dataset: accounts spread over units, two alignments (the second claims ~10 % of accounts), some overrides. */
export function synthetic(units: number, accounts: number, territories: number, seed = 7) {
  const rnd = createRng(seed);
  const columns: AccountColumns = {
    accountUnit: new Int32Array(accounts),
    potential: new Float64Array(accounts),
    revenue: new Float64Array(accounts),
    workload: new Float64Array(accounts),
  };
  const accountAlignment = new Uint8Array(accounts);
  const accountOverride = new Int32Array(accounts).fill(-1);
  for (let i = 0; i < accounts; i++) {
    columns.accountUnit[i] = rnd() < 0.01 ? -1 : Math.floor(rnd() * units);
    columns.potential[i] = Math.round(rnd() * 1000);
    columns.revenue[i] = Math.round(rnd() * 400);
    columns.workload[i] = Math.round(rnd() * 20);
    accountAlignment[i] = rnd() < 0.1 ? 1 : 0;
    if (rnd() < 0.001) accountOverride[i] = Math.floor(rnd() * territories);
  }
  const unitTerritory = [0, 1].map(() => Int32Array.from({ length: units }, () => (rnd() < 0.02 ? -1 : Math.floor(rnd() * territories))));
  return { columns, input: { territoryCount: territories, unitCount: units, unitTerritory, accountAlignment, accountOverride }, rnd };
}
