import type { KpiTable, ScenarioVersion } from '../../shared/contracts/app-api';
import { computeTerritoryKpis } from '../../shared/domain/kpi/territory-kpis';
import { indexAlignment, resolveAccountTerritories, territoryGroups } from '../../shared/domain/territories/resolve';
import type { Workspace } from './workspace';

/** Territory KPIs of a scenario version, computed with the same pure code the renderer's worker runs. */
export function territoryKpis(ws: Workspace, version: ScenarioVersion): KpiTable {
  const units = ws.units();
  const accounts = ws.accounts();
  const reps = new Map(ws.reps().map((r) => [r.id as string, r.name]));
  const payload = version.payload;
  const idx = indexAlignment(payload, units.ids, accounts);
  const accountTerritory = resolveAccountTerritories(
    Int32Array.from(accounts.unitIndex),
    idx.accountAlignment,
    idx.accountOverride,
    idx.unitTerritory,
  );
  const groups = territoryGroups(payload.territories.length, idx.unitTerritory);
  const kpis = computeTerritoryKpis(payload.territories.length, {
    accountTerritory,
    potential: Float64Array.from(accounts.potential),
    revenue: Float64Array.from(accounts.revenue),
    workload: Float64Array.from(accounts.workload),
  }, groups);
  const unitCounts = new Int32Array(payload.territories.length);
  // A territory's units are counted in its own alignment only (overlay alignments may reuse territories).
  idx.unitTerritory.forEach((arr, a) => {
    for (const t of arr) if (t >= 0 && groups[t] === a) unitCounts[t]!++;
  });
  return {
    ref: { scenarioId: version.scenarioId, version: version.version },
    rows: payload.territories.map((t, i) => {
      const r = kpis.rows[i]!;
      return {
        territoryId: t.id,
        name: t.name,
        color: t.color,
        region: t.region,
        repId: t.repId,
        repName: t.repId ? (reps.get(t.repId) ?? null) : null,
        units: unitCounts[i]!,
        accounts: r.accounts,
        potential: r.potential,
        revenue: r.revenue,
        workload: r.workload,
        potentialDeviation: r.potentialDeviation,
        workloadDeviation: r.workloadDeviation,
      };
    }),
    potentialBalance: kpis.potentialBalance,
    workloadBalance: kpis.workloadBalance,
    unassignedAccounts: kpis.unassigned.accounts,
  };
}
