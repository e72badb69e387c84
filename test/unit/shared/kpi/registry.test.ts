import { describe, expect, it } from 'vitest';
import { territoryKpiTable } from '../../../../shared/domain/export/table';
import { compareKpiTable } from '../../../../shared/domain/export/view-tables';
import { formatMeasure, SCENARIO_KPIS, TERRITORY_MEASURES, totalCards } from '../../../../shared/domain/kpi/registry';

// Every table that lists KPIs reads the registry: the lists below must equal the registry's, in its order.
describe('KPI registry', () => {
  it('is what the territory KPI export lists, measures then their deviations', () => {
    const t = territoryKpiTable([{ territoryId: 'T1', name: 'West', color: '#000', region: 'W', repId: null, repName: null, units: 2, accounts: 3, potential: 1.5e6, revenue: 2e5, workload: 400, potentialDeviation: 0.1234, workloadDeviation: -0.05 }]);
    const measureColumns = t.columns.slice(5).map((c) => c.header);
    expect(measureColumns).toEqual([...TERRITORY_MEASURES.map((m) => m.column), ...TERRITORY_MEASURES.flatMap((m) => (m.deviation ? [m.deviation.column] : []))]);
    expect(t.rows[0]!.slice(5)).toEqual([2, 3, 1.5e6, 2e5, 400, 12.34, -5]);
  });

  it('is what the comparison lists, and its export', () => {
    const rows = SCENARIO_KPIS.map((k) => ({ key: k.key, label: k.label, better: k.better, format: k.format, values: [1, 2], deltas: [0, 1] }));
    const table = compareKpiTable({ scenarios: [{ name: 'A' }, { name: 'B' }], baselineIndex: 0, rows });
    expect(table.rows.map((r) => r[0])).toEqual(SCENARIO_KPIS.map((k) => k.label));
    expect(new Set(SCENARIO_KPIS.map((k) => k.key)).size).toBe(SCENARIO_KPIS.length);
  });

  it('formats each measure in its unit, and the totals cards name them', () => {
    expect(formatMeasure(2_628_674_200, 'money')).toBe('$2.63 B');
    expect(formatMeasure(2_628_674_200, 'money', true)).toBe('2.63 B');
    expect(formatMeasure(12_345.4, 'hours')).toBe('12,345 h');
    expect(formatMeasure(1234, 'count')).toBe('1,234');
    expect(totalCards({ accounts: 50_000, potential: 2.6e9, revenue: 5.1e8, workload: 115_000 })).toEqual([
      ['Accounts', '50,000'], ['Potential', '$2.60 B'], ['Revenue', '$510.0 M'], ['Workload', '115,000 h'],
    ]);
  });
});
