import { parseHTML } from 'linkedom';
import { barChart, bandCaption, type BarChartSpec } from '../../../shared/charts/bar-charts';
import { esc } from './svg-parts';

// The report draws the app's charts (shared/charts/bar-charts.ts) into a server-side document: linkedom is a small
// DOM for Node, enough for Observable Plot to build its SVG (the report is HTML printed to PDF).

/** A bar chart of the report as HTML: its figure with the title and band in words, and Plot's SVG. */
export function chartFigure(title: string, spec: BarChartSpec, share?: number, note?: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = barChart(document, spec).outerHTML;
  const band = bandCaption(spec, share);
  return `<figure class="chart" style="width:${spec.width}px"><figcaption><strong>${esc(title)}</strong>${band ? ` — ${esc(band)}` : ''}${note ? ` ${esc(note)}` : ''}</figcaption>${svg}</figure>`;
}
