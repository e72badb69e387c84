import { barChartLayout } from '../../../shared/domain/kpi/bar-chart';

/** Escapes text for HTML and SVG content and attributes. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A bar chart with a target band as an SVG string (same layout as the dashboard's React chart). */
export function barChartSvg(title: string, items: { label: string; value: number; color: string }[], band: number | undefined, width = 700, height = 220): string {
  const l = barChartLayout(items, { width, height, band });
  const parts: string[] = [];
  if (l.band) parts.push(`<rect x="${l.plot.left}" y="${l.band.y.toFixed(1)}" width="${l.plot.right - l.plot.left}" height="${Math.max(1, l.band.height).toFixed(1)}" fill="#2e7d32" fill-opacity="0.12"/>`);
  for (const t of l.ticks) parts.push(`<line x1="${l.plot.left}" x2="${l.plot.right}" y1="${t.y.toFixed(1)}" y2="${t.y.toFixed(1)}" stroke="#e0e0e0"/><text x="${l.plot.left - 4}" y="${(t.y + 3).toFixed(1)}" text-anchor="end" font-size="9">${esc(t.label)}</text>`);
  for (const b of l.bars) {
    parts.push(`<rect x="${b.x.toFixed(1)}" y="${b.y.toFixed(1)}" width="${b.width.toFixed(1)}" height="${b.height.toFixed(1)}" fill="${esc(b.color)}" stroke="${b.outside ? '#c62828' : 'none'}"><title>${esc(b.label)}: ${esc(Math.round(b.value))}</title></rect>`);
  }
  if (l.meanY !== null) parts.push(`<line x1="${l.plot.left}" x2="${l.plot.right}" y1="${l.meanY.toFixed(1)}" y2="${l.meanY.toFixed(1)}" stroke="#2e7d32" stroke-dasharray="4 3"/>`);
  const caption = band !== undefined ? ` — band mean ±${Math.round(band * 100)}% shaded, bars outside it outlined red` : '';
  return `<figure><figcaption>${esc(title)}${esc(caption)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg></figure>`;
}
