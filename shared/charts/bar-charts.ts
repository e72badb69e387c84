// The one definition of Tessera's bar charts, drawn with Observable Plot: the app draws them into the page's
// document, the report into a server-side document (linkedom), so both show the same picture. Pure: the document
// to build in is passed in, nothing global is read or written.
import * as Plot from '@observablehq/plot';
import { formatMeasure, type MeasureDisplay } from '../domain/kpi/registry';

/** One bar: a territory's name, its value and its colour. */
export type ChartBar = { name: string; value: number; color: string };

/** The target band drawn behind the bars: mean × (1 ± band). */
export type ChartBand = { low: number; high: number; mean: number };

/** How bars are ordered top to bottom: largest first, by name, or in a given order of names. */
export type ChartOrder = 'value' | 'name' | readonly string[];

/** What a bar chart shows. */
export type BarChartSpec = {
  /** Title of the value axis, with its unit: "Potential (USD)", "Workload (hours)". */
  axis: string;
  /** How values read on the axis and at the bars' ends ("$2.63 B", "12,345 h", "1,234"). */
  display: MeasureDisplay;
  bars: readonly ChartBar[];
  band?: ChartBand | null;
  order?: ChartOrder;
  /** Width in pixels; the height follows the number of bars. */
  width: number;
  /** Pixels per bar (default 16). */
  rowHeight?: number;
  /** Territory names on the left (default true); off for the second of two charts that share one order. */
  names?: boolean;
  /** End of the value axis, to put two charts side by side on one scale (default: the largest value or band edge). */
  max?: number;
};

