import { barChartLayout, shortNumber } from '../../../shared/domain/kpi/bar-chart';

/** Bar chart with a shaded target band (mean ± band) and bars outside it outlined; plain SVG. */
export function BarChart({ title, items, band, width = 640, height = 200 }: { title: string; items: { label: string; value: number; color: string }[]; band?: number; width?: number; height?: number }) {
  const l = barChartLayout(items, { width, height, band });
  return (
    <figure className="chart" data-testid={`chart-${title}`}>
      <figcaption>{title}{band !== undefined ? ` — band ±${Math.round(band * 100)}% around the mean` : ''}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        {l.band ? <rect x={l.plot.left} y={l.band.y} width={l.plot.right - l.plot.left} height={Math.max(1, l.band.height)} fill="#2e7d32" fillOpacity={0.12} /> : null}
        {l.ticks.map((t) => (
          <g key={t.y}>
            <line x1={l.plot.left} x2={l.plot.right} y1={t.y} y2={t.y} stroke="#e5e7eb" />
            <text x={l.plot.left - 4} y={t.y + 3} textAnchor="end" fontSize={9}>{t.label}</text>
          </g>
        ))}
        {l.bars.map((b, i) => (
          <rect key={i} x={b.x} y={b.y} width={b.width} height={b.height} fill={b.color} stroke={b.outside ? '#c62828' : 'none'}>
            <title>{`${b.label}: ${shortNumber(b.value)}${b.outside ? ' (outside band)' : ''}`}</title>
          </rect>
        ))}
        {l.meanY !== null ? <line x1={l.plot.left} x2={l.plot.right} y1={l.meanY} y2={l.meanY} stroke="#2e7d32" strokeDasharray="4 3" /> : null}
      </svg>
    </figure>
  );
}
