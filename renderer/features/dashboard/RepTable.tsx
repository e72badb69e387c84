import type { DashboardRep } from '../../../shared/domain/kpi/dashboard';
import { fmtInt, fmtPct, fmtRatio } from './format';

/** Per-rep KPIs: book, quota and expected attainment, coverage, and travel from the rep's home base. */
export function RepTable({ reps }: { reps: DashboardRep[] }) {
  return (
    <table className="scn-table dash-table" data-testid="rep-table">
      <thead>
        <tr><th>Rep</th><th>Terr.</th><th>Accounts</th><th>Potential</th><th>Revenue</th><th>Quota</th><th>Exp. attain.</th><th>Coverage</th><th>Mean km</th><th>Travel km / cycle</th></tr>
      </thead>
      <tbody>
        {reps.map((r) => (
          <tr key={r.repId}>
            <td>{r.name}</td><td>{r.territories.length}</td><td>{fmtInt(r.accounts)}</td><td>{fmtInt(r.potential)}</td><td>{fmtInt(r.revenue)}</td>
            <td>{fmtInt(r.quota)}</td><td className={r.expectedAttainment < 0.9 ? 'delta--bad' : ''}>{fmtPct(r.expectedAttainment)}</td>
            <td className={r.coverageRatio !== null && r.coverageRatio < 1 ? 'delta--bad' : ''}>{fmtRatio(r.coverageRatio)}</td>
            <td>{fmtInt(r.meanDistance)}</td><td>{fmtInt(r.travelPerCycle)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
