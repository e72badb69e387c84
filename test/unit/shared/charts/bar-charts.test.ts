import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bandAround, bandCaption, barChart, fitBars, orderedNames, potentialCharts, type BarChartSpec } from '../../../../shared/charts/bar-charts';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document;
const bars = [
  { name: 'TX Dallas', value: 2.63e9, color: '#8dd3c7' },
  { name: 'CA Los Angeles', value: 1.2e9, color: '#fb8072' },
  { name: 'NY Kings', value: 1.5e9, color: '#80b1d3' },
];

describe('territory bar charts (Observable Plot)', () => {
  it('names every bar, titles the axis with its unit, prints money values, shades the band and outlines bars outside it', () => {
    const band = bandAround(bars.map((b) => b.value), 0.05)!;
    const spec: BarChartSpec = { axis: 'Potential (USD)', display: 'money', bars, band, width: 500 };
    const el = barChart(doc(), spec) as unknown as { outerHTML: string; querySelectorAll: (q: string) => { length: number } };
    const svg = el.outerHTML;
    for (const b of bars) expect(svg).toContain(b.name);
    expect(svg).toContain('Potential (USD)');
    expect(svg).toContain('$2.63 B');
    // The band: one translucent green rectangle; every bar is outside a ±5 % band here, so three red outlines.
    expect(svg.match(/fill-opacity="0.12"/g)).toHaveLength(1);
    expect(el.querySelectorAll('g[stroke="#c62828"] rect').length).toBe(3);
    expect(el.querySelectorAll('g[aria-label="bar"] rect').length).toBe(6);
    expect(bandCaption(spec, 0.05)).toBe('Band $1.69 B – $1.87 B (±5 % around the mean) shaded; 3 territories outside it, outlined red.');
  });

  it('orders bars largest first or by name, and shows hours as hours', () => {
    expect(orderedNames(bars)).toEqual(['TX Dallas', 'NY Kings', 'CA Los Angeles']);
    expect(orderedNames(bars, 'name')).toEqual(['CA Los Angeles', 'NY Kings', 'TX Dallas']);
    const svg = barChart(doc(), { axis: 'Workload (hours)', display: 'hours', bars: [{ name: 'A', value: 12345, color: '#000' }], width: 300 }).outerHTML;
    expect(svg).toContain('12,345 h');
    expect(svg).toContain('Workload (hours)');
  });

  it('puts before and after on one scale, leaves overlay territories out, and fits long lists to a page', () => {
    const plans = [
      { name: 'Before', band: { low: 9, high: 11, mean: 10 }, territories: [{ name: 'A', potential: 10, color: '#111' }, { name: 'Enterprise', potential: 500, color: '#222', group: 1 }] },
      { name: 'After', band: { low: 19, high: 21, mean: 20 }, territories: [{ name: 'B', potential: 20, color: '#333' }] },
    ];
    const charts = potentialCharts(plans, 300);
    expect(charts.map((c) => c.title)).toEqual(['Before: potential by territory', 'After: potential by territory']);
    expect(charts.map((c) => c.spec.max)).toEqual([21, 21]);
    expect(charts[0]!.spec.bars.map((b) => b.name)).toEqual(['A']);
    const many = Array.from({ length: 100 }, (_, i) => ({ name: `T${i}`, value: i, color: '#000' }));
    const fit = fitBars(many, 70);
    expect(fit.bars).toHaveLength(70);
    expect(fit.bars[0]!.name).toBe('T99');
    expect(fit.note).toBe('The 35 largest and 35 smallest of 100 territories; the table lists all.');
  });
});
