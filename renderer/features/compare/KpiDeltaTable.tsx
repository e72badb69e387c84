import type { CompareResult } from '../../../shared/contracts/app-api';
import { formatKpiValue, type KpiDeltaRow } from '../../../shared/domain/scenario/kpi-table';

function deltaClass(row: KpiDeltaRow, d: number): string {
  if (d === 0 || !Number.isFinite(d)) return '';
  return (d < 0) === (row.better === 'lower') ? 'delta--good' : 'delta--bad';
}

/** KPI table: one column per scenario with its delta vs the baseline, coloured by whether it is better. */
export function KpiDeltaTable({ result }: { result: CompareResult }) {
  return (
    <table className="cmp-table" data-testid="kpi-delta-table">
      <thead>
        <tr><th>KPI</th>{result.scenarios.map((s, i) => <th key={i}>{s.name}{i === result.baselineIndex ? ' (baseline)' : ''}</th>)}</tr>
      </thead>
      <tbody>
        {result.rows.map((r) => (
          <tr key={r.key} data-kpi={r.key}>
            <td>{r.label}</td>
            {r.values.map((v, i) => (
              <td key={i}>
                {formatKpiValue(v, r.format, result.distanceUnit, result.metric)}
                {i === result.baselineIndex ? null : (
                  <span className={`delta ${deltaClass(r, r.deltas[i]!)}`} data-testid="kpi-delta">
                    {' '}({r.deltas[i]! >= 0 ? '+' : ''}{formatKpiValue(r.deltas[i]!, r.format, result.distanceUnit, result.metric)})
                  </span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
