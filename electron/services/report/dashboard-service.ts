import type { ScenarioVersion } from '../../../shared/contracts/app-api';
import { computeDashboard, DEFAULT_DASHBOARD_SETTINGS, type Dashboard, type DashboardSettings } from '../../../shared/domain/kpi/dashboard';
import { resolveScenario } from '../../../shared/domain/kpi/scenario-kpis';
import { readLeadUnits } from '../../db/dataset-repo';
import { mergedTerritory } from '../../../shared/domain/geo/mixed-geography';
import type { Workspace } from '../workspace';
import { distanceMetric } from '../../../shared/domain/geo/distance-metric';

/** Dashboard settings of a payload (settings.dashboard) over the defaults. */
export function dashboardSettings(payload: ScenarioVersion['payload']): DashboardSettings {
  const raw = (payload.settings.dashboard ?? {}) as Partial<DashboardSettings>;
  return { ...DEFAULT_DASHBOARD_SETTINGS, ...raw, quotas: { ...DEFAULT_DASHBOARD_SETTINGS.quotas, ...(raw.quotas ?? {}) }, travel: { ...DEFAULT_DASHBOARD_SETTINGS.travel, ...(raw.travel ?? {}) } };
}

/** The dashboard of a scenario version, computed on the Node side (one pass over accounts) and cached per version. */
export function scenarioDashboard(ws: Workspace, version: ScenarioVersion): Dashboard {
  return ws.derived.get('dashboard', version, () => computeScenarioDashboard(ws, version));
}

function computeScenarioDashboard(ws: Workspace, version: ScenarioVersion): Dashboard {
  const payload = version.payload;
  const { units, accounts, reps } = ws.viewOf(payload);
  const { accountTerritory, unitTerritory, groups } = resolveScenario(payload, units.ids, accounts);
  const leads = readLeadUnits(ws.db);
  const defaultAlignment = unitTerritory[0]!;
  // Leads are stored on the workspace's own units; in a scenario that split a lead's county, the lead counts for the
  // territory holding most of that county's ZIP areas (its ZIP area is not stored with it).
  const stored = ws.units().ids;
  const viewIndex = new Map(units.ids.map((id, i) => [id as string, i]));
  const splitTerritory = new Map<string, number>();
  const assignment = payload.alignments[0]?.assignment ?? {};
  const territoryIndex = new Map(payload.territories.map((t, i) => [t.id as string, i]));
  for (const county of payload.splitUnits ?? []) {
    const t = mergedTerritory(assignment, ws.splitOptions().children(county));
    splitTerritory.set(county, t === null ? -1 : (territoryIndex.get(t) ?? -1));
  }
  const leadTerritory = (u: number): number => {
    if (u < 0) return -1;
    const id = stored[u]!;
    const v = viewIndex.get(id);
    return v !== undefined ? defaultAlignment[v]! : (splitTerritory.get(id) ?? -1);
  };
  return computeDashboard(
    {
      territories: payload.territories,
      reps,
      accountTerritory,
      x: Float64Array.from(accounts.x, (v, i) => (accounts.placement[i] === 'none' ? NaN : v)),
      y: Float64Array.from(accounts.y, (v, i) => (accounts.placement[i] === 'none' ? NaN : v)),
      potential: Float64Array.from(accounts.potential),
      revenue: Float64Array.from(accounts.revenue),
      workload: Float64Array.from(accounts.workload),
      groupOf: groups,
      metric: distanceMetric(units),
      leads: leads ? { territory: Int32Array.from(leads.unit, leadTerritory), status: leads.status } : undefined,
    },
    dashboardSettings(payload),
  );
}
