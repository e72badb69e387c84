import type { TerritoryKpi } from '../../shared/contracts/app-api';
import type { Rep } from '../../shared/domain/dataset/types';
import type { TerritoryKpis } from '../../shared/domain/kpi/territory-kpis';
import type { Territory } from '../../shared/domain/territories/types';

/** A territory grid row: the KPIs plus the optional middle level of the hierarchy ("" when none). */
export type KpiGridRow = TerritoryKpi & { index: number; area: string };

/** Joins territory metadata with the worker's KPIs (one entry per territory, ~60: cheap on the UI thread). */
export function buildKpiRows(
  territories: readonly Territory[],
  kpis: TerritoryKpis,
  unitsPerTerritory: Int32Array,
  reps: readonly Rep[],
): KpiGridRow[] {
  const repName = new Map(reps.map((r) => [r.id as string, r.name]));
  return territories.map((t, i) => {
    const k = kpis.rows[i];
    return {
      territoryId: t.id,
      index: i,
      name: t.name,
      color: t.color,
      region: t.region,
      area: t.area ?? '',
      repId: t.repId,
      repName: t.repId ? repName.get(t.repId) ?? null : null,
      units: unitsPerTerritory[i] ?? 0,
      accounts: k?.accounts ?? 0,
      potential: k?.potential ?? 0,
      revenue: k?.revenue ?? 0,
      workload: k?.workload ?? 0,
      potentialDeviation: k?.potentialDeviation ?? 0,
      workloadDeviation: k?.workloadDeviation ?? 0,
    };
  });
}

/** Severity of a deviation from the mean: within ±5 % ok, within ±10 % warn, beyond that bad. */
export function deviationLevel(d: number): 'ok' | 'warn' | 'bad' {
  const a = Math.abs(d);
  if (a <= 0.05) return 'ok';
  if (a <= 0.1) return 'warn';
  return 'bad';
}

/** "+4.2 %" style deviation label. */
export function formatDeviation(d: number): string {
  if (!Number.isFinite(d)) return '–';
  const pct = d * 100;
  const sign = pct > 0.05 ? '+' : pct < -0.05 ? '−' : '±';
  return `${sign}${Math.abs(pct).toFixed(1)} %`;
}

/** Integer with thousands separators. */
export function formatInt(v: number): string {
  return Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–';
}
