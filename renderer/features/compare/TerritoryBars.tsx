import { useMemo, useState } from 'react';
import { potentialCharts } from '../../../shared/charts/bar-charts';
import type { ScenarioComparison } from '../../../shared/domain/scenario/compare';
import { ChartOrderPicker, TerritoryBarChart } from '../charts/TerritoryBarChart';

/** Before/after side by side: potential per territory of every compared plan, one scale, each with its target band. */
export function TerritoryBars({ scenarios, share }: { scenarios: readonly ScenarioComparison[]; share: number }) {
  const [order, setOrder] = useState<'value' | 'name'>('value');
  const charts = useMemo(() => potentialCharts(scenarios, 290, order), [scenarios, order]);
  return (
    <section className="cmp-bars" data-testid="territory-bars">
      <ChartOrderPicker value={order} onChange={setOrder} />
      <div className="cmp-bars__row">
        {charts.map((c, i) => <TerritoryBarChart key={i} title={c.title} spec={c.spec} share={share} testId={`compare-chart-${i}`} />)}
      </div>
    </section>
  );
}
