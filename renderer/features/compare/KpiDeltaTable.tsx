import type { CompareResult } from '../../../shared/contracts/app-api';
import type { KpiDeltaRow } from '../../../shared/domain/scenario/kpi-table';

/** Formats a KPI value by its kind. */
export function formatKpi(v: number, format: KpiDeltaRow['format']): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (format === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (format === 'count' || format === 'amount') return Math.round(v).toLocaleString('en-US');
  if (format === 'distance') return `${v.toFixed(1)} km`;
  return v.toFixed(3);
}

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
                {formatKpi(v, r.format)}
                {i === result.baselineIndex ? null : (
                  <span className={`delta ${deltaClass(r, r.deltas[i]!)}`} data-testid="kpi-delta">
                    {' '}({r.deltas[i]! >= 0 ? '+' : ''}{formatKpi(r.deltas[i]!, r.format)})
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
