import type { DashboardRep } from '../kpi/dashboard';
import type { KpiDeltaRow } from '../scenario/kpi-table';
import type { ExportTable, NumberFormat } from './table';

const KPI_FORMAT: Record<KpiDeltaRow['format'], NumberFormat> = { ratio: 'ratio', index: 'ratio', percent: 'percent', count: 'integer', amount: 'integer', distance: 'distance' };

/** The compare view's KPI table: a value column per scenario and a delta column per non-baseline scenario, each cell in its KPI's format. */
export function compareKpiTable(c: { scenarios: readonly { name: string }[]; baselineIndex: number; rows: readonly KpiDeltaRow[] }): ExportTable {
  const columns: ExportTable['columns'] = [{ header: 'KPI' }];
  c.scenarios.forEach((s, i) => {
    columns.push({ header: i === c.baselineIndex ? `${s.name} (baseline)` : s.name });
    if (i !== c.baselineIndex) columns.push({ header: `${s.name} Δ vs baseline` });
  });
  const rows = c.rows.map((r) => {
    const format = KPI_FORMAT[r.format];
    const cells: ExportTable['rows'][number] = [r.label];
    r.values.forEach((v, i) => {
      cells.push({ value: v, format });
      if (i !== c.baselineIndex) cells.push({ value: r.deltas[i]!, format });
    });
    return cells;
  });
  return { name: 'KPI comparison', columns, rows };
}

/** The dashboard's per-rep table with typed cells (the same columns the view shows). */
export function repKpiTable(reps: readonly DashboardRep[]): ExportTable {
  return {
    name: 'Reps',
    columns: [
      { header: 'Rep' }, { header: 'Rep id' }, { header: 'Territories', format: 'integer' }, { header: 'Accounts', format: 'integer' },
      { header: 'Potential', format: 'money' }, { header: 'Revenue', format: 'money' }, { header: 'Quota', format: 'money' },
      { header: 'Expected attainment', format: 'percent' }, { header: 'Coverage ratio', format: 'decimal' },
      { header: 'Mean km', format: 'integer' }, { header: 'Travel km / cycle', format: 'integer' },
    ],
    rows: reps.map((r) => [r.name, r.repId, r.territories.length, r.accounts, r.potential, r.revenue, r.quota, r.expectedAttainment, r.coverageRatio, r.meanDistance, r.travelPerCycle]),
  };
}
