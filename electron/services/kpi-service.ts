import type { KpiTable, ScenarioVersion } from '../../shared/contracts/app-api';
import { scenarioKpis } from '../../shared/domain/kpi/scenario-kpis';
import type { Workspace } from './workspace';

/** Territory KPIs of a scenario version, computed with the same pure code the renderer's worker runs (cached per version). */
export function territoryKpis(ws: Workspace, version: ScenarioVersion): KpiTable {
  return ws.derived.get('territory-kpis', version, () => computeTerritoryKpis(ws, version));
}

function computeTerritoryKpis(ws: Workspace, version: ScenarioVersion): KpiTable {
  const payload = version.payload;
  const { units, accounts, reps: repList } = ws.viewOf(payload);
  const reps = new Map(repList.map((r) => [r.id as string, r.name]));
  const kpis = scenarioKpis(payload, units.ids, accounts);
  const { groups } = kpis.resolved;
  const unitCounts = new Int32Array(payload.territories.length);
  // A territory's units are counted in its own alignment only (overlay alignments may reuse territories).
  kpis.resolved.unitTerritory.forEach((arr, a) => {
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
