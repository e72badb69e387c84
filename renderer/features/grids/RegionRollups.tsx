import { useMemo } from 'react';
import { regionRollups } from '../../../shared/domain/editing/hierarchy';
import { formatCompact, formatInt } from '../../grid/kpi-rows';
import { useScenarioStore } from '../../state/scenario-store';
import { setRegionFilter } from './grids-actions';
import { useGridsStore } from './grids-store';
import './grids.css';

/** Regions > territories: roll-up KPIs per region (they follow every edit) and the region filter of the grid. */
export function RegionRollups() {
  const rows = useScenarioStore((s) => s.kpis?.rows);
  const region = useGridsStore((s) => s.region);
  const regions = useMemo(() => (rows ? regionRollups(rows) : []), [rows]);
  if (regions.length < 2) return null;
  return (
    <div className="region-rollups" data-testid="region-rollups">
      <table>
        <thead>
          <tr><th>Region</th><th>Terr.</th><th>Units</th><th>Accounts</th><th>Potential</th><th>Revenue</th><th>Workload</th></tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr key={r.region} aria-selected={region === r.region} data-region={r.region} onClick={() => setRegionFilter(region === r.region ? null : r.region)} title="Click to show only this region's territories">
              <td>{r.region || '(none)'}</td>
              <td>{r.territories}</td>
              <td>{formatInt(r.units)}</td>
              <td>{formatInt(r.accounts)}</td>
              <td>{formatCompact(r.potential)}</td>
              <td>{formatCompact(r.revenue)}</td>
              <td>{formatInt(r.workload)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {region !== null ? <button data-testid="clear-region" onClick={() => setRegionFilter(null)}>Show all regions</button> : null}
    </div>
  );
}
