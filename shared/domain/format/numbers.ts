/** The one number formatter for amounts people read: compact scale words, money and hours. */

/** Compact number for money-like values: 2.63 B, 1.2 M, 340 k, 9,999. */
export function formatCompact(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(2)} B`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(1)} M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(0)} k`;
  return Math.round(v).toLocaleString('en-US');
}

/** Money in US dollars, compact: "$2.63 B", "−$340 k". */
export function formatMoney(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return `${v < 0 ? '−' : ''}$${formatCompact(Math.abs(v))}`;
}

/** Hours with thousands separators: "12,345 h". */
export function formatHours(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')} h` : '–';
}
