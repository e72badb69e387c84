import { Fragment, useMemo } from 'react';
import { areaRollups, regionRollups, type RegionRollup } from '../../../shared/domain/editing/hierarchy';
import { formatCompact } from '../../../shared/domain/format/numbers';
import { formatInt } from '../../state/kpi-rows';
import { useScenarioStore } from '../../state/scenario-store';
import { setRegionFilter } from './grids-actions';
import { useGridsStore } from './grids-store';
import './grids.css';

/** The roll-up numbers of one region or area row. */
function Sums({ r }: { r: RegionRollup }) {
  return (
    <>
      <td>{r.territories}</td>
      <td>{formatInt(r.units)}</td>
      <td>{formatInt(r.accounts)}</td>
      <td>{formatCompact(r.potential)}</td>
      <td>{formatCompact(r.revenue)}</td>
      <td>{formatInt(r.workload)}</td>
    </>
  );
}

/** Regions > (areas >) territories: roll-up KPIs per region (they follow every edit) and the region filter of the grid. */
export function RegionRollups() {
  const rows = useScenarioStore((s) => s.kpis?.rows);
  const region = useGridsStore((s) => s.region);
  const area = useGridsStore((s) => s.area);
  const regions = useMemo(() => (rows ? regionRollups(rows) : []), [rows]);
  const areas = useMemo(() => (rows ? areaRollups(rows) : []), [rows]);
  if (regions.length < 2) return null;
  return (
    <div className="region-rollups" data-testid="region-rollups">
      <table>
        <thead>
          <tr><th>Region</th><th>Terr.</th><th>Units</th><th>Accounts</th><th>Potential</th><th>Revenue</th><th>Workload</th></tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <Fragment key={r.region}>
              <tr aria-selected={region === r.region && area === null} data-region={r.region} onClick={() => setRegionFilter(region === r.region && area === null ? null : r.region)} title="Click to show only this region's territories">
                <td>{r.region || '(none)'}</td>
                <Sums r={r} />
              </tr>
              {areas.filter((a) => a.region === r.region).map((a) => (
                <tr key={a.area} className="region-rollups__area" aria-selected={region === a.region && area === a.area} data-area={a.area} onClick={() => setRegionFilter(region === a.region && area === a.area ? null : a.region, area === a.area ? null : a.area)} title="Click to show only this area's territories">
                  <td>↳ {a.area}</td>
                  <Sums r={a} />
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
      {region !== null ? <button data-testid="clear-region" onClick={() => setRegionFilter(null)}>Show all regions</button> : null}
    </div>
  );
}
