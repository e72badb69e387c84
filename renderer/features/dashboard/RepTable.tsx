import type { Dashboard } from '../../../shared/domain/kpi/dashboard';
import { formatDistance } from '../../../shared/domain/kpi/travel';
import { fmtInt, fmtPct, fmtRatio } from './format';
import { formatMoney } from '../../../shared/domain/format/numbers';

/** Per-rep KPIs: book, quota and expected attainment, coverage, and travel from the rep's home base. */
export function RepTable({ d }: { d: Dashboard }) {
  const reps = d.reps;
  const dist = (v: number): string => formatDistance(v, d.settings.travel.distanceUnit, d.distanceMetric);
  return (
    <table className="scn-table dash-table" data-testid="rep-table">
      <thead>
        <tr><th>Rep</th><th>Terr.</th><th>Accounts</th><th>Potential</th><th>Revenue</th><th>Quota</th><th>Exp. attain.</th><th>Coverage</th><th title="Mean straight-line distance from the rep's home base to an account">Mean distance home → account</th><th>Travel / visit cycle</th></tr>
      </thead>
      <tbody>
        {reps.map((r) => (
          <tr key={r.repId}>
            <td>{r.name}</td><td>{r.territories.length}</td><td>{fmtInt(r.accounts)}</td><td>{formatMoney(r.potential)}</td><td>{formatMoney(r.revenue)}</td>
            <td>{formatMoney(r.quota)}</td><td className={r.expectedAttainment < 0.9 ? 'delta--bad' : ''}>{fmtPct(r.expectedAttainment)}</td>
            <td className={r.coverageRatio !== null && r.coverageRatio < 1 ? 'delta--bad' : ''}>{fmtRatio(r.coverageRatio)}</td>
            <td>{dist(r.meanDistance)}</td><td>{dist(r.travelPerCycle)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
