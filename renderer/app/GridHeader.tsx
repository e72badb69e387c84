import { formatDeviation } from '../state/kpi-rows';
import { useScenarioStore } from '../state/scenario-store';

/** Title of the grid pane with the balance of the open version. */
export function GridHeader() {
  const kpis = useScenarioStore((s) => s.kpis);
  return (
    <div className="side__header">
      <div className="side__title">
        Territories <span className="side__count">{kpis ? kpis.rows.length : ''}</span>
      </div>
      {kpis ? (
        <div className="chips">
          <span className="chip" title="Largest deviation of a territory's potential from the mean">
            Potential worst {formatDeviation(kpis.potentialBalance.worstDeviation).replace('+', '±')}
          </span>
          <span className="chip" title="Coefficient of variation of potential over territories">CV {(kpis.potentialBalance.cv * 100).toFixed(1)} %</span>
          <span className="chip" title="Largest deviation of a territory's workload from the mean">
            Workload worst {formatDeviation(kpis.workloadBalance.worstDeviation).replace('+', '±')}
          </span>
        </div>
      ) : null}
    </div>
  );
}
