// What a balancing run reports to the user, measured on the payload it saves with the same KPI code as the grid,
// compare, dashboard, report and `tessera kpis` (named accounts included, mean over the balanced alignment).
import { deviation } from '../kpi/indices';
import { scenarioKpis, type KpiAccounts } from '../kpi/scenario-kpis';
import { indicesByGroup } from '../kpi/territory-kpis';
import type { UnitId } from '../ids';
import { territoryCompactness } from '../scenario/shape-metrics';
import type { BalanceApplied } from './apply-result';
import { ACCOUNT_MEASURES, type PreparedBalance } from './from-dataset';
import type { BalanceResult } from './types';
import { distanceMetric } from '../geo/distance-metric';

/** One territory of a run as the saved scenario will show it. */
export type RunTerritoryKpi = {
  id: string;
  name: string;
  /** Keeps an old territory's identity (name, rep, region). */
  kept: boolean;
  units: number;
  /** Value per balanced measure. */
  measures: Record<string, number>;
  /** Signed deviation from the alignment's mean per balanced measure. */
  deviations: Record<string, number>;
  /** Mean distance of the territory's units to its centre (km for lon/lat). */
  meanDistance: number;
};

/** A run's balance figures on the saved payload. */
export type RunKpis = {
  territories: RunTerritoryKpi[];
  /** Largest |deviation| over territories and balanced measures. */
  worstDeviation: number;
  worstByMeasure: Record<string, number>;
  /** Mean over territories of the mean unit distance to the territory centre (km for lon/lat; compare's compactness). */
  compactness: number;
};

/** The dataset columns run KPIs need. */
export type RunKpiDataset = { units: { ids: readonly string[]; x: readonly number[]; y: readonly number[]; kind: string }; accounts: KpiAccounts };

/** Measures a run balanced, on the applied payload: account measures by the shared KPI code, unit measures as the engine summed them. */
export function runKpis(data: RunKpiDataset, applied: BalanceApplied, prepared: Pick<PreparedBalance, 'alignmentIndex' | 'input'>, result: Pick<BalanceResult, 'assignment'>): RunKpis {
  const p = applied.payload;
  const kpis = scenarioKpis(p, data.units.ids as readonly UnitId[], data.accounts);
  const { groups } = kpis.resolved;
  const index = new Map(p.territories.map((t, i) => [t.id as string, i]));
  const names = prepared.input.targets.map((tg) => prepared.input.measures[tg.measure]!.name);
  const k = applied.territories.length;
  const engineLoad = (m: string, t: number): number => {
    const col = prepared.input.measures.find((c) => c.name === m)!.values;
    let s = 0;
    for (let u = 0; u < result.assignment.length; u++) if (result.assignment[u] === t) s += col[u]!;
    return s;
  };
  const column = (m: string): Float64Array => {
    if ((ACCOUNT_MEASURES as readonly string[]).includes(m)) {
      return Float64Array.from(kpis.rows, (r) => r[m as (typeof ACCOUNT_MEASURES)[number]]);
    }
    const out = new Float64Array(p.territories.length);
    applied.territories.forEach((t, e) => { out[index.get(t.id)!] = engineLoad(m, e); });
    return out;
  };
  const values = names.map(column);
  const means = values.map((v) => indicesByGroup(v, groups).map((g) => g.mean));
  const compact = territoryCompactness(result.assignment, k, data.units.x, data.units.y, distanceMetric(data.units));
  const units = new Int32Array(k);
  for (const t of result.assignment) if (t >= 0 && t < k) units[t]!++;
  const worstByMeasure: Record<string, number> = Object.fromEntries(names.map((m) => [m, 0]));
  const territories = applied.territories.map((t, e): RunTerritoryKpi => {
    const i = index.get(t.id)!;
    const measures: Record<string, number> = {};
    const deviations: Record<string, number> = {};
    names.forEach((m, j) => {
      measures[m] = values[j]![i]!;
      deviations[m] = deviation(values[j]![i]!, means[j]![groups[i]!]!);
      worstByMeasure[m] = Math.max(worstByMeasure[m]!, Math.abs(deviations[m]));
    });
    return { id: t.id, name: t.name, kept: t.kept, units: units[e]!, measures, deviations, meanDistance: compact[e]!.meanDistance };
  });
  const worstDeviation = Math.max(0, ...Object.values(worstByMeasure));
  const compactness = k ? compact.reduce((s, c) => s + c.meanDistance, 0) / k : 0;
  return { territories, worstDeviation, worstByMeasure, compactness };
}
