import './dashboard.css';
import { useEffect, useMemo, useState } from 'react';
import type { Dashboard } from '../../../shared/domain/kpi/dashboard';
import { repKpiTable } from '../../../shared/domain/export/view-tables';
import { useScenarioStore } from '../../state/scenario-store';
import { downloadXlsx } from '../export/xlsx-download';
import { ChartOrderPicker, TerritoryBarChart } from '../charts/TerritoryBarChart';
import { bandAround, orderedNames, type BarChartSpec, type ChartBar } from '../../../shared/charts/bar-charts';
import { LongCallBar } from '../../app/LongCallBar';
import { cancelDashboard, loadDashboard } from './dashboard-actions';
import { useDashboardStore } from './dashboard-store';
import { fmtInt, fmtPct, fmtRatio } from './format';
import { RepTable } from './RepTable';
import { travelNote } from '../../../shared/domain/kpi/travel';
import { totalCards } from '../../../shared/domain/kpi/registry';
import { formatMoney } from '../../../shared/domain/format/numbers';

function Cards({ d }: { d: Dashboard }) {
  const cards: [string, string][] = [
    ...totalCards(d.totals),
    ['Quota', formatMoney(d.totals.quota)],
    ['Expected attainment', fmtPct(d.totals.quota > 0 ? d.totals.revenue / d.totals.quota : null)],
    ['Coverage ratio', fmtRatio(d.coverage.ratio)],
    ['Staffed potential', fmtPct(d.coverage.staffedPotentialShare)],
    ['Potential worst dev. / CV / Gini', `${fmtPct(d.balance.potential.worstDeviation)} / ${fmtRatio(d.balance.potential.cv)} / ${fmtRatio(d.balance.potential.gini)}`],
    ['Workload worst dev.', fmtPct(d.balance.workload.worstDeviation)],
    ['Close rate', fmtPct(d.closeRate)],
    ['Lead response time', d.responseTimeHours === null ? '—' : `${d.responseTimeHours.toFixed(1)} h`],
  ];
  return <div className="dash-cards">{cards.map(([k, v]) => <div key={k} className="dash-card" data-testid={`card-${k}`}><div className="dash-card__k">{k}</div><div className="dash-card__v">{v}</div></div>)}</div>;
}

/**
 * The dashboard's charts: potential and workload with the target band, side by side in one order (names on the
 * first), and quota. They compare the default alignment's territories; overlay territories (e.g. Enterprise) are
 * on another scale.
 */
function dashboardCharts(d: Dashboard, order: 'value' | 'name'): { potential: BarChartSpec; workload: BarChartSpec; quota: BarChartSpec } {
  const main = d.territories.filter((t) => t.group === 0);
  const bars = (k: 'potential' | 'workload' | 'quota'): ChartBar[] => main.map((t) => ({ name: t.name, value: t[k], color: t.color }));
  const potential = bars('potential');
  const names = orderedNames(potential, order);
  const band = (b: ChartBar[]) => bandAround(b.map((x) => x.value), d.settings.band);
  return {
    potential: { axis: 'Potential (USD)', display: 'money', bars: potential, band: band(potential), order: names, width: 540 },
    workload: { axis: 'Workload (hours)', display: 'hours', bars: bars('workload'), band: band(bars('workload')), order: names, width: 400, names: false },
    quota: { axis: 'Quota (USD)', display: 'money', bars: bars('quota'), order: names, width: 400, names: false },
  };
}

/** KPI dashboard of the open scenario: summary cards, balance charts with the target band, per-rep table. */
export function DashboardView() {
  const current = useScenarioStore((s) => s.current);
  const { status, view, message, progress } = useDashboardStore();
  useEffect(() => {
    if (current) void loadDashboard();
  }, [current?.scenarioId, current?.version]);
  const d = view?.dashboard;
  const [order, setOrder] = useState<'value' | 'name'>('value');
  const charts = useMemo(() => (d ? dashboardCharts(d, order) : null), [d, order]);
  return (
    <main className="dash" data-testid="dashboard-view" data-dashboard-state={status}>
      <div className="scn-row dash-head">
        <h3>Dashboard · {current?.scenarioName} v{current?.version}</h3>
        {view ? <span className="muted">computed in {view.ms} ms on the server</span> : null}
      </div>
      <LongCallBar what="Dashboard" progress={progress} onCancel={cancelDashboard} />
      {message ? <p className="scn-panel__msg" role="alert" data-testid="dashboard-message">{message}</p> : null}
      {d ? (
        <>
          <Cards d={d} />
          {charts ? (
            <>
              <ChartOrderPicker value={order} onChange={setOrder} />
              <div className="dash-charts">
                <TerritoryBarChart title="Potential by territory" spec={charts.potential} share={d.settings.band} testId="chart-potential" />
                <TerritoryBarChart title="Workload by territory" spec={charts.workload} share={d.settings.band} testId="chart-workload" />
                <TerritoryBarChart title="Quota by territory" spec={charts.quota} testId="chart-quota" />
              </div>
            </>
          ) : null}
          <h4>Per rep <button data-testid="export-reps-xlsx" onClick={() => void downloadXlsx(`reps-${current?.scenarioName ?? 'scenario'}.xlsx`.replace(/[^\w.-]+/g, '-'), [repKpiTable(d.reps)])}>Excel</button></h4>
          <RepTable d={d} />
          <p className="muted">{d.notes.join(' ')} Quotas: {d.settings.quotas.mode}; capacity {fmtInt(d.settings.capacityHours)} h per rep-year. {travelNote(d.settings.travel)}</p>
        </>
      ) : status === 'loading' ? <p className="muted">Computing the dashboard…</p> : null}
    </main>
  );
}
