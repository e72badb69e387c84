// Geometry of a bar chart with a target band, shared by the dashboard's React SVG and the report's SVG
// string so both draw the same picture from one piece of arithmetic.

/** One bar in chart coordinates. */
export type BarGeom = { label: string; value: number; x: number; y: number; width: number; height: number; color: string; outside: boolean };

/** A laid-out bar chart: bars, the band rectangle (mean x (1 ± band)), the mean line and y ticks. */
export type BarChartLayout = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: BarGeom[];
  band: { y: number; height: number; mean: number; low: number; high: number } | null;
  meanY: number | null;
  ticks: { y: number; label: string }[];
};

/** Short number label: 1.2M, 350k, 42. */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(1)}B`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k`;
  return a >= 10 || a === 0 ? v.toFixed(0) : v.toFixed(2);
}

/** Lays out bars for values (in input order) with an optional ±band around their mean. */
export function barChartLayout(
  items: readonly { label: string; value: number; color: string }[],
  opts: { width: number; height: number; band?: number },
): BarChartLayout {
  const plot = { left: 48, top: 8, right: opts.width - 8, bottom: opts.height - 22 };
  const n = items.length;
  const mean = n ? items.reduce((s, b) => s + b.value, 0) / n : 0;
  const low = opts.band !== undefined ? mean * (1 - opts.band) : mean;
  const high = opts.band !== undefined ? mean * (1 + opts.band) : mean;
  const max = Math.max(1e-9, high, ...items.map((b) => b.value));
  const scale = (plot.bottom - plot.top) / max;
  const y = (v: number): number => plot.bottom - Math.max(0, v) * scale;
  const step = n ? (plot.right - plot.left) / n : 0;
  const bars = items.map((b, i) => ({
    label: b.label,
    value: b.value,
    x: plot.left + i * step + step * 0.1,
    y: y(b.value),
    width: Math.max(0.5, step * 0.8),
    height: plot.bottom - y(b.value),
    color: b.color,
    outside: opts.band !== undefined && (b.value < low || b.value > high),
  }));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ y: y(max * f), label: shortNumber(max * f) }));
  const band = opts.band !== undefined && n ? { y: y(high), height: y(low) - y(high), mean, low, high } : null;
  return { width: opts.width, height: opts.height, plot, bars, band, meanY: n ? y(mean) : null, ticks };
}
