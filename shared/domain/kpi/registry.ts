import type { NumberFormat } from '../export/table';
import { formatCompact, formatHours, formatMoney } from '../format/numbers';
import type { ScenarioMetrics } from '../scenario/compare';

/**
 * The one list of KPIs and measures. The territory grid's columns, the territory KPI exports (CSV, Excel), the
 * report's territory table, the comparison's KPI table and its export all read these lists, so a KPI is added
 * (or renamed, or given another unit) here and nowhere else but where its number is computed.
 */

/** How a value reads: money ("$2.63 B"), a count ("1,234"), hours ("12,345 h"). */
export type MeasureDisplay = 'money' | 'count' | 'hours';

/** A number per territory. `deviation` names the signed deviation from the alignment's mean kept next to it. */
export type TerritoryMeasureDef = {
  key: 'accounts' | 'potential' | 'revenue' | 'workload' | 'units';
  /** What it is called where its value carries the unit ("Workload" → "12,345 h"). */
  name: string;
  /** Column header where space is short (grid, report table), with its unit. */
  label: string;
  /** Column of the CSV export (snake case, unit in the name where it has one). */
  column: string;
  display: MeasureDisplay;
  /** Where the number comes from: a sum over the territory's accounts (accounts: their count), or its unit count. */
  from: 'accounts' | 'units';
  /** Balanced measures: their deviation from the mean of the territory's alignment. */
  deviation?: { key: 'potentialDeviation' | 'workloadDeviation'; label: string; column: string; tooltip: string };
};

/** Territory measures in the order every table shows them. */
export const TERRITORY_MEASURES: readonly TerritoryMeasureDef[] = [
  { key: 'units', name: 'Units', label: 'Units', column: 'units', display: 'count', from: 'units' },
  { key: 'accounts', name: 'Accounts', label: 'Accounts', column: 'accounts', display: 'count', from: 'accounts' },
  {
    key: 'potential', name: 'Potential', label: 'Potential', column: 'potential', display: 'money', from: 'accounts',
    deviation: { key: 'potentialDeviation', label: 'Δ Potential', column: 'potential_deviation_pct', tooltip: 'Deviation of potential from the mean of its alignment (amber beyond ±5 %, red beyond ±10 %)' },
  },
  { key: 'revenue', name: 'Revenue', label: 'Revenue', column: 'revenue', display: 'money', from: 'accounts' },
  {
    key: 'workload', name: 'Workload', label: 'Workload h', column: 'workload_hours', display: 'hours', from: 'accounts',
    deviation: { key: 'workloadDeviation', label: 'Δ Workload', column: 'workload_deviation_pct', tooltip: 'Deviation of workload from the mean of its alignment (amber beyond ±5 %, red beyond ±10 %)' },
  },
];

/** Keys of the measures summed over a territory's accounts (what the KPI computation keeps per territory). */
export type AccountSumKey = 'accounts' | 'potential' | 'revenue' | 'workload';

/** The measures summed over accounts, in registry order; the KPI computation builds its rows and checks from these. */
export const ACCOUNT_SUM_MEASURES = TERRITORY_MEASURES.filter((m) => m.from === 'accounts') as readonly (TerritoryMeasureDef & { key: AccountSumKey })[];

/** A measure's value as read in a table: "$2.63 B", "1,234", "12,345 h" (compact where the column is narrow). */
export function formatMeasure(v: number, display: MeasureDisplay, compact = false): string {
  if (!Number.isFinite(v)) return '–';
  if (display === 'money') return compact ? formatCompact(v) : formatMoney(v);
  if (display === 'hours' && !compact) return formatHours(v);
  return Math.round(v).toLocaleString('en-US');
}

/** Summary cards of a plan's totals ("Potential" → "$2.63 B"): the registry's measures that the totals carry, full units. */
export function totalCards(totals: Partial<Record<TerritoryMeasureDef['key'], number>>): [string, string][] {
  return TERRITORY_MEASURES.flatMap((m) => {
    const v = totals[m.key];
    return v === undefined ? [] : [[m.name, formatMeasure(v, m.display)] as [string, string]];
  });
}

/** Workbook number format of a measure. */
export function measureNumberFormat(display: MeasureDisplay): NumberFormat {
  return display === 'money' ? 'money' : 'integer';
}

/** One KPI of a whole scenario (the comparison's rows). */
export type ScenarioKpiDef = {
  key: string;
  label: string;
  /** Which direction is an improvement, so views can colour deltas. */
  better: 'lower' | 'higher';
  format: 'ratio' | 'index' | 'percent' | 'count' | 'amount' | 'distance';
  get: (m: ScenarioMetrics) => number;
};

/** Scenario KPIs in the order the comparison, its export and the report show them. */
export const SCENARIO_KPIS: readonly ScenarioKpiDef[] = [
  { key: 'potential.worstDeviation', label: 'Potential: worst deviation', better: 'lower', format: 'percent', get: (m) => m.potentialBalance.worstDeviation },
  { key: 'potential.maxMinRatio', label: 'Potential: max/min ratio', better: 'lower', format: 'ratio', get: (m) => m.potentialBalance.maxMinRatio },
  { key: 'potential.cv', label: 'Potential: coefficient of variation', better: 'lower', format: 'index', get: (m) => m.potentialBalance.cv },
  { key: 'potential.gini', label: 'Potential: Gini', better: 'lower', format: 'index', get: (m) => m.potentialBalance.gini },
  { key: 'workload.cv', label: 'Workload: coefficient of variation', better: 'lower', format: 'index', get: (m) => m.workloadBalance.cv },
  { key: 'workload.gini', label: 'Workload: Gini', better: 'lower', format: 'index', get: (m) => m.workloadBalance.gini },
  { key: 'compactness', label: 'Compactness: mean distance from a unit to its territory centre', better: 'lower', format: 'distance', get: (m) => m.compactness },
  { key: 'nonContiguous', label: 'Non-contiguous territories', better: 'lower', format: 'count', get: (m) => m.nonContiguous },
  { key: 'coverage.accounts', label: 'Coverage: accounts with a rep', better: 'higher', format: 'percent', get: (m) => m.coverage.accounts },
  { key: 'coverage.potential', label: 'Coverage: potential with a rep', better: 'higher', format: 'percent', get: (m) => m.coverage.potential },
  { key: 'unassigned', label: 'Unassigned accounts', better: 'lower', format: 'count', get: (m) => m.unassignedAccounts },
  { key: 'disruption.accounts', label: 'Disruption: accounts moved', better: 'lower', format: 'count', get: (m) => m.disruption.accounts },
  { key: 'disruption.potentialShare', label: 'Disruption: potential moved', better: 'lower', format: 'percent', get: (m) => m.disruption.potentialShare },
  { key: 'disruption.revenueShare', label: 'Disruption: revenue moved', better: 'lower', format: 'percent', get: (m) => m.disruption.revenueShare },
];
