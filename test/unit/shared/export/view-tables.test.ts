import { describe, expect, it } from 'vitest';
import { compareKpiTable, repKpiTable } from '../../../../shared/domain/export/view-tables';
import type { DashboardRep } from '../../../../shared/domain/kpi/dashboard';

describe('view tables for .xlsx export', () => {
  it('lays the compare KPI table out as values and deltas per scenario, each cell in its KPI format', () => {
    const t = compareKpiTable({
      scenarios: [{ name: 'Current' }, { name: 'Balanced' }],
      baselineIndex: 0,
      rows: [
        { key: 'potential.worstDeviation', label: 'Potential: worst deviation', better: 'lower', format: 'percent', values: [0.4, 0.1], deltas: [0, -0.3] },
        { key: 'nonContiguous', label: 'Non-contiguous territories', better: 'lower', format: 'count', values: [3, 1], deltas: [0, -2] },
      ],
    });
    expect(t.columns.map((c) => c.header)).toEqual(['KPI', 'Current (baseline)', 'Balanced', 'Balanced Δ vs baseline']);
    expect(t.rows).toEqual([
      ['Potential: worst deviation', { value: 0.4, format: 'percent' }, { value: 0.1, format: 'percent' }, { value: -0.3, format: 'percent' }],
      ['Non-contiguous territories', { value: 3, format: 'integer' }, { value: 1, format: 'integer' }, { value: -2, format: 'integer' }],
    ]);
  });

  it('keeps the rep table numbers as numbers, a missing coverage ratio empty', () => {
    const rep: DashboardRep = { repId: 'R-1', name: 'Ann', territories: ['T1', 'T2'], accounts: 10, potential: 5e6, revenue: 1e6, workload: 900, quota: 1.2e6, expectedAttainment: 0.83, coverageRatio: null, travelPerCycle: 4200, meanDistance: 35.5, maxDistance: 90 };
    expect(repKpiTable([rep]).rows).toEqual([['Ann', 'R-1', 2, 10, 5e6, 1e6, 1.2e6, 0.83, null, 35.5, 4200]]);
  });
});
