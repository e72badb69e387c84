import { csvCell } from '../export/csv';
import type { DistanceMetric } from '../geo/distance';
import { formatDistance, type DistanceUnit } from '../kpi/travel';
import type { Comparison } from './compare';
import { accountFrom, territoryFrom, unitFrom, type Labels } from '../labels';
import { SCENARIO_KPIS, type ScenarioKpiDef } from '../kpi/registry';

/** One row of the comparison KPI table: a value per scenario and its delta vs the baseline. */
export type KpiDeltaRow = {
  key: string;
  label: string;
  better: ScenarioKpiDef['better'];
  format: ScenarioKpiDef['format'];
  values: number[];
  /** value - baseline value (0 for the baseline itself). */
  deltas: number[];
};

/** The comparison's KPI table: one row per KPI of the registry (SCENARIO_KPIS), a column per scenario, deltas vs the baseline. */
export function kpiDeltaRows(c: Comparison): KpiDeltaRow[] {
  const base = c.scenarios[c.baselineIndex]!.metrics;
  return SCENARIO_KPIS.map((k) => {
    const values = c.scenarios.map((s) => k.get(s.metrics));
    const b = k.get(base);
    // Infinity - Infinity is NaN: an unchanged infinite ratio is no change.
    const deltas = values.map((v) => (v === b ? 0 : v - b));
    return { key: k.key, label: k.label, better: k.better, format: k.format, values, deltas };
  });
}

/** A KPI value as text by its format: "12.3%", "1,234", "0.123", distances with their unit ("186 km"). */
export function formatKpiValue(v: number, format: KpiDeltaRow['format'], unit: DistanceUnit = 'km', metric: DistanceMetric = 'geographic'): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (format === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (format === 'count' || format === 'amount') return Math.round(v).toLocaleString('en-US');
  if (format === 'distance') return formatDistance(v, unit, metric);
  return v.toFixed(3);
}

/** CSV of moved units and accounts (from -> to) of every scenario vs the baseline; ids for a CRM, names next to them when labels are given. */
export function movedCsv(c: Comparison, labels?: Labels): string {
  const named = labels !== undefined;
  const lines = [named ? 'scenario,kind,id,name,alignment,from,from_name,to,to_name,potential,revenue,via_override' : 'scenario,kind,id,alignment,from,to,potential,revenue,via_override'];
  const row = (s: string, kind: string, id: string, name: () => string, alignment: string | null, i: number, from: string | null, to: string | null, rest: (string | number | null)[]): string => {
    const cells = named
      ? [s, kind, id, name(), alignment, from, territoryFrom(labels, c.baselineIndex, from), to, territoryFrom(labels, i, to), ...rest]
      : [s, kind, id, alignment, from, to, ...rest];
    return cells.map(csvCell).join(',');
  };
  for (const [i, s] of c.scenarios.entries()) {
    if (i === c.baselineIndex) continue;
    for (const u of s.diff.units) lines.push(row(s.name, 'unit', u.unitId, () => unitFrom(labels!, u.unitId), u.alignment, i, u.from, u.to, [null, null, null]));
    for (const a of s.diff.accounts) {
      lines.push(row(s.name, 'account', a.accountId, () => accountFrom(labels!, a.accountId), null, i, a.from, a.to, [a.potential, a.revenue, a.viaOverride ? 'yes' : 'no']));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