/** A band of ±share around the mean of values (null without values). */
export function bandAround(values: readonly number[], share: number): ChartBand | null {
  if (values.length === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return { low: mean * (1 - share), high: mean * (1 + share), mean };
}

/** True when a bar lies outside the band (drawn with a red outline and counted in the caption). */
export function outsideBand(value: number, band: ChartBand | null | undefined): boolean {
  return !!band && (value < band.low || value > band.high);
}

/** The names top to bottom. */
export function orderedNames(bars: readonly ChartBar[], order: ChartOrder = 'value'): string[] {
  if (Array.isArray(order)) return [...(order as readonly string[])];
  const sorted = [...bars].sort(order === 'name' ? (a, b) => a.name.localeCompare(b.name) : (a, b) => b.value - a.value || a.name.localeCompare(b.name));
  return sorted.map((b) => b.name);
}

/** The largest value a chart must show (bars and band edge), for a shared scale. */
export function chartMax(spec: Pick<BarChartSpec, 'bars' | 'band'>): number {
  return Math.max(1e-9, spec.band?.high ?? 0, ...spec.bars.map((b) => b.value));
}

/** Width taken by the names column: about 6 px per character of the longest name, 40–190 px. */
function namesMargin(bars: readonly ChartBar[]): number {
  const longest = bars.reduce((m, b) => Math.max(m, b.name.length), 0);
  return Math.min(190, Math.max(40, Math.round(longest * 6 + 10)));
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A horizontal bar chart of territories: names on the left, the value axis with its title and unit, the target band
 * shaded green with a dashed mean line, bars outside the band outlined red, each bar's value at its end.
 * `document` is the DOM document to build the SVG element in.
 */
export function barChart(document: unknown, spec: BarChartSpec): { outerHTML: string } {
  const names = spec.names ?? true;
  const rowHeight = spec.rowHeight ?? 16;
  const order = orderedNames(spec.bars, spec.order);
  const max = spec.max ?? chartMax(spec);
  const fmt = (v: number): string => formatMeasure(v, spec.display);
  const outside = spec.bars.filter((b) => outsideBand(b.value, spec.band));
  const band = spec.band ? [spec.band] : [];
  return Plot.plot({
    document: document as never,
    width: spec.width,
    height: Math.max(90, order.length * rowHeight + 46),
    marginLeft: names ? namesMargin(spec.bars) : 8,
    // Room for the value printed past the longest bar.
    marginRight: 64,
    marginTop: 6,
    marginBottom: 34,
    style: { fontSize: '10px', fontFamily: 'system-ui, "DejaVu Sans", Arial, sans-serif', overflow: 'visible' },
    x: { domain: [0, max], label: spec.axis, labelAnchor: 'center', labelArrow: 'none', grid: true, ticks: Math.max(2, Math.floor(spec.width / 130)), tickFormat: fmt },
    y: { domain: order, label: null, axis: names ? 'left' : null, tickSize: 0, tickFormat: (n: string) => clip(n, 30), padding: 0.18 },
    marks: [
      Plot.rectX(band, { x1: 'low', x2: 'high', fill: '#2e7d32', fillOpacity: 0.12 }),
      Plot.ruleX(band, { x: 'mean', stroke: '#2e7d32', strokeDasharray: '4 3' }),
      Plot.barX(spec.bars, { x: 'value', y: 'name', fill: 'color', title: (b: ChartBar) => `${b.name}: ${fmt(b.value)}${outsideBand(b.value, spec.band) ? ' (outside the band)' : ''}` }),
      Plot.barX(outside, { x: 'value', y: 'name', fill: 'none', stroke: '#c62828', strokeWidth: 1.5 }),
      Plot.text(spec.bars, { x: 'value', y: 'name', text: (b: ChartBar) => fmt(b.value), dx: 4, textAnchor: 'start', fontSize: 9, fill: '#374151' }),
      Plot.ruleX([0], { stroke: '#9ca3af' }),
    ],
  }) as unknown as { outerHTML: string };
}

/** Caption words for a band: "Band $41.3 M – $45.7 M (±5 % around the mean) shaded; 3 territories outside it, outlined red." */
export function bandCaption(spec: Pick<BarChartSpec, 'band' | 'bars' | 'display'>, share?: number): string {
  if (!spec.band) return '';
  const n = spec.bars.filter((b) => outsideBand(b.value, spec.band)).length;
  const around = share !== undefined ? ` (±${Math.round(share * 100)} % around the mean)` : '';
  return `Band ${formatMeasure(spec.band.low, spec.display)} – ${formatMeasure(spec.band.high, spec.display)}${around} shaded; ${n === 0 ? 'every territory inside it' : `${n} territor${n === 1 ? 'y' : 'ies'} outside it, outlined red`}.`;
}

/** What the comparison's charts need of each compared scenario (shared/domain/scenario/compare.ts). */
type ComparedPlan = { name: string; territories: readonly { name: string; potential: number; color: string; group?: number }[]; band: ChartBand };

/**
 * Before/after: the potential per territory of each compared plan, each with its own band and order (largest
 * first), all on one scale so bars compare across charts. Only the default alignment's territories: the band is
 * theirs, and overlay territories (e.g. Enterprise) are on another scale.
 */
export function potentialCharts(plans: readonly ComparedPlan[], width: number, order: 'value' | 'name' = 'value'): { title: string; spec: BarChartSpec }[] {
  const specs = plans.map((p) => ({ axis: 'Potential (USD)', display: 'money' as const, bars: p.territories.filter((t) => !t.group).map((t) => ({ name: t.name, value: t.potential, color: t.color })), band: p.band, order, width }));
  const max = Math.max(...specs.map(chartMax));
  return specs.map((spec, i) => ({ title: `${plans[i]!.name}: potential by territory`, spec: { ...spec, max } }));
}

/**
 * For a printed page: at most `limit` bars, the largest and smallest halves when there are more, with the note
 * that says so (null when all are shown).
 */
export function fitBars(bars: readonly ChartBar[], limit: number): { bars: ChartBar[]; note: string | null } {
  if (bars.length <= limit) return { bars: [...bars], note: null };
  const half = Math.floor(limit / 2);
  const sorted = [...bars].sort((a, b) => b.value - a.value);
  return { bars: [...sorted.slice(0, half), ...sorted.slice(-half)], note: `The ${half} largest and ${half} smallest of ${bars.length} territories; the table lists all.` };
}

/** Pixels per bar so that `count` bars fill about `height` pixels (9–16). */
export function rowHeightFor(count: number, height: number): number {
  return Math.max(9, Math.min(16, Math.floor(height / Math.max(1, count))));
}
