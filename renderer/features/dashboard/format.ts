/** Integer with thousands separators. */
export const fmtInt = (v: number): string => Math.round(v).toLocaleString('en-US');
/** Fraction as a percentage; a dash for null or non-finite. */
export const fmtPct = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)}%`);
/** Ratio with two decimals; a dash for null or non-finite. */
export const fmtRatio = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(2));
