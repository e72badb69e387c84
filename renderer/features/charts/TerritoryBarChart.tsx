import { useEffect, useRef } from 'react';
import { barChart, bandCaption, type BarChartSpec } from '../../../shared/charts/bar-charts';

/**
 * A territory bar chart (shared/charts/bar-charts.ts, Observable Plot) in the page: the same picture the report
 * prints. The caption names what is shown and, with a band, how many territories lie outside it.
 */
export function TerritoryBarChart({ title, spec, share, testId }: { title: string; spec: BarChartSpec; share?: number; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = barChart(document, spec) as unknown as Element;
    box.current?.replaceChildren(el);
  }, [spec]);
  const band = bandCaption(spec, share);
  return (
    <figure className="chart" data-testid={testId} style={{ width: spec.width }}>
      <figcaption><strong>{title}</strong>{band ? ` — ${band}` : ''}</figcaption>
      <div ref={box} role="img" aria-label={`${title}: ${spec.bars.length} territories`} />
    </figure>
  );
}

/** "Sort: largest first | by name" for a group of charts. */
export function ChartOrderPicker({ value, onChange }: { value: 'value' | 'name'; onChange: (v: 'value' | 'name') => void }) {
  return (
    <label className="chart-order">
      Sort bars{' '}
      <select data-testid="chart-order" value={value} onChange={(e) => onChange(e.target.value as 'value' | 'name')}>
        <option value="value">largest first</option>
        <option value="name">by name</option>
      </select>
    </label>
  );
}
